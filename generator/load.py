"""Read a content folder into the model, validating everything before anything is built.

All problems of all files are collected and raised together as one ``ContentError``.
"""

from __future__ import annotations

import gc
import multiprocessing
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from generator import validate
from generator.cache import Cache, Keys
from generator.errors import ContentError, Problem
from generator.model import (
    Archive,
    Paragraph,
    Participant,
    Role,
    Source,
    Speaker,
    Topic,
    Transcript,
    Turn,
)
from generator.tagging import compile_pattern
from generator.yamlio import Path_, field_name, line_of, parse


def read_yaml(path: Path, problems: list[Problem]) -> tuple[Any, dict[Path_, int]] | None:
    """Read and parse one YAML file; on failure add the problem and return None."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(file, None, None, f"cannot read file: {error.strerror}"))
        return None
    if b"\0" in raw:
        problems.append(Problem(file, None, None, "not a text file (contains NUL bytes)"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            Problem(file, line, None, f"not UTF-8 text (byte 0x{raw[error.start]:02x})")
        )
        return None
    if not text.strip():
        problems.append(Problem(file, None, None, "empty file"))
        return None
    try:
        data, lines = parse(text, file)
    except ValueError as error:
        problems.append(error.args[0])
        return None
    problems += validate.check_characters(data, file, lines)
    return data, lines


def _problem(file: str, lines: dict[Path_, int], path: Path_, message: str) -> Problem:
    return Problem(file, line_of(lines, path), field_name(path), message)


def load_speakers(path: Path, problems: list[Problem]) -> dict[str, Speaker]:
    """Read the speaker registry."""
    parsed = read_yaml(path, problems)
    if parsed is None:
        return {}
    data, lines = parsed
    found = validate.check(data, "speakers.schema.json", str(path), lines)
    problems += found
    if found:
        return {}
    speakers: dict[str, Speaker] = {}
    for index, item in enumerate(data["speakers"]):
        if item["id"] in speakers:
            problems.append(
                _problem(str(path), lines, ("speakers", index, "id"),
                         f"duplicate speaker id {item['id']!r}")
            )
            continue
        roles = tuple(
            Role(r["title"], r.get("from"), r.get("to")) for r in item.get("roles", [])
        )
        for number, role in enumerate(roles):
            if role.start and role.end and role.end < role.start:
                problems.append(
                    _problem(str(path), lines, ("speakers", index, "roles", number, "to"),
                             f"role ends ({role.end}) before it starts ({role.start})")
                )
        speakers[item["id"]] = Speaker(
            id=item["id"],
            name=item["name"],
            variants=tuple(item.get("variants", [])),
            roles=roles,
            country=item.get("country"),
            reviewed=item.get("reviewed", True),
            kind=item.get("kind", "person"),
        )
    return speakers


def load_topics(path: Path, problems: list[Problem]) -> dict[str, Topic]:
    """Read the topic taxonomy and check parents and patterns."""
    parsed = read_yaml(path, problems)
    if parsed is None:
        return {}
    data, lines = parsed
    file = str(path)
    found = validate.check(data, "topics.schema.json", file, lines)
    problems += found
    if found:
        return {}
    topics: dict[str, Topic] = {}
    where: dict[str, int] = {}
    for index, item in enumerate(data["topics"]):
        if item["id"] in topics:
            problems.append(
                _problem(file, lines, ("topics", index, "id"), f"duplicate topic id {item['id']!r}")
            )
            continue
        for key in ("patterns", "exclude", "weak"):
            for number, pattern in enumerate(item.get(key, [])):
                try:
                    compile_pattern(pattern)
                except re.error as error:
                    problems.append(
                        _problem(file, lines, ("topics", index, key, number),
                                 f"invalid regular expression {pattern!r}: {error}")
                    )
        where[item["id"]] = index
        topics[item["id"]] = Topic(
            id=item["id"],
            title=item["title"],
            kind=item["kind"],
            description=item["description"],
            parent=item.get("parent"),
            patterns=tuple(item.get("patterns", [])),
            exclude=tuple(item.get("exclude", [])),
            weak=tuple(item.get("weak", [])),
            publishers=tuple(item.get("publishers", [])),
            former_ids=tuple(item.get("former_ids", [])),
        )
    problems += former_id_problems(
        [(t.id, t.former_ids, file, ("topics", where[t.id])) for t in topics.values()],
        "topic", lambda _: lines,
    )
    for topic in topics.values():
        path_ = ("topics", where[topic.id], "parent")
        if topic.parent is not None and topic.parent not in topics:
            problems.append(_problem(file, lines, path_, f"unknown topic id {topic.parent!r}"))
            continue
        seen, current = {topic.id}, topic.parent
        while current is not None and current in topics:
            if current in seen:
                problems.append(_problem(file, lines, path_, f"parent cycle through {current!r}"))
                break
            seen.add(current)
            current = topics[current].parent
    return topics


def _speaker_ref(
    value: str | None, speakers: dict[str, Speaker] | None, file: str,
    lines: dict[Path_, int], path: Path_, problems: list[Problem],
) -> None:
    # With a broken registry every reference would look wrong: report the registry only.
    if value is not None and speakers is not None and value not in speakers:
        problems.append(_problem(file, lines, path, f"unknown speaker id {value!r}"))


def _paragraphs(
    items: list[Any], start: int, topics: dict[str, Topic] | None, file: str,
    lines: dict[Path_, int], at: Path_, problems: list[Problem],
) -> tuple[list[Paragraph], int]:
    """The paragraphs of one turn; ``start`` is the number of the paragraph before.

    A paragraph without an explicit id takes the number after the previous one, so an
    inserted paragraph with its own id moves no anchor but its own.
    """
    paragraphs, number = [], start
    for index, item in enumerate(items):
        if isinstance(item, str):
            item = {"text": item}
        number = int(item["id"][1:]) if "id" in item else number + 1
        manual = item.get("topics", {})
        for key in ("add", "remove"):
            for position, topic in enumerate(manual.get(key, [])):
                if topics is not None and topic not in topics:
                    problems.append(_problem(file, lines, (*at, index, "topics", key, position),
                                             f"unknown topic id {topic!r}"))
        paragraphs.append(Paragraph(f"p{number}", item["text"],
                                    topics_added=tuple(manual.get("add", [])),
                                    topics_removed=tuple(manual.get("remove", [])),
                                    start=item.get("start")))
    return paragraphs, number


def load_transcript(
    path: Path, speakers: dict[str, Speaker] | None, problems: list[Problem],
    topics: dict[str, Topic] | None = None,
) -> Transcript | None:
    """Read one transcript file and check it against the speaker registry and the topics."""
    parsed = read_yaml(path, problems)
    if parsed is None:
        return None
    data, lines = parsed
    file = str(path)
    found = validate.check(data, "transcript.schema.json", file, lines)
    problems += found
    if found:
        return None
    if data["id"] != path.stem:
        problems.append(_problem(file, lines, ("id",),
                                 f"must match the file name: expected {path.stem!r}"))
    if re.fullmatch(r"\d{4}", data["id"]):
        problems.append(_problem(file, lines, ("id",),
                                 "a year alone is not an id: /transcripts/<year>/ lists that year"))
    participants = []
    for index, item in enumerate(data.get("participants", [])):
        _speaker_ref(item["speaker"], speakers, file, lines,
                     ("participants", index, "speaker"), problems)
        participants.append(Participant(item["speaker"], item.get("role")))
    turns, number = [], 0
    for index, item in enumerate(data["turns"]):
        at: Path_ = ("turns", index)
        _speaker_ref(item["speaker"], speakers, file, lines, (*at, "speaker"), problems)
        for position, target in enumerate(item.get("to", [])):
            _speaker_ref(target, speakers, file, lines, (*at, "to", position), problems)
        texts = item.get("paragraphs", [])
        if item["kind"] == "omitted" and texts:
            problems.append(_problem(file, lines, (*at, "paragraphs"),
                                     "an omitted turn has no paragraphs"))
        if item["kind"] != "omitted" and not texts:
            problems.append(_problem(file, lines, (*at, "paragraphs"),
                                     "expected at least one paragraph"))
        paragraphs, number = _paragraphs(texts, number, topics, file, lines,
                                         (*at, "paragraphs"), problems)
        turns.append(
            Turn(
                id=f"t{index + 1}",
                kind=item["kind"],
                speaker=item["speaker"],
                label=item.get("label"),
                to=tuple(item.get("to", [])),
                note=item.get("note"),
                paragraphs=tuple(paragraphs),
            )
        )
    _unique_paragraph_ids(turns, data["turns"], file, lines, problems)
    retired = set(data.get("retired_paragraph_ids", []))
    for index, turn in enumerate(turns):
        for position, paragraph in enumerate(turn.paragraphs):
            if paragraph.id in retired:
                problems.append(_problem(
                    file, lines, ("turns", index, "paragraphs", position),
                    f"paragraph id {paragraph.id!r} is retired (retired_paragraph_ids): "
                    "it named other words once; give this paragraph another id",
                ))
    source = data["source"]
    return Transcript(
        id=data["id"],
        title=data["title"],
        date=data["date"],
        event=data["event"],
        place=data.get("place"),
        time=data.get("time"),
        supersedes=data.get("supersedes"),
        former_ids=tuple(data.get("former_ids", [])),
        source=Source(source["publisher"], source.get("url"), source.get("file"),
                      source.get("format")),
        participants=tuple(participants),
        turns=tuple(turns),
    )


def former_id_problems(
    entries: list[tuple[str, tuple[str, ...], str, Path_]], kind: str,
    lines_of: Callable[[str], dict[Path_, int]],
) -> list[Problem]:
    """An old address redirects to one place: report a former id that is a current id
    or another's former id. ``entries`` are (id, former ids, file, path of the entry);
    ``lines_of(file)`` gives a file's line numbers, asked for only when reporting."""
    current = {entry[0] for entry in entries}
    owner: dict[str, str] = {}
    problems = []
    for id, former, file, at in sorted(entries):
        for position, old in enumerate(former):
            if old == id:
                message = f"former id {old!r} is this {kind}'s own id"
            elif old in current:
                message = f"former id {old!r} is the id of another {kind}"
            elif old in owner:
                message = f"former id {old!r} is also a former id of {kind} {owner[old]!r}"
            else:
                owner[old] = id
                continue
            path: Path_ = (*at, "former_ids", position)
            problems.append(Problem(file, line_of(lines_of(file), path), field_name(path),
                                    message))
    return problems


def _transcript_lines(file: str) -> dict[Path_, int]:
    """Line numbers of a transcript file, read again to report a problem across files."""
    try:
        return parse(Path(file).read_text("utf-8-sig"), file)[1]
    except (OSError, ValueError):
        return {}


def _unique_paragraph_ids(
    turns: list[Turn], items: list[Any], file: str, lines: dict[Path_, int],
    problems: list[Problem],
) -> None:
    """An anchor names one paragraph: report every paragraph that repeats an earlier id."""
    first: dict[str, Path_] = {}
    for index, turn in enumerate(turns):
        for position, paragraph in enumerate(turn.paragraphs):
            path: Path_ = ("turns", index, "paragraphs", position)
            if isinstance(items[index]["paragraphs"][position], dict):
                path = (*path, "id") if "id" in items[index]["paragraphs"][position] else path
            if paragraph.id in first:
                problems.append(_problem(
                    file, lines, path, f"duplicate paragraph id {paragraph.id!r} "
                    f"(also {field_name(first[paragraph.id])}); give this paragraph another id",
                ))
            else:
                first[paragraph.id] = path
    return None


_SHARED: tuple[Any, ...] = ()
"""What every job of a worker process needs (registries, prepare step, cache keys), set
once when the process starts rather than pickled with each job."""


def _share(*shared: Any) -> None:
    global _SHARED
    _SHARED = shared
    gc.enable()  # (a build loads with the collector held off in its own process)


def _load_shared(items: list[tuple[Path, str | None]]) -> tuple[list[Transcript], list[Problem]]:
    """``_load_many`` of some files with what ``_share`` gave this worker process."""
    return _load_many((items, *_SHARED))


def _load_many(
    job: tuple[list[tuple[Path, str | None]], dict[str, Speaker] | None,
               dict[str, Topic] | None, Callable[[Transcript], Transcript] | None,
               Keys | None],
) -> tuple[list[Transcript], list[Problem]]:
    """Load some transcript files, given as (path, cache key or None), and prepare each
    one that has no problem; runs in a worker process. What is prepared is stored in the
    cache, even when other files have problems: the next build needs it."""
    items, speakers, topics, prepare, keys = job
    problems: list[Problem] = []
    found = []
    for path, key in items:
        before = len(problems)
        transcript = load_transcript(path, speakers, problems, topics)
        if transcript is None:
            continue
        if prepare and len(problems) == before:
            transcript = prepare(transcript)
            for turn in transcript.turns:  # (counted here, kept in the cache)
                turn.words  # noqa: B018
            if keys is not None and key is not None:
                keys.store(path, key, transcript)
        found.append(transcript)
    return found, problems


def load(
    content: Path,
    workers: int = 1,
    prepare: Callable[[dict[str, Speaker], dict[str, Topic]],
                      Callable[[Transcript], Transcript]] | None = None,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
) -> Archive:
    """Read and validate a whole content folder; raise ``ContentError`` listing every problem.

    ``prepare``, given the registries, makes a function applied to every transcript as
    soon as it is read (the build tags them there); with ``workers`` > 1 the files are
    read and prepared in that many processes. With a ``cache`` (used only with
    ``prepare``), unchanged files are taken from it, already prepared; the checks across
    files run over all transcripts either way. ``progress(n)`` is told each time ``n``
    more transcripts are loaded.
    """
    problems: list[Problem] = []
    if not content.is_dir():
        raise ContentError([Problem(str(content), None, None, "content folder not found")])
    speakers = load_speakers(content / "speakers.yaml", problems)
    registry_ok = not problems
    # A taxonomy that could not be read would make every topic reference look wrong.
    before = len(problems)
    topics = load_topics(content / "topics.yaml", problems)
    taxonomy_ok = bool(topics) or len(problems) == before
    folder = content / "transcripts"
    for path in sorted(folder.glob("*.yml")):
        problems.append(Problem(str(path), None, None,
                                "not read: transcript files end in .yaml"))
    paths = sorted(folder.glob("*.yaml"))
    ready = prepare is not None and not problems
    # Entries are made by a working ``prepare`` step with sound registries; otherwise the
    # build fails anyway, and every file is read so that all its problems are reported.
    keys = cache.bind(speakers, topics, prepare) if cache is not None and ready else None
    looked_up = keys.lookup_all(paths) if keys is not None else [(p, None, None) for p in paths]
    transcripts = [transcript for _, _, transcript in looked_up if transcript is not None]
    todo = [(path, key) for path, key, transcript in looked_up if transcript is None]
    # Compiling the taxonomy for tagging takes a while: only when a file needs it.
    step = prepare(speakers, topics) if prepare and ready and todo else None
    shared = (speakers if registry_ok else None, topics if taxonomy_ok else None, step, keys)
    if progress is not None:
        progress(len(transcripts))
    if workers > 1 and len(todo) >= 20 * workers:
        # Parsing, validating and tagging are CPU-bound and independent per file. Jobs of
        # a few files each, so that progress shows; the shared part goes once per worker.
        context = multiprocessing.get_context("fork")
        size = max(1, min(25, len(todo) // (workers * 4)))
        jobs = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_share,
                                 initargs=shared) as pool:
            for (found, trouble), items in zip(pool.map(_load_shared, jobs), jobs, strict=True):
                transcripts += found
                problems += trouble
                if progress is not None:
                    progress(len(items))
    else:
        found, trouble = _load_many((todo, *shared))
        transcripts += found
        problems += trouble
        if progress is not None:
            progress(len(todo))
    if cache is not None:
        cache.hits, cache.misses = len(paths) - len(todo), len(todo)
        cache.keys = {path.stem: key for path, key, _ in looked_up if key is not None}
    if keys is not None:  # entries of edited, deleted or broken files, other contexts
        keys.prune({(path.stem, key) for path, key, _ in looked_up if key is not None})
    problems += former_id_problems(
        [(t.id, t.former_ids, str(folder / f"{t.id}.yaml"), ()) for t in transcripts],
        "transcript", _transcript_lines)
    if problems:
        raise ContentError(problems)
    transcripts.sort(key=lambda t: t.id)
    transcripts.sort(key=lambda t: t.date, reverse=True)
    return Archive(tuple(transcripts), speakers, topics)
