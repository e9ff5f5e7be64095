"""More of the Foreign Ministry's forms, on synthetic text with made-up names."""

from __future__ import annotations

import pytest
from conftest import read

from generator.errors import ImportFailure

TITLE = "Foreign Minister Ivan Testov’s answers to media questions, Fictown, May 1, 2015"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Question: Why?\nIvan Testov (retranslated): Because.\n",
            [("question", None, "Question", None, ["Why?"]),
             ("answer", "Ivan Testov", "Ivan Testov (retranslated)", "retranslated",
              ["Because."])],
            id="retranslated",
        ),
        pytest.param(
            "Question:\nWhy?\nIvan Testov:\nBecause.\nAnd so.\n* * *\nQuestion: Next?\n",
            [("question", None, "Question", None, ["Why?"]),
             ("answer", "Ivan Testov", "Ivan Testov", None, ["Because.", "And so."]),
             ("question", None, "Question", None, ["Next?"])],
            id="label alone on its line, separator",
        ),
    ],
)
def test_forms(body: str, expected: list[tuple]) -> None:
    format, draft = read(f"{TITLE}\n{body}", "mfa.txt")
    assert format == "mfa" and draft.event == "remarks"
    turns = [t for t in draft.turns if t.kind != "omitted"]
    assert [(t.kind, t.name, t.label, t.note, t.paragraphs) for t in turns] == expected


def test_interview_title() -> None:
    title = "Foreign Minister Ivan Testov’s interview with Fictown Daily, Fictown, May 1, 2015"
    format, draft = read(f"{title}\nQuestion: Hello?\nIvan Testov: Hello.\n", "mfa.txt")
    assert (format, draft.event, draft.place) == ("mfa", "interview", "Fictown")


def test_a_label_with_nothing_after_it_is_an_error() -> None:
    with pytest.raises(ImportFailure) as caught:
        read(f"{TITLE}\nQuestion: Why?\nIvan Testov:\n", "mfa.txt")
    assert str(caught.value) == "mfa.txt:3: label 'Ivan Testov' has no text after it"
