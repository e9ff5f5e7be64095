"""CSV and TSV exports: a header row, then one row per turn.

The delimiter is sniffed (comma, semicolon, tab or bar). The header names the columns;
the speaker, text and start columns are found by their common names or ``--map`` (see
``structured``), and only the text column is required. A row is a turn's words, several
paragraphs when the cell holds blank lines; consecutive rows of one speaker make one turn.
"""

from __future__ import annotations

import csv
import io

from generator.errors import ImportFailure
from generator.importers import structured
from generator.importers.base import Block, Doubt, Draft, Meta, Source

_DELIMITERS = ",;\t|"


class TableImporter:
    """Turns as rows of a ``.csv`` or ``.tsv`` file."""

    name = "csv"

    def detect(self, source: Source) -> bool:
        return source.suffix in ("csv", "tsv")

    def parse(self, source: Source) -> Draft:
        structured.check_mapping(source)
        text = source.text
        rows = csv.reader(io.StringIO(text, newline=""), _dialect(text, source.suffix))
        header: list[str] = []
        header_line, line = 1, 1
        blocks: list[Block] = []
        doubts: list[Doubt] = []
        columns: dict[str, int | None] = {}
        per_unit = 1000
        try:
            for row in rows:
                # A record may span lines (a quoted cell with line breaks): it starts at the
                # line after the previous record's last.
                first, line = line, rows.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if not header:
                    header, header_line = [cell.strip() for cell in row], first
                    columns = _columns(header, source, first)
                    start = columns["start"]
                    per_unit = 1 if start is not None and structured.in_milliseconds(
                        header[start]) else 1000
                    continue
                blocks += _blocks(row, first, columns, per_unit, doubts)
        except csv.Error as error:
            raise ImportFailure(source.file, f"cannot read as CSV: {error}", line) from None
        if not header:
            raise ImportFailure(source.file, "empty file: expected a header row and a row "
                                "per turn", 1)
        if not blocks:
            raise ImportFailure(source.file, "no rows with text after the header", header_line)
        fields = ", ".join(f"{name}: {header[index]!r}" for name, index in columns.items()
                           if index is not None)
        kind = "tsv" if _dialect(text, source.suffix).delimiter == "\t" else "csv"
        return structured.finish(blocks, Meta(), source, doubts=doubts,
                                 layout=f"{kind}: a row per turn ({fields})")


def _dialect(text: str, suffix: str) -> type[csv.Dialect] | csv.Dialect:
    """The file's dialect, sniffed from its first lines; tabs for a ``.tsv`` file (and
    commas for a ``.csv`` one) when the sniffer cannot tell."""
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel_tab if suffix == "tsv" else csv.excel


def _columns(header: list[str], source: Source, line: int) -> dict[str, int | None]:
    """Column index of each field (None when the file has no such column)."""
    chosen = {field: structured.pick(header, field, source, "column")
              for field in ("speaker", "text", "start")}
    if chosen["text"] is None:
        common = ", ".join(structured.FIELDS["text"][:4])
        raise ImportFailure(source.file, f"expected a header row naming a text column "
                            f"({common}...); found {structured.names(header)} "
                            "(name it with --map text=COLUMN)", line)
    return {field: header.index(key) if key is not None else None
            for field, key in chosen.items()}


def _blocks(row: list[str], line: int, columns: dict[str, int | None], per_unit: int,
            doubts: list[Doubt]) -> list[Block]:
    """The paragraphs of one row."""
    def cell(field: str) -> str:
        index = columns[field]
        return row[index].strip() if index is not None and index < len(row) else ""

    start = structured.start_of(cell("start"), per_unit, line, doubts)
    speaker = structured.speaker_name(cell("speaker"))
    return structured.turn_blocks(cell("text"), line, speaker, start)
