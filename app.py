"""``python app.py [--host H] [--port P] [--no-auth]``: the chat page.

Ask in the browser, watch the answer stream in, open every cited passage; on
this machine (or behind APP_AUTH) add and remove articles from the page.
Start-up brings the store up to date with ``corpus_dir`` (and the page's
uploads) and warms the engine; with e5 that happens in a second process while
this one starts the page (``ui/warmstart.py``). The page itself is built in ``ui/``.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time

from ui.articles import article_overview
from ui.chat import respond
from ui.launch import is_loopback, launch_auth, launch_limits, offers_upload

__all__ = ["article_overview", "is_loopback", "launch_auth", "main", "respond"]


def _interrupt(signum, frame):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second TERM must not break the shutdown under way
    raise KeyboardInterrupt


def parse_args(argv, settings):
    parser = argparse.ArgumentParser(prog="python app.py", description="The chat page over the article store.")
    parser.add_argument("--host", default=settings.app_host, help=f"address to bind (default {settings.app_host})")
    parser.add_argument("--port", type=int, default=settings.app_port, help=f"port (default {settings.app_port})")
    parser.add_argument("--no-auth", action="store_true", help="allow a non-loopback host without APP_AUTH")
    return parser.parse_args(argv)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def prepare_engine(settings, warm: bool = True):
    """Ingest ``corpus_dir`` and the uploads (incremental) and warm the engine; ``StartFailed`` after a store error."""
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from store import EmptyStore, StoreError
    from textkit.text import escaped_line
    from ui.articles import startup_files
    from ui.warmstart import WARM_QUERY, StartFailed

    engine = Engine(settings)
    print(f"ingest: {settings.corpus_dir} …", flush=True)
    try:
        open_or_reembed(engine, settings)
        files, problems = startup_files(settings)
        for name, reason in problems:
            warn(escaped_line(f"skipped {name}: {reason}"))
        report = ingest(files, settings, embedder=engine.embedder, progress=True, warn=warn)
        print(f"ingest: {report.summary_line()}", flush=True)
        if warm:
            engine.retrieve(WARM_QUERY)  # so the first answer is quick
    except EmptyStore as exc:  # the page still starts and says so
        print(f"warning: {exc} The page will answer that no articles are loaded.", file=sys.stderr)
    except StoreError as exc:
        raise StartFailed(" ".join(str(exc).split())) from None
    return engine


def open_or_reembed(engine, settings) -> None:
    """Open the store; one built with another embedder is re-embedded (with a progress bar)."""
    from store.chroma import EmbedderMismatch
    from store.reembed import reembed

    try:
        engine.collection()  # a store that cannot be reached fails here
    except EmbedderMismatch as exc:
        print(f"store: built with {exc.stored.describe()}; re-embedding it with {exc.current.describe()} …", flush=True)
        count = reembed(settings, engine.embedder, progress=True)
        print(f"store: {count} passages re-embedded", flush=True)
        engine.collection()


def main(argv: list[str] | None = None) -> int:
    from settings import Settings, configure_process

    configure_process()
    started = time.time()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_environment()
    args = parse_args(argv, settings)
    try:
        auth = launch_auth(args.host, settings.app_auth, args.no_auth)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return serve(args, settings, auth, started)


def serve(args, settings, auth, started: float) -> int:
    """Prepare the engine (with e5 in a child process, while the page starts here); serve until stopped."""
    from ui.page import CSS, build_ui, page_js
    from ui.warmstart import StartFailed, release, settle, start_engine

    try:
        engine, overview = start_engine(settings)
    except StartFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    manage = offers_upload(args.host, settings.app_auth)
    demo = build_ui(engine, settings, overview=overview, manage=manage)
    signal.signal(signal.SIGTERM, _interrupt)  # a terminated app shuts Gradio down, which empties its cache
    try:
        demo.launch(
            server_name=args.host,
            server_port=args.port,
            prevent_thread_lock=True,
            css=CSS,
            js=page_js(settings),
            quiet=True,
            **launch_limits(settings, auth, upload=manage),
        )
    except OSError as exc:
        release(engine)
        print(f"error: cannot serve on {args.host}:{args.port} ({exc})", file=sys.stderr)
        return 1
    print(f"ready in {time.time() - process_start(started):.1f} s: http://{args.host}:{args.port}", flush=True)
    settle(engine)
    demo.block_thread()
    return 0


def safe_overview(engine) -> list[list]:
    from store import StoreError

    try:
        return article_overview(engine)
    except StoreError as exc:
        print(f"warning: no article overview ({exc})", file=sys.stderr)
        return []


def process_start(fallback: float) -> float:
    try:
        import psutil

        return psutil.Process().create_time()
    except Exception:
        return fallback


if __name__ == "__main__":
    sys.exit(main())
