"""What the structured exports share: finding their fields, reading times, the event's metadata.

Transcription services and data sets name the same fields differently (``speaker`` or
``speaker_name``, ``text`` or ``transcript``, ``start`` or ``start_time``). Keys and
column names are compared without case, spaces or punctuation against the common names
below, the first that fits wins, and ``--map speaker=KEY,text=KEY,start=KEY``
(``Source.mapping``) names them when none fits. Times are kept as ``HH:MM:SS``, with
``.mmm`` only when the source has a fraction of a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from generator.errors import ImportFailure
from generator.importers import markup, reader
from generator.importers.base import Block, Doubt, Draft, Meta, Source
from generator.model import EVENT_KINDS

FIELDS: dict[str, tuple[str, ...]] = {
    "speaker": ("speaker", "speakername", "name", "who", "label", "speakerlabel",
                "participant", "person", "author", "voice"),
    "text": ("text", "content", "transcript", "utterance", "words", "sentence", "body",
             "message", "caption", "elements"),
    "start": ("start", "starttime", "startms", "startseconds", "startsec", "begin",
              "begintime", "timestamp", "time", "ts", "offset", "startoffset", "from"),
}
"""Common names of the fields of one turn (or row), normalised, in order of preference."""

_META: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "eventdate", "recordedon", "recordedat", "recorded"),
    "place": ("place", "location", "venue", "city"),
    "event": ("event", "eventkind", "kind"),
    "publisher": ("publisher", "organisation", "organization"),
    "url": ("url", "sourceurl", "link", "href"),
    "time": ("time", "timeofday"),
}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December")
_DATE = re.compile(rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|"
                   rf"\d{{1,2}} (?:{_MONTHS}) \d{{4}})\b")
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")


def normal(key: str) -> str:
    """A key as compared: lower case, letters and digits only (``Speaker Name``:
    ``speakername``)."""
    return re.sub(r"[^a-z0-9]", "", key.lower())


def check_mapping(source: Source) -> None:
    """Refuse a ``--map`` that names a field no structured export has."""
    unknown = sorted(set(source.mapping) - set(FIELDS))
    if unknown:
        raise ImportFailure(source.file, f"--map: unknown field {unknown[0]!r} "
                            f"(known: {', '.join(FIELDS)})")


def names(keys: Iterable[str]) -> str:
    """Keys for a message: ``'a', 'b'``, the first eight."""
    keys = list(keys)
    shown = ", ".join(repr(key) for key in keys[:8])
    return shown + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")


def pick(keys: Iterable[str], field: str, source: Source, what: str = "key") -> str | None:
    """The key (or column) holding ``field`` among ``keys``: the mapped one, else the first
    common name present, else None. A mapped key that is not there is an error."""
    keys = list(dict.fromkeys(keys))
    by_normal: dict[str, str] = {}
    for key in keys:
        by_normal.setdefault(normal(key), key)
    if field in source.mapping:
        wanted = source.mapping[field]
        if wanted in keys or normal(wanted) in by_normal:
            return wanted if wanted in keys else by_normal[normal(wanted)]
        raise ImportFailure(source.file, f"--map {field}={wanted}: no {what} of that name "
                            f"(found {names(keys)})")
    return next((by_normal[name] for name in FIELDS[field] if name in by_normal), None)


def in_milliseconds(key: str) -> bool:
    """Tell whether a start key counts milliseconds (``start_ms``); otherwise seconds."""
    return normal(key).endswith(("ms", "millis", "milliseconds"))


def milliseconds(value: Any, per_unit: int = 1000) -> int | None:
    """A time in the recording, in milliseconds: ``HH:MM:SS(.mmm)``, ``MM:SS``, or a number
    of seconds (of ``per_unit`` milliseconds each); None when ``value`` is none of these."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if match := _CLOCK.match(text):
            hours, minutes, seconds, fraction = match.groups()
            if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
                return None
            return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(
                (fraction or "0").ljust(3, "0"))
        try:
            value = float(text)
        except ValueError:
            return None
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        return None
    return round(value * per_unit)


def clock(ms: int) -> str:
    """``HH:MM:SS``, or ``HH:MM:SS.mmm`` when there is a fraction of a second."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{text}.{millis:03d}" if millis else text


def timecode(value: str) -> str | None:
    """A start time as the archive keeps it (``HH:MM:SS`` or ``HH:MM:SS.mmm``), from any
    form ``milliseconds`` reads (``1:02`` as printed in a label); None when unreadable."""
    ms = milliseconds(value)
    return clock(ms) if ms is not None else None


def day(value: Any) -> str | None:
    """An ISO date from a date, a date-time or a printed date; other text is returned as it
    is (the reader then names it as not ``YYYY-MM-DD``); None when there is nothing."""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    return date_in(text) or text


def date_in(text: str) -> str | None:
    """The first date printed in ``text`` (``2019-03-03``, ``March 3, 2019``, ``3 March
    2019``), as an ISO date."""
    for match in _DATE.finditer(text):
        for pattern in ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y"):
            try:
                return datetime.strptime(match[1], pattern).date().isoformat()
            except ValueError:
                continue
    return None


def meta_of(data: Mapping[str, Any]) -> Meta:
    """The event's metadata among a file's top-level keys (or header lines): ``title``,
    ``date``, ``place``, ``event``, ``publisher``, ``url``, ``time``, by their common names.
    Only text counts; an event kind the archive does not know is left out."""
    by_normal: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str | date) and value:
            by_normal.setdefault(normal(str(key)), value)
    found = {field: next((by_normal[n] for n in keys if n in by_normal), None)
             for field, keys in _META.items()}
    meta = Meta(**{k: squeeze(v) if isinstance(v, str) else None for k, v in found.items()})
    meta.date = day(found["date"])
    if meta.event not in EVENT_KINDS:
        meta.event = None
    return meta


def squeeze(text: str) -> str:
    """Words with spacing characters made spaces and runs of spaces collapsed."""
    return markup.squeeze(markup.spaces(text))


def speaker_name(value: Any) -> str | None:
    """A speaker's name as the data gives it (None when it gives none); diarisation's bare
    numbers and letters (``0``, ``"B"``) become ``Speaker 0``, ``Speaker B``, which the
    reader knows name nobody."""
    if isinstance(value, dict):
        value = next((value[k] for k in ("name", "label", "display_name") if value.get(k)), None)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Speaker {value}"
    if not isinstance(value, str) or not value.strip():
        return None
    name = squeeze(value)
    if name.isdigit() or (len(name) == 1 and name.isalpha() and name.upper() != "Q"):
        return f"Speaker {name}"
    return name


def paragraphs(text: str) -> list[str]:
    """The paragraphs of one turn's text: split at blank lines, spaces squeezed."""
    return [p for part in re.split(r"\n\s*\n", text) if (p := squeeze(part))]


def start_of(value: Any, per_unit: int, line: int, doubts: list[Doubt]) -> str | None:
    """A turn's start time as ``HH:MM:SS.mmm``; a value that is no time is a doubt."""
    if value is None or value == "":
        return None
    ms = milliseconds(value, per_unit)
    if ms is None:
        doubts.append(Doubt(line, f"start time {value!r} not read: expected seconds or HH:MM:SS"))
        return None
    return clock(ms)


def turn_blocks(text: str, line: int, speaker: str | None, start: str | None) -> list[Block]:
    """The paragraphs of one turn of structured data; the first keeps the turn's start."""
    return [Block(words, line, speaker=speaker, start=start if number == 0 else None)
            for number, words in enumerate(paragraphs(text))]


def from_name(file: str) -> Meta:
    """What a file's name says: an ISO date in it, and the rest as a title
    (``2031-05-06-harbour-briefing.vtt`` → 2031-05-06, ``Harbour briefing``)."""
    stem = PurePath(file).stem
    found = date_in(stem)
    rest = re.sub(r"\d{4}-\d{2}-\d{2}", " ", stem) if found else stem
    title = squeeze(re.sub(r"[-_.]+", " ", rest))
    title = title[:1].upper() + title[1:] if re.search(r"[^\W\d_]", title) else ""
    return Meta(title=title or None, date=found)


def finish(blocks: list[Block], found: Meta, source: Source, *, layout: str,
           doubts: Iterable[Doubt] = ()) -> Draft:
    """The draft of a structured file: its blocks read into turns by the general reader.

    A title or date that neither the file nor the command line gives is taken from the
    file's name, and said so in a doubt; ``doubts`` are the importer's own.
    """
    own = list(doubts)
    named = from_name(source.file)
    for field in ("title", "date"):
        if not getattr(found, field) and not getattr(source.given, field) \
                and getattr(named, field):
            setattr(found, field, getattr(named, field))
            own.append(Doubt(1, f"{field} taken from the file name: {getattr(named, field)!r}"))
    draft = reader.read_blocks(blocks, found, source, layout=layout)
    draft.doubts = sorted(draft.doubts + own, key=lambda doubt: doubt.line)
    return draft
