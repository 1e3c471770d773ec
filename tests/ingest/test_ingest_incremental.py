"""Running ingest again: nothing redone when nothing changed, edits replaced, deletions pruned."""

from __future__ import annotations

from ingest_helpers import ids_of, stored_passages, write_article

EDITED = "001_bdd417f66c796474"
OTHER = "000_a5d2021ba032f9f0"
OLD_SENTENCE = "I år är det stort fokus på kamerabevakning."
NEW_SENTENCE = "I år ligger fokus helt på drönare över Göteborg."


def texts_of(settings, doc_id: str) -> list[str]:
    return [p["text"] for p in stored_passages(settings) if p["meta"]["doc_id"] == doc_id]


def test_second_ingest_of_unchanged_files_embeds_nothing(seed_copy, make_settings, run_ingest):
    settings = make_settings()
    first, _ = run_ingest([seed_copy], settings)
    before = ids_of(settings)
    second, warnings = run_ingest([seed_copy], settings)
    assert first.added == len(before) > 0
    assert (second.embedded, second.added, second.updated, second.unchanged) == (0, 0, 0, 2)
    assert ids_of(settings) == before
    assert warnings == []


def test_cli_run_twice_reports_nothing_added_the_second_time(seed_copy, tmp_path, run_cli):
    data_dir = tmp_path / "cli-data"
    first = run_cli(seed_copy, data_dir)
    assert first.returncode == 0, first.stderr
    second = run_cli(seed_copy, data_dir)
    assert second.returncode == 0, second.stderr
    assert "0 passages added" not in first.stdout
    last_line = second.stdout.strip().splitlines()[-1]
    assert "0 passages added" in last_line and "2 unchanged" in last_line


def test_edited_article_has_its_passages_replaced(seed_copy, make_settings, run_ingest):
    settings = make_settings()
    run_ingest([seed_copy], settings)
    other_before = [(p["id"], p["text"]) for p in stored_passages(settings) if p["meta"]["doc_id"] == OTHER]
    path = seed_copy / f"{EDITED}.txt"
    original = path.read_text(encoding="utf-8")
    assert OLD_SENTENCE in original
    path.write_text(original.replace(OLD_SENTENCE, NEW_SENTENCE), encoding="utf-8")

    report, _ = run_ingest([seed_copy], settings)

    edited = texts_of(settings, EDITED)
    assert not any(OLD_SENTENCE in t for t in edited)
    assert sum(NEW_SENTENCE in t for t in edited) == 1
    assert report.embedded == len(edited) == report.updated + report.added
    assert report.unchanged == 1
    other_after = [(p["id"], p["text"]) for p in stored_passages(settings) if p["meta"]["doc_id"] == OTHER]
    assert other_after == other_before


def test_deleted_file_stays_without_prune_and_goes_with_it(seed_copy, make_settings, run_ingest):
    settings = make_settings()
    run_ingest([seed_copy], settings)
    gone_count = len(ids_of(settings, EDITED))
    (seed_copy / f"{EDITED}.txt").unlink()

    kept, _ = run_ingest([seed_copy], settings)
    assert kept.deleted == 0
    assert len(ids_of(settings, EDITED)) == gone_count > 0

    pruned, _ = run_ingest([seed_copy], settings, prune=True)
    assert pruned.deleted == gone_count
    assert ids_of(settings, EDITED) == []
    assert ids_of(settings, OTHER)


def test_an_unchanged_file_is_not_cleaned_again_but_a_touched_byte_is(
    seed_copy, make_settings, run_ingest, monkeypatch
):
    """Cleaning is most of a re-ingest: a file with the bytes the store was written from skips it."""
    import ingest.pipeline as pipeline

    settings = make_settings()
    run_ingest([seed_copy], settings)
    cleaned = []
    real_read = pipeline._read
    monkeypatch.setattr(pipeline, "_read", lambda path, s: cleaned.append(path.stem) or real_read(path, s))
    again, _ = run_ingest([seed_copy], settings)
    assert cleaned == [] and again.unchanged == 2 and again.files_read == 2
    # One byte more (a trailing newline) is another file: it is cleaned again, and the article's text
    # is the same, so nothing is embedded.
    path = seed_copy / f"{OTHER}.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    touched, _ = run_ingest([seed_copy], settings)
    assert cleaned == [OTHER] and touched.unchanged == 2 and touched.embedded == 0
    # The store now knows those bytes: the next run cleans nothing again.
    cleaned.clear()
    run_ingest([seed_copy], settings)
    assert cleaned == []


def test_another_file_of_the_same_name_does_not_replace_the_stored_article(tmp_path, make_settings, run_ingest):
    first = write_article(tmp_path / "a", "bro.txt", "Bron i Luleå är 340 meter lång.", title="Ny bro i Luleå")
    other = write_article(tmp_path / "b", "bro.txt", "Bron i Piteå är 120 meter lång.", title="Ny bro i Piteå")
    settings = make_settings()
    run_ingest([first.parent], settings)

    report, warnings = run_ingest([other.parent], settings)

    assert warnings == [f"skipped {other}: same name as {first} (doc_id 'bro' taken)"]
    assert report.skipped == [(str(other), f"same name as {first} (doc_id 'bro' taken)")] and report.updated == 0
    assert ["340" in p["text"] for p in stored_passages(settings)] == [True]


def test_an_article_file_moved_to_another_folder_replaces_the_stored_one(tmp_path, make_settings, run_ingest):
    first = write_article(tmp_path / "a", "bro.txt", "Bron i Luleå är 340 meter lång.", title="Ny bro i Luleå")
    settings = make_settings()
    run_ingest([first.parent], settings)
    moved = write_article(tmp_path / "b", "bro.txt", "Bron i Luleå är 515 meter lång.", title="Ny bro i Luleå")
    first.unlink()

    report, warnings = run_ingest([moved.parent], settings)

    assert warnings == [] and report.updated == 1
    assert [(p["text"], p["meta"]["file"]) for p in stored_passages(settings)] == [
        ("Bron i Luleå är 515 meter lång.", str(moved))
    ]
