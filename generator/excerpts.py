"""Excerpts: the sentences of a paragraph that matter on a topic or speaker page.

A paragraph's full text is published once, on its transcript page. Elsewhere a passage is
shown as an excerpt of a few hundred characters at most: the sentences that hold the
topic's matching words (marked), or the paragraph's opening sentences, with an ellipsis
wherever words are left out, and a link to the paragraph that holds the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markupsafe import Markup

from generator.model import Paragraph

LIMIT = 300
"""Characters an excerpt holds at most (its marks and ellipses aside)."""

ELLIPSIS = "…"
# A sentence ends with . ? ! or … (and a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"([.?!…][\"”’')\]]*)(\s+)")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) spans of the sentences of ``text``, the spaces between them left
    out, one at a time (an excerpt seldom needs them all)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.end(1)
        start = match.end(2)
    if text[start:].strip():
        yield start, len(text.rstrip())


def _escape(text: str) -> str:
    """What ``markupsafe.escape`` makes of a string, without making a Markup of it."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def _window(text: str, start: int, end: int, around: int) -> tuple[int, int]:
    """At most ``LIMIT`` characters of ``text[start:end]`` around ``around``, cut at spaces."""
    if end - start <= LIMIT:
        return start, end
    left = max(start, min(around - LIMIT // 3, end - LIMIT))
    right = min(end, left + LIMIT)
    if left > start:
        left = (text.find(" ", left, right) + 1) or left
    if right < end:
        right = text.rfind(" ", left, right) if text.rfind(" ", left, right) > left else right
    return left, right


def spans(paragraph: Paragraph, topic: str | None = None) -> list[tuple[int, int]]:
    """The spans of ``paragraph.text`` an excerpt shows, in order: the sentences holding
    the topic's words (or the first sentences), ``LIMIT`` characters at most."""
    text = paragraph.text
    marks = [start for mark, start, _ in paragraph.marks if mark == topic] if topic else []
    chosen: list[tuple[int, int]] = []
    used = 0
    for start, end in sentences(text):
        if marks and not any(start <= mark < end for mark in marks):
            continue
        if end - start > LIMIT - used:
            if not chosen:  # one long sentence: the part around the first match
                around = next((m for m in marks if start <= m < end), start)
                chosen.append(_window(text, start, end, around))
            break
        chosen.append((start, end))
        used += end - start
    return chosen or [_window(text, 0, len(text), marks[0] if marks else 0)]


def excerpt(paragraph: Paragraph, topic: str | None = None) -> Markup:
    """The excerpt of ``paragraph`` as escaped HTML, the topic's words in ``<mark>``;
    ``…`` wherever words are left out."""
    text = paragraph.text
    marks = sorted((start, end) for mark, start, end in paragraph.marks
                   if topic is not None and mark == topic)
    out: list[str] = []
    previous: int | None = None
    for start, end in spans(paragraph, topic):
        if previous is None:
            out.append(ELLIPSIS + " " if text[:start].strip() else "")
        else:
            out.append(f" {ELLIPSIS} " if text[previous:start].strip() else " ")
        position = start
        for mark_start, mark_end in marks:
            if mark_start >= position and mark_end <= end:
                out += [_escape(text[position:mark_start]), "<mark>",
                        _escape(text[mark_start:mark_end]), "</mark>"]
                position = mark_end
        out.append(_escape(text[position:end]))
        previous = end
    if previous is not None and text[previous:].strip():
        out.append(" " + ELLIPSIS)
    return Markup("".join(out))
