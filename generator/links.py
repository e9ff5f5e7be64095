"""Link check of the pre-rendered HTML fragments, before anything is published.

MkDocs validates the links of Markdown pages; the fragments are inserted after its
Markdown stage, so their links are checked here: every relative link must lead to a
generated page or file, and every ``#anchor`` to an id on that page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
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


SEPARATOR = "\0"
"""Between the ids, and the links, of a fragment kept as one string: a page's ids and a
topic page's links are thousands of short strings, which as objects cost ten times their
characters. (A page cannot hold the character: the content may not.)"""


def _joined(items: Iterable[str]) -> str:
    """``items`` as one string, sorted, each once, each between separators."""
    unique = sorted(set(items))
    return SEPARATOR + SEPARATOR.join(unique) + SEPARATOR if unique else ""


def _split(joined: str) -> list[str]:
    return joined[1:-1].split(SEPARATOR) if joined else []


class LinkCheck:
    """Collects the generated files one by one (keeping only their ids and links), then
    reports every broken link of the fragments."""

    def __init__(self) -> None:
        # page address → its ids, joined (see ``SEPARATOR``)
        self.pages: dict[str, str] = {}
        self.statics: set[str] = set()
        # fragment path → (its page's address, its distinct links, joined): a page repeats
        # the same few links hundreds of times, and at archive scale keeping every one of
        # them, or each as an object, would cost gigabytes.
        self.links: dict[str, tuple[str, str]] = {}
        self.known: set[str] = set()
        """Fragments not rendered again, whose links passed the last build's check."""

    def _add_ids(self, here: str, ids: str) -> None:
        before = self.pages.get(here)
        if not before or before == ids:
            self.pages[here] = ids
        elif ids:  # (a page is one fragment: this happens only if it is noted twice)
            self.pages[here] = _joined(_split(before) + _split(ids))

    def add(self, path: str, content: str | bytes) -> None:
        """Note one generated file (``docs/...`` or ``fragments/...``)."""
        if path.startswith("docs/") and path.endswith(".md"):
            self._add_ids(page_url(path[len("docs/"):]), "")
        elif path.startswith("docs/"):
            self.statics.add(path[len("docs/"):])
        elif path.startswith("fragments/"):
            text = content.decode("utf-8") if isinstance(content, bytes) else content
            here = page_url(path[len("fragments/"):-len(".html")] + ".md")
            self._add_ids(here, _joined(_ID.findall(text)))
            self.links[path] = (here, _joined(_HREF.findall(text)))

    def add_known(self, path: str, ids: str, links: str) -> None:
        """Note a fragment that was not rendered again, by the ids and links it has (as
        ``found`` gave them)."""
        here = page_url(path[len("fragments/"):-len(".html")] + ".md")
        self._add_ids(here, ids)
        self.links[path] = (here, links)
        self.known.add(path)

    def targets(self) -> tuple[dict[str, str], frozenset[str]]:
        """What links can lead to: every page's address with its ids, every other file."""
        return dict(self.pages), frozenset(self.statics)

    def update(self, other: LinkCheck) -> None:
        """Add what another check noted (of other files: a worker process's share)."""
        for here, ids in other.pages.items():
            self._add_ids(here, ids)
        self.statics |= other.statics
        self.links.update(other.links)
        self.known |= other.known

    def found(self, path: str) -> tuple[str, str]:
        """The ids and links noted of a fragment, joined; empty for other files."""
        if path not in self.links:
            return "", ""
        here, links = self.links[path]
        return self.pages.get(here, ""), links

    def problems(self, before: tuple[dict[str, str], frozenset[str]] | None = None
                 ) -> list[str]:
        """Every broken link, by fragment in the order they came.

        ``before``, the ``targets`` of the last build whose check passed: when every page,
        id and file of then is still there, the links of fragments not rendered again
        still lead where they led, and only the others are checked."""
        skip = self.known if before is not None and self._still_there(*before) else set()
        found = []
        self._ids: dict[str, frozenset[str]] = {}
        for path, (here, hrefs) in self.links.items():
            if path in skip:
                continue
            for href in _split(hrefs):
                found += self._check(path, here, href)
        del self._ids
        return found

    def _still_there(self, pages: dict[str, str], statics: frozenset[str]) -> bool:
        return statics <= self.statics and all(
            here in self.pages and (ids == self.pages[here] or set(_split(ids)) <= set(
                _split(self.pages[here]))) for here, ids in pages.items())

    def _has_id(self, page: str, anchor: str) -> bool:
        """Whether the page at ``page`` has the id ``anchor``. The ids of the pages
        checked last are kept as sets: a page's links to another come together."""
        ids = self._ids.get(page)
        if ids is None:
            if len(self._ids) >= 4096:
                self._ids.clear()
            ids = self._ids[page] = frozenset(_split(self.pages[page]))
        return anchor in ids

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
            if anchor and not self._has_id(key, anchor):
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
