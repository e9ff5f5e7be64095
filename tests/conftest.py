"""Shared fixtures: the sample content, the real corpus, and built sites."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import Paths, build

PROJECT = Path(__file__).resolve().parent.parent
CONTENT = PROJECT / "content"
CORPUS = PROJECT.parent / "shared" / "corpus"
SAMPLE_ID = "2016-04-15-lavrov-kishida-tokyo"
SAMPLE_RAW = CONTENT / "raw" / f"{SAMPLE_ID}.txt"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_content(target: Path) -> Path:
    """A private copy of the sample content folder, safe to modify."""
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns(".*"))
    return target


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Paths:
    """The sample content built once into a temporary folder."""
    root = tmp_path_factory.mktemp("sample")
    paths = Paths.for_(copy_content(root / "content"), root / "site")
    build(paths)
    return paths
