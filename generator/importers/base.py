"""What every importer produces: a draft transcript that names speakers as printed.

An importer only reads text. Resolving printed names to registry speakers happens
afterwards (``generator.speakers``), the same way for every publisher.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import PurePath
from typing import Protocol

from generator.errors import ImportFailure


@dataclass
class Meta:
    """What a transcript's file says (or a user supplies) about the event, besides the words."""

    title: str | None = None
    date: str | None = None
    """ISO date (``YYYY-MM-DD``)."""
    place: str | None = None
    event: str | None = None
    """Event kind (see ``generator.model.EVENT_KINDS``)."""
    publisher: str | None = None
    url: str | None = None
    time: str | None = None
    """Time of day as printed."""

    def given(self) -> dict[str, str]:
        """The fields that are set, by name."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name))}


@dataclass
class Source:
    """One raw file to import: its bytes, its name, and what the user says about it."""

    file: str
    """Path as given to the tool (for messages)."""
    data: bytes
    given: Meta = field(default_factory=Meta)
    """Metadata supplied on the command line (``--title``, ``--date``...): it wins."""
    mapping: dict[str, str] = field(default_factory=dict)
    """Column or key names of structured exports (``--map speaker=KEY,text=KEY``)."""
    known: frozenset[str] = frozenset()
    """Names and variants of the registry's speakers, normalised: a label naming one of
    them is a label even when it occurs once."""

    @property
    def suffix(self) -> str:
        """The file's extension, lower case, without the dot (``html``, ``vtt``)."""
        return PurePath(self.file).suffix.lower().lstrip(".")

    @cached_property
    def text(self) -> str:
        """The file decoded as UTF-8 (a byte-order mark dropped); an error if it is not."""
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFailure(self.file, f"cannot read as UTF-8 text: {error}") from None


@dataclass
class Block:
    """One paragraph of a source, before speakers are found.

    Every importer of a layout cuts its file into blocks; the general reader
    (``generator.importers.reader``) finds the speakers and builds the turns.
    """

    text: str
    """The paragraph's words as printed (an inline label included), spaces normalised."""
    line: int
    """Line of the source where it starts (for messages and doubts)."""
    speaker: str | None = None
    """The speaker as structured data names them (a JSON key, a CSV column, a caption's
    voice): authoritative, and ``text`` then holds only the words."""
    bold: str | None = None
    """A label candidate the layout marks: the bold text the paragraph starts with (HTML,
    DOCX, Markdown ``**Name:**``), or a caption cue's opening ``Name:``; exactly as
    printed, colon included if it is inside."""
    start: str | None = None
    """Where the paragraph starts in the recording (``HH:MM:SS`` or ``HH:MM:SS.mmm``)."""


@dataclass
class Doubt:
    """Something the importer could not decide for sure, with the line it is about."""

    line: int
    message: str


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
    starts: list[str | None] = field(default_factory=list)
    """Start time of each paragraph in the recording (captions); empty when unknown."""
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
    layout: str = ""
    """How the file marks speakers, as detected (``label alone on its line``...)."""
    doubts: list[Doubt] = field(default_factory=list)
    """What the importer was unsure of, line by line (shown by ``--dry-run``)."""


class Importer(Protocol):
    """One publisher's format."""

    name: str
    """Short name used by ``--format`` and recorded in ``source.format``."""

    def detect(self, source: Source) -> bool:
        """Tell whether ``source`` looks like this format."""
        ...

    def parse(self, source: Source) -> Draft:
        """Read ``source``; raise ``ImportFailure`` naming the line when it cannot."""
        ...
