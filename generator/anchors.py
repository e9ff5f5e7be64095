"""Stable paragraph anchors across re-imports.

A fresh import numbers its paragraphs ``p1``, ``p2``, ... in reading order. When it
replaces a transcript file that is already published, every paragraph whose text is
unchanged keeps the anchor it had, with its hand-set topics; a new or changed paragraph
gets a number no paragraph of the transcript ever had (after the highest one used, the
retired ones included). Ids are written out only where the reading-order rule of
``load`` would not give them, so an import that changes nothing stays as it was. A
paragraph's start time in the recording (``start``) is always the new import's.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

RETIRED = "retired_paragraph_ids"
"""Transcript field listing the anchors a re-import removed, never to be given again."""


def _numbered(turns: list[dict[str, Any]]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(number, paragraph as a mapping) in reading order, numbered as ``load`` does:
    an explicit ``id``, or one after the previous paragraph."""
    number = 0
    for turn in turns:
        for item in turn.get("paragraphs", []):
            item = {"text": item} if isinstance(item, str) else item
            number = int(item["id"][1:]) if "id" in item else number + 1
            yield number, item


def _match(old: list[str], new: list[str]) -> dict[int, int]:
    """New paragraph position → old paragraph position, for paragraphs of equal text.

    Runs of unchanged paragraphs are aligned in order first (so that a repeated "Thank
    you." keeps its own anchor); a moved paragraph is then matched by its text alone.
    """
    found: dict[int, int] = {}
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            found[block.b + offset] = block.a + offset
    unused: dict[str, list[int]] = defaultdict(list)
    taken = set(found.values())
    for position, text in enumerate(old):
        if position not in taken:
            unused[text].append(position)
    for position, text in enumerate(new):
        if position not in found and unused[text]:
            found[position] = unused[text].pop(0)
    return found


def stabilize(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``new`` (a fresh import's data) with the anchors and hand-set topics of ``old``
    (the transcript file it replaces) kept for every paragraph of unchanged text."""
    result = copy.deepcopy(new)
    before = list(_numbered(old.get("turns", [])))
    retired = {int(i[1:]) for i in old.get(RETIRED, [])}
    after = list(_numbered(result["turns"]))
    found = _match([p["text"] for _, p in before], [p["text"] for _, p in after])
    highest = max([n for n, _ in before] + list(retired), default=0)
    numbers = []
    for position in range(len(after)):
        if position in found:
            numbers.append(before[found[position]][0])
        else:
            highest += 1
            numbers.append(highest)
    kept = set(numbers)
    retired |= {number for number, _ in before if number not in kept}
    # Rewrite the paragraphs turn by turn, an explicit id only where the count breaks.
    queue = iter(zip(numbers, (found.get(i) for i in range(len(after))), strict=True))
    previous = 0
    for turn in result["turns"]:
        if "paragraphs" not in turn:
            continue
        items = []
        for entry in turn["paragraphs"]:
            fresh = {"text": entry} if isinstance(entry, str) else entry
            number, source = next(queue)
            item: dict[str, Any] = {}
            if number != previous + 1:
                item["id"] = f"p{number}"
            if "start" in fresh:  # the time in the recording comes with the new import
                item["start"] = fresh["start"]
            item["text"] = fresh["text"]
            topics = before[source][1].get("topics") if source is not None else None
            if topics:
                item["topics"] = copy.deepcopy(topics)
            items.append(item if len(item) > 1 else item["text"])
            previous = number
        turn["paragraphs"] = items
    return _with_retired(result, sorted(retired))


def _with_retired(data: dict[str, Any], retired: list[int]) -> dict[str, Any]:
    """``data`` with the retired anchors listed just before the turns (or not at all)."""
    out = {key: value for key, value in data.items() if key not in (RETIRED, "turns")}
    if retired:
        out[RETIRED] = [f"p{number}" for number in retired]
    out["turns"] = data["turns"]
    return out


def usable(old: dict[str, Any]) -> bool:
    """Tell whether a transcript file's anchors can be carried over: no anchor twice."""
    numbers = [number for number, _ in _numbered(old.get("turns", []))]
    return len(numbers) == len(set(numbers))


def plain(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as a fresh import would write it: ids and the retired list dropped, so
    that a file a re-import kept anchors in still compares equal to an import."""
    out = copy.deepcopy(data)
    out.pop(RETIRED, None)
    for turn in out.get("turns", []):
        if isinstance(turn, dict) and isinstance(turn.get("paragraphs"), list):
            turn["paragraphs"] = [_plain(item) for item in turn["paragraphs"]]
    return out


def _plain(item: Any) -> Any:
    """A paragraph as an import writes it: without its id, a string unless it has a start."""
    if not isinstance(item, dict) or "text" not in item or not set(item) <= {
            "id", "start", "text"}:
        return item
    return {key: item[key] for key in ("start", "text") if key in item} if "start" in item \
        else item["text"]
