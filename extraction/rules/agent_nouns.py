"""Agent nouns: the stance one actor holds toward another, named by a noun ('Colombia remains Washington's
closest ally', 'Petro emerged as one of Trump's critics', "Russia's closest ally, Iran,")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import Found, RuleContext, _pairs


def agent_noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Colombia remains Washington's closest ally', 'Petro emerged as one of Trump's critics'."""
    for tok in ctx.sent:
        types = ctx.lex.agent_noun_types(tok.lemma_.lower())
        if not types or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [a for c in tok.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        owners += [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
                   for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        # "Russia's closest European allies": with an owner named, a demonym modifier says where the allies are
        others = owners or [a for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for a in ctx.np_actors(c)]
        if not others:
            continue
        appositive = _appositive_holder(ctx, tok, others)
        if appositive:
            for s, o in _pairs(appositive, others):
                yield Found(s, types[0], o, tok.i, f"agent-noun:{tok.lemma_.lower()}", 0.7)
            continue
        holder: list[str] = []
        cur = tok
        for _ in range(4):  # climb 'one of [critics]' / 'as one of' / conj to the verb
            if cur.dep_ in ("attr", "oprd", "dobj") and cur.head.pos_ in ("VERB", "AUX"):
                if cur.head.lemma_.lower() in ctx.lex.word_class("labelling_verbs"):
                    break  # 'Caracas called him an enemy of the country': a label the speaker gives (CRITICISES)
                if cur.dep_ != "dobj" or cur.head.lemma_.lower() in ("remain", "become", "consider", "see"):
                    holder = ctx.subject_actors(cur.head) if cur.dep_ != "dobj" else ctx.object_actors(cur.head)
                if not holder and cur.dep_ != "dobj" and cur.head.dep_ == "relcl" and any(
                        c.dep_ == "nsubj" and (c.tag_ in ("WDT", "WP") or any(g.tag_ in ("WDT", "WP") for g in c.subtree))
                        for c in cur.head.children):
                    holder = ctx.np_actors(cur.head.head)  # 'X and Y, both of which are Russian allies,'
                break
            if cur.dep_ == "appos":
                if not (cur.head.dep_ in ("dobj", "oprd") and cur.head.head.lemma_.lower() in ctx.lex.word_class("labelling_verbs")):
                    holder = ctx.np_actors(cur.head)  # (but 'called X "an enemy"', parsed as an apposition: a label)
                break
            if cur.dep_ == "nsubj" and cur.head.lemma_.lower() == "be":
                # "Russia's main backer is Belarus": the complement holds the role
                holder = [a for c in cur.head.children if c.dep_ == "attr" for a in ctx.np_actors(c) if a not in others]
                break
            if cur.dep_ == "pobj" and cur.head.lower_ == "as" and cur.head.head.pos_ in ("VERB", "AUX"):
                verb = cur.head.head  # 'emerged as one of X's critics'; 'leaving Rwanda as X's main partner'
                objs = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.np_actors(c)]
                holder = objs or ([] if any(c.dep_ == "dobj" for c in verb.children) else ctx.subject_actors(verb))
                break
            cur = cur.head
            if cur.dep_ == "ROOT":
                break
        if ctx.negated(cur.head if cur.head.i != cur.i else cur):
            continue
        for s, o in _pairs(holder, others):
            yield Found(s, types[0], o, tok.i, f"agent-noun:{tok.lemma_.lower()}", 0.7)


def _appositive_holder(ctx: RuleContext, tok: Token, others: list[str]) -> list[str]:
    """"Russia's closest ally, Iran," and, split by a phrase the apposition hangs on, "Washington's main partner
    in the region, Kenya,": the actor in apposition holds the role."""
    found = [a for c in tok.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    after = ctx.m.at(tok.doc[tok.i + 1]) if tok.i + 1 < ctx.sent.end else None
    if not found and after is not None and after.start == tok.i + 1 and not after.place_only \
            and any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in tok.children):
        found = list(after.actors)  # "Washington's key ally Japan", 'its ally Israel': a name right after the noun
    if not found:
        found = [a for p in tok.children if p.dep_ == "prep" for q in p.children
                 if q.dep_ == "pobj" and (ctx.m.at(q) is None or ctx.m.at(q).place_only)
                 for c in q.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    return [a for a in found if a not in others]
