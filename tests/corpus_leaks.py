"""Label leaks: a paragraph that begins with a label its own document uses as a label.

Such a paragraph is somebody else's words inside a turn: the worst thing an archive can
do, and one that happens silently. Shared by the corpus tests.
"""

from __future__ import annotations

import re
from typing import Any


def _opening(label: str) -> re.Pattern[str]:
    """How a paragraph opens with ``label``: followed by a colon or period, or (Q) spaces."""
    words = r"\s+".join(re.escape(word) for word in label.split())
    after = r"(?:\s*[:.]|\s{2,}|\s+(?=[A-Z]))" if label in ("Q", "QUESTION") else r"\s*[:.](?:\s|$)"
    return re.compile(rf"^{words}{after}")


def leaks(data: dict[str, Any]) -> list[str]:
    """The paragraphs of an imported transcript that begin with one of its labels."""
    labels = {" ".join(turn["label"].split()) for turn in data["turns"] if turn.get("label")}
    patterns = [_opening(label) for label in labels]
    found = []
    for number, turn in enumerate(data["turns"], 1):
        for paragraph in turn.get("paragraphs", []):
            text = paragraph if isinstance(paragraph, str) else paragraph["text"]
            if any(pattern.match(text) for pattern in patterns):
                found.append(f"turn {number} ({turn.get('label')}): {text[:80]!r}")
    return found
