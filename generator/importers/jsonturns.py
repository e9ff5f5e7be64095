"""JSON exports: a list of turns, as transcription services and data sets write them.

The turns are the file itself (``[{...}, ...]``) or a list of objects under a common key
(``turns``, ``segments``, ``utterances``, ``transcript``, ``results``..., also one level
down as in ``{"results": {"utterances": [...]}}``); failing that, the first list of
objects that have a text field. Each turn has a text, and usually a speaker and a start
time (fields found by their common names or ``--map``, see ``structured``); a text with
blank lines is several paragraphs, the first of which keeps the start. The top level's
``title``, ``date`` and the like describe the event.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from generator.errors import ImportFailure
from generator.importers import structured
from generator.importers.base import Block, Doubt, Draft, Meta, Source

WRAPPERS = ("turns", "segments", "utterances", "transcript", "results", "monologues",
            "paragraphs", "items", "entries", "captions", "cues", "data")
"""Keys (normalised) under which exports keep their list of turns, tried first, in order."""

_EXPECTED = ("expected a list of turns (objects with a speaker and a text), or an object "
             "holding one under 'turns', 'segments', 'utterances', 'transcript' or 'results'")
_SPACE = re.compile(r"[ \t\r\n]*")
_PUNCTUATION = re.compile(r"[.,;:!?…%)\]}”’»]+")
_KINDS = ((dict, "objects"), (list, "lists"), (str, "strings"), (bool, "booleans"),
          (int | float, "numbers"), (type(None), "nulls"))


class JsonImporter:
    """Turn lists in JSON (``.json``, or text that parses as a JSON object or list)."""

    name = "json"

    def detect(self, source: Source) -> bool:
        if source.suffix == "json":
            return True
        head = source.data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head.startswith((b"[", b"{")):
            return False
        try:
            return isinstance(json.loads(source.text), list | dict)
        except (ValueError, ImportFailure):
            return False

    def parse(self, source: Source) -> Draft:
        structured.check_mapping(source)
        text = source.text
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFailure(source.file, f"not valid JSON: {error.msg} "
                                f"(column {error.colno})", error.lineno) from None
        path, items = _turns(data, source)
        lines = _item_lines(text, path, len(items))
        keys = [key for item in items for key in item]
        text_key = structured.pick(keys, "text", source)
        if text_key is None:
            common = ", ".join(structured.FIELDS["text"][:4])
            raise ImportFailure(source.file, f"expected turns with a text key ({common}...); "
                                f"found keys {structured.names(dict.fromkeys(keys))} "
                                "(name it with --map text=KEY)", lines[0])
        speaker_key = structured.pick(keys, "speaker", source)
        start_key = structured.pick(keys, "start", source)
        per_unit = 1 if start_key and structured.in_milliseconds(start_key) else 1000
        blocks: list[Block] = []
        doubts: list[Doubt] = []
        for item, line in zip(items, lines, strict=True):
            value = item.get(_own(item, "start", start_key, source))
            start = structured.start_of(value, per_unit, line, doubts)
            speaker = structured.speaker_name(item.get(_own(item, "speaker", speaker_key, source)))
            text_value = item.get(_own(item, "text", text_key, source))
            blocks += structured.turn_blocks(_words(text_value), line, speaker, start)
        found = structured.meta_of(data) if isinstance(data, dict) else Meta()
        where = f"under {'.'.join(path)!r}" if path else "at the top"
        fields = ", ".join(f"{name}: {key!r}" for name, key in
                           (("speaker", speaker_key), ("text", text_key), ("start", start_key))
                           if key)
        return structured.finish(blocks, found, source, doubts=doubts,
                                 layout=f"json: turns {where} ({fields})")


def _own(item: dict, field: str, chosen: str | None, source: Source) -> str | None:
    """The key of ``field`` in one turn: the file's choice, or when the turn lacks it (and
    ``--map`` does not name it) the common name this turn has (``words`` in one turn,
    ``elements`` in another)."""
    if chosen in item or field in source.mapping:
        return chosen
    return structured.pick(item, field, source)


def _lists(data: Any, depth: int = 0) -> Iterator[tuple[tuple[str, ...], list[dict]]]:
    """Every non-empty list of objects in ``data`` (two levels down at most) with its path,
    those under the common keys first."""
    if isinstance(data, list):
        if data and all(isinstance(item, dict) for item in data):
            yield (), data
        return
    if not isinstance(data, dict) or depth > 1:
        return
    rank = {name: number for number, name in enumerate(WRAPPERS)}
    keys = sorted(data, key=lambda key: rank.get(structured.normal(key), len(WRAPPERS)))
    for key in keys:
        value = data[key]
        if isinstance(value, list | dict):
            for path, items in _lists(value, depth + 1):
                yield (key, *path), items


def _turns(data: Any, source: Source) -> tuple[tuple[str, ...], list[dict]]:
    """The list of turns and its path: the first list whose objects have a text field
    (else the first list of objects, for the error to name its keys)."""
    found = list(_lists(data))
    for path, items in found:
        keys = {key for item in items for key in item}
        wanted = source.mapping.get("text")
        if wanted in keys or (wanted is None and structured.pick(keys, "text", source)):
            return path, items
    if found:
        return found[0]
    raise ImportFailure(source.file, f"{_EXPECTED}; found {_describe(data)} (name the fields "
                        "of a turn with --map speaker=KEY,text=KEY,start=KEY)", 1)


def _describe(data: Any) -> str:
    """What a JSON value is, for a message: ``an object with keys 'a', 'b'``."""
    if isinstance(data, dict):
        return f"an object with keys {structured.names(data)}" if data else "an empty object"
    if isinstance(data, list):
        kinds = dict.fromkeys(next(name for kind, name in _KINDS if isinstance(item, kind))
                              for item in data)
        return f"a list of {' and '.join(kinds)}" if data else "an empty list"
    return next(f"a {name[:-1]}" for kind, name in _KINDS if isinstance(data, kind))


def _words(value: Any) -> str:
    """A turn's text: a string, or a list of words or tokens (``[{"text": "Hello"}, ...]``)
    joined with spaces, punctuation attached to the word before it."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    tokens = []
    for item in value:
        if isinstance(item, dict):
            item = next((item[k] for k in ("punctuated_word", "text", "word", "value", "content")
                         if isinstance(item.get(k), str)), "")
        if isinstance(item, str) and item:
            tokens.append(item)
    if any(token != token.strip() for token in tokens):
        return "".join(tokens)  # tokens carry their own spaces (Rev's elements)
    out = ""
    for token in tokens:
        out += token if not out or _PUNCTUATION.fullmatch(token) else " " + token
    return out


def _item_lines(text: str, path: tuple[str, ...], count: int) -> list[int]:
    """The line where each turn starts (its number in the list when that cannot be found)."""
    try:
        offsets = _offsets(text, path)
    except (ValueError, IndexError, TypeError):
        offsets = []
    if len(offsets) != count:
        return list(range(1, count + 1))
    lines, line, last = [], 1, 0
    for offset in offsets:
        line += text.count("\n", last, offset)
        last = offset
        lines.append(line)
    return lines


def _offsets(text: str, path: tuple[str, ...]) -> list[int]:
    """Where each element of the list at ``path`` starts in ``text``: the json module
    keeps no positions, so the path is walked again, value by value."""
    decode = json.JSONDecoder().raw_decode

    def skip(position: int) -> int:
        match = _SPACE.match(text, position)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    position = skip(0)
    for key in path:
        if text[position] != "{":
            raise ValueError(key)
        position, found = skip(position + 1), None
        while text[position] != "}":
            name, position = decode(text, position)
            position = skip(skip(position) + 1)  # past the colon
            if name == key:
                found = position  # the last of duplicate keys, as json.loads does
            position = skip(decode(text, position)[1])
            if text[position] == ",":
                position = skip(position + 1)
        position = found  # type: ignore[assignment]
    if text[position] != "[":
        raise ValueError(path)
    offsets, position = [], skip(position + 1)
    while text[position] != "]":
        offsets.append(position)
        position = skip(decode(text, position)[1])
        if text[position] == ",":
            position = skip(position + 1)
    return offsets
