"""The ``import`` stage: raw files → structured YAML in the content folder.

Each file is read by its importer into a draft, its printed names are resolved against
the speaker registry, and the result is written as ``transcripts/<id>.yaml`` with the
raw file kept in ``raw/``. New speakers are appended to ``speakers.yaml``, unreviewed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import anchors, importers, validate
from generator.errors import ImportFailure, Problem
from generator.importers import offices, structured
from generator.importers.base import Doubt, Draft, DraftPerson, Meta, Source
from generator.load import load_speakers
from generator.model import Role, Speaker
from generator.speakers import Index, normalise, slug
from generator.write import write_if_changed
from generator.yamlio import dump, parse, schema_header


@dataclass
class ImportReport:
    """What one ``import`` run did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Existing files that differ from the import and were left alone (no ``--force``)."""
    new_speakers: list[Speaker] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    turns: int = 0
    notes: int = 0
    """Turns of kind ``note`` (stage notes, END lines), also counted in ``turns``."""
    resolved: int = 0
    """Distinct speakers per transcript found in the registry (new ones not counted)."""
    ambiguous: int = 0
    """Files that failed because a name fitted several speakers."""
    files: list[FileReport] = field(default_factory=list)
    """What was read in each file that imported: layout, labels, doubts."""


@dataclass
class FileReport:
    """What the importer made of one file: ``--dry-run`` prints it, import prints its doubts."""

    file: str
    format: str
    layout: str
    id: str
    title: str
    date: str
    labels: list[tuple[str, str, int]] = field(default_factory=list)
    """(label as printed, who it was taken for, number of turns), most turns first."""
    doubts: list[Doubt] = field(default_factory=list)


def transcript_id(draft: Draft) -> str:
    """``<date>-<surnames of the participants>-<place>``, as a slug; with no participants
    known, ``<date>-<the title's first words>``."""
    surnames = [p.name.split()[-1] for p in draft.participants]
    if not surnames:
        words = slug(draft.title).split("-")
        title = "-".join(words[:10])[:80].strip("-")
        return slug(f"{draft.date}-{title}")
    return slug("-".join([draft.date, *surnames, draft.place or ""]))


class _Names:
    """Resolves printed names for one file, remembering new speakers.

    A resolution's doubt (a misspelt label taken for a known speaker) goes to the
    draft's doubts, once per name and label, with the line of the first turn concerned.
    """

    def __init__(self, index: Index, file: str, draft: Draft):
        self.index, self.file, self.day = index, file, draft.date
        self.people = draft.people
        self.doubts = draft.doubts
        self.new: list[Speaker] = []
        self.resolved: dict[str, str] = {}
        self.counts = {"known": 0, "new": 0}
        # The label of each named turn, by line and name: an importer that took a label
        # for a misspelling of another gives the turn that other label's person.
        self.labels = {(t.line, t.name): t.label for t in draft.turns if t.name and t.label}
        self.checked: set[tuple[str, str | None]] = set()

    def id(self, person: DraftPerson | str, line: int | None = None) -> str:
        label = None
        if isinstance(person, str):
            label = self.labels.get((line, person)) if line is not None else None
            if person in self.resolved and (line is None or (person, label) in self.checked):
                return self.resolved[person]
            person = self.people.get(person) or DraftPerson(person)
        found = self.index.resolve(person.name, self.day, person.surname,
                                   tuple(person.variants), label)
        if found.outcome == "ambiguous":
            raise ImportFailure(
                self.file,
                f"speaker {person.name!r} is ambiguous on {self.day}: "
                f"could be {', '.join(found.candidates)}",
                line,
            )
        assert found.speaker is not None
        if line is not None:
            self.checked.add((person.name, label))
            if found.doubt and Doubt(line, found.doubt) not in self.doubts:
                # It says more than the importer's doubt about the label, if there is one.
                self.doubts[:] = [d for d in self.doubts if not (
                    d.line == line and label is not None
                    and d.message.startswith(f"label {label!r} taken for"))]
                self.doubts.append(Doubt(line, found.doubt))
        if person.name in self.resolved:
            return self.resolved[person.name]  # resolved before: looked at for its doubt
        if found.outcome == "new":
            self.index.add(_new_speaker(found.speaker, person))
            self.new.append(self.index.registry[found.speaker])
        self.counts[found.outcome] += 1
        self.resolved[person.name] = found.speaker
        return found.speaker


def _new_speaker(id: str, person: DraftPerson) -> Speaker:
    """A registry entry for somebody the registry does not know, marked unreviewed."""
    variants = [person.name] + [v for v in person.variants if v != person.name]
    roles = tuple(Role(t.title, t.start, t.last_day())
                  for t in offices.terms_of(person.name))
    return Speaker(id, person.name, tuple(variants), roles, person.country,
                   reviewed=False, kind=person.kind)


def structure(
    draft: Draft, names: _Names, format: str, raw_file: str, given: dict[str, str] | None = None
) -> dict[str, Any]:
    """Turn a draft into the transcript file's data, with speakers resolved.

    ``given`` is the metadata supplied on the command line, recorded for provenance.
    """
    participants = [
        {"speaker": names.id(p), **({"role": p.role} if p.role else {})}
        for p in draft.participants
    ]
    turns = []
    for turn in draft.turns:
        item: dict[str, Any] = {
            "speaker": names.id(turn.name, turn.line) if turn.name else None
        }
        if turn.label is not None:
            item["label"] = turn.label
        item["kind"] = turn.kind
        if turn.to:
            item["to"] = [names.id(name, turn.line) for name in turn.to]
        if turn.note is not None:
            item["note"] = turn.note
        if turn.paragraphs:
            # A paragraph with a time in the recording is a mapping {start, text}.
            starts = [structured.timecode(s) if s else None for s in turn.starts]
            starts += [None] * (len(turn.paragraphs) - len(starts))
            item["paragraphs"] = [{"start": start, "text": text} if start else text
                                  for text, start in zip(turn.paragraphs, starts, strict=False)]
        turns.append(item)
    source = {"publisher": draft.publisher}
    if draft.url:
        source["url"] = draft.url
    source.update({"file": raw_file, "format": format})
    if given:
        source["given"] = given
    data: dict[str, Any] = {"id": draft.id or transcript_id(draft), "title": draft.title,
                            "date": draft.date}
    if draft.time:
        data["time"] = draft.time
    if draft.place:
        data["place"] = draft.place
    if draft.supersedes:
        data["supersedes"] = draft.supersedes
    data.update(event=draft.event, source=source, participants=participants, turns=turns)
    return data


def _speaker_entry(speaker: Speaker) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": speaker.id, "name": speaker.name,
                             "variants": list(speaker.variants)}
    if speaker.country:
        entry["country"] = speaker.country
    if speaker.kind != "person":
        entry["kind"] = speaker.kind
    if speaker.roles:
        entry["roles"] = [{"title": r.title, "from": r.start, **({"to": r.end} if r.end else {})}
                          for r in speaker.roles]
    entry["reviewed"] = speaker.reviewed
    return entry


@dataclass(frozen=True)
class Options:
    """How to import: what the user said on the command line."""

    format: str | None = None
    force: bool = False
    given: Meta = field(default_factory=Meta)
    mapping: dict[str, str] = field(default_factory=dict)
    dry_run: bool = False

    def provenance(self) -> dict[str, str]:
        """What the file did not say and the user did, as recorded in ``source.given``."""
        recorded = self.given.given()
        if self.mapping:
            recorded["map"] = ",".join(f"{k}={v}" for k, v in self.mapping.items())
        return recorded

    @classmethod
    def recorded(cls, given: dict[str, str], format: str | None) -> Options:
        """The options an earlier import recorded in ``source.given``."""
        fields = {key: value for key, value in given.items() if key != "map"}
        pairs = [item.partition("=") for item in given.get("map", "").split(",") if item]
        return cls(format, given=Meta(**fields), mapping={k: v for k, _, v in pairs})


def import_files(
    paths: list[Path], content: Path, format: str | None = None, force: bool = False,
    progress: Callable[[int, int], None] | None = None, given: Meta | None = None,
    mapping: dict[str, str] | None = None, dry_run: bool = False,
) -> ImportReport:
    """Import raw transcripts into ``content``; problems with one file do not stop the rest.

    ``progress(done, total)`` is called after each file, for a progress bar. ``given``
    is metadata the user supplies (it replaces the file's), ``mapping`` the key or
    column names of structured exports. With ``dry_run`` nothing is written: the
    report says what each file would give (``ImportReport.files``).
    """
    options = Options(format, force, given or Meta(), mapping or {}, dry_run)
    report = ImportReport()
    registry_file = content / "speakers.yaml"
    problems: list[Problem] = []
    registry = load_speakers(registry_file, problems) if registry_file.exists() else {}
    had_entries = bool(registry)
    if problems:
        raise ImportFailure(str(registry_file), "fix the speaker registry first: "
                            + "; ".join(str(p) for p in problems))
    index = Index(registry)
    total = 2 * len(paths)
    # Pass 1 reads every file, so that a person printed in full anywhere ("Jake
    # Sullivan") is known before any file that gives only a surname (MR. SULLIVAN)
    # is resolved: otherwise the import order would decide whether they are one.
    drafts: list[tuple[Path, bytes, str, Draft]] = []
    for number, path in enumerate(paths, start=1):
        read = _read_one(path, options, report, _known(registry))
        if read is not None:
            drafts.append(read)
        if progress is not None:
            progress(number, total)
    early: dict[str, list[Speaker]] = {}  # speakers registered in pass 1, by file
    for path, _, _, draft in drafts:
        names = _Names(index, str(path), draft)
        for person in draft.people.values():
            if person.kind == "person" and person.surname is None:
                try:
                    names.id(person)
                except ImportFailure:
                    pass  # reported with the file in pass 2
        early[str(path)] = names.new
    used: set[str] = set()
    failed: set[str] = set()
    ids = _ids_by_raw_file(content / "transcripts")
    for number, (path, raw, name, draft) in enumerate(drafts, start=len(paths) + 1):
        speakers = _import_one(path, raw, name, draft, content, options, index, report, ids)
        used.update(speakers) if speakers is not None else failed.add(str(path))
        if progress is not None:
            progress(number, total)
    if progress is not None:
        progress(total, total)
    for file, speakers in early.items():
        for speaker in speakers:
            if file in failed and speaker.id not in used:
                index.remove(speaker)  # only the failed file named them
            elif speaker not in report.new_speakers:
                report.new_speakers.append(speaker)
    report.new_speakers.sort(key=lambda s: list(index.registry).index(s.id))
    if report.new_speakers and not dry_run:
        _add_to_registry(registry_file, report.new_speakers, had_entries)
    return report


def _read_one(
    path: Path, options: Options, report: ImportReport, known: frozenset[str],
) -> tuple[Path, bytes, str, Draft] | None:
    """Read and parse one file; on failure record it and return None."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        report.failures.append(ImportFailure(str(path), f"cannot read: {error}"))
        return None
    try:
        name, draft = importers.read(_source(path, raw, options, known), options.format)
    except ImportFailure as failure:
        report.failures.append(failure)
        return None
    return path, raw, name, draft


def _source(path: Path, raw: bytes, options: Options, known: frozenset[str]) -> Source:
    return Source(str(path), raw, options.given, options.mapping, known)


def _import_one(
    path: Path, raw: bytes, format: str, draft: Draft, content: Path, options: Options,
    index: Index, report: ImportReport, ids: dict[str, str],
) -> set[str] | None:
    """Resolve and write one parsed file; return the speaker ids it uses (None: failed)."""
    names = _Names(index, str(path), draft)
    try:
        data = structure(draft, names, format, f"raw/{path.name}", options.provenance())
    except ImportFailure as failure:
        # The file's new speakers go with it: the registry only holds imported names.
        for speaker in names.new:
            index.remove(speaker)
        report.ambiguous += "is ambiguous" in failure.problem.message
        report.failures.append(failure)
        return None
    report.new_speakers += names.new
    report.resolved += names.counts["known"]
    report.turns += len(data["turns"])
    report.notes += sum(turn["kind"] == "note" for turn in data["turns"])
    # A transcript imported before from the same raw file keeps its id (and address),
    # even when the importer would now name it differently.
    data["id"] = ids.get(f"raw/{path.name}", data["id"])
    taken = next((f.file for f in report.files if f.id == data["id"]), None)
    if taken is not None:
        report.failures.append(ImportFailure(
            str(path), f"its id {data['id']!r} is already taken by {taken} in this import: "
            "import the two files separately, each with its own --title or --date"))
        return None
    report.files.append(_file_report(str(path), format, draft, data))
    if options.dry_run:
        return set(names.resolved.values())
    raw_copy = content / "raw" / path.name
    earlier = raw_copy.read_bytes() if raw_copy.is_file() else None  # the previous import's
    if raw_copy.resolve() != path.resolve():
        write_if_changed(raw_copy, raw)
    target = content / "transcripts" / f"{data['id']}.yaml"
    header = schema_header("transcript.schema.json", 2)
    output = dump(data, header)
    if target.exists():
        existing, old = _existing(target)
        if old is not None:
            output = dump(anchors.stabilize(data, old), header)
        if existing != output and not options.force and not _untouched(old, earlier, path, index):
            report.kept.append(str(target))
            return set(names.resolved.values())
    if write_if_changed(target, output):
        report.written.append(str(target))
    else:
        report.unchanged.append(str(target))
    return set(names.resolved.values())


def _ids_by_raw_file(folder: Path) -> dict[str, str]:
    """The id of every transcript in ``folder`` by the raw file it was imported from."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        match = _RAW_FILE.search(path.read_text("utf-8", errors="replace"))
        if match:
            found.setdefault(match[1].strip("'\""), path.stem)
    return found


_RAW_FILE = re.compile(r"^  file: (.+)$", re.M)


def _known(registry: dict[str, Speaker]) -> frozenset[str]:
    """Every name and variant of the registry, normalised: labels that name a known speaker."""
    return frozenset(normalise(name) for speaker in registry.values()
                     for name in (speaker.name, *speaker.variants))


def _file_report(file: str, format: str, draft: Draft, data: dict[str, Any]) -> FileReport:
    """Labels → speakers with their turn counts, and the doubts, of one imported file."""
    counts: Counter[tuple[str, str]] = Counter()
    for turn in data["turns"]:
        if turn["kind"] in ("note", "omitted"):
            continue
        who = turn["speaker"] or ("unnamed journalist" if turn["kind"] in ("question", "remark")
                                  else "no speaker")
        counts[(turn.get("label") or "(no label)", who)] += 1
    labels = [(label, who, n) for (label, who), n in counts.most_common()]
    return FileReport(file, format, draft.layout, data["id"], data["title"], data["date"],
                      labels, sorted(draft.doubts, key=lambda d: d.line))


def _existing(target: Path) -> tuple[str, dict[str, Any] | None]:
    """The text of a transcript file about to be replaced, and its data when it is valid
    enough to carry its anchors over (None otherwise: it is then replaced as it is)."""
    text = target.read_text("utf-8", errors="replace")
    try:
        data, lines = parse(text, str(target))
    except ValueError:
        return text, None
    if validate.check(data, "transcript.schema.json", str(target), lines):
        return text, None
    return text, data if anchors.usable(data) else None


def _untouched(
    old: dict[str, Any] | None, earlier: bytes | None, path: Path, index: Index
) -> bool:
    """Tell whether the transcript file ``old`` is exactly what importing the previous raw
    copy ``earlier`` gave (anchors a re-import kept aside): nobody edited it by hand."""
    if old is None or earlier is None:
        return False
    options = Options.recorded(old["source"].get("given", {}), old["source"].get("format"))
    try:
        format, draft = importers.read(_source(path, earlier, options, _known(index.registry)),
                                       options.format)
    except ImportFailure:
        return False
    names = _Names(index, str(path), draft)
    try:
        before = structure(draft, names, format, f"raw/{path.name}", old["source"].get("given"))
    except ImportFailure:
        return False
    finally:
        for speaker in names.new:  # only the current import adds to the registry
            index.remove(speaker)
    return anchors.plain(old) == before


def _add_to_registry(registry_file: Path, speakers: list[Speaker], had_entries: bool) -> None:
    """Append new entries as text, so that the editors' comments in the file survive."""
    entries = [_speaker_entry(s) for s in speakers]
    if not had_entries:
        # Missing file or an empty list (`speakers: []`): nothing to keep but the header.
        write_if_changed(registry_file, dump({"speakers": entries},
                                             schema_header("speakers.schema.json", 1)))
        return
    addition = "".join(f"  {line}\n" if line else "\n" for line in dump(entries).splitlines())
    existing = registry_file.read_text("utf-8")
    write_if_changed(registry_file, existing.rstrip("\n") + "\n" + addition)
