"""The build pipeline: load → tag → render → write → MkDocs.

Everything is read and validated before anything is written; the site folder is
replaced only by a complete, successful build.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import links, resources, search, settings, talking_points
from generator.cache import Cache
from generator.errors import BuildError
from generator.incremental import FILE as FINGERPRINTS
from generator.incremental import Fingerprints, context
from generator.load import load
from generator.model import Archive
from generator.progress import Progress
from generator.render import assemble, render_site, row_digest
from generator.tagging import Tagger
from generator.views import Views, build_views
from generator.write import (
    UNCHANGED,
    prune,
    recover,
    staging_folder,
    swap_in,
    sync_tree,
    write_files,
    write_if_changed,
)


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes."""

    content: Path
    """The content folder (``transcripts/``, ``speakers.yaml``, ``topics.yaml``, ``raw/``)."""
    out: Path
    """The published site."""
    work: Path
    """Generated Markdown and data (``docs/``), kept between builds to write only changes."""
    config: Path = resources.CONFIG
    """The MkDocs configuration (each build's own inherits it: ``mkdocs_file``)."""

    @classmethod
    def for_(cls, content: Path, out: Path, work: Path | None = None) -> Paths:
        """Absolute paths; the work folder defaults to ``.build`` beside the site folder.

        (MkDocs would resolve relative paths against the folder of ``mkdocs.yml``.)
        """
        out = out.resolve()
        return cls(content.resolve(), out, (work or out.parent / ".build").resolve())

    @property
    def docs(self) -> Path:
        """Generated Markdown and data: MkDocs' ``docs_dir``."""
        return self.work / "docs"

    @property
    def cache(self) -> Path:
        """The loaded and tagged transcripts of the last build (``generator.cache``)."""
        return self.work / "cache"

    @property
    def sketches(self) -> Path:
        """The sketches of each transcript's lines (``talking_points.Sketches``)."""
        return self.work / "said"

    @property
    def fragments(self) -> Path:
        """Pre-rendered HTML of the large pages, inserted by ``mkdocs_hooks``."""
        return self.work / "fragments"

    @property
    def root(self) -> Path:
        """The archive's folder, the content folder's parent: its settings
        (``archive.yml``) and its own ``templates/`` and ``overrides/`` are there."""
        return self.content.parent

    @property
    def settings(self) -> Path:
        """The archive's settings file (``generator.settings``); it may not exist."""
        return self.root / settings.FILE

    @property
    def templates(self) -> list[Path]:
        """Template folders by precedence: the content folder's, the archive's, then the
        tool's."""
        folders = [self.content / "templates", self.root / "templates", resources.TEMPLATES]
        return list(dict.fromkeys(folders))  # (in a checkout the last two are one)

    @property
    def overrides(self) -> Path:
        """The archive's own overrides of the theme, over the tool's (``theme_folder``)."""
        return self.root / "overrides"


def _raw_files(archive: Archive, content: Path) -> dict[str, bytes]:
    """The raw sources the transcripts name, for the site's provenance links."""
    raw = {}
    for transcript in archive.transcripts:
        if transcript.source.file:
            path = content / transcript.source.file
            if path.is_file():
                raw[Path(transcript.source.file).name] = path.read_bytes()
    return raw


def generate(paths: Paths, workers: int | None = None,
             progress: Progress | None = None, clock: _Clock | None = None,
             ) -> tuple[str, tuple[int, int, int]]:
    """Validate the content and bring the generated Markdown up to date.

    Returns the newest transcript's date and (written, unchanged, deleted) page counts.
    ``clock`` notes the seconds spent finding talking points (``talking-points``).
    """
    workers = workers if workers is not None else os.cpu_count() or 1
    progress = progress or Progress()
    cache = Cache(paths.cache)
    total = len(list((paths.content / "transcripts").glob("*.yaml")))
    # The archive, its cross-references and the last build's record live until the
    # end: their millions of objects are exempt from the garbage collector's full passes,
    # which otherwise walk them again and again while loading and rendering (loading from
    # the cache took twice as long). The collector is held off while they are made, and
    # they are frozen before it runs again.
    gc.disable()
    try:
        with progress.stage("load", total, "transcripts") as advance:
            archive = load(paths.content, workers=workers, prepare=Tagger, cache=cache,
                           progress=advance)
        progress.say(f"load: {len(archive.transcripts)} transcripts, {cache.hits} from the "
                     f"cache, {cache.misses} read and tagged")
        site = settings.read(paths.config, paths.settings)
        site_url, site_name = site.site_url, site.site_name
        # Every transcript has a cache key when the load succeeded (files it could not
        # read fail the load): pages whose inputs are unchanged are not rendered again.
        known = all(t.id in cache.keys for t in archive.transcripts)
        fingerprints = Fingerprints(paths.work, context(
            paths.templates, site_url, site_name, sorted(site.exports), archive.speakers,
            archive.topics), cache.keys) if known else None
        if fingerprints is not None:
            fingerprints.note_rows(archive.transcripts, row_digest)
        said = _talking_points(paths, archive, site.talking_points,
                               cache.keys if known else None, workers, progress, clock)
        # From the first write until the link check passed, no record may vouch for a file.
        Fingerprints.forget_in(paths.work)
        job = _RenderJob(paths.work, archive, build_views(archive), paths.templates,
                         _raw_files(archive, paths.content) if "raw" in site.exports else {},
                         site_url, site_name,
                         fingerprints, site.exports, said)
        gc.freeze()
    finally:
        gc.enable()
    try:
        with progress.stage("render") as advance:
            if workers > 1 and len(archive.transcripts) >= PARALLEL_RENDER:
                shares = _render_in_parallel(job, workers, advance)
            else:
                shares = [job.run(advance=advance)]
            shares.append(job.assemble(advance))
        newest = max((t.date for t in archive.transcripts), default="1970-01-01")
    finally:
        # Everything is rendered (or rendering failed): the archive is given back before
        # the shares' link checks and fingerprints are merged, so that their memory does
        # not add to it, and the collector may walk what is left (``transcripts serve``
        # builds again in the same process). The archive holds no cycles: dropping the
        # references frees it, no collection is needed.
        del job, archive
        gc.unfreeze()
    written, unchanged, seen, checker = _merge(shares, fingerprints)
    keep = {paths.cache.name, _stamp(paths).name, FINGERPRINTS, COMPILED, MKDOCS_FILE,
            OVERRIDES_FOLDER, paths.sketches.name}
    deleted = prune(paths.work, seen, keep=keep)
    # The work folder is a cache: a broken link stops before publishing.
    checker.verify(fingerprints.targets if fingerprints is not None else None)
    if fingerprints is not None:
        fingerprints.save(checker)
    progress.say(f"render: {written + unchanged} files, {written} written, {unchanged} "
                 f"unchanged, {deleted} deleted")
    return newest, (written, unchanged, deleted)


def _talking_points(paths: Paths, archive: Archive, rules: talking_points.Rules,
                    keys: dict[str, str] | None, workers: int, progress: Progress,
                    clock: _Clock | None) -> talking_points.Said:
    """The archive's talking points, from the sketches of the last build for the
    transcripts it already read (``talking_points.Sketches``)."""
    started = time.perf_counter()
    paths.sketches.mkdir(parents=True, exist_ok=True)
    sketches = talking_points.Sketches(paths.sketches, rules)
    with progress.stage("talking points", None, "steps"):
        lines = sketches.of(archive.transcripts, keys, workers)
        said = talking_points.find(archive, lines, rules,
                                   paths.sketches / CLUSTERS if keys is not None else None)
        total = lines.total
        del lines
    progress.say(f"talking points: {len(said.points)} in {total} lines, {sketches.made} "
                 f"transcripts sketched")
    if clock is not None:
        clock.note("talking-points", time.perf_counter() - started)
    return said


CLUSTERS = "clusters.last"
"""The lines said again of the last build, in the sketches' folder (``talking_points.find``)."""

COMPILED = "templates"
"""The work folder's folder of compiled templates (``render.environment``)."""

PARALLEL_RENDER = 200
"""From this many transcripts on, pages are rendered by several processes at once."""


@dataclass
class _Share:
    """What one rendering process made: counts, paths, the link check's notes and the
    fingerprints of its pages."""

    written: int
    unchanged: int
    seen: set[str]
    checker: links.LinkCheck
    fingerprints: dict[str, str]


@dataclass
class _RenderJob:
    """Everything rendering needs; rendering processes get it by forking, not pickled."""

    work: Path
    archive: Archive
    views: Views
    templates: list[Path]
    raw: dict[str, bytes]
    site_url: str
    site_name: str
    fingerprints: Fingerprints | None
    published: frozenset[str]
    said: talking_points.Said = talking_points.NOTHING

    def run(self, share: int = 0, shares: int = 1,
            advance: Callable[[int], None] = lambda n: None) -> _Share:
        """Render and write every ``shares``-th unit of the site, from the ``share``-th,
        noting the ids and links of each fragment for the link check."""
        units = itertools.count()

        def claim() -> bool:
            return next(units) % shares == share

        fingerprints, checker = self.fingerprints, links.LinkCheck()

        def checked() -> Iterator[tuple[str, str | bytes]]:
            for path, content in render_site(
                self.archive, self.views, self.templates, self.raw, self.site_url,
                self.site_name, fingerprints, claim, self.work / COMPILED, self.published,
                self.said,
            ):
                if content is UNCHANGED and path.startswith("fragments/") and fingerprints:
                    checker.add_known(path, *fingerprints.known(path))
                else:  # (other files are noted by their path alone)
                    checker.add(path, content)
                advance(1)
                yield path, content

        written, unchanged, seen = write_files(self.work, checked())
        return _Share(written, unchanged, seen, checker,
                      fingerprints.current if fingerprints is not None else {})

    def assemble(self, advance: Callable[[int], None]) -> _Share:
        """Put the files of the whole archive together from the parts that ``run`` wrote."""
        checker = links.LinkCheck()
        files = list(assemble(self.work, self.archive, self.published))
        for path, _ in files:
            checker.add(path, b"")  # (data files: noted by their path alone)
        written, unchanged, seen = write_files(self.work, files)
        advance(len(files))
        return _Share(written, unchanged, seen, checker, {})


_JOB: _RenderJob | None = None
_DONE: Any = None
"""The job and a shared counter of files made, inherited by forked rendering processes."""


def _render_share(share: int, shares: int) -> Path:
    """Render a share of the job; the share's record (counts, paths, link check) is
    written to a file in the work folder, whose path is given back (``_merge`` reads it).
    (Given back as the result, the record was unpickled while this process's parent
    still held the archive: at 10,000 transcripts of the corpus's length, a record and
    its pickle took 250 MB on top of it, the build's peak; and here its pickle was made
    whole in memory before it was sent.)"""
    assert _JOB is not None
    done = _DONE
    made = 0

    def advance(count: int) -> None:
        nonlocal made
        made += count
        if made >= 20:  # (the counter is shared between processes: not at every file)
            with done.get_lock():
                done.value += made
            made = 0

    result = _JOB.run(share, shares, advance)
    with done.get_lock():  # (the files made since the last count)
        done.value += made
    record = _JOB.work / f".share-{share}.pickle"
    with record.open("wb") as handle:
        pickle.dump(result, handle, pickle.HIGHEST_PROTOCOL)
    return record


def _render_in_parallel(job: _RenderJob, workers: int,
                        advance: Callable[[int], None]) -> list[_Share | Path]:
    """``job`` split between ``workers`` forked processes, each making every
    ``workers``-th unit; the progress bar follows the files they make."""
    global _JOB, _DONE
    context = multiprocessing.get_context("fork")
    _JOB, _DONE = job, context.Value("q", 0)
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = [pool.submit(_render_share, n, workers) for n in range(workers)]
            shown = 0
            while True:
                finished, _ = wait(futures, timeout=0.2)
                advance(_DONE.value - shown)
                shown = _DONE.value
                if len(finished) == len(futures):
                    break
            return [future.result() for future in futures]
    finally:
        _JOB = _DONE = None


def _merge(shares: list[_Share | Path], fingerprints: Fingerprints | None
           ) -> tuple[int, int, set[str], links.LinkCheck]:
    """The shares of the rendering processes as one: counts, paths, link check (a share
    in a file is read, and the file deleted)."""
    checker = links.LinkCheck()
    seen: set[str] = set()
    written = unchanged = 0
    for share in shares:
        if isinstance(share, Path):
            record = share
            with record.open("rb") as handle:
                share = pickle.load(handle)
            record.unlink()
        twice = seen & share.seen
        if twice:
            raise ValueError(f"two generated files would be written to {min(twice)}")
        seen |= share.seen
        written, unchanged = written + share.written, unchanged + share.unchanged
        checker.update(share.checker)
        if fingerprints is not None:
            fingerprints.current.update(share.fingerprints)
    return written, unchanged, seen, checker


def mkdocs_file(paths: Paths, site_dir: Path) -> Path:
    """The MkDocs configuration of a build, written into the work folder: the tool's
    (``paths.config``) with the archive's settings, pointed at the generated docs, the
    site folder, the tool's hooks and the theme overrides (``theme_folder``), by absolute
    paths (MkDocs resolves relative ones against the folder of the configuration file,
    which for an installed tool is not the archive)."""
    site = settings.read(paths.config, paths.settings)
    own = {"INHERIT": str(paths.config), "site_name": site.site_name,
           "site_url": site.site_url or None, "site_description": site.description or None,
           "docs_dir": str(paths.docs), "site_dir": str(site_dir),
           "hooks": [str(resources.HOOKS)], "extra": {"archive_exports": sorted(site.exports)},
           "theme": {"custom_dir": str(theme_folder(paths)), "language": site.language}}
    file = paths.work / MKDOCS_FILE
    write_if_changed(file, "# Written by each build.\n" + json.dumps(own, indent=2) + "\n")
    return file


def theme_folder(paths: Paths) -> Path:
    """The theme overrides MkDocs uses: the tool's, or, when the archive has its own
    (``Paths.overrides``), a copy of the tool's with the archive's files over them, in the
    work folder."""
    if not paths.overrides.is_dir():
        return resources.OVERRIDES
    files: dict[str, bytes] = {}
    for folder in (resources.OVERRIDES, paths.overrides):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    merged = paths.work / OVERRIDES_FOLDER
    sync_tree(merged, files)
    return merged


OVERRIDES_FOLDER = "overrides"
"""The work folder's merged theme overrides (``theme_folder``)."""

MKDOCS_FILE = "mkdocs.yml"
"""The build's MkDocs configuration in the work folder (``mkdocs_file``)."""


def mkdocs_config(paths: Paths, site_dir: Path):  # type: ignore[no-untyped-def]
    """The build's MkDocs configuration, loaded (``mkdocs_file``)."""
    from mkdocs.config import load_config

    return load_config(str(mkdocs_file(paths, site_dir)), strict=True)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so that a failed build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Count(logging.Handler):
    """Advances a progress bar for each page MkDocs reads and each page it writes."""

    def __init__(self, advance: Callable[[int], None]) -> None:
        super().__init__(logging.DEBUG)
        self.advance = advance

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith(("Reading: ", "Building page ")):
            self.advance(1)


def _mkdocs(paths: Paths, staging: Path, bars: bool) -> int:
    """Run MkDocs into ``staging``; return the number of pages. Raises ``BuildError``
    with MkDocs' warnings if it fails. ``publish`` runs it in a process of its own."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, ConfigurationError

    progress = Progress(bars=bars)
    logger, collect = logging.getLogger("mkdocs"), _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    pages = sum(1 for _ in paths.docs.rglob("*.md"))
    steps = logging.getLogger("mkdocs.commands.build")
    level = steps.level
    counter = _Count(lambda _: None)
    try:
        with progress.stage("mkdocs", 2 * pages, "steps") as advance:
            counter.advance = advance
            if progress.bars:
                steps.addHandler(counter)
                steps.setLevel(logging.DEBUG)
            mkdocs_build(mkdocs_config(paths, staging))
    except (Abort, ConfigurationError) as error:
        details = "".join(f"\n  {message}" for message in collect.messages)
        raise BuildError(f"MkDocs failed: {error}{details}") from None
    finally:
        steps.removeHandler(counter)
        steps.setLevel(level)
        logger.removeHandler(collect)
        logger.propagate = propagate
    return pages


def publish(paths: Paths, clock: _Clock | None = None, progress: Progress | None = None) -> None:
    """Run MkDocs into a temporary folder and Pagefind over the transcript fragments at
    the same time, put the index into the folder, then swap it in for the site. MkDocs
    runs in a new process (as Pagefind does): its memory does not add to that of the
    loaded archive, and is given back when it ends."""
    paths.out.parent.mkdir(parents=True, exist_ok=True)
    recover(paths.out)  # what a killed build left: its staging folder, a site moved aside
    staging = staging_folder(paths.out)
    clock = clock or _Clock(None)
    progress = progress or Progress()
    # (named so that ``recover`` removes it if the build is killed)
    scratch = Path(tempfile.mkdtemp(prefix=f".{paths.out.name}.search-", dir=staging.parent))
    indexing = None
    try:
        language = settings.read(paths.config, paths.settings).language
        indexing = search.Indexing(paths.fragments, scratch, language)
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=spawn) as pool:
            pages = pool.submit(_mkdocs, paths, staging, progress.bars).result()
        clock.lap("mkdocs")
        progress.say(f"mkdocs: {pages} pages")
        with progress.stage("search", None, "steps"):
            indexed = indexing.finish(staging)
        clock.lap("search")  # (what Pagefind took beyond MkDocs)
        clock.note("pagefind", indexing.seconds)  # (its own time, beside MkDocs)
        progress.say(f"search: {indexed} pages indexed")
    except BaseException:
        if indexing is not None:
            indexing.stop()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    swap_in(staging, paths.out)
    clock.lap("swap")


@contextmanager
def _build_date(newest: str) -> Iterator[None]:
    """Pin MkDocs' build date (the sitemap's ``lastmod``, the gzip header of
    ``sitemap.xml.gz``) to ``newest``, the newest transcript's date, rather than today's,
    so that two builds of the same content are byte-identical. A ``SOURCE_DATE_EPOCH``
    set by the caller wins."""
    epoch = int(datetime.fromisoformat(newest).replace(tzinfo=UTC).timestamp())
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


_PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "Jinja2", "Markdown", "PyYAML",
             "pymdown-extensions", "feedgen", "jsonschema", "jsonschema-rs", "rensa",
             "rapidfuzz", "numpy")
"""Packages whose version can change what a build publishes."""


def fingerprint(paths: Paths) -> str:
    """A digest of everything a build's output depends on: every file of the content
    folder, the project's templates, theme overrides, MkDocs configuration and code, the
    versions of the packages that render, the settings MkDocs reads from the environment,
    and where the site goes. Reading it all takes a fraction of a second; loading the
    archive, even from the cache, takes seconds."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode() + data)

    roots = [("content", paths.content), ("templates", resources.TEMPLATES),
             ("overrides", resources.OVERRIDES), ("code", resources.PACKAGE),
             ("own templates", paths.root / "templates"), ("own overrides", paths.overrides)]
    for name, root in roots:
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       ) if root.is_dir() else []
        for path in files:
            add(f"{name}/{path.relative_to(root).as_posix()}", path.read_bytes())
    add("config", paths.config.read_bytes())
    site = settings.read(paths.config, paths.settings)
    # (the exports in order: a frozenset's order changes from one process to the next)
    add("settings", repr((site.site_name, site.site_url, site.description, site.language,
                          sorted(site.exports), site.talking_points)).encode())
    add("site", str(paths.out).encode())
    add("epoch", os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    for package in _PACKAGES:
        try:
            add(package, metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            add(package, b"")
    return digest.hexdigest()


def _stamp(paths: Paths) -> Path:
    """What the last complete build published: its ``fingerprint`` and page count."""
    return paths.work / "built.json"


def _up_to_date(paths: Paths, current: str) -> int | None:
    """The page count of the last build if it published exactly this and the site is
    still there; None otherwise."""
    try:
        stamp = json.loads(_stamp(paths).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not paths.out.is_dir() or not isinstance(stamp, dict) or stamp.get("fingerprint") != current:
        return None
    pages = stamp.get("pages")
    return pages if isinstance(pages, int) else None


def build(paths: Paths, timings: dict[str, float] | None = None, force: bool = False,
          progress: Progress | None = None) -> tuple[int, int, int]:
    """The whole build; returns the (written, unchanged, deleted) page counts.

    When nothing the site depends on changed since the last build (``fingerprint``) and
    the site is still there, nothing is done: (0, pages, 0). ``force`` builds anyway.
    ``timings``, if given, receives the seconds each stage took: ``generate`` (validate,
    tag, render, write), ``mkdocs``, ``search`` (the wait for Pagefind after MkDocs),
    ``pagefind`` (its own time, beside MkDocs) and ``swap`` (putting the new site in the
    old one's place and deleting the old one); ``progress`` hears of each stage.
    """
    clock = _Clock(timings)
    current = fingerprint(paths)
    pages = None if force else _up_to_date(paths, current)
    clock.lap("fingerprint")
    if pages is not None:
        return 0, pages, 0
    # From here until the site is published, the stamp would be a lie.
    _stamp(paths).unlink(missing_ok=True)
    newest, counts = generate(paths, progress=progress, clock=clock)
    clock.lap("generate")
    with _build_date(newest):
        publish(paths, clock, progress)
    write_if_changed(_stamp(paths), json.dumps(
        {"fingerprint": current, "pages": counts[0] + counts[1]}) + "\n")
    return counts


class _Clock:
    """Stage timings for the benchmark; does nothing when nobody asked for them."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings, self.last = timings, time.perf_counter()

    def note(self, stage: str, seconds: float) -> None:
        """A time measured elsewhere (a stage that ran beside others: not a lap)."""
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now
