"""Find the article files under the paths a user gave.

>>> from settings import ROOT
>>> files, problems = discover_files([ROOT / "corpus"])
>>> [f.name for f in files][:1], problems
(['000_a5d2021ba032f9f0.txt'], [])
"""

from __future__ import annotations

from pathlib import Path

from ingest.reader import READERS


def _is_broken_link(path: Path) -> bool:
    """A symbolic link to nothing, or one of a loop of links: reported, not silently dropped."""
    return path.is_symlink() and not path.exists()


def _walk(path: Path) -> list[Path]:
    if path.is_file() or _is_broken_link(path):
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if (p.is_file() or _is_broken_link(p)) and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def discover_files(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Supported files, sorted and unique by doc_id, and ``(name, reason)`` for the rest."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen: dict[str, Path] = {}
    for root in paths:
        if not root.exists() and not _is_broken_link(root):
            problems.append((str(root), "no such file or folder"))
            continue
        for path in _walk(root):
            if _is_broken_link(path):
                problems.append((str(path), "broken or looping symbolic link"))
                continue
            if path.suffix.lower() not in READERS:
                if path == root or path.suffix:
                    problems.append((str(path), f"unsupported type (use {', '.join(READERS)})"))
                continue
            if path.stem in seen and seen[path.stem] != path:
                problems.append((str(path), f"same name as {seen[path.stem]} (doc_id '{path.stem}' taken)"))
                continue
            seen[path.stem] = path
            files.append(path)
    return files, problems
