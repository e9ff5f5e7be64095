"""A rebuild with nothing changed does nothing; any change the site depends on rebuilds."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE_ID, copy_content

from generator.build import Paths, build
from generator.cli import main


def _build(paths: Paths, *extra: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["build", "--content", str(paths.content), "--out", str(paths.out),
                     "--timings", *extra]) == 0
    return out.getvalue()


def test_the_fingerprint_is_the_same_in_every_process(tmp_path: Path) -> None:
    """A rebuild is another process: its fingerprint of unchanged inputs must be the same,
    whatever order its sets come in (string hashes change from process to process)."""
    paths = Paths.for_(copy_content(tmp_path / "content"), tmp_path / "site")
    code = ("import sys; from pathlib import Path; from generator.build import Paths, "
            "fingerprint; print(fingerprint(Paths.for_(Path(sys.argv[1]), Path(sys.argv[2]))))")
    found = {subprocess.run([sys.executable, "-c", code, str(paths.content), str(paths.out)],
                            env={**os.environ, "PYTHONHASHSEED": str(seed)}, check=True,
                            capture_output=True, text=True).stdout for seed in range(6)}
    assert len(found) == 1


def test_nothing_changed_means_nothing_done(tmp_path: Path) -> None:
    paths = Paths.for_(copy_content(tmp_path / "content"), tmp_path / "site")
    first = _build(paths)
    assert "generate" in first and "mkdocs" in first
    # Pagefind ran beside MkDocs: its own time is given apart from the stages' laps.
    assert float(re.search(r"pagefind (\d+\.\d+) s", first).group(1)) > 0
    page = paths.out / "transcripts" / SAMPLE_ID / "index.html"
    before = page.stat().st_mtime_ns, page.read_bytes()

    again = _build(paths)
    assert "pages: 0 written," in again and ", 0 deleted" in again
    assert "nothing changed since the last build" in again
    assert "generate" not in again and "mkdocs" not in again
    assert (page.stat().st_mtime_ns, page.read_bytes()) == before

    forced = _build(paths, "--force")
    assert "mkdocs" in forced and "nothing changed" not in forced


def test_every_kind_of_change_rebuilds(tmp_path: Path) -> None:
    paths = Paths.for_(copy_content(tmp_path / "content"), tmp_path / "site")
    written, unchanged, deleted = build(paths)
    assert written and not unchanged and not deleted
    page = paths.out / "transcripts" / SAMPLE_ID / "index.html"

    # A transcript's title edited: its page shows the new title.
    source = paths.content / "transcripts" / f"{SAMPLE_ID}.yaml"
    source.write_text(source.read_text("utf-8").replace("title: ", "title: Zzyzx edit, ", 1),
                      "utf-8")
    written, _, _ = build(paths)
    assert written and "Zzyzx edit" in page.read_text("utf-8")

    # A template of the content's own overrides.
    overrides = paths.content / "templates"
    overrides.mkdir(exist_ok=True)
    shutil.copy(Path(__file__).parents[1] / "templates" / "about.md.j2", overrides)
    about = overrides / "about.md.j2"
    about.write_text(about.read_text("utf-8") + "\nQwxz marker paragraph.\n", "utf-8")
    written, _, _ = build(paths)
    assert written and "Qwxz marker" in (paths.out / "about" / "index.html").read_text("utf-8")

    # The site deleted: published again from the unchanged pages.
    shutil.rmtree(paths.out)
    written, unchanged, _ = build(paths)
    assert not written and unchanged and page.is_file()

    # Nothing changed: nothing done.
    assert build(paths)[0] == 0


def test_a_failed_build_is_not_taken_for_an_up_to_date_site(tmp_path: Path) -> None:
    paths = Paths.for_(copy_content(tmp_path / "content"), tmp_path / "site")
    build(paths)
    topics = paths.content / "topics.yaml"
    good = topics.read_bytes()
    topics.write_bytes(good + b"\nnot: [valid\n")
    assert main(["build", "--content", str(paths.content), "--out", str(paths.out)]) != 0
    topics.write_bytes(good)
    # Back to the content of the published site: the stamp of the failed build's
    # attempt is gone, so this build checks and publishes again rather than trusting it.
    output = _build(paths)
    assert "generate" in output


def test_a_failed_render_leaves_nothing_frozen_for_the_next_build(tmp_path: Path) -> None:
    """The loaded archive is frozen out of the garbage collector's passes while pages
    are rendered; a render that fails gives it back too (``transcripts serve`` builds
    again in the same process)."""
    import gc

    import pytest

    from generator.build import generate

    content = copy_content(tmp_path / "content")
    (content / "templates").mkdir()
    (content / "templates" / "transcript.html.j2").write_text(
        "{{ no_such_value.anything }}\n", "utf-8")
    gc.unfreeze()
    with pytest.raises(Exception, match="no_such_value"):
        generate(Paths.for_(content, tmp_path / "site"), workers=1)
    assert gc.get_freeze_count() == 0
