"""The page's new parts without a browser: upload checks, the guard's upload route, removal,
selection, feedback from the server's record, and the short answer first."""

from __future__ import annotations

import asyncio
import json
import shutil

import httpx
import pytest
from app_helpers import last_bubble, run_chat

from ingest.reader import UnreadableFile
from qa.types import Answer, Citation
from ui.articles import chosen_articles, keep_upload, remove, startup_files
from ui.conversation import chat_messages, exchange, settle
from ui.feedback import record
from ui.guard import RequestGuard
from ui.render import chat_markdown
from ui.texts import both

CAMERAS = "Hur många poliskameror är målbilden nationellt?"
CAMERA_ARTICLE, OTHER_ARTICLE = "001_bdd417f66c796474", "000_a5d2021ba032f9f0"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_the_type_of_an_upload_is_read_from_its_content_not_its_name(make_settings, tmp_path):
    settings = make_settings()
    cases = {
        "article.txt": ("<!doctype html><html><body><h1>Rubrik</h1></body></html>", ".html"),
        "notes.pdf": ("Vanlig text om en ny bro i Umeå.", ".txt"),
        "scan.txt": (PDF, ".pdf"),
    }
    for name, (content, suffix) in cases.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        assert keep_upload(settings, str(path), name).suffix == suffix, name
    for name, content in {"virus.pdf": b"MZ\x90\x00\x03\x00\x00\x00" * 100, "empty.txt": b"  \n"}.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(UnreadableFile):
            keep_upload(settings, str(tmp_path / name), name)
    assert sorted(p.suffix for p in (settings.data_dir / "uploads").iterdir()) == [".html", ".pdf", ".txt"]


def test_an_upload_that_fails_says_why_in_swedish_and_english(engine, make_settings, tmp_path):
    from ui.manage import Catalog, add_uploads

    files = {"empty.txt": b"  \n", "noise.txt": b"abc\x00\x01\x02" * 50, "blank.pdf": PDF}
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    catalog = Catalog(engine)
    lines = add_uploads(engine, make_settings(), catalog, [str(tmp_path / n) for n in files], lambda *a, **k: None)
    assert lines[0] == "✗ empty.txt: tom fil / empty file"
    assert lines[1].startswith("✗ noise.txt: binär fil, inte text / binary file")
    assert lines[2] == "✗ blank.pdf: trasig PDF / broken PDF (PdfReadError)"


def test_every_reason_ingest_gives_for_a_skipped_file_has_a_swedish_text():
    """A reason added or reworded in ingest cannot leave the page with only the generic Swedish line."""
    from ingest.reader import REASONS, UnreadableFile
    from ui.texts import UPLOAD_REASONS, upload_reason

    assert set(UPLOAD_REASONS) == set(REASONS)
    for key in REASONS:
        line = upload_reason(str(UnreadableFile(key, "detalj")))
        assert line.startswith(UPLOAD_REASONS[key] + " / "), line


def body_size_app():
    async def app(scope, receive, send):
        size = 0
        while True:
            message = await receive()
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(size).encode()})

    return app


def post(guard, path: str, size: int, origin: str | None = None) -> int:
    async def go():
        transport = httpx.ASGITransport(app=guard)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:7860") as client:
            headers = {"origin": origin} if origin else {}
            return (await client.post(path, content=b"x" * size, headers=headers)).status_code

    return asyncio.run(go())


def test_the_upload_route_opens_only_when_offered_with_its_own_cap_and_origin_check():
    closed = RequestGuard(body_size_app(), max_body_bytes=64 * 1024)
    offered = RequestGuard(body_size_app(), max_body_bytes=64 * 1024, upload_bytes=2_000_000)
    assert post(closed, "/gradio_api/upload", 1000) == 404
    assert post(offered, "/gradio_api/upload", 1_500_000, origin="http://127.0.0.1:7860") == 200
    assert post(offered, "/gradio_api/upload", 2_200_000) == 413
    assert post(offered, "/gradio_api/upload", 1000, origin="https://elsewhere.example") == 403
    assert post(offered, "/gradio_api/queue/join", 1_000_000) == 413  # the raised cap is the upload's alone
    assert post(offered, "/gradio_api/upload_elsewhere", 10) == 404


def test_manage_off_means_no_upload_and_only_ask_is_an_api(engine):
    from ui.page import build_ui

    for manage in (False, True):
        config = build_ui(engine, engine.settings, overview=[], manage=manage).config
        kinds = {c["type"] for c in config["components"]}
        assert ("file" in kinds) is manage
        assert [d["api_name"] for d in config["dependencies"] if d.get("api_visibility") == "public"] == ["ask"]


def test_a_removed_article_is_not_cited_and_stays_removed_at_start_up(seed_settings, embedder, tmp_path):
    from qa.engine import Engine

    shutil.copytree(seed_settings.data_dir, tmp_path / "data")
    settings = seed_settings.model_copy(update={"data_dir": tmp_path / "data"})
    engine = Engine(settings, embedder=embedder)
    assert engine.answer(CAMERAS).citations[0].doc_id == CAMERA_ARTICLE
    assert remove(engine, settings, CAMERA_ARTICLE) >= 1
    answer = engine.answer(CAMERAS)
    assert "2500" not in answer.answer and CAMERA_ARTICLE not in {c.doc_id for c in answer.citations + answer.related}
    assert CAMERA_ARTICLE not in {f.stem for f in startup_files(settings)[0]}


def test_an_empty_selection_gets_one_line_in_the_question_language(engine):
    rows = [["A", "", "2024-03-04", 1, CAMERA_ARTICLE], ["B", "", "2021-12-06", 1, OTHER_ARTICLE]]
    within = chosen_articles(rows, [], "2030-01-01")
    assert within == set()
    assert "None of the loaded articles" in last_bubble(run_chat_within(engine, "How many cameras?", within))
    assert chosen_articles(rows, [CAMERA_ARTICLE, "forged-id"]) == {CAMERA_ARTICLE}


def test_an_empty_question_with_an_empty_selection_is_told_to_type_a_question(engine):
    bubble = last_bubble(run_chat_within(engine, "  ", set()))
    assert "Skriv en fråga" in bubble and "Ingen inläst artikel" not in bubble


def test_an_impossible_date_gets_the_same_note_as_a_word():
    from ui.manage import Catalog, selection

    rows = [["A", "", "2024-03-04", 1, CAMERA_ARTICLE]]
    for typed in ("abc", "2024-13-99", "2023-02-29"):
        assert selection(Catalog(None, rows), [], typed, "") == (None, both("bad_date", value=chat_markdown(typed)))
    assert selection(Catalog(None, rows), [], "2024-02-29", "") == ({CAMERA_ARTICLE}, "")


def run_chat_within(engine, question, within):
    from app import respond

    return [(shown, *rest) for shown, *rest in respond(engine, engine.settings, question, [], within)]


def test_feedback_is_taken_from_the_server_record_only(make_settings):
    settings = make_settings()
    answered = settle(
        exchange("Hur många?"),
        Answer(
            question="Hur många?",
            answer="2500 kameror. [1]",
            citations=[Citation(1, "a", "a#0", "T", "2024-03-04", "S", "Målet är 2500 kameror.", "2500 kameror.")],
        ),
    )
    pending = exchange("Och sen?", pending=True)
    assert record(settings, [answered, pending], 3, False, "x") == ""  # not answered yet
    assert record(settings, [answered, pending], 7, False, "x") == ""  # no such message
    assert record(settings, [answered, pending], 1, "forged", "x") == ""
    assert record(settings, [answered, pending], 1, False, "fel år") != ""
    lines = (settings.data_dir / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    line = json.loads(lines[0])
    assert (
        len(lines) == 1 and line["answer"] == "2500 kameror. [1]" and line["citations"][0]["quote"] == "2500 kameror."
    )


def test_a_comment_with_a_lone_surrogate_still_saves_the_vote(make_settings):
    settings = make_settings()
    answered = settle(exchange("Hur många?"), Answer(question="Hur många?", answer="2500 kameror."))
    assert record(settings, [answered], 1, True, "bra \ud800 svar") != ""
    line = json.loads((settings.data_dir / "feedback.jsonl").read_text(encoding="utf-8"))
    assert line["verdict"] == "up" and line["comment"] == "bra \ufffd svar"


def test_the_short_answer_comes_first_in_bold_then_the_linked_quote():
    final = Answer(
        question="Hur många?",
        answer="Målet är 2500 kameror. [1]",
        citations=[Citation(1, "a", "a#0", "T", "", "", "Målet är 2500 kameror.", "Målet är 2500 kameror.")],
    )
    final.short_answer = "2500 kameror"  # the field qa.types.Answer gains on another branch
    bubble = chat_messages([settle(exchange("Hur många?"), final)])[-1]["content"]
    assert bubble == "**2500 kameror**\n\nMålet är 2500 kameror\\. [\\[1\\]](#source-0-1)"


def test_a_streamed_answer_has_links_once_final(engine):
    steps = run_chat(engine, CAMERAS)
    assert "(#source-0-1)" in last_bubble(steps)
    assert 'class="sources current"' in steps[-1][1] and 'data-n="1" open' in steps[-1][1]
