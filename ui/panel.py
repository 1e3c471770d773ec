"""Events of the article panel: pick a row, ask within it, remove it (after a confirmation), upload.

Every handler checks what the client sent (a row's id, the dropdown's ids)
against the server's catalog; the store changes only for ids it lists.

No ``from __future__ import annotations`` here: Gradio reads the handlers' ``gr.SelectData``
and ``gr.LikeData`` annotations as objects to know what event data to pass.
"""

from ui.manage import add_uploads, chosen_ids, remove_article, selection
from ui.render import chat_markdown
from ui.texts import both

PRIVATE = {"api_visibility": "private"}
# One upload and one removal at a time each; ui.manage's store lock takes them a file at a time, so a
# removal waits for the file being added, not for a whole upload.
UPLOADS = {"concurrency_id": "uploads", "concurrency_limit": 1, **PRIVATE}
REMOVALS = {"concurrency_id": "removals", "concurrency_limit": 1, **PRIVATE}
# Events that take "Ask only in" get the client's value as sent: Gradio's own check of it raises
# (a traceback, and the event lost); ui.manage.chosen_ids checks it against the catalog instead.
RAW = {"preprocess": False}


def wire_feedback(gr, settings, chatbot, conversation, comment, thanks) -> None:
    """A thumbs up/down on an answer writes the server's record of that turn (``ui.feedback``)."""
    from qa.question import valid_text
    from ui.feedback import SAVED, record

    def liked(exchanges, text, data: gr.LikeData):
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        said = record(settings, exchanges, index, data.liked, text)
        return said, ("" if said == SAVED else valid_text(str(text or "")))  # sent back: must be valid UTF-8

    chatbot.like(liked, [conversation, comment], [thanks, comment], queue=False, **PRIVATE)


def box_label(count: int) -> str:
    return f"Inlästa artiklar / Loaded articles ({count})"


def article_listing(gr, catalog, **dropdown) -> tuple:
    """The table, the "Ask only in" choices and the count, as the shared catalog has them now."""
    return catalog.rows, gr.update(choices=catalog.choices(), **dropdown), gr.update(label=box_label(len(catalog.rows)))


def wire_listing(gr, demo, catalog, panel: dict) -> None:
    """Every page load lists the articles as they are now, not as they were when the server started."""
    outputs = [panel["table"], panel["within"], panel["box"]]
    demo.load(lambda: article_listing(gr, catalog), None, outputs, queue=False, **PRIVATE)


def wire_selection(gr, catalog, panel: dict, within) -> None:
    """The chosen articles and dates become the session's ``within`` (checked against the catalog)."""

    def choose(doc_ids, date_from, date_to):
        chosen, problem = selection(catalog, doc_ids, date_from, date_to)
        return (sorted(chosen) if chosen is not None else None), problem or selection_note(chosen)

    gr.on(
        [panel["within"].change, panel["from"].change, panel["to"].change],
        choose,
        [panel["within"], panel["from"], panel["to"]],
        [within, panel["note"]],
        queue=False,
        **RAW,
        **PRIVATE,
    )


def selection_note(chosen) -> str:
    if chosen is None:
        return ""
    if not chosen:
        return both("none_chosen")
    return f"Svaren citerar bara {len(chosen)} valda artiklar. / Answers cite only the {len(chosen)} chosen article(s)."


def wire_articles(gr, engine, settings, catalog, panel: dict, manage: bool) -> None:
    """Pick a row to ask within it or (when ``manage``) remove it; upload files."""

    def pick(evt: gr.SelectData):
        row = evt.row_value if isinstance(evt.row_value, list) else []
        doc_id = str(row[4]) if len(row) > 4 else ""
        title = catalog.title(doc_id)
        offered = [gr.update(visible=bool(title)), gr.update(visible=bool(title) and manage)]
        # A row of a list older than the catalog (removed in another tab): say so, and list the articles as they are.
        listing = [gr.update()] * 3 if title else article_listing(gr, catalog)
        shown = f"**{chat_markdown(title)}** ({chat_markdown(doc_id)})" if title else both("already_removed")
        actions = gr.update(visible=bool(doc_id))
        return (doc_id if title else ""), actions, shown, gr.update(visible=False), *offered, *listing

    def ask_this(doc_id, chosen):
        ids = [d for d in chosen_ids(catalog, chosen) if catalog.title(d)]
        if not catalog.title(doc_id):  # removed in another tab since it was picked
            return ids, both("already_removed"), gr.update(visible=False), gr.update(visible=False)
        return (ids if doc_id in ids else [*ids, doc_id]), gr.update(), gr.update(), gr.update()

    about = ["picked", "actions", "picked_md", "confirm", "ask_this", "remove", "table", "within", "box"]
    panel["table"].select(pick, None, [panel[k] for k in about], queue=False, **PRIVATE)
    chosen = [panel["within"], panel["picked_md"], panel["ask_this"], panel["remove"]]
    panel["ask_this"].click(ask_this, [panel["picked"], panel["within"]], chosen, queue=False, **RAW, **PRIVATE)
    panel["no"].click(lambda: gr.update(visible=False), None, [panel["confirm"]], queue=False, **PRIVATE)
    if manage:
        _wire_changes(gr, engine, settings, catalog, panel)


def _wire_changes(gr, engine, settings, catalog, panel: dict) -> None:
    """Remove (after the confirmation) and upload: each one at a time, then the listing is refreshed."""

    def confirm(doc_id):
        title = catalog.title(doc_id)
        question = (
            f"Ta bort **{chat_markdown(title)}**? Den citeras inte längre. / "
            f"Remove **{chat_markdown(title)}**? It will no longer be cited."
        )
        return gr.update(visible=bool(title)), question, ("" if title else both("already_removed"))

    def listed(chosen):
        """The listing, and "Ask only in" keeping the chosen articles still listed."""
        return article_listing(gr, catalog, value=[d for d in chosen_ids(catalog, chosen) if catalog.title(d)])

    def removed(doc_id, chosen):
        message = chat_markdown(remove_article(engine, settings, catalog, doc_id))
        return (message, *listed(chosen), gr.update(visible=False), gr.update(visible=False), "")

    def added(files, progress=gr.Progress()):  # noqa: B008 (Gradio injects the tracker by this default)
        lines = add_uploads(engine, settings, catalog, files, progress)
        return "  \n".join(chat_markdown(line) for line in lines), None

    listing = [panel["table"], panel["within"], panel["box"]]
    asked = [panel["confirm"], panel["confirm_md"], panel["status"]]
    panel["remove"].click(confirm, [panel["picked"]], asked, queue=False, **PRIVATE)
    after_remove = [panel["status"], *listing, panel["confirm"], panel["actions"], panel["picked"]]
    panel["yes"].click(removed, [panel["picked"], panel["within"]], after_remove, **REMOVALS, **RAW)
    # The upload takes the file alone (its preprocess checks Gradio's copy); the listing follows.
    uploaded = panel["upload"].upload(
        added, [panel["upload"]], [panel["status"], panel["upload"]], show_progress="full", **UPLOADS
    )
    uploaded.then(listed, [panel["within"]], listing, queue=False, **RAW, **PRIVATE)
