"""Passes 'groups' and 'group-pronouns': 'the two leaders', 'both countries' as the pair just named (or the two most
named), and 'they'/'them' after such a group in the same sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import FindState, Mention
from extraction.mentions.quotes import person_state

# How many a group anaphor names: 'both countries', 'the two sides', 'the three countries'.
GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4}
# Singular nouns that 'each' makes one of the pair just named: 'Each side blamed the other'.
EACH_NOUNS = {"side", "country", "nation", "party", "government"}
# The sides of a conflict or a negotiation, which 'the parties' takes up without a number.
SIDE_NOUNS = {"parties", "sides", "camps", "belligerents"}
# Words that may qualify them and keep them sides: 'the warring parties', 'the rival camps'.
SIDE_WORDS = {"warring", "rival", "opposing", "conflicting", "negotiating", "feuding", "main", "two", "both",
              "political", "other"}


def find_groups(lk: Lookup, st: FindState) -> list[Mention]:
    """'the two leaders', 'both countries' -> the two most-mentioned people (or states) so far."""
    doc, spans, actors, taken = st.doc, st.spans, st.actors, st.taken
    persons = set(lk.lex.group_nouns.get("persons", []))
    states = set(lk.lex.group_nouns.get("states", []))
    heads = persons | states | {"parties", "camps", "belligerents", "delegations"} | EACH_NOUNS
    out = []
    for tok in doc:
        if tok.lower_ not in heads:
            continue  # (most words: no need to read their children)
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
        # 'Each side blamed the other', 'each country': one of a pair, the pair as a whole
        each = "each" in dets and tok.lower_ in EACH_NOUNS
        if tok.i in taken or (tok.lower_ not in persons | states | {"parties", "camps", "belligerents", "delegations"}
                              and not each):
            continue
        size = 2 if each else next((GROUP_SIZES[d] for d in dets if d in GROUP_SIZES), 0)
        # 'the parties', 'the warring sides' with no number: a pair, but only one the text named as a set
        # ('the alleged camps', 'the rebel camps' are places, not sides: only words of sides may qualify them)
        named_only = not size and tok.lower_ in SIDE_NOUNS and tok.tag_ == "NNS" and "the" in dets and all(
            c.lower_ in SIDE_WORDS for c in tok.children if c.dep_ in ("amod", "compound"))
        size = size or (2 if named_only else 0)
        # 'officials from those nations', 'these countries': the set just listed, however many
        # ('sanctions on those countries that buy its oil' names a kind, not a set: no relative clause)
        listed = not size and bool({"those", "these"} & dets) and tok.tag_ == "NNS" and tok.lower_ in states \
            and not any(c.dep_ in ("relcl", "acl") for c in tok.children)
        if (not size and not listed) or (size > 2 and not {"the", "these", "all"} & dets):
            continue  # 'tariffs on three countries' counts new ones; 'the three countries' takes up named ones
        if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in tok.children):
            continue  # 'three U.S. states', 'the two Gulf states' are not the actors just named
        sides = tok.lower_ in ("sides", "parties", "camps", "belligerents", "side", "party")
        if tok.lower_ in persons:
            kinds: tuple[str, ...] = ("person",)
        elif tok.lower_ in ("sides", "parties", "camps", "belligerents", "delegations", "side", "party"):
            kinds = ("state", "armed_group", "other_org", "igo")  # the sides of a conflict or a negotiation (the P5+1,
            # the EU); not the UN urging them (the speakers are left out below)
        else:
            kinds = ("state",)
        # 'Mexico called for restraint from both sides': the one speaking to both sides is neither of them
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        speakers = {i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for i in
                    range(c.left_edge.i, c.right_edge.i + 1)} if verb.i < tok.i else set()
        # 'Both countries mobilised troops toward their borders with Colombia': an actor named after the group in
        # its own sentence (outside the group's own words, which may list its members) is the other party
        # (only in the group's own clause: the verb's words, less clauses joined to it)
        clause = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in ("conj", "advcl", "ccomp")
                                                 for t in c.subtree}
        others = {i for m in spans if tok.right_edge.i < m.start < tok.sent.end and m.start in clause
                  and not (m.incidental or m.place_only) and m.via not in ("pronoun", "quote", "group")
                  and doc[m.end - 1].dep_ in ("dobj", "pobj", "dative")
                  for i in range(m.start, m.end)}  # (not 'his administration', "Japan's forced labour": owners)
        excluded = {x for m in spans if m.start in speakers for a in m.actors
                    for x in (a, (actors.get(a).state if actors.get(a) else None)) if x}
        excluded |= {a for m in spans if m.start in others for a in m.actors}  # ("over Eritrea's troops": not Eritrea)
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        recent: list[str] = []  # distinct actors of the right kind, nearest first, within ~2 sentences
        window_start = doc[max(tok.sent.start - 1, 0)].sent.start
        sets_start = doc[max(doc[window_start].sent.start - 1, 0)].sent.start  # named sets: up to 2 sentences back
        coordinated: dict[int, list[str]] = {}  # 'Armenia and Azerbaijan', 'Egypt, Sudan and Ethiopia'
        by_sentence: dict[int, list[str]] = {}
        for m in sorted(spans, key=lambda m: -m.start):
            if m.start >= tok.i or len(m.actors) != 1 or m.place_only:
                continue
            info = actors.get(m.actor)
            aid = m.actor
            # 'talks between the Sudanese army and the RSF ... both parties': in a war within a state its army is a
            # side itself, not the state (a ministry or an embassy still stands for its state)
            side_army = sides and info is not None and info.kind == "government_body" \
                and m.actor == f"{info.state}-military"
            if side_army:
                pass
            elif info and info.kind == "government_body" and info.state and "state" in kinds:
                aid, info = info.state, actors.get(info.state) or lk.info(actors, info.state)
            elif info and info.kind == "person" and info.state and "state" in kinds and (
                    m.start >= tok.sent.start or (m.via == "role" and m.start >= window_start)):
                # 'Sánchez met Mohammed VI ... and the two sides signed': the states of the people just named;
                # "Kenya hosted Somalia's president. The two countries ...": a role nominal names its state
                aid, info = info.state, actors.get(info.state) or lk.info(actors, info.state)
            root = doc[m.start : m.end].root
            if info and info.kind == "igo" and not (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)):
                continue  # an organisation is a side only named with the other ('talks between Iran and the P5+1'),
                # not 'a NATO summit' or 'the Security Council has agreed' near two sides
            if info and (info.kind in kinds or side_army) and aid not in excluded:
                counts[aid] = counts.get(aid, 0) + 1
                first[aid] = m.start
                if m.start >= window_start and aid not in recent:
                    recent.append(aid)
                if m.start >= sets_start:
                    for named in (coordinated.setdefault(_coordination(doc[m.start : m.end]), []),
                                  by_sentence.setdefault(doc[m.start].sent.start, [])):
                        if aid not in named:
                            named.append(aid)
        if kinds == ("person",) and tok.lower_ in ("leaders", "presidents", "heads"):
            # 'both leaders' are people who lead something, not the analyst quoted in between
            leaders = [a for a in recent if a in lk.gz and lk.gz.get(a).offices]
            if len(leaders) >= 2:
                recent = leaders
            leaders = [a for a in counts if a in lk.gz and lk.gz.get(a).offices]
            if len(leaders) >= 2:
                counts = {a: counts[a] for a in leaders}
        if kinds == ("person",):  # 'both leaders' after two leaders and an analyst: the leaders' set
            coordinated = {k: [a for a in v if a in counts] for k, v in coordinated.items()}
            by_sentence = {k: [a for a in v if a in counts] for k, v in by_sentence.items()}
        if listed:
            sets = [v for _, v in sorted(coordinated.items(), key=lambda kv: -kv[0]) if len(v) >= 2]
            if not sets:
                continue
            size = len(sets[0])
        # The set last named together: that many in this sentence before it ('X met Y in Rome and the two sides
        # signed'); 'Armenia and Azerbaijan signed ... brokered by the United States. The two sides' are the
        # coordinated pair; else (people) the last sentence naming two ('X met Y ... both ministers'); else the
        # ones just named ('Japanese and Philippine troops ... the two countries'), else the most named.
        here = by_sentence.get(tok.sent.start, [])
        named = [here] if len(here) == size else []
        # 'the two sides' again: the set the story's last such anaphor took up, unless a set of that size was
        # named together since ('..., facilitated by Turkey and other nations, ... between the two sides')
        again = [g for g in out if len(g.actors) == size and not excluded & set(g.actors) and all(
            a in actors and actors[a].kind in kinds for a in g.actors)] if kinds != ("person",) else []
        if not named and again:
            since = [v for k, v in coordinated.items() if k > again[-1].end and len(v) == size]
            named = [] if since else [list(again[-1].actors)[::-1]]
        listed_at = [k for k, v in sorted(coordinated.items(), key=lambda kv: -kv[0]) if len(v) == size]
        if not named and listed_at and "state" in kinds and size == 2 and tok.sent.start > 0 \
                and listed_at[0] < doc[tok.sent.start - 1].sent.start:
            # 'Denmark cut ties with Mali and Burkina Faso ... embassies in Senegal and Rwanda ... the two
            # countries': a pair listed in passing two sentences back yields to the pair the story names together
            story = _story_pair(lk, st, tok, size, excluded)
            named = [story[::-1]] if story else []
        named = named or [coordinated[k] for k in listed_at]
        if not named and kinds == ("person",):  # two people in one sentence ('X met Y'); states there may be
            # only the ones a third party dealt with ('Egypt strengthened ties with Eritrea and Somalia')
            named = [v for _, v in sorted(by_sentence.items(), key=lambda kv: -kv[0]) if len(v) == size]
        # (a pair that just acted together, 'X met Y … Both ministers', 'X spoke with Y, and the two leaders', is
        # no guess; 'Petro said Ortega had … the two leaders' is)
        weak = not named or (kinds == ("person",) and not any(named[0] == v for v in coordinated.values())
                             and not _one_clause(doc, spans, named[0], doc[max(tok.sent.start - 1, 0)].sent.start,
                                                 tok.i))
        if named:
            top = named[0][::-1]  # in the order they were named
        elif named_only:
            # 'the parties' with no pair named together just before: the pair the story names together, else
            # abstain rather than guess
            top = _story_pair(lk, st, tok, size, excluded)
            if not top:
                continue
        else:
            top = recent[:size] if len(recent) >= size else \
                sorted(counts, key=lambda a: (-counts[a], first[a]))[:size]
        if kinds == ("person",) and weak:
            # 'Leaders of Argentina and Brazil ... Macri said Maduro is ... the two leaders': a pair guessed from
            # nearness yields to the people of the pair of states the story is about (named together twice)
            top = _story_pair_people(lk, st, tok, size, counts, first) or top
        if sides and any(actors[a].kind == "state" for a in top if a in actors):
            # 'Armenian and Azerbaijani troops clashed ... both sides': between states, the sides are the states
            top = [actors[a].state if a in actors and actors[a].kind == "government_body" and actors[a].state
                   else a for a in top]
            top = list(dict.fromkeys(top))
        if "state" in kinds:
            # 'The two leaders discussed ... the two countries': the states of the people a group anaphor just
            # took up, when each has a known state and they differ (else the pair above stands)
            people = [g for g in out if g.start >= window_start and all(
                a in actors and actors[a].kind == "person" for a in g.actors)]
            if people:
                theirs = [person_state(lk, doc, a, spans, actors) for a in people[-1].actors]
                if len(theirs) == size and None not in theirs and len(set(theirs)) == size:
                    top = [t for t in theirs if t]
        if len(top) == size:
            start = min([c.i for c in tok.children if c.dep_ in ("det", "nummod", "predet")] + [tok.i])
            out.append(Mention(start, tok.i + 1, tuple(top), "group", doc[start : tok.i + 1].text))
    return out


def _one_clause(doc: Doc, spans: list[Mention], pair: list[str], start: int, end: int) -> bool:
    """Whether each of ``pair`` is named between ``start`` and ``end`` as an argument of one and the same verb
    ('X met his counterpart Y', 'X spoke by phone with Y')."""
    verbs: dict[str, set[int]] = {}
    for m in spans:
        if start <= m.start < end and len(m.actors) == 1 and m.actor in pair:
            head = doc[m.end - 1]
            for _ in range(6):
                if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                    break
                head = head.head
            verbs.setdefault(m.actor, set()).add(head.i)
    return len(verbs) == len(pair) and bool(set.intersection(*verbs.values()))


def _story_pair_people(lk: Lookup, st: FindState, tok: Token, size: int, counts: dict[str, int],
                       first: dict[str, int]) -> list[str]:
    """The people, one per state, of the set of ``size`` states the document named together (coordinated) at
    least twice before ``tok``, when each of those states has one such person among ``counts``; else []."""
    doc, spans, actors = st.doc, st.spans, st.actors
    story = _story_pair(lk, st, tok, size)
    if not story:
        return []
    people: dict[str, list[str]] = {}
    for a in counts:
        state = person_state(lk, doc, a, spans, actors)
        if state in story:
            people.setdefault(state, []).append(a)
    if len(people) != size:
        return []
    picked = [max(v, key=lambda a: (counts[a], -first[a])) for v in people.values()]
    return sorted(picked, key=lambda a: first[a])


def _story_pair(lk: Lookup, st: FindState, tok: Token, size: int,
                excluded: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The set of ``size`` states the document named together (coordinated: 'Kosovo and Serbia', or their people:
    'Kosovo's Kurti and Serbia's Vucic') at least twice before ``tok``, in the order first named; [] when there is
    no such set or there are rival ones. A set holding one of ``excluded`` (the ones speaking to the group) is
    never it."""
    doc, spans, actors = st.doc, st.spans, st.actors
    sets: dict[int, list[str]] = {}
    for m in spans:
        info = actors.get(m.actor) if len(m.actors) == 1 else None
        if m.start >= tok.i or info is None or m.place_only or m.via in ("group", "pronoun", "quote"):
            continue
        state = m.actor if info.kind == "state" else \
            person_state(lk, doc, m.actor, spans, actors) if info.kind == "person" else None
        if state:
            named = sets.setdefault(_coordination(doc[m.start : m.end]), [])
            if state not in named:
                named.append(state)
    times: dict[frozenset[str], int] = {}
    order: dict[frozenset[str], list[str]] = {}
    for named in sets.values():
        if len(named) == size and not excluded & set(named):
            times[frozenset(named)] = times.get(frozenset(named), 0) + 1
            order.setdefault(frozenset(named), named)
    story = [s for s, n in times.items() if n >= 2]
    return order[story[0]] if len(story) == 1 else []


def _coordination(span: Span) -> int:
    """The token that heads the coordination a mention is part of ('Egypt, Sudan and Ethiopia' share one), else
    the mention's own head: mentions with the same value were named together."""
    head = span.root
    for t in span:
        if t.dep_ == "conj":  # 'Indian and Pakistani troops': the demonym is the conjunct
            head = t
    for _ in range(8):
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head
    return head.i


def find_group_pronouns(lk: Lookup, st: FindState) -> list[Mention]:
    """'called both leaders and appealed to them': 'they'/'them'/'their' after a group anaphor in the same sentence; and
    'They' as the subject right after a sentence whose subject named two or more actors together ('Egypt and
    Jordan condemned the raid. They urged Israel to withdraw')."""
    doc, spans, taken = st.doc, st.spans, st.taken
    out = _they_after_coordinated_subject(st)
    for m in spans:
        if m.via != "group":
            continue
        sent = doc[m.start].sent
        for tok in doc[m.end : sent.end]:
            if tok.i in taken:
                continue
            if (tok.lower_ in ("they", "them") and tok.tag_ == "PRP") or (tok.lower_ == "their" and tok.tag_ == "PRP$"):
                # ('the two countries have been mired in spats, despite their efforts to ...')
                out.append(Mention(tok.i, tok.i + 1, m.actors, "pronoun", tok.text))
                break
    return out


def _they_after_coordinated_subject(st: FindState) -> list[Mention]:
    """'They' as a sentence's subject: the actors the previous sentence's subject named together, when every part
    of that subject is one actor ('Saudi Arabia, the UAE and Bahrain cut ties ... They accused Doha')."""
    doc, spans, taken = st.doc, st.spans, st.taken
    by_token = {i: m for m in spans for i in range(m.start, m.end)}
    out = []
    for sent in doc.sents:
        # 'X and Y voiced hope as they opened talks': 'they' in a clause of the sentence whose subject named them
        for they in sent:
            if they.lower_ == "they" and they.dep_ == "nsubj" and they.i not in taken \
                    and they.head.dep_ in ("advcl", "conj") and they.head.i != sent.root.i:
                named = _named_together([t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == sent.root.i
                                         and t.i < they.i], by_token, st)
                if len(set(named)) >= 2:
                    out.append(Mention(they.i, they.i + 1, tuple(dict.fromkeys(named)), "pronoun", they.text))
        they = next((t for t in sent if t.dep_ == "nsubj" and t.head.i == sent.root.i), None)
        if they is None or they.lower_ != "they" or they.i in taken or sent.start == 0:
            continue
        prev = doc[sent.start - 1].sent
        subj = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == prev.root.i]
        named = _named_together(subj, by_token, st)
        if len(set(named)) >= 2:
            out.append(Mention(they.i, they.i + 1, tuple(dict.fromkeys(named)), "pronoun", they.text))
    return out


def _named_together(subj: list[Token], by_token: dict[int, Mention], st: FindState) -> list[str]:
    """The actors a clause's one subject names together ('X and Y', 'X, Y and Z'), when every part is one actor."""
    # 'Saudi Arabia, the UAE and Bahrain' is often parsed as an apposition that has the conjuncts
    listed = [a for a in subj[0].children if a.dep_ == "appos" and a.conjuncts][:1] if len(subj) == 1 else []
    parts = [subj[0], *subj[0].conjuncts, *listed, *(listed[0].conjuncts if listed else ())] if subj else []
    if len(parts) < 2:
        return []
    named: list[str] = []
    for part in parts:
        m = by_token.get(part.i)
        if m is None or len(m.actors) != 1 or m.place_only or m.actor not in st.actors:
            return []  # 'Egypt and aid groups': a part that is no actor makes the set unsure
        named.append(m.actor)
    return named
