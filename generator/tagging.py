"""Topic tagging: which topics each paragraph is about.

A topic's patterns are whole words or phrases matched case-insensitively (spaces match
any whitespace, an apostrophe matches ' and ’), or ``/regular expressions/``.
Matches that overlap one of the topic's ``exclude`` phrases do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import ahocorasick

from generator.model import Archive, Paragraph, Speaker, Topic, Transcript
from generator.relevance import relate
from generator.threads import link_turns


def _source(pattern: str) -> str:
    if len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
        return pattern[1:-1]
    words = [re.escape(word).replace("'", "['’]") for word in pattern.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one topic pattern; raises ``re.error`` for an invalid regular expression."""
    return re.compile(_source(pattern), re.IGNORECASE)


def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """All of a topic's patterns as one alternation (one scan of the text instead of
    one per pattern), or one by one if they cannot be combined."""
    if not patterns:
        return ()
    try:
        return (re.compile("|".join(f"(?:{_source(p)})" for p in patterns), re.IGNORECASE),)
    except re.error:
        return tuple(compile_pattern(p) for p in patterns)


def _is_regex(pattern: str) -> bool:
    return len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/")


def _parsed(source: str) -> list[tuple[object, object]] | None:
    """A regular expression's source, parsed case-insensitively; None if it does not parse."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        return list(_parser.parse(source, re.IGNORECASE))
    except re.error:
        return None


def _options(nodes: list[tuple[object, object]]) -> list[tuple[str, ...]]:
    """What every match of a parsed regular expression holds, as choices: each is a tuple
    of texts one of which every match holds (an alternation requires one text of each
    branch); every choice holds at once. [] when nothing is known."""
    if len(nodes) == 1 and str(nodes[0][0]) == "BRANCH":
        found: list[str] = []
        for branch in nodes[0][1][1]:  # type: ignore[index]
            texts = _required(list(branch))
            if not texts:
                return []
            found += texts
        return [tuple(dict.fromkeys(found))]
    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, value in [*nodes, (None, None)]:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(value))  # type: ignore[arg-type]
            continue
        if name == "BRANCH":
            # "UK|U\.K\." is parsed as "U" then "K|\.K\.": each branch's start is joined
            # back to the text before it.
            starts = [_literal_start(list(branch)) for branch in value[1]]  # type: ignore[index]
            if run and all(starts):
                options.append(tuple("".join(run) + start for start in starts))
            branches = [_required(list(branch)) for branch in value[1]]  # type: ignore[index]
            if all(branches):
                options.append(tuple(dict.fromkeys(t for texts in branches for t in texts)))
        if run:
            options.append(("".join(run),))
            run = []
        if name == "SUBPATTERN":
            options.append(_required(list(value[3])))  # type: ignore[index]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and value[0] >= 1:  # type: ignore[index]
            options.append(_required(list(value[2])))  # type: ignore[index]
    return [tuple(dict.fromkeys(t.casefold() for t in o)) for o in options if o and all(o)]


def _literal_start(nodes: list[tuple[object, object]]) -> str:
    """The literal text every match of a parsed expression starts with (after a word
    boundary ``\\b``, if any, and into a group it starts with); "" if none."""
    nodes, chars = list(nodes), []
    while nodes:
        op, value = nodes.pop(0)
        name = str(op)
        if name == "AT" and str(value) == "AT_BOUNDARY" and not chars:
            continue
        if name == "LITERAL":
            chars.append(chr(value))  # type: ignore[arg-type]
        elif name == "SUBPATTERN" and not chars and value[3] is not None:  # type: ignore[index]
            nodes = list(value[3]) + nodes  # type: ignore[index]  # (?-i:...) and (...)
        else:
            break
    return "".join(chars)


def _required(nodes: list[tuple[object, object]]) -> tuple[str, ...]:
    """Texts, casefolded, one of which every match of a parsed regular expression holds;
    () when nothing is known. The longest literal run the expression cannot skip wins;
    an alternation requires one text of each branch."""
    options = _options(nodes)
    if not options:
        return ()
    return max(options, key=lambda texts: min(len(t) for t in texts))


def required_texts(source: str) -> tuple[str, ...]:
    """``_required`` of a regular expression's source; () if it does not parse."""
    nodes = _parsed(source)
    return _required(nodes) if nodes is not None else ()


def required_choices(source: str) -> tuple[tuple[str, ...], ...]:
    """Every choice of texts ``_options`` knows for a regular expression's source (each
    a tuple of texts one of which a match holds; all hold at once); () if it does not
    parse or nothing is known."""
    nodes = _parsed(source)
    return tuple(dict.fromkeys(_options(nodes))) if nodes is not None else ()


@dataclass(frozen=True)
class Gate:
    """When a regular expression is worth running on a text."""

    pattern: re.Pattern[str]
    """The compiled expression."""
    needs: tuple[tuple[str, ...], ...] = ()
    """What a text must hold for the expression to match it: one casefolded text of each
    choice (``gate``)."""

    def possible(self, folded: str) -> bool:
        """Whether the expression can match a text, given the text casefolded."""
        return all(any(text in folded for text in choice) for choice in self.needs)


_STRONG = 4
"""A choice whose every text has this many characters (spaces aside) says something
about a text; a shorter one ("e", "the ") is held by nearly every paragraph."""


def gate(source: str) -> Gate:
    """The gate of one regular expression (its source, without slashes): what every match
    starts with (``_literal_start``) and holds (``_options``), less the weak choices when
    a strong one is known (the strongest is kept when none is)."""
    nodes = _parsed(source) or []
    literal = _literal_start(nodes).casefold()
    choices = [(literal,)] if literal else []
    choices += [choice for choice in _options(nodes) if choice not in choices]

    def strength(choice: tuple[str, ...]) -> int:
        return min(len(text.strip()) for text in choice)
    needs = [choice for choice in choices if strength(choice) >= _STRONG]
    if not needs and choices:  # the strongest; of two as strong, the one with fewer spaces
        needs = [max(choices, key=lambda c: (strength(c), -sum(t.count(" ") for t in c)))]
    return Gate(compile_pattern(f"/{source}/"), tuple(needs))


@dataclass(frozen=True)
class Matcher:
    """The compiled patterns of one topic."""

    topic: str
    """Topic id."""
    weak: bool
    """Whether these are the topic's ``weak`` words (each a cue that needs a second)."""
    phrases: tuple[re.Pattern[str], ...]
    """The topic's plain words and phrases, as one alternation."""
    triggers: frozenset[str]
    """Casefolded first words of the phrases: a text without any of them cannot match a
    phrase, which spares scanning most paragraphs for most topics."""
    regexes: tuple[Gate, ...]
    """The topic's regular expressions, each with what a text must contain to match."""
    excludes: tuple[re.Pattern[str], ...]
    """The ``exclude`` phrases: what must not count as a match; tried only where
    something matched."""
    starts: dict[str, re.Pattern[str]] | None = None
    """The phrases by their casefolded first word, each group as one alternation in the
    taxonomy's order; ``None`` when some phrase does not begin with a letter or digit
    (then the whole alternation scans the text)."""
    leads: tuple[tuple[str, str], ...] = ()
    """(lead, first word) of each phrase, for ``Index``: the lead is what the phrase
    begins with, casefolded, up to its first space or apostrophe ("u.s." for "U.S.
    Congress", whose first word is "u"): a phrase can only match where its lead
    stands."""
    exclude_leads: tuple[str, ...] | None = None
    """The leads of the ``exclude`` phrases: where none is held, none of them can match.
    ``None`` when some of them does not begin with a word."""
    exclude_gates: tuple[Gate, ...] = ()
    """The ``exclude`` regular expressions, each tried only on a text holding what it
    needs (as the topic's own expressions are)."""

    def spans(self, text: str, words: set[str] | None = None, folded: str | None = None,
              phrases: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """Character spans in ``text`` that identify the topic, sorted and not overlapping.

        ``words`` (the casefolded words of ``text``) and ``folded`` (``text.casefold()``)
        may be given to save recomputing them; so may ``phrases``, the matches of the
        topic's phrases (``phrase_spans``).
        """
        folded = text.casefold() if folded is None else folded
        regexes = [gate.pattern for gate in self.regexes if gate.possible(folded)]
        if phrases is None:
            if words is None:
                words = set(_WORD.findall(folded))
            if not self.triggers.isdisjoint(words):
                regexes += self.phrases
        return self.found(text, regexes, phrases or (), folded=folded)

    def found(self, text: str, regexes: list[re.Pattern[str]] | tuple[()],
              phrases: list[tuple[int, int]] | tuple[()],
              excluding: bool = True, folded: str | None = None) -> list[tuple[int, int]]:
        """The spans of ``regexes``' matches in ``text`` and of ``phrases`` (matches
        found already), less those an exclude overlaps (the exclude phrases are not
        tried when ``excluding`` is false: the text holds none of their leads; an
        exclude expression only on a text whose casefolded form ``folded`` holds what it
        needs), sorted and merged."""
        found = [m.span() for rx in regexes for m in rx.finditer(text) if m.end() > m.start()]
        found += phrases
        if not found:
            return found
        tried = list(self.excludes) if excluding else []
        if self.exclude_gates:
            folded = text.casefold() if folded is None else folded
            tried += [g.pattern for g in self.exclude_gates if g.possible(folded)]
        if tried:
            blocked = [m.span() for rx in tried for m in rx.finditer(text)]
            if blocked:
                found = [
                    (a, b) for a, b in found
                    if not any(a < end and start < b for start, end in blocked)
                ]
        if len(found) < 2:
            return found
        found.sort()
        merged = [found[0]]
        for start, end in found[1:]:
            if start <= merged[-1][1]:
                if end > merged[-1][1]:
                    merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged


_WORD = re.compile(r"\w+")


def matchers(topics: dict[str, Topic]) -> list[Matcher]:
    """Compile every topic that has patterns, in taxonomy order: one matcher for its
    patterns, one for its weak words."""
    compiled = []
    for topic in topics.values():
        for weak, patterns in ((False, topic.patterns), (True, topic.weak)):
            if patterns:
                compiled.append(_matcher(topic, patterns, weak))
    return compiled


def _matcher(topic: Topic, patterns: tuple[str, ...], weak: bool) -> Matcher:
    """One topic's patterns (or weak words), compiled."""
    phrases = tuple(p for p in patterns if not _is_regex(p))
    gates = [gate(pattern[1:-1]) for pattern in patterns if _is_regex(pattern)]
    firsts = [_WORD.findall(p.casefold()) for p in phrases]
    plain = [p for p in topic.exclude if not _is_regex(p)]
    return Matcher(
        topic=topic.id,
        weak=weak,
        phrases=compile_patterns(phrases),
        triggers=frozenset(words[0] for words in firsts if words),
        regexes=tuple(gates),
        excludes=compile_patterns(tuple(p for p in topic.exclude if not _is_regex(p))),
        starts=_by_first_word(phrases, firsts),
        leads=tuple(dict.fromkeys(
            (_lead(phrase), words[0]) for phrase, words in zip(phrases, firsts, strict=True)
            if words)),
        exclude_leads=tuple(_lead(phrase) for phrase in plain) if all(
            _WORD.match(phrase.casefold()) for phrase in plain) else None,
        exclude_gates=tuple(gate(p[1:-1]) for p in topic.exclude if _is_regex(p)),
    )


def _lead(phrase: str) -> str:
    """``Matcher.leads``: the phrase casefolded, up to its first space or apostrophe."""
    return re.split(r"[\s'’]", phrase.casefold(), maxsplit=1)[0]


def _by_first_word(
    phrases: tuple[str, ...], firsts: list[list[str]]
) -> dict[str, re.Pattern[str]] | None:
    """``Matcher.starts``: a phrase that begins with a word character can only match where
    a word of the text begins, and that word is the phrase's first word. ``None`` if a
    phrase begins otherwise, or if the phrases cannot be combined."""
    groups: dict[str, list[str]] = {}
    for phrase, words in zip(phrases, firsts, strict=True):
        if not words or not _WORD.match(phrase.casefold()):
            return None
        groups.setdefault(words[0], []).append(phrase)
    try:
        return {word: compile_patterns(tuple(group))[0] for word, group in groups.items()}
    except (re.error, IndexError):
        return None


class Index:
    """Which topics could possibly occur in a text: most paragraphs name a handful of the
    taxonomy's topics, and trying every topic on every paragraph would cost topics ×
    paragraphs pattern runs.

    One Aho–Corasick automaton holds every phrase's lead (``Matcher.leads``), every text
    a regular expression needs (``Gate.needs``) and every exclude's lead; one pass over a
    casefolded paragraph finds all of them. A phrase is then tried only where its lead
    stands at the start of a word, an expression only on a paragraph holding one text of
    each of its choices, an exclude only on a paragraph holding its lead.
    """

    def __init__(self, compiled: list[Matcher]):
        self.compiled = compiled
        self.starting: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        """Casefolded word → (matcher number, its phrases beginning with that word)."""
        self.unindexed: list[int] = []
        """Matchers whose phrases could not be grouped by first word (``starts`` is
        ``None``): their phrases scan every paragraph."""
        self.gates: list[tuple[int, Gate, tuple[frozenset[int], ...]]] = []
        """Every regular expression: (matcher number, gate, the numbers of the texts of
        each choice it needs)."""
        self.always: list[int] = []
        """The gates that need nothing: tried on every paragraph."""
        texts: dict[str, int] = {}
        for number, matcher in enumerate(compiled):
            if matcher.starts is not None:
                for word, pattern in matcher.starts.items():
                    self.starting.setdefault(word, []).append((number, pattern))
            else:
                self.unindexed.append(number)
            for regex in matcher.regexes:
                needs = tuple(frozenset(texts.setdefault(text, len(texts)) for text in choice)
                              for choice in regex.needs)
                if not needs:
                    self.always.append(len(self.gates))
                self.gates.append((number, regex, needs))
        self.excluded: list[frozenset[int] | None] = [
            None if matcher.exclude_leads is None else
            frozenset(texts.setdefault(lead, len(texts)) for lead in matcher.exclude_leads)
            for matcher in compiled]
        """Matcher number → the numbers of the texts one of which a paragraph must hold
        for an exclude of it to match; None: its excludes are always tried."""
        self.gates_of: list[list[int]] = [[] for _ in texts]
        """Text number → the gates that need that text."""
        for position, (_, _, needs) in enumerate(self.gates):
            # A gate is looked at when a text of its first choice is held.
            for text in needs[0] if needs else ():
                self.gates_of[text].append(position)
        leads = {lead: word for matcher in compiled if matcher.starts is not None
                 for lead, word in matcher.leads if lead}
        self.automaton = ahocorasick.Automaton()
        for key in {*texts, *leads}:
            self.automaton.add_word(key, (len(key), texts.get(key, -1), leads.get(key)))
        if len(self.automaton):
            self.automaton.make_automaton()

    def scan(self, folded: str) -> tuple[list[tuple[int, str]], set[int], set[int]]:
        """In a casefolded text: (place, first word) wherever a phrase's lead stands at
        the start of a word, by place; the numbers of the gates worth running; the numbers
        of the texts held."""
        found: set[tuple[int, str]] = set()
        held: set[int] = set()
        if len(self.automaton):
            for end, (size, text, word) in self.automaton.iter(folded):
                if text >= 0:
                    held.add(text)
                if word is not None:
                    start = end - size + 1
                    if start == 0 or not _is_word(folded[start - 1]):
                        found.add((start, word))
        gates = set(self.always)
        for text in held:
            for position in self.gates_of[text]:
                if position in gates:
                    continue
                if all(not choice.isdisjoint(held) for choice in self.gates[position][2]):
                    gates.add(position)
        return sorted(found), gates, held

    def phrase_spans(self, text: str,
                     hits: list[tuple[int, str]]) -> dict[int, list[tuple[int, int]]]:
        """Matcher number → the matches of its phrases in ``text``, for the matchers with
        ``starts``: the phrases beginning with a word are tried only where the lead of
        one of them stands (``hits`` from ``scan``), leftmost first and never inside an
        earlier match of the same topic, as one scan of the whole alternation would find
        them. The casefolded text must be as long as ``text``, so that a place in one is
        the same place in the other."""
        found: dict[int, list[tuple[int, int]]] = {}
        ends: dict[int, int] = {}
        for start, word in hits:
            for number, pattern in self.starting[word]:
                if start < ends.get(number, 0):
                    continue
                match = pattern.match(text, start)
                if match and match.end() > start:
                    found.setdefault(number, []).append(match.span())
                    ends[number] = match.end()
        return found


def _is_word(char: str) -> bool:
    """What ``\\w`` matches in a regular expression over text."""
    return char.isalnum() or char == "_"


def topics_of(text: str, compiled: list[Matcher]) -> tuple[str, ...]:
    """Topic ids whose patterns occur in ``text``, in taxonomy order."""
    return tuple(topic for topic, _ in evidence(_matches(text, Index(compiled)), text))


def _matches(text: str, index: Index) -> list[tuple[Matcher, list[tuple[int, int]]]]:
    """(matcher, spans) of every matcher whose words occur in ``text``, in taxonomy order."""
    folded = text.casefold()
    if len(folded) != len(text):  # casefolding moved characters ("ß" → "ss"): scan it all
        found = ((m, m.spans(text, folded=folded)) for m in index.compiled)
        return [(matcher, spans) for matcher, spans in found if spans]
    hits, gates, held = index.scan(folded)
    phrases = index.phrase_spans(text, hits)
    regexes: dict[int, list[re.Pattern[str]]] = {}
    for position in sorted(gates):
        number, regex, _ = index.gates[position]
        regexes.setdefault(number, []).append(regex.pattern)
    numbers = set(phrases).union(regexes)
    words = None
    if index.unindexed:
        words = set(_WORD.findall(folded))
        numbers.update(index.unindexed)
    matches = []
    for number in sorted(numbers):
        matcher = index.compiled[number]
        if matcher.starts is None:
            spans = matcher.spans(text, words, folded)
        else:
            excluded = index.excluded[number]
            spans = matcher.found(text, regexes.get(number, ()), phrases.get(number, ()),
                                  excluded is None or not excluded.isdisjoint(held), folded)
        if spans:
            matches.append((matcher, spans))
    return matches


def _cue(word: str) -> str:
    """A weak word as one cue: "Americans" and "American's" are the cue "american"."""
    word = re.sub(r"['’]s$", "", " ".join(word.casefold().split()))
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def evidence(matches: list[tuple[Matcher, list[tuple[int, int]]]], text: str,
             silent: frozenset[str] = frozenset()) -> list[tuple[str, list[tuple[int, int]]]]:
    """(topic id, spans) of every topic the matches are evidence of, in taxonomy order: a
    topic one of whose patterns matched (its weak words beside them count too), or two
    different weak words of which matched (``Topic.weak``). Topics in ``silent`` (the
    publisher's own country, ``Topic.publishers``) are no topic of the text."""
    strong: dict[str, list[tuple[int, int]]] = {}
    weak: dict[str, list[tuple[int, int]]] = {}
    for matcher, spans in matches:
        if matcher.topic not in silent:
            (weak if matcher.weak else strong).setdefault(matcher.topic, []).extend(spans)
    found = []
    for topic in dict.fromkeys(m.topic for m, _ in matches):
        if topic in strong:
            found.append((topic, sorted(strong[topic] + weak.get(topic, []))))
        elif topic in weak and len({_cue(text[a:b]) for a, b in weak[topic]}) > 1:
            found.append((topic, sorted(weak[topic])))
    return found


def tag_paragraph(paragraph: Paragraph, compiled: Index, order: dict[str, int],
                  silent: frozenset[str] = frozenset()) -> Paragraph:
    """The paragraph with its topics: those its words name (``evidence``), plus those an
    editor added, minus those an editor removed (the hand-made choice wins)."""
    matches = evidence(_matches(paragraph.text, compiled), paragraph.text, silent)
    if not matches and not paragraph.topics_added and not paragraph.topics \
            and not paragraph.marks:
        return paragraph  # nothing to change (most paragraphs name no topic)
    removed = set(paragraph.topics_removed)
    topics = {topic for topic, _ in matches} | set(paragraph.topics_added)
    marks = tuple(
        (topic, start, end) for topic, spans in matches if topic not in removed
        for start, end in spans
    )
    return replace(
        paragraph, topics=tuple(sorted(topics - removed, key=order.__getitem__)), marks=marks
    )


def own_country(transcript: Transcript, homes: dict[str, frozenset[str]]) -> frozenset[str]:
    """The topics that are the publisher's own country (``homes``: publisher, casefolded,
    → topic ids; ``Topic.publishers``): no evidence in its transcripts."""
    publisher = transcript.source.publisher if transcript.source else None
    return homes.get((publisher or "").casefold(), frozenset())


def tag_transcript(
    transcript: Transcript, compiled: list[Matcher] | Index, order: dict[str, int] | None = None,
    homes: dict[str, frozenset[str]] | None = None,
) -> Transcript:
    """Return ``transcript`` with the topics of every paragraph filled in. ``homes`` maps
    a publisher (casefolded) to the topics that are its own country (``Topic.publishers``)."""
    compiled = compiled if isinstance(compiled, Index) else Index(compiled)
    order = order or {m.topic: index for index, m in enumerate(
        dict.fromkeys(m.topic for m in compiled.compiled))}
    silent = own_country(transcript, homes or {})
    turns = tuple(
        replace(turn, paragraphs=tuple(tag_paragraph(p, compiled, order, silent)
                                       for p in turn.paragraphs))
        for turn in transcript.turns
    )
    return replace(transcript, turns=turns)


class Tagger:
    """Prepares one transcript: links answers to questions, tags every paragraph, weighs
    how much each paragraph is about each of its topics (``generator.relevance``). Made
    once per archive; picklable, so that worker processes can use it.

    A question's topics are not given to an answer that does not name them: read against
    a judged sample of the corpus (``tests/data/topic_judgements.yaml``), 22 of the 34
    answers that received a topic only from their question (its first paragraph, of six
    words or more, naming none of the topics or one of the question's) were not about
    it at all: they decline, hand the floor on, or move to another subject. The exchange
    stays on the topic's page through the question itself."""

    def __init__(self, speakers: dict[str, Speaker], topics: dict[str, Topic]):
        self.speakers = speakers
        self.compiled = Index(matchers(topics))
        self.order = {topic: index for index, topic in enumerate(topics)}
        self.kinds = {topic.id: topic.kind for topic in topics.values()}
        homes: dict[str, set[str]] = {}
        for topic in topics.values():
            for publisher in topic.publishers:
                homes.setdefault(publisher.casefold(), set()).add(topic.id)
        self.homes = {publisher: frozenset(ids) for publisher, ids in homes.items()}

    def __call__(self, transcript: Transcript) -> Transcript:
        linked = link_turns(transcript, self.speakers)
        tagged = tag_transcript(linked, self.compiled, self.order, self.homes)
        return relate(tagged, self.kinds, self.titled(tagged))

    def titled(self, transcript: Transcript) -> frozenset[str]:
        """The topics the transcript's title names (the publisher's own country aside)."""
        silent = own_country(transcript, self.homes)
        title = transcript.title or ""
        return frozenset(t for t, _ in evidence(_matches(title, self.compiled), title, silent))


def tag(archive: Archive) -> Archive:
    """Link answers to questions, tag every paragraph, weigh each topic's relevance."""
    tagger = Tagger(archive.speakers, archive.topics)
    return replace(archive, transcripts=tuple(tagger(t) for t in archive.transcripts))
