"""Talking points: lines said again in other transcripts, found, shown and kept up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import synthetic
from bs4 import BeautifulSoup
from conftest import CONTENT

from generator.build import Paths, build, generate
from generator.load import load
from generator.tagging import Tagger
from generator.talking_points import Rules, Said, Sketches, find, lines_of, near, summary, words
from generator.yamlio import dump

IVAN, RUFUS = "ivan-testov", "rufus-firefly"
FIRST, SECOND, THIRD = ("2019-03-03-fictown-briefing-1", "2019-05-09-fictown-briefing-2",
                        "2019-06-01-fictown-briefing-3")


def found(content: Path, rules: Rules | None = None) -> Said:
    rules = rules or Rules()
    archive = load(content)
    return find(archive, Sketches(content / "sketches", rules).of(archive.transcripts, None),
                rules)


def content_of(tmp_path: Path, files: dict[str, str]) -> Path:
    content = tmp_path / "content"
    synthetic.write(content, files)
    return content


def test_a_line_said_again_is_one_talking_point_and_courtesies_are_not(tmp_path: Path) -> None:
    said = found(content_of(tmp_path, synthetic.talking_files()))
    assert len(said.points) == 1
    point = said.points[0]
    assert point.text == synthetic.REPEATED_LINE
    assert [(o.transcript.id, o.paragraph.id, o.turn.speaker, o.exact)
            for o in point.occurrences] == [(FIRST, "p10", IVAN, True),
                                             (SECOND, "p10", RUFUS, False),
                                             (THIRD, "p10", IVAN, True)]
    # Its words, and only them, in each paragraph (the paragraph's own words before).
    for occurrence in point.occurrences:
        assert occurrence.text in (synthetic.REPEATED_LINE,
                                   synthetic.REPEATED_LINE.replace(" full report", " report"))
        assert occurrence.paragraph.text.endswith(occurrence.text)
    assert (point.first, point.last, point.speakers) == ("2019-03-03", "2019-06-01",
                                                         (IVAN, RUFUS))
    assert said.of_speaker(RUFUS) == (point,) and said.of_speaker(IVAN) == (point,)
    # "Thank you. Good afternoon." is said in every briefing, and is no line.
    assert all("Thank you" not in p.text and "afternoon" not in p.text for p in said.points)


def test_a_paragraph_knows_what_was_said_before_and_since(tmp_path: Path) -> None:
    said = found(content_of(tmp_path, synthetic.talking_files()))
    (note,) = said.notes(THIRD, "p10")
    assert [o.transcript.id for o in note.before] == [FIRST, SECOND]
    assert note.later == () and note.same_day == ()
    last = summary([note])
    assert (last.before, last.first.transcript.id, last.later) == (2, FIRST, 0)
    first = summary(said.notes(FIRST, "p10"))
    assert (first.before, first.first, first.later) == (0, None, 2)
    assert said.notes(THIRD, "p9") == ()


@pytest.mark.parametrize(("one", "other", "same"), [
    ("So, I am not going to get ahead of the President on that today.",
     "I am not going to get ahead of the President on that today.", True),
    # A word replaced is another line, however long.
    ("It is really under the purview of the Department of Defense and nobody else.",
     "It is really under the purview of the Department of Justice and nobody else.", False),
    ("Admissions fell by about 11 percent from the previous week across the country.",
     "Admissions fell by about 10 percent from the previous week across the country.", False),
    # A negation or a number left out turns a line around.
    ("We will not support the proposal of the committee in its present form at all.",
     "We will support the proposal of the committee in its present form at all.", False),
    ("Admissions fell by about 11 percent from the previous week across the country.",
     "Admissions fell by about percent from the previous week across the country.", False),
    # Two words left out of ten is too many; of twenty, not.
    ("And so, we are going to continue to have those conversations with them.",
     "We are going to continue to have those conversations with them.", False),
    ("And so, we are going to continue to have those long and difficult conversations with "
     "our partners in the region this week.",
     "We are going to continue to have those long and difficult conversations with "
     "our partners in the region this week.", True),
])
def test_near_wordings_only_leave_words_out(one: str, other: str, same: bool) -> None:
    assert near(words(one), words(other), Rules()) is same
    assert near(words(other), words(one), Rules()) is same


def test_max_edits_zero_finds_exact_repeats_only(tmp_path: Path) -> None:
    said = found(content_of(tmp_path, synthetic.talking_files()), Rules(max_edits=0))
    (point,) = said.points
    assert [o.transcript.id for o in point.occurrences] == [FIRST, THIRD]


def test_a_line_is_not_cut_after_an_abbreviation() -> None:
    text = "Mr. Testov met Dr. Firefly in the U.S. capital. They spoke. J. Testov did too."
    assert [text[start:end] for start, end in lines_of(text)] == [
        "Mr. Testov met Dr. Firefly in the U.S. capital.", "They spoke.", "J. Testov did too."]


def test_said_twice_in_one_transcript_or_in_a_text_published_twice_is_not_said_again(
    tmp_path: Path,
) -> None:
    files = synthetic.talking_files(third=False)
    # The second briefing no longer says the line; the first says it twice.
    second = f"transcripts/{SECOND}.yaml"
    files[second] = files[second].replace("report on the river crossing", "report on roads")
    first = f"transcripts/{FIRST}.yaml"
    files[first] = files[first].replace("Paragraph 3 of briefing 1 holds plain made-up words",
                                        synthetic.REPEATED_LINE)
    assert found(content_of(tmp_path / "once", files)).points == ()
    # A correction of the first briefing, published later, says all its lines again.
    fixed = synthetic._talking_transcript("2019-03-04", 4, IVAN, synthetic.REPEATED_LINE)
    fixed["supersedes"] = FIRST
    more = {**synthetic.talking_files(third=False), f"transcripts/{fixed['id']}.yaml": dump(fixed)}
    (point,) = found(content_of(tmp_path / "fixed", more)).points
    assert [o.transcript.id for o in point.occurrences] == [FIRST, SECOND]
    # So does the same text under another address, without saying so.
    again = {**synthetic._talking_transcript("2019-03-03", 1, IVAN, synthetic.REPEATED_LINE),
             "id": "2019-03-04-fictown-briefing-copy", "date": "2019-03-04"}
    more = {**synthetic.talking_files(third=False), f"transcripts/{again['id']}.yaml": dump(again)}
    said = found(content_of(tmp_path / "copy", more))
    (point,) = said.points
    assert [o.transcript.id for o in point.occurrences] == [FIRST, SECOND]
    assert said.copies == {again["id"]: FIRST}
    # The copy's paragraph still tells where else its line was said (not in its original).
    (note,) = said.notes(again["id"], "p10")
    assert (note.before, [o.transcript.id for o in note.later]) == ((), [SECOND])
    # A line said twice in one transcript, and again in another: one occurrence each, and
    # both paragraphs of the first say it was said again since.
    files = synthetic.talking_files(third=False)
    files[first] = files[first].replace("Paragraph 3 of briefing 1 holds plain made-up words",
                                        synthetic.REPEATED_LINE)
    said = found(content_of(tmp_path / "twice", files))
    (point,) = said.points
    assert [(o.transcript.id, o.paragraph.id) for o in point.occurrences] == [
        (FIRST, "p3"), (SECOND, "p10")]
    for paragraph in ("p3", "p10"):
        (note,) = said.notes(FIRST, paragraph)
        assert [o.transcript.id for o in note.later] == [SECOND] and note.before == ()


def test_sketches_are_kept_by_transcript_and_made_again_only_when_it_changes(
    tmp_path: Path,
) -> None:
    content = content_of(tmp_path, synthetic.talking_files())
    archive = load(content)
    keys = {t.id: f"{n:032d}" for n, t in enumerate(archive.transcripts)}
    sketches = Sketches(tmp_path / "sketches", Rules())
    first = sketches.of(archive.transcripts, keys)
    assert sketches.made == 3
    again = sketches.of(archive.transcripts, keys)
    assert sketches.made == 0 and again == first
    keys[THIRD] = "f" * 32  # (its file changed)
    sketches.of(archive.transcripts, keys)
    assert sketches.made == 1
    assert len(list((tmp_path / "sketches").glob("*.lines"))) == 3  # (the old one is gone)
    assert Sketches(tmp_path / "sketches", Rules(min_words=8)).of(
        archive.transcripts, keys) is not None  # (other rules: other sketches)
    assert len(list((tmp_path / "sketches").glob("*.lines"))) == 3


def test_a_damaged_or_cut_sketch_is_made_again(tmp_path: Path) -> None:
    content = content_of(tmp_path, synthetic.talking_files())
    archive = load(content)
    keys = {t.id: f"{n:032d}" for n, t in enumerate(archive.transcripts)}
    sketches = Sketches(tmp_path / "sketches", Rules())
    first = sketches.of(archive.transcripts, keys)
    assert first.total > 3 and len(first.ids) == 3
    kept = sorted((tmp_path / "sketches").glob("*.lines"))
    kept[0].write_bytes(kept[0].read_bytes()[:-5])  # (cut short)
    kept[1].write_bytes(b"junk" + kept[1].read_bytes()[4:])  # (not a sketch)
    again = sketches.of(archive.transcripts, keys)
    assert sketches.made == 2 and again == first


def test_lines_sorted_share_by_share_are_grouped_as_all_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator import talking_points

    content = content_of(tmp_path, synthetic.talking_files())
    archive = load(content, prepare=Tagger)
    lines = Sketches(tmp_path / "sketches", Rules()).of(archive.transcripts, None)
    assert lines.total > 16

    def seen(said: Said) -> list[object]:
        return [[(o.transcript.id, o.paragraph.id, o.start, o.end, o.exact)
                 for o in point.occurrences] for point in said.points]

    whole = find(archive, lines)
    monkeypatch.setattr(talking_points, "SHARE", 2)  # (a share for every few lines)
    shared = find(archive, lines)
    assert seen(shared) == seen(whole) and len(seen(whole)[0]) == 3
    assert shared.by_paragraph.keys() == whole.by_paragraph.keys()


def test_lines_must_be_those_of_the_archive(tmp_path: Path) -> None:
    content = content_of(tmp_path, synthetic.talking_files())
    archive = load(content)
    lines = Sketches(tmp_path / "sketches", Rules()).of(archive.transcripts[:2], None)
    with pytest.raises(ValueError, match="oldest first"):
        find(archive, lines)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_the_site_shows_talking_points_and_links_every_occurrence(tmp_path: Path) -> None:
    paths = Paths.for_(content_of(tmp_path, synthetic.talking_files()), tmp_path / "site")
    build(paths)
    site = paths.out
    page = _soup(site / "transcripts" / THIRD / "index.html")
    note = page.select_one("#p10 details.tx-said")
    assert note.summary.get_text() == "Said 2 times before, first on 3 March 2019 by Ivan Testov"
    hrefs = [a["href"] for a in note.select("ol.tx-said__where a[href*='transcripts/']")]
    assert hrefs == [f"../../transcripts/{FIRST}/#p10", f"../../transcripts/{SECOND}/#p10"]
    assert "worded: “The Fictown bridge committee will publish its report" in note.get_text()
    assert page.select("#p9 details.tx-said") == [] and len(page.select("details.tx-said")) == 1
    first = _soup(site / "transcripts" / FIRST / "index.html").select_one("#p10 summary")
    assert first.get_text() == "First said here; said again 2 times since"
    second = _soup(site / "transcripts" / SECOND / "index.html").select_one("#p10 summary")
    assert second.get_text() == "Said once before, on 3 March 2019 by Ivan Testov; once since"
    # The talking points, with every occurrence linked to its paragraph.
    listing = _soup(site / "talking-points" / "index.html")
    (point,) = listing.select("section.tx-point")
    assert point.blockquote.get_text() == synthetic.REPEATED_LINE
    assert [a["href"] for a in point.select("ol a[href*='transcripts/']")] == [
        f"../transcripts/{ident}/#p10" for ident in (FIRST, SECOND, THIRD)]
    assert "Said in 3 transcripts by Ivan Testov, Rufus Firefly" in point.get_text()
    assert (site / "talking-points" / "newest" / "index.html").is_file()
    # Each speaker's own, linked from their page.
    speaker = _soup(site / "speakers" / RUFUS / "index.html")
    link = speaker.select_one(".tx-meta a[href$='talking-points/']")
    assert link["href"] == "../../speakers/rufus-firefly/talking-points/"
    assert link.get_text() == "1 line said in several transcripts"
    own = _soup(site / "speakers" / RUFUS / "talking-points" / "index.html")
    assert own.select_one("section.tx-point blockquote").get_text() == synthetic.REPEATED_LINE
    # The data: in the transcript's JSON, and all of them in one file.
    data = json.loads((site / "data" / "transcripts" / f"{THIRD}.json").read_text("utf-8"))
    paragraph = data["turns"][0]["paragraphs"][9]
    (mark,) = paragraph["said_again"]
    assert paragraph["text"][mark["start"]:mark["end"]] == synthetic.REPEATED_LINE
    assert (mark["times"], mark["exact"]) == (3, True)
    export = json.loads((site / "data" / "talking-points.json").read_text("utf-8"))
    (entry,) = export["talking_points"]
    assert entry["id"] == mark["talking_point"] and entry["times"] == 3
    assert [o["url"] for o in entry["occurrences"]] == [
        f"/transcripts/{ident}/#p10" for ident in (FIRST, SECOND, THIRD)]
    assert entry["occurrences"][1]["text"].endswith("publish its report on the river crossing "
                                                    "next spring.")
    # The About page says what the export holds.
    about = (site / "about" / "index.html").read_text("utf-8")
    assert "talking-points.json" in about


def test_text_in_a_talking_point_is_shown_as_text(tmp_path: Path) -> None:
    line = ("The <script>alert(1)</script> committee of {{ Fictown }} will *publish* its full "
            "report next spring.")
    files = synthetic.talking_files()
    for path in list(files):
        files[path] = files[path].replace(synthetic.REPEATED_LINE, line)
    paths = Paths.for_(content_of(tmp_path, files), tmp_path / "site")
    build(paths)
    listing = _soup(paths.out / "talking-points" / "index.html")
    assert listing.select("section.tx-point script") == []
    assert listing.select_one("section.tx-point blockquote").get_text() == line


def test_a_new_transcript_renders_again_only_the_pages_whose_lines_it_repeats(
    tmp_path: Path, rendered: list[str],
) -> None:
    files = synthetic.talking_files(third=False)
    plain = synthetic._talking_transcript("2019-04-01", 5, RUFUS, "Nothing said again here.")
    files[f"transcripts/{plain['id']}.yaml"] = dump(plain)
    content = content_of(tmp_path, files)
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths, workers=1)
    assert sorted(rendered) == sorted([FIRST, SECOND, plain["id"]])
    rendered.clear()
    third = synthetic.talking_files()[f"transcripts/{THIRD}.yaml"]
    (content / "transcripts" / f"{THIRD}.yaml").write_text(third, "utf-8")
    generate(paths, workers=1)
    # The new one, and those whose lines it says again (their notes change); not the rest.
    assert sorted(rendered) == sorted([FIRST, SECOND, THIRD])
    # As a cold build would make them.
    cold = Paths.for_(content, tmp_path / "cold" / "site")
    generate(cold, workers=1)
    for folder in ("docs", "fragments"):
        warm, fresh = synthetic.read(paths.work / folder), synthetic.read(cold.work / folder)
        assert sorted(warm) == sorted(fresh)
        assert [path for path in warm if warm[path] != fresh[path]] == []


@pytest.mark.corpus
def test_the_corpus_talking_points_are_real_repetitions_not_courtesies(
    white_house, tmp_path: Path,
) -> None:
    imported, _, _ = white_house
    folder = tmp_path / "content"  # (the imported briefings, with the sample's registries)
    folder.mkdir()
    (folder / "transcripts").symlink_to(imported / "transcripts")
    (folder / "speakers.yaml").write_bytes((imported / "speakers.yaml").read_bytes())
    (folder / "topics.yaml").write_bytes((CONTENT / "topics.yaml").read_bytes())
    archive = load(folder)
    said = find(archive, Sketches(tmp_path / "sketches", Rules()).of(
        archive.transcripts, None, workers=2))

    def said_as(text: str):  # the talking point said so (in one of its wordings)
        (point,) = [p for p in said.points if any(o.text == text for o in p.occurrences)]
        return point

    # Read in the briefings: a closing formula of background calls, and policy lines the
    # press secretary said again, word for word or nearly, weeks apart.
    formula = said_as("As a reminder, this call is on background, attributable to “a senior "
                      "administration official.”")
    assert len(formula.occurrences) >= 5
    abortion = said_as("Republican elected officials in Congress have proposed four national "
                       "abortion bans while refusing to protect nationwide access to IVF and "
                       "contraception.")
    assert len(abortion.occurrences) >= 3
    assert abortion.speakers == ("karine-jean-pierre",)
    health = said_as("President Biden and Vice President Harris believe that women in every "
                     "state must have the right to make deeply personal decisions about their "
                     "health care.")
    assert len(health.occurrences) >= 3
    # Every occurrence holds the words it is listed for.
    for point in said.points:
        for occurrence in point.occurrences:
            assert occurrence.paragraph.text[occurrence.start:occurrence.end] == occurrence.text
            if occurrence.exact:
                assert words(occurrence.text) == words(point.text)
            else:
                assert near(words(occurrence.text), words(point.text), Rules())
        assert len({o.transcript.id for o in point.occurrences}) == len(point.occurrences)
    # Courtesies are not lines.
    courtesies = {"thank you", "thank you very much", "good afternoon", "good morning",
                  "good afternoon everyone", "thanks", "thank you so much"}
    assert not [p.text for p in said.points if " ".join(words(p.text)) in courtesies]
    assert all(len(words(p.text)) >= Rules().min_words for p in said.points)
    assert len(said.points) >= 300


def test_a_talking_point_is_listed_under_a_topic_its_own_words_are_about(tmp_path: Path) -> None:
    line = ("The Fictown committee will run the tests, and then more tests, and publish the "
            "tests next spring.")
    files = synthetic.talking_files()
    for path in list(files):  # (briefings on tests: their titles say so)
        files[path] = files[path].replace(synthetic.REPEATED_LINE, line).replace(
            "title: Made-up briefing number", "title: Made-up briefing on tests, number").replace(
            "Paragraph 11 of", "More tests in paragraph 11 of")
    content = content_of(tmp_path, files)
    archive = load(content, prepare=Tagger)
    (paragraph,) = [p for p in archive.transcripts[0].paragraphs if line in p.text]
    assert paragraph.about == ("testing",)  # (the tagger's)
    said = find(archive, Sketches(tmp_path / "sketches", Rules()).of(archive.transcripts, None))
    (point,) = said.points
    assert point.topics == ("testing",) and said.of_topic("testing") == (point,)
    assert said.of_topic("fixtures") == ()


def test_the_lines_said_again_are_kept_until_a_sketch_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator import talking_points

    content = content_of(tmp_path, synthetic.talking_files())
    archive = load(content)
    sketches = Sketches(tmp_path / "sketches", Rules()).of(archive.transcripts, None)
    kept = tmp_path / "clusters.last"
    first = find(archive, sketches, Rules(), kept)
    compared = []
    original = talking_points._repeated
    monkeypatch.setattr(talking_points, "_repeated",
                        lambda *args: compared.append(1) or original(*args))
    again = find(archive, sketches, Rules(), kept)
    assert compared == [] and again.points[0].occurrences == first.points[0].occurrences
    # Other words in one transcript: compared again, and the line is said once less.
    third = content / "transcripts" / f"{THIRD}.yaml"
    third.write_text(third.read_text("utf-8").replace("river crossing next", "bridge next"),
                     "utf-8")
    archive = load(content)
    sketches = Sketches(tmp_path / "sketches", Rules()).of(archive.transcripts, None)
    changed = find(archive, sketches, Rules(), kept)
    assert compared == [1] and len(changed.points[0].occurrences) == 2
    # Other rules: compared again.
    find(archive, sketches, Rules(max_edits=0), kept)
    assert compared == [1, 1]
