"""What every importer produces: a draft transcript that names speakers as printed.

An importer only reads text. Resolving printed names to registry speakers happens
afterwards (``generator.speakers``), the same way for every publisher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class DraftPerson:
    """A speaker as the source names them."""

    name: str
    """Name as printed (``Fumio Kishida``)."""
    role: str | None = None
    """Role as printed (``Japanese Foreign Minister``)."""
    country: str | None = None
    """Country they represent, when the source says."""
    kind: str = "person"
    """``person``, or ``role`` for an anonymous official (``SENIOR ADMINISTRATION OFFICIAL``)."""
    surname: str | None = None
    """Set when the source gives only a surname (``MR. KIRBY``): the registry may know more."""
    variants: list[str] = field(default_factory=list)
    """Other printed forms (labels) to record in the registry for a new speaker."""


@dataclass
class DraftTurn:
    """A turn before speakers are resolved."""

    kind: str
    """Turn kind (see ``generator.model.TURN_KINDS``)."""
    name: str | None
    """Printed name of the speaker, or None for an unnamed journalist."""
    label: str | None = None
    """The label exactly as printed, without the colon."""
    note: str | None = None
    """Note about the turn."""
    to: list[str] = field(default_factory=list)
    """Printed names the turn is addressed to."""
    paragraphs: list[str] = field(default_factory=list)
    """Paragraphs exactly as printed."""
    line: int = 0
    """Line of the source where the turn starts (for messages)."""


@dataclass
class Draft:
    """A transcript as read from one raw file."""

    title: str
    date: str
    """ISO date."""
    event: str
    """Event kind (see ``generator.model.EVENT_KINDS``)."""
    publisher: str
    place: str | None = None
    url: str | None = None
    participants: list[DraftPerson] = field(default_factory=list)
    """Principal speakers: the first is the one the title is about."""
    turns: list[DraftTurn] = field(default_factory=list)
    time: str | None = None
    """Time of day as printed (``4:44 P.M. EST``)."""
    id: str | None = None
    """The transcript id, when the source provides one (else built from date and names)."""
    supersedes: str | None = None
    """Id of an earlier transcript that this one corrects."""
    people: dict[str, DraftPerson] = field(default_factory=dict)
    """What the importer knows about the printed names of the turns, by name."""


class Importer(Protocol):
    """One publisher's format."""

    name: str
    """Short name used by ``--format`` and recorded in ``source.format``."""

    def detect(self, text: str) -> bool:
        """Tell whether ``text`` looks like this format."""
        ...

    def parse(self, text: str, file: str) -> Draft:
        """Read ``text``; raise ``ImportFailure`` naming the line when it cannot."""
        ...
