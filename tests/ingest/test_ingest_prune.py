"""``--prune`` deletes only articles read from under the given paths whose files are gone."""

from __future__ import annotations

import os

from ingest_helpers import ids_of, write_article

SEED = "000_a5d2021ba032f9f0"
BODY = "Kommunen i Växjö bygger ett nytt badhus. Det ska stå klart om två år."


def test_prune_with_a_mistyped_path_is_a_one_line_error_and_deletes_nothing(
    seed_copy, make_settings, run_ingest, run_cli
):
    settings = make_settings()
    run_ingest([seed_copy], settings)
    before = ids_of(settings)

    result = run_cli(seed_copy.with_name("corpsu"), settings.data_dir, "--prune")

    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "no such file or folder" in result.stderr
    assert ids_of(settings) == before


def test_prune_of_one_folder_keeps_the_other_folders_and_deletes_only_its_gone_file(
    seed_copy, tmp_path, make_settings, run_ingest
):
    other = tmp_path / "other"
    write_article(other, "badhus.txt", BODY, title="Nytt badhus")
    write_article(other, "bro.txt", "Bron över älven är 340 meter lång. Den öppnar i maj.", title="Ny bro")
    settings = make_settings()
    run_ingest([seed_copy, other], settings)
    seed_ids = ids_of(settings, SEED)
    (other / "bro.txt").unlink()

    report, _ = run_ingest([other], settings, prune=True)

    assert ids_of(settings, "bro") == [] and report.deleted > 0
    assert ids_of(settings, SEED) == seed_ids and ids_of(settings, "badhus")


def test_prune_keeps_the_articles_of_a_folder_it_cannot_read_and_warns(
    seed_copy, make_settings, run_ingest, monkeypatch
):
    locked = seed_copy / "locked"
    write_article(locked, "konsthall.txt", BODY, title="Ny konsthall")
    settings = make_settings()
    run_ingest([seed_copy], settings)
    before = ids_of(settings)
    scandir = os.scandir

    def no_permission(path="."):  # what chmod 000 does to anyone but root (the tests run as root)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", no_permission)
    report, warnings = run_ingest([seed_copy], settings, prune=True)

    assert report.deleted == 0 and ids_of(settings) == before
    assert [w for w in warnings if str(locked) in w] == [f"skipped {locked}: cannot read folder (Permission denied)"]
