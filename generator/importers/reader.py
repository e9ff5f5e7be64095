"""The general reader: paragraphs of any layout → speaker turns, inferred from the document.

Every importer cuts its file into ``Block``s (one per paragraph); this module decides
which of them open with a speaker label and who each label stands for. A label is
recognised by its shape (``Name:``, ``NAME.``, ``Q`` and spaces, a bold name) and
counts only with evidence: it recurs in the document, the markup marks it (bold), it
names a known speaker or office, or it is an upper-case label with an honorific. One
colon in a sentence (``My question is:``) is never a label. Whatever the reader is not
sure of is recorded as a ``Doubt`` with its line, never guessed silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.errors import ImportFailure
from generator.importers import labels, offices
from generator.importers.base import Block, Doubt, Draft, DraftPerson, DraftTurn, Meta, Source
from generator.importers.markup import squeeze as _squeeze
from generator.speakers import normalise

_WORD = r"[^\W\d_][\w’'.\-]*"
# Lower-case words a name may hold ("Ursula von der Leyen", "Minister of Foreign Affairs").
_PARTICLES = r"(?:de|da|del|della|der|den|van|von|bin|bint|ibn|al|el|la|le|di|du|dos|das|of|the)"
_NAME = rf"{_WORD}(?: (?:{_PARTICLES} )*{_WORD}){{0,7}}(?: \d{{1,3}})?"
_NOTE = r"(?: ?\((?P<note>[^()]{1,160})\))?"
_STAMP = r"(?:\s*\((?P<stamp>\d{1,2}:\d{2}(?::\d{2})?)\))?"
# "Jane Doe: text", "MS. DOE (via interpreter): text", "Chris Wallace: (01:02)" alone.
_COLON = re.compile(rf"^(?P<label>(?P<who>{_NAME}){_NOTE}) ?:{_STAMP}(?:\s+(?P<text>\S.*))?$", re.S)
# "THE PRESIDENT. text", "MR. MUSK. text" (the American Presidency Project's style).
_PERIOD = re.compile(
    r"^(?P<label>(?P<who>[A-Z][A-Z’'\-]*\.?(?: [A-Z][A-Z’'\-]*\.?){0,5})"
    r"(?: \((?P<note>[^()]{1,160})\))?)\.(?:\s+(?P<text>\S.*))?$", re.S)
_COURTESY_COLON = re.compile(r"^(MR|MS|MRS|DR): (?=[A-Z][A-Z’'\-]+(?: [A-Z][A-Z’'\-]+)? ?:)")
# "MR. DOE — that —": an interrupted label with a dash for a colon (only for a label
# the document uses with a colon elsewhere).
_DASH = re.compile(r"^(?P<who>[A-Z][A-Z’'\-]*\.?(?: [A-Z][A-Z’'\-]*\.?){1,5}) (?P<text>[—–].*)$",
                   re.S)
# "Q  text", "Q: text", "Q. text", "Q — text", "QUESTION: text", "Question (to both): text".
_Q = re.compile(
    rf"^(?P<label>(?P<who>Q|QUESTION|Question|QUESTIONS|Questions)(?:{_NOTE}(?=\s*:))?)"
    rf"(?:\s*[:.]{_STAMP}(?:\s+(?P<text>\S.*))?|\s+(?P<rest>\S.*)|$)", re.S)
# Unnamed journalists: their turns are questions (or remarks) with no speaker.
_ASKERS = {"q", "question", "questions", "questioner", "reporter", "journalist", "press",
           "audience", "audience member", "participant", "media"}
_REMARKERS = {"remark", "reply", "response", "comment"}
# Labels that name nobody: the transcriber never resolved who spoke.
_UNRESOLVED = re.compile(
    r"^(?:new speaker|speaker(?: \d+| [a-z])?|unknown(?: speaker)?|unidentified(?: \w+)?|"
    r"(?:male|female|unidentified) (?:voice|speaker)|multiple speakers|crosstalk|voices?)$", re.I)
# Words that start a prose line with a colon and are never speakers.
_PROSE = {"note", "notes", "update", "source", "sources", "date", "time", "place", "title",
          "location", "subject", "re", "cc", "from", "to", "sent", "tags", "topics", "share",
          "related", "see also", "editor's note", "watch", "listen", "read more", "photo",
          "video", "audio", "transcript", "translation", "warning", "ps", "p.s", "end",
          "attachment", "attachments", "contact", "email", "phone", "tel", "fax", "http", "https",
          "copyright", "category", "categories", "keywords", "summary", "agenda", "print"}
_STAGE = re.compile(r"^(?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])$")
END = re.compile(r"^END(?:\s+\d{1,2}:\d{2}.*)?$")
TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})? ?[AP]\.? ?M\.?(?: [A-Z]{2,5}| \([A-Za-z]+\))?$", re.I)
_COURTESY = {"MR.", "MS.", "MRS.", "DR.", "MR", "MS", "MRS", "DR", "MISS"}


@dataclass
class _Candidate:
    """What opens a block and may be a speaker label."""

    label: str
    """As printed, without the colon or period, spaces squeezed."""
    who: str
    """The name part (the label without its note in parentheses)."""
    note: str | None
    text: str
    """The words after the label."""
    shape: str
    """``question``, ``colon``, ``period`` or ``bold``."""
    stamp: str | None = None


_PARTICLE_WORDS = frozenset(_PARTICLES[3:-1].split("|"))


def _name_like(who: str) -> bool:
    """Every word of ``who`` starts with a capital, bar the particles of names."""
    words = who.split()
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w in _PARTICLE_WORDS or w.isdigit() for w in words[1:])


def candidate(block: Block) -> _Candidate | None:
    """The label a block opens with, if its shape is one (not yet accepted as a label)."""
    text = block.text
    if block.bold:
        bold = _squeeze(block.bold).rstrip(" :.")
        rest = text[len(block.bold):] if text.startswith(block.bold) else None
        if rest is None and text.startswith(bold):
            rest = text[len(bold):]
        if bold and rest is not None:
            # The colon may be outside the bold ("<b>Name</b>: text"), never both.
            punctuated = block.bold.rstrip()[-1:] in (":", ".")
            rest = re.sub(r"^\s*" if punctuated else r"^\s*(?:[:.](?=\s|$))?\s*", "", rest)
            match = _COLON.match(f"{bold}: {rest}") or _Q.match(f"{bold}: {rest}")
            if match and match["label"] == bold and _name_like(match["who"]):
                return _Candidate(bold, _squeeze(match["who"]), match["note"], rest, "bold")
    if match := _Q.match(text):
        words = match["text"] if match.group("text") is not None else match["rest"]
        if match["who"] in ("Q",) or match.group("rest") is None:
            return _Candidate(_squeeze(match["label"]), match["who"], match["note"],
                              words or "", "question", match.groupdict().get("stamp"))
    if courtesy := _COURTESY_COLON.match(text):
        # "MR: ZIENTS: text": a colon typed for the period of "MR."
        text = f"{courtesy[1]}. {text[courtesy.end():]}"
        if (match := _COLON.match(text)) and _name_like(match["who"]):
            label = _squeeze(block.text[: courtesy.end()] + match["label"][len(courtesy[1]) + 2:])
            return _Candidate(label, _squeeze(match["who"]), match["note"], match["text"] or "",
                              "colon", match["stamp"])
    if (match := _COLON.match(text)) and _name_like(match["who"]):
        return _Candidate(_squeeze(match["label"]), _squeeze(match["who"]), match["note"],
                          match["text"] or "", "colon", match["stamp"])
    if match := _PERIOD.match(text):
        who = _squeeze(match["who"])
        if sum(c.isalpha() for c in who) >= 2 and who.upper() + "." not in _COURTESY \
                and who.upper() not in _COURTESY:
            return _Candidate(_squeeze(match["label"]), who, match["note"], match["text"] or "",
                              "period")
    if match := _DASH.match(text):
        return _Candidate(_squeeze(match["who"]), _squeeze(match["who"]), None, match["text"],
                          "dash")
    return None


# A news outlet's name as a label (``BLOOMBERG:``, ``Kyodo News:``): an unnamed journalist.
_OUTLET = re.compile(
    r"^(?:[\w&.’'\-]+ ){0,3}(?:news|tv|television|times|post|radio|agency|newspaper|reuters|afp|"
    r"ap|cnn|bbc|nbc|abc|cbs|tass|ria novosti|xinhua|nhk|kyodo|bloomberg|interfax|al jazeera|"
    r"dpa|efe|ansa|anadolu)$", re.I)


def _kind_of_label(who: str) -> str | None:
    """``question`` or ``remark`` for unnamed journalists, None for a speaker."""
    key = normalise(re.sub(r"\s+\d+$", "", who)).rstrip(".")
    if key in _ASKERS or (_OUTLET.match(key) and not any(
            word.upper() in labels.HONORIFICS for word in key.split())):
        return "question"
    if key in _REMARKERS:
        return "remark"
    return None


@dataclass
class Evidence:
    """What the reader knows beyond the document's shapes."""

    known: frozenset[str] = frozenset()
    """Normalised names and variants of registry speakers."""
    title: str = ""
    day: str | None = None
    upper_labels: bool = False
    """The publisher prints every label in upper case: an upper-case name of two words or
    more before a colon is a label even once (``SENATOR JANE DOE:``)."""


def _accepted(found: _Candidate, counts: Counter[str], evidence: Evidence) -> tuple[bool, str]:
    """Whether a candidate is a label, and why (for doubts)."""
    who = found.who
    first = who.split()[0].lower().rstrip(".")
    if _kind_of_label(who) or _kind_of_label(found.label):
        # "AP." opening a sentence is no label; "AP:" is the outlet asking.
        if found.shape != "period" or normalise(who).rstrip(".") in _ASKERS:
            return True, "journalist"
        return False, "outlet"
    if normalise(who) in _PROSE or first in _PROSE or normalise(found.label) in _PROSE:
        return False, "prose"
    if len(who) > 60:
        return False, "long"
    upper = who.isupper()
    if found.shape == "period" and not upper:
        return False, "shape"
    if found.shape == "bold":
        return True, "marked"
    if normalise(who) in evidence.known or normalise(found.label) in evidence.known:
        return True, "known"
    if counts[found.label] >= 2 or counts[who] >= 2 or counts[found.label.upper()] >= 2:
        return True, "recurs"  # "Mr. ZIENTS" once beside "MR. ZIENTS" recurs
    if _UNRESOLVED.match(who):
        return True, "unresolved"
    if offices.office_of(who.upper()) is not None:
        return True, "office"
    words = who.replace(".", ". ").split()
    honorific = labels.is_honorific(words[0]) or words[0].upper() + "." in _COURTESY
    if found.shape == "colon" and (upper or len(words) <= 3) and (
            labels.is_role(who) or (upper and len(words) == 1 and _near_role(who))):
        return True, "role"  # OPERATOR:, Moderator:, MOERATOR:, SENIOR ADMINISTRATION OFFICIAL:
    if upper and honorific and len(words) >= 2:
        return True, "honorific"
    if upper and evidence.upper_labels and found.shape == "colon" and (
            len(words) >= 2 or found.note):
        return True, "publisher"
    surname = words[-1].strip(".").lower()
    if len(words) >= 2 and len(surname) > 2 and re.search(
            rf"\b{re.escape(surname)}\b", evidence.title.lower()):
        return True, "title"
    return False, "once"


_ROLE_WORDS = ("MODERATOR", "OPERATOR", "INTERPRETER", "ANNOUNCER", "PARTICIPANT")


def _near_role(word: str) -> bool:
    """A misspelt role noun (``MOERATOR``, ``MODERTOR``)."""
    return len(word) >= 6 and any(fuzz.ratio(word, role) >= 85 for role in _ROLE_WORDS)


def _person(label: str, evidence: Evidence, texts: list[str]) -> DraftPerson:
    """The person (or anonymous role) a printed label stands for."""
    day = evidence.day or "0001-01-01"
    if _UNRESOLVED.match(label):
        # Nobody is named: the turns go to no one rather than to a guess; "Speaker 1"
        # and "Speaker 2" stay two voices.
        number = re.search(r"\s(\d+|[A-Z])$", label)
        name = "Unidentified speaker" + (f" {number[1]}" if number else "")
        return DraftPerson(name, kind="role", variants=[label])
    if label.isupper() and " " not in label and not labels.is_role(label) and _near_role(label):
        role = max(_ROLE_WORDS, key=lambda word: fuzz.ratio(label, word))
        return DraftPerson(labels.role_name(role), kind="role", variants=[label])
    if label.isupper():
        person = labels.person(label, day, texts)
        if person.name.isupper() and person.kind == "person":
            # Found in an upper-case title ("BY MAYOR ALMA MADEUP"): shown in title case.
            person.name = " ".join(w[:1] + w[1:].lower() for w in person.name.split())
        return person
    office = offices.office_of(label.upper())
    if office is not None and (term := offices.holder(office, day)) is not None:
        return DraftPerson(term.name, role=term.title, variants=[label])
    words = label.split()
    name = strip_role(words)
    role = " ".join(words[: len(words) - len(name)]) or None
    if len(name) >= 2 and not labels.is_role(" ".join(name)):
        return DraftPerson(" ".join(name), role=role, variants=[label])
    if labels.is_role(label):
        return DraftPerson(labels.role_name(label), kind="role", variants=[label])
    found = labels.full_name(name[-1], texts)
    if found:
        return DraftPerson(found, role=role, variants=[label])
    return DraftPerson(label, surname=name[-1], variants=[label])


# Words of an institution's name in a role ("Minister of Foreign Affairs").
_INSTITUTIONS = frozenset("""AFFAIRS REPUBLIC FEDERATION KINGDOM MINISTRY COUNCIL COMMISSION
UNION EMIRATES STATES NATIONS ORGANIZATION ORGANISATION DEFENCE DEFENSE INTERIOR FINANCE
ECONOMY ECONOMIC DEVELOPMENT HEALTH JUSTICE TRADE ENERGY""".split())


def strip_role(words: list[str]) -> list[str]:
    """The name at the end of a label that opens with a role: ``President of Russia
    Vladimir Putin`` → ``Vladimir Putin`` (the word after "of" is the country)."""
    name = list(words)
    after_of = False
    while len(name) > 1:
        word = name[0]
        upper = word.upper().rstrip(".")
        if word.lower() == "the":
            name.pop(0)
        elif (labels.is_honorific(upper) or labels.is_honorific(upper + ".")
              or word.lower() in ("of", "and", "for") or upper in _INSTITUTIONS
              or (after_of and len(name) > 2)):
            after_of = word.lower() == "of"
            name.pop(0)
        else:
            break
    return name


def read_blocks(blocks: list[Block], found: Meta, source: Source, *, layout: str,
                opening: DraftPerson | None = None, evidence: Evidence | None = None) -> Draft:
    """Turn the paragraphs of one document into a draft transcript.

    ``found`` is what the document says about itself; ``source.given`` (the command
    line) wins over it. ``opening`` speaks the paragraphs before the first label, when
    the publisher's layout says who that is (else they are a doubt).
    """
    meta = Meta(**{**found.given(), **source.given.given()})
    if not meta.title:
        raise ImportFailure(source.file, "no title found: give one with --title", 1)
    if not meta.date:
        raise ImportFailure(source.file, "no date found: give the date of the event with "
                            "--date YYYY-MM-DD", 1)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.date):
        raise ImportFailure(source.file, f"the date must be YYYY-MM-DD, found {meta.date!r}", 1)
    evidence = evidence or Evidence()
    evidence = Evidence(evidence.known | source.known, meta.title, meta.date,
                        evidence.upper_labels)
    draft = Draft(title=meta.title, date=meta.date, event=meta.event or event_of(meta.title),
                  publisher=meta.publisher or "Unknown publisher", place=meta.place,
                  url=meta.url, time=meta.time, layout=layout)
    texts = [meta.title, "\n".join(block.text for block in blocks)]
    _Turns(draft, evidence, texts, opening).read(blocks)
    if not any(turn.paragraphs for turn in draft.turns):
        raise ImportFailure(source.file, "no transcript text found", 1)
    for turn in draft.turns:
        if not turn.paragraphs:
            raise ImportFailure(source.file, f"label {turn.label!r} has no text after it",
                                turn.line)
    return draft


class _Turns:
    """Builds the turns of one draft from its blocks."""

    def __init__(self, draft: Draft, evidence: Evidence, texts: list[str],
                 opening: DraftPerson | None):
        self.draft, self.evidence, self.texts, self.opening = draft, evidence, texts, opening
        self.people: dict[str, DraftPerson] = {}
        self.speaking: DraftTurn | None = None
        self.doubted: set[str] = set()
        self.ended = False
        """An ``END`` line was read: nobody speaks after it unless a label says so."""
        self.whos: dict[str, str] = {}
        """The name part of each label (``Jane Doe`` of ``Jane Doe (via interpreter)``)."""

    def read(self, blocks: list[Block]) -> None:
        found = [None if block.speaker is not None else candidate(block) for block in blocks]
        counts: Counter[str] = Counter()
        for cand in found:
            if cand is not None:
                # Once per block, as printed, as a name, and in upper case.
                counts.update({cand.label, cand.who, cand.label.upper()})
        verdicts = {c.label: _accepted(c, counts, self.evidence)
                    for c in found if c and c.shape != "dash"}
        for cand in found:
            if cand is not None and cand.shape == "dash":
                # A dash for a colon counts only for a label the document uses with one.
                verdicts[cand.label] = (verdicts.get(cand.label, (False, ""))[0], "dash")
        accepted = Counter(c.label for c in found if c and verdicts[c.label][0])
        # A rare label close to a frequent one is its misspelling; numbered voices
        # ("Speaker 1", "Speaker 2") and roles are never one another's.
        typos = {label: labels.typo_of(label, accepted) for label in accepted
                 if not labels.is_role(label) and not _kind_of_label(label)
                 and not _UNRESOLVED.match(label) and not re.search(r"\d$", label)}
        self.whos = {c.label: c.who for c in found if c}
        names = {c.who for c in found if c and verdicts.get(c.label, (False,))[0]}
        for who in names:
            # "President of Russia Vladimir Putin" first, "Vladimir Putin" after: one person.
            shorter = [n for n in names if n != who and len(n.split()) >= 2
                       and who.endswith(" " + n)]
            if shorter:
                for label, printed in self.whos.items():
                    if printed == who:
                        self.whos[label] = max(shorter, key=len)
        before_first = 0
        for block, cand in zip(blocks, found, strict=True):
            if block.speaker is not None:
                self._structured(block)
                continue
            if cand is not None and verdicts[cand.label][0]:
                cand = self._doubled(cand, block, counts)
                label = cand.label
                if (typo := typos.get(label)) and typo != label:
                    self._doubt(block.line, f"label {label!r} taken for {typo!r} "
                                "(the same speaker misspelt?)", label)
                reason = verdicts.get(label, (True, "doubled"))[1]
                if reason in ("honorific", "title", "marked") and accepted[label] == 1 \
                        and counts[cand.who] < 2:
                    self._doubt(block.line, f"label {label!r} seen once ({reason})", label)
                if reason == "role" and not labels.is_role(cand.who):
                    self._doubt(block.line, f"label {label!r} taken for a misspelt role", label)
                if _UNRESOLVED.match(cand.who):
                    self._doubt(block.line, f"label {label!r} does not say who speaks "
                                f"({accepted[label]} turns)", label)
                self._open(cand, typos.get(label) or label, block)
                continue
            if cand is not None and verdicts[cand.label][1] != "prose":
                self._doubt(block.line, f"paragraph starts like a label but was not taken as "
                            f"one: {cand.label!r}", f"{cand.label}#{block.line}")
            if self.speaking is None and self.opening is None:
                before_first += 1
                if before_first == 1:
                    self.draft.doubts.append(Doubt(block.line, "text before the first label: "
                                                   "kept as a note, in no one's mouth"))
            self._continue(block)
        _interviewers(self.draft.turns)

    def _doubled(self, cand: _Candidate, block: Block, counts: Counter[str]) -> _Candidate:
        """Two labels in a row ("MS. DOE:  Q But..."): the words go with the second, the
        label keeps both as printed, and the line is reported."""
        inner = candidate(Block(cand.text, block.line))
        if inner is None or inner.shape not in ("colon", "question") or not _accepted(
                inner, counts, self.evidence)[0]:
            return cand
        if inner.label != cand.label and _kind_of_label(inner.who) and _kind_of_label(cand.who):
            return cand  # "Q  Question. The report..." : the journalist's own words
        self.draft.doubts.append(Doubt(block.line, (
            f"two labels in a row, {cand.label!r} then {inner.label!r}: the words are "
            f"taken for {inner.label!r}; check the turns around this line")))
        printed = block.text[: len(block.text) - len(inner.text)] if inner.text else block.text
        both = _squeeze(printed).rstrip(":. ")
        self.whos[both] = self.whos.get(inner.label, inner.who)
        return _Candidate(both, inner.who, inner.note, inner.text, inner.shape, inner.stamp)

    def _doubt(self, line: int, message: str, key: str) -> None:
        """Record a doubt once per key (a label doubted once is not doubted again)."""
        if key not in self.doubted:
            self.doubted.add(key)
            self.draft.doubts.append(Doubt(line, message))

    def _name(self, label: str) -> DraftPerson:
        if label not in self.people:
            self.people[label] = _person(label, self.evidence, self.texts)
        person = self.people[label]
        self.draft.people.setdefault(person.name, person)
        return person

    def _open(self, cand: _Candidate, label: str, block: Block) -> None:
        """Start a turn with a label."""
        self.ended = False
        kind = _kind_of_label(cand.who)
        if kind:
            turn = DraftTurn(kind, None, label=cand.label, note=None, line=block.line)
            if cand.note:
                turn.note = cand.note
        else:
            person = self._name(self.whos.get(label, cand.who))
            kind = "remark" if re.search(r"MODERATOR|OPERATOR", cand.who.upper()) else (
                "answer" if any(t.kind == "question" for t in self.draft.turns) else "statement")
            turn = DraftTurn(kind, person.name, label=cand.label, note=cand.note,
                             line=block.line)
        self.draft.turns.append(turn)
        self.speaking = turn
        if cand.text:
            self._add(turn, cand.text, cand.stamp or block.start)

    def _add(self, turn: DraftTurn, text: str, start: str | None) -> None:
        if start is not None and not turn.starts:
            turn.starts = [None] * len(turn.paragraphs)
        turn.paragraphs.append(text)
        if turn.starts or start is not None:
            turn.starts.append(start)

    def _continue(self, block: Block) -> None:
        """A block without a label: a stage note, or more words of whoever is speaking."""
        text = block.text
        current = self.speaking
        if END.match(text):
            self.ended = True  # after END, unlabelled lines are the publisher's, not a speaker's
        if self.ended or (_STAGE.match(text) or TIME.match(text)) and not (
                current is not None and self.draft.turns[-1] is current
                and not current.paragraphs):
            self.draft.turns.append(DraftTurn("note", None, paragraphs=[text], line=block.line))
            return
        if current is not None and self.draft.turns[-1] is current:
            self._add(current, text, block.start)
            return
        if current is None:
            if self.opening is not None:
                person = self.opening
                self.draft.people.setdefault(person.name, person)
                current = DraftTurn("statement", person.name, line=block.line)
            else:
                # Nobody is named yet (a lead, a summary): a note, not a journalist's words.
                self.draft.turns.append(DraftTurn("note", None, paragraphs=[text],
                                                  line=block.line, starts=[block.start]
                                                  if block.start else []))
                return
        # After a note the same speaker goes on, in a turn of its own.
        self.speaking = DraftTurn(current.kind, current.name, line=block.line)
        self.draft.turns.append(self.speaking)
        self._add(self.speaking, text, block.start)

    def _structured(self, block: Block) -> None:
        """A block whose speaker the data names: the same speaker's blocks make one turn."""
        name = _squeeze(block.speaker or "")
        current = self.speaking
        if current is not None and current.label == name and self.draft.turns[-1] is current:
            self._add(current, block.text, block.start)
            return
        kind = _kind_of_label(name) if name else None
        if not name:
            turn = DraftTurn("note", None, line=block.line)
            self.draft.doubts.append(Doubt(block.line, "no speaker given for this paragraph: "
                                           "kept as a note, in no one's mouth"))
        elif kind:
            turn = DraftTurn(kind, None, label=name, line=block.line)
        else:
            person = self._name(name)
            if _UNRESOLVED.match(name):
                self._doubt(block.line, f"speaker {name!r} does not say who speaks", name)
            asked = any(t.kind == "question" for t in self.draft.turns)
            turn = DraftTurn("answer" if asked else "statement", person.name, label=name,
                             line=block.line)
        self.draft.turns.append(turn)
        self.speaking = turn
        self._add(turn, block.text, block.start)


def _interviewers(turns: list[DraftTurn]) -> None:
    """A named person who mostly asks (an interviewer, a moderator): their turns that ask
    something are questions, the others remarks."""
    by_name: dict[str, list[DraftTurn]] = {}
    for turn in turns:
        if turn.name and turn.kind in ("statement", "answer"):
            by_name.setdefault(turn.name, []).append(turn)
    if len(by_name) < 2 or any(t.kind == "question" for t in turns):
        return
    asking = {name: sum("?" in " ".join(t.paragraphs) for t in own) / len(own)
              for name, own in by_name.items() if len(own) >= 2}
    for name, share in asking.items():
        others = [s for n, s in asking.items() if n != name]
        if share >= 0.6 and others and max(others) < 0.3:
            for turn in by_name[name]:
                turn.kind = "question" if "?" in " ".join(turn.paragraphs) else "remark"
            # Everyone else's turns after the first question answer it.
            asked = False
            for turn in turns:
                asked = asked or turn.kind == "question"
                if asked and turn.name != name and turn.kind == "statement":
                    turn.kind = "answer"
            return


_EVENTS = (
    ("joint press conference", "joint-news-conference"),
    ("joint news conference", "joint-news-conference"),
    ("press conference", "news-conference"),
    ("news conference", "news-conference"),
    ("gaggle", "press-gaggle"),
    ("background press call", "background-call"),
    ("press call", "background-call"),
    ("briefing", "press-briefing"),
    ("interview", "interview"),
    ("debate", "debate"),
    ("fact sheet", "statement"),
    ("statement", "statement"),
    ("address", "speech"),
    ("speech", "speech"),
    ("remarks", "remarks"),
)


def event_of(title: str) -> str:
    """The kind of event a title names (``other`` when it names none)."""
    lowered = title.lower()
    return next((kind for phrase, kind in _EVENTS if phrase in lowered), "other")
