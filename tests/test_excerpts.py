"""Excerpts on topic and speaker pages: the paragraph's own words, a few hundred characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.excerpts import ELLIPSIS, LIMIT, excerpt, sentences
from generator.model import Paragraph

LONG = " ".join(f"Sentence {n} about the harbour tunnel and its many made-up costs."
                for n in range(12))


def paragraph(text: str, *marks: tuple[str, str]) -> Paragraph:
    """A paragraph with the first occurrence of each (topic, word) marked."""
    found = tuple((topic, text.index(word), text.index(word) + len(word)) for topic, word in marks)
    return Paragraph("p1", text, marks=found)


@pytest.mark.parametrize(("text", "marks", "topic", "expected"), [
    ("Short and whole. Two sentences.", (), None, "Short and whole. Two sentences."),
    ("First. The bridge opens. Third.", (("bridges", "bridge"),), "bridges",
     f"{ELLIPSIS} The <mark>bridge</mark> opens. {ELLIPSIS}"),
    ("A <b>tag</b> & more. Then.", (), None, "A &lt;b&gt;tag&lt;/b&gt; &amp; more. Then."),
    ("No match here. Carried over from the question.", (), "bridges",
     "No match here. Carried over from the question."),
], ids=["whole", "the matching sentence", "escaped", "no match: the opening"])
def test_excerpts(text: str, marks: tuple, topic: str | None, expected: str) -> None:
    assert str(excerpt(paragraph(text, *marks), topic)) == expected


def test_a_long_paragraph_is_cut_at_sentences_with_an_ellipsis() -> None:
    shown = str(excerpt(paragraph(LONG)))
    assert shown.endswith(ELLIPSIS) and len(shown) <= LIMIT + 2
    assert LONG.startswith(shown.removesuffix(ELLIPSIS).strip())


def test_one_long_sentence_is_cut_around_its_match() -> None:
    text = "It is " + "very " * 120 + "much about the tunnel and " + "more " * 80 + "today."
    shown = str(excerpt(paragraph(text, ("tunnels", "tunnel")), "tunnels"))
    assert "<mark>tunnel</mark>" in shown
    assert shown.startswith(ELLIPSIS) and shown.endswith(ELLIPSIS)
    assert len(shown) <= LIMIT + len("<mark></mark>") + 4


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .?!\n…”"), min_size=1, max_size=900),
       st.integers(min_value=0, max_value=899))
def test_an_excerpt_is_the_paragraph_s_own_words_in_order(text: str, at: int) -> None:
    text = text.strip() or "a"
    at = min(at, len(text) - 1)
    marked = Paragraph("p1", text, marks=(("t", at, at + 1),))
    shown = str(excerpt(marked, "t")).replace("<mark>", "").replace("</mark>", "")
    position = 0
    for piece in (p.strip() for p in shown.split(ELLIPSIS)):
        if piece:
            found = text.find(piece, position)
            assert found >= 0
            position = found + len(piece)
    assert len(shown) <= LIMIT + 4
    assert [text[s:e] for s, e in sentences(text)] == [
        t for t in (text[s:e] for s, e in sentences(text)) if t.strip()]
