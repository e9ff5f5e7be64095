"""Redirect pages: an old address of a renamed or superseded item leads to the new one.

A transcript or topic renamed in the content lists its old ids in ``former_ids``; a
corrected re-issue names the earlier transcript in ``supersedes``, which redirects once
the earlier file is gone. Each old address gets a small static HTML page (an ``.html``
file in MkDocs' ``docs_dir`` is copied as it is, not themed) that sends the reader on
with the ``#anchor`` kept, so that a link to a paragraph still opens that paragraph.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape

from generator.model import Archive

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<script>location.replace({target_js} + location.hash)</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This page has moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def moves(archive: Archive) -> dict[str, tuple[str, str]]:
    """Old site path → (new site path, title of the new page): ``transcripts/<old>/`` →
    ``transcripts/<new>/``. Load has made sure no former id is a current id or claimed
    twice; a ``supersedes`` redirects only an address that nothing else holds."""
    found: dict[str, tuple[str, str]] = {}
    for topic in archive.topics.values():
        for old in topic.former_ids:
            found[f"topics/{old}/"] = (f"topics/{topic.id}/", topic.title)
    current = {f"transcripts/{t.id}/" for t in archive.transcripts}
    for transcript in archive.transcripts:
        for old in transcript.former_ids:
            found[f"transcripts/{old}/"] = (f"transcripts/{transcript.id}/", transcript.title)
    # Newest first: of two re-issues of one transcript, the newer one takes its address.
    for transcript in archive.transcripts:
        earlier = f"transcripts/{transcript.supersedes}/"
        if transcript.supersedes and earlier not in current and earlier not in found:
            found[earlier] = (f"transcripts/{transcript.id}/", transcript.title)
    return found


def page(old: str, new: str, title: str, site_url: str = "") -> str:
    """The HTML of the redirect page at ``old`` (both site paths ending in ``/``)."""
    depth = old.count("/")
    target = "../" * depth + new
    canonical = site_url.rstrip("/") + "/" + new if site_url else target
    return _PAGE.format(
        title=escape(title), target=escape(target), canonical=escape(canonical),
        target_js=json.dumps(target),  # slugs and slashes only: nothing to end the script
    )


def pages(archive: Archive, site_url: str = "") -> Iterator[tuple[str, str]]:
    """(``docs/<old>/index.html``, redirect page) for every old address, sorted."""
    for old, (new, title) in sorted(moves(archive).items()):
        yield f"docs/{old}index.html", page(old, new, title, site_url)
