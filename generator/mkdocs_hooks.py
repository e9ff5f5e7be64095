"""MkDocs hook: put the pre-rendered HTML of each generated page into the page.

Transcript, topic and speaker pages are rendered straight to HTML by the generator
(``fragments/`` beside the generated ``docs/``); their Markdown holds only the front
matter and the title. Python-Markdown would spend most of the build re-parsing that
HTML; here it is inserted as it is, as each page is written, and its ids are registered
so that MkDocs' anchor validation still checks links into it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_ID = re.compile(r'\sid="([^"]+)"')
_PLACE = "<!-- transcript-archive: the page's fragment -->"
"""Where the fragment goes: MkDocs reads every page before it writes any, and would hold
the HTML of the whole archive at once; the fragment is put in as each page is written.
(Transcript text is escaped in the fragments and the titles: this comment cannot come
from it.)"""


def _fragment(page: Any, config: Any) -> Path:
    fragment = Path(config["docs_dir"]).parent / "fragments" / page.file.src_uri
    return fragment.with_suffix(".html")


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Mark where the page's fragment goes, if the generator wrote one, and note its ids
    for MkDocs' anchor validation."""
    fragment = _fragment(page, config)
    if not fragment.is_file():
        return html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_ID.findall(fragment.read_text("utf-8")))
    return html + _PLACE


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Put the page's fragment where ``on_page_content`` marked it."""
    before, place, after = output.partition(_PLACE)
    if not place:
        return output
    return before + _fragment(page, config).read_text("utf-8") + after


def on_post_build(config: Any) -> None:
    """Under ``transcripts serve``, index the preview for search too (a build indexes its
    staging folder itself, before swapping it in)."""
    import os

    if os.environ.get("TRANSCRIPTS_SERVE_SEARCH") == "1":
        from generator import search

        search.index(Path(config["site_dir"]))
