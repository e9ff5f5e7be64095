"""The only module that writes files: change-aware writes and atomic swaps."""

from __future__ import annotations

import contextlib
import ctypes
import filecmp
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class _Unchanged:
    """The content of a generated file that was not made again (``generator.incremental``):
    its file already holds what it would be."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` unless it already holds exactly that; tell if it wrote.

    The file is replaced atomically, so a reader never sees half of it.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


@dataclass(frozen=True)
class Joined:
    """The content of a file made of other files one after the other, ``head`` before
    them (``empty`` instead of them when they hold nothing): written by copying them, so
    that the whole never sits in memory (the archive's full text, compressed, is one)."""

    parts: tuple[Path, ...]
    head: bytes = b""
    empty: bytes = b""


CHUNK = 1 << 20


def write_joined(path: Path, joined: Joined) -> bool:
    """``write_if_changed`` for a ``Joined`` content: the parts are copied into a new
    file beside ``path``, which replaces it unless it holds the same bytes (compared a
    block at a time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(joined.head)
            start = handle.tell()
            for part in joined.parts:
                with part.open("rb") as source:
                    shutil.copyfileobj(source, handle, CHUNK)
            if handle.tell() == start:
                handle.write(joined.empty)
        if path.is_file() and filecmp.cmp(temporary, path, shallow=False):
            Path(temporary).unlink()
            return False
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def sync_tree(
    root: Path, files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]],
    keep: Iterable[str] = (),
) -> tuple[int, int, int]:
    """Make ``root`` hold exactly ``files`` (relative path → content, or such pairs as
    they are made, so that the whole site never has to sit in memory).

    Only files whose content changed are written; files not in ``files`` are deleted,
    except in the folders of ``root`` named in ``keep``. Two contents for one path are an
    error. Returns (written, unchanged, deleted).
    """
    items = sorted(files.items()) if isinstance(files, Mapping) else files
    written, unchanged, seen = write_files(root, items)
    return written, unchanged, prune(root, seen, keep)


def write_files(
    root: Path, files: Iterable[tuple[str, str | bytes | Joined]]
) -> tuple[int, int, set[str]]:
    """Write each (path relative to ``root``, content) whose file does not already hold
    it; content ``UNCHANGED`` is not written. Returns (written, unchanged, the paths).
    Two contents for one path are an error."""
    written = unchanged = 0
    seen: set[str] = set()
    for relative, content in files:
        if relative in seen:
            raise ValueError(f"two generated files would be written to {relative}")
        seen.add(relative)
        if content is UNCHANGED:  # not rendered again: its file is as it should be
            unchanged += 1
        elif (write_joined(root / relative, content) if isinstance(content, Joined)
              else write_if_changed(root / relative, content)):
            written += 1
        else:
            unchanged += 1
    return written, unchanged, seen


def prune(root: Path, seen: set[str], keep: Iterable[str] = ()) -> int:
    """Delete the files of ``root`` not in ``seen`` (paths relative to it), except in
    its folders named in ``keep``, and the folders left empty; returns how many files."""
    deleted = 0
    kept = set(keep)
    if not root.is_dir():
        return 0
    folders = []
    for folder, subfolders, files in os.walk(root):
        base = os.path.relpath(folder, root)
        base = "" if base == "." else base.replace(os.sep, "/") + "/"
        if base:
            folders.append(folder)
        else:  # (the kept folders and files are at the top)
            subfolders[:] = [name for name in subfolders if name not in kept]
            files = [name for name in files if name not in kept]
        for name in files:
            if base + name not in seen:
                os.unlink(os.path.join(folder, name))
                deleted += 1
    for folder in reversed(folders):  # (a folder's subfolders come after it)
        with contextlib.suppress(OSError):  # (not empty)
            os.rmdir(folder)
    return deleted


HOSTING_LIMIT = 1_000_000_000
"""Bytes of the largest site GitHub Pages and GitLab Pages publish."""


def folder_size(root: Path) -> tuple[int, int, dict[str, int]]:
    """Bytes and files under ``root``, and the bytes of each of its top folders (named
    with a final ``/``) and files."""
    total = files = 0
    parts: dict[str, int] = {}
    for folder, _, names in os.walk(root):
        top = os.path.relpath(folder, root).replace(os.sep, "/").split("/", 1)[0]
        for name in names:
            size = os.lstat(os.path.join(folder, name)).st_size
            total, files = total + size, files + 1
            key = name if top == "." else top + "/"
            parts[key] = parts.get(key, 0) + size
    return total, files, parts


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); tell whether it could."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        rename = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    return rename(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0


def swap_in(built: Path, target: Path) -> None:
    """Replace the folder ``target`` by ``built``, leaving no moment without a site.

    Where the system can exchange two folders in one step, it does; otherwise the old
    site is moved aside first, and ``recover`` puts it back if the process dies between
    the two moves.
    """
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists() and _exchange(built, target):
        shutil.rmtree(built)
        return
    if target.exists():
        os.replace(target, old)
    os.replace(built, target)
    if old.exists():
        shutil.rmtree(old)


def staging_folder(target: Path) -> Path:
    """A new, empty folder beside ``target`` to build into (same file system: the swap
    is a rename)."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))


def recover(target: Path) -> list[Path]:
    """Undo what a build killed half-way left behind; return the folders removed.

    A build killed between the two moves of ``swap_in`` leaves the old site aside: it
    is put back. Staging folders of killed builds are deleted.
    """
    old = target.with_name(f".{target.name}.old")
    if old.is_dir() and not target.exists():
        os.replace(old, target)
    removed = []
    for leftover in sorted(target.parent.glob(f".{target.name}.*")):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)
            removed.append(leftover)
    return removed
