"""Build tiny but real Argos Translate packages whose model copies its input.

Tests and benchmarks need a genuine `.argosmodel` (SentencePiece tokenizer plus
CTranslate2 Transformer, loaded by the real libraries) without downloading
100 MB models, and they need predictable output.  The model built here is a
Transformer with hand-set weights: decoder step j attends to source position j
and emits the source token found there, so every translation is an exact copy
of the input, except for pieces listed in `replacements`, which simulate
translated words.  By default it is tiny (one layer, d_model 128); benchmarks
can ask for the dimensions of a real Argos model, whose extra layers are zero
and so cost real compute without changing the copy.

Heavy libraries (numpy, sentencepiece, ctranslate2) are imported inside the
functions so that importing this module costs nothing and has no side effects.
"""

# The training corpus deliberately holds Cyrillic letters and typographic dashes.

from __future__ import annotations

import io
import json
import random
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]

__all__ = ["build_copy_package", "write_package_index"]

_ARGOS_VERSION = "1.9"

# OpenNMT-style specials first, as in converted Argos models.
_SPECIAL_TOKENS = ("<blank>", "<unk>", "<s>", "</s>")

# d_model = token half + position half.  Each half holds a balanced ±1 code.
_D_MODEL = 128
# Matches CTranslate2's default max_input_length; longer inputs fail loudly.
_MAX_POSITIONS = 1024
# Position codes need this many dimensions for 1024 well-separated codes.
_MIN_UNIT_DIMS = 64
# Makes the copied token code dominate the final layer norm and widens the
# gap between the right logit and any other (about 5.5 * code dims versus at
# most half that, e.g. 350 versus 176 for the default model).
_OUTPUT_GAIN = 4.0
_CODE_SEED = 20250114
_CORPUS_SEED = 1813

_LANGUAGE_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


def build_copy_package(
    dest_dir: Path,
    from_code: str = "de",
    to_code: str = "en",
    *,
    package_version: str = "1.0",
    replacements: Mapping[str, str] | None = None,
    training_lines: Sequence[str] | None = None,
    vocab_size: int = 1000,
    layers: int = 1,
    d_model: int = 128,
    ffn: int | None = None,
    heads: int = 1,
    pad_vocabulary_to: int | None = None,
    quantization: str = "float32",
    tokenizer_type: str = "unigram",
) -> Path:
    """Build `translate-{from}_{to}-{version}.argosmodel` in dest_dir and return its path.

    The version is written with underscores in the file and folder names
    (`1.0` -> `translate-de_en-1_0`), as real Argos packages are named.
    `replacements` maps source pieces to target pieces (e.g. `{"▁Haus": "▁house"}`)
    so tests can tell a translated text from an untouched one.  `vocab_size` is
    an upper bound: SentencePiece stops earlier on a small corpus.

    The default model is tiny: one encoder and one decoder layer, d_model 128,
    FFN width d_model, one head.  `layers` (each side), `d_model` (a multiple
    of 128), `ffn` and `heads` (1 or even, at most d_model / 64) give it the
    size of a real model, e.g. `layers=6, d_model=512, ffn=2048, heads=8`, and
    `pad_vocabulary_to` adds unused pieces to the model's vocabulary so its
    output layer costs what a real one does; the copy stays exact.
    `quantization` is how the weights are stored (CTranslate2's names: "int8",
    as in real Argos packages, "float16", ...); every weight is 0 or one value
    per row, so int8 stores it exactly.  `tokenizer_type` is SentencePiece's
    model type: "unigram", or "bpe", which reaches a large vocabulary on a small
    corpus (unigram stops at the few thousand pieces such a corpus supports).
    """
    shape = _Shape(layers, d_model, d_model if ffn is None else ffn, heads)
    replacements = dict(replacements or {})
    _check_replacement_pieces(replacements)
    lines = list(training_lines) if training_lines is not None else _training_corpus()
    stem = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    dest_dir.mkdir(parents=True, exist_ok=True)
    archive = dest_dir / f"{stem}.argosmodel"

    symbols = _unique(_pieces_of(replacements))
    sp_model = _train_sentencepiece(lines, vocab_size, symbols, tokenizer_type)
    vocabulary = _vocabulary(sp_model)
    with tempfile.TemporaryDirectory() as tmp:
        package_dir = Path(tmp) / stem
        (package_dir / "model").mkdir(parents=True)
        (package_dir / "sentencepiece.model").write_bytes(sp_model)
        model_vocabulary = _padded(vocabulary, pad_vocabulary_to)
        spec = _copy_model_spec(vocabulary, replacements, shape, model_vocabulary, quantization)
        spec.save(str(package_dir / "model"))
        metadata = _metadata(from_code, to_code, package_version)
        (package_dir / "metadata.json").write_text(
            json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (package_dir / "README.md").write_text(_readme(metadata, replacements), encoding="utf-8")
        _zip_directory(package_dir, archive)
    return archive


def write_package_index(index_dir: Path, packages: Sequence[Path]) -> Path:
    """Write an Argos-style index.json in index_dir whose entries' `links` are file:// URLs
    to the given .argosmodel files; return the index.json path.

    Lets tests exercise index-driven installation offline.  Each entry is the
    package's own metadata.json plus `links`, like the entries of the official index.
    """
    entries = []
    for package in packages:
        entry = _read_package_metadata(package)
        entry["links"] = [package.resolve().as_uri()]
        entries.append(entry)
    index_dir.mkdir(parents=True, exist_ok=True)
    index_path = index_dir / "index.json"
    index_path.write_text(json.dumps(entries, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return index_path


# --- package files ---------------------------------------------------------------


def _metadata(from_code: str, to_code: str, package_version: str) -> dict[str, Any]:
    return {
        "package_version": package_version,
        "argos_version": _ARGOS_VERSION,
        "from_code": from_code,
        "from_name": _LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": _LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
    }


def _readme(metadata: Mapping[str, Any], replacements: Mapping[str, str]) -> str:
    rules = "".join(f"- `{src}` -> `{tgt}`\n" for src, tgt in replacements.items())
    return (
        f"# Copy model {metadata['from_name']} -> {metadata['to_name']}\n\n"
        "Test fixture built by `localise.testing`: the CTranslate2 model has hand-set\n"
        "weights and copies its input token by token.\n"
        + (f"\nPiece replacements:\n\n{rules}" if rules else "")
    )


def _read_package_metadata(package: Path) -> dict[str, Any]:
    with zipfile.ZipFile(package) as archive:
        # Argos packages hold a single top folder: "<folder>/metadata.json".
        name = next(
            n for n in archive.namelist() if n.count("/") == 1 and n.endswith("/metadata.json")
        )
        metadata: dict[str, Any] = json.loads(archive.read(name))
    return metadata


def _zip_directory(src: Path, archive: Path) -> None:
    """Zip src as the archive's single top folder.

    Sorted entries and a fixed timestamp make equal inputs give equal bytes.
    """
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(src.rglob("*")):
            name = path.relative_to(src.parent).as_posix() + ("/" if path.is_dir() else "")
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o40755 if path.is_dir() else 0o100644) << 16
            zf.writestr(info, b"" if path.is_dir() else path.read_bytes())


# --- tokenizer ---------------------------------------------------------------------


def _pieces_of(replacements: Mapping[str, str]) -> Iterable[str]:
    for source, target in replacements.items():
        yield source
        yield target


def _check_replacement_pieces(replacements: Mapping[str, str]) -> None:
    """Reject pieces that cannot become user-defined symbols or that encode() never yields.

    Every other piece is forced into the vocabulary as a user-defined symbol.
    """
    for piece in _pieces_of(replacements):
        if not piece or any(char.isspace() for char in piece):
            raise ValueError(
                f"replacement piece {piece!r} must be non-empty and contain no whitespace; "
                "write a word start as '▁', e.g. '▁Haus'"
            )
        if piece in _SPECIAL_TOKENS or _is_byte_piece(piece):
            raise ValueError(f"replacement piece {piece!r} is a reserved token")


def _is_byte_piece(piece: str) -> bool:
    return len(piece) == 6 and piece.startswith("<0x") and piece.endswith(">")


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _train_sentencepiece(
    lines: Sequence[str], vocab_size: int, symbols: Sequence[str], model_type: str = "unigram"
) -> bytes:
    """Train a SentencePiece model in memory and return its serialized bytes.

    byte_fallback with full character coverage means no input is ever <unk>;
    identity normalization keeps characters such as "№" or full-width digits
    that NFKC would rewrite, so that decode(encode(text)) == text.
    """
    import sentencepiece as spm

    writer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=writer,
        model_type=model_type,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        byte_fallback=True,
        character_coverage=1.0,
        normalization_rule_name="identity",
        user_defined_symbols=list(symbols),
        num_threads=1,  # single-threaded training is reproducible
        minloglevel=2,
    )
    return writer.getvalue()


def _vocabulary(sp_model: bytes) -> list[str]:
    """OpenNMT specials followed by the SentencePiece pieces, without duplicates."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = (processor.id_to_piece(i) for i in range(processor.get_piece_size()))
    return _unique([*_SPECIAL_TOKENS, *pieces])


# --- model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Shape:
    """Transformer dimensions, checked so that the copy stays exact.

    Every hidden vector holds a token code in dims [0, code_dims) and a
    position code in [code_dims, d_model).  Attention heads split d_model into
    slices of head_dims; each head finds the position code (tiled in units of
    unit_dims) in the last unit_dims of its query and key slice.
    """

    layers: int
    d_model: int
    ffn: int
    heads: int

    def __post_init__(self) -> None:
        if self.layers < 1:
            raise ValueError(f"layers must be at least 1, got {self.layers}")
        if self.ffn < 1:
            raise ValueError(f"ffn must be at least 1, got {self.ffn}")
        if self.d_model < _D_MODEL or self.d_model % _D_MODEL:
            raise ValueError(f"d_model must be a multiple of 128, got {self.d_model}")
        if self.heads < 1 or (self.heads > 1 and self.heads % 2):
            raise ValueError(f"heads must be 1 or an even number, got {self.heads}")
        if self.d_model % self.heads or self.head_dims % _MIN_UNIT_DIMS:
            raise ValueError(
                f"d_model / heads must be a multiple of 64, got {self.d_model} / {self.heads}"
            )

    @property
    def code_dims(self) -> int:
        return self.d_model // 2

    @property
    def head_dims(self) -> int:
        return self.d_model // self.heads

    @property
    def unit_dims(self) -> int:
        return min(self.head_dims, self.code_dims)


def _balanced_codes(count: int, dims: int) -> FloatArray:
    """Return `count` distinct ±1 vectors of `dims` entries, half of them +1.

    Balanced vectors have mean 0 and variance 1, so a layer norm leaves them
    unchanged.  Any two codes differ in at least a quarter of their signs
    (dot product <= dims / 2 versus dims for a match), which keeps attention
    and output choices unambiguous.
    """
    import numpy as np

    rng = np.random.default_rng(_CODE_SEED)
    base = np.repeat(np.array([1.0, -1.0], dtype=np.float32), dims // 2)
    codes = np.empty((count, dims), dtype=np.float32)
    accepted = 0
    while accepted < count:
        candidate = rng.permutation(base)
        if accepted == 0 or (codes[:accepted] @ candidate).max() <= dims // 2:
            codes[accepted] = candidate
            accepted += 1
    return codes


def _padded(vocabulary: Sequence[str], size: int | None) -> list[str]:
    """The vocabulary followed by never-produced pieces up to `size` entries."""
    padded = list(vocabulary)
    taken = set(padded)
    number = 0
    while size is not None and len(padded) < size:
        piece = f"<unused{number}>"
        number += 1
        if piece not in taken:
            padded.append(piece)
    return padded


def _copy_model_spec(
    vocabulary: Sequence[str],
    replacements: Mapping[str, str],
    shape: _Shape,
    model_vocabulary: Sequence[str],
    quantization: str = "float32",
) -> Any:
    """Return a validated CTranslate2 TransformerSpec that copies its input.

    Self-attention and FFN blocks are zero, and so is every decoder layer after
    the first (pre-norm residuals pass through them unchanged), so only the
    first decoder layer's cross-attention does work: its query is the decoder
    position, its keys the source positions and its values the source token
    codes.  `model_vocabulary` is `vocabulary` plus padding pieces whose
    embeddings and output rows are zero: they are never chosen.
    """
    import ctranslate2
    import numpy as np

    d_model, code_dims, unit_dims = shape.d_model, shape.code_dims, shape.unit_dims
    size, model_size = len(vocabulary), len(model_vocabulary)
    codes = _balanced_codes(max(size, _MAX_POSITIONS), code_dims)
    units = codes if unit_dims == code_dims else _balanced_codes(_MAX_POSITIONS, unit_dims)
    tokens, positions = slice(0, code_dims), slice(code_dims, d_model)

    source_embeddings = np.zeros((model_size, d_model), dtype=np.float32)
    # CTranslate2 multiplies embeddings by sqrt(d_model); undo it so codes stay ±1.
    source_embeddings[:size, tokens] = codes[:size] / np.sqrt(d_model)
    # A replaced source piece carries its target's code, so the decoder emits
    # the target piece there while the target piece itself still copies.
    # (Replacement pieces are user-defined symbols, hence always in the vocabulary.)
    index = {piece: i for i, piece in enumerate(vocabulary)}
    for source, target in replacements.items():
        source_embeddings[index[source]] = source_embeddings[index[target]]

    position_encodings = np.zeros((_MAX_POSITIONS, d_model), dtype=np.float32)
    position_encodings[:, positions] = np.tile(units[:_MAX_POSITIONS], (1, code_dims // unit_dims))

    spec = ctranslate2.specs.TransformerSpec.from_config(shape.layers, shape.heads)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = source_embeddings
    encoder.position_encodings.encodings = position_encodings
    decoder.embeddings.weight = _zeros(model_size, d_model)
    decoder.position_encodings.encodings = position_encodings
    for norm in _layer_norms(spec):
        norm.gamma = np.ones(d_model, dtype=np.float32)
        norm.beta = np.zeros(d_model, dtype=np.float32)
    for layer in (*encoder.layer, *decoder.layer):
        layer.self_attention.linear[0].weight = _zeros(3 * d_model, d_model)
        layer.self_attention.linear[1].weight = _zeros(d_model, d_model)
        layer.ffn.linear_0.weight = _zeros(shape.ffn, d_model)
        layer.ffn.linear_1.weight = _zeros(d_model, shape.ffn)
    for layer in decoder.layer[1:]:
        layer.attention.linear[0].weight = _zeros(d_model, d_model)
        layer.attention.linear[1].weight = _zeros(2 * d_model, d_model)
        layer.attention.linear[2].weight = _zeros(d_model, d_model)

    # The decoder input holds only a position code, which its layer norm
    # scales by sqrt(2); with this gain a head's attention logit
    # gain * sqrt(2) * dot / sqrt(head_dims) equals the dot product of the
    # position units: unit_dims at the decoder's own position, at most half that
    # elsewhere (the gain is 8 for the default model).
    query_gain = float(np.sqrt(shape.head_dims / 2))
    cross = decoder.layer[0].attention
    cross.linear[0].weight = _position_queries(shape, query_gain)
    cross.linear[1].weight = np.concatenate(
        [_position_queries(shape, 1.0), _diagonal(d_model, tokens, tokens, 1.0)]
    )  # fused [keys; values]; all heads attend alike, so their values join up
    cross.linear[2].weight = _diagonal(d_model, tokens, tokens, _OUTPUT_GAIN)

    projection = np.zeros((model_size, d_model), dtype=np.float32)
    projection[:size, tokens] = codes[:size] * _OUTPUT_GAIN
    decoder.projection.weight = projection

    # The source </s> gives the last decoder step a code that emits </s>.
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(list(model_vocabulary))
    spec.register_target_vocabulary(list(model_vocabulary))
    spec.validate()
    # optimize() also aliases identical weights, storing the zero matrices once.
    spec.optimize(quantization=quantization)
    return spec


def _layer_norms(spec: Any) -> list[Any]:
    encoder, decoder = spec.encoder, spec.decoder
    norms = [encoder.layer_norm]
    for layer in encoder.layer:
        norms += [layer.self_attention.layer_norm, layer.ffn.layer_norm]
    norms.append(decoder.layer_norm)
    for layer in decoder.layer:
        norms += [layer.self_attention.layer_norm, layer.attention.layer_norm, layer.ffn.layer_norm]
    return norms


def _zeros(rows: int, cols: int) -> FloatArray:
    import numpy as np

    return np.zeros((rows, cols), dtype=np.float32)


def _diagonal(d_model: int, out_dims: slice, in_dims: slice, gain: float) -> FloatArray:
    """A d_model x d_model linear weight ([out, in]) that copies in_dims to out_dims."""
    import numpy as np

    weight = np.zeros((d_model, d_model), dtype=np.float32)
    weight[out_dims, in_dims] = np.eye(out_dims.stop - out_dims.start, dtype=np.float32) * gain
    return weight


def _position_queries(shape: _Shape, gain: float) -> FloatArray:
    """A linear weight that puts a position unit in the last unit_dims of every head's slice.

    With one head this copies the whole position code onto itself.
    """
    import numpy as np

    weight = np.zeros((shape.d_model, shape.d_model), dtype=np.float32)
    unit, code = shape.unit_dims, shape.code_dims
    for head in range(shape.heads):
        out = (head + 1) * shape.head_dims - unit
        source = code + (head * unit) % code
        weight[out : out + unit, source : source + unit] = np.eye(unit, dtype=np.float32) * gain
    return weight


# --- training corpus ---------------------------------------------------------------

_CITIES = ("Berlin", "Frankfurt", "München", "London", "New York", "Zürich", "Wien")
_CITIES_RU = ("Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург")
_AGENCIES = ("dpa", "Reuters", "AP", "AFP", "ТАСС", "Интерфакс")
_ORGS_DE = ("Bundesregierung", "Europäische Zentralbank", "Deutsche Bahn", "Bundesbank")
_ORGS_EN = ("Federal Reserve", "European Commission", "World Bank", "Bank of England")
_ORGS_RU = ("Центробанк", "Правительство", "Министерство финансов", "Госдума")
_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "Oktober")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "October")
_MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "октября")
_VERBS_DE = ("mitgeteilt", "angekündigt", "bestätigt", "erklärt", "betont")
_VERBS_EN = ("said", "announced", "confirmed", "reported", "warned")
_VERBS_RU = ("сообщил", "заявил", "подтвердил", "объявил", "предупредил")
_NOUNS_DE = ("Umsatz", "Gewinn", "Inflation", "Haushalt", "Straße", "Größe", "Übernahme")
_NOUNS_EN = ("revenue", "profit", "inflation", "budget", "growth", "deficit", "merger")
_NOUNS_RU = ("выручка", "прибыль", "инфляция", "бюджет", "рост", "дефицит", "сделка")

_TEMPLATES: dict[str, tuple[str, ...]] = {
    "de": (
        "{city} ({agency}) – Die {org_de} hat am {day}. {month_de} {year} „{noun_de}“ {verb_de}.",
        "Der {noun_de} stieg um {pct} % auf {money_de} Milliarden €, hieß es am {time} Uhr.",
        "„Wir erwarten {money_de} bis {money2_de} Milliarden $“, sagte ein Sprecher ({agency}).",
        "Laut {org_de} sank die {noun_de} im {month_de} auf {pct} Prozent: ein Rückgang.",
    ),
    "en": (
        "{city} ({agency}) – The {org_en} {verb_en} on {month_en} {day}, {year} that {noun_en} "
        "rose {pct_en}%.",
        "Shares fell {pct_en}% to ${money_en} at {time} GMT, the {org_en} {verb_en}.",
        '"We expect ${money_en} to ${money2_en} billion," a spokesperson told {agency}.',
        "The {org_en}'s {noun_en} reached €{money_en} million (up {pct_en}%) in {month_en}.",
    ),
    "ru": (
        "{city_ru} ({agency}) – {org_ru} {verb_ru} {day} {month_ru} {year} года, что {noun_ru} "
        "выросла на {pct}%.",
        "«Мы ожидаем {money_de} млрд рублей», – {verb_ru} представитель {agency} в {time}.",
        "По данным {org_ru}, {noun_ru} составила {money_de} трлн ₽ (№ {day}).",
        "{noun_ru} снизилась до {pct} процента: это минимум с {year} года.",
    ),
}


def _training_corpus(lines_per_language: int = 120) -> list[str]:
    """Generate deterministic news-like German, English and Russian lines."""
    rng = random.Random(_CORPUS_SEED)
    corpus = []
    for _ in range(lines_per_language):
        for language in ("de", "en", "ru"):
            line = rng.choice(_TEMPLATES[language]).format(**_slot_values(rng))
            corpus.append(line[0].upper() + line[1:])
    return corpus


def _slot_values(rng: random.Random) -> dict[str, str]:
    whole, frac, frac2 = rng.randint(1, 999), rng.randint(0, 9), rng.randint(0, 9)
    pct_whole, pct_frac = rng.randint(0, 99), rng.randint(0, 9)
    return {
        "city": rng.choice(_CITIES),
        "city_ru": rng.choice(_CITIES_RU),
        "agency": rng.choice(_AGENCIES),
        "org_de": rng.choice(_ORGS_DE),
        "org_en": rng.choice(_ORGS_EN),
        "org_ru": rng.choice(_ORGS_RU),
        "month_de": rng.choice(_MONTHS_DE),
        "month_en": rng.choice(_MONTHS_EN),
        "month_ru": rng.choice(_MONTHS_RU),
        "verb_de": rng.choice(_VERBS_DE),
        "verb_en": rng.choice(_VERBS_EN),
        "verb_ru": rng.choice(_VERBS_RU),
        "noun_de": rng.choice(_NOUNS_DE),
        "noun_en": rng.choice(_NOUNS_EN),
        "noun_ru": rng.choice(_NOUNS_RU),
        "day": str(rng.randint(1, 28)),
        "year": str(rng.randint(1990, 2030)),
        "time": f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        "pct": f"{pct_whole},{pct_frac}",
        "pct_en": f"{pct_whole}.{pct_frac}",
        "money_de": f"{whole},{frac}",
        "money2_de": f"{whole + 1},{frac2}",
        "money_en": f"{whole}.{frac}",
        "money2_en": f"{whole + 1}.{frac2}",
    }


def build_bpe_copy_package(
    dest_dir: Path,
    from_code: str = "de",
    to_code: str = "en",
    *,
    training_lines: Sequence[str] | None = None,
    merges: int = 400,
) -> Path:
    """Like :func:`build_copy_package`, with an older package's tokenizer: ``bpe.model``
    (subword-nmt codes over Moses tokens) instead of ``sentencepiece.model``.

    The vocabulary is every BPE token of the training text plus each of its characters
    alone and with the ``@@`` joiner, so that any text of the same characters is copied.
    """
    from sacremoses import MosesPunctNormalizer, MosesTokenizer
    from subword_nmt.apply_bpe import BPE
    from subword_nmt.learn_bpe import learn_bpe

    lines = list(training_lines) if training_lines is not None else _training_corpus()
    normalizer, tokenizer = MosesPunctNormalizer(from_code), MosesTokenizer(from_code)
    tokenized = [" ".join(tokenizer.tokenize(normalizer.normalize(line))) for line in lines]
    codes = io.StringIO()
    learn_bpe(io.StringIO("\n".join(tokenized) + "\n"), codes, merges, min_frequency=1)
    bpe = BPE(io.StringIO(codes.getvalue()))
    tokens = [t for line in tokenized for t in bpe.segment_tokens(line.split(" "))]
    characters = sorted({char for line in tokenized for char in line if not char.isspace()})
    vocabulary = _unique(
        [*_SPECIAL_TOKENS, *tokens, *characters, *(f"{char}@@" for char in characters)]
    )
    stem = f"translate-{from_code}_{to_code}-1_0"
    dest_dir.mkdir(parents=True, exist_ok=True)
    archive = dest_dir / f"{stem}.argosmodel"
    with tempfile.TemporaryDirectory() as tmp:
        package_dir = Path(tmp) / stem
        (package_dir / "model").mkdir(parents=True)
        (package_dir / "bpe.model").write_text(codes.getvalue(), encoding="utf-8")
        shape = _Shape(1, _D_MODEL, _D_MODEL, 1)
        _copy_model_spec(vocabulary, {}, shape, vocabulary).save(str(package_dir / "model"))
        metadata = _metadata(from_code, to_code, "1.0")
        (package_dir / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
        _zip_directory(package_dir, archive)
    return archive
