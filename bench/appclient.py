"""Start the real chat app on 127.0.0.1 and talk to it through ``gradio_client``.

The chat endpoint is found from ``Client.view_api(return_format="dict")``, so
this works whatever ``api_name`` app.py gives its chat function:

>>> app = start_app(free_port(), data_dir=store, corpus_dir=corpus)   # doctest: +SKIP
>>> client = wait_ready(app)                                          # doctest: +SKIP
>>> chat = ChatEndpoint.find(client)                                  # doctest: +SKIP
>>> "2500" in chat.ask(client, "Hur många poliskameror är målbilden nationellt?")  # doctest: +SKIP
True
>>> app.stop()                                                        # doctest: +SKIP
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from settings import ROOT

CHAT_WORDS = ("chat", "answer", "ask", "respond", "question", "fraga", "predict")


class NotServing(RuntimeError):
    """A child process did not come up serving HTTP; the message says why, in one line."""


class AppNotReady(NotServing):
    """app.py could not serve a chat endpoint."""


class NoChatEndpoint(AppNotReady):
    """app.py serves, but exposes no endpoint that takes a question."""


@dataclass
class Service:
    """A child process serving HTTP on 127.0.0.1, its output going to a log file."""

    proc: subprocess.Popen
    url: str
    log: Path
    started: float = field(default_factory=time.perf_counter)

    def log_tail(self, lines: int = 5) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:])

    def wait_http(self, timeout: float, error: type[NotServing] = NotServing) -> None:
        """Return once ``url`` answers; raise ``error`` if the process dies or time runs out."""
        program = Path(self.proc.args[0]).name
        name = next((Path(a).name for a in self.proc.args[1:] if a.endswith(".py")), program)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise error(f"{name} exited with code {self.proc.returncode} before serving: {self.log_tail()}")
            try:
                urllib.request.urlopen(self.url, timeout=2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise error(f"{name} did not serve {self.url} within {timeout:.0f} s: {self.log_tail()}")

    def wait_log(self, line: str, timeout: float) -> None:
        """Return once ``line`` is in the output; ``NotServing`` if the process dies or time runs out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if line in self.log.read_text(errors="replace"):
                return
            if self.proc.poll() is not None:
                raise NotServing(f"exited with code {self.proc.returncode}: {self.log_tail()}")
            time.sleep(0.1)
        raise NotServing(f"{line!r} not printed within {timeout:.0f} s: {self.log_tail()}")

    def stop(self) -> None:
        """Terminate, kill if it lingers, remove the log; never raises."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.unlink(missing_ok=True)


def start_service(command: list[str], url: str, env: dict | None = None) -> Service:
    """Start ``command`` (cwd: the project root), its stdout and stderr into a temp log."""
    log = Path(tempfile.mkstemp(prefix="service-", suffix=".log")[1])
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Service(proc, url, log)


def app_env(data_dir: Path, corpus_dir: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHROMA_")}
    env.update(
        DATA_DIR=str(data_dir),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        GRADIO_ANALYTICS_ENABLED="False",
        NO_PROXY="127.0.0.1,localhost",
    )
    if corpus_dir:
        env["CORPUS_DIR"] = str(corpus_dir)
    return env


def start_app(
    port: int, data_dir: Path, corpus_dir: Path | None = None, extra_env: dict | None = None, probe: Path | None = None
) -> Service:
    """``python app.py --port PORT`` with ``DATA_DIR`` (and ``CORPUS_DIR``, ``extra_env``) set.

    With ``probe``, app.py runs under ``bench.appprobe``, which writes its loaded libraries to
    that file on SIGUSR1.
    """
    wrapper = ["-m", "bench.appprobe", str(probe)] if probe else []
    return start_service(
        [sys.executable, *wrapper, "app.py", "--port", str(port)],
        f"http://127.0.0.1:{port}/",
        {**app_env(data_dir, corpus_dir), **(extra_env or {})},
    )


def wait_ready(app: Service, timeout: float = 120.0):
    """A ``gradio_client.Client`` once the app answers HTTP; ``AppNotReady`` if it dies or times out."""
    from gradio_client import Client

    app.wait_http(timeout, AppNotReady)
    return Client(app.url, verbose=False)


def answer_text(result) -> str:
    """The reply text from whatever the endpoint returns: a string, or the last chat message.

    >>> answer_text(([{"role": "user", "content": "Q"}, {"role": "assistant", "content": [{"text": "A", "type": "text"}]}], "<div/>"))
    'A'
    """
    if isinstance(result, str):
        return result
    if isinstance(result, dict):
        for key in ("content", "text", "value"):
            if key in result:
                return answer_text(result[key])
        return repr(result)
    if isinstance(result, (list, tuple)) and result:
        return answer_text(result[-1] if isinstance(result[0], dict) else result[0])
    return repr(result)


@dataclass
class ChatEndpoint:
    api_name: str
    parameters: list[dict]

    @classmethod
    def find(cls, client) -> ChatEndpoint:
        """The named endpoint taking a string whose name sounds like chat; ``AppNotReady`` if none."""
        named = client.view_api(print_info=False, return_format="dict").get("named_endpoints", {})
        usable = [
            (name, info)
            for name, info in named.items()
            if any(p.get("python_type", {}).get("type") == "str" for p in info.get("parameters", []))
        ]
        usable.sort(key=lambda item: (not any(w in item[0].lower() for w in CHAT_WORDS), item[0]))
        if not usable:
            raise NoChatEndpoint(f"app.py exposes no chat endpoint taking a string (named: {sorted(named) or 'none'})")
        return cls(usable[0][0], usable[0][1]["parameters"])

    def arguments(self, question: str) -> list:
        """The question for the first string parameter, [] for a history, defaults elsewhere."""
        args, placed = [], False
        for param in self.parameters:
            name = (param.get("parameter_name") or param.get("label") or "").lower()
            if "history" in name or (
                not param.get("parameter_has_default") and "list" in str(param.get("python_type"))
            ):
                args.append([])
            elif not placed and param.get("python_type", {}).get("type") == "str":
                args.append(question)
                placed = True
            else:
                args.append(param.get("parameter_default"))
        return args

    def call(self, client, question: str):
        """One question in a fresh session (no chat history carried over); the raw outputs."""
        client.reset_session()
        return client.predict(*self.arguments(question), api_name=self.api_name)

    def ask(self, client, question: str) -> str:
        """The reply text of ``call``."""
        return answer_text(self.call(client, question))
