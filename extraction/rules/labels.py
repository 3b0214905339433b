"""Labels said of an actor: 'X said Y is a dictator' (CRITICISES), 'Y is a good friend of ours, X said' (PRAISES).

The labelling verbs ('called Y a thug', 'described Y as a partner') are read by the verb rule; this rule reads the
plainer form of wire copy, a copular clause reported by a speech verb, and lets the label's words decide the type
by the same polarity lists.

>>> # 'Petro said that Bukele is a "tyrant who jails his critics."'  ->  Petro -CRITICISES-> Bukele
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import SPEECH_VERBS, Found, RuleContext, _pairs, _polarity

# Who may be labelled: acting parties, not bodies of text or places.
LABELLED_KINDS = {"person", "state", "government_body", "igo", "ngo", "armed_group"}


def copula_label_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X said (that) Y is/was a <label>': the label's polarity gives CRITICISES or PRAISES, from X to Y."""
    for tok in ctx.sent:
        if tok.lemma_.lower() != "be" or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        speech = tok.head
        if ctx.negated(tok) or ctx.negated(speech):
            continue  # 'said Y is not a threat', 'did not say …'
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        labels = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
        if len(subjects) != 1 or not labels:
            continue
        labelled = [a for a in ctx.np_actors(subjects[0]) if ctx.kind(a) in LABELLED_KINDS]
        if not labelled:
            continue
        pol = _polarity([t for lab in labels for t in lab.subtree])
        if pol == 0:
            continue
        rtype = "CRITICISES" if pol < 0 else "PRAISES"
        speakers = [a for a in ctx.subject_actors(speech) if a not in labelled]
        for s, o in _pairs(speakers, labelled):
            yield Found(s, rtype, o, tok.i, "label:be", 0.55)
