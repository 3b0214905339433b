"""Relation rules over the dependency parse.

Each rule yields :class:`Found` candidates — (source, type, target) with the
trigger token and the rule's name — that the extractor turns into relations
with evidence. Rules are general: they read trigger words from the lexicon
(``extraction/data/triggers.yaml``) and arguments from grammatical roles,
never from particular sentences.

Rule families:

- ``verb``: subject → object of a trigger verb ("Trump praised Colombia"),
  including passives, relative clauses, inherited subjects of non-finite verbs,
  "refuse to V X" (REJECTS), "threaten to V X" (THREATENS), "urge X to V" (DEMANDS),
  and labelling verbs ("labelled X a 'drug lord'") whose polarity decides
  CRITICISES or PRAISES.
- ``noun``: event nouns ("sanctions against Colombia", "the revocation of
  Petro's U.S. visa", "a call between the two leaders", "X's refusal of Y"),
  with agents from possessors, modifiers, "by/from" phrases or the verb that
  governs the noun, and arguments shared across coordinated event nouns.
- ``agent-noun``: "X remains Y's closest ally", "X emerged as one of Y's critics".
- ``title``: "Colombian President Gustavo Petro" (LEADS), "Foreign Minister X" (MEMBER_OF).
- ``of-org``: "Elizabeth Dickinson of the International Crisis Group" (MEMBER_OF).
- ``report``: "according to UNODC, ...", "United Nations data reveals ...",
  "Experts at WOLA describe ..." (REPORTS_ON).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extraction.gazetteer import Gazetteer
from extraction.lexicon import Lexicon, Role
from extraction.mentions import DocMentions

SUBJ = {"nsubj", "csubj"}
OBJ = {"dobj", "attr", "dative", "oprd"}
NP_MODS = {"poss", "compound", "amod", "nmod", "appos", "npadvmod"}
TARGET_PREPS = {"against", "on", "upon", "at", "toward", "towards", "targeting", "into"}
SYMMETRIC_PREPS = {"with", "between", "among"}
NEGATIONS = {"not", "never", "n't", "no", "without"}
RELPRON = {"that", "which", "who", "whom"}
SYMMETRIC = {"MEETS", "NEGOTIATES", "COOPERATES_WITH", "ALLIED_WITH"}
# Verbs whose embedded verb states what was refused or asked for, not what happened.
BLOCKING_GOVERNORS = {"refuse", "reject", "decline", "urge", "ask", "demand", "call", "press", "deny", "avoid",
                      "oppose", "resist", "stop", "prevent", "threaten", "warn"}
# Verbs that put their object event into the subject's hands ("impose sanctions", "announce the resumption").
LIGHT_VERBS = {
    "accept", "adopt", "agree", "announce", "apply", "approve", "arrive", "attend", "authorise", "authorize", "back",
    "begin", "broaden", "carry", "come", "conduct", "continue", "convene", "coordinate", "deliver", "deploy",
    "double", "enforce", "enter", "escalate", "expand", "explore", "extend", "fly", "give", "go", "have", "head",
    "hike", "hold", "host", "impose", "increase", "initiate", "intensify", "introduce", "issue", "join", "keep",
    "launch", "lead", "level", "levy", "maintain", "make", "mount", "offer", "open", "order", "plan", "pledge",
    "prepare", "press", "promise", "propose", "provide", "pursue", "push", "raise", "reach", "reimpose", "renew",
    "reopen", "respond", "restore", "resume", "retaliate", "return", "seek", "send", "sign", "sit", "slap", "stage",
    "start", "step", "threaten", "tighten", "travel", "triple", "unveil", "welcome"
}
# Event nouns whose "of" object is the target ("the arrest of X", "the revocation of X's visa").
OF_TARGET_NOUNS = {"revocation", "arrest", "capture", "designation", "decertification", "condemnation", "criticism",
                   "rejection", "invasion", "bombing", "detention", "killing", "assassination", "extradition",
                   "sanctioning", "expulsion", "blockade", "occupation", "seizure", "indictment", "praise", "support",
                   "recognition", "abduction", "kidnapping", "impeachment", "ouster", "isolation", "suspension"}
# Event nouns that undo what they govern: "withdrawal of assistance" is a sanction, not support.
REVERSERS = {"withdrawal", "suspension", "cut", "cuts", "halt", "end", "freeze", "termination", "cancellation",
             "revocation", "reduction", "loss"}
POSITIVE = {"honor", "honour", "great", "friend", "partner", "hero", "leader", "ally", "success", "good", "excellent",
            "wonderful", "strong", "brave", "historic", "important", "constructive", "productive", "positive", "model"}
NEGATIVE = {"accomplice", "lord", "criminal", "dictator", "thug", "terrorist", "genocide", "aggression", "traitor",
            "tyrant", "liar", "illegitimate", "enemy", "threat", "narco", "corrupt", "fascist", "murderer", "puppet",
            "terrorism", "terrorists", "sabotage", "provocation", "provocations", "lie", "lies", "violation",
            "servant", "lackey", "stooge", "vassal", "outrageous", "reckless", "irresponsible", "dangerous",
            "unacceptable", "illegal", "unlawful", "aggressive", "destabilising", "destabilizing",
            "non-cooperative", "rogue", "failed", "war", "unreliable", "hostile", "sponsor"}
LABEL_VERBS = {"label", "brand", "characterize", "characterise", "call", "describe", "dub", "term", "denounce",
               "portray", "paint", "cast", "designate", "declare", "deem", "name"}
AID_NOUNS = {"weapon", "arm", "system", "aid", "equipment", "missile", "ammunition", "tank", "fund", "money", "shell",
             "drone", "jet", "supply", "vehicle", "artillery", "munition", "assistance", "food", "fuel", "grain", "vaccine"}
VAGUE_NOUNS = {"effort", "campaign", "step", "action", "move", "measure", "fight", "war", "fighting", "clashes"}
JUDGING_VERBS = {"condemn", "denounce", "criticise", "criticize", "decry", "deplore", "protest", "slam", "blast",
                 "praise", "welcome", "hail", "applaud", "support", "back", "endorse", "reject", "oppose"}
ACCEPTING = {"accept", "recognise", "recognize", "allow", "tolerate", "back", "endorse", "approve", "sign", "support"}
UNDOING_VERBS = {"lift", "ease", "remove", "drop", "waive", "relax", "end", "scrap", "withdraw", "halt", "cancel",
                 "postpone", "delay", "suspend", "pause", "rescind", "revoke"}
PRESSURE_VERBS = {"force", "push", "pressure", "compel", "prompt", "oblige", "coerce", "drive", "make"}
# Publishing findings, not just speaking: 'an EU spokesperson said' is not a report on anyone.
REPORT_VERBS = {"reveal", "show", "find", "indicate", "suggest", "estimate", "document", "report", "describe",
                "assess", "conclude", "record", "count", "detail", "calculate", "chronicle"}
GROUP_NOUNS = {"experts", "analysts", "researchers", "officials", "diplomats", "spokesperson", "spokesman",
               "spokeswoman", "staff", "members", "investigators", "monitors", "economists", "report", "data",
               "study", "analysis", "survey", "figures", "findings", "statement", "assessment", "estimates", "team",
               "friends", "partners", "allies", "counterparts", "mediators", "negotiators", "delegation", "envoys",
               "representatives", "leaders", "ministers", "troops", "forces", "soldiers", "officers", "lawmakers",
               "gunmen", "fighters", "militants", "rebels", "commanders", "units", "insurgents"}
# Group nouns that stand for the state they are 'in': 'our friends in Egypt', 'officials in Kyiv'.
IN_STATE_NOUNS = {"friends", "partners", "allies", "counterparts", "officials", "authorities", "leaders", "government"}
STATE_PROXIES = {"administration", "government", "regime", "cabinet", "leadership", "authorities", "officials", "forces"}
REPORTERS = {"igo", "ngo", "media", "company", "other_org"}
COMMUNICATIVE = {"THREATENS", "CRITICISES", "PRAISES", "DEMANDS", "REJECTS", "NEGOTIATES", "REPORTS_ON", "CONCEDES"}
ORG_KINDS = {"igo", "ngo", "media", "government_body", "company", "other_org", "armed_group"}


HONORIFIC_WORDS = re.compile(r"^(Sheikh|Sheik|Shaikh|Prince|Princess|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Gen\.?|General|"
                             r"Lt\.?|Col\.?|Colonel|Major|Maj\.?|Captain|Capt\.?|Lieutenant|Brigadier|Sergeant|"
                             r"Adm\.?|Admiral|Marshal)$")


@dataclass(frozen=True)
class Found:
    source: str
    type: str
    target: str
    trigger: int        # token index of the trigger word
    rule: str
    confidence: float


class RuleContext:
    def __init__(self, sent: Span, mentions: DocMentions, lex: Lexicon, gazetteer: Gazetteer) -> None:
        self.sent = sent
        self.m = mentions
        self.lex = lex
        self.gz = gazetteer

    def kind(self, actor: str) -> str:
        info = self.m.actors.get(actor)
        return info.kind if info else ""

    def state_of(self, actor: str) -> str | None:
        info = self.m.actors.get(actor)
        if info is None:
            return None
        return actor if info.kind == "state" else info.state

    # -- argument finding ---------------------------------------------------

    def np_actors(self, tok: Token, depth: int = 0) -> list[str]:
        """Actors an NP headed by ``tok`` names: the head, its possessor/modifiers, its conjuncts.

        'Colombia's leadership' -> Colombia; 'his government' -> his state; 'U.S. military
        actions' -> the U.S. military; 'Trump and Petro' -> both.
        """
        out: list[str] = []
        m = self.m.at(tok)
        person_appos = [a for c in tok.children if c.dep_ == "appos" for a in self.np_actors(c, depth + 1)
                        if self.kind(a) == "person"] if depth < 3 and m is None else []
        if person_appos:
            out.extend(person_appos)  # "Egypt's intelligence chief, Hassan Rashad," is Rashad
        elif m is not None and not m.place_only:
            out.extend(m.actors)
            for child in tok.children:  # 'Tshisekedi and Rwandan President Kagame' parsed as a modifier + 'and'
                cm = self.m.at(child)
                if cm is not None and cm is not m and child.dep_ in ("nmod", "compound") \
                        and any(g.dep_ == "cc" for g in child.children):
                    out.extend(cm.actors)
        elif depth < 3 and (m is None or not m.place_only):
            proxy = tok.lower_ in STATE_PROXIES
            for child in tok.children:
                if child.dep_ == "poss" and child.lower_ == "whose":
                    rel = tok
                    while rel.dep_ != "relcl" and rel.head.i != rel.i:
                        rel = rel.head
                    if rel.dep_ == "relcl":  # 'Burundi, whose soldiers support ...'
                        out.extend(self.np_actors(rel.head, depth + 1))
                    continue
                if child.dep_ in NP_MODS:
                    found = self.np_actors(child, depth + 1)
                    if proxy:  # 'his government' is his state
                        found = [self.state_of(a) or a for a in found]
                    out.extend(found)
            if not out and (tok.lower_ in GROUP_NOUNS | STATE_PROXIES or self.lex.role_of(tok.lower_)
                            or (depth == 0 and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubjpass"))):
                # 'members of his government', 'officials at the State Department'
                for child in tok.children:
                    if child.dep_ == "prep" and (child.lower_ in ("of", "at", "from", "with", "in")
                                                 if tok.pos_ != "NOUN" or tok.lower_ in GROUP_NOUNS | STATE_PROXIES
                                                 or self.lex.role_of(tok.lower_) else child.lower_ == "of"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                found = self.np_actors(pobj, depth + 1)
                                if child.lower_ == "in" and tok.lower_ not in IN_STATE_NOUNS:
                                    found = [a for a in found if self.kind(a) != "state"]
                                out.extend(found)
        if depth < 4:
            for child in tok.children:
                if child.dep_ == "conj":
                    out.extend(self.np_actors(child, depth + 1))
        return list(dict.fromkeys(out))

    def actors_at(self, tok: Token) -> list[str]:
        """Actors a single token refers to, reading 'his administration' as his state."""
        m = self.m.at(tok)
        if m is None or m.place_only or tok.i != m.start:
            return []
        if tok.dep_ == "poss" and tok.head.lower_ in STATE_PROXIES:
            return [self.state_of(a) or a for a in m.actors]
        return list(m.actors)

    def subject_actors(self, verb: Token, depth: int = 0) -> list[str]:
        for child in verb.children:
            if child.dep_ in SUBJ:
                if child.lower_ in RELPRON and verb.dep_ in ("relcl", "acl"):
                    head = verb.head
                    while head.dep_ == "conj" and head.head.i != head.i:
                        head = head.head  # 'Niger and Burkina Faso, which formed ...': every conjunct
                    found = self.np_actors(head)
                    if child.lower_ == "which":  # 'which' never stands for a person
                        found = [a for a in found if self.kind(a) != "person"]
                    return found
                return self.np_actors(child)
            if child.dep_ == "nsubjpass":
                # 'Both leaders are expected to explore ...': the passive subject acts in the xcomp.
                if any(c.dep_ == "xcomp" for c in verb.children):
                    return self.np_actors(child)
        for child in verb.children:
            if child.dep_ == "agent":  # passive 'by X'
                for pobj in child.children:
                    return self.np_actors(pobj)
        if verb.dep_ in ("acl",) and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
            return self.np_actors(verb.head)  # 'the group operating along ...'
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            ctrl = [a for c in verb.head.children if c.dep_ == "dobj" for a in self.np_actors(c)]
            if ctrl:
                return ctrl  # 'prompting Vučić to accuse Pristina': the object of 'prompt' accuses
        # Non-finite and coordinated verbs inherit the subject of the verb they hang from.
        if depth < 4 and verb.dep_ in ("xcomp", "advcl", "pcomp", "conj", "acomp") and verb.head.i != verb.i:
            head = verb.head
            if head.dep_ == "prep":
                head = head.head
            if verb.dep_ == "conj" and head.dep_ == "acl" and head.tag_ == "VBN":
                # 'condemned U.S. actions tied to X and denounced Y': the parser hung the second verb on the participle.
                gov = self.governing_verb(head.head)
                if gov is not None:
                    return self.subject_actors(gov, depth + 1)
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX"):
                subj = next((c for c in head.children if c.dep_ in SUBJ), None)
                if subj is not None and self.m.at(subj) is None and subj.lower_ not in GROUP_NOUNS | STATE_PROXIES:
                    # 'said the ship had intruded and accused Manila': ships do not accuse; the speaker does.
                    return self.subject_actors(head.head, depth + 1)
            if head.pos_ in ("VERB", "AUX"):
                return self.subject_actors(head, depth + 1)
        return []

    def object_actors(self, verb: Token, symmetric: bool = False) -> list[str]:
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELPRON for c in verb.children):
            found = self.np_actors(verb.head)  # 'the unit that the FBI blamed'
            if found:
                return found
        for child in verb.children:
            if child.dep_ in OBJ and verb.lemma_.lower() in JUDGING_VERBS | LABEL_VERBS and self.m.at(child) is None \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in child.children) \
                    and not any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep") and self.np_actors(c)
                                for c in child.children):
                agents = self.m.events.get(event_stem(child.lemma_))
                if agents:
                    return list(agents)  # 'North Korea launched a missile ... Lee condemned the launch'
            if child.dep_ in OBJ and self._is_violent_event(child) and verb.lemma_.lower() in JUDGING_VERBS:
                # 'condemned the U.S. operation' targets its agent; 'condemned attacks on civilians' has none
                return [a for c in child.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                        for a in self.np_actors(c)] + \
                       [a for c in child.children if c.dep_ == "prep" and c.lower_ == "by"
                        for p in c.children for a in self.np_actors(p)]
            if child.dep_ in OBJ or child.dep_ == "nsubjpass":
                found = self.np_actors(child)
                if found:
                    return found
        for child in verb.children:
            if child.dep_ == "dobj":  # 'fired 500 drones at Ukraine', 'hit the refinery on Russia's coast'
                for c in child.children:
                    if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                        found = [a for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
                        if found:
                            return found
        preps = SYMMETRIC_PREPS | {"to"} if symmetric else TARGET_PREPS | SYMMETRIC_PREPS | {"to", "of"}
        if verb.lemma_.lower() == "host":
            preps = preps | {"for"}  # 'a summit Trump hosted for him and Aliyev'
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.np_actors(pobj)
                        if found:
                            return found
        return []

    def _is_violent_event(self, tok: Token) -> bool:
        types = self.lex.noun_types(tok.lemma_.lower())
        return bool(types) and types[0] in ("COERCES", "OPPOSES", "SANCTIONS", "THREATENS")

    def fallback_subject(self, verb: Token) -> list[str]:
        """When the parse gives a trigger verb no subject: the nearest earlier actor not in an object slot."""
        for i in range(verb.i - 1, self.sent.start - 1, -1):
            tok = self.sent.doc[i]
            m = self.m.at(tok)
            if m is None or m.place_only or len(m.actors) != 1:
                continue
            if tok.dep_ not in ("nsubj", "nsubjpass", "ROOT", "dep", "advcl", "npadvmod"):
                continue
            if self.kind(m.actor) in ("person", "state", "igo", "ngo", "government_body", "armed_group"):
                return [m.actor]
        return []

    def negated(self, tok: Token) -> bool:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
        head = tok
        for _ in range(3):  # 'did not agree to sanction', 'never planned to meet'
            if head.dep_ not in ("xcomp", "ccomp") or head.head.i == head.i:
                break
            head = head.head
            if any(c.dep_ == "neg" for c in head.children):
                return True
        return False

    def blocked(self, tok: Token) -> bool:
        """True for the embedded act of 'refused to meet', 'urged X to sanction'."""
        head = tok
        for _ in range(3):
            if head.dep_ not in ("xcomp", "ccomp") or head.head.i == head.i:
                return False
            head = head.head
            if head.lemma_.lower() in BLOCKING_GOVERNORS:
                return True
        return False

    def governing_verb(self, tok: Token) -> Token | None:
        """The verb an NP hangs from: 'imposed [sanctions]', 'responded with [threats]'."""
        cur = tok
        for _ in range(6):
            head = cur.head
            if head.i == cur.i:
                return None
            if head.pos_ in ("VERB", "AUX") and cur.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "conj", "prep"):
                return head
            if cur.dep_ in ("conj", "pobj", "prep", "appos", "dobj") or (cur.dep_ == "pobj" and head.dep_ == "prep"):
                cur = head
                continue
            return None
        return None


VERBAL_CUES = {"verbally", "speech", "remarks", "rhetoric", "interview", "tweet", "post", "op-ed", "words", "televised",
               "press", "conference", "statement", "letter", "publicly"}


def _choose(types: list[str], sent: Span) -> str:
    """A trigger listed under several types: 'attack' is CRITICISES in words, COERCES otherwise."""
    if len(types) > 1 and "CRITICISES" in types:
        verbal = any(t.lower_ in VERBAL_CUES for t in sent)
        return "CRITICISES" if verbal else next(t for t in types if t != "CRITICISES")
    return types[0]


def event_stem(lemma: str) -> str:
    """A crude shared stem for a verb and its event noun: demolish/demolition, deport/deportation, strike/strikes."""
    lemma = lemma.lower()
    return lemma[:5] if len(lemma) > 5 else lemma


def _polarity(tokens: list[Token]) -> int:
    words = {t.lower_.strip("‘’'\"") for t in tokens} | {t.lemma_.lower() for t in tokens}
    return (len(words & POSITIVE) > 0) - (len(words & NEGATIVE) > 0)


def _pairs(sources: list[str], targets: list[str]) -> Iterator[tuple[str, str]]:
    for s in sources:
        for t in targets:
            if s != t:
                yield s, t


def _group_pairs(actors: list[str]) -> Iterator[tuple[str, str]]:
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            yield a, b


# -- verbs -------------------------------------------------------------------


def verb_rule(ctx: RuleContext) -> Iterator[Found]:
    """Subject → object of a trigger verb: 'Trump praised Colombia', 'X was sanctioned by Y'."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.dep_ == "ROOT" and tok.tag_.startswith("VB")):
            continue
        lemma = tok.lemma_.lower()
        if not ctx.negated(tok):
            doers = [a for c in tok.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
            if doers:
                ctx.m.events[event_stem(lemma)] = tuple(doers)  # remembered for 'the launch', 'the arrest' later on
        types = ctx.lex.verb_types(lemma)
        if lemma in ACCEPTING and ctx.negated(tok) and not ctx.blocked(tok):
            types = ["REJECTS"]  # 'would never accept', 'does not recognise'
        elif not types or ctx.negated(tok) or ctx.blocked(tok):
            continue
        rtype = _choose(types, ctx.sent)
        if tok.dep_ == "acl" and ctx.lex.noun_types(tok.head.lemma_.lower()):
            continue  # 'sanctions targeting him': the event noun's frame reads this
        with_events = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                       for p in c.children if p.dep_ == "pobj" and ctx.lex.noun_types(p.lemma_.lower())]
        if with_events and rtype == "COERCES":
            continue  # 'hit Russia with sanctions': the noun says what was done
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
            passive = True  # 'the council, headed by Mohamed al-Menfi'
            subj = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
            obj = ctx.np_actors(tok.head)
        elif passive and not any(c.dep_ == "xcomp" for c in tok.children):
            subj = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
            obj = [a for c in tok.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
        else:
            subj = ctx.subject_actors(tok)
            obj = ctx.object_actors(tok, symmetric=rtype in SYMMETRIC)
        conf = 0.75
        subj = subj + [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("alongside",)
                       for p in c.children for a in ctx.np_actors(p) if a not in subj]  # 'backed X alongside the UAE'
        subj_tok = next((c for c in tok.children if c.dep_ in SUBJ), None)
        if rtype in COMMUNICATIVE and subj_tok is not None and ctx.m.at(subj_tok) is None \
                and subj_tok.lower_ not in GROUP_NOUNS | STATE_PROXIES and subj_tok.pos_ == "NOUN" \
                and not any(c.dep_ == "appos" for c in subj_tok.children):
            continue  # 'a Chinese attack could threaten Japan': an event, not an actor, does it
        if not subj and not passive:
            subj = ctx.fallback_subject(tok)
            conf = 0.55

        xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if rtype in ("REJECTS", "NEGOTIATES", "MEETS", "COOPERATES_WITH") and not obj:
            # 'rejected any talks with Washington'
            obj = [a for o in tok.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"
                   and c.lower_ in ("with", "of", "from", "between") for p in c.children for a in ctx.np_actors(p)]
        if rtype == "REJECTS" and xcomp is not None and not obj:
            obj = ctx.object_actors(xcomp)          # 'refused to accept U.S. military flights'
            if not obj:                             # 'refused to open any negotiation with JNIM'
                obj = [a for o in xcomp.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"
                       and c.lower_ in ("with", "of", "from", "to") for p in c.children for a in ctx.np_actors(p)]
        if rtype == "THREATENS" and xcomp is not None and not obj:
            obj = ctx.object_actors(xcomp)          # 'threatened to sanction Colombia'
        if lemma == "call":
            # 'called on X to', 'called X a thug', 'called X' (by phone)
            on = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                  for p in c.children for a in ctx.np_actors(p)]
            label = _label(ctx, tok, subj, obj, rtype)
            if on:
                rtype, obj = "DEMANDS", on
            elif label is not None:
                rtype, obj = label
            elif any(c.dep_ == "dobj" and ctx.m.at(c) is not None for c in tok.children) \
                    and not any(c.dep_ in ("oprd", "xcomp") for c in tok.children):
                rtype = "NEGOTIATES"  # 'Putin called Erdogan' (the object itself is an actor)
            else:
                continue
        elif lemma in LABEL_VERBS:
            found = _label(ctx, tok, subj, obj, rtype)
            if found is not None:
                rtype, obj = found
            elif rtype not in ("CRITICISES", "PRAISES", "REPORTS_ON", "SANCTIONS"):
                continue
        coop_obj = next((c for c in tok.children if c.dep_ == "dobj" and (ctx.lex.noun_types(c.lemma_.lower()) or [""])[0]
                         in ("SUPPORTS", "COOPERATES_WITH", "NEGOTIATES")), None)
        if rtype == "SANCTIONS" and coop_obj is not None:
            # 'froze EU funding', 'suspended its dialogue with Pristina': the partner, not the funder, is hit
            obj = [a for c in coop_obj.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "for")
                   for p in c.children for a in ctx.np_actors(p)]
        if lemma == "send":
            aid = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in AID_NOUNS), None)
            if aid is None:
                continue
            rtype = "SUPPORTS"  # 'Germany would send more air defence systems to Ukraine'
            obj = [a for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
                   for p in c.children for a in ctx.np_actors(p)]
        if lemma == "see":
            obj = [a for a in obj if ctx.kind(a) == "person"]
            if any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                continue  # 'sees Putin as a threat' is a view, not a meeting
        if rtype in ("LEADS", "MEMBER_OF"):
            subj = [a for a in subj if ctx.kind(a) in ("person", "state", "government_body")]
            obj = [a for a in obj if ctx.kind(a) not in ("person",)]
        if rtype in ("THREATENS", "CRITICISES", "DEMANDS") and not obj:
            # 'warned that Hamas would face consequences': the subject of the reported clause.
            obj = [a for c in tok.children if c.dep_ == "ccomp"
                   for s_ in c.children if s_.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(s_)]
        if rtype == "REPORTS_ON" and not all(ctx.kind(s) in ORG_KINDS for s in subj):
            continue
        if rtype in SYMMETRIC and not obj:
            for a, b in _group_pairs(subj):
                yield Found(a, rtype, b, tok.i, f"verb:{lemma}", conf)
        for s, o in _pairs(subj, obj):
            yield Found(s, rtype, o, tok.i, f"verb:{lemma}", conf)


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
    if not label_tokens:
        return None
    if pol > 0:
        return "PRAISES", obj
    if pol < 0:
        # 'designated X as a terrorist organisation' is a sanction, not just words
        return ("SANCTIONS" if verb.lemma_.lower() in ("designate", "list", "blacklist") else "CRITICISES"), obj
    return None


# -- nouns -------------------------------------------------------------------


@dataclass
class NounFrame:
    tok: Token
    type: str
    agents: list[str]
    targets: list[str]
    with_: list[str]
    confidence: float


def _noun_frame(ctx: RuleContext, tok: Token) -> NounFrame | None:
    lemma = tok.lemma_.lower()
    types = ctx.lex.noun_types(lemma) or ctx.lex.noun_types(tok.lower_)
    if not types or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.lower_ in ("no", "without") for c in tok.children) or (tok.head.lower_ == "without"):
        return None
    rtype = base = _choose(types, ctx.sent)
    # 'withdrawal of financial assistance': the governing noun reverses a cooperative event.
    reverser = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if reverser is not None and reverser.lower_ in REVERSERS and rtype in ("SUPPORTS", "COOPERATES_WITH", "NEGOTIATES"):
        rtype = "SANCTIONS"
    else:
        reverser = None
    agents: list[str] = []
    targets: list[str] = []
    with_: list[str] = []
    children = list(tok.children) + ([c for c in reverser.children if c.dep_ == "prep" and c.lower_ != "of"]
                                     if reverser is not None else [])
    for child in children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            agents.extend(ctx.np_actors(child))
        elif child.dep_ == "prep":
            prep = child.lower_
            objs = [a for p in child.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            pobjs = [p for p in child.children if p.dep_ == "pobj"]
            if prep == "by":
                agents.extend(objs)
            elif prep == "from" and rtype in SYMMETRIC | {"SUPPORTS", "THREATENS", "DEMANDS", "PRAISES", "CRITICISES"}:
                agents.extend(objs)
            elif prep in SYMMETRIC_PREPS:
                with_.extend(objs)
            elif lemma in VAGUE_NOUNS and prep not in ("against", "targeting"):
                continue  # 'military action on Mexican soil' names a place, not a target
            elif prep in TARGET_PREPS or (prep in ("to", "for") and base in ("SUPPORTS", "DEMANDS", "THREATENS")):
                targets.extend(objs)
            elif prep == "of" and rtype in SYMMETRIC:
                # 'a meeting of the two leaders', 'the resumption of flights from the United States'
                with_.extend(objs or [a for p in pobjs for c in p.children if c.dep_ == "prep"
                                      and c.lower_ in ("from", "with", "to", "between")
                                      for q in c.children if q.dep_ == "pobj" for a in ctx.np_actors(q)])
            elif prep == "of":
                # 'the revocation of Petro's U.S. visa': the possessor is the target, a state modifier the agent.
                for p in pobjs:
                    poss = [a for c in p.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
                    mods = [a for c in p.children if c.dep_ in ("compound", "nmod", "amod") for a in ctx.np_actors(c)]
                    if poss:
                        targets.extend(poss)
                        agents.extend(a for a in mods if ctx.kind(a) == "state" and a not in poss)
                    else:
                        targets.extend(ctx.np_actors(p))
        elif child.dep_ == "acl":
            # 'sanctions targeting him', 'an operation that captured X' is handled as a verb
            if child.lemma_.lower() in ("target", "aim", "direct", "against", "hit", "affect"):
                targets.extend(a for c in child.children if c.dep_ in ("dobj", "prep")
                               for a in (ctx.np_actors(c) if c.dep_ == "dobj" else
                                         [x for p in c.children if p.dep_ == "pobj" for x in ctx.np_actors(p)]))
    # The subject of the verb that governs the noun: 'X imposed sanctions', 'X responded with threats'.
    verb = ctx.governing_verb(tok)
    conf = 0.7
    if verb is not None and rtype not in SYMMETRIC:
        if not targets and verb.lemma_.lower() in LIGHT_VERBS | {"hit", "slap", "target"}:
            # 'Sanctions were imposed on Venezuela by Washington': the target hangs on the verb
            targets = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                       for p in c.children for a in ctx.np_actors(p)]
        if not agents and any(c.dep_ == "agent" for c in verb.children):
            agents = [a for c in verb.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
        if not targets and tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.i == verb.i:
            # 'Iran has been hit with fresh sanctions by the United States'
            targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
    if not agents and verb is not None and not ctx.negated(verb) and not ctx.blocked(verb):
        vlemma = verb.lemma_.lower()
        if vlemma in LIGHT_VERBS or tok.dep_ in ("dobj", "pobj", "conj", "nsubjpass"):
            subj = ctx.subject_actors(verb)
            if subj and (vlemma in LIGHT_VERBS or verb.dep_ in ("xcomp",)):
                agents = subj
            if vlemma in ("accept", "welcome", "receive", "reject") and with_ == [] and agents and tok.dep_ == "dobj":
                # 'Trump accepted an overture from Petro': the accepting side is the counterpart.
                from_agents = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                               for p in c.children for a in ctx.np_actors(p)]
                if from_agents:
                    with_ = agents
                    agents = from_agents
    if verb is not None and (ctx.negated(verb) or ctx.blocked(verb)):
        return None
    if verb is not None and verb.lemma_.lower() in UNDOING_VERBS:
        return None  # 'lifted sanctions on X', 'ended its support for Y'
    if rtype in SYMMETRIC and not with_ and verb is not None:
        # 'raised the arrest with Kallas in a phone call': the partner hangs on the verb
        with_ = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                 for p in c.children for a in ctx.np_actors(p)]
    if not targets and verb is not None and rtype in ("THREATENS", "SANCTIONS", "COERCES", "DEMANDS"):
        # 'X responded with threats ..., forcing Bogota to reverse course': the one pressed is the target.
        targets = [a for c in verb.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in PRESSURE_VERBS
                   for d in c.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
    return NounFrame(tok, rtype, list(dict.fromkeys(agents)), list(dict.fromkeys(targets)), list(dict.fromkeys(with_)), conf)


def _frame_group(tok: Token) -> Token:
    """The coordination a trigger noun belongs to: 'the imposition of [sanctions], withdrawal of ..., threats ...'."""
    cur = tok
    while cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ == "of":
        cur = cur.head.head
    while cur.dep_ == "conj":
        cur = cur.head
    return cur


def noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """Event nouns: 'U.S. sanctions against Colombia', "Colombia's refusal of U.S. flights", 'a call between X and Y'."""
    frames = [f for tok in ctx.sent if (f := _noun_frame(ctx, tok)) is not None]
    for f in frames:
        if f.agents and f.type not in SYMMETRIC:
            ctx.m.events[event_stem(f.tok.lemma_)] = tuple(f.agents)  # 'Israeli strikes ...' for 'the strikes' later
    # 'threats of a trade war': the nested event is the content of the outer one, not an event of its own.
    heads = {f.tok.i for f in frames}
    frames = [f for f in frames if not (f.tok.dep_ == "pobj" and f.tok.head.lower_ == "of"
                                        and f.tok.head.head.i in heads)]
    # Coordinated event nouns share what one of them states: '[U.S. sanctions against Colombia], [threats of tariffs]'.
    groups: dict[int, list[NounFrame]] = {}
    for f in frames:
        groups.setdefault(_frame_group(f.tok).i, []).append(f)
    for members in groups.values():
        agents = next((f.agents for f in members if f.agents and f.targets), None)
        targets = next((f.targets for f in members if f.agents and f.targets), None)
        for f in members:
            if f.tok.lemma_.lower() in VAGUE_NOUNS:
                continue  # 'military action', 'efforts': only with their own 'against X'
            if agents and not f.agents and f.type not in SYMMETRIC:
                f.agents, f.confidence = agents, 0.6
            if targets and not f.targets and f.type not in SYMMETRIC:
                f.targets, f.confidence = targets, 0.6
    for f in frames:
        if len(f.agents) >= 2 and any(c.lower_ in ("joint", "combined", "coordinated") for c in f.tok.children):
            for a, b in _group_pairs(f.agents):  # 'X and Y launched a joint operation'
                yield Found(a, "COOPERATES_WITH", b, f.tok.i, f"joint:{f.tok.lemma_.lower()}", 0.6)
        rule = f"noun:{f.tok.lemma_.lower()}"
        if f.type in SYMMETRIC:
            parts = list(dict.fromkeys(f.agents + f.with_ + f.targets))
            if f.agents and (f.with_ or f.targets):
                for a in f.agents:
                    for b in f.with_ + f.targets:
                        if a != b:
                            yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
            elif len(parts) >= 2 and (f.with_ or _is_between(f.tok)):
                for a, b in _group_pairs(parts):
                    yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
            elif len(f.agents) >= 2:
                # 'Japanese and Philippine troops began a joint exercise', 'their conversation'
                for a, b in _group_pairs(f.agents):
                    yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
            continue
        for s, o in _pairs(f.agents, f.targets):
            yield Found(s, f.type, o, f.tok.i, rule, f.confidence)
        if not f.agents and not f.targets and len(f.with_) >= 2 and _is_between(f.tok):
            for a, b in _group_pairs(f.with_):  # 'the war between X and Y': each against the other
                yield Found(a, f.type, b, f.tok.i, rule, 0.6)
                yield Found(b, f.type, a, f.tok.i, rule, 0.6)


def _is_between(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children)


def their_rule(ctx: RuleContext) -> Iterator[Found]:
    """'their conversation', 'their meeting': a symmetric event of the two principal people."""
    for tok in ctx.sent:
        types = ctx.lex.noun_types(tok.lemma_.lower())
        if not types or types[0] not in SYMMETRIC:
            continue
        if not any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            continue
        group = next((m for m in ctx.m.mentions if m.via == "group" and m.start < tok.i and len(m.actors) == 2
                      and ctx.kind(m.actors[0]) == "person"), None)
        people = _principal_people(ctx, tok.i)
        pair = group.actors if group else people
        if pair and len(pair) == 2:
            yield Found(pair[0], types[0], pair[1], tok.i, f"their:{tok.lemma_.lower()}", 0.55)


def _principal_people(ctx: RuleContext, before: int) -> tuple[str, ...]:
    sent_people = [m.actor for m in ctx.m.mentions if ctx.sent.start <= m.start < before and len(m.actors) == 1
                   and ctx.kind(m.actor) == "person" and not m.place_only]
    uniq = list(dict.fromkeys(sent_people))
    return tuple(uniq[:2]) if len(uniq) >= 2 else ()


# -- agent nouns ------------------------------------------------------------


def agent_noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Colombia remains Washington's closest ally', 'Petro emerged as one of Trump's critics'."""
    for tok in ctx.sent:
        types = ctx.lex.agent_noun_types(tok.lemma_.lower())
        if not types or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        others = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        others += [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                   for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        if not others:
            continue
        holder: list[str] = []
        cur = tok
        for _ in range(4):  # climb 'one of [critics]' / 'as one of' / conj to the verb
            if cur.dep_ in ("attr", "oprd", "dobj") and cur.head.pos_ in ("VERB", "AUX"):
                if cur.dep_ != "dobj" or cur.head.lemma_.lower() in ("remain", "become", "consider", "call", "see"):
                    holder = ctx.subject_actors(cur.head) if cur.dep_ != "dobj" else ctx.object_actors(cur.head)
                break
            if cur.dep_ == "appos":
                holder = ctx.np_actors(cur.head)
                break
            if cur.dep_ == "pobj" and cur.head.lower_ == "as" and cur.head.head.pos_ in ("VERB", "AUX"):
                holder = ctx.subject_actors(cur.head.head)
                break
            cur = cur.head
            if cur.dep_ == "ROOT":
                break
        if ctx.negated(cur.head if cur.head.i != cur.i else cur):
            continue
        for s, o in _pairs(holder, others):
            yield Found(s, types[0], o, tok.i, f"agent-noun:{tok.lemma_.lower()}", 0.7)


# -- titles and memberships -------------------------------------------------


def title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Colombian President Gustavo Petro' → LEADS; 'Foreign Minister X' → MEMBER_OF."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if m.start < ctx.sent.start or m.end > ctx.sent.end or m.via not in ("name", "ner", "surname"):
            continue
        info = ctx.m.actors.get(m.actor)
        if info is None or info.kind != "person":
            continue
        role, i, name_start = _title_before(ctx, m.start)
        if role is None:
            before_name = ctx.m.at(doc[name_start - 1]) if name_start - 1 >= ctx.sent.start else None
            if before_name is not None and len(before_name.actors) == 1 and before_name.via in ("name", "body") \
                    and ctx.kind(before_name.actor) == "government_body" and before_name.end == name_start:
                # 'U.S. Trade Representative Jamieson Greer': a named office before the name.
                state = ctx.state_of(before_name.actor)
                if state and state != before_name.actor:
                    yield Found(m.actor, "MEMBER_OF", state, m.start, "title:office", 0.7)
                continue
            if name_start - 1 >= ctx.sent.start and doc[name_start - 1].text in GENERIC_TITLES \
                    and name_start - 2 >= ctx.sent.start and doc[name_start - 2].is_title:
                # 'Economy Secretary Marcelo Ebrard': a minister of the state the story is about.
                state = info.state or _sentence_state(ctx) or _principal_state(ctx)
                if state:
                    yield Found(m.actor, "MEMBER_OF", state, m.start, "title:minister", 0.55)
            continue
        sub_unit = False
        while i - 1 >= ctx.sent.start and not ctx.m.at(doc[i - 1]) and doc[i - 1].pos_ in ("ADJ", "NOUN") \
                and doc[i - 1].is_lower and doc[i - 1].dep_ in ("amod", "compound", "nmod") \
                and doc[i - 1].head.i in range(i, name_start + 1):
            # 'U.S. special envoy X', "Egypt's intelligence chief": skip the qualifiers; a noun qualifier
            # means the person heads a part of the state, not the state.
            sub_unit = sub_unit or (doc[i - 1].pos_ == "NOUN" and doc[i - 1].lower_ not in ("deputy", "vice"))
            i -= 1
        before = ctx.m.at(doc[i - 1]) if i - 1 >= ctx.sent.start else None
        if before is None and i - 2 >= ctx.sent.start and doc[i - 1].text in ("'s", "’s"):
            before = ctx.m.at(doc[i - 2])
        after = None
        if m.end + 1 < ctx.sent.end and doc[m.end].lower_ in ("of", "from") and not doc[m.end].is_title:
            after = ctx.m.at(doc[m.end + 1]) or (ctx.m.at(doc[m.end + 2]) if doc[m.end + 1].lower_ == "the"
                                                  and m.end + 2 < ctx.sent.end else None)
        org = None
        if before is not None and len(before.actors) == 1 and ctx.kind(before.actor) in ("state", "igo", "ngo",
                                                                                          "government_body", "armed_group"):
            org = before.actor
        elif after is not None and len(after.actors) == 1 and ctx.kind(after.actor) != "person":
            org = after.actor  # 'Foreign Minister Cho Hyun of South Korea'
        else:
            org = _office_org(ctx, m.actor, role.key) or info.state
            if org is None and m.actor not in ctx.gz and role.key in STATE_OFFICES:
                org = _sentence_state(ctx) or _place_state(ctx)  # 'in Ankara, he met Defence Minister X'
        if org and ctx.kind(org) == "government_body" and not role.leads:
            org = ctx.state_of(org) or org  # 'Chinese foreign ministry spokesman X' works for China
        if org:
            leads = role.leads and ctx.kind(org) != "government_body" and not sub_unit
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"title:{role.key}", 0.8)


GENERIC_TITLES = {"Secretary", "Minister", "Commissioner", "Undersecretary", "Attorney", "Governor", "Spokesman",
                  "Spokeswoman", "Spokesperson", "Adviser", "Advisor"}


def _sentence_state(ctx: RuleContext) -> str | None:
    """The only state the sentence names as an actor (not as a place), if there is exactly one."""
    named = [(m, a) for m in ctx.m.mentions if ctx.sent.start <= m.start < ctx.sent.end and not m.place_only
             and not m.incidental for a in m.actors if ctx.kind(a) == "state"]
    # 'Kihara said Japan had lodged a protest': the state acting as a subject, not the one acted upon
    states = {a for m, a in named if ctx.sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")}
    return next(iter(states)) if len(states) == 1 else None


STATE_OFFICES = {"prime_minister", "foreign_minister", "defence_minister", "minister", "vice_president", "official",
                 "spokesperson"}


def _place_state(ctx: RuleContext) -> str | None:
    """The state of the one capital the sentence names as a place ('where he met X in Ankara')."""
    places = {a for m in ctx.m.mentions if ctx.sent.start <= m.start < ctx.sent.end and m.place_only
              for a in m.actors}
    return next(iter(places)) if len(places) == 1 else None


def _principal_state(ctx: RuleContext) -> str | None:
    counts = ctx.m.counts
    states = sorted((a for a in counts if ctx.kind(a) == "state"), key=lambda a: (-counts[a], a))
    return states[0] if states else None


def _title_before(ctx: RuleContext, start: int) -> tuple[Role | None, int, int]:
    """The role title in the capitalised words right before a name, where it starts, and where the name
    (after honorifics) starts: 'NATO Secretary General Mark Rutte', "Qatar's Minister of State X",
    'Deputy Secretary of State X', 'Prime Minister Sheikh Mohammed X'."""
    doc = ctx.sent.doc
    name_starts = [start]
    k = start
    while k - 1 >= ctx.sent.start and HONORIFIC_WORDS.match(doc[k - 1].text):
        k -= 1
        name_starts.append(k)
    for name_start in name_starts:  # 'General' may be a rank or part of 'Secretary General'
        lo = name_start
        while lo - 1 >= ctx.sent.start and name_start - (lo - 1) <= 6 and not ctx.m.at(doc[lo - 1]) and (
                doc[lo - 1].is_title or doc[lo - 1].lower_ in ("of", "for", "-") or ctx.lex.role_of(doc[lo - 1].lower_)):
            lo -= 1
        for length in range(name_start - lo, 0, -1):  # longest title first, nearest the name first
            for k in range(name_start - length, lo - 1, -1):
                role = ctx.lex.role_of(doc[k : k + length].text)
                if role:
                    # the org may stand before qualifiers: "Qatar's Minister of State", 'Deputy Secretary of State'
                    return role, lo, name_start
    return None, start, start


def _office_org(ctx: RuleContext, person: str, role: str) -> str | None:
    gz = ctx.gz
    if person not in gz:
        return None
    offices = [o for o in gz.get(person).offices if o.role == role]
    return offices[-1].of if offices else None


def role_rule(ctx: RuleContext) -> Iterator[Found]:
    """"Hungary's foreign minister" (resolved to the office holder) → MEMBER_OF Hungary; 'the U.S. president' → LEADS."""
    for m in ctx.m.mentions:
        if m.via != "role" or not (ctx.sent.start <= m.start < ctx.sent.end) or not m.org or not m.role:
            continue
        role = ctx.lex.roles.get(m.role)
        if role is not None:
            yield Found(m.actor, "LEADS" if role.leads else "MEMBER_OF", m.org, m.start, f"role:{m.role}", 0.7)


def appos_title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Gustavo Petro, the Colombian president,' / "Colombia's president, Gustavo Petro" → LEADS."""
    for tok in ctx.sent:
        if tok.dep_ != "appos":
            continue
        a, b = tok.head, tok
        hop = a
        for _ in range(4):  # "Russia's ambassador to the organisations in Vienna, Mikhail Ulyanov"
            if ctx.lex.role_of(hop.text) or ctx.lex.role_of(hop.lower_) or hop.head.i == hop.i:
                break
            hop = hop.head
        if hop.i != a.i and (ctx.lex.role_of(hop.text) or ctx.lex.role_of(hop.lower_)) and hop.pos_ in ("NOUN", "PROPN"):
            a = hop
        for person_tok, role_tok in ((a, b), (b, a)):
            pm = ctx.m.at(person_tok)
            if pm is None or len(pm.actors) != 1 or ctx.kind(pm.actor) != "person" or pm.via == "role":
                continue
            mods = [c for c in role_tok.lefts if c.dep_ in ("compound", "amod") and c.i == role_tok.i - 1]
            role = (ctx.lex.role_of(f"{mods[0].text} {role_tok.text}") if mods else None) \
                or ctx.lex.role_of(role_tok.text) or ctx.lex.role_of(role_tok.lower_)  # 'prime minister'
            if role is None:
                # 'Lina Haddad, a senior fellow at the Carnegie Middle East Center': membership by affiliation.
                if role_tok.pos_ == "NOUN" and person_tok.i == a.i:
                    for c in role_tok.subtree:
                        if c.dep_ == "prep" and c.lower_ in ("at", "of", "with", "from") and c.head.pos_ == "NOUN":
                            for p in c.children:
                                for org in ctx.np_actors(p):
                                    if ctx.kind(org) in ORG_KINDS:
                                        yield Found(pm.actor, "MEMBER_OF", org, tok.i, "appos-affiliation", 0.7)
                continue
            own = ("compound", "amod", "nmod") if role.key == "counterpart" else ("poss", "compound", "amod", "nmod")
            # 'his Turkish counterpart Hakan Fidan': the possessor is the other side, the adjective the own
            orgs = [x for c in role_tok.children if c.dep_ in own for x in ctx.np_actors(c)]
            orgs += [x for c in role_tok.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "to")
                     for p in c.children for x in ctx.np_actors(p)]  # 'adviser to President Lula'
            sub_unit = any(c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and not ctx.m.at(c) for c in role_tok.children)
            relpron_owner = _whose_owner(ctx, role_tok)
            if relpron_owner:
                orgs = relpron_owner  # 'the Karen Border Guard Force, whose commander, Saw Chit Thu, ...'
            orgs = [ctx.state_of(o) or o if ctx.kind(o) == "person" else o for o in orgs]  # 'His interior minister'
            if not orgs:
                info = ctx.m.actors.get(pm.actor)
                fallback = _office_org(ctx, pm.actor, role.key) or (info.state if info else None)
                orgs = [fallback] if fallback else []
            for org in orgs:
                if org != pm.actor and ctx.kind(org) != "person":
                    leads = role.leads and ctx.kind(org) != "government_body" and not sub_unit
                    yield Found(pm.actor, "LEADS" if leads else "MEMBER_OF", org, tok.i, f"appos-title:{role.key}", 0.75)


def _whose_owner(ctx: RuleContext, role_tok: Token) -> list[str]:
    """'X, whose commander ...': the relative clause's antecedent owns the role."""
    if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in role_tok.children):
        return []
    cur = role_tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            return ctx.np_actors(cur.head)
        cur = cur.head
    return []


def comma_title_rule(ctx: RuleContext) -> Iterator[Found]:
    """Linear fallback for "Myanmar's foreign minister, Than Swe," when the parse misses the apposition."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start + 2 <= m.start < ctx.sent.end) or len(m.actors) != 1 or ctx.kind(m.actor) != "person":
            continue
        if doc[m.start - 1].text != "," or (m.end < ctx.sent.end and doc[m.end].text not in (",", ".")):
            continue
        role_i = m.start - 2
        role = ctx.lex.role_of(doc[role_i].text) or ctx.lex.role_of(doc[role_i].lower_)
        if role is None and role_i - 1 >= ctx.sent.start:  # 'secretary general'
            role = ctx.lex.role_of(doc[role_i - 1 : role_i + 1].text)
            role_i -= 1
        if role is None:
            continue
        org = None
        for j in range(role_i - 1, max(ctx.sent.start, role_i - 6) - 1, -1):
            if doc[j].lower_ == "whose":  # 'the OAS, whose secretary general, Albert Ramdin, ...'
                k = j - 1 if j - 1 >= ctx.sent.start and doc[j - 1].text != "," else j - 2
                om = ctx.m.at(doc[k]) if k >= ctx.sent.start else None
                if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) != "person":
                    org = om.actor
                break
            om = ctx.m.at(doc[j])
            if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) in ORG_KINDS | {"state"}:
                org = om.actor
                break
            if doc[j].text in (",", ";", "—"):
                break
        if org:
            leads = role.leads and ctx.kind(org) != "government_body"
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"comma-title:{role.key}", 0.6)


def led_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the Kenya-led mission', 'a U.S.-led coalition' → the leader LEADS the organisation."""
    for tok in ctx.sent:
        if tok.lower_ != "led" or tok.dep_ not in ("amod", "acl", "compound"):
            continue
        leaders = [a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") for a in ctx.np_actors(c)]
        org = ctx.np_actors(tok.head)
        for s_, o in _pairs(leaders, org):
            if ctx.kind(o) not in ("person", "state"):
                yield Found(s_, "LEADS", o, tok.i, "x-led", 0.6)


def org_of_person_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the Libyan National Army of Khalifa Haftar' → the person LEADS the organisation."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1:
            continue
        if ctx.kind(m.actor) not in ("armed_group", "other_org", "government_body", "ngo"):
            continue
        j = m.end
        if j + 1 < ctx.sent.end and doc[j].lower_ == "of":
            pm = ctx.m.at(doc[j + 1])
            if pm is not None and len(pm.actors) == 1 and ctx.kind(pm.actor) == "person" and pm.start == j + 1:
                yield Found(pm.actor, "LEADS", m.actor, m.start, "org-of-person", 0.6)


def of_org_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Elizabeth Dickinson of the International Crisis Group' → MEMBER_OF."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1 or ctx.kind(m.actor) != "person":
            continue
        j = m.end
        if j < ctx.sent.end and doc[j].text == ",":
            j += 1  # 'X, a researcher at Y' is handled by the appos rule; 'X, of Y' here
        if j >= ctx.sent.end or doc[j].lower_ not in ("of", "at", "from", "with"):
            continue
        j += 1
        if j < ctx.sent.end and doc[j].lower_ == "the":
            j += 1
        if j >= ctx.sent.end:
            continue
        org = ctx.m.at(doc[j])
        if org and len(org.actors) == 1 and ctx.kind(org.actor) in ORG_KINDS:
            yield Found(m.actor, "MEMBER_OF", org.actor, m.start, "of-org", 0.8)


# -- reporting --------------------------------------------------------------


def _clause_actors(ctx: RuleContext, head: Token, exclude: set[str]) -> list[str]:
    """Actors in a clause, not counting those inside its own subordinate clauses."""
    out: list[str] = []

    def walk(tok: Token, top: bool) -> None:
        if not top and tok.dep_ in ("advcl", "relcl", "ccomp", "acl", "xcomp", "parataxis") and tok.pos_ in ("VERB", "AUX"):
            return
        out.extend(ctx.actors_at(tok))
        for c in tok.children:
            walk(c, False)

    walk(head, True)
    return [a for a in dict.fromkeys(out) if a not in exclude and ctx.kind(a) in ("state", "person", "armed_group",
                                                                                     "government_body", "igo", "ngo")]


def report_rule(ctx: RuleContext) -> Iterator[Found]:
    """'..., according to UNODC'; 'United Nations data reveals ...'; 'Experts at WOLA describe ...'."""
    for tok in ctx.sent:
        # according to X
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            sources = [a for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"
                       for a in ctx.np_actors(p)]
            sources = [s for s in sources if ctx.kind(s) in REPORTERS]
            if not sources:
                continue
            # Parses of long reported clauses are fragile: take the words on the reported side of the phrase,
            # up to the next clause break ('..., fueling X's narrative' is the writer's, not the source's).
            src_end = max(t.i for c in tok.children for t in c.subtree) + 1
            if tok.i == ctx.sent.start or ctx.sent.doc[tok.i - 1].text in ("(", "—"):
                span = range(src_end, ctx.sent.end)
            else:
                start = ctx.sent.start
                span = range(start, tok.i)
            targets = [a for i in span for a in ctx.actors_at(ctx.sent.doc[i]) if a not in sources
                       and ctx.kind(a) in ("state", "person", "armed_group", "government_body", "igo", "ngo")]
            for s, o in _pairs(sources, list(dict.fromkeys(targets))):
                yield Found(s, "REPORTS_ON", o, tok.i, "report:according-to", 0.65)
            continue
        # <org / org's data / experts at org> <report verb> <clause>
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in REPORT_VERBS or ctx.negated(tok):
            continue
        subj_tok = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj_tok is None:
            continue
        sources = [s for s in ctx.np_actors(subj_tok) if ctx.kind(s) in ("igo", "ngo", "media")]
        if not sources and subj_tok.lower_ in GROUP_NOUNS:
            sources = [s for c in subj_tok.children if c.dep_ == "prep" and c.lower_ in ("at", "from", "of")
                       for p in c.children for s in ctx.np_actors(p) if ctx.kind(s) in REPORTERS]
            sources += [s for c in subj_tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                        for p in a.children for s in ctx.np_actors(p) if ctx.kind(s) in REPORTERS]
        if not sources:
            continue
        targets: list[str] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "ccomp", "attr", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("on", "about", "in")):
                targets += [a for a in _clause_actors(ctx, c, set(sources))
                            if ctx.kind(a) in ("state", "person", "armed_group", "government_body")]
                if c.dep_ == "dobj" and c.lemma_.lower() in ("relationship", "relations", "ties"):
                    targets += _principal_dyad(ctx)
        if not targets:  # the reported clause hung elsewhere by the parser: what follows the verb
            targets = [a for t in ctx.sent[tok.i - ctx.sent.start + 1 :] for a in ctx.actors_at(t)
                       if a not in sources and ctx.kind(a) in ("state", "person", "armed_group", "government_body")
                       and ctx.m.at(t).via not in ("capital", "seat")]
        for s, o in _pairs(sources, list(dict.fromkeys(targets))):
            yield Found(s, "REPORTS_ON", o, tok.i, f"report:{tok.lemma_.lower()}", 0.6)


def under_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X is under U.S. sanctions', 'X came under Russian attack' → the modifier acts on the subject."""
    for tok in ctx.sent:
        if tok.lower_ != "under" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = tok.head
        if ctx.negated(verb):
            continue
        for noun in (c for c in tok.children if c.dep_ == "pobj"):
            types = ctx.lex.noun_types(noun.lemma_.lower())
            if not types or types[0] not in ("SANCTIONS", "COERCES", "THREATENS", "CRITICISES"):
                continue
            agents = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
            targets = ctx.subject_actors(verb)
            placed = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.np_actors(c)]
            if placed:  # 'the Security Council placed X under an arms embargo'
                agents, targets = targets, placed
            for s_, o in _pairs(agents, targets):
                yield Found(s_, types[0], o, noun.i, f"under:{noun.lemma_.lower()}", 0.6)


REPORT_NOUNS = {"report", "study", "analysis", "survey", "paper", "assessment", "investigation", "audit", "review"}


def report_noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """'a report by IAEA chief X, which says inspectors had no access to Iran's stockpile' → REPORTS_ON."""
    for tok in ctx.sent:
        if tok.lemma_.lower() not in REPORT_NOUNS or tok.pos_ != "NOUN":
            continue
        sources = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                   for p in c.children for a in ctx.np_actors(p)]
        sources += [a for c in tok.children if c.dep_ in ("poss", "compound") for a in ctx.np_actors(c)]
        sources = [a for a in sources if ctx.kind(a) in REPORTERS | {"person"}]
        if not sources:
            continue
        targets = []
        for c in tok.children:
            if (c.dep_ in ("relcl", "acl") and c.lemma_.lower() in REPORT_VERBS) or (c.dep_ == "prep" and c.lower_ in ("on", "about")):
                targets += [a for t in c.subtree if not any(x.lower_ in TEMPORAL_PREPS for x in t.ancestors
                                                             if x.i > c.i and x.dep_ == "prep")
                            for a in ctx.actors_at(t) if ctx.kind(a) in ("state", "person", "armed_group")]
        for s_, o in _pairs(sources, list(dict.fromkeys(targets))):
            yield Found(s_, "REPORTS_ON", o, tok.i, f"report-noun:{tok.lemma_.lower()}", 0.55)


TEMPORAL_PREPS = {"since", "after", "before", "during", "until", "despite"}


def _principal_dyad(ctx: RuleContext) -> list[str]:
    """The two actors most mentioned in the document (people first): whom 'the relationship' is about."""
    counts = ctx.m.counts
    people = sorted((a for a in counts if ctx.kind(a) == "person"), key=lambda a: -counts[a])[:2]
    return people if len(people) == 2 else []


RULES = (verb_rule, noun_rule, their_rule, agent_noun_rule, title_rule, role_rule, appos_title_rule, comma_title_rule,
         of_org_rule, org_of_person_rule, led_rule, report_rule, report_noun_rule, under_rule)
