"""Relation rules over the dependency parse (one module per rule family).

Each rule yields :class:`Found` candidates — (source, type, target) with the
trigger token and the rule's name — that the extractor turns into relations
with evidence. Rules are general: they read trigger words from the lexicon
(``extraction/data/triggers/*.yaml``) and arguments from grammatical roles,
never from particular sentences.

Rule families:

- ``phrase``: verb + object phrases of the trigger files ("recalled its ambassador from X", "cut diplomatic
  relations with Y"), matched by a spaCy DependencyMatcher; a verb a phrase matches is the phrase's.
- ``verb``: subject → object of a trigger verb ("Trump praised Colombia"),
  including passives, relative clauses, inherited subjects of non-finite verbs,
  "refuse to V X" (REJECTS), "threaten to V X" (THREATENS), "urge X to V" (DEMANDS),
  and labelling verbs ("labelled X a 'drug lord'") whose polarity decides
  CRITICISES or PRAISES.
- ``noun``: event nouns ("sanctions against Colombia", "the revocation of
  Petro's U.S. visa", "a call between the two leaders", "X's refusal of Y"),
  with agents from possessors, modifiers, "by/from" phrases or the verb that
  governs the noun, and arguments shared across coordinated event nouns.
- ``reaction``: "X hailed the decision", "Y denied the allegations", "Z condemned the coup", "a move rejected by
  W" (the target is whoever did the act the noun takes up, told before in the document).
- ``copula-label``: "X said Y is a dictator" (CRITICISES), "Y is a good friend of ours, X said" (PRAISES).
- ``blame-clause``: '"Y hosts terrorist organisations," X said', "X said Y had violated the truce" (CRITICISES).
- ``displeasure``: "X said it was disappointed that Y had switched recognition", "dismayed by Y's move" (CRITICISES).
- ``obligation``: "X said the United States should play a direct role", '"Y must withdraw," X said' (DEMANDS).
- ``ultimatum``: "X gave Y until May 1 to name a date, or face suspension" (DEMANDS; THREATENS with the penalty).
- ``or-else``: "Y must cede power within a week, or X will take all necessary measures" (DEMANDS and THREATENS).
- ``rule-out``: "X has not ruled out the use of force against Y" (THREATENS: force kept on the table).
- ``invitation``: "X was in Pyongyang at the invitation of Y" (MEETS: a visit meets its host).
- ``arrival``: "a U.S. delegation arrived in Honiara" (MEETS: officials arriving in another state visit it).
- ``proxy-leader``: "the Albanese government" (LEADS: the leader heads the government named after him).
- ``on-behalf``: "X attended on behalf of Ireland" (MEMBER_OF).
- ``power``: "Kim Jong Un assumed power", "X seized power in Burkina Faso" (LEADS).
- ``include``: "Mercosur, which includes Uruguay and Paraguay" (MEMBER_OF).
- ``member-noun``: "ASEAN members Thailand and Cambodia", "NATO member Turkey" (MEMBER_OF).
- ``at-war``: "X is at war with Y", "locked in a war with Y" (COERCES).
- ``backed``: "Iran-backed Houthis" (SUPPORTS, from states only).
- ``joint``: "joint exercises with X", "Chinese and Tajik troops held joint drills", "Russian-Sudanese efforts"
  (COOPERATES_WITH).
- ``together``: "X vowed action together with Y", "X acted in concert with Y" (COOPERATES_WITH).
- ``agent-noun``: "X remains Y's closest ally", "X emerged as one of Y's critics".
- ``title``: "Colombian President Gustavo Petro" (LEADS), "Foreign Minister X" (MEMBER_OF).
- ``of-org``: "Elizabeth Dickinson of the International Crisis Group" (MEMBER_OF).
- ``role-group``: "Presidents of Kazakhstan and Uzbekistan held talks" (each LEADS their state: the holder the document
  names).
- ``title-predicate``: "X was elected president of Chile", "Peru named X foreign minister" (LEADS / MEMBER_OF).
- ``title-list``: "foreign ministers A of Brazil and B of Chile" (each MEMBER_OF their state; LEADS for 'Presidents').
- ``report``: "according to UNODC, ...", "United Nations data reveals ...",
  "Experts at WOLA describe ..." (REPORTS_ON).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from extraction.rules.agent_nouns import agent_noun_rule
from extraction.rules.appositions import appos_title_rule, comma_title_rule
from extraction.rules.blame import blame_clause_rule, displeasure_rule
from extraction.rules.context import Found, RuleContext
from extraction.rules.labels import copula_label_rule
from extraction.rules.leaders import led_rule, org_of_person_rule, power_rule, proxy_leader_rule
from extraction.rules.members import behalf_rule, include_rule, member_noun_rule, of_org_rule, part_of_rule
from extraction.rules.misread import misread_verb_rule
from extraction.rules.nouns import noun_rule, their_rule
from extraction.rules.obligations import obligation_rule
from extraction.rules.phrases import phrase_rule
from extraction.rules.reactions import reaction_rule
from extraction.rules.reports import report_noun_rule, report_rule
from extraction.rules.situations import (
    at_war_rule,
    backed_rule,
    go_between_rule,
    joint_rule,
    together_rule,
    under_rule,
)
from extraction.rules.threats import or_else_rule, rule_out_rule, ultimatum_rule
from extraction.rules.titles import (
    listed_title_rule,
    predicate_title_rule,
    role_group_rule,
    role_rule,
    title_rule,
)
from extraction.rules.verbs import verb_rule
from extraction.rules.visits import arrival_rule, invitation_rule


@dataclass(frozen=True)
class Rule:
    """A relation rule in :data:`RULES`; ``records``: it records who did which act in the document's discourse."""
    name: str
    find: Callable[[RuleContext], Iterable[Found]]
    records: bool = False


# The order is part of what the rules find, in two ways. Of two rules that find the same (source, type, target) in
# a sentence, the earlier one's evidence (pattern, confidence) is kept. And object finding reads the discourse's
# events ('Lee condemned the launch' -> whoever launched): a rule sees the events of earlier sentences and those
# the recording rules before it recorded in this sentence, so 'phrase' runs before 'verb' and 'noun' record, and
# every rule after them sees this sentence's acts too. Only rules declared ``records=True`` may record.
RULES: tuple[Rule, ...] = (
    Rule("phrase", phrase_rule),
    Rule("verb", verb_rule, records=True),
    Rule("noun", noun_rule, records=True),
    Rule("reaction", reaction_rule, records=True),
    Rule("go-between", go_between_rule),
    Rule("joint", joint_rule),
    Rule("together", together_rule),
    Rule("their", their_rule),
    Rule("agent-noun", agent_noun_rule),
    Rule("title", title_rule),
    Rule("role", role_rule),
    Rule("role-group", role_group_rule),
    Rule("title-predicate", predicate_title_rule),
    Rule("appos-title", appos_title_rule),
    Rule("comma-title", comma_title_rule),
    Rule("of-org", of_org_rule),
    Rule("title-list", listed_title_rule),
    Rule("org-of-person", org_of_person_rule),
    Rule("part-of", part_of_rule),
    Rule("led", led_rule),
    Rule("report", report_rule),
    Rule("report-noun", report_noun_rule),
    Rule("under", under_rule),
    Rule("backed", backed_rule),
    Rule("misread-verb", misread_verb_rule),
    Rule("at-war", at_war_rule),
    Rule("copula-label", copula_label_rule),
    Rule("blame-clause", blame_clause_rule),
    Rule("displeasure", displeasure_rule),
    Rule("obligation", obligation_rule),
    Rule("ultimatum", ultimatum_rule),
    Rule("rule-out", rule_out_rule),
    Rule("or-else", or_else_rule),
    Rule("invitation", invitation_rule),
    Rule("arrival", arrival_rule),
    Rule("proxy-leader", proxy_leader_rule),
    Rule("power", power_rule),
    Rule("include", include_rule),
    Rule("member-noun", member_noun_rule),
    Rule("on-behalf", behalf_rule),
)


__all__ = ["RULES", "Found", "Rule", "RuleContext"]
