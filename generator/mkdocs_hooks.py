"""MkDocs hook: put the pre-rendered HTML of each generated page into the page.

Transcript, topic and speaker pages are rendered straight to HTML by the generator
(``fragments/`` beside the generated ``docs/``); their Markdown holds only the front
matter and the title. Python-Markdown would spend most of the build re-parsing that
HTML; here it is inserted as it is, and its ids are registered so that MkDocs' anchor
validation still checks links into it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_ID = re.compile(r'\sid="([^"]+)"')


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Append the page's fragment, if the generator wrote one."""
    fragment = Path(config["docs_dir"]).parent / "fragments" / page.file.src_uri
    fragment = fragment.with_suffix(".html")
    if not fragment.is_file():
        return html
    body = fragment.read_text("utf-8")
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_ID.findall(body))
    return html + body


def on_post_build(config: Any) -> None:
    """Under ``transcripts serve``, index the preview for search too (a build indexes its
    staging folder itself, before swapping it in)."""
    import os

    if os.environ.get("TRANSCRIPTS_SERVE_SEARCH") == "1":
        from generator import search

        search.index(Path(config["site_dir"]))
