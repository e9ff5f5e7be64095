"""A cache of the analysed model: what ``load`` and the Tagger made of each transcript file.

It sits at one seam, content in, analysed model out: a rebuild takes from the cache every
transcript whose file and whose context are unchanged, and reads, validates and tags only
the others. One entry per transcript file, ``<cache>/<stem>.<key>.pickle``, holding the
pickled, frozen ``Transcript``. The key is a hash of

- the file's name and bytes;
- the registries as loaded (speakers, topics): exactly what validation and tagging see,
  taken from the same read as the build uses, so a registry edited during a build cannot
  be keyed with the model of its earlier version;
- what the ``prepare`` step is (the build's ``Tagger``);
- the code: ``VERSION``, the source of the modules that make the model (``SOURCES``), the
  bundled JSON Schemas, and the Python, PyYAML and jsonschema versions. Any edit of those
  modules invalidates every entry, a refactor too: a needless cold load costs seconds, a
  stale model would be a wrong site.

A file with problems is never stored, so it is read again, and its problems reported, by
every build. Checks across files stay in ``load`` and run over all transcripts, cached or
not. Entries are pickles, trusted like the rest of the work folder: the cache is as safe
as the folder it is in.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import sys
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.model import Speaker, Topic, Transcript
from generator.write import write_if_changed

VERSION = 2
"""Bump when what a loaded or tagged transcript means changes in code that ``SOURCES``
does not cover."""

SOURCES = ("cache.py", "load.py", "model.py", "relevance.py", "tagging.py", "threads.py",
           "validate.py", "yamlio.py")
"""Modules of this package whose source is part of every key."""

_HERE = Path(__file__).resolve().parent


@cache
def code_fingerprint() -> bytes:
    """A digest of the code that turns a file into its model (see ``SOURCES``)."""
    digest = hashlib.sha256(f"{VERSION}\n{sys.version_info[:2]}\n".encode())
    for path in [*(_HERE / name for name in SOURCES), *sorted(_HERE.glob("schemas/*.json"))]:
        digest.update(f"{path.name}\n".encode() + path.read_bytes())
    for package in ("PyYAML", "jsonschema", "pyahocorasick"):
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    return digest.digest()


class Cache:
    """The cache folder, and what the last ``load`` found in it (``hits``, ``misses``)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.hits = 0
        """Transcripts the last load took from the cache."""
        self.misses = 0
        """Transcripts it read, validated and prepared."""
        self.keys: dict[str, str] = {}
        """File stem (the transcript id) → the key of the file as the last load read it."""

    def bind(
        self, speakers: dict[str, Speaker], topics: dict[str, Topic],
        prepare: Callable[..., Any],
    ) -> Keys:
        """The keys of entries made with these registries and this ``prepare`` step."""
        digest = hashlib.sha256(code_fingerprint())
        name = f"{prepare.__module__}.{prepare.__qualname__}\n"
        # A frozen dataclass's repr shows every field; dicts keep registry order.
        digest.update((name + repr(speakers) + "\n" + repr(topics)).encode("utf-8"))
        return Keys(self.folder, digest.digest())


class Keys:
    """Entries of one context (code, registries, prepare step); picklable, so that the
    worker processes of ``load`` can store what they prepare."""

    def __init__(self, folder: Path, context: bytes):
        self.folder = folder
        self.context = context

    def key(self, stem: str, raw: bytes) -> str:
        """The key of a transcript file named ``stem`` holding ``raw``."""
        digest = hashlib.sha256(self.context)
        digest.update(stem.encode("utf-8") + b"\0" + raw)
        return digest.hexdigest()[:32]

    def entry(self, stem: str, key: str) -> Path:
        """Where the entry of that file and key is kept."""
        return self.folder / f"{stem}.{key}.pickle"

    def lookup(self, path: Path) -> tuple[str | None, Transcript | None]:
        """The key of a transcript file as it is now, and its cached model if there is one.

        (None, None) when the file cannot be read: reading it again reports why."""
        try:
            raw = path.read_bytes()
        except OSError:
            return None, None
        key = self.key(path.stem, raw)
        try:
            transcript = pickle.loads(self.entry(path.stem, key).read_bytes())
        except Exception:  # a missing or damaged entry is a miss, never an error
            return key, None
        if not isinstance(transcript, Transcript) or transcript.id != path.stem:
            return key, None
        return key, transcript

    def lookup_all(
        self, paths: list[Path]
    ) -> list[tuple[Path, str | None, Transcript | None]]:
        """``lookup`` of every path: (path, key, cached model or None)."""
        # Unpickling makes millions of objects that live as long as the build: the garbage
        # collector's passes over them would double the time and free nothing.
        paused = gc.isenabled()
        gc.disable()
        try:
            return [(path, *self.lookup(path)) for path in paths]
        finally:
            if paused:
                gc.enable()

    def store(self, path: Path, key: str, transcript: Transcript) -> None:
        """Keep ``transcript`` as the model of ``path`` under ``key``, if the file still
        holds the bytes the key was made from (it may have been edited while it was read).
        The entry is replaced atomically; failing to write it costs only speed."""
        try:
            if self.key(path.stem, path.read_bytes()) != key:
                return
            data = pickle.dumps(transcript, pickle.HIGHEST_PROTOCOL)
            write_if_changed(self.entry(path.stem, key), data)
        except OSError:
            pass

    def prune(self, keep: set[tuple[str, str]]) -> None:
        """Delete every entry but those of ``keep`` (file stem, key), and any temporary
        file a killed build left."""
        names = {self.entry(stem, key).name for stem, key in keep}
        try:
            stale = [p for p in self.folder.iterdir() if p.name not in names and p.is_file()]
        except OSError:
            return
        for path in stale:
            path.unlink(missing_ok=True)
