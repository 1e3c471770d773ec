"""The article panel given careless or hostile input, without a browser: the real engine and e5
over a real Chroma store, the panel's own handlers, and the chat answering within what they chose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from app_helpers import last_bubble

from ui.render import chat_markdown
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


@pytest.fixture
def own_engine(seed_settings, embedder, tmp_path):
    """An engine over this test's own copy of the seed store (real Chroma in tmp_path): it may change it."""
    from qa.engine import Engine

    shutil.copytree(seed_settings.data_dir, tmp_path / "data")
    return Engine(seed_settings.model_copy(update={"data_dir": tmp_path / "data"}), embedder=embedder)


def page_handlers(engine, manage: bool = True) -> dict:
    """The real page's event handlers by name; every tab of one server shares its article catalog."""
    return {f.name: f.fn for f in page_events(engine, manage)}


def page_events(engine, manage: bool = True) -> list:
    """The real page's events (Gradio's ``BlockFunction``: the handler and how it is queued)."""
    from ui.articles import article_overview
    from ui.page import build_ui

    demo = build_ui(engine, engine.settings, overview=article_overview(engine), manage=manage)
    return list(demo.fns.values())


def row_click(doc_id: str):
    import gradio as gr

    return gr.SelectData(None, {"index": [0, 4], "value": doc_id, "row_value": ["T", "", "", 1, doc_id]})


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


def test_removing_an_article_another_tab_removed_says_so(own_engine):
    handlers = page_handlers(own_engine)
    assert handlers["removed"](CAMERA_ARTICLE, [])[0].startswith("Borttagen / Removed\\: \\#TRYGGHETNU")
    # This tab still lists it: a second Yes, or Remove… on the row, or a click on the row itself.
    again = handlers["removed"](CAMERA_ARTICLE, [CAMERA_ARTICLE, OTHER_ARTICLE])
    assert again[0] == chat_markdown(both("already_removed")), "the status went blank"
    assert [r[4] for r in again[1]] == [OTHER_ARTICLE] and again[2]["value"] == [OTHER_ARTICLE]
    confirm = handlers["confirm"](CAMERA_ARTICLE)
    assert confirm[0]["visible"] is False and confirm[-1] == both("already_removed")
    picked = handlers["pick"](row_click(CAMERA_ARTICLE))
    assert picked[0] == "" and picked[2] == both("already_removed")
    assert [u["visible"] for u in picked[4:6]] == [False, False], "Ask only in this / Remove… for a removed row"
    assert [r[4] for r in picked[6]] == [OTHER_ARTICLE], "the stale row is still listed"
    assert own_engine.collection().get(where={"doc_id": CAMERA_ARTICLE})["ids"] == []


def test_a_row_of_the_catalog_offers_its_actions_and_a_forged_row_nothing(own_engine):
    for manage in (True, False):
        pick = page_handlers(own_engine, manage)["pick"]
        picked = pick(row_click(OTHER_ARTICLE))
        assert picked[0] == OTHER_ARTICLE and [u["visible"] for u in picked[4:6]] == [True, manage]
    import gradio as gr

    forged = pick(gr.SelectData(None, {"index": [0, 4], "value": "x", "row_value": "not a row"}))
    assert forged[0] == "" and forged[1]["visible"] is False


BRIDGE = "Kirunabladet\n\n2024-08-01\n\nNy bro i Kiruna\n\nKiruna kommun bygger en ny bro som blir 300 meter lång.\n"


def gradio_copy(tmp_path, name: str, content: bytes):
    """A file where Gradio keeps an upload: a folder named by the content's hash, the file's own name."""
    path = tmp_path / "gradio" / "4f1c9e" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return str(path)


def no_progress(*args, **kwargs):
    pass


def test_the_same_file_dropped_twice_or_in_two_tabs_at_once_is_added_once(own_engine, tmp_path):
    from ui.manage import Catalog, add_uploads

    catalog, settings = Catalog(own_engine), own_engine.settings
    copy = gradio_copy(tmp_path, "bro.txt", BRIDGE.encode())
    # Dropped twice in one batch, then once more in a tab whose event waited for this one.
    twice = add_uploads(own_engine, settings, catalog, [copy, copy], no_progress)
    later = add_uploads(own_engine, settings, catalog, [copy], no_progress)
    added = f"✓ bro.txt ({both('already_added')})"
    assert twice == ["✓ bro.txt", added] and later == [added], "a file another event read was 'cannot read it'"
    assert [r[0] for r in catalog.rows].count("Ny bro i Kiruna") == 1
    empty = gradio_copy(tmp_path, "tom.txt", b"")
    assert (
        add_uploads(own_engine, settings, catalog, [empty, empty], no_progress)
        == ["✗ tom.txt: tom fil / empty file"] * 2
    )


def test_ask_only_in_an_article_removed_since_it_was_picked_says_so(own_engine):
    handlers = page_handlers(own_engine)
    picked = handlers["pick"](row_click(CAMERA_ARTICLE))[0]
    handlers["removed"](CAMERA_ARTICLE, [])  # in another tab
    within, note, *offered = handlers["ask_this"](picked, [OTHER_ARTICLE, CAMERA_ARTICLE])
    assert within == [OTHER_ARTICLE] and note == both("already_removed"), "the click did nothing, silently"
    assert [u["visible"] for u in offered] == [False, False]
    assert handlers["ask_this"](OTHER_ARTICLE, [])[0] == [OTHER_ARTICLE]


def test_the_same_article_under_another_file_name_is_not_listed_twice(own_engine, seed_settings, tmp_path):
    from ui.articles import uploads_dir
    from ui.manage import Catalog, add_uploads

    catalog, settings = Catalog(own_engine), own_engine.settings
    catalog.refresh()
    corpus_copy = (seed_settings.corpus_dir / f"{CAMERA_ARTICLE}.txt").read_bytes()
    files = [
        gradio_copy(tmp_path, "bro.txt", BRIDGE.encode()),
        gradio_copy(tmp_path, "bro (kopia).txt", BRIDGE.encode()),
        gradio_copy(tmp_path, "kameror.txt", corpus_copy),
    ]
    lines = add_uploads(own_engine, settings, catalog, files, no_progress)
    assert lines == [
        "✓ bro.txt",
        f"✓ bro (kopia).txt ({both('already_added_as', title='Ny bro i Kiruna')})",
        f"✓ kameror.txt ({both('already_added_as', title=catalog.title(CAMERA_ARTICLE))})",
    ]
    titles = [r[0] for r in catalog.rows]
    assert titles.count("Ny bro i Kiruna") == 1 and titles.count(catalog.title(CAMERA_ARTICLE)) == 1
    assert [p.name for p in uploads_dir(settings).iterdir()] == [catalog.rows[0][4] + ".txt"]


def test_an_upload_of_too_many_files_adds_the_first_and_names_the_rest(own_engine, tmp_path):
    from ui.manage import UPLOAD_FILES, Catalog, add_uploads

    catalog = Catalog(own_engine)
    files = [gradio_copy(tmp_path / str(i), f"tom{i}.txt", b"") for i in range(UPLOAD_FILES + 2)]
    lines = add_uploads(own_engine, own_engine.settings, catalog, files, no_progress)
    assert lines[:-1] == [f"✗ tom{i}.txt: tom fil / empty file" for i in range(UPLOAD_FILES)]
    late = f"tom{UPLOAD_FILES}.txt, tom{UPLOAD_FILES + 1}.txt"
    assert lines[-1] == f"✗ {late}: {both('too_many_files', count=UPLOAD_FILES)}"
    assert not any(Path(f).exists() for f in files), "Gradio's copy of a skipped file was kept"


def test_an_upload_lets_a_removal_in_between_its_files(own_engine, tmp_path):
    from ui.manage import Catalog, add_uploads

    catalog, free = Catalog(own_engine), []

    def progress(step, desc=""):  # called before each file: is the store lock free for a removal?
        free.append(catalog.lock.acquire(blocking=False))
        if free[-1]:
            catalog.lock.release()

    files = [gradio_copy(tmp_path / str(i), f"bro{i}.txt", BRIDGE.replace("bro", f"bro {i}").encode()) for i in (1, 2)]
    assert add_uploads(own_engine, own_engine.settings, catalog, files, progress) == ["✓ bro1.txt", "✓ bro2.txt"]
    assert free[:2] == [True, True], "the lock was held across the whole upload"
    events = {f.name: f for f in page_events(own_engine)}
    assert events["added"].concurrency_id != events["removed"].concurrency_id, "a removal waits for the whole upload"
