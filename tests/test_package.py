"""The tool as users install it: a wheel that carries its templates, theme overrides and
MkDocs configuration, and builds an archive kept anywhere, as the checkout does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import synthetic
import yaml
from conftest import PROJECT, SAMPLE_RAW, copy_content

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


NOBODY = 65534
"""The user the workflow's steps run as when the tests run as root (GitHub's runners
are not root)."""


def _as_user(command: list[str]) -> list[str]:
    """``command`` run as an unprivileged user if the tests run as root."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--",
            *command]


def _public_folder(prefix: str) -> Path:
    """A new folder any user can use (pytest's temporary folders are the owner's only),
    owned by the user the steps run as."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    return folder


def _public_python(folder: Path) -> tuple[str, dict[str, str]]:
    """A Python the unprivileged user can run, and the environment it needs: this one
    when the tests do not run as root; as root (whose Python may live in root's own
    folder, out of other users' reach), a copy of this Python's installation without its
    packages, in ``folder``. (Debian's python3 may be older than the pinned packages
    need: the tool asks for 3.11.5.)"""
    if os.geteuid() != 0:
        return sys.executable, {}
    prefix = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    stdlib = prefix / "lib" / version
    shutil.copytree(stdlib, folder / "lib" / version, symlinks=True, ignore=lambda where, names: [
        n for n in names if n in ("site-packages", "test", "__pycache__", "idlelib", "tkinter")
        and Path(where) == stdlib or n == "__pycache__"])
    (folder / "bin").mkdir()
    shutil.copy2(Path(sys.executable).resolve(), folder / "bin" / version)
    for library in (prefix / "lib").glob("libpython*.so*"):
        shutil.copy2(library, folder / "lib" / library.name, follow_symlinks=True)
    _run(["chmod", "-R", "a+rX", str(folder)])
    return str(folder / "bin" / version), {"LD_LIBRARY_PATH": str(folder / "lib")}


@pytest.fixture(scope="session")
def installed(wheel: Path) -> Iterator[Path]:
    """A fresh virtual environment with the wheel and its pinned dependencies installed
    from the package registry, owned by the user the workflow's steps run as (as
    setup-python's Python is on GitHub); gives its ``bin`` folder."""
    base = Path(tempfile.mkdtemp(prefix="tool-python-"))
    venv = base / "venv"
    try:
        base.chmod(0o755)
        python, needs = _public_python(base / "python")
        env = {**os.environ, **needs}
        _run([python, "-m", "venv", str(venv)], env=env)
        _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
              "--disable-pip-version-check", "-c", str(PROJECT / "constraints.txt"),
              str(wheel)], env=env)
        if os.geteuid() == 0:
            _run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(venv)])
        (venv / "bin" / "library-path").write_text(needs.get("LD_LIBRARY_PATH", ""))
        yield venv / "bin"
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _needs(installed: Path) -> dict[str, str]:
    """What the installed tool's Python needs in its environment (``_public_python``)."""
    path = (installed / "library-path").read_text()
    return {"LD_LIBRARY_PATH": path} if path else {}


def _outside(installed: Path) -> dict[str, str]:
    """An environment that cannot reach the checkout: no PYTHONPATH, run from elsewhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return {**env, **_needs(installed)}


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
                 cwd=tmp_path, env=_outside(installed)).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where
    assert not Path(where).is_relative_to(PROJECT)

    archive = tmp_path / "archive"
    copy_content(archive / "content")
    _run([str(installed / "transcripts"), "build", "--content", "content", "--out", "site"],
         cwd=archive, env=_outside(installed))
    checkout = Paths.for_(copy_content(tmp_path / "checkout" / "content"),
                          tmp_path / "checkout" / "site")
    build(checkout)

    from_wheel, from_checkout = (synthetic.snapshot(archive / "site"),
                                 synthetic.snapshot(checkout.out))
    assert sorted(from_wheel) == sorted(from_checkout)
    assert [name for name in sorted(from_wheel)
            if from_wheel[name] != from_checkout[name]] == []
    assert len(from_wheel) > 100


def test_a_new_archive_builds_by_its_workflows_steps_as_a_user_from_the_wheel(
    installed: Path, wheel: Path
) -> None:
    """From nothing to a built site with the installed tool, as a user who is not root,
    without the development corpus: ``transcripts init``, an import of a real
    transcript, then every ``run:`` step of the generated workflow's build job, in order,
    as GitHub runs them (``bash -e``, the job's and the step's environment; the workflow
    evaluates ``SITE_URL`` from its context, given here)."""
    home, root = _public_folder("user-home-"), _public_folder("archives-")
    try:
        env = {**_needs(installed),
               "PATH": f"{installed}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
               "NO_MKDOCS_2_WARNING": "1", "PIP_FIND_LINKS": str(home),
               "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

        def step(command: str, cwd: Path, extra: dict[str, str] | None = None
                 ) -> subprocess.CompletedProcess[str]:
            done = subprocess.run(_as_user(["bash", "-e", "-c", command]), cwd=cwd, text=True,
                                  capture_output=True, env={**env, **(extra or {})})
            assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
            return done

        step("transcripts init fictown-archive --name 'Fictown Archive'", root)
        archive = root / "fictown-archive"
        shutil.copy(SAMPLE_RAW, home / SAMPLE_RAW.name)
        shutil.copy(wheel, home / wheel.name)  # (where pip finds the tool)
        step(f"transcripts import {home / SAMPLE_RAW.name}", archive)

        workflow = yaml.safe_load((archive / ".github" / "workflows" / "publish.yml").read_text())
        job = workflow["jobs"]["build"]
        assert "${{" in job["env"]["SITE_URL"]
        job_env = {**job["env"], "SITE_URL": "https://fictown.github.io/fictown-archive/"}
        runs = [s for s in job["steps"] if "run" in s]
        assert [s["run"].split()[0] for s in runs] == ["python", "transcripts", "transcripts"]
        for each in runs:
            assert "${{" not in each["run"]  # (nothing the test would have to evaluate)
            step(each["run"], archive, {**job_env, **each.get("env", {})})

        site = archive / "site"
        home_page = (site / "index.html").read_text("utf-8")
        assert "<title>Fictown Archive" in home_page
        assert '<link rel="canonical" href="https://fictown.github.io/fictown-archive/">' in (
            home_page)
        (transcript,) = (archive / "content" / "transcripts").glob("*.yaml")
        page = (site / "transcripts" / transcript.stem / "index.html").read_text("utf-8")
        assert "Kishida" in page
        assert (site / "pagefind" / "pagefind.js").is_file()
        assert os.stat(site / "index.html").st_uid == (NOBODY if os.geteuid() == 0
                                                        else os.geteuid())
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)
