"""The ``import`` stage: raw files → structured YAML in the content folder.

Each file is read by its importer into a draft, its printed names are resolved against
the speaker registry, and the result is written as ``transcripts/<id>.yaml`` with the
raw file kept in ``raw/``. New speakers are appended to ``speakers.yaml``, unreviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import importers
from generator.errors import ImportFailure, Problem
from generator.importers.base import Draft, DraftPerson
from generator.load import load_speakers
from generator.model import Speaker
from generator.speakers import resolve, slug
from generator.write import write_if_changed
from generator.yamlio import dump, schema_header


@dataclass
class ImportReport:
    """What one ``import`` run did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Existing files that differ from the import and were left alone (no ``--force``)."""
    new_speakers: list[Speaker] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)


def transcript_id(draft: Draft) -> str:
    """``<date>-<surnames of the participants>-<place>``, as a slug."""
    surnames = [p.name.split()[-1] for p in draft.participants]
    return slug("-".join([draft.date, *surnames, draft.place or ""]))


class _Names:
    """Resolves printed names for one file, remembering new speakers."""

    def __init__(self, registry: dict[str, Speaker], file: str, day: str):
        self.registry, self.file, self.day = registry, file, day
        self.new: list[Speaker] = []

    def id(self, person: DraftPerson | str, line: int | None = None) -> str:
        person = person if isinstance(person, DraftPerson) else DraftPerson(person)
        found = resolve(person.name, self.day, self.registry)
        if found.outcome == "ambiguous":
            raise ImportFailure(
                self.file,
                f"speaker {person.name!r} is ambiguous on {self.day}: "
                f"could be {', '.join(found.candidates)}",
                line,
            )
        assert found.speaker is not None
        if found.outcome == "new":
            speaker = Speaker(found.speaker, person.name, (person.name,), (),
                              person.country, reviewed=False)
            self.registry[speaker.id] = speaker
            self.new.append(speaker)
        return found.speaker


def structure(draft: Draft, names: _Names, format: str, raw_file: str) -> dict[str, Any]:
    """Turn a draft into the transcript file's data, with speakers resolved."""
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
            item["paragraphs"] = list(turn.paragraphs)
        turns.append(item)
    source = {"publisher": draft.publisher}
    if draft.url:
        source["url"] = draft.url
    source.update({"file": raw_file, "format": format})
    data: dict[str, Any] = {"id": transcript_id(draft), "title": draft.title, "date": draft.date}
    if draft.place:
        data["place"] = draft.place
    data.update(event=draft.event, source=source, participants=participants, turns=turns)
    return data


def _speaker_entry(speaker: Speaker) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": speaker.id, "name": speaker.name,
                             "variants": list(speaker.variants)}
    if speaker.country:
        entry["country"] = speaker.country
    entry["reviewed"] = speaker.reviewed
    return entry


def import_files(
    paths: list[Path], content: Path, format: str | None = None, force: bool = False
) -> ImportReport:
    """Import raw transcripts into ``content``; problems with one file do not stop the rest."""
    report = ImportReport()
    registry_file = content / "speakers.yaml"
    problems: list[Problem] = []
    registry = load_speakers(registry_file, problems) if registry_file.exists() else {}
    had_entries = bool(registry)
    if problems:
        raise ImportFailure(str(registry_file), "fix the speaker registry first: "
                            + "; ".join(str(p) for p in problems))
    for path in paths:
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            report.failures.append(ImportFailure(str(path), f"cannot read as UTF-8 text: {error}"))
            continue
        try:
            name, draft = importers.read(text, str(path), format)
            names = _Names(dict(registry), str(path), draft.date)
            data = structure(draft, names, name, f"raw/{path.name}")
        except ImportFailure as failure:
            report.failures.append(failure)
            continue
        registry.update({s.id: s for s in names.new})
        report.new_speakers += names.new
        raw_copy = content / "raw" / path.name
        if raw_copy.resolve() != path.resolve():
            write_if_changed(raw_copy, path.read_bytes())
        target = content / "transcripts" / f"{data['id']}.yaml"
        output = dump(data, schema_header("transcript.schema.json", 2))
        if target.exists() and target.read_text("utf-8") != output and not force:
            report.kept.append(str(target))
        elif write_if_changed(target, output):
            report.written.append(str(target))
        else:
            report.unchanged.append(str(target))
    if report.new_speakers:
        _add_to_registry(registry_file, report.new_speakers, had_entries)
    return report


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
