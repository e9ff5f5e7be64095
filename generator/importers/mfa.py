"""Russian Foreign Ministry English transcripts.

No front matter: the first line is the title ("Foreign Minister Sergey Lavrov’s remarks
... with Japanese Foreign Minister Fumio Kishida ..., Tokyo, April 15, 2016"). Each
further line is a paragraph. Opening remarks carry no label and belong to the principal
speaker; turns start with labels such as ``Question (to both ministers):`` or
``Sergey Lavrov (adds to Fumio Kishida’s answer):``; an unlabelled paragraph continues
the turn before it. The counterpart's own words are not published: where they would
stand the importer puts an ``omitted`` turn.
"""

from __future__ import annotations

import re
from datetime import datetime

from generator.errors import ImportFailure
from generator.importers import reader
from generator.importers.base import Block, Draft, DraftPerson, DraftTurn, Meta, Source
from generator.speakers import normalise

PUBLISHER = "Ministry of Foreign Affairs of the Russian Federation"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"(?:{_MONTHS}) \d{{1,2}}, \d{{4}}"
_TITLE = re.compile(
    rf"^(?P<who>[^,]+?)[’']s (?P<what>.+?), (?P<place>[^,]+), (?P<date>{_DATE})\s*$"
)
_ROLE_WORDS = {
    "foreign", "minister", "deputy", "prime", "president", "first", "director", "secretary",
    "state", "spokesperson", "spokeswoman", "spokesman", "ambassador", "chancellor", "general",
    "of", "the", "affairs", "russian", "federation", "vice", "premier", "acting", "special",
    "representative", "envoy", "high", "commissioner", "head", "chairman", "chair",
}
_NATIONALITIES = {
    "Japanese": "Japan", "Chinese": "China", "American": "United States", "US": "United States",
    "British": "United Kingdom", "French": "France", "German": "Germany", "Italian": "Italy",
    "Indian": "India", "Turkish": "Turkey", "Iranian": "Iran", "Syrian": "Syria",
    "Egyptian": "Egypt", "Korean": "Republic of Korea", "Mongolian": "Mongolia",
    "Kazakh": "Kazakhstan", "Belarusian": "Belarus", "Serbian": "Serbia", "Saudi": "Saudi Arabia",
    "Israeli": "Israel", "Palestinian": "Palestine", "Brazilian": "Brazil", "Spanish": "Spain",
    "Finnish": "Finland", "Norwegian": "Norway", "Austrian": "Austria", "Greek": "Greece",
    "Vietnamese": "Vietnam", "Indonesian": "Indonesia", "Cuban": "Cuba", "Venezuelan": "Venezuela",
    "Argentine": "Argentina", "Mexican": "Mexico", "Pakistani": "Pakistan", "Afghan": "Afghanistan",
    "Iraqi": "Iraq", "Jordanian": "Jordan", "Lebanese": "Lebanon", "Qatari": "Qatar",
    "Emirati": "United Arab Emirates", "Armenian": "Armenia", "Azerbaijani": "Azerbaijan",
    "Georgian": "Georgia", "Ukrainian": "Ukraine", "Uzbek": "Uzbekistan", "Tajik": "Tajikistan",
    "Kyrgyz": "Kyrgyzstan", "Turkmen": "Turkmenistan", "Moldovan": "Moldova",
}
_EVENTS = (
    ("joint news conference", "joint-news-conference"),
    ("joint press conference", "joint-news-conference"),
    ("news conference", "news-conference"),
    ("press conference", "news-conference"),
    ("interview", "interview"),
    ("briefing", "press-briefing"),
    ("speech", "speech"),
    ("address", "speech"),
    ("statement", "statement"),
    ("remarks", "remarks"),
    ("answers", "remarks"),
)
_SEPARATOR = re.compile(r"^\s*(\*\s*){3}$")


def _person(text: str) -> DraftPerson:
    """Split "Japanese Foreign Minister Fumio Kishida" into role, name and country."""
    words = text.split()
    cut = len(words)
    while cut > 0 and words[cut - 1].lower() not in _ROLE_WORDS:
        cut -= 1
    cut = min(cut, len(words) - 1)
    name = " ".join(words[cut:])
    role_words = words[:cut]
    country = _NATIONALITIES.get(role_words[0]) if role_words else None
    return DraftPerson(name=name, role=" ".join(role_words) or None, country=country)


def _counterparts(what: str) -> list[DraftPerson]:
    match = re.search(r"\bwith (.+?)(?: following| after| on the sidelines| in | at |$)", what)
    if not match:
        return []
    people = []
    for part in re.split(r",? and |, ", match.group(1)):
        words = part.split()
        # Only a phrase that ends in a capitalised name is a person ("with the media" is not).
        if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]):
            people.append(_person(part))
    return people


def _iso_date(text: str, file: str) -> str:
    try:
        return datetime.strptime(text, "%B %d, %Y").date().isoformat()
    except ValueError:
        raise ImportFailure(file, f"the title's date {text!r} does not exist", 1) from None


def _event(what: str) -> str:
    lowered = what.lower()
    return next((kind for phrase, kind in _EVENTS if phrase in lowered), "other")


class MfaImporter:
    """Reads the Russian Foreign Ministry's English transcripts."""

    name = "mfa"

    def detect(self, source: Source) -> bool:
        text = source.text
        first = text.lstrip("\ufeff").split("\n", 1)[0]
        return bool(_TITLE.match(first)) and not first.startswith("---")

    def parse(self, source: Source) -> Draft:
        text, file = source.text, source.file
        lines = text.lstrip("\ufeff").splitlines()
        title = lines[0].strip() if lines else ""
        match = _TITLE.match(title)
        if not match:
            raise ImportFailure(
                file, "expected a title line ending in ', <place>, <Month> <day>, <year>'", 1
            )
        principal = _person(match["who"])
        principal.country = principal.country or "Russia"
        participants = [principal, *_counterparts(match["what"])]
        found = Meta(title=title, date=_iso_date(match["date"], file), event=_event(match["what"]),
                     publisher=PUBLISHER, place=match["place"].strip())
        # Each line is a paragraph; the opening remarks, unlabelled, are the principal's.
        blocks = [Block(line, number) for number, line in enumerate(lines[1:], start=2)
                  if line.strip() and not _SEPARATOR.match(line)]
        if not blocks:
            raise ImportFailure(file, "no transcript text after the title line", 1)
        known = frozenset(normalise(p.name) for p in participants)
        draft = reader.read_blocks(blocks, found, source, layout="MFA: one paragraph per line",
                                   opening=principal, evidence=reader.Evidence(known=known))
        draft.participants = participants
        for turn in draft.turns:
            if not turn.paragraphs:
                raise ImportFailure(file, f"label {turn.label!r} has no text after it", turn.line)
            if turn.kind == "question" and turn.note and turn.note.startswith("to "):
                # "(to both ministers)" is an address, kept in the label and in `to`.
                everyone = turn.note.startswith(("to both", "to all"))
                turn.to = [p.name for p in participants if everyone or p.name in turn.note]
                turn.note = None
        draft.turns = _mark_omissions(draft.turns, draft.participants)
        return draft


def _mark_omissions(turns: list[DraftTurn], people: list[DraftPerson]) -> list[DraftTurn]:
    """Insert ``omitted`` turns where a participant answered but the source leaves it out."""
    result: list[DraftTurn] = []
    pending: list[str] = []  # addressees of the current question who have not spoken yet
    asked = False  # named turns before the first question are statements, after it answers

    def flush() -> None:
        for name in pending:
            result.append(DraftTurn("omitted", name, note="answer not included in the source"))
        pending.clear()

    for turn in turns:
        if turn.kind == "question":
            flush()
            pending.extend(turn.to)
            asked = True
        else:
            adds_to = re.match(r"adds to (.+?)[’']s answer", turn.note or "")
            absent = adds_to.group(1) if adds_to else None
            if absent and (not result or result[-1].name != absent):
                result.append(
                    DraftTurn("omitted", absent, note="answer not included in the source")
                )
            if not asked:
                turn.kind = "statement"
            for name in (turn.name, absent):
                if name in pending:
                    pending.remove(name)
        result.append(turn)
    flush()
    return result
