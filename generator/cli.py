"""The ``transcripts`` command: import, check, build, serve. Thin: it calls the stages."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import threading
import time
from datetime import date
from pathlib import Path

from generator.build import Paths, build, generate, mkdocs_file
from generator.errors import ArchiveError
from generator.importers.base import Meta
from generator.importing import FileReport, import_files
from generator.load import load
from generator.model import EVENT_KINDS
from generator.progress import Progress
from generator.write import HOSTING_LIMIT, folder_size

DEFAULT_CONTENT = Path("content")
DEFAULT_OUT = Path("site")


def _expand(items: list[str]) -> list[Path]:
    """Files, folders (their files, recursively) and globs, in a stable order."""
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file())
        elif path.exists():
            found.append(path)
        else:
            matches = sorted(Path().glob(item)) if not path.is_absolute() else sorted(
                Path(path.anchor).glob(str(path.relative_to(path.anchor)))
            )
            if not matches:
                raise ArchiveError(f"{item}: no such file")
            found += [p for p in matches if p.is_file()]
    return found


def _mapping(text: str | None) -> dict[str, str]:
    """``speaker=KEY,text=KEY`` → {"speaker": "KEY", "text": "KEY"}."""
    if not text:
        return {}
    pairs = [item.partition("=") for item in text.split(",")]
    known = ("speaker", "text", "start", "title", "date")
    for field, sign, key in pairs:
        if not sign or field.strip() not in known or not key.strip():
            raise ArchiveError(f"--map: expected FIELD=KEY pairs separated by commas, FIELD "
                               f"one of {', '.join(known)}; found {text!r}")
    return {field.strip(): key.strip() for field, _, key in pairs}


def _given(args: argparse.Namespace) -> Meta:
    """The metadata given on the command line, checked."""
    if args.date is not None:
        try:
            date.fromisoformat(args.date)
        except ValueError:
            raise ArchiveError(f"--date: expected YYYY-MM-DD, found {args.date!r}") from None
    if args.event is not None and args.event not in EVENT_KINDS:
        raise ArchiveError(f"--event: expected one of: {', '.join(EVENT_KINDS)}, "
                           f"found {args.event!r}")
    if args.url is not None and not re.match(r"https?://", args.url):
        raise ArchiveError(f"--url: expected an address starting with http:// or https://, "
                           f"found {args.url!r}")
    for name in ("title", "place", "publisher"):
        value = getattr(args, name)
        if value is not None and (not value.strip() or value != value.strip()):
            raise ArchiveError(f"--{name}: expected text without spaces at its ends, "
                               f"found {value!r}")
    return Meta(title=args.title, date=args.date, place=args.place, event=args.event,
                publisher=args.publisher, url=args.url)


def _print_file(file: FileReport) -> None:
    """What --dry-run shows of one file."""
    print(f"{file.file}: {file.format}, {file.layout or 'layout of the publisher'}")
    print(f"  would write transcripts/{file.id}.yaml: {file.title!r}, {file.date}")
    print("  turns per label:")
    for label, who, count in file.labels:
        print(f"    {count:5d}  {label} -> {who}")
    for doubt in file.doubts:
        print(f"  doubt: {file.file}:{doubt.line}: {doubt.message}")


def cmd_import(args: argparse.Namespace) -> int:
    files = _expand(args.files)
    with Progress.shown().stage("import", len(files)) as advance:
        done = 0

        def progress(number: int, total: int) -> None:
            nonlocal done
            advance(number - done)
            done = number

        report = import_files(files, args.content, args.format, args.force,
                              progress=progress, given=_given(args),
                              mapping=_mapping(args.map), dry_run=args.dry_run)
    if args.dry_run:
        for file in report.files:
            _print_file(file)
        for failure in report.failures:
            print(f"Error: {failure}", file=sys.stderr)
        doubts = sum(len(file.doubts) for file in report.files)
        print(f"dry run: {len(report.files)} files read, {report.turns} turns, {doubts} doubts, "
              f"{len(report.failures)} failed; nothing written")
        return 1 if report.failures else 0
    for path in report.written:
        print(f"wrote {path}")
    for path in report.unchanged:
        print(f"unchanged {path}")
    for path in report.kept:
        print(f"kept {path}: it differs from the import (edited by hand?); --force replaces it")
    for speaker in report.new_speakers:
        print(f"new speaker {speaker.id} ({speaker.name}), added to the registry unreviewed")
    for file in report.files:
        for doubt in file.doubts:
            print(f"doubt: {file.file}:{doubt.line}: {doubt.message}")
    for failure in report.failures:
        print(f"Error: {failure}", file=sys.stderr)
    done = len(report.written) + len(report.unchanged)
    if done > 1 or report.failures:
        print(f"turns: {report.turns} ({report.notes} notes); speakers: {report.resolved} "
              f"resolved, {len(report.new_speakers)} new, {report.ambiguous} ambiguous")
    print(f"imported: {done} transcripts, {len(report.new_speakers)} new speakers, "
          f"{len(report.kept)} kept, {len(report.failures)} failed")
    return 1 if report.failures else 0


def cmd_check(args: argparse.Namespace) -> int:
    archive = load(args.content)
    paragraphs = sum(len(t.paragraphs) for t in archive.transcripts)
    print(f"ok: {len(archive.transcripts)} transcripts, {paragraphs} paragraphs, "
          f"{len(archive.speakers)} speakers, {len(archive.topics)} topics")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from generator.scaffold import create

    name = args.name or args.folder.resolve().name.replace("-", " ").replace("_", " ").strip()
    made = create(args.folder, name or "Transcript archive", args.url, args.language,
                  args.description)
    print(f"init: {len(made)} files in {args.folder}")
    print(f"Next: cd {args.folder} && python -m pip install -r requirements.txt && "
          "transcripts import FILE && transcripts serve")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    paths = Paths.for_(args.content, args.out, args.work)
    timings: dict[str, float] = {}
    written, unchanged, deleted = build(paths, timings, force=args.force,
                                        progress=Progress.shown())
    if args.timings:
        stages = (f"{stage} {seconds:.2f} s" for stage, seconds in timings.items())
        print("timings: " + ", ".join(stages))
    if "generate" not in timings:
        print("nothing changed since the last build: the site is up to date (--force rebuilds)")
    print(f"site: {paths.out}")
    if "generate" in timings:
        _report_size(paths.out)
    print(f"pages: {written} written, {unchanged} unchanged, {deleted} deleted")
    return 0


def _report_size(site: Path) -> None:
    """Print the site's size; warn when hosts that take at most 1 GB would refuse it."""
    total, files, parts = folder_size(site)
    print(f"size: {total / 1e6:,.0f} MB in {files:,} files")
    if total > HOSTING_LIMIT:
        largest = sorted(parts.items(), key=lambda kv: -kv[1])[:4]
        shown = ", ".join(f"{name} {size / 1e6:,.0f} MB" for name, size in largest)
        print(f"warning: the site is {total / 1e6:,.0f} MB: GitHub Pages and GitLab Pages "
              f"publish sites of {HOSTING_LIMIT / 1e6:,.0f} MB at most (largest: {shown})",
              file=sys.stderr)


def _snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    state = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    state[str(path)] = (stat.st_mtime, stat.st_size)
    return state


def _regenerate_on_change(paths: Paths, interval: float = 0.5) -> None:
    """Regenerate the Markdown whenever the content or templates change;
    MkDocs' own watcher then rebuilds the pages that changed."""
    watched = [paths.content, *paths.templates]
    before = _snapshot(watched)
    while True:
        time.sleep(interval)
        now = _snapshot(watched)
        if now == before:
            continue
        before = now
        try:
            # One process: forking beside the preview server's threads is not safe.
            _, (written, unchanged, deleted) = generate(paths, workers=1)
            print(f"pages: {written} written, {unchanged} unchanged, {deleted} deleted",
                  flush=True)
        except ArchiveError as error:
            print(f"Error: {error}", file=sys.stderr, flush=True)


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    work = args.work or Path(".build")
    paths = Paths.for_(args.content, work / "serve-site", work)
    generate(paths)
    os.environ["TRANSCRIPTS_SERVE_SEARCH"] = "1"  # the preview is searchable too
    threading.Thread(target=_regenerate_on_change, args=(paths,), daemon=True).start()
    serve(
        config_file=str(mkdocs_file(paths, paths.out)),
        livereload=True,
        watch_theme=True,
        docs_dir=str(paths.docs),
        dev_addr=args.dev_addr,
        strict=False,
    )
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    from generator.coverage import format_report, precision, read_judged, report
    from generator.tagging import tag

    pairs = None
    if args.judged is not None:
        try:
            pairs = read_judged(args.judged)
        except (OSError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    archive = tag(load(args.content))
    if args.report or pairs is not None:
        judged = precision(archive, pairs) if pairs is not None else None
        print(format_report(report(archive, args.top), archive, args.examples, judged))
        return 0
    counts = {tid: 0 for tid in archive.topics}
    for transcript in archive.transcripts:
        for paragraph in transcript.paragraphs:
            for topic in paragraph.topics:
                counts[topic] += 1
    for tid, topic in archive.topics.items():
        print(f"{counts[tid]:7d}  {tid}  {topic.title}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    top = argparse.ArgumentParser(
        prog="transcripts", description="Build a searchable archive site from transcripts."
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                         help="content folder (default: content)")
        return sub

    sub = command("import", "Import raw transcripts into structured YAML.")
    sub.add_argument("files", nargs="+", metavar="FILE", help="files, folders or globs")
    sub.add_argument("--format", help="force a format instead of detecting it")
    sub.add_argument("--force", action="store_true",
                     help="replace transcript files that differ from the import")
    sub.add_argument("--dry-run", action="store_true",
                     help="write nothing: print each file's layout, turns per label and speaker, "
                          "and every doubt with its line")
    what = sub.add_argument_group("what the file does not say (given, it replaces the file's)")
    what.add_argument("--title", help="title of the transcript")
    what.add_argument("--date", help="date of the event, YYYY-MM-DD")
    what.add_argument("--place", help="where the event took place")
    what.add_argument("--event", help=f"kind of event: {', '.join(EVENT_KINDS)}")
    what.add_argument("--publisher", help="who published the transcript")
    what.add_argument("--url", help="address of the original")
    sub.add_argument("--map", metavar="FIELD=KEY,...",
                     help="key or column names of a structured export "
                          "(speaker=KEY,text=KEY,start=KEY)")
    sub.set_defaults(run=cmd_import)

    sub = commands.add_parser("init", help="Create a new archive in a new or empty folder.",
                              description="Create a new archive in a new or empty folder: "
                              "settings, empty registries, schemas for editors, a README, "
                              "a .gitignore and a GitHub Actions workflow that publishes it.")
    sub.add_argument("folder", type=Path, metavar="DIR", help="the new archive's folder")
    sub.add_argument("--name", default=None,
                     help="the archive's name (default: the folder's name)")
    sub.add_argument("--url", default=None,
                     help="its public address, ending in / (default: its GitHub Pages "
                          "address, given by the publish workflow)")
    sub.add_argument("--language", default="en", help="language of the transcripts (en)")
    sub.add_argument("--description", default=None, help="one sentence about the archive")
    sub.set_defaults(run=cmd_init)

    sub = command("check", "Validate the content; report every problem, exit 1 if any.")
    sub.set_defaults(run=cmd_check)

    sub = command("build", "Validate, tag, render and publish the site.")
    sub.add_argument("--out", type=Path, default=DEFAULT_OUT, help="site folder (default: site)")
    sub.add_argument("--work", type=Path, default=None,
                     help="folder for the generated Markdown (default: .build beside --out)")
    sub.add_argument("--timings", action="store_true", help="print how long each stage took")
    sub.add_argument("--force", action="store_true",
                     help="build even when nothing changed since the last build")
    sub.set_defaults(run=cmd_build)

    sub = command("topics", "List the topics with their paragraph counts, or report coverage.")
    sub.add_argument("--report", action="store_true",
                     help="topics never matched, untagged substantive paragraphs and their "
                          "frequent words; ends with 'coverage: NN.N%%'")
    sub.add_argument("--top", type=int, default=30, help="words and phrases to list")
    sub.add_argument("--examples", type=int, default=20, help="untagged paragraphs to show")
    sub.add_argument("--judged", type=Path, default=None, metavar="FILE",
                     help="pairs labelled by reading (as tests/data/topic_judgements.yaml): "
                          "the report adds how many of them the tagger gets wrong")
    sub.set_defaults(run=cmd_topics)

    sub = command("serve", "Live preview: editing the content rebuilds the site.")
    sub.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    sub.add_argument("--work", type=Path, default=None,
                     help="folder for the generated Markdown (default: .build)")
    sub.set_defaults(run=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line; user errors print ``Error: ...`` and return 1."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ArchiveError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
