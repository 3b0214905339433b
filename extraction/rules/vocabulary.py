"""The word tables the relation rules share: dependency labels, blocking governors, light verbs, event nouns,
words of praise and blame, and the other closed classes the argument finders read."""

from __future__ import annotations

import re

from extraction.mentions import STATE_PROXIES as MENTION_PROXIES

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
                      "task", "request", "appeal", "oppose", "resist", "stop", "prevent", "threaten", "warn",
                      "refrain", "abstain"}

# Verbs that put their object event into the subject's hands ("impose sanctions", "announce the resumption").
# ('wag' is how the parser lemmatises 'waged'.)
LIGHT_VERBS = {
    "accept", "adopt", "agree", "announce", "apply", "approve", "arrive", "attend", "authorise", "authorize", "back",
    "begin", "boost", "bolster", "broaden", "carry", "come", "conduct", "continue", "convene", "coordinate", "deepen",
    "deliver", "deploy",
    "double", "enforce", "enter", "escalate", "expand", "explore", "extend", "fly", "give", "go", "have", "head",
    "hike", "hold", "host", "impose", "kick", "increase", "initiate", "intensify", "introduce", "issue", "join", "keep",
    "launch", "lead", "level", "levy", "maintain", "make", "mount", "offer", "open", "order", "plan", "pledge",
    "prepare", "press", "prolong", "promise", "propose", "provide", "pursue", "push", "raise", "reach", "reimpose", "renew",
    "reopen", "respond", "restore", "resume", "retaliate", "return", "seek", "send", "sign", "sit", "slap", "stage",
    "start", "step", "strengthen", "threaten", "tighten", "travel", "triple", "unveil", "wage", "wag", "welcome"
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
            "non-cooperative", "rogue", "failed", "war", "unreliable", "hostile", "sponsor", "interference",
            "meddling", "unjust", "counterproductive", "separatist", "separatists", "extremist", "extremists",
            "warmonger", "warmongers", "blackmail", "baseless", "groundless", "slander", "smear", "propaganda",
            "hypocrisy", "hypocritical", "absurd", "saber-rattling", "sabre-rattling", "betrayal", "stab",
            # names of wrongdoers: 'a leader of drug traffickers', 'a mob boss' (a label with one blames)
            "trafficker", "smuggler", "gangster", "mobster", "mob", "warlord", "killer", "butcher", "thief", "crook",
            "racist", "menace", "bully", "aggressor", "occupier", "invader", "criminals", "murderers", "mafia",
            "hostage-taker", "kidnapper", "usurper", "despot", "autocrat", "tyranny", "nazi", "nazis"}

LABEL_VERBS = {"label", "brand", "characterize", "characterise", "call", "describe", "dub", "term", "denounce",
               "portray", "paint", "cast", "designate", "declare", "deem", "name"}

AID_NOUNS = {"weapon", "arm", "system", "aid", "equipment", "missile", "ammunition", "tank", "fund", "money", "shell",
             "drone", "jet", "supply", "vehicle", "artillery", "munition", "assistance", "food", "fuel", "grain", "vaccine"}

VAGUE_NOUNS = {"effort", "campaign", "step", "action", "move", "measure", "fight", "war", "fighting", "clashes"}

JUDGING_VERBS = {"condemn", "denounce", "criticise", "criticize", "decry", "deplore", "protest", "slam", "blast",
                 "praise", "welcome", "hail", "applaud", "support", "back", "endorse", "reject", "oppose", "dismiss",
                 "deny", "rebuff"}

ACCEPTING = {"accept", "recognise", "recognize", "allow", "tolerate", "back", "endorse", "approve", "sign", "support"}

UNDOING_VERBS = {"lift", "ease", "remove", "drop", "waive", "relax", "end", "scrap", "withdraw", "halt", "cancel",
                 "postpone", "delay", "suspend", "pause", "rescind", "revoke", "sever", "break", "downgrade",
                 "snap", "cut", "rupture"}

PRESSURE_VERBS = {"force", "push", "pressure", "compel", "prompt", "oblige", "coerce", "drive", "make"}

# Publishing findings, not just speaking: 'an EU spokesperson said' is not a report on anyone.
REPORT_VERBS = {"reveal", "show", "find", "indicate", "suggest", "estimate", "document", "report", "describe",
                "assess", "conclude", "record", "count", "detail", "calculate", "chronicle"}

GROUP_NOUNS = {"experts", "analysts", "researchers", "officials", "diplomats", "spokesperson", "spokesman",
               "spokeswoman", "staff", "members", "investigators", "monitors", "economists", "report", "data",
               "study", "analysis", "survey", "figures", "findings", "statement", "assessment", "estimates", "team",
               "friends", "partners", "allies", "counterparts", "mediators", "negotiators", "delegation", "envoys",
               "representatives", "leaders", "ministers", "troops", "forces", "soldiers", "officers", "lawmakers",
               "gunmen", "fighters", "militants", "rebels", "commanders", "units", "insurgents", "secretaries",
               "presidents", "chiefs", "heads", "premiers"}

# Group nouns that stand for the state they are 'in': 'our friends in Egypt', 'officials in Kyiv'.
IN_STATE_NOUNS = {"friends", "partners", "allies", "counterparts", "officials", "authorities", "leaders", "government"}

# The government nouns the mention finder reads, plus plural nouns that stand for a state in a phrase.
STATE_PROXIES = MENTION_PROXIES | {"officials", "forces"}

TRADE_NOUNS = {"import", "imports", "export", "exports", "good", "goods", "product", "products", "steel", "shipment",
               "car", "cars", "produce", "commodity", "commodities", "oil", "gas", "grain"}

REPORTERS = {"igo", "ngo", "media", "company", "other_org"}

COMMUNICATIVE = {"THREATENS", "CRITICISES", "PRAISES", "DEMANDS", "REJECTS", "NEGOTIATES", "REPORTS_ON", "CONCEDES"}

ORG_KINDS = {"igo", "ngo", "media", "government_body", "company", "other_org", "armed_group"}

HONORIFIC_WORDS = re.compile(r"^(Sheikh|Sheik|Shaikh|Prince|Princess|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Gen\.?|General|"
                             r"Lt\.?|Col\.?|Colonel|Major|Maj\.?|Captain|Capt\.?|Lieutenant|Brigadier|Sergeant|"
                             r"Adm\.?|Admiral|Marshal)$")

VERBAL_CUES = {"verbally", "speech", "remarks", "rhetoric", "interview", "tweet", "post", "op-ed", "words", "televised",
               "press", "conference", "statement", "letter", "publicly"}

# Event nouns whose first letters differ from their verb's: 'detained ... the detentions'.
IRREGULAR_EVENTS = {"detention": "detain", "detentions": "detain", "invasion": "invade", "seizure": "seize",
                    "seizures": "seize", "decision": "decide", "intervention": "intervene", "abduction": "abduct",
                    "deployment": "deploy", "withdrawal": "withdraw", "expulsion": "expel",
                    # nouns that name what another verb did: 'accused X ... denied the allegations'
                    "allegation": "accuse", "allegations": "accuse", "charge": "accuse", "charges": "accuse",
                    "warning": "warn", "warnings": "warn", "proposal": "offer", "propose": "offer",
                    "request": "ask", "requests": "ask", "closure": "close", "closures": "close",
                    # strikes from the air by any name: 'warplanes struck ... condemned the raids'
                    "raid": "strike", "raids": "strike", "bomb": "strike", "bombing": "strike", "airstrike": "strike",
                    "airstrikes": "strike", "bombard": "strike", "bombardment": "strike", "struck": "strike"}

# Nouns that name whatever act was reported last: 'criticised the move', 'condemned the decision'.
GENERIC_EVENTS = {"move", "decision", "step", "measure", "action"}

# Nouns for a state's unnamed forces as a clause's own subject: the actor before them is not who acted.
UNNAMED_FORCES = {"police", "troops", "soldiers", "forces", "officers", "agents", "gunmen", "militants", "authorities"}

# A go-between's or host's verbs: 'Qatar mediated the talks' takes up the parties named with 'the talks' before.
GO_BETWEEN_VERBS = {"mediate", "broker", "host", "facilitate", "sponsor", "arrange", "convene", "chair"}

# Texts an actor issues, which later act as their voice: 'The protest urged China to ...', 'The statement called on ...'.
ISSUED_NOUNS = {"protest", "statement", "note", "letter", "communique", "communiqué", "declaration", "complaint",
                "message", "memorandum", "demarche", "démarche"}

ISSUING_VERBS = {"issue", "lodge", "file", "send", "deliver", "hand", "publish", "release", "submit", "make", "sign"}

# Nouns for one settled deal, whichever word a later sentence uses for it ('a truce ... the deal').
DEAL_NOUNS = {"deal", "truce", "ceasefire", "cease-fire", "agreement", "accord", "pact", "armistice", "treaty"}

# Nouns that announce an act as decided or intended: 'the U.S. decision to impose sanctions', "the EU's move to".
INTENT_NOUNS = {"decision", "move", "plan", "bid", "attempt", "effort", "push", "drive", "pledge", "promise",
                "commitment", "intention", "readiness", "willingness", "order", "initiative", "proposal", "offer",
                "vote", "agreement", "resolution"}

# Instruments whose clause acts for whoever issued them: 'signed an order that raised tariffs on X'.
INSTRUMENT_NOUNS = {"order", "decree", "law", "bill", "resolution", "directive", "regulation", "proclamation",
                    "memorandum", "legislation", "ordinance", "edict", "measure", "package", "rule"}

# Verbs by which an actor issues or announces an instrument or a decision.
ENACTING_VERBS = {"sign", "issue", "pass", "adopt", "approve", "enact", "introduce", "announce", "unveil", "make",
                  "take", "publish", "decree", "propose", "table", "draft", "finalise", "finalize", "confirm"}

# Nouns and verbs of what was said: 'Trump said ..., remarks that Ethiopian officials dismissed as misinformed'.
SPEECH_NOUNS = {"remark", "remarks", "comment", "comments", "statement", "claim", "claims", "assertion", "words"}

SPEECH_VERBS = {"say", "tell", "declare", "claim", "assert", "write", "state", "add", "tweet", "post", "insist",
                "argue", "suggest", "maintain", "stress", "contend"}

# Taking part in talks someone else holds: 'invited X to join talks', 'X and Y will attend the meeting'.
JOINING_VERBS = {"join", "attend"}

# Those who host talks between others meet each side (GUIDE: MEETS includes hosting).
HOSTING_VERBS = {"host"}

# Private people: a nationality on them ("a Russian-Armenian billionaire", "an American journalist") names where
# they are from, not a state that acts.
PRIVATE_PERSONS = {"billionaire", "businessman", "businesswoman", "tycoon", "oligarch", "citizen", "journalist",
                   "activist", "blogger", "dissident", "tourist", "student", "investor", "entrepreneur", "banker",
                   "man", "woman",
                   # people a state acts on or who merely come from it: 'Palestinian prisoners', 'European traders'
                   "prisoner", "detainee", "trader", "worker", "migrant", "refugee", "civilian", "fisherman", "farmer",
                   "pilgrim", "traveller", "traveler", "resident", "voter", "exporter", "importer", "consumer",
                   "shopper", "passenger", "patient", "employee", "family", "household",
                   # a state's population, not its government: 'relations with the Peruvian people'
                   "people", "population", "public", "national",
                   # people who rise against or flee their state: 'Nicaraguan rebels', 'Syrian exiles'
                   "rebel", "insurgent", "guerrilla", "militant", "protester", "protestor", "demonstrator", "opponent",
                   "exile", "defector"}
