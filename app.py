"""``python app.py [--host H] [--port P] [--no-auth]``: the chat page.

Ask in the browser, watch the answer stream in, open every cited passage.
The page only formats what ``Engine.answer_stream`` returns; start-up brings
the store up to date with ``corpus_dir`` and warms the engine first.
"""
from __future__ import annotations

import argparse
import hmac
import ipaddress
import logging
import signal
import sys
import time

log = logging.getLogger("app")

EXAMPLES = [
    "Hur många poliskameror är målbilden nationellt?",
    "Vem är moderator för #Trygghetnu?",
    "När började polisen hämta in uppgifter till en nationell lägesbild?",
    "When is #Trygghetnu held?",
    "Who is the moderator of #Trygghetnu?",
]
SOURCES_PLACEHOLDER = "Källor visas här / Sources appear here"
OVERVIEW_HEADERS = ["Titel / Title", "Källa / Outlet", "Datum / Date", "Avsnitt / Passages"]
CSS = """
#sources .sources h3 { margin: 0 0 .5em; }
#sources details.source { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: .4em .7em; margin-bottom: .5em; background: var(--background-fill-secondary); }
#sources summary { cursor: pointer; }
#sources .source-n { font-weight: 600; }
#sources .source-title { font-weight: 600; }
#sources .source-meta { display: block; margin-left: 1.1em; font-size: .9em; font-weight: 400;
  color: var(--body-text-color-subdued); }
#sources .passage { white-space: pre-wrap; margin: .5em 0 .2em; line-height: 1.45; }
#sources mark { background: #ffe58f; color: #000; padding: 0 .1em; }
#articles table, #articles th, #articles td, #articles span { font-family: var(--font); }
#articles td:nth-child(n+3) span, #articles th:nth-child(n+3) span { white-space: nowrap; }
"""


# ---- the chat handler: plain Python, called directly by the tests -------------------------------


def respond(engine, settings, question: str, exchanges: list):
    """Stream one answer. Yields ``(chat messages, sources HTML, exchanges, textbox value)``.

    ``exchanges`` is the session's conversation, kept on the server (a ``gr.State``):
    the chat is rendered from it here, and at most ``settings.max_turns`` are kept.
    """
    from textkit.text import detect_language
    from qa.messages import say
    from qa.types import Answer
    from ui.conversation import chat_messages, echoed, exchange, history, kept
    from ui.render import sources_html

    question = question if isinstance(question, str) else ""
    earlier = kept(exchanges, settings.max_turns - 1)
    current = exchange(echoed(question, settings.max_question_chars), pending=True)
    yield chat_messages([*earlier, current]), "", earlier, ""
    final = None
    try:
        for part in engine.answer_stream(question, history(earlier)):
            if isinstance(part, Answer):
                final = part
            else:
                current["answer"] += part
                yield chat_messages([*earlier, current]), "", earlier, ""
        if final is None:
            raise RuntimeError("answer_stream ended without an Answer")
    except Exception:  # a bug must not show a traceback; the console gets it
        log.exception("answering %r failed", question[:200])
        lang = detect_language(question)
        final = Answer(question=question, answer="", refused=True, lang=lang, error=say("internal_error", lang))
    current.update(answer=final.answer, error=final.error, notice=final.notice, pending=False)
    exchanges = [*earlier, current]
    yield chat_messages(exchanges), sources_html(final), exchanges, ""


def article_overview(engine, page: int = 5000) -> list[list]:
    """One row per stored article: title, outlet, date, passages; newest first."""
    from store.passages import overview_rows

    return overview_rows(engine.collection(), page)


# ---- the page ------------------------------------------------------------------------------------


def build_ui(engine, settings, overview: list[list] | None = None):
    """The Blocks page; nothing is built at import time."""
    import gradio as gr

    def chat(question, exchanges):
        yield from respond(engine, settings, question, exchanges)

    # Gradio's temp files (deep links included) older than an hour go; all of them at shutdown.
    with gr.Blocks(title="Nyhetsfrågor / News Q&A", delete_cache=(3600, 3600)) as demo:
        gr.Markdown(
            "## Fråga artiklarna / Ask the articles\n"
            "Svaren citerar artiklarna ordagrant; [n] pekar på källan till höger. "
            "Answers quote the articles verbatim; [n] points to the source on the right."
        )
        conversation = gr.State([])  # the exchanges, on the server only: no client sends them
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot, question, send, new_chat = _chat_column(gr, settings)
            with gr.Column(scale=2):
                sources = gr.HTML(f"<p><em>{SOURCES_PLACEHOLDER}</em></p>", elem_id="sources")
        gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Exempel / Examples")
        with gr.Accordion(f"Inlästa artiklar / Loaded articles ({len(overview or [])})", open=True):
            gr.Dataframe(overview or [], headers=OVERVIEW_HEADERS, datatype="str", interactive=False, wrap=True,
                         max_height=360, show_search="search", elem_id="articles")
        outputs = [chatbot, sources, conversation, question]
        asked = gr.on([question.submit, send.click], chat, [question, conversation], outputs, api_name="ask")
        gr.on([new_chat.click, chatbot.clear], _new_chat, None, outputs, cancels=[asked], queue=False,
              api_visibility="private")
    return demo


def _chat_column(gr, settings):
    chatbot = gr.Chatbot(
        label="Chatt / Chat", elem_id="chat", height=460, sanitize_html=True, render_markdown=True,
        allow_tags=False, latex_delimiters=[], buttons=["copy"], feedback_options=None,
        placeholder="Ställ en fråga om artiklarna: svaret citerar dem ordagrant.  \n"
                    "Ask about the articles: the answer quotes them verbatim.",
    )
    question = gr.Textbox(
        label="Fråga / Question", elem_id="question", max_length=settings.max_question_chars, lines=1,
        placeholder="Skriv en fråga på svenska eller engelska / Ask in Swedish or English",
    )
    with gr.Row():
        send = gr.Button("Skicka / Send", variant="primary", elem_id="send")
        new_chat = gr.Button("Ny chatt / New chat", elem_id="new-chat")
    return chatbot, question, send, new_chat


def _new_chat():
    return [], f"<p><em>{SOURCES_PLACEHOLDER}</em></p>", [], ""


# ---- start-up ------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def launch_auth(host: str, app_auth: str | None, no_auth: bool) -> tuple[str, str] | None:
    """``(user, password)`` for launch, or None; raises ``ValueError`` with a one-line reason."""
    if app_auth:
        user, sep, password = app_auth.partition(":")
        if not (sep and user and password):
            raise ValueError("APP_AUTH must look like user:password")
        return user, password
    if is_loopback(host):
        return None
    if not no_auth:
        raise ValueError(f"binding {host} (not loopback) needs APP_AUTH=user:password, or --no-auth")
    print(f"warning: serving {host} without a password (--no-auth): anyone who can reach it can ask", file=sys.stderr)
    return None


def password_check(user: str, password: str):
    """Gradio's ``auth`` callable: user and password both compared in constant time, so a wrong
    user and a wrong password take as long and get the same message."""
    def check(given_user: str, given_password: str) -> bool:
        same_user = hmac.compare_digest(given_user.encode(), user.encode())
        return same_user & hmac.compare_digest(given_password.encode(), password.encode())

    return check


def launch_limits(settings, auth: tuple[str, str] | None) -> dict:
    """``launch`` options that bound what a client can do and close what the page does not use."""
    from starlette.middleware import Middleware

    from ui.guard import LoginBackoff, RequestGuard

    backoff = LoginBackoff(settings.login_free_failures, max_wait_s=settings.login_max_wait_s)
    guard = Middleware(RequestGuard, max_body_bytes=settings.app_max_body_kb * 1024, backoff=backoff)
    return dict(
        auth=password_check(*auth) if auth else None,
        app_kwargs={"middleware": [guard], "openapi_url": None},  # FastAPI's own schema: the page never reads it
        max_file_size=0,  # the page has no upload; Gradio has no switch to turn the route off
        footer_links=[], run_history=False, enable_monitoring=False, mcp_server=False, pwa=False,
        ssr_mode=False, show_error=False,
    )


def _interrupt(signum, frame):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second TERM must not break the shutdown under way
    raise KeyboardInterrupt


def parse_args(argv, settings):
    parser = argparse.ArgumentParser(prog="python app.py", description="The chat page over the article store.")
    parser.add_argument("--host", default=settings.app_host, help=f"address to bind (default {settings.app_host})")
    parser.add_argument("--port", type=int, default=settings.app_port, help=f"port (default {settings.app_port})")
    parser.add_argument("--no-auth", action="store_true", help="allow a non-loopback host without APP_AUTH")
    return parser.parse_args(argv)


def prepare_engine(settings):
    """Ingest ``corpus_dir`` (incremental) and warm the engine; None after a store error."""
    from ingest.pipeline import ingest
    from qa.engine import Engine
    from store import EmptyStore, StoreError

    engine = Engine(settings)
    print(f"ingest: {settings.corpus_dir} …", flush=True)
    try:
        open_or_reembed(engine, settings)
        report = ingest([settings.corpus_dir], settings, embedder=engine.embedder, progress=True,
                        warn=lambda m: print(f"warning: {m}", file=sys.stderr))
        print(f"ingest: {report.summary_line()}", flush=True)
        engine.retrieve("kamerabevakning")  # loads BM25 and the dense index, so the first answer is quick
    except EmptyStore as exc:  # the page still starts and says so
        print(f"warning: {exc} The page will answer that no articles are loaded.", file=sys.stderr)
    except StoreError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return None
    return engine


def open_or_reembed(engine, settings) -> None:
    """Open the store; one built with another embedder is re-embedded (with a progress bar)."""
    from store.chroma import EmbedderMismatch
    from store.reembed import reembed

    try:
        engine.collection()  # a store that cannot be reached fails here
    except EmbedderMismatch as exc:
        print(f"store: built with {exc.stored.describe()}; re-embedding it with {exc.current.describe()} …",
              flush=True)
        count = reembed(settings, engine.embedder, progress=True)
        print(f"store: {count} passages re-embedded", flush=True)
        engine.collection()


def main(argv: list[str] | None = None) -> int:
    from settings import Settings, configure_offline

    configure_offline()
    started = time.time()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings()
    args = parse_args(argv, settings)
    try:
        auth = launch_auth(args.host, settings.app_auth, args.no_auth)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    engine = prepare_engine(settings)
    if engine is None:
        return 1
    demo = build_ui(engine, settings, overview=safe_overview(engine))
    demo.queue(default_concurrency_limit=settings.app_concurrency, max_size=settings.app_queue_size, api_open=False)
    signal.signal(signal.SIGTERM, _interrupt)  # a terminated app shuts Gradio down, which empties its cache
    try:
        demo.launch(server_name=args.host, server_port=args.port, prevent_thread_lock=True, css=CSS,
                    quiet=True, **launch_limits(settings, auth))
    except OSError as exc:
        print(f"error: cannot serve on {args.host}:{args.port} ({exc})", file=sys.stderr)
        return 1
    print(f"ready in {time.time() - process_start(started):.1f} s: http://{args.host}:{args.port}", flush=True)
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
