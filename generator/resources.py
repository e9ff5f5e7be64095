"""Where the tool's own files are: its templates, its theme overrides and its default
MkDocs configuration.

In a checkout of the repository (and an editable install of it) they are the
repository's top folders, ``templates/``, ``site_overrides/`` and ``mkdocs.yml``; a built
wheel carries copies of them inside the package, under ``generator/_data/`` (see
``[tool.hatch.build.targets.wheel.force-include]`` in ``pyproject.toml``), so that an
installed tool builds an archive kept anywhere.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The ``generator`` package."""

_BUNDLED = PACKAGE / "_data"
"""Where a wheel puts the tool's files (never present in a checkout)."""


def _find(name: str) -> Path:
    bundled = _BUNDLED / name
    return bundled if bundled.exists() else PACKAGE.parent / name


TEMPLATES = _find("templates")
"""The tool's Jinja templates."""
OVERRIDES = _find("site_overrides")
"""The tool's overrides of the Material theme (MkDocs' ``theme.custom_dir``)."""
CONFIG = _find("mkdocs.yml")
"""The tool's MkDocs configuration, which every build's own configuration inherits."""
HOOKS = PACKAGE / "mkdocs_hooks.py"
"""The MkDocs hooks that put the pre-rendered fragments into the pages."""
