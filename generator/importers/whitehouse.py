"""White House briefing-room pages (Markdown conversions with YAML front matter).

After the front matter come a place line (or two) and a time line (``4:44 P.M. EST``),
then the turns: upper-case labels with a colon (``MS. JEAN-PIERRE:``, sometimes
indented), reporters as ``Q`` with no colon, stage notes such as ``(Laughter.)`` and a
closing ``END 3:24 P.M. EST``. Lines are hard-wrapped; a line holding only spaces ends
a paragraph. Markdown markup is stripped (``markup``); labels become people
(``labels``); a page with no labels at all is one statement by whoever the title names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import ImportFailure
from generator.importers import frontmatter, labels, markup, reader
from generator.importers.base import Block, Draft, DraftPerson, Meta, Source

PUBLISHER = "The White House"

_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][A-Z.’'\-]*|H\.E\.)(?: {1,2}[A-Z][A-Z.’'\-]*){0,6}"
    r"(?: \([^()]{1,60}\))?) ?:(?: +(?P<text>.*))?$"
)
_Q = re.compile(r"^Q(?::? +(?P<text>.*)|:?$)")
_Q_INSIDE = re.compile(r"^Q(?::? {2,}| +[—–]|: +)")  # a Q that starts a line inside a block
_ORGANISATION = re.compile(
    r"\b(?:Team|Officials?|Council|Administration|Office|Department|House|Members?|Task Force)\b"
)


@dataclass
class _Paragraph:
    line: int
    """Line of the source where the paragraph starts."""
    lines: list[str]
    """Its lines, spaces normalised, list markers removed."""

    def text(self, joiner: str = " ") -> str:
        return markup.squeeze(markup.strip("\n".join(self.lines)).replace("\n", joiner))


def _person_label(label: str) -> bool:
    """A label that may start a line inside a block: it looks like a person or role."""
    first = label.split()[0]
    return labels.is_honorific(first) or labels.is_role(label)


def _paragraphs(lines: list[str], first: int) -> list[_Paragraph]:
    """Cut the body into paragraphs: blank lines, labels, Q and list items start one."""
    found: list[_Paragraph] = []
    current: _Paragraph | None = None
    for number, raw in enumerate(lines, start=first):
        line = markup.spaces(raw)
        text = line.strip()
        if not text:
            current = None
            continue
        marker = markup.list_marker(line)
        starts = current is None or marker > 0 or _Q_INSIDE.match(text) is not None
        if not starts and (label := _LABEL.match(text)):
            starts = _person_label(label["label"])
        if starts:
            current = _Paragraph(number, [])
            found.append(current)
        assert current is not None
        current.lines.append(line[marker:].strip() if marker else text)
    return found


def _slug_id(url: str | None, day: str, file: str) -> str:
    """``<date>-<last part of the page's address>`` (the file name when there is no address)."""
    slug = (url or "").rstrip("/").rsplit("/", 1)[-1] or file.rsplit("/", 1)[-1]
    slug = re.sub(r"\.md$", "", slug)
    if not slug.startswith(day):
        slug = f"{day}-{slug}"
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
    if len(slug) > 120:
        # Keep a trailing number: "...-john-kirby-24" and "...-25" are different pages.
        number = re.search(r"-\d+$", slug)
        suffix = number[0] if number else ""
        slug = slug[: 121 - len(suffix)].rsplit("-", 1)[0] + suffix
    return slug


def _title_person(title: str, day: str) -> DraftPerson | None:
    """The speaker a title names ("Remarks as Delivered by John Podesta ..."), if any."""
    match = re.search(r"\bby (.+)", title)
    if not match:
        return None
    ends = r"[,:;]| (?:Press|News) (?:Conference|Briefing|Call)\b| [-–—] "
    chunk = re.split(rf"{ends}| (?:and|at|in|on|to|of|for|before|during) ", match[1])[0]
    words = chunk.split()
    while words and labels.is_honorific(words[0]):
        words.pop(0)
    if not words:
        return None
    short = " ".join(words)
    if len(words) == 1:
        honorific = chunk[: chunk.rfind(short)].upper()
        # "President Biden": the office table knows his full name.
        if honorific.strip():
            return labels.person(f"{honorific.strip()} {short.upper()}", day, [title])
        return None
    if len(words) > 4 or _ORGANISATION.search(short) or not all(
        w[:1].isupper() for w in words
    ):
        return None
    return DraftPerson(short)


class WhiteHouseImporter:
    """Reads the White House briefing room's pages."""

    name = "whitehouse"

    def detect(self, source: Source) -> bool:
        text = source.text
        head = text[:2000]
        return frontmatter.has_front_matter(text) and "whitehouse" in head and "title:" in head

    def parse(self, source: Source) -> Draft:
        text, file = source.text, source.file
        meta, start = frontmatter.split(text, file)
        for key in ("title", "date"):
            if not meta.get(key):
                raise ImportFailure(file, f"front matter has no {key!r}", 1)
        title = markup.squeeze(markup.strip(markup.spaces(str(meta["title"]))))
        day = str(meta["date"])
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            raise ImportFailure(file, f"front matter 'date' must be YYYY-MM-DD, found {day!r}", 2)
        url = meta.get("source_url")
        found = Meta(title=title, date=day, publisher=PUBLISHER, url=str(url) if url else None)
        paragraphs = _paragraphs(text.split("\n")[start:], start + 1)
        paragraphs = [p for p in paragraphs if re.search(r"\w", p.text())]
        if not paragraphs:
            raise ImportFailure(file, "no transcript text after the front matter", start + 1)
        body = self._header(found, paragraphs)
        if not body:
            raise ImportFailure(file, "no transcript text after the front matter", start + 1)
        # Words before the first label are the person the title names, else the office's.
        opening = _title_person(title, day) or DraftPerson(PUBLISHER, kind="role")
        draft = reader.read_blocks(
            [Block(p.text(), p.line) for p in body], found, source,
            layout="White House briefing room: upper-case labels, Q", opening=opening,
            evidence=reader.Evidence(upper_labels=True))
        draft.id = _slug_id(url, draft.date, file)
        if title.upper().startswith("CORRECTED") or "/corrected-" in str(url or ""):
            draft.supersedes = draft.id.replace("-corrected-", "-", 1)
        return draft

    @staticmethod
    def _header(found: Meta, paragraphs: list[_Paragraph]) -> list[_Paragraph]:
        """Take the place and time lines off the top; return the rest."""
        for index, paragraph in enumerate(paragraphs[:4]):
            text = paragraph.text()
            if _LABEL.match(text) or _Q.match(text):
                break
            if reader.TIME.match(text):
                places = [p.text(", ") for p in paragraphs[:index]]
                found.place = ", ".join(places) or None
                found.time = text
                return paragraphs[index + 1:]
        return paragraphs
