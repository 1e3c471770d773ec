"""The article panel in real Chromium: what a client or an article brings shows as text, and the list is current.

The real app runs on a free 127.0.0.1 port over the seed corpus plus one article whose
title is Markdown (an image, bold, a link) and whose text quotes URLs.
"""

from __future__ import annotations

import os
import shutil

import pytest
from browser_helpers import start_app
from playwright.sync_api import expect
from test_browser import ask

from settings import ROOT

TITLE = "Nyhet ![](http://127.0.0.2:9/title.png) om **Kiruna** [Logga in](http://ev.il)"
URL, WWW = "https://www.kiruna.se/nyheter/bibliotek_2024-08", "www.kiruna.se/bibliotek"
ARTICLE = f"""Kirunabladet

2024-08-01

{TITLE}

Kiruna kommun har öppnat 3 nya bibliotek i år, enligt {URL} och {WWW}.

Biblioteken har öppet alla dagar, meddelar kommunen.
"""
DOC_ID = "900_kiruna"
OTHER_ID = "000_a5d2021ba032f9f0"  # a seed article
STORE_CHANGE_MS = 60_000
# Links and images in an element, but for the answer's own [n] links to its sources.
LINKS = """(el) => [...el.querySelectorAll('a, img')].map(e => e.getAttribute('href') || e.getAttribute('src'))
  .filter(target => !target.startsWith('#source-'))"""

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def app_url(chromium, tmp_path_factory, request):
    root = tmp_path_factory.mktemp("panel_app")
    corpus = root / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / f"{DOC_ID}.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "DATA_DIR": str(root / "data"), "CORPUS_DIR": str(corpus)}
    env.pop("APP_AUTH", None)
    return start_app(root, env, request)


@pytest.fixture
def page(browser, app_url):
    """A fresh page on the app; fails the test on a request that leaves 127.0.0.1."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(60_000)
    remote = []
    page.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "data:", "blob:")) or remote.append(r.url))
    page.goto(app_url, timeout=60_000)
    yield page
    page.close()
    assert remote == [], f"requests left 127.0.0.1: {remote}"


def test_a_date_typed_as_markdown_shows_as_text(page):
    typed = "[Logga in](//ev.il)"
    page.locator("#date-from textarea").fill(typed)
    note = page.locator("#selection-note")
    expect(note).to_contain_text(f"YYYY-MM-DD: {typed}")
    assert note.evaluate(LINKS) == []


def test_a_quoted_url_and_a_markdown_title_show_the_article_characters(page):
    answer = ask(page, "Hur många nya bibliotek har Kiruna kommun öppnat?")
    expect(answer).to_contain_text(f"enligt {URL} och {WWW}")
    assert answer.evaluate(LINKS) == [], "a URL is plain text, never a broken link"
    page.locator("#articles").get_by_text(DOC_ID, exact=True).click()
    expect(page.locator("#article-actions")).to_contain_text(TITLE)
    page.locator("#remove-article").click()
    expect(page.locator("#confirm-remove")).to_contain_text(f"Remove {TITLE}? It will")
    for shown in ("#article-actions", "#confirm-remove"):
        assert page.locator(shown).evaluate(LINKS) == [], shown
    page.locator("#confirm-remove-no").click()


def remove_article(page, doc_id: str = DOC_ID) -> None:
    page.locator("#articles").get_by_text(doc_id, exact=True).click()
    page.locator("#remove-article").click()
    expect(page.locator("#confirm-remove")).to_contain_text("It will no longer be cited")
    page.locator("#confirm-remove-yes").click()
    expect(page.locator("#upload-status")).to_contain_text("Removed", timeout=STORE_CHANGE_MS)


def test_a_removed_title_shows_as_text_in_the_status(page):
    remove_article(page)
    status = page.locator("#upload-status")
    expect(status).to_contain_text("om **Kiruna** [Logga in](http")
    assert status.locator("img").count() == 0 and status.locator("strong").count() == 0
    expect(status).to_contain_text(f"Removed: {TITLE} (")  # a URL in it too is shown as it is written
    assert status.evaluate(LINKS) == []


def test_each_page_lists_the_articles_as_they_are_now(page, browser, app_url):
    # The module's article was removed in another page (above): this page does not list it.
    expect(page.get_by_text("Loaded articles (2)")).to_be_visible()
    expect(page.locator("#articles")).not_to_contain_text("Kirunabladet")
    page.locator("#articles").get_by_text(OTHER_ID, exact=True).click()
    page.locator("#ask-within-this").click()
    expect(page.locator("#selection-note")).to_contain_text("1 chosen")
    other = browser.new_page()
    other.goto(app_url, timeout=60_000)
    remove_article(other, OTHER_ID)  # while this page still asks within it
    other.close()
    expect(ask(page, "Hur har kamerorna påverkat brottsligheten?")).to_contain_text("Ingen inläst artikel stämmer")
    page.reload()
    expect(page.get_by_text("Loaded articles (1)")).to_be_visible()
    expect(page.locator("#within")).not_to_contain_text("Kameror har minskat")
