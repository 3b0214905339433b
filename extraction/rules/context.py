"""Shared vocabulary and argument finding for the relation rules: what a subject, an object or
an actor-naming noun phrase is, negation, blocking governors, and the :class:`Found` record.

The word tables live in :mod:`extraction.rules.vocabulary` and the small helpers in
:mod:`extraction.rules.syntax`; they are re-exported here for the rules that import them from this module."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extraction.discourse import Discourse
from extraction.gazetteer import Gazetteer
from extraction.lexicon import Lexicon
from extraction.mentions import DocMentions
from extraction.rules.syntax import (
    Found,
    _choose,
    _governor,
    _group_pairs,
    _pairs,
    _polarity,
    _relpron_as_object_only,
    _sentences_back,
    each_other,
    event_stem,
    intent_clause,
    party_key,
)
from extraction.rules.vocabulary import (
    ACCEPTING,
    AID_NOUNS,
    BLOCKING_GOVERNORS,
    COMMUNICATIVE,
    DEAL_NOUNS,
    ENACTING_VERBS,
    GENERIC_EVENTS,
    GO_BETWEEN_VERBS,
    GROUP_NOUNS,
    HONORIFIC_WORDS,
    HOSTING_VERBS,
    IN_STATE_NOUNS,
    INSTRUMENT_NOUNS,
    INTENT_NOUNS,
    IRREGULAR_EVENTS,
    ISSUED_NOUNS,
    ISSUING_VERBS,
    JOINING_VERBS,
    JUDGING_VERBS,
    LABEL_VERBS,
    LIGHT_VERBS,
    NEGATIONS,
    NEGATIVE,
    NP_MODS,
    OBJ,
    OF_TARGET_NOUNS,
    ORG_KINDS,
    POSITIVE,
    PRESSURE_VERBS,
    PRIVATE_PERSONS,
    RELPRON,
    REPORT_VERBS,
    REPORTERS,
    REVERSERS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STATE_PROXIES,
    SUBJ,
    SYMMETRIC,
    SYMMETRIC_PREPS,
    TARGET_PREPS,
    TRADE_NOUNS,
    UNDOING_VERBS,
    UNNAMED_FORCES,
    VAGUE_NOUNS,
    VERBAL_CUES,
)

# Re-exported: the rules import these from here.
__all__ = [
    "ACCEPTING",
    "AID_NOUNS",
    "BLOCKING_GOVERNORS",
    "COMMUNICATIVE",
    "DEAL_NOUNS",
    "ENACTING_VERBS",
    "GENERIC_EVENTS",
    "GO_BETWEEN_VERBS",
    "GROUP_NOUNS",
    "HONORIFIC_WORDS",
    "HOSTING_VERBS",
    "INSTRUMENT_NOUNS",
    "INTENT_NOUNS",
    "IN_STATE_NOUNS",
    "IRREGULAR_EVENTS",
    "ISSUED_NOUNS",
    "ISSUING_VERBS",
    "JOINING_VERBS",
    "JUDGING_VERBS",
    "LABEL_VERBS",
    "LIGHT_VERBS",
    "NEGATIONS",
    "NEGATIVE",
    "NP_MODS",
    "OBJ",
    "OF_TARGET_NOUNS",
    "ORG_KINDS",
    "POSITIVE",
    "PRESSURE_VERBS",
    "PRIVATE_PERSONS",
    "RELPRON",
    "REPORTERS",
    "REPORT_VERBS",
    "REVERSERS",
    "SPEECH_NOUNS",
    "SPEECH_VERBS",
    "STATE_PROXIES",
    "SUBJ",
    "SYMMETRIC",
    "SYMMETRIC_PREPS",
    "TARGET_PREPS",
    "TRADE_NOUNS",
    "UNDOING_VERBS",
    "UNNAMED_FORCES",
    "VAGUE_NOUNS",
    "VERBAL_CUES",
    "Found",
    "RuleContext",
    "_choose",
    "_governor",
    "_group_pairs",
    "_pairs",
    "_polarity",
    "_relpron_as_object_only",
    "_sentences_back",
    "each_other",
    "event_stem",
    "intent_clause",
    "party_key",
]


class RuleContext:
    def __init__(self, sent: Span, mentions: DocMentions, lex: Lexicon, gazetteer: Gazetteer,
                 discourse: Discourse) -> None:
        self.sent = sent
        self.m = mentions
        self.discourse = discourse  # the document's events so far, from the extractor
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

    def place_actors(self, tok: Token) -> list[str]:
        """Actors an NP names; a capital named as a place stands for its government ('weapons to Kyiv', 'its
        embassy in Kabul')."""
        found = self.np_actors(tok)
        m = self.m.at(tok)
        if not found and m is not None and m.place_only and m.via == "capital" and tok.i == m.end - 1:
            found = [a for a in m.actors if self.kind(a) == "state"]
        return found

    def np_actors(self, tok: Token, depth: int = 0) -> list[str]:
        """Actors an NP headed by ``tok`` names: the head, its possessor/modifiers, its conjuncts.

        'Colombia's leadership' -> Colombia; 'his government' -> his state; 'U.S. military
        actions' -> the U.S. military; 'Trump and Petro' -> both.
        """
        out: list[str] = []
        m = self.m.at(tok)
        # (also over a group anaphor: 'their two leaders, Vladimir Putin and Recep Tayyip Erdogan' names them)
        person_appos = [a for c in tok.children if c.dep_ == "appos" for a in self.np_actors(c, depth + 1)
                        if self.kind(a) == "person"] if depth < 3 and (m is None or m.via == "group") else []
        named_of = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj" for a in self.np_actors(p, depth + 1) if self.kind(a) == "state"] \
            if m is None and depth < 3 and tok.lower_ in self.lex.word_class("state_naming_nouns") else []
        if person_appos:
            out.extend(person_appos)  # "Egypt's intelligence chief, Hassan Rashad," is Rashad
        elif named_of:
            out.extend(named_of)  # 'the tiny Pacific nation of Nauru' is Nauru
        elif m is not None and not m.place_only:
            out.extend(m.actors)
            for child in tok.children:  # 'The US, UK, European Union and Japan': a list the parser began as an apposition
                cm = self.m.at(child)
                if child.dep_ == "appos" and depth < 3 and cm is not None and not cm.place_only and any(
                        g.dep_ == "conj" for g in child.children) and (not set(cm.actors) & set(m.actors) or tok.doc[
                        child.i - 1].text == "("):  # ('the X Movement (XM) and the Y Front (YF)': the list on 'XM')
                    out.extend(self.np_actors(child, depth + 1))
            for child in tok.children:  # 'Tshisekedi and Rwandan President Kagame' parsed as a modifier + 'and'
                cm = self.m.at(child)
                if cm is not None and cm is not m and child.dep_ in ("nmod", "compound", "amod") \
                        and (any(g.dep_ == "cc" for g in child.children)
                             or (child.i + 2 == m.start and tok.doc[child.i + 1].text in ("-", "–")
                                 and not cm.place_only)):  # 'Russian-Sudanese efforts': both
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
                    if child.dep_ == "amod" and tok.lemma_.lower() in PRIVATE_PERSONS:
                        continue  # 'a Russian-Armenian billionaire who sided with ...' is no state
                    cm = self.m.at(child)
                    if child.dep_ == "compound" and cm is not None and cm.via == "capital" \
                            and self.lex.noun_types(tok.lemma_.lower()):
                        continue  # 'signed the Pretoria agreement with X': named after a city
                    found = self.np_actors(child, depth + 1)
                    if proxy:  # 'his government' is his state; 'the Polisario's leadership' is still the Polisario
                        found = [self.state_of(a) or a if self.kind(a) in ("person", "government_body") else a
                                 for a in found]
                    out.extend(found)
            if tok.pos_ == "NOUN":  # 'sanctioned several PMF figures, including its chairman X': the ones named
                out.extend(a for c in tok.children if c.dep_ == "prep" and c.lower_ == "including"
                           for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p, depth))
            if not out and tok.lemma_.lower() in TRADE_NOUNS:
                # 'a tariff on imports from Canada'
                out.extend(a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children for a in self.np_actors(p, depth + 1))
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

    def _listed_before(self, verb: Token, subj: Token) -> list[str]:
        """Actors a headline lists before the subject with a comma only ('Kenya, Somalia agree to restore
        ties'): the parser hangs the first name on the verb as `dep`, yet both sides act."""
        doc = verb.doc
        out: list[str] = []
        nxt = subj
        for c in sorted((c for c in verb.children if c.i < subj.i and c.dep_ != "punct"), key=lambda t: -t.i):
            m = self.m.at(c)
            if c.dep_ not in ("dep", "npadvmod", "nsubj") or c.right_edge.i + 2 != nxt.left_edge.i \
                    or doc[c.right_edge.i + 1].text != "," or m is None or m.place_only:
                break
            out[:0] = self.np_actors(c)
            nxt = c
        after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i]  # 'Ethiopia, Eritrea sign'
        if after and subj.right_edge.i + 2 == after[0].left_edge.i and doc[subj.right_edge.i + 1].text == ",":
            out.extend(self.np_actors(after[0]))
        return out

    def subject_actors(self, verb: Token, depth: int = 0) -> list[str]:
        if verb.dep_ == "relcl" and _relpron_as_object_only(verb):
            head = verb.head  # 'Kazakhstan and Uzbekistan, which both trade with ...': 'which' parsed as an object
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            return self.np_actors(head)
        for child in verb.children:
            if child.dep_ in SUBJ:
                if child.lower_ in RELPRON and verb.dep_ in ("relcl", "acl"):
                    head = verb.head
                    while head.dep_ == "conj" and head.head.i != head.i:
                        head = head.head  # 'Niger and Burkina Faso, which formed ...': every conjunct
                    found = self.np_actors(head) or self.enactors(head)
                    if child.lower_ == "which":  # 'which' never stands for a person
                        found = [a for a in found if self.kind(a) != "person"]
                    return found
                listed = self._listed_before(verb, child)
                found = list(dict.fromkeys(listed + self.np_actors(child))) if listed else self.np_actors(child)
                if not found and child.lemma_.lower() in ISSUED_NOUNS \
                        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in child.children):
                    found = self.issuers(child)  # 'X summoned Y's envoy to protest ... The protest urged Y to ...'
                return found
            if child.dep_ == "nsubjpass":
                # 'Both leaders are expected to explore ...': the passive subject acts in the xcomp.
                if any(c.dep_ == "xcomp" for c in verb.children):
                    return self.np_actors(child)
        for child in verb.children:
            if child.dep_ == "agent":  # passive 'by X'
                for pobj in child.children:
                    return self.np_actors(pobj)
        if verb.dep_ in ("acl",) and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
            return self.np_actors(verb.head) or self.enactors(verb.head)  # 'the group operating along ...'
        if intent_clause(verb):
            return self.intenders(verb.head)  # 'the U.S. decision to impose sanctions on Russia'
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "xcomp" and depth < 4 \
                and verb.doc[verb.i - 1].text == "," and verb.head.head.pos_ in ("VERB", "AUX"):
            # 'urged Thailand to return the soldiers, accusing the Thai military of ...': the participle after the
            # comma is the urger's, not the one urged
            return self.subject_actors(verb.head.head, depth + 1)
        if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
            ctrl = [a for c in verb.head.children if c.dep_ == "dobj" for a in self.np_actors(c)]
            if ctrl:
                return ctrl  # 'prompting Vučić to accuse Pristina': the object of 'prompt' accuses
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in ("of", "for") \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            done_to = [a for c in verb.head.head.children if c.dep_ == "dobj" for a in self.np_actors(c)]
            if done_to:
                return done_to  # 'accused Tehran of supplying the Houthis': Tehran supplies
        if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() == "join" and depth < 4:
            # 'Germany joined France in calling for a truce': both call for it
            joined = verb.head.head
            return list(dict.fromkeys(self.subject_actors(joined, depth + 1)
                                      + [a for c in joined.children if c.dep_ == "dobj" for a in self.np_actors(c)]))
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
                subj = next((c for c in head.children if c.dep_ in SUBJ | {"nsubjpass"}), None)
                if subj is not None and self.m.at(subj) is None and subj.lower_ not in GROUP_NOUNS | STATE_PROXIES:
                    # 'said the ship had intruded and accused Manila': ships do not accuse; the speaker does
                    # (also 'told X that troops were owed allowances and urged the EU to pay').
                    return self.subject_actors(head.head, depth + 1)
            if head.pos_ in ("VERB", "AUX"):
                return self.subject_actors(head, depth + 1)
            if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
                return self.subject_actors(head.head, depth + 1)  # 'Rabat was ready to meet X'
        return []

    def enactors(self, noun: Token) -> list[str]:
        """Who issued an instrument: 'Washington signed an order [that raised tariffs on China]' -> Washington."""
        if noun.lemma_.lower() not in INSTRUMENT_NOUNS:
            return []
        gov = self.governing_verb(noun)
        if gov is None or noun.dep_ != "dobj" or gov.lemma_.lower() not in ENACTING_VERBS \
                or self.negated(gov) or self.blocked(gov):
            return []
        return self.subject_actors(gov)

    def clause_doers(self, noun: Token) -> list[str]:
        """'Cairo sent troops to Somalia, a move that Addis Ababa condemned': a generic act noun set off by a comma
        after a clause stands for that clause's act, done by its subject."""
        lemma = noun.lemma_.lower()
        if lemma not in GENERIC_EVENTS | SPEECH_NOUNS or noun.left_edge.i <= self.sent.start \
                or noun.doc[noun.left_edge.i - 1].text not in (",", "—", "–"):
            return []
        gov = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if gov is None or gov.i > noun.i or self.negated(gov):
            return []
        if lemma in SPEECH_NOUNS and gov.lemma_.lower() not in SPEECH_VERBS:
            return []  # 'X said ..., remarks that Y dismissed': remarks sum up what was said, not what was done
        return self.subject_actors(gov)

    def _misread_speech_clause(self, verb: Token) -> bool:
        """'X said ..., remarks that Y dismissed' where the tagger read 'remarks' as a verb whose complement is Y's
        clause: the clause has 'that' and no object of its own, and 'remarks' follows a comma after a saying verb."""
        speech = verb.head
        if verb.dep_ != "ccomp" or speech.lower_ not in SPEECH_NOUNS or speech.pos_ not in ("VERB", "AUX") \
                or speech.i <= self.sent.start or speech.doc[speech.i - 1].text not in (",", "—", "–"):
            return False
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
                or any(c.dep_ in OBJ for c in verb.children):
            return False
        gov = speech.head
        return speech.dep_ in ("conj", "ccomp") and gov.i < speech.i and gov.lemma_.lower() in SPEECH_VERBS \
            and not self.negated(gov)

    def event_parties(self, noun: Token, bare: bool = False) -> list[str]:
        """The parties of the talks, deal or truce a definite noun ('the talks', 'the deal') takes up, named before
        in the document (``bare``: a bare plural too, 'talks in Doha, mediated by X'); [] when the noun names its
        own parties (or is indefinite: 'a deal', 'offered to host talks') or the document has not said."""
        dets = [c.lower_ for c in noun.children if c.dep_ == "det"]
        if (not set(dets) & {"the", "this", "that", "these"} and not (bare and not dets and noun.tag_ == "NNS")) \
                or self.m.at(noun) is not None or any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep")
                                                      and self.np_actors(c) for c in noun.children):
            return []
        return list(self.discourse.parties_of(party_key(noun.lemma_)) or ())

    def issuers(self, noun: Token) -> list[str]:
        """Who issued the protest, statement or letter a definite noun ('the protest') refers back to: the doer of
        that act in the last six sentences (the subject of 'protest(ed)', of 'issued a statement', or the noun's
        possessor: "Manila's protest"). None when the document has not said."""
        doc, lemma = noun.doc, noun.lemma_.lower()
        for i in range(noun.i - 1, _sentences_back(self.sent, 6) - 1, -1):
            tok = doc[i]
            if tok.lemma_.lower() != lemma or self.negated(tok):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                found = self.subject_actors(tok)
            else:
                found = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                         for a in self.np_actors(c)]
                if not found and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ISSUING_VERBS \
                        and any(c.dep_ == "nsubj" for c in tok.head.children):
                    found = self.subject_actors(tok.head)  # 'Japan issued a statement ...' (its own subject only)
            if found:
                return list(dict.fromkeys(found))
        return []

    def intenders(self, noun: Token) -> list[str]:
        """Who decided or planned an act named by 'decision/move/plan to V': the noun's possessor or modifier, its
        'by' phrase, or the subject of the verb that announced it ('Kenya announced a plan to ...')."""
        gov = self.governing_verb(noun)
        if gov is not None and gov.lemma_.lower() in UNDOING_VERBS | {"freeze", "block", "veto", "thwart"}:
            return []  # 'froze the country's bid to join the bloc': the bid is halted, nothing is done
        found = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in self.np_actors(c)]
        found += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
        if not found and gov is not None and noun.dep_ == "dobj" and gov.lemma_.lower() in ENACTING_VERBS \
                and not self.negated(gov) and not self.blocked(gov):
            found = self.subject_actors(gov)
        return list(dict.fromkeys(found))

    def object_actors(self, verb: Token, symmetric: bool = False) -> list[str]:
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELPRON for c in verb.children) \
                and not _relpron_as_object_only(verb):
            found = self.np_actors(verb.head) or self.clause_doers(verb.head)  # 'the unit that the FBI blamed'
            if found:
                return found
        if self._misread_speech_clause(verb):
            # ', remarks that Paris dismissed' with 'remarks' tagged a verb: the remarks are what was just said
            found = self.subject_actors(verb.head.head)
            if found:
                return found
        for child in verb.children:
            if child.dep_ in OBJ and verb.lemma_.lower() in JUDGING_VERBS | LABEL_VERBS and self.m.at(child) is None \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in child.children) \
                    and not any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep") and self.np_actors(c)
                                for c in child.children):
                agents = self.discourse.doers(event_stem(child.lemma_))
                if not agents and child.lemma_.lower() in GENERIC_EVENTS and self.discourse.last_act is not None \
                        and self.discourse.last_act[0] >= _sentences_back(self.sent, 3):
                    # 'Peru broke off relations ... Colombia criticised the move'; a state's body acts for the state
                    return list(dict.fromkeys(self.state_of(a) or a if self.kind(a) == "government_body" else a
                                              for a in self.discourse.last_act[1]))
                if agents:
                    # 'North Korea launched a missile ... Lee condemned the launch'; 'U.S. forces seized a tanker ...
                    # Caracas denounced the seizure' is aimed at the state whose unnamed forces acted
                    return list(dict.fromkeys(self.state_of(a) or a if a not in self.gz else a for a in agents))
            if child.dep_ in OBJ and verb.lemma_.lower() in GO_BETWEEN_VERBS:
                parties = self.event_parties(child)
                if parties:
                    return parties  # 'Israel and Hamas resumed talks ... Qatar mediated the talks'
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
        judging = verb.lemma_.lower() in JUDGING_VERBS | LABEL_VERBS
        for child in verb.children:
            # 'fired 500 drones at Ukraine', 'hit the refinery on Russia's coast'; but who 'condemned the aggression
            # against Ukraine' condemns the aggressor, not its victim
            if child.dep_ == "dobj" and not judging:
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
        """When the parse gives a trigger verb no subject: the nearest earlier actor not in an object slot; none
        when the verb names its own parties ('talks between the two nations have been shelved', misparsed as a
        verb: the speaker of the sentence is not a party)."""
        if any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in verb.children
               for p in c.children if p.dep_ == "pobj" and len(self.np_actors(p)) >= 2):
            return []
        cur = verb
        for _ in range(3):
            if any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lower_ in UNNAMED_FORCES for c in cur.children):
                return []  # 'ended ties with Ecuador after police broke into the embassy to arrest X': not Mexico
            if cur.dep_ not in ("xcomp", "advcl") or cur.head.i == cur.i:
                break
            cur = cur.head
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

    def unknown_partner(self, verb: Token) -> bool:
        """'officials from those nations met with Campbell' where Campbell is no known actor: the verb has a named
        partner ('with', 'between', 'among' + a proper name) that resolves to no one, so its subjects did not act
        on each other."""
        return any(c.dep_ == "prep" and c.lower_ in SYMMETRIC_PREPS and p.dep_ == "pobj" and p.pos_ == "PROPN"
                   and self.m.at(p) is None for c in verb.children for p in c.children)

    def negated(self, tok: Token) -> bool:
        # Asked many times per token by the rules; a function of the parse alone, so kept per document.
        cache = tok.doc.user_data.setdefault("actorgraph_negated", {})
        hit = cache.get(tok.i)
        if hit is None:
            hit = cache[tok.i] = self._negated(tok)
        return hit

    def _negated(self, tok: Token) -> bool:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in c.children)
               for c in tok.children):
            return True  # 'would no longer recognise Taiwan'

        if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
            return True  # 'signed the deal without consulting Asmara'
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in tok.children):
            return True  # 'would back the budget only if the government resumed talks with Beijing': not an act
        head = tok
        for _ in range(3):  # 'did not agree to sanction', 'never planned to meet', 'did not commit to summoning'
            up = _governor(head)
            if up is None:
                break
            head = up
            if any(c.dep_ == "neg" for c in head.children):
                return True
        return False

    def blocked(self, tok: Token) -> bool:
        """True for the embedded act of 'refused to meet', 'urged X to sanction'."""
        head = tok
        for _ in range(3):
            up = _governor(head)
            if up is None:
                return False
            clause, head = head, up  # ('told Y to stop' asks for it; 'told reporters that Y struck' does not)
            if head.lemma_.lower() in BLOCKING_GOVERNORS or (head.lemma_.lower() in self.lex.word_class(
                    "control_demand_verbs") and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)):
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
