"""The extractor: one document in, actors and relations with evidence out.

>>> from graph.model import Document
>>> ex = Extractor()  # doctest: +SKIP
>>> ex.extract(Document(id="d", text="Trump praised Colombia.")).relations[0].type  # doctest: +SKIP
'PRAISES'
"""

from __future__ import annotations

import bisect
import multiprocessing
import multiprocessing.pool
import zlib
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span

from extraction.dates import FUTURE_CUES, background, resolve
from extraction.discourse import Discourse
from extraction.gazetteer import Gazetteer, load_gazetteer
from extraction.lexicon import Lexicon, load_lexicon
from extraction.mentions import ActorInfo, DocMentions, MentionFinder
from extraction.nlp import load_nlp
from extraction.rules import RULES, Found, RuleContext
from graph.model import Actor, Document, Evidence, Extraction, Relation
from graph.taxonomy import load_taxonomy


@dataclass
class SentenceExplanation:
    index: int
    start: int
    end: int
    text: str
    mentions: list[tuple[str, str, str]] = field(default_factory=list)   # (surface, actor id, via)
    relations: list[Found] = field(default_factory=list)
    dropped: list[Found] = field(default_factory=list)  # found, but not stored (the ends belong together)


class Extractor:
    def __init__(self, model: str | None = None, gazetteer: Gazetteer | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.model = model
        self.nlp = load_nlp(model)
        self.gz = gazetteer or load_gazetteer()
        self.lex = lexicon or load_lexicon()
        self.finder = _finder(self.nlp, self.gz, self.lex)
        # Surname -> person already in the graph, so 'Dickinson' in a later article is the same node.
        self.known: dict[str, ActorInfo] = {}

    # -- public -------------------------------------------------------------

    def extract(self, document: Document) -> Extraction:
        return self._build(document, self.nlp(document.text))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 16, n_process: int = 1,
                     parses: ParseCache | None = None, pool: WorkerPool | None = None) -> Iterator[Extraction]:
        """Extract many documents, in input order: ``nlp.pipe`` batches, and with ``n_process`` > 1 a pool of
        worker processes that each parse *and* extract (only small results cross process boundaries).

        ``parses``: a document whose text it holds is not parsed again (ingest reads some documents twice,
        with another surname table); with ``parses.keep``, the texts parsed here are added to it.

        ``pool``: worker processes started earlier and kept (see :class:`WorkerPool`), used instead of starting
        ``n_process`` new ones for this call."""
        if n_process <= 1:
            docs = documents if isinstance(documents, list) else list(documents)
            if parses is None:
                for parsed, document in self.nlp.pipe(((d.text, d) for d in docs), as_tuples=True,
                                                      batch_size=batch_size):
                    yield self._build(document, parsed)
                return
            for ext, blob in self._extract_items([(d, parses.get(d.text)) for d in docs], parses.keep, batch_size):
                parses.put(ext.document.text, blob)
                yield ext
            return
        docs = list(documents)
        # Several chunks per worker so that none sits idle at the end, at most batch_size documents each.
        size = max(1, min(batch_size, -(-len(docs) // (n_process * 4))))
        items = [(d, parses.get(d.text) if parses is not None else None) for d in docs]
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        if not chunks:
            return
        keep = parses is not None and parses.keep
        with nullcontext(pool) if pool is not None else WorkerPool(self, min(n_process, len(chunks))) as held:
            for batch in held.extract_chunks(chunks, keep, self.known):
                for ext, blob in batch:
                    if parses is not None:
                        parses.put(ext.document.text, blob)
                    yield ext

    def _extract_items(self, items: list[tuple[Document, bytes | None]], keep: bool,
                       batch_size: int) -> Iterator[tuple[Extraction, bytes | None]]:
        """(extraction, the parse as bytes when ``keep`` and it was parsed here) per (document, stored parse)."""
        parsed = self.nlp.pipe((d.text for d, blob in items if blob is None), batch_size=batch_size)
        for document, blob in items:
            if blob is None:
                doc = next(parsed)
                # serialised before the rules run, so the copy is the parse alone (the rules cache in user_data)
                out = zlib.compress(doc.to_bytes(exclude=["tensor"]), 1) if keep else None  # a fifth of the size
            else:
                doc, out = Doc(self.nlp.vocab).from_bytes(zlib.decompress(blob)), None
            yield self._build(document, doc), out

    def explain(self, document: Document) -> list[SentenceExplanation]:
        """Sentence by sentence: the mentions found and the relations the rules made (and any not stored)."""
        parsed = self.nlp(document.text)
        mentions = self.finder.find(parsed, _date(document.date), self.known)
        found = self._document_relations(parsed, mentions)
        out = []
        for i, sent in enumerate(parsed.sents):
            s, e, text = _sentence_bounds(sent)
            if not text:
                continue
            ex = SentenceExplanation(i, s, e, text)
            ex.mentions = [(m.text, "+".join(m.actors), m.via) for m in mentions.mentions
                           if sent.start <= m.start < sent.end]
            ex.relations = [f for sn, *_, f, kept in found if sn.start == sent.start and kept]
            ex.dropped = [f for sn, *_, f, kept in found if sn.start == sent.start and not kept]
            out.append(ex)
        return out

    def _document_relations(self, parsed: Doc, mentions: DocMentions) -> list[tuple[Span, int, int, str, Found, bool]]:
        """Every relation the rules find, in order, flagged False where the document shows the two ends
        belong together (X MEMBER_OF or LEADS Y): their acts towards each other are not between sides.

        The document's discourse (who did which act so far) is made here and carried through its sentences."""
        discourse = Discourse()
        bounds = [(sent, *_sentence_bounds(sent)) for sent in parsed.sents]
        found = [(sent, s, e, text, f) for sent, s, e, text in bounds if len(text) >= 20 and not sent[0]._.skip
                 for f in self._sentence_relations(sent, mentions, discourse)]
        members = {frozenset((f.source, f.target)) for *_, f in found if f.type in ("LEADS", "MEMBER_OF")}
        return [(*row, row[-1].type in ("LEADS", "MEMBER_OF") or frozenset((row[-1].source, row[-1].target))
                 not in members) for row in found]

    # -- internals -----------------------------------------------------------

    def _sentence_relations(self, sent: Span, mentions: DocMentions, discourse: Discourse) -> Iterator[Found]:
        """The relations of one sentence, rule by rule in the declared order (see :data:`RULES`)."""
        ctx = RuleContext(sent, mentions, self.lex, self.gz, discourse)
        discourse.current = sent.start
        tax = load_taxonomy()
        seen = set()
        last: Found | None = None
        pair: Found | None = None
        for rule in RULES:
            # a rule's findings are read within its recording window: no other rule records meanwhile
            with discourse.recording(rule.name) if rule.records else nullcontext():
                found = list(rule.find(ctx))
            for f in found:
                key = (f.source, f.type, f.target)
                if not tax.allows(f.type, self._kind(ctx, f.source), self._kind(ctx, f.target)):
                    continue  # the taxonomy's domain and range: 'a person LEADS a person' is no relation
                if f.type not in ("LEADS", "MEMBER_OF") and self._same_side(mentions, f.source, f.target):
                    continue  # 'Ruto thanked the Kenyan contingent': a leader and his own state are one side
                if key not in seen and f.source != f.target:
                    seen.add(key)
                    if f.type in ACTS and not f.rule.startswith(STANCE_RULES) \
                            and (last is None or f.trigger > last.trigger):
                        last = f
                    if f.type in tax.symmetric and f.type != "ALLIED_WITH" and not f.rule.startswith("go-between"):
                        pair = f
                    yield f
        if last is not None:  # 'Peru broke off relations ... Colombia criticised the move'
            discourse.last_act = (sent.start, (last.source,))
        if pair is not None:  # 'X and Y agreed to a ceasefire ... with mediation by Z'
            discourse.last_pair = (sent.start, (pair.source, pair.target))

    def _kind(self, ctx: RuleContext, actor: str) -> str | None:
        """The actor's kind, from the document or else the gazetteer (None: unknown, so not checked)."""
        kind = ctx.kind(actor)
        if not kind and actor in self.gz:
            kind = self.gz.get(actor).kind
        return kind or None

    def _same_side(self, mentions: DocMentions, a: str, b: str) -> bool:
        """A person or body and the state or organisation it belongs to. A known person is on the side of their
        country only if they hold or held one of its offices (an opposition leader, a chief executive or a
        separatist leader acts towards the state as a side of their own), a known organisation only if it is one
        of the state's bodies."""
        for x, y in ((a, b), (b, a)):
            if x in self.gz:
                e = self.gz.get(x)
                if e.parent == y:
                    return True
                if e.country == y:
                    # an armed group, party, company or NGO of a country is a side of its own towards its state
                    if e.kind == "government_body" or any(self._office_of(o.of, y) for o in e.offices):
                        return True
                    continue
            info = mentions.actors.get(x)
            if info is not None and info.state == y:
                return True
        return False

    def _office_of(self, org: str, state: str) -> bool:
        """An office of the state itself or of one of its bodies."""
        return org == state or (org in self.gz and self.gz.get(org).kind == "government_body"
                                and self.gz.get(org).country == state)

    def _build(self, document: Document, parsed: Doc) -> Extraction:
        ref = _date(document.date)
        mentions = self.finder.find(parsed, ref, self.known)
        rels: dict[tuple[str, str, str], Relation] = {}
        used: set[str] = set()
        dates_of: dict[int, list[tuple[int, str]]] = {}
        date_ents: list[Span] | None = None  # the document's DATE entities, by position (built on first need)
        for sent, s, e, text, f, kept in self._document_relations(parsed, mentions):
            if not kept:
                continue
            if sent.start not in dates_of:
                if date_ents is None:
                    date_ents = [x for x in parsed.ents if x.label_ == "DATE"]
                # Span.ents walks every entity of the document: once per sentence was quadratic on dense text.
                lo = bisect.bisect_left(date_ents, sent.start, key=lambda x: x.start)
                hi = bisect.bisect_left(date_ents, sent.end, key=lambda x: x.start)
                dates_of[sent.start] = _sentence_dates(sent, ref, [x for x in date_ents[lo:hi] if x.end <= sent.end])
            dates = dates_of[sent.start]
            key = (f.source, f.type, f.target)
            # Only a date the sentence states; readers fall back to the document's date and say so.
            # Background ("has repeatedly condemned", "for years") states a span before the document,
            # not an event on a date: no date, the earliest bound the text gives instead.
            when, prior, since = None, False, None
            if f.type not in ("LEADS", "MEMBER_OF"):
                prior, since = background(parsed[f.trigger], ref)
                if dates and not prior:
                    when = min(dates, key=lambda d: abs(d[0] - f.trigger))[1]
            ev = Evidence(doc=document.id, sentence=text, start=s, end=e, date=when,
                          confidence=f.confidence, pattern=f.rule, background=prior, since=since)
            if key not in rels:
                rels[key] = Relation(source=f.source, type=f.type, target=f.target, evidence=[ev],
                                     date=when, confidence=f.confidence)
            elif all(x.key != ev.key for x in rels[key].evidence):
                rels[key].evidence.append(ev)
                rels[key].confidence = max(rels[key].confidence, f.confidence)
            used.update((f.source, f.target))
        actors = []
        mentioned = {a for m in mentions.mentions if not (m.place_only or m.incidental) for a in m.actors}
        for aid in sorted(mentioned | used):
            info = self.finder.info(mentions.actors, aid)
            actors.append(Actor(id=aid, name=info.name, kind=info.kind,
                                aliases=sorted(info.aliases - {info.name}), documents=[document.id]))
        return Extraction(document=document, actors=actors, relations=list(rels.values()))


# Acts that a later 'the move' / 'the decision' can refer to (words and titles are not moves).
ACTS = {"SANCTIONS", "COERCES", "SUPPORTS", "REJECTS", "CONCEDES", "THREATENS", "OPPOSES"}
# Rules that tell a standing stance or a reaction, not an act: "Sri Lanka's supporters Russia, Cuba" or "a step rejected
# by X" is nothing a later "the decision" takes up.
STANCE_RULES = ("agent-noun", "backed", "under", "at-war", "reaction")

_WORKER: Extractor | None = None  # the extractor of this (worker) process

# Mention finders by (pipeline, gazetteer, lexicon): building one (a phrase matcher over every gazetteer form) costs
# a third of a second, paid by every ingest and every re-read; a finder holds no document state, so it is shared.
_FINDERS: list[tuple[Language, Gazetteer, Lexicon, MentionFinder]] = []


def _finder(nlp: Language, gz: Gazetteer, lex: Lexicon) -> MentionFinder:
    for n, g, x, finder in _FINDERS:
        if n is nlp and g is gz and x is lex:
            return finder
    finder = MentionFinder(nlp, gz, lex)
    _FINDERS[:] = [*_FINDERS[-3:], (nlp, gz, lex, finder)]  # the objects are kept, so their ids are not reused
    return finder


def _init_worker(model: str | None) -> None:
    global _WORKER
    if _WORKER is None:  # spawned, not forked: build this process's own extractor
        _WORKER = Extractor(model)


def _extract_chunk(items: list[tuple[Document, bytes | None]], keep: bool,
                   known: dict[str, ActorInfo] | None) -> list[tuple[Extraction, bytes | None]]:
    ex = _WORKER
    assert ex is not None
    if known is not None:  # None: the table this worker was forked with
        ex.known = known
    return list(ex._extract_items(items, keep, batch_size=len(items)))


class WorkerPool:
    """Worker processes that parse and extract, started on first use and kept until closed: an ingest reads
    documents up to three times (first read, re-reads with the batch's surnames, stored documents under the
    lock), and starting a pool for each read cost more than a small batch's re-reads themselves.

    Forked workers inherit ``extractor`` (loaded pipeline and gazetteer matcher); spawned ones load their own."""

    def __init__(self, extractor: Extractor, n_process: int) -> None:
        self.extractor = extractor
        self.n_process = n_process
        self._pool: multiprocessing.pool.Pool | None = None
        self._forked_known: dict[str, ActorInfo] | None = None  # the surname table the workers inherited

    def extract_chunks(self, chunks: list[list[tuple[Document, bytes | None]]], keep: bool,
                       known: dict[str, ActorInfo]) -> Iterator[list[tuple[Extraction, bytes | None]]]:
        """Each chunk's (extraction, parse) pairs, extracted with the surname table ``known``, in input order."""
        pool = self._start()
        # The table goes with each chunk only when it is not the one the workers were forked with (a re-read's):
        # on a large store it is megabytes, and the first read has the most chunks.
        task = partial(_extract_chunk, keep=keep, known=None if known is self._forked_known else known)
        return pool.imap(task, chunks)

    def _start(self) -> multiprocessing.pool.Pool:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            # fork: workers inherit this loaded pipeline and gazetteer matcher, nothing is pickled or reloaded.
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            global _WORKER
            _WORKER = self.extractor
            try:
                self._pool = ctx.Pool(self.n_process, initializer=_init_worker, initargs=(self.extractor.model,))
                # spawned workers build their own extractor, with an empty table: the table always goes along
                self._forked_known = self.extractor.known if ctx.get_start_method() == "fork" else None
            finally:
                _WORKER = None
        return self._pool

    def close(self) -> None:
        """Stop the workers (they are idle: every result was taken)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ParseCache:
    """Parsed texts as compressed bytes (``Doc.to_bytes``, zlib), up to ``budget`` bytes in all: ingest reads a document again when
    a surname in it names a person found in another document, and parsing is most of the cost of a read.

    The parse of a text does not depend on the surname table, so a stored parse gives the same extraction."""

    def __init__(self, budget: int = 256 * 2**20, keep: bool = True) -> None:
        self.budget = budget
        self.keep = keep  # add the texts parsed (False: only use what is stored)
        self.size = 0
        self._parses: dict[str, bytes] = {}

    def get(self, text: str) -> bytes | None:
        return self._parses.get(text)

    def items(self) -> list[tuple[str, bytes]]:
        return list(self._parses.items())

    def put(self, text: str, blob: bytes | None) -> None:
        if blob is not None and text not in self._parses and self.size + len(blob) <= self.budget:
            self._parses[text] = blob
            self.size += len(blob)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _sentence_dates(sent: Span, ref: date | None, ents: list[Span] | None = None) -> list[tuple[int, str]]:
    """(token index, ISO date) for each temporal expression in the sentence that names a point in time
    (``ents``: the sentence's entities, when the caller has them at hand)."""
    future = any(t.lower_ in FUTURE_CUES for t in sent)
    out = []
    for ent in sent.ents if ents is None else ents:
        if ent.label_ == "DATE":
            iso = resolve(ent.text, ref, future)
            if iso:
                out.append((ent.root.i, iso))
    return out


def _sentence_bounds(sent: Span) -> tuple[int, int, str]:
    """Character offsets and text of a sentence, without surrounding whitespace."""
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return start, start + len(text), text
