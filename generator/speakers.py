"""Resolve printed names to registry speakers, by name variant and date.

Three outcomes, as parliamentary parsers do it: ``known`` (one speaker fits),
``new`` (nobody fits: a new, unreviewed registry entry is proposed) and
``ambiguous`` (several fit on that date: an error naming the candidates).

One person is one speaker: a middle initial does not make another person (``Vivek H.
Murthy`` is ``Vivek Murthy``); a name that shortens a known one is that person
(``Luisana Pérez``, ``Luisana Pérez Fernández``); a misspelt label (``SECREATRY
MAYORKAS``) is the speaker whose label it misspells when the office and the dates fit.
The last two are guesses, and a guess is never silent: the resolution carries a doubt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.model import Speaker


def normalise(name: str) -> str:
    """Compare names without regard to case, spacing or the kind of apostrophe."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
    return " ".join(text.split())


def slug(text: str) -> str:
    """Lowercase ASCII slug: ``Fumio Kishida`` → ``fumio-kishida``."""
    # O’Neill and O'Neill are the same name: apostrophes join, they do not separate.
    text = text.replace("’", "").replace("'", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class Resolution:
    """What a printed name turned out to be."""

    outcome: str
    """``known``, ``new`` or ``ambiguous``."""
    speaker: str | None
    """The speaker id (known or newly proposed), None when ambiguous."""
    candidates: tuple[str, ...] = ()
    """Ids that fit equally well, when ambiguous."""
    doubt: str | None = None
    """What the resolution is unsure of, for a reviewer (a misspelt label, or a name
    that shortens another, taken for a known speaker); None when it is sure."""


# Honorifics that name different people when swapped (MR. KIM is not MS. KIM).
_COURTESY = frozenset({"mr", "ms", "mrs", "miss", "dr", "mx"})
# How alike the one differing word of two labels must be to count as a misspelling
# (rapidfuzz's ratio, 0-100): SECREATRY/SECRETARY 89, BERSTEIN/BERNSTEIN 94, QMS/MS 80;
# not PATEL/PATIL (80), KIM/KIN (67). Short words (four letters or fewer) need less.
_MISSPELT_WORD = 85
_MISSPELT_SHORT_WORD = 80


def label_key(label: str) -> str:
    """A label compared without case, spacing or full stops: ``MS PSAKI`` = ``Ms. Psaki``."""
    return " ".join(normalise(label).replace(".", " ").split())


def misspelt(label: str, other: str) -> bool:
    """Tell whether ``label`` and ``other`` differ by a misspelling of one word.

    The same words but one, and that one alike letter for letter (``SECREATRY MAYORKAS``,
    ``SECRETARY MAYORKAS``; ``CHAIR BERSTEIN``, ``CHAIR BERNSTEIN``). Another honorific
    (``MR.``, ``MS.``), a plural, or another or a further word is not a misspelling.
    Labels that differ only in case, spacing or full stops are the same label.
    """
    mine, theirs = label_key(label).split(), label_key(other).split()
    if len(mine) != len(theirs) or mine == theirs:
        return False
    differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    if len(differ) != 1:
        return False
    [(a, b)] = differ
    if a in _COURTESY and b in _COURTESY or a + "s" == b or b + "s" == a:
        return False  # MS. is not MR., OFFICIALS are not an OFFICIAL
    least = _MISSPELT_SHORT_WORD if max(len(a), len(b)) <= 4 else _MISSPELT_WORD
    return fuzz.ratio(a, b) >= least


def plain_name(name: str) -> str:
    """A name without its middle initials: ``Vivek H. Murthy`` → ``vivek murthy``."""
    words = normalise(name).split()
    if len(words) < 3:
        return " ".join(words)
    middle = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
    return " ".join([words[0], *middle, words[-1]])


def _initials(name: str) -> set[str]:
    """The middle initials of a name, without their full stops."""
    return {w.rstrip(".") for w in normalise(name).split()[1:-1] if _INITIAL.fullmatch(w)}


_INITIAL = re.compile(r"[^\W\d_]\.?")


class Index:
    """A registry indexed by normalised name and surname, kept current as speakers are added.

    Importing a thousand files resolves a hundred thousand labels: looking each one up
    in a dictionary rather than scanning the registry keeps that linear.
    """

    def __init__(self, registry: dict[str, Speaker]):
        self.registry = registry
        self.names: dict[str, list[Speaker]] = {}
        self.surnames: dict[str, list[Speaker]] = {}
        self.unordered: dict[str, list[Speaker]] = {}
        self.plain: dict[str, list[Speaker]] = {}
        """Names of people without their middle initials."""
        self.firsts: dict[str, list[Speaker]] = {}
        """People by the first word of their names, accents aside."""
        for speaker in registry.values():
            self._index(speaker)

    def _index(self, speaker: Speaker) -> None:
        for name in {normalise(n) for n in (speaker.name, *speaker.variants)}:
            self.names.setdefault(name, []).append(speaker)
        if speaker.kind == "person":
            # "Kishida Fumio" is "Fumio Kishida": family name first or last, one person.
            for name in {_unordered(n) for n in (speaker.name, *speaker.variants)}:
                if speaker not in self.unordered.setdefault(name, []):
                    self.unordered[name].append(speaker)
            for name in {plain_name(n) for n in (speaker.name, *speaker.variants)}:
                if len(name.split()) >= 2 and speaker not in self.plain.setdefault(name, []):
                    self.plain[name].append(speaker)
            for name in {_folded(n)[0] for n in (speaker.name, *speaker.variants)
                         if len(n.split()) >= 2}:
                if speaker not in self.firsts.setdefault(name, []):
                    self.firsts[name].append(speaker)
            for name in {normalise(n).split()[-1] for n in (speaker.name, *speaker.variants)
                         if n.split()}:
                if speaker not in self.surnames.setdefault(name, []):
                    self.surnames[name].append(speaker)

    def add(self, speaker: Speaker) -> None:
        """Register a new speaker (replacing none)."""
        self.registry[speaker.id] = speaker
        self._index(speaker)

    def remove(self, speaker: Speaker) -> None:
        """Forget a speaker added by ``add`` (its file failed to import)."""
        self.registry.pop(speaker.id, None)
        for table in (self.names, self.surnames, self.unordered, self.plain, self.firsts):
            for key in [k for k, found in table.items() if speaker in found]:
                table[key] = [s for s in table[key] if s is not speaker]
                if not table[key]:
                    del table[key]

    def resolve(
        self, name: str, day: str, surname: str | None = None, variants: tuple[str, ...] = (),
        label: str | None = None,
    ) -> Resolution:
        """Find the speaker printed as ``name`` on ``day`` (ISO date).

        ``variants`` are other printed forms (the label) tried first: a registry entry
        that lists ``PRIME MINISTER KISHIDA`` knows who that is. ``surname`` is given
        when the source names the person by surname only (``MR. KIRBY``): then any
        person of the registry with that last name fits. ``label`` is the label of the
        turn being resolved, when the importer took it for another one of the same file
        (a misspelling of it): the resolution's doubt then says so.

        When nothing fits exactly, a label that misspells one of a speaker's labels
        (``misspelt``) is that speaker, if the dates of their roles fit the day; the
        resolution carries a doubt naming the label it was taken for.
        """
        fits: list[Speaker] = []
        for printed in variants:
            fits = fits or list(self.names.get(normalise(printed), ()))
        fits = fits or list(self.names.get(normalise(name), ()))
        if not fits and len(name.split()) >= 2 and not surname:
            fits = list(self.unordered.get(_unordered(name), ()))
        if not fits and not surname:
            # "Vivek H. Murthy" is "Vivek Murthy": a middle initial is no other person,
            # unless the speaker is printed with another one (Rufus T. and Rufus Q.).
            initials = _initials(name)
            fits = [s for s in self.plain.get(plain_name(name), ())
                    if not initials or all(_initials(n) in (set(), initials)
                                           for n in (s.name, *s.variants)
                                           if plain_name(n) == plain_name(name))]
        doubt = None
        if not fits and not surname:
            fits, doubt = self._shortened(name)
        if not fits and surname:
            fits = list(self.surnames.get(normalise(surname), ()))
        if not fits:
            fits, doubt = self._misspelt(tuple(dict.fromkeys(
                p for p in (label, *variants) if p)), day)
        if len(fits) > 1:
            # A label such as THE PRESIDENT names whoever held the role that day.
            dated = [s for s in fits if not s.roles or s.roles_on(day)]
            fits = dated or fits
        if len(fits) == 1:
            return Resolution("known", fits[0].id,
                              doubt=doubt or self._label_doubt(fits[0], label, variants))
        if fits:
            return Resolution("ambiguous", None, tuple(s.id for s in fits))
        base = slug(name) or "speaker"
        new_id, number = base, 1
        while new_id in self.registry:
            number += 1
            new_id = f"{base}-{number}"
        return Resolution("new", new_id)

    def _shortened(self, name: str) -> tuple[list[Speaker], str | None]:
        """The one person whose name this one shortens or lengthens, and the doubt saying
        so: "Luisana Pérez" is "Luisana Pérez Fernández" (a compound surname printed
        short, accents dropped), "Keisha Bottoms" is "Keisha Lance Bottoms". The first
        word must be the same, and every word of the shorter name be in the longer, in
        order. Several people fitting is no answer."""
        words = _folded(name)
        if len(words) < 2:
            return [], None
        found: dict[str, tuple[Speaker, str]] = {}
        for speaker in self.firsts.get(words[0], ()):
            for printed in (speaker.name, *speaker.variants):
                theirs = _folded(printed)
                if len(theirs) >= 2 and theirs != words and (
                        _within(words, theirs) or _within(theirs, words)):
                    found.setdefault(speaker.id, (speaker, printed))
        if len(found) != 1:
            return [], None
        [(speaker, printed)] = found.values()
        return [speaker], f"name {name!r} taken for {speaker.name} (the same as {printed!r}, " \
                          "one shortened)"

    def _misspelt(self, printed: tuple[str, ...], day: str) -> tuple[list[Speaker], str | None]:
        """The one speaker a label misspells (and the doubt saying so), or nobody.

        A person's label has an office or honorific and a name (two words at least); an
        anonymous role's may be one word (MODERTOR is MODERATOR, OPERATOR is not). The
        office must fit (only one word differs, so the rest of the label, its office
        words included, is the same) and so must the dates: a speaker with dated roles
        holds one of them on ``day``. Several speakers fitting is no answer.
        """
        for label in printed:
            one_word = len(label_key(label).split()) < 2
            found: dict[str, tuple[Speaker, str]] = {}
            for key, speakers in self.names.items():
                if not misspelt(label, key):
                    continue
                for speaker in speakers:
                    if (one_word and speaker.kind == "person"
                            or speaker.roles and not speaker.roles_on(day)):
                        continue
                    variant = next((v for v in (*speaker.variants, speaker.name)
                                    if normalise(v) == key), key)
                    found.setdefault(speaker.id, (speaker, variant))
            if len(found) == 1:
                [(speaker, variant)] = found.values()
                return [speaker], (f"label {label!r} taken for {speaker.name} "
                                   f"(close to {variant!r})")
        return [], None

    @staticmethod
    def _label_doubt(speaker: Speaker, label: str | None, variants: tuple[str, ...]) -> str | None:
        """A doubt when the turn's ``label`` is none of the speaker's known labels but
        misspells one of them, or misspells the label the importer took it for
        (``variants``): a misspelt label resolved by its likeness, not by itself."""
        if not label:
            return None
        key = label_key(label)
        for known in ((speaker.name, *speaker.variants), variants):
            if any(key == label_key(v) for v in known):
                return None
            close = next((v for v in known if misspelt(label, v)), None)
            if close is not None:
                return f"label {label!r} taken for {speaker.name} (close to {close!r})"
        return None


def _folded(name: str) -> list[str]:
    """The words of a name without case, accents or middle initials."""
    text = unicodedata.normalize("NFKD", plain_name(name))
    return "".join(c for c in text if not unicodedata.combining(c)).split()


def _within(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` in ``long``, in order, the first ones the same."""
    rest = iter(long[1:])
    return len(short) < len(long) and short[0] == long[0] and all(w in rest for w in short[1:])


def _unordered(name: str) -> str:
    return " ".join(sorted(normalise(name).split()))


def resolve(name: str, day: str, registry: dict[str, Speaker]) -> Resolution:
    """Find the speaker printed as ``name`` on ``day`` (ISO date)."""
    return Index(dict(registry)).resolve(name, day)
