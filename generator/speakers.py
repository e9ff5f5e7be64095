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


def resolve(name: str, day: str, registry: dict[str, Speaker]) -> Resolution:
    """Find the speaker printed as ``name`` on ``day`` (ISO date)."""
    wanted = normalise(name)
    fits = [
        s for s in registry.values()
        if wanted == normalise(s.name) or wanted in {normalise(v) for v in s.variants}
    ]
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
    while new_id in registry:
        number += 1
        new_id = f"{base}-{number}"
    return Resolution("new", new_id)
