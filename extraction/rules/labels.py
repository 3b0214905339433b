"""Labels said of an actor: 'X said Y is a dictator' (CRITICISES), 'Y is a good friend of ours, X said' (PRAISES).

The labelling verbs ('called Y a thug', 'described Y as a partner') are read by the verb rule; this rule reads the
plainer form of wire copy, a copular clause reported by a speech verb, and lets the label's words decide the type
by the same polarity lists.

>>> # 'Petro said that Bukele is a "tyrant who jails his critics."'  ->  Petro -CRITICISES-> Bukele
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import SPEECH_VERBS, Found, RuleContext, _pairs, _polarity
from extraction.rules.quotes import carried_speakers

# Who may be labelled: acting parties, not bodies of text or places.
LABELLED_KINDS = {"person", "state", "government_body", "igo", "ngo", "armed_group"}


def copula_label_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X said (that) Y is/was a <label>': the label's polarity gives CRITICISES or PRAISES, from X to Y."""
    for tok in ctx.sent:
        if tok.lemma_.lower() != "be":
            continue
        # (or a quote's later sentence, said by the speaker of the one before: '"It is a terrorist state."')
        carried = carried_speakers(ctx) if tok.dep_ == "ROOT" else []
        if not carried and (tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH_VERBS):
            continue
        speech = tok.head
        if ctx.negated(tok) or (not carried and ctx.negated(speech)):
            continue  # 'said Y is not a threat', 'did not say …'
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        labels = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
        if len(subjects) != 1 or not labels:
            continue
        labelled = [a for a in ctx.np_actors(subjects[0]) if ctx.kind(a) in LABELLED_KINDS]
        acl = next((c.i for c in subjects[0].children if c.dep_ == "acl"), None)
        if acl is not None:
            # "Y's actions to remove the party and its members are ...": the parser may join the clause's own object
            # to the subject; what follows the clause is not labelled
            tail = {a for c in subjects[0].children if c.dep_ == "conj" and c.i > acl for a in ctx.np_actors(c)}
            head = {a for c in subjects[0].children if c.dep_ != "conj" for a in ctx.np_actors(c)}
            labelled = [a for a in labelled if a not in tail - head]
        if not labelled:
            continue
        pol = _polarity([t for lab in labels for t in lab.subtree])
        if pol == 0 and {t.lower_.strip("‘’'\"") for lab in labels for t in lab.subtree} \
                & ctx.lex.word_class("negative_labels"):
            pol = -1  # "said Y's comment was regrettable" (the file's words of blame)
        if pol == 0:
            continue
        rtype = "CRITICISES" if pol < 0 else "PRAISES"
        speakers = [a for a in (carried or ctx.subject_actors(speech)) if a not in labelled]
        for s, o in _pairs(speakers, labelled):
            yield Found(s, rtype, o, tok.i, "label:be", 0.55)


def _label(ctx: RuleContext, verb: Token, subj: list[str], obj: list[str], rtype: str) -> tuple[str, list[str]] | None:
    """'labelled Petro a drug lord', 'described X as a great partner': polarity of the label decides."""
    label_tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("oprd", "attr", "xcomp", "ccomp"):
            label_tokens.extend(child.subtree)
        if child.dep_ == "prep" and child.lower_ == "as":
            label_tokens.extend(child.subtree)
        if child.dep_ == "dobj":
            for g in child.children:
                if g.dep_ in ("appos", "acl", "oprd", "relcl") or (g.dep_ == "prep" and g.lower_ == "as"):
                    label_tokens.extend(g.subtree)
    pol = _polarity(label_tokens)
    if pol == 0 and {t.lower_.strip("‘’'\"") for t in label_tokens} & ctx.lex.word_class("negative_labels"):
        pol = -1  # 'calling its actions "reprehensible"' (the file's words of blame)
    if not label_tokens:
        return None
    if not obj:  # 'calling Iran's conduct unacceptable': the small clause's subject is what is labelled
        obj = [a for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") for s in c.children
               if s.dep_ == "nsubj" for a in ctx.np_actors(s)]
    if not obj and verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in verb.children):
        # "Trump's threat, which Caracas called 'an act of craziness'": whose act the relative pronoun stands for
        act = verb.head
        obj = [a for m in act.children if m.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(m)] + [
            a for g in act.children if g.dep_ == "prep" and g.lower_ == "by" for p in g.children for a in ctx.np_actors(p)]
    if not obj:  # "called the council's move a 'breach of ...'" (the parser's complement): whose act it is
        obj = [a for c in verb.children if c.dep_ == "oprd" and c.lemma_.lower() in ctx.lex.word_class("act_nouns")
               for p in c.children if p.dep_ in ("poss", "compound", "amod") for a in ctx.np_actors(p)]
    if pol > 0:
        return "PRAISES", obj
    if pol < 0:
        # 'designated X as a terrorist organisation' is a sanction, not just words
        return ("SANCTIONS" if verb.lemma_.lower() in ("designate", "list", "blacklist") else "CRITICISES"), obj
    return None
