"""New chat while an answer is being computed, in the real app and Chromium: the page is free at once.

The slow answer is the longest question the page takes (seconds of embedding). Skipped without
Chromium as test_browser.py is.
"""

from __future__ import annotations

import os

import pytest
from browser_helpers import open_page, start_app
from playwright.sync_api import expect
from test_browser import ask

from settings import ROOT, Settings

pytestmark = pytest.mark.timeout(120)
SLOW = "Hur många kameror " + "a " * (Settings().max_question_chars // 2 - 10)
ERROR_BADGES = "#chat .error, #sources .error, #question .error"
ANSWER_MS = 20_000  # ample for a one-line answer; the page used to drop it for good


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


def start_slow_answer(page) -> None:
    page.locator("#question textarea").fill(SLOW)
    page.locator("#send").click()
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(1)  # it is being answered


def test_new_chat_during_an_answer_then_questions_are_answered_without_errors(page):
    start_slow_answer(page)
    page.locator("#new-chat").click()
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(0)
    expect(page.locator("#sources")).to_have_text("Källor visas här / Sources appear here")
    page.locator("#question textarea").fill("Vilken konferens talar Stefan Singman på?")
    page.locator("#send").click()  # at once: the cancelled answer's embedding is still running
    bots = page.locator('#chat [data-testid="bot"]')
    expect(bots).to_have_count(1, timeout=ANSWER_MS)
    expect(bots.last).to_contain_text("[1]", timeout=ANSWER_MS)
    expect(page.locator('#chat [data-testid="user"]')).to_have_count(1)  # the cancelled question stays gone
    expect(ask(page, "Och när hålls den?")).to_contain_text("25 april")  # a follow-up as usual
    page.wait_for_timeout(3000)  # the abandoned embedding has returned: before, the errors came then
    expect(page.locator(ERROR_BADGES)).to_have_count(0)
