"""Render only what changed: a fingerprint of each generated page's inputs.

A page's fingerprint is a digest of what it is made from: the cache key of every
transcript it shows (its file's bytes, the registries, the code that reads and tags it:
``generator.cache``), the registries, the templates, the rendering code and the site's
settings. The fingerprints of the last build that wrote and link-checked its pages are
kept in the work folder (``pages.pickle``), with the ids and links of each HTML fragment
for the link check, and every page and file the links could lead to: when all of them
(and their ids) are still there, the links of fragments not rendered again are not
checked again. A page whose fingerprint is unchanged, and whose file is still there, is
not rendered again: ``render_site`` yields ``generator.write.UNCHANGED`` in place of its
content. The record is deleted before anything is written and saved only after the link
check passed, so that a failed or killed build can never leave a record that vouches for
a file it did not finish.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.links import LinkCheck, page_url
from generator.model import Transcript

FILE = "pages.pickle"
"""The record in the work folder."""
VERSION = 5
"""The record's layout: a record of another layout is not read."""


def context(template_dirs: list[Path], *settings: object) -> bytes:
    """A digest of what every page depends on: the templates, the package's code (any
    edit re-renders everything) and ``settings`` (registries, site address and name)."""
    digest = hashlib.sha256()
    code = sorted(Path(__file__).parent.glob("*.py"))
    for folder in template_dirs:
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
        for path in files:
            digest.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
    for path in code:
        digest.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    digest.update(repr(settings).encode("utf-8"))
    return digest.digest()


class Fingerprints:
    """The fingerprints of the last build's pages, and those of this one."""

    def __init__(self, work: Path, context: bytes, keys: dict[str, str]):
        self.file = work / FILE
        self.work = work
        self.context = context
        self.keys = keys
        """Transcript id → its cache key."""
        self.previous: dict[str, tuple[str, str, str]] = {}
        """Path → (fingerprint, ids, links) of the last build (as ``LinkCheck.found``)."""
        self.targets: tuple[dict[str, str], frozenset[str]] | None = None
        """What the links of the last build could lead to (``LinkCheck.targets``)."""
        self.rows: dict[str, str] = {}
        """Transcript id → the digest of what its rows in the CSVs show (``note_rows``)."""
        self._known_rows: dict[str, str] = {}
        """Cache key → that digest, as the last build made it with the same code."""
        try:
            record = pickle.loads(self.file.read_bytes())
            if record.get("version") == VERSION:
                self.previous = record["fragments"]
                self.targets = (self._page_ids(record["pages"]), record["statics"])
                if record["context"] == context:
                    self._known_rows = record["rows"]
        except Exception:  # none, or unreadable: everything is rendered
            pass
        self.current: dict[str, str] = {}

    def _page_ids(self, pages: list[str]) -> dict[str, str]:
        """Every page of the last build with its ids: those of its fragment, kept with the
        fragment's fingerprint (not stored twice: at archive scale they are millions)."""
        ids: dict[str, str] = dict.fromkeys(pages, "")
        for path, (_, found, _) in self.previous.items():
            if path.startswith("fragments/"):
                ids[page_url(path[len("fragments/"):-len(".html")] + ".md")] = found
        return ids

    def of(self, *parts: object) -> str:
        """The fingerprint of a page made from ``parts`` (ids, numbers, transcript keys)."""
        digest = hashlib.sha256(self.context)
        digest.update(repr(parts).encode("utf-8"))
        return digest.hexdigest()

    def key(self, transcript_id: str) -> str:
        """The cache key of a transcript."""
        return self.keys[transcript_id]

    def note_rows(self, transcripts: Iterable[Transcript],
                  digest: Callable[[Transcript], str]) -> None:
        """Note ``digest`` of every transcript, taken from the last build's record for those
        whose cache key it knows (made once here, before the rendering processes fork)."""
        for transcript in transcripts:
            key = self.keys[transcript.id]
            self.rows[transcript.id] = self._known_rows.get(key) or digest(transcript)

    def unchanged(self, paths: list[str], fingerprint: str) -> bool:
        """Note the fingerprint of the files ``paths`` (relative to the work folder) and
        tell whether all of them are as the last build left them."""
        for path in paths:
            self.current[path] = fingerprint
        return all(self.previous.get(path, ("",))[0] == fingerprint
                   and (self.work / path).is_file() for path in paths)

    def known(self, path: str) -> tuple[str, str]:
        """The ids and links of an unchanged fragment, as the last build found them."""
        _, ids, links = self.previous[path]
        return ids, links

    @staticmethod
    def forget_in(work: Path) -> None:
        """Delete the record of a work folder: its files are about to change."""
        (work / FILE).unlink(missing_ok=True)

    def save(self, checker: LinkCheck) -> None:
        """Keep this build's fingerprints, with each fragment's ids and links."""
        fragments = {}
        for path, fingerprint in self.current.items():
            ids, links = checker.found(path)
            fragments[path] = (fingerprint, ids, links)
        record = {"version": VERSION, "fragments": fragments, "pages": sorted(checker.pages),
                  "statics": frozenset(checker.statics), "context": self.context,
                  "rows": {self.keys[ident]: row for ident, row in self.rows.items()}}
        self.file.write_bytes(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
