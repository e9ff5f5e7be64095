"""Importers, one module per layout or publisher, and format detection.

Every importer turns a ``Source`` (the raw bytes and what the user says about them)
into a ``Draft``. Formats are tried in the order of ``IMPORTERS``: publishers whose
files carry knowledge of their own first, the general reader of any text last.
"""

from __future__ import annotations

from dataclasses import fields

from generator.errors import ImportFailure
from generator.importers.base import Draft, Importer, Meta, Source
from generator.importers.captions import SrtImporter, WebVttImporter
from generator.importers.html import HtmlImporter
from generator.importers.jsonturns import JsonImporter
from generator.importers.mfa import MfaImporter
from generator.importers.tables import TableImporter
from generator.importers.text import TextImporter
from generator.importers.whitehouse import WhiteHouseImporter
from generator.importers.word import DocxImporter

IMPORTERS: dict[str, Importer] = {
    importer.name: importer for importer in (
        # Structured exports first: known by suffix or magic bytes, and a binary .docx
        # must be claimed before a text importer tries to decode it.
        DocxImporter(), JsonImporter(), TableImporter(), WebVttImporter(), SrtImporter(),
        MfaImporter(), WhiteHouseImporter(), HtmlImporter(), TextImporter())
}
"""Every known format by name, in the order detection tries them: the generic fallback last."""


def read(source: Source, format: str | None = None) -> tuple[str, Draft]:
    """Detect the format of ``source`` (or use ``format``) and parse it; return (format, draft).

    Metadata the user gave (``source.given``) replaces what the file says.
    """
    if format is not None:
        if format not in IMPORTERS:
            known = ", ".join(IMPORTERS)
            raise ImportFailure(source.file, f"unknown format {format!r} (known: {known})")
        return format, apply(IMPORTERS[format].parse(source), source.given)
    for name, importer in IMPORTERS.items():
        if importer.detect(source):
            return name, apply(importer.parse(source), source.given)
    raise ImportFailure(source.file, "no known format recognises this file; try --format")


def apply(draft: Draft, given: Meta) -> Draft:
    """Replace the draft's metadata by what the user gave on the command line."""
    for item in fields(given):
        value = getattr(given, item.name)
        if value:
            setattr(draft, item.name, value)
    return draft
