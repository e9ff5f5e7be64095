"""The exception family: every user-facing failure is one of these.

The CLI turns them into ``Error: ...`` lines and exit status 1, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    file: str
    """Path of the file, as given to the tool."""
    line: int | None
    """1-based line number, when known."""
    field: str | None
    """Dotted path of the field (``turns[3].speaker``), when known."""
    message: str
    """What was expected and what was found."""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class ArchiveError(Exception):
    """Base class of every error the tool reports to its user."""


class ContentError(ArchiveError):
    """The content folder holds one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(
            problems, key=lambda p: (p.file, p.line or 0, p.field or "", p.message)
        )
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the content:"]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


class ImportFailure(ArchiveError):
    """A raw transcript could not be turned into structured data."""

    def __init__(self, file: str, message: str, line: int | None = None):
        self.problem = Problem(file, line, None, message)
        super().__init__(str(self.problem))


class BuildError(ArchiveError):
    """Rendering or publishing the site failed; the previous site is left as it was."""
