"""Temporal expressions resolved against the document date.

Returns ISO dates at the precision the text gives: '2025', '2026-01' or '2026-01-03'.

>>> from datetime import date
>>> resolve("January 3rd", date(2026, 2, 2))
'2026-01-03'
>>> resolve("last year", date(2026, 2, 2))
'2025'
>>> resolve("two-hour", date(2026, 2, 2)) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
FUTURE_CUES = {"will", "would", "expected", "anticipated", "upcoming", "next", "set", "plans", "planned", "scheduled",
               "due", "prepare", "preparing", "ahead", "shall"}

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _month_in(words: list[str]) -> int | None:
    for w in words:
        if w in MONTHS and not (w == "may" and len(words) == 1):
            return MONTHS[w]
    return None


def _pick_year(month: int, day: int | None, ref: date, future: bool) -> int:
    """The year a bare 'March' or 'March 3' most plausibly means, seen from the document date."""
    year = ref.year
    cand = date(year, month, min(day or 15, 28))
    if cand > ref + timedelta(days=62) and not future:
        year -= 1
    elif cand < ref - timedelta(days=300) and future:
        year += 1
    return year


def resolve(text: str, ref: date | None, future: bool = False) -> str | None:
    """ISO date (or year / year-month) for a temporal expression, or None when it names no point in time."""
    t = text.lower().replace("’", "'").strip()
    words = re.findall(r"[a-z]+|\d+", t)
    if not words:
        return None
    years = _YEAR.findall(t)
    month = _month_in(words)
    if years:
        y = int(years[0])
        if month:
            m = _DAY.search(re.sub(_YEAR, "", t))
            day = int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None
            return f"{y:04d}-{month:02d}-{day:02d}" if day else f"{y:04d}-{month:02d}"
        return f"{y:04d}"
    if ref is None:
        return None
    if month:
        m = _DAY.search(t)
        day = int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None
        y = _pick_year(month, day, ref, future)
        try:
            return date(y, month, day).isoformat() if day else f"{y:04d}-{month:02d}"
        except ValueError:
            return f"{y:04d}-{month:02d}"
    if "yesterday" in words:
        return (ref - timedelta(days=1)).isoformat()
    if "today" in words or "tonight" in words:
        return ref.isoformat()
    if "tomorrow" in words:
        return (ref + timedelta(days=1)).isoformat()
    for w in words:
        if w in WEEKDAYS:
            delta = (WEEKDAYS[w] - ref.weekday()) % 7
            if future or "next" in words:
                return (ref + timedelta(days=delta or 7)).isoformat()
            back = (ref.weekday() - WEEKDAYS[w]) % 7
            return (ref - timedelta(days=back)).isoformat()
    if "year" in words:
        if "last" in words or "previous" in words:
            return f"{ref.year - 1:04d}"
        if "next" in words:
            return f"{ref.year + 1:04d}"
        if "this" in words:
            return f"{ref.year:04d}"
    if "month" in words:
        first = ref.replace(day=1)
        if "last" in words:
            prev = first - timedelta(days=1)
            return f"{prev.year:04d}-{prev.month:02d}"
        if "next" in words:
            nxt = (first + timedelta(days=32)).replace(day=1)
            return f"{nxt.year:04d}-{nxt.month:02d}"
        if "this" in words:
            return f"{ref.year:04d}-{ref.month:02d}"
    if "week" in words:
        if "last" in words:
            return (ref - timedelta(days=7)).isoformat()
        if "next" in words:
            return (ref + timedelta(days=7)).isoformat()
    return None


# -- background: what the sentence says happened before the document, not on its date ------------
# News sentences about the past that is not the news ("for years", "has repeatedly condemned",
# "a long-standing feud", "since 2022") state a span that ends at the document, not an event on its
# date. Such evidence is marked ``background`` with the earliest bound the text gives (``since``).

HABITUAL = frozenset({"repeatedly", "long", "consistently", "frequently", "routinely", "regularly", "often",
                      "persistently", "always", "continually", "constantly", "habitually", "traditionally",
                      "historically", "previously", "already"})
SPANS = frozenset({"years", "months", "decades", "weeks"})
_LONG = re.compile(r"\b(long[- ]?(standing|running|time|held)|(years|decades|months)[- ]long)\b")
_NUMBERS = {w: i for i, w in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1)}
# A verb reached through these links shares the time of the word it hangs on (coordinated verbs
# share their auxiliary; a relative clause describes its noun: "years of sparring in which X emerged").
_SAME_TIME = frozenset({"conj", "relcl", "acl"})
# Nouns that name the state of a relationship between actors, not an event in it. Such a noun as the
# subject of an undated past-tense verb ("the relationship reached a breaking point when X called Y ...",
# "tensions deepened after ...") tells the relationship's history: a summary, prior to the document.
RELATIONSHIP_NOUNS = frozenset({"relationship", "relations", "ties", "tension", "tensions", "friction", "feud",
                                "rivalry", "rift", "hostility", "hostilities", "animosity", "enmity", "standoff",
                                "estrangement", "detente", "détente", "rapprochement", "alliance", "partnership"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def span_bound(words: list[str], ref: date | None) -> str | None:
    """The start of 'for (the past) N years/months' counted back from ``ref``.

    >>> span_bound(["for", "the", "past", "two", "years"], date(2026, 2, 3))
    '2024'
    >>> span_bound(["for", "years"], date(2026, 2, 3)) is None
    True
    """
    if ref is None or len(words) < 2 or words[-1] not in SPANS:
        return None
    n = _NUMBERS.get(words[-2]) or (int(words[-2]) if words[-2].isdigit() else None)
    if not n:
        return None
    unit = words[-1]
    if unit == "decades":
        return f"{ref.year - 10 * n:04d}"
    if unit == "years":
        return f"{ref.year - n:04d}"
    if unit == "months":
        m = ref.year * 12 + ref.month - 1 - n
        return f"{m // 12:04d}-{m % 12 + 1:02d}"
    return (ref - timedelta(weeks=n)).isoformat()


def _past(verb) -> bool:  # verb: a spaCy Token
    """A finite past: 'reached', 'were severed' (a participle with no auxiliary counts: the small
    model tags some simple pasts as participles)."""
    if verb.tag_ == "VBD":
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and all(a.tag_ == "VBD" for a in aux)


def _relationship(noun) -> bool:  # noun: a spaCy Token
    # a common noun, not the head of a name ("the Armenia Alliance denounced ...")
    return noun.pos_ == "NOUN" and not noun.ent_type_ and (
        noun.lower_ in RELATIONSHIP_NOUNS or noun.lemma_.lower() in RELATIONSHIP_NOUNS)


def _time_expressions(sent) -> Iterator[str]:  # sent: a spaCy Span
    """The texts of the sentence's DATE and TIME entities, read from its tokens: ``Span.ents`` walks every
    entity of the document, which made one call per relation quadratic on dense text."""
    run: list[str] = []
    for tok in sent:
        if tok.ent_type_ in ("DATE", "TIME") and not (tok.ent_iob_ == "B" and run):
            run.append(tok.text_with_ws)
            continue
        if run:
            yield "".join(run).strip()
            run = []
        if tok.ent_type_ in ("DATE", "TIME"):
            run.append(tok.text_with_ws)
    if run:
        yield "".join(run).strip()


def summary(trigger, ref: date | None) -> bool:  # trigger: a spaCy Token
    """Does the relation hang on an undated past-tense clause about the relationship itself ("The
    relationship between the two leaders reached a breaking point when Petro called Trump ...")?

    News tells the history of a relationship in such summaries; what they recount happened before the
    document at a time they do not give. Looked for on the trigger and every verb it hangs on, up to the
    sentence's root; a sentence that states a date (resolvable against ``ref``) is no such summary.
    """
    sent = trigger.sent
    if any(resolve(text, ref) for text in _time_expressions(sent)):
        return False
    t = trigger
    while True:
        if t.pos_ in ("VERB", "AUX") and _past(t) and (
                any(c.dep_ in _SUBJECTS and _relationship(c) for c in t.children)
                # "Tensions deepened after ...": the small model makes the noun the root and its verb a
                # participle hanging on it
                or (t.dep_ == "acl" and t.head.dep_ == "ROOT" and _relationship(t.head))):
            return True
        if t.head.i == t.i or not sent.start <= t.head.i < sent.end:
            return False
        t = t.head


def background(trigger, ref: date | None) -> tuple[bool, str | None]:  # trigger: a spaCy Token
    """Is the relation whose trigger word is ``trigger`` stated as background (prior to the document),
    and the earliest bound the text gives (``since 2022`` -> '2022'; None when it gives none).

    The cues are looked for on the trigger's own clause: from the trigger up to the verb that governs
    it (on through coordinated verbs and relative clauses), and on that verb's auxiliaries and modifiers.
    A future cue anywhere in the sentence ('will', 'expected') means it is not background.
    """
    sent = trigger.sent
    if any(t.lower_ in FUTURE_CUES for t in sent):
        return False, None
    path = [trigger]
    t = trigger
    while t.head.i != t.i and sent.start <= t.head.i < sent.end:
        is_verb = t.pos_ in ("VERB", "AUX")
        if is_verb and t.dep_ not in _SAME_TIME:
            break
        t = t.head
        path.append(t)
    found, since = False, None
    for t in path:
        lower = t.lower_
        if t.pos_ in ("NOUN", "PROPN", "NUM") or t.tag_.startswith("NN"):
            if lower in SPANS and (any(c.lower_ == "of" for c in t.children)
                                   or (t.dep_ == "pobj" and t.head.lower_ in ("after", "for", "over", "during"))):
                found = True  # "years of sparring", "ended months of quarrels", "for decades"
            left = t.doc[t.left_edge.i:t.i].text.lower()  # its modifiers, as written
            if _LONG.search(left):
                found = True  # "the long-standing feud"
        if t.pos_ not in ("VERB", "AUX"):
            continue
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if t.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux) and not any(a.tag_ == "MD" for a in aux):
            found = True  # perfect aspect: "has condemned", "had opposed"
        for c in t.children:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in HABITUAL:
                found = True
            elif c.dep_ == "prep" and c.lower_ == "since":
                found = True
                bound = resolve(" ".join(w.text for w in c.subtree if w.i != c.i), ref)
                since = min(since, bound) if since and bound else since or bound
            elif c.dep_ == "prep" and c.lower_ in ("for", "over") and any(w.lower_ in SPANS for w in c.subtree):
                found = True
                bound = span_bound([w.lower_ for w in c.subtree], ref)
                since = min(since, bound) if since and bound else since or bound
    return found or summary(trigger, ref), since
