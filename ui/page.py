"""The Blocks page: chat, sources, feedback, and the article panel; nothing is built at import time.

Every event but ``/ask`` is private (no API name), and ``/ask`` takes only the
question: the conversation and the selection to ask within live in server-side
state. Upload and removal exist only when ``manage`` is on (see ``ui.launch.offers_upload``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ui.chat import SOURCES_PLACEHOLDER, respond

EXAMPLES = [
    "Hur många poliskameror är målbilden nationellt?",
    "Vem är moderator för #Trygghetnu?",
    "När började polisen hämta in uppgifter till en nationell lägesbild?",
    "When is #Trygghetnu held?",
    "Who is the moderator of #Trygghetnu?",
]
ASK_API = "ask"  # the question event's API name; ui/queueshare counts it
PAGE_JS = Path(__file__).with_name("page.js")
PLACEHOLDER_HTML = f"<p><em>{SOURCES_PLACEHOLDER}</em></p>"
CSS = """
#sources .sources h3 { margin: 0 0 .5em; }
#sources .sources:not(.current) { display: none; }
#sources details.source { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: .4em .7em; margin-bottom: .5em; background: var(--background-fill-secondary); }
#sources details.source.target { outline: 2px solid var(--color-accent); }
#sources summary { cursor: pointer; }
#sources .source-n { font-weight: 600; }
#sources .source-title { font-weight: 600; }
#sources .source-meta { display: block; margin-left: 1.1em; font-size: .9em; font-weight: 400;
  color: var(--body-text-color-subdued); }
#sources .passage { white-space: pre-wrap; margin: .5em 0 .2em; line-height: 1.45; }
#sources mark { background: #ffe58f; color: #000; padding: 0 .1em; }
#chat a[href^="#source-"] { text-decoration: none; font-weight: 600; }
#chat.answering .top-panel { display: none; }
#articles table, #articles th, #articles td, #articles span { font-family: var(--font); }
#articles td:nth-child(n+3) span, #articles th:nth-child(n+3) span { white-space: nowrap; }
"""


def page_js(settings) -> str:
    """The page's script, given the server's upload limits and their sentences (JSON).

    >>> from types import SimpleNamespace
    >>> script = page_js(SimpleNamespace(max_upload_files=2))
    >>> "const MAX_FILES = 2;" in script, "At most 2 files per upload; none" in script
    (True, True)
    """
    from ui.texts import both

    over_limit = f"✗ {{names}}: {both('over_limit', limit='{limit}')}"  # page.js fills in both
    too_many = both("upload_too_many", count=settings.max_upload_files)  # the server's 413 line (ui/uploadcount.py)
    values = {"__OVER_LIMIT__": over_limit, "__MAX_FILES__": settings.max_upload_files, "__TOO_MANY__": too_many}
    script = PAGE_JS.read_text(encoding="utf-8")
    for name, value in values.items():
        script = script.replace(name, json.dumps(value))
    return script


HEADER = (
    "## Fråga artiklarna / Ask the articles\n"
    "Svaren citerar artiklarna ordagrant; klicka på [n] för källan. "
    "Answers quote the articles verbatim; click [n] for its source."
)


def build_ui(engine, settings, overview: list[list] | None = None, manage: bool = False):
    """The page, queued as the settings say. ``overview``: the article rows at start-up; ``manage``: offer upload and removal."""
    import gradio as gr

    from ui.manage import Catalog, still_listed
    from ui.panel import PRIVATE, wire_articles, wire_feedback, wire_listing, wire_selection

    catalog = Catalog(engine, overview)

    def chat(question, exchanges, within):
        yield from respond(engine, settings, question, exchanges, still_listed(catalog, within))

    with gr.Blocks(title="Nyhetsfrågor / News Q&A", delete_cache=(3600, 3600)) as demo:
        gr.Markdown(HEADER)
        conversation = gr.State([])  # the exchanges, on the server only: no client sends them
        within = gr.State(None)  # doc_ids to ask within (None: all), resolved on the server
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot, question, send, new_chat = _chat_column(gr, settings)
                comment, thanks = _feedback_row(gr)
            with gr.Column(scale=2):
                sources = gr.HTML(PLACEHOLDER_HTML, elem_id="sources")
        gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Exempel / Examples")
        panel = _articles_panel(gr, catalog, settings, manage)
        outputs = [chatbot, sources, conversation, question]
        ask = [question.submit, send.click]
        _wire_question(gr, ask, chat, [question, conversation, within], outputs, offers=[new_chat, send, chatbot])
        gr.on([new_chat.click, chatbot.clear], _new_chat, None, outputs, queue=False, **PRIVATE)
        wire_feedback(gr, settings, chatbot, conversation, comment, thanks)
        wire_selection(gr, catalog, panel, within)
        wire_articles(gr, engine, settings, catalog, panel, manage)
        wire_listing(gr, demo, catalog, panel)
    demo.queue(default_concurrency_limit=settings.app_concurrency, max_size=settings.app_queue_size, api_open=False)
    return demo


def _chat_column(gr, settings):
    chatbot = gr.Chatbot(
        label="Chatt / Chat",
        elem_id="chat",
        height=460,
        sanitize_html=True,
        render_markdown=True,
        allow_tags=False,
        latex_delimiters=[],
        buttons=["copy"],
        feedback_options=("Like", "Dislike"),
        placeholder="Ställ en fråga om artiklarna: svaret citerar dem ordagrant.  \n"
        "Ask about the articles: the answer quotes them verbatim.",
    )
    question = gr.Textbox(
        label="Fråga / Question",
        elem_id="question",
        max_length=settings.max_question_chars,
        lines=1,
        placeholder="Skriv en fråga på svenska eller engelska / Ask in Swedish or English",
    )
    with gr.Row():
        send = gr.Button("Skicka / Send", variant="primary", elem_id="send")
        new_chat = gr.Button("Ny chatt / New chat", elem_id="new-chat")
    return chatbot, question, send, new_chat


def _feedback_row(gr):
    from ui.feedback import COMMENT_CHARS

    comment = gr.Textbox(
        label="Kommentar till ditt omdöme (valfri) / Comment with your rating (optional)",
        lines=1,
        max_length=COMMENT_CHARS,
        elem_id="feedback-comment",
    )
    thanks = gr.Markdown("", elem_id="feedback-status")
    return comment, thanks


def _articles_panel(gr, catalog, settings, manage: bool) -> dict:
    from ui.articles import OVERVIEW_HEADERS
    from ui.manage import DATE_CHARS
    from ui.panel import box_label

    panel = {}
    with gr.Accordion(box_label(len(catalog.rows)), open=True) as panel["box"]:
        with gr.Row():
            panel["within"] = gr.Dropdown(
                catalog.choices(),
                value=[],
                multiselect=True,
                scale=3,
                label="Fråga bara i / Ask only in",
                elem_id="within",
            )
            dates = {"placeholder": "ÅÅÅÅ-MM-DD", "max_length": DATE_CHARS, "scale": 1}
            panel["from"] = gr.Textbox(label="Från / From", elem_id="date-from", **dates)
            panel["to"] = gr.Textbox(label="Till / To", elem_id="date-to", **dates)
        panel["note"] = gr.Markdown("", elem_id="selection-note")
        panel["table"] = gr.Dataframe(
            catalog.rows,
            headers=OVERVIEW_HEADERS,
            datatype="str",
            interactive=False,
            wrap=True,
            max_height=360,
            show_search="search",
            elem_id="articles",
        )
        _article_actions(gr, panel, manage)
        if manage:
            _upload_box(gr, panel, settings)
    return panel


def _upload_box(gr, panel: dict, settings) -> None:
    """The "Add articles" box; page.js names a file over the limit as this label does, before it is sent."""
    panel["upload"] = gr.File(
        label=f"Lägg till artiklar / Add articles (.txt .md .html .pdf, ≤ {settings.max_file_mb:g} MB)",
        file_count="multiple",
        file_types=[".txt", ".md", ".html", ".htm", ".pdf"],
        elem_id="upload",
    )
    panel["status"] = gr.Markdown("", elem_id="upload-status")


def _article_actions(gr, panel: dict, manage: bool) -> None:
    panel["picked"] = gr.State("")  # the doc_id of the clicked row, checked against the catalog
    with gr.Column(visible=False, variant="panel", elem_id="article-actions") as panel["actions"]:
        panel["picked_md"] = gr.Markdown("")
        with gr.Row():
            panel["ask_this"] = gr.Button("Fråga bara i denna / Ask only in this", elem_id="ask-within-this")
            panel["remove"] = gr.Button("Ta bort… / Remove…", elem_id="remove-article", visible=manage)
    with gr.Column(visible=False, variant="panel", elem_id="confirm-remove") as panel["confirm"]:
        panel["confirm_md"] = gr.Markdown("")
        with gr.Row():
            panel["yes"] = gr.Button("Ja, ta bort / Yes, remove", variant="stop", elem_id="confirm-remove-yes")
            panel["no"] = gr.Button("Avbryt / Cancel", elem_id="confirm-remove-no")


def _wire_question(gr, triggers, chat, inputs, outputs, offers) -> None:
    """The question event (``/ask``); New chat, Send and the chatbot's Clear (``offers``) wait for its end.

    Cancelling an answer stopped it on the page only: the server's answer went on, and its late
    reply put "Error" badges on the page and could drop the next question. The offers go in the
    browser the moment a question is sent (``js=True``: Gradio runs the transpiled function there,
    no trip to the server), the answer runs ``.then``, and they come back when it ends: on success
    ``.then`` fires, on an error or a refusal (429) the page's Gradio fires only ``.failure``.
    A question sent meanwhile (Enter still works) would be skipped by the page's Gradio
    (``trigger_mode="once"``); ``respond`` leaves it in the box, to send once Send is back.
    """
    from ui.panel import PRIVATE

    def answering():
        return gr.Button(interactive=False), gr.Button(interactive=False), gr.Chatbot(elem_classes=["answering"])

    def answered():
        return gr.Button(interactive=True), gr.Button(interactive=True), gr.Chatbot(elem_classes=[])

    quiet = {"js": True, "queue": False, "show_progress": "hidden", **PRIVATE}
    asked = gr.on(triggers, answering, None, offers, **quiet).then(chat, inputs, outputs, api_name=ASK_API)
    for ended in (asked.then, asked.failure):
        ended(answered, None, offers, **quiet)


def _new_chat():
    return [], PLACEHOLDER_HTML, [], ""
