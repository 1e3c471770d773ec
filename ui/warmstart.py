"""The first answer without waiting for two starts in a row: the engine is prepared in a second process.

Preparing the engine (its imports, the store, the embedder, the start-up ingest) takes about 3 s
with e5, and importing gradio and building the page about 4 s; in one process they run one after
the other, as both hold the interpreter lock. So ``python app.py`` starts a child process that
prepares an engine and answers over a pipe, and imports gradio meanwhile. The page gets a
``StartingEngine``: it relays questions to the child until this process's own engine is ready
(prepared in a thread once the page is up, with no ingest left to do), then answers here and lets
the child go. Everything else the page asks of an engine (the article list, uploads, removal)
waits for this process's own engine, so the store has one writer.

>>> reply_of(("part", "2500 kameror"))
'2500 kameror'
>>> reply_of(("raise", LookupError("no article in the selection")))
Traceback (most recent call last):
LookupError: no article in the selection
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import threading

log = logging.getLogger("app")
WARM_QUERY = "nyheter"  # any word: retrieving once loads BM25 and the dense index
# This process prepares its own engine once the child has given its first answer, or after this
# many seconds with no question: preparing it beside that answer would slow the answer (one GIL).
QUIET_S = 3.0
# Backends started in two processes. During the switch both hold an engine: with e5 that is
# about 250 MB more; with MiniLM, torch and the model twice (about 800 MB more, over the 1.5 GB
# the app may take), so MiniLM starts in one process.
TWO_PROCESSES = ("e5",)
SETTLED = "engine: prepared in the app's own process"  # printed once the child is let go


class StartFailed(Exception):
    """The engine could not be prepared; the message is one line for the console."""


def reply_of(message: tuple):
    """What one message of the child means here: a part of an answer, or its exception raised."""
    kind, value = message
    if kind == "raise":
        raise value
    return value


def _die_with_parent() -> None:
    """Linux: the kernel kills this child when the app dies, even by SIGKILL (no orphan ingest)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _child(settings, conn, parent: int) -> None:
    """Prepare an engine, report ("ready", article rows) or ("failed", line), then answer until told to stop."""
    _die_with_parent()
    if os.getppid() != parent:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the app's to handle; this child just goes
    from settings import configure_process

    configure_process()
    import app

    try:
        engine = app.prepare_engine(settings, warm=False)
    except StartFailed as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", app.safe_overview(engine)))
    with contextlib.suppress(Exception):  # warmed while the app builds its page; a store problem shows per question
        engine.retrieve(WARM_QUERY)
    _serve(engine, conn)


def _serve(engine, conn) -> None:
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        question, history, within = request
        try:
            for part in engine.answer_stream(question, history, within=within):
                conn.send(("part", part))
            conn.send(("end", None))
        except Exception as exc:  # the page says what went wrong, as for an answer given here
            conn.send(("raise", exc if _picklable(exc) else RuntimeError(str(exc))))


def _picklable(exc: Exception) -> bool:
    import pickle

    try:
        pickle.dumps(exc)
        return True
    except Exception:
        return False


class EngineProcess:
    """The child that prepares an engine and answers while this process starts the page."""

    def __init__(self, settings):
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing of the page is copied
        self.conn, there = context.Pipe()
        self.proc = context.Process(target=_child, args=(settings, there, os.getpid()), daemon=True)
        self.proc.start()
        there.close()

    def wait_ready(self) -> list[list]:
        """The article rows once the engine is prepared; ``StartFailed`` with the child's one-line reason."""
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            raise StartFailed("the engine process ended while it was being prepared") from None
        if kind == "failed":
            raise StartFailed(value)
        return value

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.conn.close()
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()


class StartingEngine:
    """Stands in for the engine on the page: the child answers until this process has its own engine."""

    def __init__(self, child: EngineProcess, settings):
        self._child, self._settings = child, settings
        self._pipe = threading.Lock()  # one question at a time through the pipe
        self._ready = threading.Event()
        self._answered = threading.Event()  # the child has given its first answer
        self._engine = None

    def prepare_here(self) -> threading.Thread:
        """Prepare this process's engine in a thread; when done, answer here and let the child go."""
        thread = threading.Thread(target=self._prepare, name="engine-here", daemon=True)
        thread.start()
        return thread

    def _prepare(self) -> None:
        self._answered.wait(QUIET_S)
        try:
            from qa.engine import Engine

            self._engine = Engine(self._settings)
            self._engine.retrieve(WARM_QUERY)
        except Exception as exc:  # an empty or unreachable store: the engine says so per question
            log.warning("engine not warmed: %s", " ".join(str(exc).split())[:300])
        finally:
            self._ready.set()  # new questions are answered here from now on (nothing waits forever)
        with self._pipe:  # and the one in the pipe, if any, is finished first
            self._child.stop()
        print(SETTLED, flush=True)

    @property
    def engine(self):
        self._ready.wait()
        return self._engine

    def __getattr__(self, name: str):
        if name.startswith("_"):  # not set yet (copying, pickling): never wait for the engine for these
            raise AttributeError(name)
        return getattr(self.engine, name)

    def answer_stream(self, question: str, history=(), within=None):
        if not self._ready.is_set():
            with self._pipe:
                if not self._ready.is_set():
                    yield from self._relayed(question, history, within)
                    return
        yield from self._engine.answer_stream(question, history, within=within)

    def _relayed(self, question: str, history, within):
        conn = self._child.conn
        try:
            conn.send((question, list(history), within))
            first = conn.recv()
        except (EOFError, OSError):  # the child is gone: this process's engine answers, once it is ready
            log.warning("the engine process ended early; answering here")
            self._ready.wait()
            yield from self._engine.answer_stream(question, history, within=within)
            return
        yield from self._rest(conn, first)

    def _rest(self, conn, message: tuple):
        done = False
        try:
            while not done:
                done = message[0] != "part"
                if done:
                    self._answered.set()
                if message[0] != "end":
                    yield reply_of(message)
                if not done:
                    message = conn.recv()
        finally:
            while not done:  # the client left half-way: read the rest, so the next answer starts clean
                try:
                    done = conn.recv()[0] != "part"
                except (EOFError, OSError):
                    done = True


def start_engine(settings) -> tuple[object, list[list]]:
    """The page's engine and article rows; ``StartFailed`` after a store error.

    With a backend of ``TWO_PROCESSES`` the engine is prepared in a child while gradio is
    imported here, and the page gets a ``StartingEngine``; otherwise it is prepared here first.
    """
    import app

    if settings.embed_backend not in TWO_PROCESSES:
        engine = app.prepare_engine(settings)
        return engine, app.safe_overview(engine)
    child = EngineProcess(settings)
    import gradio  # noqa: F401  (meanwhile)

    return StartingEngine(child, settings), child.wait_ready()


def settle(engine) -> None:
    """Once the page is up: the app's own engine takes over from the child; ``SETTLED`` says when."""
    if isinstance(engine, StartingEngine):
        engine.prepare_here()
    else:
        print(SETTLED, flush=True)


def release(engine) -> None:
    """The page could not start: let the child go now."""
    if isinstance(engine, StartingEngine):
        engine._child.stop()
