"""End to end: the real app in a subprocess, driven in headless Chromium.

Skipped when no Chromium is installed, unless CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest
from browser_helpers import start_app
from playwright.sync_api import expect

from settings import ROOT

SEED_CORPUS = ROOT / "corpus"
ANSWER_TIMEOUT_MS = 60_000
EVIL_TITLE = "Skriptfestivalen i Umeå </script><script>alert('titel')</script><img src=x onerror=alert('titel')>"
EVIL_ARTICLE = f"""Testbladet

2024-05-01

{EVIL_TITLE}

Skriptfestivalen i Umeå lockade 4200 besökare i år, skriver arrangören <script>alert(1)</script> på sin webbplats.

Arrangören visade också en bild <img src=x onerror=alert(1)> på scenen under festivalens sista kväll.

Nästa år hålls Skriptfestivalen i Umeå den 12 maj, meddelar arrangören.
"""
NO_INJECTED_ELEMENTS = """() => ({
  imgs: document.querySelectorAll('img[src="x"], img[onerror], [onerror]').length,
  scripts: [...document.scripts].filter(s => /^\\s*alert\\(/.test(s.textContent)).length
    + document.querySelectorAll('#chat script, #sources script, #articles script').length,
})"""

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def app_url(chromium, tmp_path_factory, request):
    root = tmp_path_factory.mktemp("browser_app")
    corpus = root / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    (corpus / "900_skriptfestivalen.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    env = {**os.environ, "DATA_DIR": str(root / "data"), "CORPUS_DIR": str(corpus)}
    env.pop("APP_AUTH", None)
    return start_app(root, env, request)


@pytest.fixture
def page(browser, app_url, tmp_path, request):
    """A fresh page on the app; records dialogs and requests that leave 127.0.0.1."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    page.dialogs, page.remote = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "data:", "blob:")) or page.remote.append(r.url))
    page.goto(app_url, timeout=ANSWER_TIMEOUT_MS)
    yield page
    shot = tmp_path / f"{request.node.name}.png"
    page.screenshot(path=str(shot), full_page=True)
    results = ROOT / "test-results"
    results.mkdir(exist_ok=True)
    shutil.copy(shot, results / shot.name)
    page.close()
    assert page.remote == [], f"requests left 127.0.0.1: {page.remote}"


def ask(page, question: str):
    """Send a question; the locator of its answer bubble once the answer is in."""
    bots = page.locator('#chat [data-testid="bot"]')
    before = bots.count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    expect(bots).to_have_count(before + 1)
    expect(bots.last).not_to_have_text("…")
    return bots.last


def open_first_source(page):
    """The latest answer's first source: open without a click; its <details>."""
    source = page.locator("#sources .sources.current details.source").first
    expect(source).to_have_attribute("open", "")
    expect(source.locator(".passage")).to_be_visible()
    return source


def test_answer_with_citation_and_open_source(page):
    answer = ask(page, "Hur många poliskameror är målbilden nationellt?")
    expect(answer).to_contain_text("2500")
    expect(answer).to_contain_text("[1]")
    source = open_first_source(page)
    expect(source).to_contain_text("#TRYGGHETNU: Han ska berätta om polisens utökade kamerabevakning")
    expect(source).to_contain_text("2024-03-04")
    expect(source.locator("mark")).to_contain_text("2500 kameror nationellt")


def test_refusal_then_follow_up_and_new_chat(page):
    expect(ask(page, "Vem vann fotbolls-VM 2022?")).to_have_text("Det framgår inte av artiklarna.")
    expect(page.locator("#sources")).to_contain_text("Närmast liknande avsnitt")
    expect(ask(page, "Vilken konferens talar Stefan Singman på?")).to_contain_text("[1]")
    expect(ask(page, "Och när hålls den?")).to_contain_text("25 april")
    page.locator("#new-chat").click()
    expect(page.locator('#chat [data-testid="bot"]')).to_have_count(0)
    expect(page.locator("#sources")).to_have_text("Källor visas här / Sources appear here")


def test_markup_in_an_article_renders_as_text(page):
    answer = ask(page, "Hur många besökare lockade Skriptfestivalen i Umeå?")
    expect(answer).to_contain_text("4200")
    expect(answer).to_contain_text("<script>alert(1)</script>")
    source = open_first_source(page)
    expect(source).to_contain_text(EVIL_TITLE)
    expect(source).to_contain_text("<img src=x onerror=alert(1)>")
    expect(page.locator("#articles")).to_contain_text(EVIL_TITLE)
    question = "<img src=x onerror=alert('fråga')> När hålls Skriptfestivalen i Umeå nästa år?"
    expect(ask(page, question)).to_contain_text("12 maj")
    expect(page.locator('#chat [data-testid="user"]').last).to_have_text(question)
    page.wait_for_timeout(500)  # give an injected onerror handler the chance to fire
    assert page.dialogs == []
    assert page.evaluate(NO_INJECTED_ELEMENTS) == {"imgs": 0, "scripts": 0}
