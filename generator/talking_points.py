"""Talking points: lines said again, exactly or nearly, in other transcripts.

A *line* is a sentence of at least ``Rules.min_words`` words (shorter ones are courtesies
and moderators' cues: "Thank you", "Good afternoon", "Next question"). Two lines are the
same when their words (lower-cased, punctuation aside) are equal, or when one is the
other with a word or two left out (``near``): a word replaced is another line.

Finding them costs about as much as reading the archive once, not comparing every pair
of lines. Each transcript's lines are kept as a few numbers (where the line is, hashes of
its words and of its first and last words: ``Sketch``), in the work folder by the
transcript's cache key (``Sketches``), so that only new or edited transcripts are read
again. Every build puts the numbers of the whole archive into arrays and sorts them
(numpy): lines of the same words are one line. Only wordings that share their first or
last words with another can be near one: they get MinHash sketches of their pairs of
words (``rensa``), an index of those sketches proposes the pairs worth comparing, and
their words are compared exactly (``rapidfuzz``'s edit distance on words). Lines said in
the same transcript twice count once.

Two transcripts that share most of their lines are one text published twice (a
corrected re-issue, the same briefing under two addresses): their lines are not said
"again" in each other. ``Transcript.supersedes`` says so too.

Consecutive lines that are always repeated together (a paragraph read out again) make
one talking point.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import pickle
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Indel
from rensa import RMinHash, RMinHashLSH

from generator.excerpts import sentences
from generator.model import Archive, Paragraph, Transcript, Turn
from generator.write import write_if_changed

VERSION = 1
"""Bump when what a sketch holds changes."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

NUM_PERM = 64
"""Size of the MinHash sketch of each wording that is compared."""
BANDS = 16
"""Bands of the index (of four rows each). A wording of ten words and the same with one
word left out share 7 of their 10 pairs of words (Jaccard 0.7): the index proposes them
with probability 0.99; twenty words and two left out, 15 of 21 (0.71): 0.99. Whatever it
proposes is checked word by word (``near``)."""
SEED = 20261130


@dataclass(frozen=True)
class Rules:
    """What counts as a line said again (``archive.yml``: ``talking_points``)."""

    min_words: int = 10
    """Shortest line, in words. Measured on the corpus (1,229 transcripts): the sentences
    said word for word in more than one transcript number 1,100–1,600 for each length of
    two to six words, 690 at eight, 410 at ten, 270 at twelve; read by length, the most
    repeated of six to nine words are courtesies and cues ("thank you so much for taking
    my question", "that's all the time we have for today"), those of ten words and more
    are formulas and lines ("I just don't have anything to share at this time", "as a
    reminder, this call is on background...")."""
    max_edits: int = 2
    """Words that one wording of a line may leave out of another."""
    edit_share: float = 0.1
    """... and at most this share of the shorter wording's words (one word in ten)."""
    copy_share: float = 0.5
    """Two transcripts sharing at least this share of the lines of the shorter one (and
    at least three) are one text published twice."""


def words(text: str) -> tuple[str, ...]:
    """The words of a text, lower-cased, curly apostrophes straight."""
    return tuple(_WORD.findall(text.lower().replace("’", "'")))


@dataclass(frozen=True)
class Sketch:
    """The lines of one transcript, as numbers (packed arrays, in reading order): where
    each is, and 64-bit hashes of its words, of its first ``ENDS`` and of its last."""

    places: bytes
    """(paragraph number in reading order, start, end) of each line, 32-bit."""
    keys: bytes
    """The hash of each line's words: lines of the same words are one line."""
    heads: bytes
    """The hash of its first ``ENDS`` words."""
    tails: bytes
    """The hash of its last ``ENDS`` words."""
    sizes: bytes
    """Its number of words (16-bit)."""

    @property
    def count(self) -> int:
        return len(self.keys) // 8

    def packed(self) -> bytes:
        """The sketch as a file keeps it: ``MAGIC``, the number of lines (32-bit), then
        the arrays one after the other."""
        return b"".join((MAGIC, self.count.to_bytes(4, "little"), self.places, self.keys,
                         self.heads, self.tails, self.sizes))


MAGIC = b"TPL1"
"""The first bytes of a kept sketch."""
_FIELDS = (("places", np.int32, 3), ("keys", np.uint64, 1), ("heads", np.uint64, 1),
           ("tails", np.uint64, 1), ("sizes", np.uint16, 1))
"""The arrays of a sketch in the order it is packed: name, type, numbers per line."""
ROW = sum(np.dtype(kind).itemsize * width for _, kind, width in _FIELDS)
"""Bytes of a line in a sketch (38)."""


class Lines:
    """The lines of an archive as arrays, a row per line, transcript after transcript
    (oldest first: ``oldest_first``), each transcript's lines in reading order, as its
    ``Sketch`` has them."""

    def __init__(self, ids: Iterable[str], counts: Iterable[int]):
        self.ids = tuple(ids)
        self.counts = np.fromiter(counts, dtype=np.int64, count=len(self.ids))
        self.ends = np.cumsum(self.counts)
        """The number after each transcript's last line."""
        total = int(self.ends[-1]) if len(self.ends) else 0
        self.places = np.zeros((total, 3), dtype=np.int32)
        self.keys = np.zeros(total, dtype=np.uint64)
        self.heads = np.zeros(total, dtype=np.uint64)
        self.tails = np.zeros(total, dtype=np.uint64)
        self.sizes = np.zeros(total, dtype=np.uint16)

    @property
    def total(self) -> int:
        return len(self.keys)

    def put(self, number: int, packed: bytes) -> None:
        """Fill in transcript ``number``'s lines from its packed sketch."""
        count = int(self.counts[number])
        start = int(self.ends[number]) - count
        offset = len(MAGIC) + 4
        for name, kind, width in _FIELDS:
            size = np.dtype(kind).itemsize * width * count
            values = np.frombuffer(packed, dtype=kind, count=width * count, offset=offset)
            getattr(self, name)[start:start + count] = values.reshape(
                (count, width) if width > 1 else count)
            offset += size

    def owners(self, lines: np.ndarray) -> np.ndarray:
        """The transcript number of each of ``lines`` (line numbers)."""
        return np.searchsorted(self.ends, lines, side="right")

    def digest(self) -> bytes:
        """A digest of every line of every transcript."""
        digest = hashlib.sha256("\0".join(self.ids).encode())
        for values in (self.counts, self.places, self.keys, self.heads, self.tails,
                       self.sizes):
            digest.update(np.ascontiguousarray(values).data)
        return digest.digest()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lines) and self.digest() == other.digest()

    __hash__ = None  # type: ignore[assignment]


def oldest_first(transcripts: Iterable[Transcript]) -> list[Transcript]:
    """Transcripts by date, then id: the order of ``Lines``."""
    return sorted(transcripts, key=lambda t: (t.date, t.id))


ENDS = 6
"""Words at each end of a line that ``Sketch.heads`` and ``Sketch.tails`` hash. A line
with a word or two left out keeps one of its ends whole, unless words are left out at
both ends (or, in a line of eleven words, the sixth): only wordings that share an end
with another wording a word or two longer or shorter are compared. Measured on the
corpus (306,187 lines): with four words, 119,058 wordings were compared (4.5 s), and 514
occurrences found worded otherwise; with six, 27,550 (1.8 s) and 508; with eight, 7,409
and 447."""


def _hash(said: tuple[str, ...]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(said).encode(), digest_size=8).digest(),
                          "little")


def _spoken(transcript: Transcript) -> Iterable[tuple[int, Turn, Paragraph]]:
    """(paragraph number in reading order, turn, paragraph) of the transcript, stage
    notes left out."""
    number = 0
    for turn in transcript.turns:
        for paragraph in turn.paragraphs:
            if turn.kind != "note":
                yield number, turn, paragraph
            number += 1


def sketch(transcript: Transcript, rules: Rules) -> Sketch:
    """The lines of ``transcript``, as numbers."""
    places, keys, heads, tails, sizes = (array("i"), array("Q"), array("Q"), array("Q"),
                                         array("H"))
    for number, _, paragraph in _spoken(transcript):
        text = paragraph.text
        for start, end in lines_of(text):
            said = words(text[start:end])
            if len(said) >= rules.min_words:
                places.extend((number, start, end))
                keys.append(_hash(said))
                heads.append(_hash(said[:ENDS]))
                tails.append(_hash(said[-ENDS:]))
                sizes.append(min(len(said), 65535))
    return Sketch(places.tobytes(), keys.tobytes(), heads.tobytes(), tails.tobytes(),
                  sizes.tobytes())


_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Messrs|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|St|Jr|Sr|No|Nos|"
    r"vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")
"""A sentence end that is an abbreviation: a title ("Dr."), an initial ("J."), "U.S."."""
_REACH = 40
"""Characters before a sentence's end that ``_ABBREVIATION`` looks at (searching the
paragraph from its start each time took a third of the time of sketching a transcript)."""


def lines_of(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph (``excerpts.sentences``), without breaking after an
    abbreviation: "President Biden will welcome Dr. Jill Biden" is one line."""
    spans: list[tuple[int, int]] = []
    for start, end in sentences(text):
        if spans and _ABBREVIATION.search(text, max(0, spans[-1][1] - _REACH), spans[-1][1]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def pairs(said: tuple[str, ...]) -> set[str]:
    """What a line's sketch is made of: its pairs of consecutive words. (Single words
    would make every two lines of common words look alike: measured on the corpus, the
    index then proposed 41 million pairs of lines to compare, against 0.6 million.)"""
    return {f"{a} {b}" for a, b in zip(said, said[1:], strict=False)}


class Sketches:
    """The sketches of the last build, one file per transcript: ``<stem>.<key>.lines``
    (``Sketch.packed``), the key made of the transcript's cache key
    (``generator.cache``), the rules and this module's code."""

    def __init__(self, folder: Path, rules: Rules):
        self.folder = folder
        self.rules = rules
        digest = hashlib.sha256(Path(__file__).read_bytes())
        digest.update((Path(__file__).parent / "excerpts.py").read_bytes())  # (sentences)
        digest.update(repr((VERSION, ENDS, rules)).encode())
        self.context = digest.hexdigest()[:16]
        self.made = 0
        """Sketches the last ``of`` made (the others came from the folder)."""

    def _entry(self, transcript_id: str, key: str) -> Path:
        return self.folder / f"{transcript_id}.{key[:16]}{self.context}.lines"

    def of(self, transcripts: Iterable[Transcript], keys: dict[str, str] | None,
           workers: int = 1) -> Lines:
        """The lines of the transcripts, oldest first: kept sketches read, the others
        made (in ``workers`` processes when there are many) and kept. Without ``keys``
        nothing is kept.

        The arrays are filled from the files one transcript at a time, so that the
        archive's lines are held once (38 bytes a line), not as sketches and arrays."""
        ordered = oldest_first(transcripts)
        paths = [self._entry(t.id, keys[t.id]) if keys and t.id in keys else None
                 for t in ordered]
        counts = [_kept_count(path) if path is not None else None for path in paths]
        todo = [n for n, count in enumerate(counts) if count is None]
        self.made = len(todo)
        made = _sketch_all([ordered[n] for n in todo], [paths[n] for n in todo], self.rules,
                           workers)
        held: dict[int, Sketch] = {}
        for number, result in zip(todo, made, strict=True):
            if isinstance(result, Sketch):
                held[number] = result
                counts[number] = result.count
            else:
                counts[number] = result
        lines = Lines((t.id for t in ordered), counts)  # type: ignore[misc]
        for number, path in enumerate(paths):
            kept = held.pop(number, None)
            packed = kept.packed() if kept is not None else path.read_bytes()  # type: ignore[union-attr]
            if _count(packed, len(packed)) != counts[number]:  # (changed since: made again)
                packed = sketch(ordered[number], self.rules).packed()
                if _count(packed, len(packed)) != counts[number]:
                    raise RuntimeError(f"{path}: changed while it was read")
            lines.put(number, packed)
        if keys is not None:
            names = {self._entry(t, k).name for t, k in keys.items()}
            for path in (*self.folder.glob("*.lines"), *self.folder.glob("*.pickle")):
                if path.name not in names:
                    path.unlink(missing_ok=True)
        return lines


def _count(head: bytes, size: int) -> int | None:
    """The number of lines of a packed sketch of ``size`` bytes that starts with
    ``head``, or None when it is none (damaged, cut)."""
    if len(head) < len(MAGIC) + 4 or not head.startswith(MAGIC):
        return None
    count = int.from_bytes(head[len(MAGIC):len(MAGIC) + 4], "little")
    return count if size == len(MAGIC) + 4 + ROW * count else None


def _kept_count(path: Path) -> int | None:
    """The number of lines of the sketch kept in ``path``, or None: none, or damaged."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(MAGIC) + 4)
            size = path.stat().st_size
    except OSError:
        return None
    return _count(head, size)


_TODO: list[tuple[Transcript, Path | None]] = []


def _sketch_share(share: int, shares: int, rules: Rules) -> list[Sketch | int]:
    return [_sketch_kept(t, path, rules) for t, path in _TODO[share::shares]]


def _sketch_kept(transcript: Transcript, path: Path | None, rules: Rules) -> Sketch | int:
    """The sketch of ``transcript``; written to ``path`` when there is one, and then only
    its number of lines is given back (the lines are read from the file once all are made)."""
    made = sketch(transcript, rules)
    if path is None:
        return made
    write_if_changed(path, made.packed())
    return made.count


def _sketch_all(todo: list[Transcript], paths: list[Path | None], rules: Rules,
                workers: int) -> list[Sketch | int]:
    """``_sketch_kept`` of each transcript, in forked processes when there are many."""
    global _TODO
    if workers < 2 or len(todo) < 200:
        return [_sketch_kept(t, path, rules) for t, path in zip(todo, paths, strict=True)]
    _TODO = list(zip(todo, paths, strict=True))
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            parts = list(pool.map(_sketch_share, range(workers), [workers] * workers,
                                  [rules] * workers))
    finally:
        _TODO = []
    made: list[Sketch | int] = [0] * len(todo)
    for share, part in enumerate(parts):
        made[share::workers] = part
    return made


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a talking point is said: the words ``paragraph.text[start:end]``."""

    transcript: Transcript
    turn: Turn
    paragraph: Paragraph
    start: int
    end: int
    exact: bool
    """Worded as the talking point is (``TalkingPoint.text``; case and punctuation aside)."""

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start:self.end]


@dataclass(frozen=True)
class TalkingPoint:
    """A line (or run of lines) said in several transcripts."""

    id: str
    """``tp-`` and a digest of the words of its commonest wording: stable while that
    wording stands."""
    occurrences: tuple[Occurrence, ...]
    """One per transcript (or text published twice), oldest first."""
    topics: tuple[str, ...] = ()
    """Topics it is about: in some occurrence, its paragraph is about the topic and its
    own words name it (``_about``)."""
    wording: int = 0
    """The first occurrence worded as its commonest wording (every other wording is near
    that one: ``near``)."""

    @property
    def text(self) -> str:
        """Its commonest wording, as first said so."""
        return self.occurrences[self.wording].text

    @property
    def first(self) -> str:
        return self.occurrences[0].transcript.date

    @property
    def last(self) -> str:
        return self.occurrences[-1].transcript.date

    @property
    def speakers(self) -> tuple[str | None, ...]:
        """Who said it (None: a journalist), in order of first saying it."""
        return tuple(dict.fromkeys(o.turn.speaker for o in self.occurrences))


@dataclass(frozen=True)
class Said:
    """Every talking point of an archive, and where each paragraph's lines are said again."""

    points: tuple[TalkingPoint, ...]
    """Most repeated first (then the newest, then by id)."""
    by_paragraph: dict[tuple[str, str], tuple[tuple[TalkingPoint, Occurrence], ...]] = field(
        default_factory=dict)
    """(transcript id, paragraph id) → the talking points said there, with where, in the
    order of the paragraph (where it is one of the talking point's occurrences, or a
    copy's or a second saying in one transcript, which is none)."""
    copies: dict[str, str] = field(default_factory=dict)
    """Transcript id → the transcript of the same text it is grouped with, where it is
    one of a text published twice (all but the oldest of each such group)."""
    in_transcript: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Transcript id → its paragraphs that hold talking points, in ``by_paragraph``."""
    rules: Rules = Rules()
    """The rules they were found by."""

    def notes(self, transcript_id: str, paragraph_id: str) -> tuple[Note, ...]:
        """What a paragraph says again (or first), talking point by talking point."""
        notes = []
        text = self.copies.get(transcript_id, transcript_id)  # (its text's oldest transcript)
        for point, mine in self.by_paragraph.get((transcript_id, paragraph_id), ()):
            day = mine.transcript.date
            others = [o for o in point.occurrences
                      if self.copies.get(o.transcript.id, o.transcript.id) != text]
            notes.append(Note(point, mine, tuple(o for o in others if o.transcript.date < day),
                              tuple(o for o in others if o.transcript.date == day),
                              tuple(o for o in others if o.transcript.date > day)))
        return tuple(notes)

    def digest(self, transcript_id: str, key: Callable[[str], str]) -> tuple[object, ...]:
        """What a transcript's page shows of its talking points, for its fingerprint:
        every occurrence by the cache ``key`` of its transcript (which stands for its
        date, title and words) and paragraph."""
        return tuple(
            (pid, point.id, tuple((key(o.transcript.id), o.paragraph.id, o.start)
                                  for o in point.occurrences))
            for pid in self.in_transcript.get(transcript_id, ())
            for point, _ in self.by_paragraph[transcript_id, pid])

    @property
    def newest(self) -> tuple[TalkingPoint, ...]:
        """The talking points, last said most recently first."""
        return tuple(sorted(self.points, key=lambda p: (p.last, len(p.occurrences), p.id),
                            reverse=True))

    def of_speaker(self, speaker: str) -> tuple[TalkingPoint, ...]:
        """The talking points a speaker said, most repeated first."""
        return self._by_speaker.get(speaker, ())

    def of_topic(self, topic: str) -> tuple[TalkingPoint, ...]:
        """The talking points about a topic, most repeated first."""
        return self._by_topic.get(topic, ())

    @cached_property
    def _by_speaker(self) -> dict[str | None, tuple[TalkingPoint, ...]]:
        found: dict[str | None, list[TalkingPoint]] = defaultdict(list)
        for point in self.points:
            for speaker in point.speakers:
                found[speaker].append(point)
        return {speaker: tuple(points) for speaker, points in found.items()}

    @cached_property
    def _by_topic(self) -> dict[str, tuple[TalkingPoint, ...]]:
        found: dict[str, list[TalkingPoint]] = defaultdict(list)
        for point in self.points:
            for topic in point.topics:
                found[topic].append(point)
        return {topic: tuple(points) for topic, points in found.items()}


@dataclass(frozen=True)
class Note:
    """A talking point as one of its occurrences sees it."""

    point: TalkingPoint
    occurrence: Occurrence
    before: tuple[Occurrence, ...]
    """Its occurrences on earlier days, oldest first."""
    same_day: tuple[Occurrence, ...]
    later: tuple[Occurrence, ...]

    def shown(self, limit: int) -> tuple[Occurrence, ...]:
        """At most ``limit`` of the others, oldest first: the first of all, the most
        recent before this one, the same day's, then the next ones after it."""
        others = (*self.before, *self.same_day, *self.later)
        if len(others) <= limit:
            return others
        half = max(1, limit // 2)
        recent = self.before[1:][-(half - 1):] if half > 1 else ()
        picked = [*self.before[:1], *recent, *self.same_day, *self.later]
        return tuple(picked[:limit])


@dataclass(frozen=True)
class Summary:
    """What a paragraph's notes come to: how often its lines were said before (in how
    many other transcripts), first when and by whom, the same day and after."""

    before: int
    first: Occurrence | None
    same_day: int
    later: int


def summary(notes: Iterable[Note]) -> Summary:
    """The notes of a paragraph in one line: the talking point said most often before
    it, or, when none was said before, the one said most often after it."""
    notes = list(notes)
    best = max(notes, key=lambda n: (len(n.before), len(n.same_day), len(n.later)))
    return Summary(len(best.before), best.before[0] if best.before else None,
                   len(best.same_day), len(best.later))


NOTHING = Said(())
"""No talking point (an archive of one transcript; talking points not looked for)."""


class _Union:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def find(archive: Archive, lines: Lines, rules: Rules = Rules(),
         remember: Path | None = None) -> Said:
    """The talking points of ``archive`` from the lines of its transcripts
    (``Sketches.of``).

    With ``remember``, a file where the lines said again are kept with a digest of every
    line, of the transcripts' order and of the rules: when none of them changed (an
    edited title, a new topic), they are taken from there and nothing is compared again.
    """
    transcripts = oldest_first(archive.transcripts)
    if lines.ids != tuple(t.id for t in transcripts):
        raise ValueError("the lines are not those of the archive's transcripts, oldest first")
    digest = hashlib.sha256(repr((VERSION, ENDS, rules)).encode())
    digest.update(lines.digest())
    signature = digest.hexdigest()
    kept = None
    if remember is not None:
        try:
            kept = pickle.loads(remember.read_bytes())
        except Exception:  # none, or unreadable: compared again
            pass
    if isinstance(kept, tuple) and len(kept) == 4 and kept[0] == signature:
        _, found, table, counts = kept
    else:
        found, table, counts = _repeated(transcripts, lines, rules)
        if remember is not None:
            write_if_changed(remember, pickle.dumps((signature, found, table, counts),
                                                    pickle.HIGHEST_PROTOCOL))
    group = _copies(transcripts, found, table, counts, rules)
    try:
        return _assemble(transcripts, found, table, group, rules)
    finally:
        _FLAT.clear()


_Table = dict[int, tuple[int, int, int, int, int, int]]
"""Line number in the archive → (paragraph number, start, end, hash of its words,
transcript number, hash of the words of the wording it is listed under)."""

SHARE = 1 << 17
"""Lines sorted at a time, about: the archive's lines are sorted in shares of the
values of their hashes (their last bits), so that the memory this takes beyond the lines
themselves stays about the same however large the archive. Measured on 6.5 million
random lines (236 MB of ``Lines``): sorted at once, 850 MB more, ~130 bytes a line; in
shares of 2**20 lines, 175 MB more; of 2**17, 87 MB (of which the lines said again, 1%,
take the most), and no slower (9.5 s)."""


def _repeated(transcripts: list[Transcript], lines: Lines, rules: Rules,
              ) -> tuple[list[list[int]], _Table, list[int]]:
    """The lines said in more than one transcript, by talking point (line numbers in the
    archive, transcripts oldest first), what ``_Table`` says of each, and the number of
    lines of each transcript.

    The lines are grouped by sorting their hashes (a line of the same words as another is
    the same line), share by share of the hashes' values. Wordings that share their first
    or last words with another wording a word or two longer or shorter are the only ones
    that can be near another (``near``): for them alone are MinHash sketches of their
    pairs of words made, and an index of those proposes the pairs whose words are
    compared."""
    counts = lines.counts.tolist()
    if not lines.total:
        return [], {}, counts
    shares = 1
    while lines.total > shares * SHARE:
        shares *= 2
    by_key = _share_of(lines.keys, shares)
    # One wording per group of lines of the same words: its first line stands for it.
    wording = np.zeros(lines.total, dtype=bool)
    said_often: list[np.ndarray] = []  # (first line, lines) of wordings of several lines
    for share in range(shares):
        group = _Groups(lines, _in_share(by_key, share))
        wording[group.firsts] = True
        several = group.sizes > 1
        said_often.append(np.stack((group.firsts[several], group.sizes[several])))
    center: dict[int, int] = {}  # first line of a wording → that of the one it is under
    if rules.max_edits:
        candidates = _candidates(lines, wording, shares, rules)
        often = np.concatenate(said_often, axis=1)
        often = often[:, np.argsort(often[0])]
        size = _looked_up(candidates, often[0], often[1], np.ones(len(candidates),
                                                                  dtype=np.int64))
        # The commonest wording first (then the earliest): it takes in those near it,
        # which then take in no others, so that every wording of a talking point is near
        # the one it is listed under (near wordings of near wordings would drift).
        chosen = candidates[np.lexsort((candidates, -size))]
        center = _near_wordings(chosen, transcripts, lines, rules)
    del wording, said_often
    kept, labels = _said_again(lines, by_key, shares, center)
    clusters: dict[int, list[int]] = defaultdict(list)
    for line, of in zip(kept.tolist(), labels.tolist(), strict=True):
        clusters[of].append(line)
    owners = lines.owners(kept).tolist()
    canonical = lines.keys[labels].tolist()  # the words of the wording listed under
    table = {line: (*lines.places[line].tolist(), int(lines.keys[line]), owners[n],
                    canonical[n])
             for n, line in enumerate(kept.tolist())}
    return list(clusters.values()), table, counts


def _share_of(values: np.ndarray, shares: int) -> np.ndarray:
    """The share each of ``values`` (hashes) falls in: its last bits."""
    mask = np.uint64(shares - 1)
    found = np.empty(len(values), dtype=np.uint16)
    for start in range(0, len(values), SHARE):  # (a share at a time: no copy of all)
        found[start:start + SHARE] = values[start:start + SHARE] & mask
    return found


def _in_share(by: np.ndarray, share: int, among: np.ndarray | None = None) -> np.ndarray:
    """The line numbers in ``share`` (ascending), of those ``among`` (a mask) if given."""
    inside = by == share
    if among is not None:
        inside &= among
    return np.flatnonzero(inside)


class _Groups:
    """Lines (``numbers``, ascending) grouped by their words: ``lines`` sorted by hash,
    each group's start in it, its first line, its number of lines, the transcript of
    each line and the number of transcripts of each group."""

    def __init__(self, archive: Lines, numbers: np.ndarray):
        keys = archive.keys[numbers]
        order = np.argsort(keys, kind="stable")  # (a group's lines stay in order)
        keys = keys[order]
        self.lines = numbers[order]
        # (found for the lines in order, then sorted alike: searching values in order is
        # several times faster)
        self.owners = archive.owners(numbers)[order]
        del order
        new = np.ones(len(keys), dtype=bool)
        np.not_equal(keys[1:], keys[:-1], out=new[1:])
        del keys
        self.starts = np.flatnonzero(new)
        self.firsts = self.lines[self.starts]
        self.sizes = np.diff(np.append(self.starts, len(self.lines)))
        # (a group's lines in order: its transcripts too, each once where it changes)
        new[1:] |= self.owners[1:] != self.owners[:-1]
        self.holders = (np.add.reduceat(new, self.starts, dtype=np.int64)
                        if len(self.starts) else np.zeros(0, dtype=np.int64))

    def each(self, values: np.ndarray) -> np.ndarray:
        """Each line's value, from its group's (``values``, one per group)."""
        return np.repeat(values, self.sizes)


def _candidates(lines: Lines, wording: np.ndarray, shares: int, rules: Rules) -> np.ndarray:
    """The first lines of the wordings (``wording``: a mask of the first lines) that
    share their first or last ``ENDS`` words with a wording a word or two longer or
    shorter, ascending."""
    candidate = np.zeros(lines.total, dtype=bool)
    for ends in (lines.heads, lines.tails):
        # (by the last bits of the hash of the end: a line's end and length, as one
        # number, and that number and another length fall in the same share)
        by_end = _share_of(ends, shares)
        for share in range(shares):
            numbers = _in_share(by_end, share, wording)
            # (an end and a length as one number; a collision only adds a comparison)
            values = ends[numbers] * np.uint64(1 << 16) + lines.sizes[numbers]
            candidate[numbers[_gapped(values, rules.max_edits)]] = True
    return np.flatnonzero(candidate)


def _gapped(values: np.ndarray, gaps: int) -> np.ndarray:
    """Which of ``values`` differ from another of them by 1 to ``gaps``. (Each distinct
    value is looked up once, with those above and below it in order: sorted, the values
    are found in a pass rather than each by a search of its own.)"""
    order = np.argsort(values)
    ordered = values[order]
    new = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    present = ordered[new]
    del ordered
    close = np.zeros(len(present), dtype=bool)
    if len(present):
        for gap in range(1, gaps + 1):
            for shifted in (present + np.uint64(gap), present - np.uint64(gap)):
                at = np.minimum(np.searchsorted(present, shifted), len(present) - 1)
                close |= present[at] == shifted
    found = np.empty(len(values), dtype=bool)
    found[order] = close[np.cumsum(new) - 1]
    return found


def _said_again(lines: Lines, by_key: np.ndarray, shares: int, center: dict[int, int],
                ) -> tuple[np.ndarray, np.ndarray]:
    """The lines whose wording (or a wording near it: ``center``) is said in more than
    one transcript, ascending, and the first line of the wording each is listed under."""
    moved = np.array(sorted(center), dtype=np.int64)
    to = np.array([center[line] for line in moved.tolist()], dtype=np.int64)
    joined = _distinct(np.concatenate((moved, to)))  # wordings with others under them
    kept: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    mixed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for share in range(shares):
        group = _Groups(lines, _in_share(by_key, share))
        label = _looked_up(group.firsts, moved, to, group.firsts.copy())
        touched = _among(group.firsts, joined)
        alone = group.each((group.holders > 1) & ~touched)
        kept.append(group.lines[alone])
        labels.append(group.each(label)[alone])
        among = group.each(touched)
        mixed.append((group.lines[among], group.each(label)[among], group.owners[among]))
    # Wordings listed under another: said again when all of them together are said in
    # more than one transcript.
    numbers, label, owner = (np.concatenate([part[n] for part in mixed]) for n in range(3))
    if len(numbers):
        held = _distinct(label * (len(lines.ids) + 1) + owner) // (len(lines.ids) + 1)
        again = _among(label, _distinct(held[1:][held[1:] == held[:-1]]))
        kept.append(numbers[again])
        labels.append(label[again])
    kept_all, labels_all = np.concatenate(kept), np.concatenate(labels)
    order = np.argsort(kept_all)
    return kept_all[order], labels_all[order]


def _looked_up(values: np.ndarray, keys: np.ndarray, found: np.ndarray,
               otherwise: np.ndarray) -> np.ndarray:
    """``otherwise`` (one per value), where each of ``values`` that is one of ``keys``
    (sorted) is replaced by the ``found`` of that key."""
    if len(keys):
        at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
        hit = keys[at] == values
        otherwise[hit] = found[at[hit]]
    return otherwise


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted. (Sorting: ``numpy.unique`` of plain values hashes,
    several times slower.)"""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(
        ordered) else ordered


def _among(values: np.ndarray, distinct: np.ndarray) -> np.ndarray:
    """Which of ``values`` are in ``distinct`` (sorted, as ``_distinct`` makes it)."""
    if not len(distinct):
        return np.zeros(len(values), dtype=bool)
    # (looked up in order: searching unsorted values is several times slower)
    order = np.argsort(values)
    ordered = values[order]
    at = np.minimum(np.searchsorted(distinct, ordered), len(distinct) - 1)
    found = np.empty(len(values), dtype=bool)
    found[order] = distinct[at] == ordered
    return found


def _text(transcripts: list[Transcript], lines: Lines, line: int) -> str:
    number, start, end = lines.places[line].tolist()
    owner = int(lines.owners(np.asarray(line)))
    return _flat(transcripts[owner])[number][1].text[start:end]


_FLAT: dict[int, list[tuple[Turn, Paragraph]]] = {}


def _flat(transcript: Transcript) -> list[tuple[Turn, Paragraph]]:
    """The (turn, paragraph) of a transcript in reading order (kept while ``find`` runs)."""
    made = _FLAT.get(id(transcript))
    if made is None:
        made = _FLAT[id(transcript)] = [(turn, p) for turn in transcript.turns
                                        for p in turn.paragraphs]
    return made


def _near_wordings(chosen: np.ndarray, transcripts: list[Transcript], lines: Lines,
                   rules: Rules) -> dict[int, int]:
    """The ``chosen`` wordings (their first lines) that are near one before them
    (``near``), each with the wording it is listed under."""
    center: dict[int, int] = {}
    if not len(chosen):
        return center
    firsts = chosen.tolist()
    said = [words(_text(transcripts, lines, line)) for line in firsts]
    hashes = RMinHash.from_token_sets([pairs(w) for w in said], NUM_PERM, SEED)
    index = RMinHashLSH(0.6, NUM_PERM, BANDS)
    index.insert_pairs(list(enumerate(hashes)))
    taken: set[int] = set()
    for position, minhash in enumerate(hashes):
        if position in taken:
            continue
        taken.add(position)
        for other in index.query(minhash):
            if other not in taken and near(said[position], said[other], rules):
                center[firsts[other]] = firsts[position]
                taken.add(other)
    return center


_KEEP = frozenset("not no never nor neither without".split())
"""Words whose leaving out turns a line into its opposite."""


def near(one: tuple[str, ...], other: tuple[str, ...], rules: Rules) -> bool:
    """Whether two wordings are one line: the shorter is the longer with a word or two
    left out (``Rules.max_edits``, ``Rules.edit_share``: "So, I'm not going to..." and
    "I'm not going to..."), never a word replaced (the Department of Defense is not the
    Department of Justice, 10 percent not 11), a negation or a number left out."""
    short, long_ = sorted((one, other), key=len)
    gap = len(long_) - len(short)
    if not 0 < gap <= min(rules.max_edits, int(rules.edit_share * len(short))):
        return False
    if Indel.distance(long_, short, score_cutoff=gap) != gap:
        return False  # (more than the gap: some words differ)
    dropped = [long_[op.src_pos] for op in Indel.editops(long_, short)]
    return not any(w in _KEEP or any(c.isdigit() for c in w) for w in dropped)


def _copies(transcripts: list[Transcript], clusters: list[list[int]], table: _Table,
            counts: list[int], rules: Rules) -> list[int]:
    """Transcript number → the number of the oldest transcript of its text (itself, but
    for one of a text published twice: ``Rules.copy_share``, ``Transcript.supersedes``).
    ``counts``: the lines of each transcript."""
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in clusters:
        holders = sorted({table[m][4] for m in members})
        if len(holders) <= 50:  # (a formula said everywhere says nothing of copies)
            for i, a in enumerate(holders):
                for b in holders[i + 1:]:
                    shared[a, b] += 1
    union = _Union(len(transcripts))
    for (a, b), count in shared.items():
        if count >= max(3, rules.copy_share * min(counts[a], counts[b])):
            union.join(a, b)
    numbers = {t.id: n for n, t in enumerate(transcripts)}
    for number, transcript in enumerate(transcripts):
        if transcript.supersedes in numbers:
            union.join(number, numbers[transcript.supersedes])
    return [union.find(n) for n in range(len(transcripts))]


def _assemble(transcripts: list[Transcript], clusters: list[list[int]], table: _Table,
              group: list[int], rules: Rules) -> Said:
    """Talking points from clusters of lines: one occurrence per text (the first line of
    each group of copies), consecutive lines always said together as one. The other
    lines of a cluster (in a copy, or said again in the same transcript) are no
    occurrence of their own, but their paragraphs get the notes all the same."""
    chosen = []
    for members in clusters:
        shown: dict[int, int] = {}
        for line in sorted(members):
            shown.setdefault(group[table[line][4]], line)
        if len(shown) > 1:
            chosen.append((sorted(shown.values()), members))
    chosen.sort()
    runs: list[list[tuple[list[int], list[int]]]] = []

    def place(line: int) -> tuple[int, int]:
        return table[line][4], table[line][0]

    for occurrences, members in chosen:
        if runs:
            last = runs[-1][-1][0]
            if (len(last) == len(occurrences)
                    and all(b == a + 1 and b in table and place(a) == place(b)
                            for a, b in zip(last, occurrences, strict=True))):
                runs[-1].append((occurrences, members))
                continue
        runs.append([(occurrences, members)])

    def occurrence(span: list[int], canonical: tuple[int, ...]) -> Occurrence:
        number, start, _, _, holder, _ = table[span[0]]
        turn, paragraph = _flat(transcripts[holder])[number]
        keys = tuple(table[line][3] for line in span)
        return Occurrence(transcripts[holder], turn, paragraph, start, table[span[-1]][2],
                          keys == canonical)

    points = []
    echoes: list[tuple[TalkingPoint, Occurrence]] = []
    ids: set[str] = set()
    for run in runs:
        canonical = tuple(table[occurrences[0]][5] for occurrences, _ in run)
        made = [occurrence([run[k][0][n] for k in range(len(run))], canonical)
                for n in range(len(run[0][0]))]
        ident = "tp-" + hashlib.blake2b(b"".join(k.to_bytes(8, "little") for k in canonical),
                                        digest_size=6).hexdigest()
        while ident in ids:  # (never seen: the same words are one talking point)
            ident += "x"
        ids.add(ident)
        topics = dict.fromkeys(topic for o in made for topic in _about(o))
        wording = next((n for n, o in enumerate(made) if o.exact), 0)
        point = TalkingPoint(ident, tuple(made), tuple(topics), wording)
        points.append(point)
        listed = {line for occurrences, _ in run for line in occurrences}
        where = {place(occurrences[n]) for occurrences, _ in run
                 for n in range(len(occurrences))}
        others: dict[tuple[int, int], list[int]] = defaultdict(list)
        for _, members in run:
            for line in members:
                if line not in listed and place(line) not in where:
                    others[place(line)].append(line)
        echoes += [(point, occurrence(sorted(lines), canonical)) for lines in others.values()]
    points.sort(key=lambda p: (-len(p.occurrences), _newest_first(p.last), p.id))
    by_paragraph: dict[tuple[str, str], list[tuple[TalkingPoint, Occurrence]]] = defaultdict(list)
    for point in points:
        for made_here in point.occurrences:
            by_paragraph[made_here.transcript.id, made_here.paragraph.id].append(
                (point, made_here))
    for point, echo in echoes:
        by_paragraph[echo.transcript.id, echo.paragraph.id].append((point, echo))
    copies = {t.id: transcripts[group[n]].id for n, t in enumerate(transcripts)
              if group[n] != n}
    in_transcript: dict[str, list[str]] = defaultdict(list)
    for tid, pid in by_paragraph:
        in_transcript[tid].append(pid)
    return Said(tuple(points),
                {key: tuple(sorted(items, key=lambda item: item[1].start))
                 for key, items in by_paragraph.items()}, copies,
                {tid: tuple(pids) for tid, pids in in_transcript.items()}, rules)


def _about(occurrence: Occurrence) -> Iterable[str]:
    """The topics an occurrence's own words are about: its paragraph is about them, and
    the words name them twice, or once and are most of the paragraph (a line that names
    a topic once in a long paragraph about it is seldom about it itself: "I would refer
    you to the Department of Justice")."""
    paragraph = occurrence.paragraph
    most = 2 * (occurrence.end - occurrence.start) >= len(paragraph.text)
    for topic in paragraph.about:
        named = sum(1 for mark, start, end in paragraph.marks
                    if mark == topic and occurrence.start <= start and end <= occurrence.end)
        if named >= 2 or (named and most):
            yield topic


def _newest_first(day: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in day)
