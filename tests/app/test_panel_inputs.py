"""The article panel given careless or hostile input, without a browser: the real engine and e5
over a real Chroma store, the panel's own handlers, and the chat answering within what they chose."""

from __future__ import annotations

import pytest
from app_helpers import last_bubble

from ui.texts import both

CAMERAS = "Hur många poliskameror är målbilden nationellt?"
CAMERA_ARTICLE, OTHER_ARTICLE = "001_bdd417f66c796474", "000_a5d2021ba032f9f0"  # 2024-03-04, 2021-12-06

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def catalog(engine):
    from ui.manage import Catalog

    catalog = Catalog(engine)
    catalog.refresh()
    return catalog


def ask_within(engine, question: str, within) -> str:
    from ui.chat import respond

    return last_bubble([(shown, *rest) for shown, *rest in respond(engine, engine.settings, question, [], within)])


@pytest.mark.parametrize("typed", ["2024-13", "2021-02-30", "<b>x</b>" * 1000])
def test_a_mistyped_date_keeps_the_chosen_articles_and_the_other_date(engine, catalog, typed):
    from ui.manage import selection

    chosen, note = selection(catalog, [OTHER_ARTICLE], typed, "")
    assert chosen == {OTHER_ARTICLE}, "a typo in a date asked every article"
    assert note.startswith("Datum skrivs ÅÅÅÅ-MM-DD:") and note.endswith("is not a date and is not used.")
    assert "<b>" not in note and len(note) < 300
    assert "2500" not in ask_within(engine, CAMERAS, chosen)
    assert selection(catalog, [], "2022", typed)[0] == {CAMERA_ARTICLE}  # the From date still applies


def test_dates_the_wrong_way_round_are_named_and_ask_no_article(engine, catalog):
    from ui.manage import selection

    chosen, note = selection(catalog, [], "2025-01-01", "2021")
    assert chosen == set()
    assert note == both("reversed_dates", start="2025-01-01", end="2021")
    assert "Ingen inläst artikel" in ask_within(engine, CAMERAS, chosen)
    assert selection(catalog, [], "2024-03", "2024") == ({CAMERA_ARTICLE}, "")  # a month within its year is fine


def test_far_dates_and_a_range_with_no_article_say_so():
    from ui.manage import Catalog, selection
    from ui.panel import selection_note

    rows = [["A", "", "2024-03-04", 1, CAMERA_ARTICLE], ["B", "", "2021-12-06", 1, OTHER_ARTICLE]]
    assert selection(Catalog(None, rows), [], "0001", "9999-12-31")[0] == {CAMERA_ARTICLE, OTHER_ARTICLE}
    empty, problem = selection(Catalog(None, rows), [], "1900", "1901")
    assert (empty, problem) == (set(), "")
    assert selection_note(empty) == both("none_chosen")
