"""An archive's settings: ``archive.yml`` beside its content folder.

The tool's MkDocs configuration (``resources.CONFIG``) gives the defaults; ``archive.yml``
(written by ``transcripts init``, checked against ``schemas/settings.schema.json``) sets
the archive's name, address, description and language. Without a ``site_url`` there, the
``SITE_URL`` environment variable gives the address (the archive's GitHub Pages workflow
sets it to the repository's Pages address).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator import validate
from generator.errors import ContentError, Problem
from generator.talking_points import Rules

FILE = "archive.yml"
"""The settings file, in the archive's folder (the content folder's parent)."""

DEFAULT_NAME = "Transcript archive"

EXPORTS = ("csv", "feeds", "json", "raw")
"""What an archive may publish besides its pages (all of them unless ``exports`` says):
the CSV files, the Atom feeds, the JSON (per transcript, the index, the compressed whole)
and the raw sources."""


@dataclass(frozen=True)
class Settings:
    """What the build takes from the settings."""

    site_name: str
    site_url: str
    """The public address ("" if none is known)."""
    description: str
    language: str
    """Material's ``theme.language``, also the search index's language."""
    exports: frozenset[str] = frozenset(EXPORTS)
    """Which of ``EXPORTS`` the site publishes."""
    talking_points: Rules = Rules()
    """What counts as a line said again (``generator.talking_points``)."""


def read(config: Path, file: Path) -> Settings:
    """The settings of an archive whose settings file is ``file`` (it may not exist),
    over the defaults of the MkDocs configuration ``config``; raises ``ContentError``
    naming the line of every problem of the file."""
    from mkdocs.utils.yaml import yaml_load

    from generator.load import read_yaml

    with config.open("rb") as handle:
        tool = yaml_load(handle) or {}
    theme = tool.get("theme") if isinstance(tool.get("theme"), dict) else {}
    own: dict[str, str] = {}
    if file.exists():
        problems: list[Problem] = []
        parsed = read_yaml(file, problems)
        if parsed is not None:
            data, lines = parsed
            problems += validate.check(data, "settings.schema.json", str(file), lines)
            if not problems:
                own = data
        if problems:
            raise ContentError(problems)
    url = own.get("site_url") or os.environ.get("SITE_URL") or tool.get("site_url") or ""
    return Settings(
        site_name=own.get("site_name") or tool.get("site_name") or DEFAULT_NAME,
        site_url=url,
        description=own.get("description") or tool.get("site_description") or "",
        language=own.get("language") or theme.get("language") or "en",
        exports=frozenset(own.get("exports", EXPORTS)),
        talking_points=Rules(**own.get("talking_points", {})),
    )
