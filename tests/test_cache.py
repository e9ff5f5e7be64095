"""The model cache: a rebuild reads, validates and tags only what changed, and what it
takes from the cache is exactly what reading the files again would give."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import synthetic
from conftest import CONTENT, SAMPLE_ID, copy_content

import generator.load
from generator import cache as cache_module
from generator.build import Paths, build, generate
from generator.cache import Cache
from generator.errors import ContentError
from generator.load import load
from generator.model import Archive
from generator.tagging import Tagger
from generator.yamlio import dump, parse

EXTRA = synthetic.files(transcripts=4, paragraphs=6)
SYNTHETIC = sorted(Path(name).stem for name in EXTRA if name.startswith("transcripts/"))
ALL = sorted([SAMPLE_ID, *SYNTHETIC])


def _registry(name: str, key: str, extra: dict | None = None) -> str:
    """The sample's registry with the synthetic entries (and ``extra``) added."""
    sample, _ = parse((CONTENT / name).read_text("utf-8"), name)
    added, _ = parse(EXTRA[name], name)
    return dump({key: sample[key] + added[key] + ([extra] if extra else [])})


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The sample and four synthetic transcripts, with both registries."""
    folder = copy_content(tmp_path / "content")
    registries = {"speakers.yaml": _registry("speakers.yaml", "speakers"),
                  "topics.yaml": _registry("topics.yaml", "topics")}
    return synthetic.write(folder, {**EXTRA, **registries})


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stems of the transcript files read (parsed and validated) from now on."""
    seen: list[str] = []
    original = generator.load.load_transcript

    def counting(path: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        seen.append(path.stem)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.load, "load_transcript", counting)
    return seen


def cached_load(content: Path, folder: Path, reads: list[str],
                workers: int = 1) -> tuple[Archive, list[str]]:
    """Load as the build does, with the cache in ``folder``; the archive and the stems of
    the files it read."""
    reads.clear()
    archive = load(content, workers=workers, prepare=Tagger, cache=Cache(folder))
    return archive, sorted(reads)


def fresh(content: Path) -> Archive:
    """The archive read and tagged without a cache."""
    return load(content, prepare=Tagger)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_an_unchanged_archive_comes_from_the_cache_alone(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    first, read_first = cached_load(content, tmp_path / "cache", reads)
    second, read_second = cached_load(content, tmp_path / "cache", reads)
    assert (read_first, read_second) == (ALL, [])
    assert first == second == fresh(content)
    assert sorted(p.name.split(".")[0] for p in (tmp_path / "cache").iterdir()) == ALL


def test_editing_a_topics_patterns_retags_every_transcript(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    cached_load(content, tmp_path / "cache", reads)
    edit(content / "topics.yaml", "      - fixtures\n", "      - fixtures\n      - plain words\n")
    archive, read = cached_load(content, tmp_path / "cache", reads)
    assert read == ALL
    assert archive == fresh(content)
    plain = [p for t in archive.transcripts for p in t.paragraphs if "plain words" in p.text]
    assert plain and all("fixtures" in p.topics for p in plain)
    assert len(list((tmp_path / "cache").iterdir())) == len(ALL)  # the old entries are gone


def test_editing_one_transcript_rereads_only_it(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    cached_load(content, tmp_path / "cache", reads)
    edit(content / "transcripts" / f"{SYNTHETIC[1]}.yaml", "Is this a test?",
         "Are these fixtures?")
    archive, read = cached_load(content, tmp_path / "cache", reads)
    assert read == [SYNTHETIC[1]]
    assert archive == fresh(content)
    question = next(t for t in archive.transcripts if t.id == SYNTHETIC[1]).turns[1]
    assert question.paragraphs[0].topics == ("fixtures",)
    assert len(list((tmp_path / "cache").iterdir())) == len(ALL)
    assert cached_load(content, tmp_path / "cache", reads)[1] == []


def test_deleting_the_cache_changes_no_output_byte(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    warm = Paths.for_(content, tmp_path / "warm" / "site")
    build(warm)
    reads.clear()
    build(warm, force=True)  # every transcript from the cache
    assert reads == []
    cold = Paths.for_(content, tmp_path / "cold" / "site")
    build(cold)
    assert sorted(reads) == ALL
    for folder in ("docs", "fragments", "parts"):
        assert synthetic.read(warm.work / folder) == synthetic.read(cold.work / folder)
    one, two = synthetic.snapshot(warm.out), synthetic.snapshot(cold.out)
    assert [name for name in sorted(one | two) if one.get(name) != two.get(name)] == []
    shutil.rmtree(warm.cache)
    written, unchanged, deleted = generate(warm, workers=1)[1]
    assert (written, deleted) == (0, 0) and unchanged == sum(
        len(synthetic.read(warm.work / folder)) for folder in ("docs", "fragments", "parts"))


def test_editing_the_speaker_registry_invalidates(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    cached_load(content, tmp_path / "cache", reads)
    (content / "speakers.yaml").write_text(_registry(
        "speakers.yaml", "speakers",
        {"id": "jane-testova", "name": "Jane Testova", "variants": ["Jane Testova"]}), "utf-8")
    archive, read = cached_load(content, tmp_path / "cache", reads)
    assert read == ALL
    assert archive == fresh(content)


def test_a_registry_edit_that_changes_no_entry_keeps_the_cache(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    # The key holds the registries as loaded, not their bytes: a comment changes nothing.
    cached_load(content, tmp_path / "cache", reads)
    for name in ("speakers.yaml", "topics.yaml"):
        path = content / name
        path.write_text(path.read_text("utf-8") + "# reviewed in May\n", "utf-8")
    assert cached_load(content, tmp_path / "cache", reads)[1] == []


def test_a_transcript_with_a_problem_is_reported_by_every_build(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    broken = content / "transcripts" / f"{SYNTHETIC[2]}.yaml"
    edit(broken, "speaker: ivan-testov", "speaker: ivan-testof")
    expected = f"{broken}:9: participants[0].speaker: unknown speaker id 'ivan-testof'"
    for attempt, expected_reads in enumerate((ALL, [SYNTHETIC[2]])):
        reads.clear()
        with pytest.raises(ContentError) as caught:
            load(content, prepare=Tagger, cache=Cache(tmp_path / "cache"))
        assert [str(problem) for problem in caught.value.problems] == [expected], attempt
        assert sorted(reads) == expected_reads
    assert not list((tmp_path / "cache").glob(f"{SYNTHETIC[2]}.*"))


def test_checks_across_files_cover_cached_transcripts(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    first, second = (content / "transcripts" / f"{stem}.yaml" for stem in SYNTHETIC[:2])
    edit(first, "title:", "former_ids:\n- an-old-address\ntitle:")
    cached_load(content, tmp_path / "cache", reads)
    edit(second, "title:", "former_ids:\n- an-old-address\ntitle:")
    reads.clear()
    with pytest.raises(ContentError) as caught:
        load(content, prepare=Tagger, cache=Cache(tmp_path / "cache"))
    assert reads == [SYNTHETIC[1]]  # the first transcript came from the cache
    assert [p.message for p in caught.value.problems] == [
        f"former id 'an-old-address' is also a former id of transcript {SYNTHETIC[0]!r}"]


def test_a_new_code_version_invalidates(
    content: Path, tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_load(content, tmp_path / "cache", reads)
    monkeypatch.setattr(cache_module, "VERSION", cache_module.VERSION + 1)
    cache_module.code_fingerprint.cache_clear()
    try:
        assert cached_load(content, tmp_path / "cache", reads)[1] == ALL
    finally:
        cache_module.code_fingerprint.cache_clear()


def test_the_key_covers_the_code_that_makes_the_model() -> None:
    package = Path(generator.load.__file__).parent
    assert all((package / name).is_file() for name in cache_module.SOURCES)
    assert {"load.py", "tagging.py", "model.py", "threads.py"} <= set(cache_module.SOURCES)


def test_a_damaged_entry_is_read_again_and_deleted_transcripts_leave_the_cache(
    content: Path, tmp_path: Path, reads: list[str]
) -> None:
    folder = tmp_path / "cache"
    cached_load(content, folder, reads)
    next(folder.glob(f"{SYNTHETIC[0]}.*")).write_bytes(b"not a pickle")
    (folder / ".left-by-a-killed-build.tmp").write_bytes(b"")
    (content / "transcripts" / f"{SYNTHETIC[3]}.yaml").unlink()
    archive, read = cached_load(content, folder, reads)
    assert read == [SYNTHETIC[0]]
    assert archive == fresh(content)
    assert sorted(p.name.split(".")[0] for p in folder.iterdir()) == sorted(
        set(ALL) - {SYNTHETIC[3]})
    assert cached_load(content, folder, reads)[1] == []


def test_worker_processes_fill_the_cache(tmp_path: Path) -> None:
    content = synthetic.write(tmp_path / "content", synthetic.files(40, 3))
    store = Cache(tmp_path / "cache")
    cold = load(content, workers=2, prepare=Tagger, cache=store)
    assert (store.hits, store.misses) == (0, 40)
    warm = load(content, workers=2, prepare=Tagger, cache=store)
    assert (store.hits, store.misses) == (40, 0)
    assert cold == warm


def test_check_without_tagging_uses_no_cache(content: Path, tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    load(content, cache=store)
    assert (store.hits, store.misses, (tmp_path / "cache").exists()) == (0, len(ALL), False)

