"""Progress of a long job (ingest): documents and words done, words per second and the time left.

The library reports through a callback and prints nothing itself; the CLI draws a bar on a
terminal and a plain line every few seconds otherwise (:func:`plain_lines`).

The estimate leaves out the time before the first result (loading the model, starting worker
processes) and is updated only when results arrive, so bursts of results (spaCy hands them back
a batch at a time) do not make it jump: between bursts the time left counts down.

>>> clock = iter([0.0, 10.0, 12.0, 14.0, 14.0]).__next__
>>> seen = []
>>> meter = ProgressMeter(4, 400, seen.append, clock=clock)
>>> meter.start()                  # t=0: nothing done yet
>>> meter.advance(1, 100)          # t=10: the first result (model loading left out of the rate)
>>> meter.advance(1, 100)          # t=12: 100 words in 2 s
>>> seen[-1].rate, seen[-1].eta
(50.0, 4.0)
>>> seen[-1].line()
'extracting: 2/4 documents (50%), 200/400 words, 50 words/s, 0:00:12 elapsed, ETA 0:00:04'
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from time import monotonic
from typing import TextIO

BURST = 0.5  # seconds: results closer than this to the first one count as one batch with it


@dataclass(frozen=True)
class Progress:
    """One report: counts so far, the rate since the first result and the estimated seconds left."""

    done: int
    total: int
    words_done: int
    words_total: int
    elapsed: float
    rate: float | None = None  # words per second, once it can be measured
    eta: float | None = None  # seconds left, once the rate is known
    finished: bool = False

    @property
    def fraction(self) -> float:
        return self.words_done / self.words_total if self.words_total else 1.0

    def line(self) -> str:
        """One plain line, e.g. for a log: ``extracting: 45/200 documents (22%), ..., 0:00:12 elapsed, ETA 0:00:40``."""
        parts = [f"extracting: {self.done}/{self.total} documents ({self.fraction:.0%})",
                 f"{self.words_done:,}/{self.words_total:,} words"]
        if self.rate:
            parts.append(f"{self.rate:,.0f} words/s")
        if self.finished:
            parts.append(f"done in {clock_text(self.elapsed)}")
        else:
            parts.append(f"{clock_text(self.elapsed)} elapsed")
            if self.eta is not None:
                parts.append(f"ETA {clock_text(self.eta)}")
        return ", ".join(parts)


def clock_text(seconds: float) -> str:
    """``65.2`` -> ``'0:01:05'``."""
    s = max(0, round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class ProgressMeter:
    """Counts work done and calls ``report`` with a :class:`Progress` at each step."""

    def __init__(self, total: int, words_total: int, report: Callable[[Progress], None],
                 clock: Callable[[], float] | None = None) -> None:
        self.total, self.words_total = total, words_total
        self.report = report
        self.clock = clock or (lambda: monotonic())  # looked up at each call: tests slow a fake pipeline's clock
        self.done = self.words_done = 0
        self._start = self._first = None  # type: float | None
        self._first_words = 0
        self._rate: float | None = None

    def start(self) -> None:
        self._start = self.clock()
        self.report(Progress(0, self.total, 0, self.words_total, 0.0))

    def advance(self, docs: int, words: int) -> None:
        """``docs`` more documents and ``words`` more words are done."""
        now = self.clock()
        if self._start is None:
            self._start = now
        self.done += docs
        self.words_done += words
        if self._first is None:
            # The first result: what came before it was mostly start-up, not a measure of the rate.
            self._first, self._first_words = now, self.words_done
        elif now - self._first < BURST:
            # Results handed back together with the first (one batch) were not made in this time either.
            self._first_words = self.words_done
        elif self.words_done > self._first_words:
            self._rate = (self.words_done - self._first_words) / (now - self._first)
        eta = (self.words_total - self.words_done) / self._rate if self._rate else None
        self.report(Progress(self.done, self.total, self.words_done, self.words_total, now - self._start,
                             self._rate, eta))

    def finish(self) -> None:
        now = self.clock()
        self.report(Progress(self.done, self.total, self.words_done, self.words_total,
                             now - (self._start if self._start is not None else now), self._rate, 0.0, finished=True))


class PlainLines:
    """A report callback that writes :meth:`Progress.line` to ``stream`` (stderr) every ``interval``
    seconds, and always the last report: for logs and pipes.

    :meth:`tick` (called by a timer) repeats the last report, its ETA counted down, when no line
    was written for ``interval`` seconds: results may come a batch at a time, minutes apart.
    """

    def __init__(self, stream: TextIO | None = None, interval: float = 10.0,
                 clock: Callable[[], float] | None = None) -> None:
        self.stream, self.interval = stream, interval
        self.clock = clock or (lambda: monotonic())
        self._last: Progress | None = None
        self._seen_at = self._written_at = 0.0
        self._lock = threading.Lock()
        self._wrote = False  # any line written yet

    def __call__(self, p: Progress) -> None:
        with self._lock:
            now = self.clock()
            if self._last is None:
                # The first line comes after one interval, so a job shorter than that prints nothing here
                # (its summary says what was done); a longer one ends with its last line.
                self._written_at = now
            due = (p.finished and self._wrote) or now - self._written_at >= self.interval
            self._last, self._seen_at = p, now
            if due:
                self._write(p, now)

    def tick(self) -> None:
        with self._lock:
            p, now = self._last, self.clock()
            if p is None or p.finished or now - self._written_at < self.interval:
                return
            waited = now - self._seen_at
            eta = max(0.0, p.eta - waited) if p.eta is not None else None
            self._write(replace(p, elapsed=p.elapsed + waited, eta=eta), now)

    def _write(self, p: Progress, now: float) -> None:
        out = self.stream or sys.stderr
        out.write(p.line() + "\n")
        out.flush()
        self._written_at, self._wrote = now, True


def plain_lines(stream: TextIO | None = None, interval: float = 10.0,
                clock: Callable[[], float] | None = None) -> PlainLines:
    """:class:`PlainLines` writing to ``stream`` (default stderr) every ``interval`` seconds."""
    return PlainLines(stream, interval, clock)
