"""``python -m ingest [PATH ...] [--prune] [--rebuild]``: load articles into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the bundled corpus/)")
    parser.add_argument(
        "--prune", action="store_true", help="remove articles read from under PATH whose files are gone"
    )
    parser.add_argument("--rebuild", action="store_true", help="drop the store first (after changing EMBED_MODEL)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    from settings import Settings, configure_process

    configure_process()
    args = _parser().parse_args(argv)
    settings = Settings.from_environment()
    from ingest.pipeline import ingest
    from store import StoreError
    from store.chroma import ServerUnreachable, drop_collection
    from textkit.text import escaped_line

    missing = [p for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:  # a mistyped path: nothing read, nothing pruned
        print(escaped_line(f"error: no such file or folder: {missing[0]} (nothing was changed)"), file=sys.stderr)
        return 2
    try:
        if args.rebuild:
            drop_collection(settings)
        report = ingest(
            args.paths or [settings.corpus_dir],
            settings,
            prune=args.prune,
            progress=not args.quiet,
            warn=lambda m: print(f"warning: {m}", file=sys.stderr),
        )
    except ServerUnreachable as exc:
        print(f"error: {exc} Run ingest again once it is back: what was stored is kept.", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: the store is consistent; run ingest again to finish", file=sys.stderr)
        return 130
    print(report.summary_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
