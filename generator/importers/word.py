"""Word documents (``.docx``, read with ``python-docx``): one block per paragraph.

Bold runs at the start of a paragraph are reported as ``Block.bold``, the label the
general reader looks for first (``**Jane Doe:** Thank you.``). The title is the
document's title property, else its first paragraph (not repeated as text). The date is
the first one printed in the title or the first paragraphs (a paragraph that is only a
date is dropped as metadata); else the document's creation date, with a doubt, since a
file is often made after the event. Tables are not read (a doubt says how many).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator.errors import ImportFailure
from generator.importers import structured
from generator.importers.base import Block, Doubt, Draft, Meta, Source

# python-docx's own template carries this creation date: it says nothing about the event.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)
_HEAD = 5
"""Paragraphs after the title searched for the date."""


class DocxImporter:
    """Word documents (``.docx``, or a zip holding ``word/document.xml``)."""

    name = "docx"

    def detect(self, source: Source) -> bool:
        if source.suffix == "docx":
            return True
        if not source.data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
                return "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            return False

    def parse(self, source: Source) -> Draft:
        try:
            document = docx.Document(io.BytesIO(source.data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
            raise ImportFailure(source.file, f"cannot read as a Word document (.docx): "
                                f"{error or type(error).__name__}") from None
        blocks = [block for number, paragraph in enumerate(document.paragraphs, start=1)
                  if (block := _block(paragraph, number)) is not None]
        properties = document.core_properties
        title = structured.squeeze(properties.title or "")
        if blocks and (not title or blocks[0].text == title):
            title = blocks.pop(0).text
        found = Meta(title=title or None)
        doubts: list[Doubt] = []
        for block in [None, *blocks[:_HEAD]]:
            found.date = structured.date_in(block.text if block else title)
            if found.date:
                if block is not None and _only_date(block.text):
                    blocks.remove(block)
                break
        created = properties.created
        if not found.date and created and created.replace(tzinfo=UTC) != _TEMPLATE_CREATED:
            found.date = created.date().isoformat()
            doubts.append(Doubt(1, f"date {found.date} is when the document was created "
                                "(no date printed in it): give --date if the event was "
                                "another day"))
        if document.tables:
            count = len(document.tables)
            doubts.append(Doubt(1, f"{count} table{'s' if count > 1 else ''} not read: "
                                "only paragraphs are"))
        return structured.finish(blocks, found, source, doubts=doubts,
                                 layout="docx: a block per paragraph, bold labels")


def _block(paragraph: Paragraph, number: int) -> Block | None:
    """One Word paragraph as a block (None when it is empty), with the bold text it
    starts with."""
    text = structured.squeeze(paragraph.text)
    if not text:
        return None
    bold = ""
    for run in paragraph.runs:
        if not run.text.strip():
            bold += run.text  # a space between two bold runs
            continue
        if not _is_bold(run):
            break
        bold += run.text
    bold = structured.squeeze(bold)
    return Block(text, number, bold=bold if bold and text.startswith(bold) else None)


def _is_bold(run: Run) -> bool:
    """Bold set on the run, or by its character style (``Strong``)."""
    if run.bold is not None:
        return bool(run.bold)
    style = run.style
    return bool(style is not None and style.font.bold)


def _only_date(text: str) -> bool:
    """Tell whether a paragraph says nothing but a date (``March 3, 2019``)."""
    rest = re.sub(r"\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|"
                  r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", "", text)
    return not re.sub(r"[\s,.;:–—-]", "", rest)
