"""Fidelity checks shared by the corpus tests: the words of a source and of its import.

A word is a run of letters and digits. Markup is not words: link targets, HTML tags and
the YAML front matter's other fields (times, tags, the address) are left out of the
source; everything else — title, place and time lines, labels, notes, the text — must
come out of the import in the same order, no word lost, none added.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

WORD = re.compile(r"[^\W_]+")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^>]*)?/?>", re.I)
# Invisible characters inside a word (word joiner, soft hyphen) do not separate words.
_INVISIBLE = dict.fromkeys(map(ord, "\u2060\u200b\u200c\u200d\u00ad\ufeff"))


def source_words(text: str) -> list[str]:
    """The words of a Markdown file with front matter: its title, then its body."""
    _, head, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
    title = yaml.safe_load(head)["title"] if head else ""
    body = _TAG.sub("", _LINK_TARGET.sub("]", body)).translate(_INVISIBLE)
    return WORD.findall(str(title)) + WORD.findall(body)


def transcript_words(data: dict[str, Any]) -> list[str]:
    """The words of an imported transcript, in reading order (omitted turns' notes excluded)."""
    words = WORD.findall(data["title"])
    for key in ("place", "time"):
        words += WORD.findall(data.get(key) or "")
    for turn in data["turns"]:
        words += WORD.findall(turn.get("label") or "")
        for paragraph in turn.get("paragraphs", []):
            words += WORD.findall(paragraph if isinstance(paragraph, str) else paragraph["text"])
    return words


def first_difference(expected: list[str], actual: list[str]) -> str:
    """Where two word lists part, with some context, for a readable failure."""
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            return (f"word {index}: expected {' '.join(expected[index:index + 8])!r}, "
                    f"found {' '.join(actual[index:index + 8])!r}")
    return f"lengths differ: expected {len(expected)} words, found {len(actual)}"
