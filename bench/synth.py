"""A deterministic synthetic corpus, recombined from the seed articles' sentences.

Every synthetic article looks like ``corpus/*.txt`` (ISO date line, title
line, paragraphs), and its title and first paragraph carry ``MARKER`` so it is
never mistaken for news. The same seed gives the same files, byte for byte:

>>> paths = write_corpus(tmp / "syn", passages=1000, seed=7)      # doctest: +SKIP
>>> count_passages(paths) >= 1000, MARKER in paths[0].read_text()  # doctest: +SKIP
(True, True)
>>> article_text(random.Random(1), ["Ett två tre fyra.", "Fem sex sju åtta."], 3)[:33]
'2020-10-02\\n\\n[SYNTETISK TESTDATA] '
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from settings import ROOT

MARKER = "[SYNTETISK TESTDATA]"
SEED_CORPUS = ROOT / "corpus"


@lru_cache(maxsize=1)
def seed_sentences(corpus: Path = SEED_CORPUS) -> tuple[str, ...]:
    """Every sentence of four words or more in the cleaned seed articles, in file order."""
    from ingest.clean import parse_article
    from ingest.reader import read_article
    from textkit.sentences import sentence_spans

    found: dict[str, None] = {}
    for path in sorted(corpus.glob("*.txt")):
        article = parse_article(read_article(path, max_bytes=10**8).text, path.stem)
        for start, end in sentence_spans(article.text):
            sentence = article.text[start:end]
            if len(sentence.split()) >= 4:
                found.setdefault(sentence, None)
    return tuple(found)


def article_text(rng: random.Random, sentences: list[str], number: int, size: tuple[int, int] = (6, 12)) -> str:
    """One article file's text: date, marked title, marked intro, 1-3 sentence paragraphs."""
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(1800))
    headline = " ".join(rng.choice(sentences).split()[:6]).rstrip(".,:;!?")
    picked = rng.sample(sentences, min(len(sentences), rng.randint(*size)))
    paragraphs = [f"{MARKER} Påhittad testartikel nr {number}, hopfogad av slumpade meningar; inte en nyhet."]
    while picked:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(picked[:take]))
        picked = picked[take:]
    return f"{day.isoformat()}\n\n{MARKER} {headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def passages_in(path: Path) -> int:
    """How many passages ingest will make of this file (same cleaning and chunking)."""
    from ingest.chunk import chunk_text
    from ingest.clean import parse_article

    return len(chunk_text(parse_article(path.read_text(encoding="utf-8"), path.stem).text))


def count_passages(paths: list[Path]) -> int:
    return sum(passages_in(p) for p in paths)


def write_corpus(
    folder: Path,
    passages: int = 0,
    articles: int = 0,
    seed: int = 1234,
    with_seeds: bool = True,
    size: tuple[int, int] = (6, 12),
) -> list[Path]:
    """Write synthetic articles into ``folder`` until ``passages`` (or ``articles``) are reached.

    With ``with_seeds`` the real seed articles are copied in too (and counted),
    so the eval questions still have their answers.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sentences = list(seed_sentences())
    paths = [Path(shutil.copy(p, folder)) for p in sorted(SEED_CORPUS.glob("*.txt"))] if with_seeds else []
    total = count_passages(paths)
    number = 0
    while (passages and total < passages) or number < articles:
        path = folder / f"syn_{number:06d}.txt"
        path.write_text(article_text(rng, sentences, number, size), encoding="utf-8")
        total += passages_in(path)
        paths.append(path)
        number += 1
    return paths
