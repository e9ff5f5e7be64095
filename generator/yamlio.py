"""YAML in and out: parsing that remembers line numbers, dumping that is stable.

Dates stay strings (``2016-04-15``) in both directions, so that an impossible date
is a validation problem with a line number rather than a parser crash.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from generator.errors import Problem

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings and refuses aliases."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        # An alias repeats a node: a few lines of `*a` can stand for billions of values
        # that every later stage would walk. The content format never needs one.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)  # type: ignore[misc]


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes dates unquoted and indents lists under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


class _DuplicateKey(Exception):
    """A mapping repeats a key (the careful parser says where)."""


if getattr(yaml, "CSafeLoader", None) is not None:
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        """libyaml's SafeLoader, also leaving timestamps as strings and stopping at a
        repeated key (YAML would silently keep the last value: a hand edit would be
        lost)."""

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
            keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
            if len(set(keys)) != len(keys):
                raise _DuplicateKey
            return super().construct_mapping(node, deep=deep)

_FAST_CLASSES = [_FastLoader] if getattr(yaml, "CSafeLoader", None) is not None else []
for _cls in (_Loader, _Dumper, *_FAST_CLASSES):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text is easier to edit as a literal block. YAML reads NEL, LS and PS as
    # line breaks (folded to spaces) outside double quotes, which escape them.
    if any(mark in value for mark in "\x85\u2028\u2029"):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def _lines(node: yaml.Node, path: Path_, out: dict[Path_, int], file: str) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in seen:
                # YAML would silently keep the last value: a hand edit would be lost.
                line = key_node.start_mark.line + 1
                raise ValueError(Problem(file, line, field_name((*path, key)), "duplicate key"))
            seen.add(key)
            _lines(value_node, (*path, key), out, file)
            out[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), out, file)


_FastBase = _FAST_CLASSES[0] if _FAST_CLASSES else None


_DEPTH = 500
"""Deeper than this, a document is refused (the careful parser says so): no content file
nests more than a few levels, and the stages after parsing walk the data recursively."""


def _unusual(root: yaml.Node) -> bool:
    """Tell whether a node appears twice in the tree, which is what an alias makes, or the
    tree is deeper than ``_DEPTH``."""
    seen: set[int] = set()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > _DEPTH:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(part, depth + 1) for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
    return False


def _parse_fast(text: str, file: str) -> tuple[Any, Mapping[Path_, int]] | None:
    """libyaml's parser (several times faster); None when the text needs the careful
    parser: invalid YAML, aliases, deep nesting or repeated keys, whose exact messages
    and lines come from the pure-Python one. The lines of the fields are found only if
    asked for (to report a problem): most files have none."""
    if _FastBase is None:
        return None
    loader = _FastBase(text)
    try:
        node = loader.get_single_node()
        if node is None or _unusual(node):
            return None
        data = loader.construct_document(node)
    except (yaml.YAMLError, RecursionError, ValueError, _DuplicateKey):
        return None
    finally:
        loader.dispose()
    return data, _LazyLines(text, file)


class _LazyLines(Mapping[Path_, int]):
    """The line of every field path of a parsed text, found when first asked for."""

    def __init__(self, text: str, file: str):
        self._text: str | None = text
        self._file = file
        self._lines: dict[Path_, int] = {}

    def _found(self) -> dict[Path_, int]:
        if self._text is not None:
            loader = _FastBase(self._text)  # type: ignore[misc]
            try:
                _lines(loader.get_single_node(), (), self._lines, self._file)
            finally:
                loader.dispose()
            self._text = None
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self._found()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


def parse(text: str, file: str) -> tuple[Any, Mapping[Path_, int]]:
    """Parse one YAML document; return the data and the line of every field path.

    Raises ``ValueError`` carrying a ``Problem`` when the text is not valid YAML.
    """
    fast = _parse_fast(text, file)
    if fast is not None:
        return fast
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        # Raw control characters: YAML refuses them before parsing starts.
        line = text[: error.position].count("\n") + 1
        message = f"invalid YAML: the character U+{error.character:04X} is not allowed"
        raise ValueError(Problem(file, line, None, message)) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = (error.problem or str(error)).strip()
        raise ValueError(Problem(file, line, None, f"invalid YAML: {reason}")) from None
    except yaml.YAMLError as error:
        raise ValueError(Problem(file, None, None, f"invalid YAML: {error}")) from None
    except RecursionError:
        raise ValueError(Problem(file, None, None, "invalid YAML: nested too deeply")) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if node is not None:
        _lines(node, (), lines, file)
    return data, lines


def line_of(lines: Mapping[Path_, int], path: Path_) -> int | None:
    """Line of ``path``, or of its nearest ancestor that has one."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


def field_name(path: Path_) -> str:
    """Dotted form of a field path: ``turns[3].speaker``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def dump(data: Any, header: str = "") -> str:
    """Serialise ``data`` as stable, hand-editable YAML (keys in insertion order)."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    return header + body


def schema_header(schema: str, depth: int) -> str:
    """The comment that tells YAML-aware editors which schema validates the file."""
    return f"# yaml-language-server: $schema={'../' * depth}generator/schemas/{schema}\n"
