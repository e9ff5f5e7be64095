"""Link check of the pre-rendered HTML fragments, before anything is published.

MkDocs validates the links of Markdown pages; the fragments are inserted after its
Markdown stage, so their links are checked here: every relative link must lead to a
generated page or file, and every ``#anchor`` to an id on that page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import unquote

from generator.errors import BuildError

_OUTSIDE = re.compile(r"^[a-z][a-z0-9+.-]*:")
_HREF = re.compile(r'\shref="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


def page_url(path: str) -> str:
    """Site address of a generated Markdown page: ``topics/x.md`` → ``topics/x/``."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


class LinkCheck:
    """Collects the generated files one by one (keeping only their ids and links), then
    reports every broken link of the fragments."""

    def __init__(self) -> None:
        self.pages: dict[str, set[str]] = {}
        self.statics: set[str] = set()
        # fragment path → (its page's address, its distinct links): a page repeats the
        # same few links hundreds of times, and at archive scale keeping every one of
        # them would cost gigabytes.
        self.links: dict[str, tuple[str, frozenset[str]]] = {}
        self.known: set[str] = set()
        """Fragments not rendered again, whose links passed the last build's check."""

    def add(self, path: str, content: str | bytes) -> None:
        """Note one generated file (``docs/...`` or ``fragments/...``)."""
        if path.startswith("docs/") and path.endswith(".md"):
            self.pages.setdefault(page_url(path[len("docs/"):]), set())
        elif path.startswith("docs/"):
            self.statics.add(path[len("docs/"):])
        elif path.startswith("fragments/"):
            text = content.decode("utf-8") if isinstance(content, bytes) else content
            here = page_url(path[len("fragments/"):-len(".html")] + ".md")
            self.pages.setdefault(here, set()).update(_ID.findall(text))
            self.links[path] = (here, frozenset(_HREF.findall(text)))

    def add_known(self, path: str, ids: frozenset[str], links: frozenset[str]) -> None:
        """Note a fragment that was not rendered again, by the ids and links it has."""
        here = page_url(path[len("fragments/"):-len(".html")] + ".md")
        self.pages.setdefault(here, set()).update(ids)
        self.links[path] = (here, links)
        self.known.add(path)

    def targets(self) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
        """What links can lead to: every page's address with its ids, every other file."""
        return ({here: frozenset(ids) for here, ids in self.pages.items()},
                frozenset(self.statics))

    def update(self, other: LinkCheck) -> None:
        """Add what another check noted (of other files: a worker process's share)."""
        for here, ids in other.pages.items():
            self.pages.setdefault(here, set()).update(ids)
        self.statics |= other.statics
        self.links.update(other.links)
        self.known |= other.known

    def found(self, path: str) -> tuple[frozenset[str], frozenset[str]]:
        """The ids and links noted of a fragment; empty for other files."""
        if path not in self.links:
            return frozenset(), frozenset()
        here, links = self.links[path]
        return frozenset(self.pages.get(here, ())), links

    def problems(self, before: tuple[dict[str, frozenset[str]], frozenset[str]] | None = None
                 ) -> list[str]:
        """Every broken link, by fragment in the order they came.

        ``before``, the ``targets`` of the last build whose check passed: when every page,
        id and file of then is still there, the links of fragments not rendered again
        still lead where they led, and only the others are checked."""
        skip = self.known if before is not None and self._still_there(*before) else set()
        found = []
        for path, (here, hrefs) in self.links.items():
            if path in skip:
                continue
            for href in sorted(hrefs):
                found += self._check(path, here, href)
        return found

    def _still_there(self, pages: dict[str, frozenset[str]], statics: frozenset[str]) -> bool:
        return statics <= self.statics and all(
            here in self.pages and ids <= self.pages[here] for here, ids in pages.items())

    def _check(self, path: str, here: str, href: str) -> list[str]:
        """The problem with one link of the fragment ``path`` (at address ``here``)."""
        if _OUTSIDE.match(href):
            return []  # an outside address
        target, _, anchor = href.partition("#")
        if "%" in href:
            target, anchor = unquote(target), unquote(anchor)
        resolved = self._resolve(here, target)
        if target.endswith("/") or not target:
            key = resolved.rstrip("/") + "/" if resolved else ""
            if key not in self.pages:
                return [f"{path}: link {href!r} leads to no page"]
            if anchor and anchor not in self.pages[key]:
                return [f"{path}: link {href!r}: no #{anchor} on that page"]
        elif resolved not in self.statics:
            return [f"{path}: link {href!r} leads to no file"]
        return []

    @staticmethod
    @lru_cache(maxsize=65536)
    def _resolve(here: str, target: str) -> str:
        """The site path ``target`` leads to from the page at ``here`` (the same few
        relative paths recur from every page of a folder)."""
        resolved = posixpath.normpath(posixpath.join(here, target)) if target else here
        return "" if resolved == "." else resolved

    def verify(self, before: tuple[dict[str, frozenset[str]], frozenset[str]] | None = None
               ) -> None:
        """Raise ``BuildError`` naming the broken links, if any (``before``: as for
        ``problems``)."""
        problems = self.problems(before)
        if problems:
            shown = "\n  ".join(problems[:20])
            more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise BuildError(
                f"{len(problems)} broken links in the generated pages:\n  {shown}{more}"
            )


def check(files: Mapping[str, str | bytes]) -> None:
    """Raise ``BuildError`` naming every broken link of the fragments in ``files``."""
    checker = LinkCheck()
    for path, content in files.items():
        checker.add(path, content)
    checker.verify()
