"""``transcripts init``: a new archive, ready to fill, build and publish.

The archive's files come from ``generator/starter/``; the schemas are copied from the
tool's, and ``requirements.txt`` pins the tool and every package it needs, as installed
where ``init`` runs, so that the archive's workflow installs exactly that.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator import resources
from generator.errors import ArchiveError

STARTER = resources.PACKAGE / "starter"
DISTRIBUTION = "transcript-archive"

SCHEMAS = ("transcript", "speakers", "topics", "settings")


def files(site_name: str, site_url: str | None, language: str, description: str
          ) -> dict[str, str]:
    """Every file of a new archive: path relative to its folder → text."""
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=False)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    settings = env.from_string((STARTER / "archive.yml").read_text("utf-8")).render(
        site_name=site_name, site_url=site_url, language=language, description=description)
    made = {
        "archive.yml": settings,
        "README.md": env.from_string((STARTER / "README.md").read_text("utf-8")).render(
            site_name=site_name),
        ".gitignore": (STARTER / "gitignore").read_text("utf-8"),
        ".github/workflows/publish.yml": (STARTER / "publish.yml").read_text("utf-8"),
        ".vscode/settings.json": (STARTER / "vscode-settings.json").read_text("utf-8"),
        "content/speakers.yaml": (STARTER / "speakers.yaml").read_text("utf-8"),
        "content/topics.yaml": (STARTER / "topics.yaml").read_text("utf-8"),
        "content/transcripts/.gitkeep": "",
        "content/raw/.gitkeep": "",
        "requirements.txt": requirements(),
    }
    for name in SCHEMAS:
        made[f"schemas/{name}.schema.json"] = (
            resources.PACKAGE / "schemas" / f"{name}.schema.json").read_text("utf-8")
    return made


def create(folder: Path, site_name: str, site_url: str | None = None,
           language: str = "en", description: str | None = None) -> list[str]:
    """Write a new archive into ``folder`` (which must be empty or not exist); returns
    the files written. Raises ``ArchiveError`` if the folder holds anything."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ArchiveError(f"{folder} is not an empty folder: a new archive goes into a "
                           "new or empty folder")
    if site_url is not None and not re.fullmatch(r"https?://[^\s/]+(/\S*)?/", site_url):
        raise ArchiveError(f"--url {site_url!r}: expected an address such as "
                           "https://example.org/archive/ (ending in /)")
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
        raise ArchiveError(f"--language {language!r}: expected a language code such as "
                           "en, fr or pt-BR")
    made = files(site_name, site_url, language,
                 description or f"Transcripts of {site_name}, paragraph by paragraph.")
    for name, text in made.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return sorted(made)


def requirements() -> str:
    """``requirements.txt`` of a new archive: the tool (from where it was installed, if
    that is an address others can reach) and every package it needs, at the versions
    installed here."""
    try:
        tool = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # (run from a checkout that is not installed)
        return "# The tool and the packages it needs.\n" + DISTRIBUTION + "\n"
    lines = ["# The tool that builds this archive and every package it needs, pinned: the",
             "# publish workflow installs exactly these (and caches them by this file).",
             "# Upgrading the tool: change its line, and the others to what it needs."]
    source = _source(tool)
    if source is None:
        lines.append("# (Installed here from a local file: where your team gets the tool,")
        lines.append("# write it as 'transcript-archive @ git+https://...@<tag>', or keep this")
        lines.append("# line if the tool is on your package index.)")
        source = f"{DISTRIBUTION}=={tool.version}"
    lines.append(source)
    lines += [f"{name}=={version}" for name, version in sorted(_needs(tool).items(),
                                                                key=lambda kv: kv[0].lower())]
    return "\n".join(lines) + "\n"


def _source(tool: metadata.Distribution) -> str | None:
    """The tool as a requirement others can install (PEP 610), or None."""
    text = tool.read_text("direct_url.json")
    if not text:
        return None
    found = json.loads(text)
    url = found.get("url", "")
    vcs = found.get("vcs_info")
    if vcs and url.startswith(("https://", "ssh://", "git@")):
        return f"{DISTRIBUTION} @ {vcs['vcs']}+{url}@{vcs['commit_id']}"
    if url.startswith("https://"):
        return f"{DISTRIBUTION} @ {url}"
    return None


def _needs(tool: metadata.Distribution) -> dict[str, str]:
    """Every distribution ``tool`` needs, directly or not, as installed: name → version.
    (A requirement under a marker counts where the marker holds here, for the extras
    asked of its distribution.)"""
    from packaging.requirements import Requirement

    found: dict[str, str] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(r, ()) for r in tool.requires or []]
    while todo:
        text, extras = todo.pop()
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is not None and not any(marker.evaluate({"extra": extra})
                                          for extra in (*extras, "")):
            continue
        try:
            needed = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        name = needed.metadata["Name"]
        wanted = tuple(sorted(requirement.extras))
        if (name.lower(), wanted) in seen:
            continue
        seen.add((name.lower(), wanted))
        found[name] = needed.version
        todo += [(r, wanted) for r in needed.requires or []]
    return found
