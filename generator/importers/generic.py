"""Any plain "Name: text" transcript: the fallback when no publisher's format fits.

Labels are found by their shape (a short capitalised name, or an upper-case label,
before a colon at the start of a line) and by repetition: a shape that occurs only once
is taken for a label only if it is upper case. The title is the front matter's
``title`` or the first line; the date is the front matter's ``date`` or the first date
in the title or the opening lines. Text the fallback cannot cut into at least two
labelled turns is an error: it never makes a silent one-turn transcript.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from generator.errors import ImportFailure
from generator.importers import frontmatter, labels, markup
from generator.importers.base import Draft, DraftPerson, DraftTurn

PUBLISHER = "Unknown publisher"
_LABEL = re.compile(
    r"^\s*(?P<label>(?P<who>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4})(?: \([^()]{1,80}\))?)"
    r" ?:(?:\s+(?P<text>\S.*))?$"
)
_QUESTION = {"Q", "QUESTION", "QUESTIONER", "REPORTER", "JOURNALIST", "AUDIENCE"}
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS}) \d{{1,2}}, \d{{4}})\b")
_PROSE = {"Note", "Update", "Source", "Date", "Time", "Place", "Title", "Location", "Subject"}


def _iso(text: str) -> str | None:
    for pattern in ("%Y-%m-%d", "%B %d, %Y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


class GenericImporter:
    """Finds "Name: text" turns in any plain text."""

    name = "generic"

    def detect(self, text: str) -> bool:
        return len(self._labels(text.split("\n"))) > 0

    @staticmethod
    def _labels(lines: list[str]) -> set[str]:
        """Labels that count: repeated, or upper case; never a one-off "Note:"."""
        shapes = Counter(m["label"] for line in lines if (m := _LABEL.match(line)))
        return {label for label, count in shapes.items()
                if label.split()[0] not in _PROSE
                and (count >= 2 or (label.isupper() and len(label) > 1)
                     or label.split()[0].upper() in _QUESTION)}

    def parse(self, text: str, file: str) -> Draft:
        meta: dict = {}
        start = 0
        if frontmatter.has_front_matter(text):
            meta, start = frontmatter.split(text, file)
        lines = text.split("\n")
        body = [(n, markup.spaces(line)) for n, line in enumerate(lines[start:], start + 1)]
        body = [(n, line) for n, line in body if line.strip()]
        title = str(meta.get("title") or "")
        if not title and body:
            number, first = body.pop(0)
            title = markup.squeeze(markup.strip(first))
        if not title:
            raise ImportFailure(file, "empty file: expected a title and 'Name: text' turns", 1)
        searched = [_DATE.search(title), *(_DATE.search(line) for _, line in body[:5])]
        found = [match[0] for match in searched if match]
        day = str(meta["date"]) if meta.get("date") else next(
            (iso for f in found if (iso := _iso(f))), None)
        if day is None:
            raise ImportFailure(file, "no date found: expected front matter 'date: YYYY-MM-DD' "
                                "or a date such as 'March 3, 2019' in the title", 1)
        accepted = self._labels([line for _, line in body])
        draft = Draft(title=title, date=day, event="other",
                      publisher=str(meta.get("publisher") or PUBLISHER),
                      url=meta.get("source_url") or meta.get("url"))
        texts = [title, text]
        people: dict[str, DraftPerson] = {}
        for number, line in body:
            match = _LABEL.match(line)
            words = markup.squeeze(markup.strip(match["text"] or "" if match else line))
            if match and match["label"] in accepted:
                who = match["who"]
                if who.upper() in _QUESTION:
                    turn = DraftTurn("question", None, label=match["label"], line=number)
                else:
                    if who not in people:
                        people[who] = (labels.person(who, day, texts) if who.isupper()
                                       else DraftPerson(who))
                    person = people[who]
                    draft.people.setdefault(person.name, person)
                    asked = any(t.kind == "question" for t in draft.turns)
                    turn = DraftTurn("answer" if asked else "statement", person.name,
                                     label=match["label"], line=number)
                draft.turns.append(turn)
                if words:
                    turn.paragraphs.append(words)
            elif draft.turns:
                draft.turns[-1].paragraphs.append(words)
            else:
                # Words before the first label: said by nobody the text names.
                draft.turns.append(DraftTurn("statement", None, paragraphs=[words], line=number))
        if sum(turn.label is not None for turn in draft.turns) < 2:
            raise ImportFailure(
                file, "no speaker turns found: expected at least two lines starting with a "
                "speaker label such as 'Jane Doe:' or 'MS. DOE:' (try --format)", start + 1)
        for turn in draft.turns:
            if not turn.paragraphs:
                raise ImportFailure(file, f"label {turn.label!r} has no text after it", turn.line)
        return draft
