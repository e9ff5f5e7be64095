"""Resolve printed names to registry speakers, by name variant and date.

Three outcomes, as parliamentary parsers do it: ``known`` (one speaker fits),
``new`` (nobody fits: a new, unreviewed registry entry is proposed) and
``ambiguous`` (several fit on that date: an error naming the candidates).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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
        for table in (self.names, self.surnames, self.unordered):
            for key in [k for k, found in table.items() if speaker in found]:
                table[key] = [s for s in table[key] if s is not speaker]
                if not table[key]:
                    del table[key]

    def resolve(
        self, name: str, day: str, surname: str | None = None, variants: tuple[str, ...] = ()
    ) -> Resolution:
        """Find the speaker printed as ``name`` on ``day`` (ISO date).

        ``variants`` are other printed forms (the label) tried first: a registry entry
        that lists ``PRIME MINISTER KISHIDA`` knows who that is. ``surname`` is given
        when the source names the person by surname only (``MR. KIRBY``): then any
        person of the registry with that last name fits.
        """
        fits: list[Speaker] = []
        for printed in variants:
            fits = fits or list(self.names.get(normalise(printed), ()))
        fits = fits or list(self.names.get(normalise(name), ()))
        if not fits and len(name.split()) >= 2 and not surname:
            fits = list(self.unordered.get(_unordered(name), ()))
        if not fits and surname:
            fits = list(self.surnames.get(normalise(surname), ()))
        if len(fits) > 1:
            # A label such as THE PRESIDENT names whoever held the role that day.
            dated = [s for s in fits if not s.roles or s.roles_on(day)]
            fits = dated or fits
        if len(fits) == 1:
            return Resolution("known", fits[0].id)
        if fits:
            return Resolution("ambiguous", None, tuple(s.id for s in fits))
        base = slug(name) or "speaker"
        new_id, number = base, 1
        while new_id in self.registry:
            number += 1
            new_id = f"{base}-{number}"
        return Resolution("new", new_id)


def _unordered(name: str) -> str:
    return " ".join(sorted(normalise(name).split()))


def resolve(name: str, day: str, registry: dict[str, Speaker]) -> Resolution:
    """Find the speaker printed as ``name`` on ``day`` (ISO date)."""
    return Index(dict(registry)).resolve(name, day)
