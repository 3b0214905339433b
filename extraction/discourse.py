"""What a document has told so far, carried from sentence to sentence: who did which act.

The extractor makes one :class:`Discourse` per document and hands it to every rule through the rule context.
Only the rules :data:`extraction.rules.RULES` declares as recording may write to it, and only while they run:
'North Korea launched a missile ... Lee condemned the launch' needs the launch's doer recorded before the
condemnation is read, so which rules record, and in what order the rules run, is part of what they find.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


class UndeclaredRecording(RuntimeError):
    """A rule wrote to the discourse without being declared as recording: the rule order would hide a dependency."""


@dataclass
class Discourse:
    # who last did what: verb or event-noun stem -> doers ('launch' -> North Korea), for 'the launch' later
    events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # who took part in the last talks, deal or truce named: event-noun stem -> parties ('talk' -> Israel, Hamas),
    # for 'Qatar mediated the talks' later
    parties: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the last act (sanction, strike, support ...) found, as (sentence start token, doers): 'the move' refers to it
    last_act: tuple[int, tuple[str, ...]] | None = None
    # the last two sides found talking, dealing or meeting, as (sentence start token, (side, side)): the
    # negotiations a go-between's 'mediation' serves, when the sentence does not name them
    last_pair: tuple[int, tuple[str, str]] | None = None
    # the last decision taken, inquiry opened or vote held, as (sentence start token, deciders): 'X hailed the
    # decision', 'Y welcomed it' answer it
    last_decision: tuple[int, tuple[str, ...]] | None = None
    # the sentence being read (its start token), set by the extractor: where each event was recorded
    current: int = 0
    # event stem -> the sentence (start token) it was last recorded in, for acts told a few sentences back only
    event_starts: dict[str, int] = field(default_factory=dict)
    _recorder: str | None = None  # the rule allowed to record right now

    @contextmanager
    def recording(self, rule: str) -> Iterator[None]:
        """Let ``rule`` record events while the block runs (a rule's findings are consumed inside it)."""
        self._recorder = rule
        try:
            yield
        finally:
            self._recorder = None

    def record_event(self, stem: str, doers: tuple[str, ...]) -> None:
        """``doers`` did the act named by ``stem`` ('launch', 'strike'): a later 'the launch' is theirs."""
        if self._recorder is None:
            raise UndeclaredRecording(f"event {stem!r} recorded by a rule not declared as recording")
        self.events[stem] = doers
        self.event_starts[stem] = self.current

    def record_parties(self, stem: str, parties: tuple[str, ...]) -> None:
        """``parties`` took part in the symmetric act named by ``stem`` ('talks', 'deal'): a later 'the talks' is
        theirs."""
        if self._recorder is None:
            raise UndeclaredRecording(f"parties of {stem!r} recorded by a rule not declared as recording")
        self.parties[stem] = parties

    def parties_of(self, stem: str) -> tuple[str, ...] | None:
        """Who last took part in the act named by ``stem``, if the document has said."""
        return self.parties.get(stem)

    def record_decision(self, start: int, deciders: tuple[str, ...]) -> None:
        """``deciders`` took a decision (backed a resolution, opened an inquiry) in the sentence at ``start``."""
        if self._recorder is None:
            raise UndeclaredRecording("decision recorded by a rule not declared as recording")
        self.last_decision = (start, deciders)

    def event_at(self, stem: str) -> tuple[int, tuple[str, ...]] | None:
        """Who last did the act named by ``stem`` and in which sentence (start token), if the document has said."""
        if stem not in self.events:
            return None
        return self.event_starts.get(stem, 0), self.events[stem]

    def doers(self, stem: str) -> tuple[str, ...] | None:
        """Who last did the act named by ``stem``, if the document has said."""
        return self.events.get(stem)
