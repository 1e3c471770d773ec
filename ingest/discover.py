"""Find the article files under the paths a user gave.

>>> from settings import ROOT
>>> files, problems = discover_files([ROOT / "corpus"])
>>> [f.name for f in files][:1], problems
(['000_a5d2021ba032f9f0.txt'], [])
"""

from __future__ import annotations

import os
from pathlib import Path

from ingest.reader import READERS


def _is_broken_link(path: Path) -> bool:
    """A symbolic link to nothing, or one of a loop of links: reported, not silently dropped."""
    return path.is_symlink() and not path.exists()


def _walk(path: Path, problems: list[tuple[str, str]]) -> list[Path]:
    """Files under ``path`` (not in hidden folders); a folder that cannot be read is a problem, not silence."""
    if path.is_file() or _is_broken_link(path):
        return [path]

    def unreadable(exc: OSError) -> None:
        problems.append((str(exc.filename), f"cannot read folder ({exc.strerror})"))

    found = []
    for folder, dirs, names in os.walk(path, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            p for p in (Path(folder) / n for n in names if not n.startswith(".")) if p.is_file() or _is_broken_link(p)
        ]
    return sorted(found)


def _bad_name(path: Path) -> str | None:
    """Why a file name cannot be stored (its doc_id and path must be valid text), or None."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return "the name is not valid UTF-8 (rename the file)"
    return None


def name_taken(path: Path, other: Path | str) -> str:
    """Why ``path`` is skipped: its doc_id (the file name without extension) is ``other``'s."""
    return f"same name as {other} (doc_id '{path.stem}' taken)"


def stored_elsewhere(path: Path, files: set) -> str | None:
    """Another file, still there, that the stored article of ``path``'s doc_id was read from.

    Then ``path`` is a different article with the same name, not that one moved or renamed
    (its old file would be gone), and replacing the stored one would lose it.
    """
    for file in sorted(f for f in files if f):
        if not _is_gone(file) and not _same_file(file, path):
            return file
    return None


def _same_file(file: str, path: Path) -> bool:
    try:
        return os.path.samefile(file, path)
    except OSError:  # one cannot be checked: the same only if the names are
        return os.path.abspath(file) == os.path.abspath(path)


def discover_files(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Supported files, sorted and unique by doc_id, and ``(name, reason)`` for the rest."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen: dict[str, Path] = {}
    for root in paths:
        if not root.exists() and not _is_broken_link(root):
            problems.append((str(root), "no such file or folder"))
            continue
        for path in _walk(root, problems):
            if _is_broken_link(path):
                problems.append((str(path), "broken or looping symbolic link"))
                continue
            if reason := _bad_name(path):
                problems.append((str(path), reason))
                continue
            if path.suffix.lower() not in READERS:
                if path == root or path.suffix:
                    problems.append((str(path), f"unsupported type (use {', '.join(READERS)})"))
                continue
            if path.stem in seen and seen[path.stem] != path:
                problems.append((str(path), name_taken(path, seen[path.stem])))
                continue
            seen[path.stem] = path
            files.append(path)
    return files, problems


def _is_gone(file: str | None) -> bool:
    """The file certainly no longer exists; one that cannot be checked (an unreadable folder) is still there."""
    if not file:
        return False
    try:
        os.lstat(file)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _under(file: str, roots: list[str]) -> bool:
    path = os.path.abspath(file)
    return any(os.path.commonpath([path, root]) == root for root in roots)


def gone_articles(stored: dict[str, dict], paths: list[Path], files: list[Path], skipped) -> list[str]:
    """The stored articles read from under ``paths`` whose every file is gone (and not found again on this run).

    ``stored`` is ``store.passages.article_status``; ``files`` and ``skipped`` what this run found.
    Articles from other folders, and files that could not be checked, are kept.
    """
    roots = [os.path.abspath(p) for p in paths if p.exists()]  # a missing path prunes nothing
    present = {p.stem for p in files} | {Path(name).stem for name, _ in skipped}
    return [
        doc_id
        for doc_id, entry in stored.items()
        if doc_id not in present
        and entry["files"]
        and all(file and _under(file, roots) and _is_gone(file) for file in entry["files"])
    ]
