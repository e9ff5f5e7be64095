"""How well the taxonomy covers the archive: what ``transcripts topics --report`` prints.

A substantive paragraph has more than 20 words and is not a stage note; coverage is the
share of them that have at least one topic, "about" coverage the share that are about at
least one (``generator.relevance``). The words and phrases most frequent in the
paragraphs without a topic are where the taxonomy should grow next; a topic that tags
more than ``CATCH_ALL`` of them is a catch-all, whose words are too common to say what a
paragraph is about. With a judged set (pairs labelled by reading, as
``tests/data/topic_judgements.yaml``), the report also says how many of the judged tags
the tagger still makes, and how many of those are wrong (``precision``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.model import Archive, Paragraph, Transcript

SUBSTANTIVE_WORDS = 20
"""A paragraph with more words than this is substantive."""

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing don down during each even few
for from further get go going got had has have having he her here hers him his how i if in
into is it its itself just know let like make many me more most much must my no nor not now
of off on once one only or other our ours out over own people per really right said same say
says see she should so some still such sure than that the their theirs them then there these
they thing things think this those through to too two under until up us very want was way we
well were what when where which while who whom why will with would yeah yes you your yours
""".split())
"""Words too common to say anything about a subject."""

CATCH_ALL = 0.05
"""A topic that tags more than this share of the substantive paragraphs (and more than
``CATCH_ALL_LEAST`` of them) is listed as a catch-all."""
CATCH_ALL_LEAST = 20
"""In a small archive a topic named in one paragraph of twenty is no catch-all."""

LABELS = ("about", "mention", "wrong")
"""The labels of a judged pair: the paragraph is about the topic, mentions it in
passing, or is not about it at all."""

_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True)
class Report:
    """The figures of a coverage report."""

    unmatched: tuple[str, ...]
    """Topic ids no paragraph has."""
    untagged: tuple[tuple[Transcript, Paragraph], ...]
    """Substantive paragraphs without a topic, in archive order."""
    substantive: int
    """Number of substantive paragraphs."""
    words: tuple[tuple[str, int], ...]
    """Most frequent words of the untagged paragraphs."""
    phrases: tuple[tuple[str, int], ...]
    """Most frequent two- and three-word phrases of the untagged paragraphs."""
    about: int = 0
    """Substantive paragraphs about at least one topic."""
    tagging: tuple[tuple[str, int], ...] = ()
    """(topic id, substantive paragraphs it tags) of the catch-alls, most first."""

    @property
    def about_coverage(self) -> float:
        """Percentage of substantive paragraphs about at least one topic."""
        return 100.0 * self.about / self.substantive if self.substantive else 100.0

    @property
    def coverage(self) -> float:
        """Percentage of substantive paragraphs with a topic (100 when there are none)."""
        if not self.substantive:
            return 100.0
        return 100.0 * (self.substantive - len(self.untagged)) / self.substantive


def report(archive: Archive, top: int = 30) -> Report:
    """Measure the taxonomy against a tagged archive."""
    seen: set[str] = set()
    untagged: list[tuple[Transcript, Paragraph]] = []
    substantive = about = 0
    per_topic: Counter[str] = Counter()
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for transcript in archive.transcripts:
        for turn in transcript.turns:
            for paragraph in turn.paragraphs:
                seen.update(paragraph.topics)
                if turn.kind == "note" or len(paragraph.text.split()) <= SUBSTANTIVE_WORDS:
                    continue
                substantive += 1
                per_topic.update(paragraph.topics)
                about += bool(paragraph.about)
                if paragraph.topics:
                    continue
                untagged.append((transcript, paragraph))
                tokens = [w.casefold().replace("’", "'") for w in _WORD.findall(paragraph.text)]
                # Contractions (we're, it's) are grammar, not subjects.
                words.update(
                    w for w in tokens if w not in STOP_WORDS and len(w) > 2 and "'" not in w
                )
                for size in (2, 3):
                    for gram in zip(*(tokens[i:] for i in range(size)), strict=False):
                        ends = (gram[0], gram[-1])
                        if not any(w in STOP_WORDS or "'" in w for w in ends):
                            phrases[" ".join(gram)] += 1
    return Report(
        unmatched=tuple(t for t in archive.topics if t not in seen),
        untagged=tuple(untagged),
        substantive=substantive,
        words=tuple(words.most_common(top)),
        phrases=tuple((p, n) for p, n in phrases.most_common(top) if n > 1),
        about=about,
        tagging=tuple((t, n) for t, n in per_topic.most_common()
                      if n > max(CATCH_ALL * substantive, CATCH_ALL_LEAST)),
    )


def format_report(result: Report, archive: Archive, examples: int = 20,
                  judged: Precision | None = None) -> str:
    """The report as the command prints it (with the figures of a judged set, if given);
    the last line is ``coverage: NN.N%``."""
    lines = [f"topics never matched: {len(result.unmatched)}"]
    lines += [f"  {tid}  {archive.topics[tid].title}" for tid in result.unmatched]
    lines.append(
        f"substantive paragraphs without a topic: {len(result.untagged)} of {result.substantive}"
    )
    for transcript, paragraph in result.untagged[:examples]:
        text = " ".join(paragraph.text.split())
        short = text if len(text) <= 90 else text[:90] + "…"
        lines.append(f"  {transcript.id}#{paragraph.id}  {short}")
    if len(result.untagged) > examples:
        lines.append(f"  ... and {len(result.untagged) - examples} more")
    lines.append("most frequent words there:")
    lines += [f"  {count:6d}  {word}" for word, count in result.words]
    lines.append("most frequent phrases there:")
    lines += [f"  {count:6d}  {phrase}" for phrase, count in result.phrases]
    lines.append(f"catch-alls (topics tagging more than {100 * CATCH_ALL:.0f}% of the "
                 f"substantive paragraphs): {len(result.tagging)}")
    lines += [f"  {100 * n / result.substantive:5.1f}%  {tid}  {archive.topics[tid].title}"
              for tid, n in result.tagging]
    if judged is not None:
        lines.append(format_precision(judged))
    lines.append(f"about coverage (paragraphs about a topic, not only mentioning one): "
                 f"{result.about_coverage:.1f}%")
    lines.append(f"coverage: {result.coverage:.1f}%")
    return "\n".join(lines)


@dataclass
class Precision:
    """The tagger against a judged set: labels of the judged tags it still makes."""

    judged: int = 0
    """Pairs in the set."""
    absent: int = 0
    """Pairs whose paragraph is not in the archive."""
    made: Counter[str] = field(default_factory=Counter)
    """Label → judged tags the tagger makes."""
    about: Counter[str] = field(default_factory=Counter)
    """Label → judged tags the tagger makes as ``about`` (what topic pages list)."""
    dropped: Counter[str] = field(default_factory=Counter)
    """Label → judged tags the tagger no longer makes."""
    about_drawn: int = 0
    """Pairs drawn among the tags made ``about`` alone (``stratum: about``), to judge the
    topic pages on more of them: they count in ``about`` only (among all tags made they
    would be too many)."""

    @staticmethod
    def share(counts: Counter[str], label: str) -> float:
        """Percentage of ``label`` among ``counts`` (0 when empty)."""
        total = sum(counts.values())
        return 100.0 * counts[label] / total if total else 0.0

    @property
    def wrong(self) -> float:
        """Percentage of wrong tags among the judged tags made."""
        return self.share(self.made, "wrong")

    @property
    def about_precision(self) -> float:
        """Percentage of tags labelled about among those made as ``about``."""
        return self.share(self.about, "about")


def read_judged(path: Path) -> list[dict[str, object]]:
    """The pairs of a judged set; ``ValueError`` when the file is not one."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not YAML: {error}") from None
    pairs = data.get("pairs") if isinstance(data, dict) else None
    keys = {"transcript", "paragraph", "topic", "label"}
    if not isinstance(pairs, list) or not all(
            isinstance(p, dict) and keys <= p.keys() and p["label"] in LABELS for p in pairs):
        raise ValueError(f"{path}: expected 'pairs:', a list of {{transcript, paragraph, "
                         f"topic, label: {'|'.join(LABELS)}}}")
    return pairs


def precision(archive: Archive, pairs: list[dict[str, object]]) -> Precision:
    """How the tagged archive does on judged pairs."""
    found = {(t.id, p.id): p for t in archive.transcripts for p in t.paragraphs}
    result = Precision(judged=len(pairs))
    for pair in pairs:
        paragraph = found.get((str(pair["transcript"]), str(pair["paragraph"])))
        label = str(pair["label"])
        if paragraph is None:
            result.absent += 1
        elif pair.get("stratum") == "about":
            result.about_drawn += 1
            if pair["topic"] in paragraph.about:
                result.about[label] += 1
        elif pair["topic"] in paragraph.topics:
            result.made[label] += 1
            if pair["topic"] in paragraph.about:
                result.about[label] += 1
        else:
            result.dropped[label] += 1
    return result


def format_precision(result: Precision) -> str:
    """The figures of ``precision`` as the report prints them."""
    def counts(c: Counter[str]) -> str:
        return ", ".join(f"{label} {c[label]}" for label in LABELS)
    return "\n".join([
        f"judged pairs: {result.judged} ({result.absent} not in this archive, "
        f"{result.about_drawn} drawn among about tags: counted in the about figures only)",
        f"  tags still made: {sum(result.made.values())} ({counts(result.made)}); "
        f"wrong: {result.wrong:.1f}%",
        f"  made as about: {sum(result.about.values())} ({counts(result.about)}); "
        f"about: {result.about_precision:.1f}%",
        f"  no longer made: {sum(result.dropped.values())} ({counts(result.dropped)})",
    ])
