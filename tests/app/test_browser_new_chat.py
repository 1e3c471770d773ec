"""New chat while an answer is being computed, in the real app and Chromium: not offered until it ends.

The slow answer is the longest question the page takes (seconds of embedding). The page used to
offer New chat meanwhile and cancel the answer on the page only: the server's answer returned
later and put red "Error" badges on the chat, sources and question box, and a question asked
right after could be dropped. Skipped without Chromium as test_browser.py is.
"""

from __future__ import annotations

import json
import os

import pytest
from browser_helpers import open_page, start_app
from playwright.sync_api import expect
from test_browser import ask

from settings import ROOT, Settings
from ui.queueshare import BUSY

pytestmark = pytest.mark.timeout(120)
SLOW = "Hur många kameror " + "a " * (Settings().max_question_chars // 2 - 10)
ERROR_BADGES = "#chat .error, #sources .error, #question .error"
ANSWER_MS = 60_000  # the slow answer is a few seconds alone, longer on a busy test machine
PLACEHOLDER = "Källor visas här / Sources appear here"


@pytest.fixture(scope="module")
def app_url(chromium, tmp_path_factory, request):
    root = tmp_path_factory.mktemp("new_chat_app")
    env = {**os.environ, "DATA_DIR": str(root / "data"), "CORPUS_DIR": str(ROOT / "corpus")}
    env.pop("APP_AUTH", None)
    return start_app(root, env, request)


@pytest.fixture
def page(browser, app_url):
    page = open_page(browser, app_url)
    yield page
    page.close()


def new_chat(page):
    return page.locator("#new-chat")


def chat_clear(page):
    """The chatbot's own Clear (Gradio shows it once the chat has a message)."""
    return page.locator("#chat").get_by_role("button", name="Clear", exact=True)


def send(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()


def answered(page):
    """The last answer bubble, once its answer is in."""
    bots = page.locator('#chat [data-testid="bot"]')
    expect(bots.last).not_to_have_text("…", timeout=ANSWER_MS)
    return bots.last


def test_new_chat_waits_for_the_answer_then_the_next_chat_is_answered_without_errors(page):
    expect(ask(page, "Vem är moderator för #Trygghetnu?")).to_contain_text("[1]")
    expect(chat_clear(page)).to_be_visible()
    send(page, SLOW)
    expect(new_chat(page)).to_be_disabled()  # from the click on: the answer has not started yet
    expect(chat_clear(page)).to_be_hidden()
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(2, timeout=ANSWER_MS)  # being answered
    expect(new_chat(page)).to_be_disabled()
    answered(page)
    expect(new_chat(page)).to_be_enabled()
    expect(chat_clear(page)).to_be_visible()
    new_chat(page).click()
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(0)
    expect(page.locator("#sources")).to_have_text(PLACEHOLDER)
    expect(ask(page, "Vilken konferens talar Stefan Singman på?")).to_contain_text("[1]", timeout=ANSWER_MS)
    expect(ask(page, "Och när hålls den?")).to_contain_text("25 april", timeout=ANSWER_MS)
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(2)
    page.wait_for_timeout(1000)  # a late reply from an earlier answer would show its errors by now
    expect(page.locator(ERROR_BADGES)).to_have_count(0)


def test_a_question_typed_while_an_answer_runs_stays_in_the_box_until_send_is_back(page):
    """Send waits with New chat; Enter meanwhile is skipped by the page, and the answer's later
    updates used to empty the box: the typed question was lost."""
    follow_up = "Vem är moderator för #Trygghetnu?"
    send(page, SLOW)
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(1, timeout=ANSWER_MS)  # taken
    expect(page.locator("#send")).to_be_disabled()
    page.locator("#question textarea").fill(follow_up)
    page.locator("#question textarea").press("Enter")
    answered(page)
    expect(page.locator("#question textarea")).to_have_value(follow_up)
    expect(page.locator("#send")).to_be_enabled()
    page.locator("#send").click()
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(2)
    expect(answered(page)).to_contain_text("[1]")
    expect(page.locator("#question textarea")).to_have_value("")


def test_new_chat_is_offered_again_after_a_rejected_question(page):
    send(page, "")
    expect(answered(page)).to_contain_text("Skriv en fråga.")
    expect(new_chat(page)).to_be_enabled()
    new_chat(page).click()
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(0)


def test_new_chat_is_offered_again_after_the_queue_refuses_a_question(page):
    """The app's 429 (ui/queueshare.py) fails the question on the page: New chat comes back too."""
    refusal = json.dumps({"detail": BUSY})
    page.route("**/gradio_api/queue/join*", lambda route: route.fulfill(status=429, body=refusal))
    send(page, "Vem är moderator för #Trygghetnu?")
    expect(page.get_by_text(BUSY).first).to_be_visible(timeout=ANSWER_MS)  # the page's toast
    expect(new_chat(page)).to_be_enabled()
    page.unroute("**/gradio_api/queue/join*")
    expect(ask(page, "Vem är moderator för #Trygghetnu?")).to_contain_text("[1]", timeout=ANSWER_MS)
    expect(new_chat(page)).to_be_enabled()


def test_new_chat_goes_and_comes_back_in_the_browser_without_a_trip_to_the_server(engine):
    """The functions that take New chat away and give it back transpile to JavaScript, so Gradio
    runs them in the page (were one not to, Gradio would quietly call the server instead)."""
    from groovy import transpile

    from ui.page import build_ui

    blocks = build_ui(engine, engine.settings, overview=[])
    offers = [fn for fn in blocks.fns.values() if fn.js is True]
    assert sorted(fn.name for fn in offers) == ["answered", "answered", "answering"]
    for fn in offers:
        assert "__type__" in transpile(fn.fn, validate=True)
    assert {tuple(block.elem_id for block in fn.outputs) for fn in offers} == {("new-chat", "send", "chat")}
