"""Only what changed is rendered again, and a rebuild gives what a cold build gives."""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
import synthetic

from generator import render
from generator.build import Paths, generate
from generator.load import load
from generator.yamlio import dump


def _same_as_cold(paths: Paths, tmp_path: Path, name: str) -> None:
    cold = Paths.for_(paths.content, tmp_path / name / "site")
    generate(cold, workers=1)
    for folder in ("docs", "fragments", "parts"):
        warm, fresh = synthetic.read(paths.work / folder), synthetic.read(cold.work / folder)
        assert sorted(warm) == sorted(fresh)
        assert [path for path in warm if warm[path] != fresh[path]] == []


def test_edits_render_only_their_pages_and_match_a_cold_build(
    tmp_path: Path, rendered: list[str]
) -> None:
    files = synthetic.files(transcripts=40, paragraphs=20)
    content = synthetic.write(tmp_path / "content", files)
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths, workers=1)
    assert len(rendered) == 40
    pages = synthetic.read(paths.work / "fragments")
    assert any(name.startswith("topics/testing/page-2") for name in pages)

    ids = {n: synthetic.transcript(n, 20)["id"] for n in (5, 9, 12, 41)}
    folder = content / "transcripts"
    # A title edited; words that bring a topic in; a transcript deleted; one added.
    edited = folder / f"{ids[5]}.yaml"
    edited.write_text(edited.read_text("utf-8").replace("number 5", "number five"), "utf-8")
    retagged = folder / f"{ids[9]}.yaml"
    retagged.write_text(retagged.read_text("utf-8").replace(
        "Paragraph 1 of conference 9, plain words only.",
        "Paragraph 1 of conference 9, the fixtures moved."), "utf-8")
    (folder / f"{ids[12]}.yaml").unlink()
    (folder / f"{ids[41]}.yaml").write_text(dump(synthetic.transcript(41, 20)), "utf-8")
    rendered.clear()
    written, unchanged, deleted = generate(paths, workers=1)[1]
    assert sorted(rendered) == sorted([ids[5], ids[9], ids[41]])
    assert written and unchanged and deleted
    _same_as_cold(paths, tmp_path, "cold")

    # Nothing changed: nothing rendered, nothing written.
    rendered.clear()
    assert generate(paths, workers=1)[1][0] == 0
    assert rendered == []


def test_templates_registries_and_missing_files_render_again(
    tmp_path: Path, rendered: list[str]
) -> None:
    content = synthetic.write(tmp_path / "content",
                              synthetic.files(transcripts=6, paragraphs=6))
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths, workers=1)

    # A generated file deleted (or damaged by hand: deleted is what can be told).
    fragment = sorted((paths.work / "fragments" / "transcripts").glob("*.html"))[0]
    fragment.unlink()
    rendered.clear()
    generate(paths, workers=1)
    assert rendered == [fragment.stem] and fragment.is_file()

    # A template of the content's own overrides: every page.
    overrides = content / "templates"
    overrides.mkdir()
    template = Path(render.__file__).parents[1] / "templates" / "transcript.html.j2"
    shutil.copy(template, overrides)
    (overrides / "transcript.html.j2").write_text(
        template.read_text("utf-8") + "<p>Zqx override</p>\n", "utf-8")
    rendered.clear()
    generate(paths, workers=1)
    assert len(rendered) == 6 and "Zqx override" in fragment.read_text("utf-8")

    # A speaker's name in the registry: every page that names him.
    registry = content / "speakers.yaml"
    registry.write_text(registry.read_text("utf-8").replace(
        "name: Ivan Testov", "name: Ivan Q. Testov"), "utf-8")
    rendered.clear()
    generate(paths, workers=1)
    assert len(rendered) == 6
    _same_as_cold(paths, tmp_path, "cold")


def test_a_failed_build_leaves_no_record_to_trust(tmp_path: Path, rendered: list[str]) -> None:
    content = synthetic.write(tmp_path / "content",
                              synthetic.files(transcripts=4, paragraphs=4))
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths, workers=1)
    record = paths.work / "pages.pickle"
    assert record.is_file()
    (content / "topics.yaml").write_text("topics: [oops", "utf-8")
    with pytest.raises(Exception):  # noqa: B017,PT011 (the content error itself is tested elsewhere)
        generate(paths, workers=1)
    (content / "topics.yaml").write_text(dump(synthetic.TOPICS), "utf-8")
    generate(paths, workers=1)
    _same_as_cold(paths, tmp_path, "cold")


def test_rendering_in_several_processes_gives_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import build

    monkeypatch.setattr(build, "PARALLEL_RENDER", 1)
    content = synthetic.write(tmp_path / "content",
                              synthetic.files(transcripts=30, paragraphs=20))
    paths = Paths.for_(content, tmp_path / "site")
    ticks: list[int] = []

    class Counting(build.Progress):
        @contextmanager
        def stage(self, name, total=None, unit="files"):  # type: ignore[no-untyped-def]
            with super().stage(name, total, unit) as advance:
                def counted(n: int) -> None:
                    if name == "render":
                        ticks.append(n)
                    advance(n)
                yield counted

    newest, (written, unchanged, deleted) = generate(paths, workers=3, progress=Counting())
    assert not list(paths.work.glob(".share-*"))  # (each share's record read and deleted)
    archive = load(paths.content)  # (in the order of the archive, as generate had it)
    assert newest == archive.transcripts[0].date
    assert written == sum(len(synthetic.read(paths.work / folder))
                          for folder in ("docs", "fragments", "parts"))
    assert sum(ticks) == written  # the bar counts what the processes made
    _same_as_cold(paths, tmp_path, "one-process")
    # The archive-wide files, put together from each transcript's part: every transcript's
    # data once, newest first (a gzip reader reads the members as one stream), every
    # paragraph once.
    data = paths.work / "docs" / "data"
    lines = gzip.decompress((data / "archive.jsonl.gz").read_bytes()).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [t.id for t in archive.transcripts]
    assert [line + "\n" for line in lines] == [
        (data / "transcripts" / f"{t.id}.json").read_text("utf-8") for t in archive.transcripts]
    with (data / "paragraphs.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["transcript"], r["paragraph"]) for r in rows] == [
        (t.id, p.id) for t in archive.transcripts for turn in t.turns for p in turn.paragraphs]
    # The record of the shared-out build lets the next build skip every page.
    assert generate(paths, workers=3)[1][0] == 0
    # A stale file is deleted; an edit is rendered by whichever process claims it.
    (paths.work / "docs" / "stale.md").write_text("x", "utf-8")
    edited = next((content / "transcripts").glob("*.yaml"))
    edited.write_text(edited.read_text("utf-8").replace("number", "Number", 1), "utf-8")
    written, unchanged, deleted = generate(paths, workers=3)[1]
    assert deleted == 1 and 0 < written < unchanged
    _same_as_cold(paths, tmp_path, "after-edit")


def test_a_title_edit_makes_no_csv_again_and_only_the_pages_that_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV holds no title: a title edited makes its topics' and speaker's CSVs again
    only if their rows changed (they did not). A speaker's page shows the turns of its
    own transcripts: only the first page (the list of all) and the page with the edited
    transcript's turns are made again, not every page of the speaker."""
    from generator import build

    made: list[str] = []
    original = build.render_site

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        for path, content in original(*args, **kwargs):
            if content is not render.UNCHANGED:
                made.append(path)
            yield path, content

    monkeypatch.setattr(build, "render_site", spy)
    content = synthetic.write(tmp_path / "content", synthetic.files(transcripts=40,
                                                                    paragraphs=20))
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths, workers=1)
    speaker_pages = [p for p in made if p.startswith("fragments/speakers/ivan-testov")]
    assert len(speaker_pages) >= 3

    edited = content / "transcripts" / f"{synthetic.transcript(5, 20)['id']}.yaml"
    edited.write_text(edited.read_text("utf-8").replace("number 5", "number five"), "utf-8")
    made.clear()
    generate(paths, workers=1)
    assert [p for p in made if p.startswith(("docs/data/topics/", "docs/data/speakers/"))] == []
    showing = sorted(p for p in speaker_pages
                     if "number five" in (paths.work / p).read_text("utf-8"))
    assert showing and len(showing) < len(speaker_pages)
    assert sorted(p for p in made if p.startswith("fragments/speakers/")) == sorted(
        {"fragments/speakers/ivan-testov.html", *showing})
    _same_as_cold(paths, tmp_path, "cold")


def test_a_passage_no_longer_about_a_topic_moves_to_its_mentions(tmp_path: Path) -> None:
    """An edit that leaves a paragraph naming its topic only in passing renders again the
    topic's page, its mentions, its CSV and the transcript's JSON: nothing is stale."""
    # A second paragraph about zeppelins (p3), so that the transcript stays on their page.
    files = synthetic.relevance_files(
        more=("The zeppelins hum. The zeppelins turn. The zeppelins sleep.",))
    name = f"transcripts/{synthetic.RELEVANCE_ID}.yaml"
    content = synthetic.write(tmp_path / "content", files)
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths, workers=1)
    work = paths.work
    topic_csv = work / "docs" / "data" / "topics" / "zeppelins.csv"
    transcript_json = work / "docs" / "data" / "transcripts" / f"{synthetic.RELEVANCE_ID}.json"
    assert [row["paragraph"] for row in csv.DictReader(topic_csv.open())] == ["p1", "p3"]

    edited = content / name
    edited.write_text(edited.read_text("utf-8").replace(
        synthetic.ABOUT_ZEPPELINS, "The zeppelins fly at dawn. Nothing else happened. We slept."
    ), "utf-8")
    generate(paths, workers=1)
    assert [row["paragraph"] for row in csv.DictReader(topic_csv.open())] == ["p3"]
    weighed = {p["id"]: p["topic_relevance"] for turn in
               json.loads(transcript_json.read_text("utf-8"))["turns"] for p in turn["paragraphs"]}
    assert [r["kind"] for r in weighed["p1"]] == ["mention"]
    topic = (work / "fragments" / "topics" / "zeppelins.html").read_text("utf-8")
    mentions = (work / "fragments" / "topics" / "zeppelins" / "mentions.html").read_text("utf-8")
    assert "#p1" not in topic and "#p3" in topic
    assert "#p1" in mentions and "#p4" in mentions
    _same_as_cold(paths, tmp_path, "cold")
