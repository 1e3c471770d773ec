"""The article panel in real Chromium, used carelessly: a tab older than the catalog, a mistyped
date, the same file dropped twice. The real app runs on a free 127.0.0.1 port (so it offers
upload and removal) over the seed corpus plus one article about Kiruna's libraries.
"""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from playwright.sync_api import expect
from test_browser import ask
from test_browser_panel import OTHER_ID, STORE_CHANGE_MS
from test_browser_panel import app_url as app_url  # a module fixture: this module starts its own app

CAMERA_ID = "001_bdd417f66c796474"
LIBRARIES = "Hur många nya bibliotek har Kiruna kommun öppnat?"
BRIDGE = "Kirunabladet\n\n2024-08-02\n\nNy bro i Kiruna\n\nKiruna kommun bygger en ny bro som blir 300 meter lång.\n"

pytestmark = pytest.mark.timeout(120)


def click_row(page, doc_id: str) -> None:
    """Click the table cell of ``doc_id`` (the table also keeps an unlabelled copy of some cells)."""
    page.locator("#articles [data-testid^='cell-']").get_by_text(doc_id, exact=True).click()


def test_a_stale_row_and_a_mistyped_date_say_so_and_keep_the_choice(browser, app_url):
    stale, other = open_page(browser, app_url), open_page(browser, app_url)
    click_row(other, CAMERA_ID)
    other.locator("#remove-article").click()
    other.locator("#confirm-remove-yes").click()
    expect(other.locator("#upload-status")).to_contain_text("Removed", timeout=STORE_CHANGE_MS)
    other.close()
    click_row(stale, CAMERA_ID)
    expect(stale.locator("#article-actions")).to_contain_text("The article was already removed")
    expect(stale.locator("#ask-within-this")).to_be_hidden()
    expect(stale.locator("#articles")).not_to_contain_text(CAMERA_ID)
    click_row(stale, OTHER_ID)
    stale.locator("#ask-within-this").click()
    note = stale.locator("#selection-note")
    expect(note).to_contain_text("1 chosen")
    stale.locator("#date-from textarea").fill("2024-13-01")
    expect(note).to_contain_text("2024-13-01 is not a date and is not used")
    answer = ask(stale, LIBRARIES)
    expect(answer).not_to_contain_text("3 nya bibliotek")  # the Kiruna article was not chosen
    stale.locator("#date-from textarea").fill("2025")
    stale.locator("#date-to textarea").fill("2021")
    expect(note).to_contain_text("The From date 2025 is after the To date 2021")
    stale.close()


def test_the_same_file_dropped_twice_is_added_once(browser, app_url):
    page = open_page(browser, app_url)
    bridge = {"name": "bro.txt", "mimeType": "text/plain", "buffer": BRIDGE.encode()}
    page.locator("#upload input[type=file]").set_input_files([bridge, bridge])
    status = page.locator("#upload-status")
    expect(status).to_contain_text("already added with the same content", timeout=STORE_CHANGE_MS)
    expect(status).not_to_contain_text("✗")
    expect(page.locator("#articles").get_by_text("Ny bro i Kiruna", exact=True)).to_have_count(1)
    page.close()
