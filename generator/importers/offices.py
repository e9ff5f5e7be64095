"""Role labels that name nobody: THE PRESIDENT on a given day is whoever held the office.

The terms are a small, factual table bundled as ``offices.json``. A term runs from the
day of the oath to the day the successor took office; on that shared day the successor
holds it (the hand-over is at noon, and transcripts of that day are the successor's).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Term:
    """One person in one office."""

    office: str
    """Office key (``president``)."""
    title: str
    """The office as displayed (``President of the United States``)."""
    name: str
    """The holder's full name."""
    start: str
    """First day (ISO date)."""
    end: str | None
    """The successor's first day (ISO date), None while held."""

    def covers(self, day: str) -> bool:
        """Tell whether the term includes ``day`` (the successor's first day excluded)."""
        return self.start <= day and (self.end is None or day < self.end)

    def last_day(self) -> str | None:
        """The last full day in office (the registry's inclusive ``to``), None while held."""
        if self.end is None:
            return None
        return (date.fromisoformat(self.end) - timedelta(days=1)).isoformat()


@cache
def _table() -> tuple[dict[str, str], tuple[Term, ...]]:
    data = json.loads((Path(__file__).parent / "offices.json").read_text("utf-8"))
    labels: dict[str, str] = {}
    terms: list[Term] = []
    for key, office in data["offices"].items():
        labels.update(dict.fromkeys(office["labels"], key))
        terms += [Term(key, office["title"], t["name"], t["from"], t["to"])
                  for t in office["terms"]]
    return labels, tuple(terms)


def office_of(label: str) -> str | None:
    """The office a role label names (``THE PRESIDENT`` → ``president``), if any."""
    return _table()[0].get(" ".join(label.upper().split()))


def holder(office: str, day: str) -> Term | None:
    """The term of whoever held ``office`` on ``day``."""
    return next((t for t in _table()[1] if t.office == office and t.covers(day)), None)


def holders_named(surname: str, day: str) -> list[Term]:
    """Terms held on ``day`` by people whose last name is ``surname`` (case-insensitive)."""
    wanted = surname.casefold()
    return [t for t in _table()[1]
            if t.covers(day) and t.name.split()[-1].casefold() == wanted]


def terms_of(name: str) -> list[Term]:
    """Every term held by ``name``, for the registry's dated roles."""
    return [t for t in _table()[1] if t.name == name]
