"""Headlines in the present tense: 'Turkey severs ties with Israel', 'EU, UK sanction Russian banks'.

Headlines drop articles and put past events in the present, and the small English model then reads the
verb as a noun ('Turkey severs ties' as one compound noun), so no rule sees a clause. The ``headline_verbs``
component, after the parser, parses such a line again as 'Turkey will sever ties with Israel', which the
model reads as a clause, and keeps that parse (without 'will') for the original words when the word came
out as a verb. Only lines with no verb at all are touched, and only for words whose base form is
a trigger verb of the lexicon, so running prose never changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extraction.lexicon import Lexicon, load_lexicon

_SUBJECT_TAGS = {"NNP", "NNPS"}
_LIST_WORDS = {",", "and", "&"}
_REPARSE = ("tok2vec", "tagger", "parser")


def trigger_verbs(lex: Lexicon) -> frozenset[str]:
    """Lemmas that state a relation alone or in a phrase: the words a headline verb is looked for among."""
    return frozenset(lex.verbs) | frozenset(v for p in lex.phrases for v in p.verbs)


def base_forms(word: str) -> Iterable[str]:
    """'severs' → 'sever', 'reaches' → 'reach', 'agree' → 'agree' (a plural subject's verb)."""
    w = word.lower()
    yield w
    if w.endswith("ies"):
        yield w[:-3] + "y"
    if w.endswith("es"):
        yield w[:-2]
    if w.endswith("s"):
        yield w[:-1]


def _verbless_line(sent: Span) -> bool:
    words = [t for t in sent if not t.is_space]
    return len(words) >= 3 and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words) \
        and words[-1].text not in (".", "?", "!")


def _verb_slot(sent: Span, verbs: frozenset[str]) -> tuple[int, str] | None:
    """The word after a leading subject of names ('Turkey', 'EU, UK', 'U.S. and Japan') whose base form is
    a trigger verb, with that form."""
    i = sent.start
    while i < sent.end and (sent.doc[i].tag_ in _SUBJECT_TAGS or sent.doc[i].lower_ in _LIST_WORDS):
        i += 1
    if i == sent.start or i >= sent.end - 1 or sent.doc[i - 1].lower_ in _LIST_WORDS:
        return None
    tok = sent.doc[i]
    if not tok.is_lower or tok.tag_ not in ("NNS", "NN", "VBZ", "VBP"):
        return None
    base = next((b for b in base_forms(tok.text) if b in verbs), None)
    return (i, base) if base else None


class HeadlineVerbs:
    def __init__(self, nlp: Language, lex: Lexicon | None = None) -> None:
        self.nlp = nlp
        self.verbs = trigger_verbs(lex or load_lexicon())

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            if _verbless_line(sent) and (slot := _verb_slot(sent, self.verbs)) is not None:
                self._reparse(doc, sent, *slot)
        return doc

    def _reparse(self, doc: Doc, sent: Span, i: int, base: str) -> None:
        # 'Turkey will sever ties with Israel' is the one wording the model reliably reads as a clause (the
        # bare base form is still a noun to it); 'will' is parsed and then left out of the copied parse.
        k = i - sent.start
        words = [t.text for t in sent]
        spaces = [bool(t.whitespace_) for t in sent]
        words[k:k + 1], spaces[k:k + 1] = ["will", base], [True, spaces[k]]
        sub = Doc(doc.vocab, words=words, spaces=spaces)
        for name in _REPARSE:
            sub = self.nlp.get_pipe(name)(sub)
        if not sub[k + 1].tag_.startswith("VB") or len(list(sub.sents)) != 1 \
                or any(t.head.i == k and t.i != k for t in sub):
            return  # the model still reads no clause here: keep the first parse
        for j, tok in enumerate(sent):
            new = sub[j if j < k else j + 1]
            tok.tag_ = new.tag_
            tok.dep_ = new.dep_
            h = new.head.i
            tok.head = doc[sent.start + (h if h < k else h - 1)]
        doc[i].tag_ = "VBP" if doc[i].lower_ == base else "VBZ"


@Language.factory("headline_verbs")
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp)
