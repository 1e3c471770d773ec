"""The bench's upload figure, measured on a real store: each upload lands, and only the reference sweeps."""

from __future__ import annotations


def test_the_upload_figure_times_real_uploads_and_only_its_reference_reads_the_sentences(tmp_path, minilm, monkeypatch):
    import store.sentences
    from bench.figures import quiet
    from bench.synth import write_corpus
    from bench.upload import upload_figures
    from ingest.pipeline import ingest
    from settings import Settings
    from store import identity, open_collection
    from store.chroma import interrupted

    settings = Settings(data_dir=tmp_path / "data", embed_backend="sentence-transformers")
    ingest(write_corpus(tmp_path / "corpus", articles=3, with_seeds=False), settings, embedder=minilm, warn=quiet)
    swept = []
    real_sweep = store.sentences._sweep
    monkeypatch.setattr(store.sentences, "_sweep", lambda *args: swept.append(1) or real_sweep(*args))

    figure = upload_figures(settings, minilm, tmp_path / "uploads", rounds=2)

    assert figure["uploads"] == 4 and figure["orphans"] == 0
    assert len(swept) == 2 + 2, "only the references sweep: the two uploads after a kill, the two full steps"
    for fig in (figure, figure["orphan_step"]):
        assert fig["value"] > 0 and fig["reference"] > 0 and fig["ratio"] > 0
    report = ingest([tmp_path / "uploads"], settings, embedder=minilm, warn=quiet)
    assert report.unchanged == 4 and not interrupted(open_collection(settings, identity(minilm))), "uploads lost"
