"""Bad files ingested into a store that already holds the seeds.

Each file is either ingested or skipped with one warning line naming it; the run
always finishes and the seed passages stay exactly as they were.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest
from ingest_helpers import ids_of
from reliability_helpers import is_one_line

SKIP, INGEST, EITHER = "skipped", "ingested", "either"
ARTICLE = "2024-01-02\n\nKameror i Malmö\n\nPolisen i Malmö satte upp fler kameror på torget. – Det är ”bra”, säger Åsa Öberg.\n"


def tiny_pdf(title: str, text: str) -> bytes:
    """A real one-page PDF (Helvetica, a title line and a text line), written by hand."""
    stream = f"BT /F1 12 Tf 72 720 Td ({title}) Tj 0 -30 Td ({text}) Tj ET".encode("latin-1")
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>Polisen</w:p></w:body></w:document>")
    return buf.getvalue()


HOSTILE_HTML = """<html><head><title>Kameror</title><script>alert('x')</script>
<style>p{color:red}</style><meta property="article:published_time" content="2024-02-03"></head>
<body onload="alert('load')"><h1>Kameror på torget</h1><iframe src="https://example.invalid"></iframe>
<p onclick="alert('click')">Polisen satte upp fler kameror på torget i Malmö under våren.</p>
<img src=x onerror="alert('img')"><noscript>Slå på javascript</noscript>
<p>Kamerorna ska minska brottsligheten, säger polisen.</p><script>document.write('x')</script></body></html>"""

FILES = [
    ("empty.txt", b"", SKIP),
    ("whitespace.txt", b"  \n\t \r\n  ", SKIP),
    ("nul-filled.txt", b"\x00" * 4096, SKIP),
    ("utf16-with-bom.txt", ARTICLE.encode("utf-16"), INGEST),
    ("utf16-without-bom.txt", ARTICLE.encode("utf-16-le"), SKIP),
    ("random-bytes.txt", bytes(b or 1 for b in random.Random(3).randbytes(8192)), SKIP),
    ("some-invalid-utf8.txt", ARTICLE.encode() + b"\xc3\x28 \xa0\xa1 \xff", EITHER),
    ("cp1252.txt", ARTICLE.encode("cp1252"), INGEST),
    ("latin1.txt", ARTICLE.replace("”", '"').replace("–", "-").encode("latin-1"), INGEST),
    ("hostile.html", HOSTILE_HTML.encode(), INGEST),
    ("only-script.html", b"<html><script>alert(1)</script><iframe src=x></iframe></html>", SKIP),
    ("not-a-pdf.pdf", b"Det har ar ingen PDF, bara text.", SKIP),
    ("real.pdf", tiny_pdf("Kameror i Malmo", "Polisen satte upp fler kameror i Malmo under varen."), INGEST),
    ("truncated.pdf", tiny_pdf("Kameror i Malmo", "Polisen satte upp fler kameror i Malmo under varen.")[:300], SKIP),
    ("only-taggar.txt", b"Taggar\n", SKIP),
    ("header-then-chrome.txt", b"2024-01-02\n\nRubrik\n\nTaggar\n\nTill toppen av sidan\n", SKIP),
    ("report.docx", docx_bytes(), SKIP),
    # 100 kB, some 140 passages embedded; the megabyte one goes through the text stages in tests/ingest/test_chunk.py
    ("one-huge-sentence.txt", ("2024-01-02\n\nRubrik\n\n" + "ord " * 25_000 + ".").encode(), EITHER),
]
FORBIDDEN_IN_STORE = ("alert", "<script", "onerror", "onclick", "iframe", "javascript", "color:red")


@pytest.fixture
def ingest_into(seed_store, embedder):
    """``ingest_into(paths, **settings) -> (report, warnings)`` on the seed store copy."""
    from ingest.pipeline import ingest

    def run(paths, **overrides):
        settings = seed_store.model_copy(update=overrides) if overrides else seed_store
        warnings: list[str] = []
        return ingest(list(paths), settings, embedder=embedder, warn=warnings.append), warnings

    return run


@pytest.fixture
def seed_ids(seed_settings):
    return ids_of(seed_settings)


def assert_seeds_intact(store, seed_ids):
    """Every seed passage still there, same ids, same count."""
    kept = set(seed_ids)
    assert [i for i in ids_of(store) if i in kept] == seed_ids


def assert_skipped_once(report, warnings, name: str):
    assert len(report.skipped) == 1 and name in report.skipped[0][0], report.skipped
    assert len(warnings) == 1 and name in warnings[0] and is_one_line(warnings[0]), warnings


@pytest.mark.parametrize("name, data, expect", [pytest.param(*f, id=f[0]) for f in FILES])
def test_bad_file_is_ingested_or_skipped_with_one_line(tmp_path, ingest_into, seed_store, seed_ids, name, data, expect):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / name).write_bytes(data)

    report, warnings = ingest_into([folder])

    stem = Path(name).stem
    if expect == SKIP or (expect == EITHER and report.skipped):
        assert_skipped_once(report, warnings, name)
        assert not ids_of(seed_store, stem)
    else:
        assert not warnings and report.added > 0
        texts = " ".join(p for p in _texts(seed_store, stem))
        assert texts and not any(bad in texts.lower() for bad in FORBIDDEN_IN_STORE), texts[:300]
    assert_seeds_intact(seed_store, seed_ids)


def _texts(settings, doc_id: str) -> list[str]:
    from ingest_helpers import stored_passages

    return [p["text"] + " " + p["meta"]["title"] for p in stored_passages(settings) if p["meta"]["doc_id"] == doc_id]


def test_legacy_encodings_keep_their_letters(tmp_path, ingest_into, seed_store):
    folder = tmp_path / "enc"
    folder.mkdir()
    (folder / "cp.txt").write_bytes(ARTICLE.encode("cp1252"))
    ingest_into([folder])
    assert "Malmö" in " ".join(_texts(seed_store, "cp")) and "”bra”" in " ".join(_texts(seed_store, "cp"))


def test_real_50_mb_file_is_refused_by_the_default_limit(tmp_path, ingest_into, seed_store, seed_ids):
    big = tmp_path / "big" / "fifty.txt"
    big.parent.mkdir()
    with big.open("wb") as fh:
        line = ("Polisen satte upp kameror. " * 40 + "\n").encode()
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size >= 50_000_000 and seed_store.max_file_mb < 50

    report, warnings = ingest_into([big.parent])

    assert_skipped_once(report, warnings, "fifty.txt")
    assert f"{seed_store.max_file_mb:g} MB" in warnings[0]
    assert_seeds_intact(seed_store, seed_ids)


def test_lowered_limit_is_named_in_the_warning(tmp_path, ingest_into, seed_store, seed_ids):
    folder = tmp_path / "over"
    folder.mkdir()
    (folder / "two-mb.txt").write_bytes(ARTICLE.encode() * (2_000_000 // len(ARTICLE.encode()) + 1))

    report, warnings = ingest_into([folder], max_file_mb=1.0)

    assert_skipped_once(report, warnings, "two-mb.txt")
    assert "1 MB" in warnings[0]
    assert_seeds_intact(seed_store, seed_ids)


@pytest.mark.timeout(120)
def test_a_thousand_tiny_files_are_each_ingested_or_skipped(tmp_path, ingest_into, seed_store, seed_ids):
    folder = tmp_path / "tiny"
    folder.mkdir()
    for n in range(1000):
        body = "" if n % 100 == 0 else f"Kort testnotis {n}: polisen satte upp {n} kameror."
        (folder / f"tiny_{n:04d}.txt").write_text(f"2024-01-02\n\nNotis {n}\n\n{body}\n", encoding="utf-8")

    report, warnings = ingest_into([folder])

    assert report.added + len(report.skipped) == 1000 and len(report.skipped) == 10
    assert all(is_one_line(w) and "tiny_" in w for w in warnings) and len(warnings) == 10
    assert_seeds_intact(seed_store, seed_ids)


def symlink_loop(folder: Path) -> Path:
    """a.txt -> b.txt -> a.txt in ``folder``; returns a.txt."""
    folder.mkdir()
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(folder / "a.txt", folder / "b.txt")
    return folder / "a.txt"


def test_symlink_loop_is_warned_not_hung(tmp_path, ingest_into, seed_store, seed_ids):
    report, warnings = ingest_into([symlink_loop(tmp_path / "loop")])

    assert_skipped_once(report, warnings, "a.txt")
    assert_seeds_intact(seed_store, seed_ids)


def test_symlink_loop_inside_a_folder_is_warned(tmp_path, ingest_into, seed_store, seed_ids):
    report, warnings = ingest_into([symlink_loop(tmp_path / "loop").parent])

    assert_seeds_intact(seed_store, seed_ids)
    assert len(warnings) == 2 and all(is_one_line(w) for w in warnings), warnings


def test_file_name_with_a_newline_still_gives_a_one_line_warning(tmp_path, ingest_into, seed_store, seed_ids):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "evil\nskipped nothing.txt").write_bytes(b"")

    report, warnings = ingest_into([folder])

    assert_seeds_intact(seed_store, seed_ids)
    assert len(warnings) == 1 and is_one_line(warnings[0]), warnings


def test_unreadable_file_is_warned(tmp_path, ingest_into, seed_store, seed_ids):
    if os.geteuid() == 0:
        pytest.skip("chmod 000 does not stop root from reading, so there is nothing to test as root")
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "locked.txt").chmod(0)

    report, warnings = ingest_into([folder])

    assert_skipped_once(report, warnings, "locked.txt")
    assert_seeds_intact(seed_store, seed_ids)
