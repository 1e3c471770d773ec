"""The chat's features in real Chromium: [n] links, upload, removal, selection, feedback, language.

The real app runs on a free 127.0.0.1 port over a copy of the seed store; every
page records console errors and uncaught exceptions, and each test ends with none.
Screenshots go to /tmp/ui-shots/ (outside the repo).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser_helpers import start_app
from playwright.sync_api import expect
from test_browser import ask

from settings import ROOT

SHOTS = Path("/tmp/ui-shots")
ARTICLE_TITLE = "Tallmoens glasbruk får ett nytt besökscenter"
FACT_QUESTION = "Hur mycket kostar besökscentret vid Tallmoens glasbruk?"
FACT = "48 miljoner kronor"
CAMERAS = "Hur många poliskameror är målbilden nationellt?"
OTHER_TITLE = "Kameror har minskat drogförsäljningen"
STORE_CHANGE_MS = 60_000  # an upload or removal is embedded and indexed before the status line says so

# The progress bar may come and go between two polls of a locator: a MutationObserver keeps its label.
WATCH_PROGRESS = """() => { window.progressSeen = "";
  new MutationObserver(() => { const bar = document.querySelector('#upload-status [role="progressbar"]');
    if (bar) window.progressSeen = bar.getAttribute("aria-label") || "bar"; })
  .observe(document.body, {subtree: true, childList: true, attributes: true}); }"""

pytestmark = pytest.mark.timeout(120)


def invented_article(words: int = 1000) -> str:
    """An invented local-news article of about ``words`` words, one sentence holding the fact."""
    topics = [
        "glasblåsning",
        "formgivning",
        "utställningen",
        "skolbesöken",
        "kaféet",
        "parkeringen",
        "guidningarna",
        "butiken",
        "verkstaden",
        "arkivet",
    ]
    body = [f"Besökscentret vid Tallmoens glasbruk kostar {FACT}, meddelar kommunen i Norrvik."]
    week = 0
    while sum(len(p.split()) for p in body) < words:
        week += 1
        topic = topics[week % len(topics)]
        body.append(
            f"Under vecka {week} visade hyttmästaren {topic} för {12 + week * 3} besökare från "
            f"{('Norrvik', 'Sälsjö', 'Granby', 'Ekudden')[week % 4]}. Arbetslaget prövade {week + 2} nya "
            f"färger i {topic} och skrev ner varje steg i loggboken, berättar föreningens ordförande."
        )
    return "Norrviks Tidning\n\n2025-02-03\n\n" + ARTICLE_TITLE + "\n\n" + "\n\n".join(body) + "\n"


@pytest.fixture(scope="module")
def served(chromium, seed_settings, tmp_path_factory, request):
    """``(url, data dir, Gradio cache dir)`` of the real app on a copy of the seed store."""
    root = tmp_path_factory.mktemp("features")
    shutil.copytree(seed_settings.data_dir, root / "data")
    env = {
        **os.environ,
        "DATA_DIR": str(root / "data"),
        "CORPUS_DIR": str(seed_settings.corpus_dir),
        "GRADIO_TEMP_DIR": str(root / "gradio-cache"),
    }
    env.pop("APP_AUTH", None)
    return start_app(root, env, request), root / "data", root / "gradio-cache"


@pytest.fixture
def page(browser, served, request):
    """A fresh page; fails the test on any console error or uncaught exception."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(60_000)
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served[0], timeout=60_000)
    yield page
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    page.close()
    assert errors == [], f"console errors: {errors}"


def current_sources(page):
    return page.locator("#sources .sources.current")


def test_clicking_2_opens_source_2_scrolled_to_its_marked_sentence(page):
    answer = ask(page, "Hur har kamerorna påverkat brottsligheten?")  # quotes both articles
    link = answer.locator('a[href$="-2"]')
    expect(link).to_have_text("[2]")
    first, second = (current_sources(page).locator(f'details.source[data-n="{n}"]') for n in (1, 2))
    expect(first).to_have_attribute("open", "")  # source [1] is open without a click
    expect(second).not_to_have_attribute("open", "")
    link.click()
    expect(second).to_have_attribute("open", "")
    expect(second).to_have_class("source target")
    expect(second.locator("mark")).to_be_in_viewport()
    expect(second.locator("mark")).to_contain_text("drogförsäljningen")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "source-2-opened.png"))


def test_an_english_question_gets_english_labels_a_swedish_one_swedish(page):
    ask(page, "When is #Trygghetnu held?")
    expect(current_sources(page).locator("h3")).to_have_text("Sources")
    expect(current_sources(page)).to_have_attribute("lang", "en")
    ask(page, "Vem är moderator för #Trygghetnu?")
    expect(current_sources(page).locator("h3")).to_have_text("Källor")
    page.locator('#chat a[href^="#source-0-"]').first.click()  # the first turn's sources come back
    expect(current_sources(page).locator("h3")).to_have_text("Sources")


def test_an_uploaded_article_is_answerable_and_cited_then_removed_never_again(page, served, tmp_path):
    _, data, cache = served
    upload = tmp_path / "besokscenter.txt"
    upload.write_text(invented_article(), encoding="utf-8")
    started = time.perf_counter()
    page.evaluate(WATCH_PROGRESS)
    page.locator("#upload input[type=file]").set_input_files(str(upload))
    expect(page.locator("#upload-status")).to_contain_text("✓ besokscenter.txt", timeout=STORE_CHANGE_MS)
    ingested = time.perf_counter() - started
    assert page.evaluate("window.progressSeen").endswith(("ingesting", "indexing")), "no progress bar"
    answer = ask(page, FACT_QUESTION)
    expect(answer).to_contain_text(FACT)
    answerable = time.perf_counter() - started
    print(f"\n1,000-word article: ingested {ingested:.1f} s, answerable {answerable:.1f} s after upload")
    expect(current_sources(page).locator('details.source[data-n="1"]')).to_contain_text(ARTICLE_TITLE)
    expect(page.locator("#articles")).to_contain_text(ARTICLE_TITLE)
    kept = list((data / "uploads").glob("upload-besokscenter-*.txt"))
    assert len(kept) == 1 and FACT in kept[0].read_text(encoding="utf-8")
    assert not [p for p in cache.rglob("*") if p.is_file() and FACT.encode() in p.read_bytes()], "served back"

    page.locator("#articles").get_by_text(ARTICLE_TITLE).click()
    page.locator("#remove-article").click()
    expect(page.locator("#confirm-remove")).to_contain_text(ARTICLE_TITLE)
    page.screenshot(path=str(SHOTS / "remove-confirmation.png"))
    page.locator("#confirm-remove-yes").click()
    expect(page.locator("#upload-status")).to_contain_text("Removed", timeout=STORE_CHANGE_MS)
    expect(page.locator("#articles")).not_to_contain_text(ARTICLE_TITLE)
    again = ask(page, FACT_QUESTION)
    expect(again).not_to_contain_text(FACT)
    expect(page.locator("#sources .sources").last).not_to_contain_text(ARTICLE_TITLE)
    assert not list((data / "uploads").glob("upload-besokscenter-*"))


def test_a_selection_limits_the_citations(page):
    expect(ask(page, CAMERAS)).to_contain_text("2500")
    page.locator("#articles").get_by_text(OTHER_TITLE).click()
    page.locator("#ask-within-this").click()
    expect(page.locator("#selection-note")).to_contain_text("1 chosen")
    answer = ask(page, CAMERAS)
    expect(answer).not_to_contain_text("2500")
    expect(current_sources(page)).to_contain_text(OTHER_TITLE)
    expect(current_sources(page)).not_to_contain_text("#TRYGGHETNU")


def test_a_thumbs_down_is_written_from_the_server_record_and_converted(page, served, tmp_path):
    _, data, _ = served
    feedback = data / "feedback.jsonl"
    before = feedback.read_text(encoding="utf-8").splitlines() if feedback.exists() else []
    ask(page, "Vilken konferens talar Stefan Singman på?")
    answer = ask(page, "Och när hålls den?")
    page.locator("#feedback-comment textarea").fill("Fel datum?")
    expect(answer).to_contain_text("25 april")
    dislikes = page.locator('#chat button[aria-label="Dislike"]')
    expect(dislikes).to_have_count(2)  # one per answer
    dislikes.last.click()
    expect(page.locator("#feedback-status")).to_contain_text("Thanks")
    lines = feedback.read_text(encoding="utf-8").splitlines()[len(before) :]
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert line["verdict"] == "down" and line["question"] == "Och när hålls den?" and line["comment"] == "Fel datum?"
    assert line["history"] == ["Vilken konferens talar Stefan Singman på?"]
    assert "25 april" in line["answer"] and line["citations"][0]["doc_id"] == "001_bdd417f66c796474"

    out = tmp_path / "candidates.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "evals", "--from-feedback", str(feedback), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    from evals.runner import load_questions

    questions = load_questions(out)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [q.question for q in questions][-1] == "Och när hålls den?"
    assert all(r["review"] is True and r["id"].startswith("review-") for r in rows)
    assert rows[-1]["history"] == ["Vilken konferens talar Stefan Singman på?"]
