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


# Small words a Title Case headline capitalises ('Cuts Ties With Mali'): never names.
_FUNCTION_WORDS = {"with", "to", "over", "on", "against", "for", "in", "from", "after", "and", "of", "at", "by", "as",
                   "into", "amid", "the", "a", "an", "its", "their", "new", "all", "more", "further"}


def lexicon_words(lex: Lexicon) -> frozenset[str]:
    """Lower-case words the trigger files know (verbs, event nouns, phrase objects and modifiers): in a Title Case
    headline these are words, not names ('Diplomatic Ties', 'Ambassador')."""
    words = set(lex.verbs) | set(lex.nouns) | _FUNCTION_WORDS
    for p in lex.phrases:
        words |= set(p.verbs) | set(p.objects) | set(p.with_)
    return frozenset(w for w in words if w.isalpha())


def _title_case(sent: Span) -> bool:
    """A headline in Title Case: every word but the small ones capitalised, no closing full stop."""
    words = [t for t in sent if not t.is_space]
    content = [t for t in words if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
    return len(content) >= 3 and all(t.text[0].isupper() for t in content) and words[-1].text not in (".", "?", "!")


def _title_slot(sent: Span, verbs: frozenset[str]) -> tuple[int, str] | None:
    """In a Title Case headline ('Denmark Cuts Diplomatic Ties With Mali'), the first capitalised word after the
    subject's first word whose base form is a trigger verb, with that form."""
    for tok in sent[1:-1]:
        if not tok.is_alpha or not tok.text[0].isupper() or tok.is_upper:
            continue  # ('US', 'EU': names)
        base = next((b for b in base_forms(tok.text) if b in verbs), None)
        if base:
            return tok.i, base
    return None


class HeadlineVerbs:
    def __init__(self, nlp: Language, lex: Lexicon | None = None) -> None:
        self.nlp = nlp
        lex = lex or load_lexicon()
        self.verbs = trigger_verbs(lex)
        self.words = lexicon_words(lex)

    def __call__(self, doc: Doc) -> Doc:
        for sent in list(doc.sents):
            if _title_case(sent) and (slot := _title_slot(sent, self.verbs)) is not None:
                # (the model reads Title Case words as names even where it finds the verb: 'Cuts ... Ties')
                self._reparse(doc, sent, *slot, title=True)
            elif _verbless_line(sent) and (slot := _verb_slot(sent, self.verbs)) is not None:
                self._reparse(doc, sent, *slot)
        return doc

    def _reparse(self, doc: Doc, sent: Span, i: int, base: str, title: bool = False) -> None:
        # 'Turkey will sever ties with Israel' is the one wording the model reliably reads as a clause (the
        # bare base form is still a noun to it); 'will' is parsed and then left out of the copied parse.
        k = i - sent.start
        words = [t.text for t in sent]
        spaces = [bool(t.whitespace_) for t in sent]
        lowered: set[int] = set()
        if title:
            # after the verb, the words the lexicon knows are written as words: 'will cut diplomatic ties with Mali'
            for j in range(k + 1, len(words)):
                if words[j].lower() in self.words and not words[j].isupper():
                    words[j] = words[j].lower()
                    lowered.add(sent.start + j)
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
        if title:
            doc[i].lemma_ = base  # ('Cuts' was a name to the lemmatizer)
            for j in lowered:
                doc[j].lemma_ = doc[j].lower_


@Language.factory("headline_verbs")
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp)
