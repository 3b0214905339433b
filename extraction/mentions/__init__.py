"""Actor mentions: where each actor is named or referred to in a parsed document.

Sources, in order of trust: the gazetteer (names, aliases, demonyms, capitals,
seats of government), state bodies ("Colombia's Foreign Ministry"), role nominals
resolved through offices ("the U.S. president"), spaCy NER for actors the
gazetteer lacks (kind inferred from the name and its context), surnames of
people already named, and pronouns to the nearest compatible person.

One module per pass; ``pipeline.PASSES`` declares their order and how each one's
mentions are merged; ``finder.MentionFinder`` runs them over a document.
"""

from extraction.mentions.finder import MentionFinder
from extraction.mentions.model import ActorInfo, DocMentions, FindState, Mention
from extraction.mentions.pipeline import PASSES, Pass
from extraction.mentions.surnames import known_people, surname_keys
from extraction.mentions.words import STATE_PROXIES

__all__ = ["PASSES", "STATE_PROXIES", "ActorInfo", "DocMentions", "FindState", "Mention", "MentionFinder", "Pass",
           "known_people", "surname_keys"]
