"""Importers, one module per publisher format, and format detection."""

from __future__ import annotations

from generator.errors import ImportFailure
from generator.importers.base import Draft, Importer
from generator.importers.generic import GenericImporter
from generator.importers.mfa import MfaImporter
from generator.importers.whitehouse import WhiteHouseImporter

IMPORTERS: dict[str, Importer] = {
    importer.name: importer for importer in (MfaImporter(), WhiteHouseImporter(), GenericImporter())
}
"""Every known format by name, in the order detection tries them: the generic fallback last."""


def read(text: str, file: str, format: str | None = None) -> tuple[str, Draft]:
    """Detect the format of ``text`` (or use ``format``) and parse it; return (format, draft)."""
    if format is not None:
        if format not in IMPORTERS:
            known = ", ".join(IMPORTERS)
            raise ImportFailure(file, f"unknown format {format!r} (known: {known})")
        return format, IMPORTERS[format].parse(text, file)
    for name, importer in IMPORTERS.items():
        if importer.detect(text):
            return name, importer.parse(text, file)
    raise ImportFailure(file, "no known format recognises this file; try --format")
