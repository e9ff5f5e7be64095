"""Transcript text is data: whatever it contains is shown as text, never interpreted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import SAMPLE_ID

from generator.build import Paths, build
from generator.render import escape_text

HOSTILE = [
    "<script>alert(1)</script>",
    "*not emphasis* and _not either_ and **nor this**",
    "{{ not_a_variable }} {% if x %}no block{% endif %}",
    "{: .injected-class #injected-id }",
    "[click](javascript:alert(1)) and <https://example.org> and ![img](x.png)",
    "<b onmouseover=alert(1)>bold?</b> &amp; &lt; &#42;",
    "# not a heading | not | a table | ==mark== ~~del~~ :smile: `code` \\[escaped\\]",
    "1. not a list\n\n    not code\n- nor this",
    "\u202eright-to-left override\u200f and a right-to-left mark",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_has_no_markup_characters(text: str) -> None:
    escaped = str(escape_text(text))
    for character in "<>*_{}[]()`|:&#\\\n":
        assert character not in escaped.replace("&#", "").replace(";", ""), character


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Paths, list[str]]:
    from conftest import copy_content

    root = tmp_path_factory.mktemp("hostile")
    content = copy_content(root / "content")
    target = content / "transcripts" / f"{SAMPLE_ID}.yaml"
    data = yaml.safe_load(target.read_text("utf-8"))
    data["date"] = str(data["date"])
    data["title"] = HOSTILE[0] + " " + data["title"]
    data["turns"][0]["paragraphs"][:0] = HOSTILE
    target.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    paths = Paths.for_(content, root / "site")
    build(paths)
    return paths, [p for t in data["turns"] for p in t.get("paragraphs", [])]


def _html(paths: Paths) -> BeautifulSoup:
    path = paths.out / "transcripts" / SAMPLE_ID / "index.html"
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("number", range(1, len(HOSTILE) + 1))
def test_hostile_paragraph_is_shown_exactly(hostile_site, number: int) -> None:
    paths, texts = hostile_site
    element = _html(paths).select_one(f"#p{number} .tx-para__text")
    shown = element.get_text().removesuffix(" ")  # the space before the (empty) ¶ link
    # HTML shows a line break as white space; everything else must be exactly the text.
    assert shown == texts[number - 1]
    assert [child.name for child in element.find_all(True)] == ["a"]


def test_hostile_text_adds_no_element_or_attribute(hostile_site, sample_site) -> None:
    paths, _ = hostile_site
    html = _html(paths)
    normal = _html(sample_site)

    def shapes(page: BeautifulSoup) -> set[tuple[str, tuple[str, ...]]]:
        return {(e.name, tuple(sorted(e.attrs))) for e in page.select("article *")}

    assert shapes(html) == shapes(normal)
    assert not html.select("h1 b, .tx-turn script, .tx-turn b, .tx-turn img, .tx-turn em")
    assert not html.select(".injected-class, #injected-id, [onmouseover]")
    assert not [a for a in html.select("a[href]") if "javascript" in a["href"]]
    assert html.title.get_text().startswith(HOSTILE[0])


def test_hostile_text_reaches_json_and_search_unchanged(hostile_site) -> None:
    paths, texts = hostile_site
    data = json.loads(
        (paths.out / "data" / "transcripts" / f"{SAMPLE_ID}.json").read_text("utf-8")
    )
    assert [p["text"] for t in data["turns"] for p in t["paragraphs"]] == texts
    from conftest import pagefind_pages

    content = pagefind_pages(paths.out)[f"/transcripts/{SAMPLE_ID}/"]["content"]
    for text in texts:
        assert " ".join(text.split()) in content


def test_site_files_are_only_generated_ones(hostile_site) -> None:
    paths, _ = hostile_site
    names = {p.name for p in Path(paths.out).rglob("*")}
    assert "injected-id" not in names
