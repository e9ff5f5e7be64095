"""The tool as users install it: a wheel that carries its templates, theme overrides and
MkDocs configuration, and builds an archive kept anywhere, as the checkout does."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import synthetic
from conftest import PROJECT, copy_content

from generator.build import Paths, build


def _run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, text=True, capture_output=True, **options)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tool built as a wheel from the checkout."""
    folder = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
          "--no-deps", "--wheel-dir", str(folder), str(PROJECT)])
    (found,) = folder.glob("*.whl")
    return found


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel and its pinned dependencies installed
    from the package registry; gives its ``bin`` folder."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", str(venv)])
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
          "--disable-pip-version-check", "-c", str(PROJECT / "constraints.txt"), str(wheel)])
    return venv / "bin"


def _outside(tmp_path: Path) -> dict[str, str]:
    """An environment that cannot reach the checkout: no PYTHONPATH, run from elsewhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def test_the_wheel_carries_the_templates_overrides_and_configuration(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for folder in ("templates", "site_overrides"):
        files = {p.relative_to(PROJECT).as_posix() for p in (PROJECT / folder).rglob("*")
                 if p.is_file()}
        assert files, folder
        assert {f"generator/_data/{name}" for name in files} <= names
    assert "generator/_data/mkdocs.yml" in names
    assert "generator/mkdocs_hooks.py" in names
    assert "generator/schemas/transcript.schema.json" in names
    assert not any(name.startswith(("tests/", "content/")) for name in names)


def test_the_sample_builds_the_same_from_the_wheel_as_from_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    where = _run([str(installed / "python"), "-c", "import generator; print(generator.__file__)"],
                 cwd=tmp_path, env=_outside(tmp_path)).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where
    assert not Path(where).is_relative_to(PROJECT)

    archive = tmp_path / "archive"
    copy_content(archive / "content")
    _run([str(installed / "transcripts"), "build", "--content", "content", "--out", "site"],
         cwd=archive, env=_outside(tmp_path))
    checkout = Paths.for_(copy_content(tmp_path / "checkout" / "content"),
                          tmp_path / "checkout" / "site")
    build(checkout)

    from_wheel, from_checkout = (synthetic.snapshot(archive / "site"),
                                 synthetic.snapshot(checkout.out))
    assert sorted(from_wheel) == sorted(from_checkout)
    assert [name for name in sorted(from_wheel)
            if from_wheel[name] != from_checkout[name]] == []
    assert len(from_wheel) > 100
