"""Link check of the pre-rendered HTML fragments, before anything is published.

MkDocs validates the links of Markdown pages; the fragments are inserted after its
Markdown stage, so their links are checked here: every relative link must lead to a
generated page or file, and every ``#anchor`` to an id on that page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from urllib.parse import unquote, urldefrag

from generator.errors import BuildError

_HREF = re.compile(r'\shref="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


def page_url(path: str) -> str:
    """Site address of a generated Markdown page: ``topics/x.md`` → ``topics/x/``."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def check(files: Mapping[str, str | bytes]) -> None:
    """Raise ``BuildError`` naming every broken link of the fragments in ``files``."""
    pages: dict[str, set[str]] = {}
    statics: set[str] = set()
    for path in files:
        if path.startswith("docs/") and path.endswith(".md"):
            pages.setdefault(page_url(path[len("docs/"):]), set())
        elif path.startswith("docs/"):
            statics.add(path[len("docs/"):])
    for path, content in files.items():
        if path.startswith("fragments/"):
            url = page_url(path[len("fragments/"):-len(".html")] + ".md")
            pages.setdefault(url, set()).update(_ID.findall(str(content)))
    problems = []
    for path, content in files.items():
        if not path.startswith("fragments/"):
            continue
        here = page_url(path[len("fragments/"):-len(".html")] + ".md")
        for href in _HREF.findall(str(content)):
            if re.match(r"^[a-z][a-z0-9+.-]*:", href):
                continue  # an outside address
            target, anchor = urldefrag(unquote(href))
            resolved = posixpath.normpath(posixpath.join(here, target)) if target else here
            resolved = "" if resolved == "." else resolved
            if target.endswith("/") or not target:
                key = resolved.rstrip("/") + "/" if resolved else ""
                if key not in pages:
                    problems.append(f"{path}: link {href!r} leads to no page")
                elif anchor and anchor not in pages[key]:
                    problems.append(f"{path}: link {href!r}: no #{anchor} on that page")
            elif resolved not in statics:
                problems.append(f"{path}: link {href!r} leads to no file")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BuildError(f"{len(problems)} broken links in the generated pages:\n  {shown}{more}")
