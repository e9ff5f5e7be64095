"""Any plain-text or Markdown transcript: its header and its paragraphs, by its own layout.

The layout is learned from the document: whether a blank line ends a paragraph (and
lines in between are hard-wrapped) or every line is a paragraph; whether the text is
quoted (``> ``); indentation and padding (tabs, non-breaking spaces) are layout. The
header above the first speaker label gives the title, date, place and time; lines a
page scraper adds (``Cite:``, the address, ``For Immediate Release``...) are page
furniture, never the title. Speakers are then found by the general reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from urllib.parse import urlparse

from generator.errors import ImportFailure
from generator.importers import frontmatter, markup, reader
from generator.importers.base import Block, Draft, Meta, Source

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATES = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(rf"\b(?P<mon>{_MONTH}) (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<mon>{_MONTH}),? (?P<y>\d{{4}})\b", re.I),
)
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})/(?P<d>\d{2})/")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
# Lines a page or a scraper adds around a transcript: not the speakers' words.
_FURNITURE = re.compile(
    r"^(?:cite:?|for immediate release|the white house|office of the press secretary|"
    r"office of the vice president|_{3,}|-{3,}|={3,}|\*{3,}|transcript|print|share|"
    r"remarks|briefings? (?:&|and) statements|speeches (?:&|and) remarks|press briefings?|"
    r"embargoed.*|as prepared for delivery|as delivered|home|menu)$", re.I)


@dataclass
class Header:
    """What the lines above the first label say."""

    meta: Meta = field(default_factory=Meta)
    body: int = 0
    """Index of the first line of the body."""
    furniture: list[int] = field(default_factory=list)
    """Indexes of the lines that are page furniture (not transcript)."""


def iso(match: re.Match[str]) -> str | None:
    """The ISO date a match of one of the date patterns names (None if it does not exist)."""
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else next(
        (n for n, name in enumerate(_MONTHS, 1) if name.startswith(groups["mon"][:3].lower())),
        0)
    try:
        return Date(int(groups["y"]), month, int(groups["d"])).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first date written in ``text`` (``March 3, 2019``, ``3 March 2019``, ISO)."""
    found = [(m.start(), iso(m)) for pattern in _DATES for m in pattern.finditer(text)]
    found = [item for item in found if item[1]]
    return min(found)[1] if found else None


def _is_date_line(line: str) -> bool:
    stripped = re.sub(r"^(?:for immediate release|issued on:?|date:?|dated)\s*", "", line,
                      flags=re.I)
    return any(p.fullmatch(stripped.strip(" .")) for p in _DATES)


def lines_of(text: str) -> list[str]:
    """The lines of ``text``, spacing characters made plain spaces, ends trimmed."""
    return [markup.spaces(line).strip() for line in text.splitlines()]


def _unquote(lines: list[str]) -> tuple[list[str], bool]:
    """Lines of a quoted transcript (``> `` before every line) without the quote marks."""
    filled = [line for line in lines if line]
    if filled and sum(line.startswith(">") for line in filled) >= 0.8 * len(filled):
        return [re.sub(r"^>+ ?", "", line).strip() for line in lines], True
    return lines, False


def header(lines: list[str], first: int, front: dict) -> Header:
    """Read the header: lines from ``first`` up to the first label or time line."""
    result = Header(body=first)
    meta = result.meta
    meta.title = _front(front, "title")
    meta.date = _front(front, "date")
    meta.url = _front(front, "source_url") or _front(front, "url")
    meta.publisher = _front(front, "publisher")
    meta.place = _front(front, "place")
    runs: list[list[int]] = [[]]
    end = first
    for index in range(first, min(len(lines), first + 40)):
        line = lines[index]
        end = index
        if not line:
            runs.append([])
            continue
        if reader.TIME.match(line):
            meta.time = line
            end = index + 1
            break
        if _URL.match(line):
            meta.url = meta.url or line
            result.furniture.append(index)
        elif _is_date_line(line):
            meta.date = meta.date or find_date(line)
            result.furniture.append(index)
            runs.append([])
        elif _FURNITURE.match(line.strip(" :")) or re.match(
                r"^for immediate release\b", line, re.I):
            if line.lower() == "the white house" and not meta.publisher:
                meta.publisher = "The White House"
            meta.date = meta.date or find_date(line)
            result.furniture.append(index)
            runs.append([])
        elif reader.candidate(Block(line, index + 1)) is not None:
            break
        else:
            runs[-1].append(index)
    header_runs = [run for run in _by_case(runs, lines) if run]
    if meta.time is None:
        # No time line closes the header: the first line is the title and short lines
        # right after it a place; a sentence is already the transcript's text.
        used = [i for run in header_runs for i in run]
        kept = used[:1] if used and _short(lines[used[0]], 160) else []
        for index in used[1:3]:
            if index != kept[-1] + 1 or not _short(lines[index], 60):
                break
            kept.append(index)
        header_runs = [kept[:1], kept[1:]] if not meta.title else [kept]
        last = kept[-1] + 1 if kept else first
        result.body = max([last, *(i + 1 for i in result.furniture if i < last + 2)])
    else:
        result.body = end
    header_runs = [run for run in header_runs if run]
    if not meta.title and header_runs:
        meta.title = " ".join(lines[i] for i in header_runs[0])
        header_runs = header_runs[1:]
    if header_runs and not meta.place:
        meta.place = ", ".join(lines[i].rstrip(" ,") for run in header_runs for i in run)
    if not meta.date:
        meta.date = find_date(meta.title or "") or _url_date(meta.url)
    if not meta.publisher and meta.url:
        meta.publisher = urlparse(meta.url if "//" in meta.url else "//" + meta.url).hostname
    return result


def _short(line: str, width: int) -> bool:
    """A header line: not longer than ``width``, not a sentence, not a label."""
    return len(line) <= width and not re.search(r"[.?!:;]$", line)


def _by_case(runs: list[list[int]], lines: list[str]) -> list[list[int]]:
    """Split runs where the case changes (an upper-case title above a place in mixed case)."""
    split: list[list[int]] = []
    for run in runs:
        current: list[int] = []
        for index in run:
            if current and lines[index].isupper() != lines[current[-1]].isupper():
                split.append(current)
                current = []
            current.append(index)
        split.append(current)
    return split


def _front(front: dict, key: str) -> str | None:
    value = front.get(key)
    return markup.squeeze(markup.strip(str(value))) if value else None


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    return iso(match) if match else None


def blocks(lines: list[str], first: int, skip: set[int], markdown: bool) -> tuple[list[Block], str]:
    """Cut the body into paragraphs; return them and a description of the layout."""
    body = [(i, line) for i, line in enumerate(lines) if i >= first and i not in skip]
    filled = [line for _, line in body if line]
    gaps = sum(1 for (_, a), (_, b) in zip(body, body[1:], strict=False) if a and not b)
    separated = gaps >= 0.2 * max(len(filled), 1)
    runs: list[list[tuple[int, str]]] = [[]]
    for index, line in body:
        if not line:
            runs.append([])
        else:
            runs[-1].append((index, line))
    found: list[Block] = []
    layout = "blank lines between paragraphs" if separated else "one paragraph per line"
    alone = 0
    for run in runs:
        if not run:
            continue
        wrapped = separated and all(len(line) <= 100 for _, line in run[:-1])
        current: list[tuple[int, str]] = []
        for index, line in run:
            starts = not current or not wrapped or _opens(line)
            if current and len(current) == 1 and _alone(current[0][1]):
                # "Chris Wallace:" alone on its line: the next line holds the words.
                starts, alone = False, alone + 1
            if starts and current:
                found.append(_block(current, markdown))
                current = []
            current.append((index, line))
        if current:
            found.append(_block(current, markdown))
    if alone:
        layout += "; labels alone on their line"
    return found, layout


def _opens(line: str) -> bool:
    """A line that starts a paragraph of its own inside a run: it opens with a label shape,
    or it is an ``END`` or time line."""
    return bool(reader.END.match(line) or reader.TIME.match(line)
                or reader.candidate(Block(line, 0)) is not None)


def _alone(line: str) -> bool:
    """A label standing alone on its line (``Chris Wallace:``)."""
    found = reader.candidate(Block(line, 0))
    return found is not None and not found.text


_BOLD = re.compile(r"^(\*\*|__)(?P<bold>[^*_\n]{1,80}?)\1")


def _unbold(line: str) -> str:
    """``**Jane Doe:** text`` → ``Jane Doe: text``."""
    match = _BOLD.match(line)
    return match["bold"] + line[match.end():] if match else line


def _block(lines: list[tuple[int, str]], markdown: bool) -> Block:
    text = markup.squeeze(" ".join(line for _, line in lines))
    bold = None
    if len(lines) > 1 and _alone(lines[0][1]):
        # A label alone on its line above the words: the layout itself marks it.
        bold = markup.squeeze(lines[0][1])
    elif match := _BOLD.match(text):
        # "**Jane Doe:** text" or "**Jane Doe**: text": the bold is a label candidate.
        bold = match["bold"]
        text = bold + text[match.end():]
    if markdown:
        text = markup.squeeze(markup.strip(text))
    return Block(text, lines[0][0] + 1, bold=bold)


class TextImporter:
    """The general reader of any text: plain text, Markdown, quoted, padded or tabbed."""

    name = "generic"

    def detect(self, source: Source) -> bool:
        """Text (not binary) in which some line opens with the shape of a speaker label."""
        try:
            text = source.text
        except ImportFailure:
            return False
        lines, _ = _unquote(lines_of(text))
        return "\x00" not in text[:4096] and any(
            _opens(_unbold(line)) for line in lines if line)

    def parse(self, source: Source) -> Draft:
        text = source.text
        front: dict = {}
        start = 0
        if frontmatter.has_front_matter(text):
            front, start = frontmatter.split(text, source.file)
        lines, quoted = _unquote(lines_of(text))
        head = header(lines, start, front)
        markdown = bool(front) or source.suffix in ("md", "markdown")
        found, layout = blocks(lines, head.body, set(head.furniture), markdown)
        if quoted:
            layout = "quoted (> ); " + layout
        draft = reader.read_blocks(found, head.meta, source, layout=layout)
        if sum(turn.label is not None for turn in draft.turns) < 2:
            raise ImportFailure(
                source.file, "no speaker turns found: expected at least two paragraphs starting "
                "with a speaker label such as 'Jane Doe:' or 'MS. DOE:' (try --format)",
                head.body + 1)
        return draft

