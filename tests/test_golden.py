"""Golden files: the sample's imported YAML, generated Markdown and JSON.

After an intended change of output, refresh them with ``make golden``
(``UPDATE_GOLDEN=1 pytest tests/test_golden.py``) and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SAMPLE_ID, SAMPLE_RAW

from generator.build import Paths, generate
from generator.importing import import_files

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def compare(actual: dict[str, bytes], folder: Path) -> None:
    """Assert that ``folder`` holds exactly ``actual``, or rewrite it when updating."""
    if UPDATE:
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file():
                path.unlink()
        for name, data in actual.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        pytest.skip("golden files refreshed")
    expected = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    assert sorted(actual) == sorted(expected), "generated files differ from the golden list"
    for name in sorted(actual):
        assert actual[name].decode() == expected[name].decode(), f"{name} differs from golden"


def test_imported_yaml(tmp_path: Path, content: Path) -> None:
    (content / "transcripts" / f"{SAMPLE_ID}.yaml").unlink()
    import_files([SAMPLE_RAW], content)
    produced = (content / "transcripts" / f"{SAMPLE_ID}.yaml").read_bytes()
    compare({f"{SAMPLE_ID}.yaml": produced}, GOLDEN / "yaml")


def test_generated_markdown_html_and_json(tmp_path: Path, content: Path) -> None:
    paths = Paths.for_(content, tmp_path / "site")
    generate(paths)
    files = {
        p.relative_to(paths.work).as_posix(): p.read_bytes()
        for p in paths.work.rglob("*")
        if p.is_file() and p.suffix in (".md", ".json", ".html")
    }
    compare(files, GOLDEN / "site")


def test_content_matches_golden_yaml() -> None:
    """The sample in content/ is exactly what the importer makes of the raw file."""
    from conftest import CONTENT

    content_yaml = (CONTENT / "transcripts" / f"{SAMPLE_ID}.yaml").read_bytes()
    assert content_yaml == (GOLDEN / "yaml" / f"{SAMPLE_ID}.yaml").read_bytes()
