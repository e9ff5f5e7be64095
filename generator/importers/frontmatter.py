"""YAML front matter of scraped pages (``---`` … ``---`` before the text)."""

from __future__ import annotations

from typing import Any

import yaml

from generator.errors import ImportFailure

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def has_front_matter(text: str) -> bool:
    """Tell whether ``text`` starts with a front matter block."""
    return text.startswith("---\n") and "\n---" in text[3:]


def split(text: str, file: str) -> tuple[dict[str, Any], int]:
    """Return the front matter's fields and the index of the first line after it.

    The title's YAML escapes (``\\_`` is a no-break space, a trailing ``\\`` joins
    wrapped lines) are decoded by the YAML parser itself.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ImportFailure(file, "expected front matter starting with '---'", 1)
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
    if end is None:
        raise ImportFailure(file, "front matter is not closed by a '---' line", 1)
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=_Loader)  # noqa: S506 (safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise ImportFailure(file, f"invalid front matter: {error}", line) from None
    if not isinstance(data, dict):
        raise ImportFailure(file, "expected front matter fields (title: ..., date: ...)", 2)
    return data, end + 1
