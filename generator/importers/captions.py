"""Captions: WebVTT (``webvtt-py``) and SRT (``srt``), cues merged into paragraphs.

Who speaks is marked by voice tags (``<v Jane Doe>``: the data names the speaker) or by
a ``Name:`` at the start of a cue, as transcribers write it when the speaker changes (the
general reader then decides whether it is a label); ``>>`` also marks a change of
speaker. A cue without a mark continues the current speaker.

Cues are merged into paragraphs. A new paragraph starts at a change of speaker, at a
cue that is a stage note alone (``[Applause]``), and within one speaker's run when

- the cue starts ``PAUSE_MS`` (2 s) or more after the previous cue ended, or
- the paragraph holds ``PARAGRAPH_WORDS`` (80) words or more and its last cue ends a
  sentence (``.``, ``?``, ``!`` or ``…``, closing quotes or brackets allowed after it).

Each paragraph keeps the start time of its first cue.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from generator.errors import ImportFailure
from generator.importers import reader, structured
from generator.importers.base import Block, Doubt, Draft, Meta, Source

PAUSE_MS = 2000
"""A pause this long (milliseconds) between two cues of one speaker ends a paragraph."""
PARAGRAPH_WORDS = 80
"""A paragraph this long (words) ends at the next end of a sentence."""

_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+([^>]+)>")
_TAG = re.compile(r"</?[^>\s]*[^>]*>|\{\\[^}]*\}")  # cue tags, and SRT's {\an8} codes
_TIMING = re.compile(r"^\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->")
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
_STAGE = re.compile(r"^(?:\[[^\[\]]*\]|\([^()]*\))$")  # as the reader's stage notes
_CHANGE = re.compile(r"^>>+\s*")


@dataclass
class Cue:
    """One caption with the part of it one voice speaks."""

    start: int
    """Milliseconds from the start of the recording."""
    end: int
    text: str
    """Words only: tags removed, lines joined, spaces squeezed."""
    line: int
    """Line of the cue's timing line."""
    voice: str | None = None
    """The ``<v>`` tag's name, when there is one."""


class WebVttImporter:
    """WebVTT captions (``.vtt``, or text starting with ``WEBVTT``)."""

    name = "webvtt"

    def detect(self, source: Source) -> bool:
        return source.suffix == "vtt" or source.data.lstrip(b"\xef\xbb\xbf").startswith(
            b"WEBVTT")

    def parse(self, source: Source) -> Draft:
        text = source.text
        try:
            captions = webvtt.from_string(text)
        except (MalformedFileError, MalformedCaptionError) as error:
            raise ImportFailure(source.file, f"not valid WebVTT: {error} (expected a first "
                                "line 'WEBVTT', then cues 'HH:MM:SS.mmm --> HH:MM:SS.mmm')",
                                1) from None
        lines = _lines(text, [c.start_time.in_milliseconds() for c in captions])
        cues = [cue for caption, line in zip(captions, lines, strict=True)
                for cue in _voices(caption.start_time.in_milliseconds(),
                                   caption.end_time.in_milliseconds(), caption.raw_text, line)]
        header = {key.strip(): value for key, _, value in
                  (entry.partition(":") for entry in captions.metadata) if value}
        found = structured.meta_of(header)
        title = structured.squeeze(captions.header_text).lstrip("-–— ").strip()
        found.title = found.title or title or None
        return _finish(cues, found, source, "webvtt")


class SrtImporter:
    """SubRip captions (``.srt``, or text that starts with a cue number and its timing)."""

    name = "srt"

    def detect(self, source: Source) -> bool:
        if source.suffix == "srt":
            return True
        head = source.data[:200].lstrip(b"\xef\xbb\xbf \r\n").split(b"\n")
        return (len(head) > 1 and head[0].strip().isdigit()
                and re.match(rb"^\s*\d+:\d{2}:\d{2},\d{3}\s*-->", head[1]) is not None)

    def parse(self, source: Source) -> Draft:
        text = source.text
        try:
            subtitles = list(srt.parse(text))
        except srt.SRTParseError as error:
            line = text.count("\n", 0, error.expected_start) + 1
            raise ImportFailure(source.file, "not valid SRT: expected a cue number, a line "
                                "'HH:MM:SS,mmm --> HH:MM:SS,mmm' and its text", line) from None
        except srt.TimestampParseError as error:
            raise ImportFailure(source.file, f"not valid SRT: {error}") from None
        starts = [_ms(subtitle.start) for subtitle in subtitles]
        lines = _lines(text, starts)
        cues = [cue for subtitle, line in zip(subtitles, lines, strict=True)
                for cue in _voices(_ms(subtitle.start), _ms(subtitle.end), subtitle.content,
                                   line)]
        return _finish(cues, Meta(), source, "srt")


def _ms(delta: timedelta) -> int:
    return delta // timedelta(milliseconds=1)


def _lines(text: str, starts: list[int]) -> list[int]:
    """The line of each cue's timing line, found in order by its start time (the caption
    libraries keep no line numbers)."""
    timings = [(number, structured.milliseconds(match[1]))
               for number, line in enumerate(text.split("\n"), start=1)
               if (match := _TIMING.match(line))]
    found, position, previous = [], 0, 1
    for start in starts:
        for index in range(position, len(timings)):
            if timings[index][1] == start:
                previous, position = timings[index][0], index + 1
                break
        found.append(previous)
    return found


def _voices(start: int, end: int, raw: str, line: int) -> list[Cue]:
    """The parts of one cue, one per voice tag (a cue may hold two speakers)."""
    parts = _VOICE.split(raw)
    # parts: text before any voice tag, then (name, text) pairs.
    pieces = [(None, parts[0])] + list(zip(parts[1::2], parts[2::2], strict=True))
    cues = []
    for voice, words in pieces:
        clean = structured.squeeze(html.unescape(_TAG.sub("", words)))
        if clean:
            cues.append(Cue(start, end, clean, line,
                            structured.squeeze(voice) if voice else None))
    return cues


def _finish(cues: list[Cue], found: Meta, source: Source, kind: str) -> Draft:
    voiced = any(cue.voice for cue in cues)
    blocks, doubts = paragraphs(cues, voiced)
    if not blocks:
        raise ImportFailure(source.file, "no captions with text found", 1)
    layout = f"{kind}: voice tags" if voiced else f"{kind}: 'Name:' at a change of speaker"
    return structured.finish(blocks, found, source, layout=layout, doubts=doubts)


def paragraphs(cues: Iterable[Cue], voiced: bool) -> tuple[list[Block], list[Doubt]]:
    """Cues merged into paragraph blocks by the rule of this module, with doubts.

    With voice tags (``voiced``) each block names its speaker; otherwise a block that
    starts a speaker's run holds the cue's ``Name:`` for the general reader to judge.
    """
    blocks: list[Block] = []
    doubts: list[Doubt] = []
    current: Block | None = None
    voice: str | None = None
    words, last_end = 0, 0
    for cue in cues:
        text = cue.text
        changed = False
        mark = None  # a "Name:" that opens a cue: the layout marks it as a label
        if voiced:
            changed = cue.voice is not None and cue.voice != voice
            voice = cue.voice or voice
        else:
            if marked := _CHANGE.match(text):
                text, changed = text[marked.end():], True
                if not text:
                    continue
            found = reader.candidate(Block(text, cue.line))
            if found is not None and found.shape in ("colon", "question"):
                changed = True
                mark = found.label if found.shape == "colon" else None
            elif marked:
                doubts.append(Doubt(cue.line, "'>>' marks a change of speaker without a "
                                    "name: the words go to the speaker before"))
        stage = bool(_STAGE.match(text))
        if (current is None or changed or stage or _STAGE.match(current.text)
                or cue.start - last_end >= PAUSE_MS
                or (words >= PARAGRAPH_WORDS and _SENTENCE_END.search(current.text))):
            current = Block(text, cue.line, speaker=None if stage or not voiced else voice,
                            start=structured.clock(cue.start), bold=mark)
            blocks.append(current)
            words = len(text.split())
        else:
            current.text += " " + text
            words += len(text.split())
        last_end = cue.end
    return blocks, doubts
