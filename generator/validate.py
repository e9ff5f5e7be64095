"""Schema validation of the content files, with messages people can act on.

The JSON Schemas in ``generator/schemas/`` are the single description of the
content format: editors use them while typing, and this module checks them on load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from generator.errors import Problem
from generator.yamlio import Path_, field_name, line_of

_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "a string",
    bool: "true or false",
    int: "a number",
    float: "a number",
    type(None): "nothing (null)",
}
_SCHEMA_TYPES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "null": "null",
    "boolean": "true or false",
    "integer": "a number",
    "number": "a number",
}


@cache
def schema(name: str) -> dict[str, Any]:
    """Load one of the bundled schemas by file name (``transcript.schema.json``)."""
    text = resources.files("generator").joinpath("schemas", name).read_text("utf-8")
    return json.loads(text)


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=FormatChecker())


@cache
def _fast(name: str) -> Any:
    """A compiled validator (jsonschema-rs) that only tells whether a document is valid:
    most are, and it decides that many times faster than jsonschema, which is asked to
    explain only the documents it rejects."""
    return jsonschema_rs.validator_for(_python_spaces(schema(name)), validate_formats=True)


_SPACES = "".join(chr(code) for code in range(0x3001) if re.match(r"\s", chr(code)))
"""What Python's ``\\s`` matches (jsonschema runs patterns with ``re``): more than the
ECMAScript ``\\s`` of jsonschema-rs (the separators U+001C–U+001F, NEL)."""


def _python_spaces(node: Any) -> Any:
    """The schema with ``\\s`` and ``\\S`` of its patterns spelt out as Python reads them,
    so that the fast validator never accepts what jsonschema would refuse."""
    if isinstance(node, list):
        return [_python_spaces(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: _python_spaces(value) for key, value in node.items()}
    if isinstance(copy.get("pattern"), str):
        pattern = copy["pattern"].replace(r"[\s\S]", "\0")
        pattern = pattern.replace(r"\S", f"[^{_SPACES}]").replace(r"\s", f"[{_SPACES}]")
        copy["pattern"] = pattern.replace("\0", r"[\s\S]")
    return copy


def _found(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES[type(value)]
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(error: ValidationError) -> tuple[Path_, str]:
    """Turn one jsonschema error into (field path, message)."""
    path: Path_ = tuple(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in expected if name not in value]
        return (*path, missing[0]), "missing required field"
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(str(name) for name in value if name not in known)
        return (*path, extra[0]), f"unknown field (expected one of: {', '.join(sorted(known))})"
    if kind == "enum":
        return path, f"expected one of: {', '.join(map(str, expected))}; found {_found(value)}"
    if kind == "type":
        names = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_SCHEMA_TYPES[n] for n in names)
        found = _TYPE_NAMES.get(type(value), type(value).__name__)
        return path, f"expected {wanted}; found {found}"
    if kind == "format" and expected == "date":
        return path, f"expected a real date as YYYY-MM-DD; found {_found(value)}"
    if kind == "pattern" and expected == r"\S":
        return path, "must not be blank"
    if kind == "pattern" and expected == r"^\S([\s\S]*\S)?$":
        return path, "must not be blank, nor start or end with white space"
    if kind == "pattern":
        return path, f"expected text matching {expected}; found {_found(value)}"
    if kind in ("minItems", "minLength"):
        return path, "must not be empty"
    if kind == "maxLength":
        return path, f"must be at most {expected:,} characters long; found {len(value):,}"
    return path, error.message


def check(data: Any, schema_name: str, file: str, lines: dict[Path_, int]) -> list[Problem]:
    """Validate ``data`` against a bundled schema; return every problem found, located."""
    try:
        if _fast(schema_name).is_valid(data):
            return []
    except (TypeError, ValueError):  # a value JSON does not have: let jsonschema say so
        pass
    problems = []
    for error in _validator(schema_name).iter_errors(data):
        path, message = _describe(error)
        problems.append(Problem(file, line_of(lines, path), field_name(path) or None, message))
    return problems


# Characters a page, a feed (XML 1.0) and a search index cannot all carry: C0 controls
# but tab and line feed, DEL, lone surrogates (not Unicode at all) and U+FFFE/U+FFFF.
# Browsers and parsers drop or replace them (a carriage return becomes a line feed), so
# the text would silently change on the way.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _strings(data: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def check_characters(data: Any, file: str, lines: dict[Path_, int]) -> list[Problem]:
    """Every text value holding a character that cannot be shown as written."""
    problems = []
    for path, text in _strings(data, ()):
        found = _UNSHOWABLE.search(text)
        if found:
            code = ord(found.group())
            what = "a lone surrogate, not a character" if 0xD800 <= code <= 0xDFFF else (
                "a control character" if code < 0xD800 else "a non-character")
            problems.append(Problem(
                file, line_of(lines, path), field_name(path) or None,
                f"U+{code:04X} at position {found.start() + 1} is {what}; "
                "a page cannot show it, remove it",
            ))
    return problems
