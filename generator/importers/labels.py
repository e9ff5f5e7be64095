"""Printed speaker labels → the people (or anonymous roles) they stand for.

A label such as ``MS. JEAN-PIERRE`` names a person by honorific and surname; the full
name is usually in the title ("Press Briefing by Press Secretary Karine Jean-Pierre")
or in the text where the person is introduced. ``THE PRESIDENT`` names an office, whose
holder depends on the date (``offices``). ``SENIOR ADMINISTRATION OFFICIAL`` names
nobody: it is an anonymous role, kept apart from people in the registry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz, process

from generator.importers import offices
from generator.importers.base import DraftPerson
from generator.speakers import label_key, misspelt

# Words that precede a name in a label or a title without being part of it, spelt right
# (a label's misspelt honorific, SECREATRY, is recognised by ``is_honorific``).
HONORIFICS = frozenset("""
MR MR. MS MS. MRS MRS. MISS M. S. DR DR. DRS. DOCTOR DOCTORS H.E. HE PM
THE HIS HER MAJESTY HIGHNESS EXCELLENCY
PRESIDENT PRIME MINISTER SECRETARY GENERAL ADMIRAL AMBASSADOR ACTING
ADMINISTRATOR ADMINISTRATION DIRECTOR DEPUTY ASSISTANT CHAIR
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
# Long honorifics, which a label may misspell (SECREATRY, ADMINSTRATOR, PRESIDEN).
_LONG_HONORIFICS = sorted(w for w in HONORIFICS if len(w) >= 6)
_MISSPELT_HONORIFIC = 85  # rapidfuzz ratio: SECREATRY/SECRETARY 89, CHANCE/CHANCELLOR 75
_ALIKE_LABEL = 85  # a rare label this alike to another of the file is taken for it
# Abstract nouns name offices and fields, never people ("Senior Advisor for Clean Energy
# Innovation Podesta", "Public Engagement Keisha Lance Bottoms").
_TITLE_SUFFIX = re.compile(r"(?:\w{2,}(?:tion|sion)|\w{4,}(?:ment|ness|ship|ics|ogy|ism))s?$",
                           re.I)
# Organisations an office belongs to ("Environmental Protection Agency Michael Regan").
_ORGANISATIONS = frozenset("""
AGENCY AGENCIES COUNCIL DEPARTMENT COMMITTEE BUREAU BOARD AUTHORITY INSTITUTE INSTITUTES
CENTER CENTERS CENTRE SERVICE SERVICES TEAM FORCE ASSOCIATION FOUNDATION CORPS FUND
""".split())
# Most words a given name may have before the surname ("John Bel Edwards"), initials aside.
_GIVEN_WORDS = 2
# Words after which a title names what an office is of, not yet a person.
_CONNECTORS = frozenset({"of", "for", "the", "to", "on", "in", "at"})
_CONTRACTION = re.compile(r"[’'](?:m|s|re|ve|ll|d|t)$", re.I)


def is_honorific(word: str) -> bool:
    """Tell whether a label's word is an honorific, even misspelt (``SECREATRY``)."""
    word = word.upper()
    if word in HONORIFICS:
        return True
    return len(word) >= 6 and process.extractOne(
        word, _LONG_HONORIFICS, scorer=fuzz.ratio, score_cutoff=_MISSPELT_HONORIFIC) is not None


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
    while len(words) > 1 and is_honorific(words[0]):
        words.pop(0)
    return " ".join(words)


def _title_case(text: str) -> str:
    """``MS. JEAN-PIERRE`` → ``Ms. Jean-Pierre``, ``LÓPEZ`` → ``López``; mixed-case text is
    left as printed."""
    if not text.isupper():
        return text
    return re.sub(r"[^\W\d_]{2,}", lambda m: m[0][0] + m[0][1:].lower(), text)


def _title_word(word: str) -> bool:
    """An honorific as a title prints it, or its plural (``Advisers``): never a name."""
    upper = word.upper()
    return (upper in HONORIFICS or upper.rstrip(".") in HONORIFICS
            or (len(upper) > 3 and upper.endswith("S") and upper[:-1] in HONORIFICS))


def _office_word(word: str) -> bool:
    """A word of what an office is of: an organisation (``Agency``) or an abstract noun
    (``Innovation``, ``Engagement``), never a given name."""
    return word.upper() in _ORGANISATIONS or bool(_TITLE_SUFFIX.search(word))


@lru_cache(maxsize=4096)
def _lower_words(text: str) -> frozenset[str]:
    """The words ``text`` prints in lower case (not parts of hyphenated words or addresses).

    Kept for a few thousand texts: the reader passes a document as its paragraphs."""
    return frozenset(re.findall(r"(?<![\w’'\-/.])[a-z][a-z’']*(?![\w’'\-/])", text))


def _common_word(word: str, texts: list[str]) -> bool:
    """Tell whether the texts also print ``word`` in lower case: a common noun then."""
    lower = word.lower()
    return lower != word and any(lower in _lower_words(text) for text in texts)


def _given(before: str, texts: list[str]) -> tuple[list[str], int] | None:
    """The given name printed right before a surname (``before`` is the text up to it)
    and how sure it is (2 sure, 1 less), when the source gives it whole; else None.

    The capitalised words before the surname run back to a boundary. After a strong one
    (the start, punctuation, an honorific, a lower-case word such as "by") the run is the
    given name if it has one or two words besides initials: "Governor John Bel Edwards",
    "Dr. Vivek H. Murthy". After what an office is of (an organisation, an abstract
    noun) it is one or two words too, less surely: "Public Engagement Keisha Lance
    Bottoms". After "of", "for", "the" the run starts with what the office is of
    ("Secretary of Agriculture Tom Vilsack"): its first word is never a name. Where the
    office may end anywhere in the run (a longer run, or one holding a word the texts
    also print in lower case), only the last word is taken, less surely; and an office's
    word right before the surname means no given name: "Clean Energy Innovation Podesta"
    gives none.
    """
    if not before[-1:].isspace():
        return None  # "Jean-" before "Pierre": not a word of its own
    run: list[str] = []
    boundary = "long"  # the run may go on beyond the words looked at
    for token in reversed(before.split()[-8:]):
        lead = re.match(r"[(\[“\"‘]+", token)
        word = token[lead.end():] if lead else token
        if re.fullmatch(r"[A-Z]\.", word):
            run.insert(0, word)  # an initial
        elif word.lower() in _CONNECTORS:
            boundary = "connector"
            break
        elif (not re.fullmatch(_NAME_WORD, word) or word.endswith(".") or _CONTRACTION.search(word)
              or _title_word(word)):
            boundary = "strong"  # punctuation, a sentence's end, "I’m", an honorific
            break
        elif _office_word(word):
            boundary = "office"
            break
        else:
            run.insert(0, word)
        if lead:
            boundary = "strong"
            break
    else:
        if len(before.split()) <= 8:
            boundary = "strong"  # the start of the text
    words = [i for i, w in enumerate(run) if not re.fullmatch(r"[A-Z]\.", w)]
    if boundary in ("connector", "long") and words:
        run, words = run[words[0] + 1:], [i - words[0] - 1 for i in words[1:]]
    common = [i for i in words if _common_word(run[i], texts)] if len(words) > 1 else []
    if common:
        run, words = run[common[-1] + 1:], [i - common[-1] - 1 for i in words if i > common[-1]]
    if not words:
        return None
    if boundary in ("strong", "office") and not common and len(words) <= _GIVEN_WORDS:
        return run[words[0]:], 2 if boundary == "strong" else 1
    return run[words[-1]:], 1


def _letters() -> dict[str, str]:
    """Latin letters by their letter without accents: ``e`` → ``eéèêëēĕėęě...``."""
    found: dict[str, str] = {}
    for code in [*range(ord("a"), ord("z") + 1), *range(0xC0, 0x250)]:
        letter = chr(code).lower()
        base = unicodedata.normalize("NFKD", letter)[:1]
        if base.isascii() and base.isalpha() and letter not in found.get(base, ""):
            found[base] = found.get(base, "") + letter
    return found


_LETTERS = _letters()


def _pattern(surname: str) -> str:
    """A regular expression for a surname whatever its accents or apostrophe: a label
    prints ``MS. PEREZ`` for the text's "Luisana Pérez"."""
    parts = []
    for char in surname.lower():
        base = unicodedata.normalize("NFKD", char)[:1]
        if char in "’'":
            parts.append("['’]")
        elif base in _LETTERS:
            parts.append(f"[{_LETTERS[base]}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def full_name(surname: str, texts: list[str]) -> str | None:
    """A full name ending (or, in East Asian order, starting) with ``surname`` in ``texts``,
    taken only where a text gives it whole (see ``_given``).

    The first text is the title. A name that ends another one found ("Lance Bottoms",
    "Keisha Lance Bottoms") is the same name, less whole, if the longer is found more
    often; otherwise the longer one's first words may be an office's ("Coalitions Media
    Luisana Pérez Fernández") and the shorter stands. Of the names left, the earliest
    text's wins (the title's "Jennifer Klein" over the "Jen Klein" of the text), then the
    one found surest there, then the one found most often. East Asian order ("Prime
    Minister Kishida Fumio") is only trusted in the title, and only when nothing else is
    found there.
    """
    wanted = _pattern(surname)
    found: Counter[str] = Counter()
    rank: dict[str, tuple[int, int]] = {}  # name → (minus the first text's number, how sure)
    for number, text in enumerate(texts):
        here: dict[str, int] = {}
        # "Karine Jean-Pierre", "Jake J. Sullivan", "John Bel Edwards", "Vedant Patel’s"
        for match in re.finditer(rf"(?<![\w’'\-])({wanted})(?=[’']s\b|[^\w’'\-]|$)", text, re.I):
            if not match[1][:1].isupper():
                continue
            given = _given(text[max(0, match.start() - 200):match.start()], texts)
            if given:
                name = " ".join([*given[0], match[1]])
                here[name] = max(here.get(name, 0), given[1])
                found[name] += 1
        if not here and number == 0:
            for match in re.finditer(rf"\b({wanted}) ((?:{_NAME_WORD} ?){{1,2}})", text, re.I):
                rest: list[str] = []
                for word in match[2].split():
                    if word.upper() in HONORIFICS or not word[:1].isupper():
                        break
                    rest.append(word)
                if rest and match[1][:1].isupper():
                    name = " ".join([match[1], *rest])
                    here[name] = 1
                    found[name] += 1
        for name, sure in here.items():
            rank.setdefault(name, (-number, sure))
    for short in list(found):
        for long in list(found):
            if short in found and long in found and long.endswith(f" {short}"):
                del found[short if found[long] > found[short] else long]
    if not found:
        return None
    return max(found, key=lambda name: (*rank[name], found[name]))


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
    honorifics = printed[: len(printed) - len(name)].upper().split()
    courtesy = set(honorifics) <= {"MR.", "MS.", "MRS.", "DR.", "MR", "MS", "MRS", "DR"}
    # PRESIDENT BIDEN or MS. JEAN-PIERRE on a day they hold an office: the table knows
    # the full name (not the nickname a text may use). An office word in the label must
    # name that office, even misspelt (SECREATRY MAYORKAS).
    for term in offices.holders_named(name, day):
        words = term.office.upper().split("-")
        if courtesy or any(_same_word(h, w) for h in honorifics for w in words):
            return DraftPerson(term.name, role=term.title, variants=[printed])
    found = full_name(name, texts)
    if found:
        return DraftPerson(found, variants=[printed])
    return DraftPerson(_title_case(printed), surname=_title_case(name), variants=[printed])


def _same_word(printed: str, word: str) -> bool:
    """A label's word is ``word``, or misspells it (long words only)."""
    printed = printed.rstrip(".")
    return printed == word or (min(len(printed), len(word)) >= 6
                               and fuzz.ratio(printed, word) >= _MISSPELT_HONORIFIC)


def _spelt_right(label: str) -> int:
    """How many words of a label are honorifics spelt right (MS. JEAN-PIERRE: one)."""
    return sum(w.upper() in HONORIFICS or f"{w.upper()}." in HONORIFICS
               for w in label_key(label).split())


def typo_of(label: str, others: Counter[str]) -> str | None:
    """The label of the same file that ``label`` misspells (``MS. JEAN-PIERE``), if any.

    ``others`` counts the file's labels. A misspelling differs from the label it
    misspells by one word, alike letter for letter (``generator.speakers.misspelt``), or
    by full stops only; a label printed once or twice may also be one that is alike as a
    whole (MS. KIRBY once beside MR. KIRBY: rapidfuzz's ratio of 85 or more). Of the two,
    the misspelt one has fewer honorifics spelt right (SECREATRY MAYORKAS), or as many
    and fewer turns (CHAIR BERSTEIN, 4 turns, beside CHAIR BERNSTEIN, 11): the order is
    strict, so no two labels are taken for each other.
    """
    rank = (_spelt_right(label), others[label])
    best, score = None, (0, 0, 0.0)
    for other, count in others.items():
        if other == label:
            continue
        their = (_spelt_right(other), count)
        if their <= rank:
            continue
        ratio = fuzz.ratio(label, other)
        if not (misspelt(label, other) or label_key(label) == label_key(other)
                or others[label] <= 2 and ratio >= _ALIKE_LABEL):
            continue
        if (*their, ratio) > score:
            best, score = other, (*their, ratio)
    return best
