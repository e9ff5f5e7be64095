"""Printed speaker labels → the people (or anonymous roles) they stand for.

A label such as ``MS. JEAN-PIERRE`` names a person by honorific and surname; the full
name is usually in the title ("Press Briefing by Press Secretary Karine Jean-Pierre")
or in the text where the person is introduced. ``THE PRESIDENT`` names an office, whose
holder depends on the date (``offices``). ``SENIOR ADMINISTRATION OFFICIAL`` names
nobody: it is an anonymous role, kept apart from people in the registry.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from generator.importers import offices
from generator.importers.base import DraftPerson

# Words that precede a name in a label or a title without being part of it.
HONORIFICS = frozenset("""
MR MR. MS MS. MRS MRS. MISS M. S. DR DR. DRS. DOCTOR DOCTORS H.E. HE PM
THE HIS HER MAJESTY HIGHNESS EXCELLENCY
PRESIDENT PRESIDEN PRIME MINISTER SECRETARY SECREATRY GENERAL ADMIRAL AMBASSADOR ACTING
ADMINISTRATOR ADMINSTRATOR ADMINSITRATOR ADMINISTRATION DIRECTOR DEPUTY ASSISTANT CHAIR
CHAIRMAN CHAIRWOMAN GOVERNOR MAYOR SENATOR REPRESENTATIVE CONGRESSMAN CONGRESSWOMAN LEADER
SPEAKER SURGEON VICE LIEUTENANT COLONEL CAPTAIN MAJOR SERGEANT COMMANDER REAR ADVISOR ADVISER
COACH CHANCELLOR KING QUEEN PRINCE PRINCESS CROWN EMIR SHEIKH FIRST LADY SECOND GENTLEMAN
COMMISSIONER ATTORNEY SPECIAL ENVOY PRESIDENTIAL PRESS NATIONAL SECURITY CHIEF STAFF JUDGE
JUSTICE REVEREND REV. FATHER SISTER SENIOR COORDINATOR COUNSELOR SPOKESPERSON HEAD OFFICE
FOREIGN DEFENSE STATE OF FOR AND APNSA NSC WHITE HOUSE FORMER U.S. US CEO
""".split())
# Nouns that make a label an anonymous role rather than a person.
_ROLE_NOUNS = re.compile(
    r"\b(?:OFFICIALS?|OFFICIA|OFFIAL|MODERATOR|MOD[A-Z]{2,5}TOR|OPERATOR|AIDE|STAFF(?:ER)?|"
    r"CREW(?: MEMBER)?|PARTICIPANTS?|AUDIENCE(?: MEMBERS?)?|INTERPRETER|ANNOUNCER|NARRATOR|"
    r"REPORTER|PHOTOJOURNALIST|SPOKESPERSON|MEMBERS? OF [A-Z]+|VOICE|CROWD|PROTESTER|"
    r"STUDENT|PANELIST)\b"
)
_NUMBER_SUFFIX = re.compile(r"\s+(?:#?\d+|ONE|TWO|THREE|FOUR|FIVE|SIX|[A-D])$")
_NAME_WORD = r"[A-Z][\w’'.\-]*"


def is_role(label: str) -> bool:
    """Tell whether ``label`` is an anonymous role (``SENIOR ADMINISTRATION OFFICIAL``)."""
    return bool(_ROLE_NOUNS.search(label.upper())) and not re.match(r"(MR|MS|MRS|DR)\b", label)


def role_name(label: str) -> str:
    """Display name of an anonymous role: numbering dropped, sentence case."""
    words = _NUMBER_SUFFIX.sub("", " ".join(label.split())).lower()
    return words[:1].upper() + words[1:]


def surname_of(label: str) -> str:
    """The name part of a label, honorifics dropped: ``MS. JEAN-PIERRE`` → ``JEAN-PIERRE``."""
    words = label.replace(".", ". ").replace(".  ", ". ").split()
    while len(words) > 1 and words[0].upper() in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _title_case(text: str) -> str:
    """``MS. JEAN-PIERRE`` → ``Ms. Jean-Pierre``; mixed-case text is left as printed."""
    if not text.isupper():
        return text
    return re.sub(r"[A-Z]{2,}", lambda m: m[0][0] + m[0][1:].lower(), text)


def _given(words: list[str]) -> list[str]:
    """The given name right before a surname: one word, or a word and an initial."""
    kept: list[str] = []
    for word in reversed(words):
        if word.upper() in HONORIFICS or not word[:1].isupper() or len(kept) == 2:
            break
        if kept and not re.fullmatch(r"[A-Z]\.", kept[0]):
            break  # only "Jake J." style initials extend a given name
        kept.insert(0, word)
    return kept


def full_name(surname: str, texts: list[str]) -> str | None:
    """A full name ending (or, in East Asian order, starting) with ``surname`` in ``texts``.

    The first text is the title; the others are searched only for "Given Surname".
    """
    wanted = re.sub("[’']", "['’]", re.escape(surname))
    for number, text in enumerate(texts):
        found: Counter[str] = Counter()
        # "Karine Jean-Pierre", "Jake J. Sullivan"
        for match in re.finditer(rf"((?:{_NAME_WORD} ){{1,2}})({wanted})\b", text, re.I):
            given = _given(match[1].split())
            if given and match[2][:1].isupper():
                found[" ".join([*given, match[2]])] += 1
        if not found and number == 0:
            # East Asian order is only trusted in the title ("Prime Minister Kishida Fumio").
            for match in re.finditer(rf"\b({wanted}) ((?:{_NAME_WORD} ?){{1,2}})", text, re.I):
                rest: list[str] = []
                for word in match[2].split():
                    if word.upper() in HONORIFICS or not word[:1].isupper():
                        break
                    rest.append(word)
                if rest and match[1][:1].isupper():
                    found[" ".join([match[1], *rest])] += 1
        if found:
            return found.most_common(1)[0][0]
    return None


def person(label: str, day: str, texts: list[str]) -> DraftPerson:
    """The person or role a label stands for on ``day``; ``texts`` (title first) hold names."""
    printed = " ".join(label.split())
    office = offices.office_of(printed)
    if office is not None:
        term = offices.holder(office, day)
        if term is not None:
            return DraftPerson(term.name, role=term.title)
    if is_role(printed):
        return DraftPerson(role_name(printed), kind="role", variants=[printed])
    name = surname_of(printed)
    if name == printed and len(name.split()) >= 2:
        # A full name printed as the label (JOE BIDEN): it names the person directly.
        return DraftPerson(_title_case(name), variants=[printed])
    honorifics = set(printed[: len(printed) - len(name)].upper().split())
    courtesy = honorifics <= {"MR.", "MS.", "MRS.", "DR.", "MR", "MS", "MRS", "DR"}
    # PRESIDENT BIDEN or MS. JEAN-PIERRE on a day they hold an office: the table knows
    # the full name. An office word in the label must name that office.
    for term in offices.holders_named(name, day):
        if courtesy or honorifics & set(term.office.upper().split("-")):
            return DraftPerson(term.name, role=term.title, variants=[printed])
    found = full_name(name, texts)
    if found:
        return DraftPerson(found, variants=[printed])
    return DraftPerson(_title_case(printed), surname=_title_case(name), variants=[printed])


def typo_of(label: str, others: Counter[str]) -> str | None:
    """A more frequent label of the same file that ``label`` misspells (``MS. JEAN-PIERE``)."""
    if others[label] > 2:
        return None
    best, score = None, 0.0
    for other, count in others.items():
        if other == label or count <= others[label]:
            continue
        ratio = SequenceMatcher(None, label, other).ratio()
        if ratio > score:
            best, score = other, ratio
    return best if score >= 0.85 else None
