"""``transcripts init``: a new archive that checks, builds and publishes from its own
folder, with its settings, its own template and theme overrides, and workflows that a
static analysis (zizmor, offline) finds nothing of medium severity or above in."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, SAMPLE_RAW

from generator.cli import main

TOOL = [sys.executable, "-m", "generator"]


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return subprocess.run([*TOOL, *args], cwd=folder, text=True, capture_output=True, env=env)


def test_init_makes_an_archive_that_checks_and_builds_from_its_folder(tmp_path: Path) -> None:
    archive = tmp_path / "ministry-archive"
    done = _cli(tmp_path, "init", str(archive), "--name", "Fictional Ministry Archive",
                "--url", "https://archive.example.org/fm/", "--language", "fr")
    assert done.returncode == 0, done.stderr
    for name in ("archive.yml", "README.md", ".gitignore", ".github/workflows/publish.yml",
                 "content/speakers.yaml", "content/topics.yaml", "requirements.txt",
                 "schemas/transcript.schema.json", "schemas/settings.schema.json",
                 ".vscode/settings.json"):
        assert (archive / name).is_file(), name
    # The registries name their schemas for editors (YAML language server).
    assert (archive / "content" / "speakers.yaml").read_text().startswith(
        "# yaml-language-server: $schema=../schemas/speakers.schema.json")
    mapped = json.loads((archive / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    assert all((archive / schema).is_file() for schema in mapped)
    assert "/site/" in (archive / ".gitignore").read_text()
    assert re.search(r"^transcript-archive\b", (archive / "requirements.txt").read_text(), re.M)

    assert _cli(archive, "check").returncode == 0
    built = _cli(archive, "build")
    assert built.returncode == 0, built.stderr
    home = (archive / "site" / "index.html").read_text("utf-8")
    assert "<title>Fictional Ministry Archive</title>" in home  # (the site's name, once)
    assert '<html lang="fr"' in home
    assert '<link rel="canonical" href="https://archive.example.org/fm/">' in home

    # A real transcript imported from inside the archive, with no options: its page.
    (archive / "incoming").mkdir()
    shutil.copy(SAMPLE_RAW, archive / "incoming" / SAMPLE_RAW.name)
    imported = _cli(archive, "import", f"incoming/{SAMPLE_RAW.name}")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    (transcript,) = (archive / "content" / "transcripts").glob("*.yaml")
    assert _cli(archive, "build").returncode == 0
    page = archive / "site" / "transcripts" / transcript.stem / "index.html"
    assert "Kishida" in page.read_text("utf-8")


def test_init_refuses_a_folder_that_holds_anything(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "not an empty folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert main(["init", str(tmp_path / "new"), "--url", "archive.example.org"]) == 1
    assert "--url" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_bad_settings_are_reported_with_their_line_and_nothing_built_is_lost(
    tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    assert _cli(tmp_path, "init", str(archive)).returncode == 0
    assert _cli(archive, "build").returncode == 0
    before = (archive / "site" / "index.html").read_bytes()
    settings = archive / "archive.yml"
    settings.write_text(settings.read_text() + "colour: blue\n", "utf-8")
    failed = _cli(archive, "build")
    assert failed.returncode == 1
    line = len(settings.read_text().splitlines())
    assert f"archive.yml:{line}" in failed.stderr and "colour" in failed.stderr
    assert (archive / "site" / "index.html").read_bytes() == before


def test_the_archive_overrides_win_over_the_tools(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    assert _cli(tmp_path, "init", str(archive), "--name", "Testov Papers").returncode == 0
    (archive / "templates").mkdir()
    home = (PROJECT / "templates" / "home.md.j2").read_text("utf-8")
    (archive / "templates" / "home.md.j2").write_text(
        home.replace("{{ site_name }}\n", "{{ site_name }}\n\nKept by the Fictown Testing "
                     "Office.\n", 1), "utf-8")
    (archive / "overrides" / "partials").mkdir(parents=True)
    (archive / "overrides" / "partials" / "copyright.html").write_text(
        '<div class="md-copyright">Fictown Testing Office, made-up rights</div>\n', "utf-8")
    built = _cli(archive, "build")
    assert built.returncode == 0, built.stderr
    page = (archive / "site" / "index.html").read_text("utf-8")
    assert "Kept by the Fictown Testing Office." in page
    assert "Fictown Testing Office, made-up rights" in page
    # The tool's own overrides are still there (its stylesheet and search).
    assert (archive / "site" / "assets" / "archive.css").is_file()
    assert "archive.css" in page


def test_an_archive_publishes_only_the_exports_it_names(tmp_path: Path) -> None:
    """``exports: [feeds]``: no CSV, no JSON, no raw copy, and no page links to one (the
    build's link check would fail); the About page describes only what is there."""
    archive = tmp_path / "archive"
    assert _cli(tmp_path, "init", str(archive)).returncode == 0
    (archive / "incoming").mkdir()
    shutil.copy(SAMPLE_RAW, archive / "incoming" / SAMPLE_RAW.name)
    assert _cli(archive, "import", f"incoming/{SAMPLE_RAW.name}").returncode == 0
    assert _cli(archive, "build").returncode == 0
    site = archive / "site"
    everything = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert any(p.startswith("data/raw/") for p in everything)
    assert "data/archive.jsonl.gz" in everything and "data/paragraphs.csv" in everything

    settings = archive / "archive.yml"
    settings.write_text(settings.read_text() + "exports: [feeds]\n", "utf-8")
    built = _cli(archive, "build")
    assert built.returncode == 0, built.stderr
    left = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not any(p.startswith("data/") for p in left), sorted(left)[:10]
    assert "feeds/transcripts.xml" in left
    pages = [p for p in site.rglob("*.html")]
    assert not [p for p in pages if re.search(r'href="[^"]*data/', p.read_text("utf-8"))]
    about = (site / "about" / "index.html").read_text("utf-8")
    assert "publishes no data files" in about and "paragraphs.csv" not in about
    assert "/feeds/topics/" in about


@pytest.mark.parametrize("workflow", [
    PROJECT / "generator" / "starter" / "publish.yml",
    PROJECT / ".github" / "workflows" / "site.yml",
], ids=["archive", "project"])
def test_zizmor_finds_nothing_of_medium_severity_or_above(workflow: Path,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    shutil.copy(workflow, folder / workflow.name)
    zizmor = Path(sys.executable).parent / "zizmor"
    done = subprocess.run([str(zizmor), "--offline", "--min-severity", "medium",
                           "--format", "json", str(folder / workflow.name)],
                          cwd=tmp_path, text=True, capture_output=True)
    uses = re.findall(r"uses:\s*(\S+)(.*)", workflow.read_text("utf-8"))
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action)
                        and re.fullmatch(r" # v\d+(\.\d+)*", comment)
                        for action, comment in uses), uses
    findings = json.loads(done.stdout or "[]")
    assert findings == [], json.dumps(findings, indent=1)[:3000]
    assert done.returncode == 0, done.stderr
