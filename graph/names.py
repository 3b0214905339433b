"""Name normalisation shared by duplicate detection and the gazetteer lookup.

:func:`match_key` spells a name the way its variants agree: accents, case, titles, initials
and Arabic articles removed, common transliteration differences (q/k/g, kh/gh/dh, vowels,
doubled letters) set aside.

>>> match_key("Abbas Araghchi") == match_key("Abbas Araqchi")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from graph.model import name_key

# Words that say what someone is, not who: dropped from the start of a name before names are compared.
TITLES = frozenset("""
mr mrs ms dr prof sir dame lord lady sheikh shaikh sheik imam ayatollah rev gen general col colonel maj major
capt captain lt adm admiral sgt president vice prime minister premier chancellor secretary foreign defence defense
senator sen rep representative governor gov king queen prince princess emir sultan crown chief justice judge
mayor ambassador envoy spokesman spokeswoman spokesperson leader chairman chairwoman chair commander
""".split())
# Arabic and similar articles and particles, written attached ('al-Assad') or apart ('Al Assad').
PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ul", "bin", "ibn"})
_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("sh", "s"), ("ch", "c"),
             ("ou", "u"), ("ee", "i"), ("oo", "u"), ("ck", "k"))
_SOUNDS = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "s", "w": "v", "y": "i", "j": "i", "e": "i", "o": "u"})
_DOUBLE = re.compile(r"(.)\1+")
SAME_NAME_RATIO = 65  # per word: Kadhafi/Qaddafi 71, Mohamed/Muhammad 67, Hassan/Hussein 62


@lru_cache(maxsize=200_000)
def plain_words(name: str) -> tuple[str, ...]:
    """The words of a name that identify it: accents, case, leading titles, initials and particles removed."""
    name = name.replace("-", " ").replace("'", "").replace("’", "").replace("‘", "")
    words = [w for w in name_key(name).split() if w not in PARTICLES and len(w) > 1]
    while len(words) > 1 and words[0] in TITLES:  # 'President X', not the 'Department of Justice'
        words.pop(0)
    return tuple(words)


@lru_cache(maxsize=200_000)
def match_key(name: str) -> str:
    """A name as compared for duplicates: accents, case, titles, initials and particles removed,
    transliteration variants spelled one way.

    >>> match_key("President Muammar al-Qaddafi") == match_key("Moammar Gadhafi") == match_key("Mu'ammar Kadhafi")
    True
    >>> match_key("Mohammed bin Salman") == match_key("Muhammad Salman")
    True
    """
    return " ".join(_word(w) for w in plain_words(name))


def same_name(a: str, b: str) -> bool:
    """Are two names spellings of one name? Same :func:`match_key`, and spelled alike enough
    that the vowels the key sets aside do not tell two names apart ('Hassan', 'Hussein').

    >>> same_name("Abbas Araqchi", "Abbas Araghchi"), same_name("Hassan Sheikh", "Hussein al-Sheikh")
    (True, False)
    """
    if match_key(a) != match_key(b):
        return False
    wa, wb = plain_words(a), plain_words(b)
    # Word by word: a shared surname must not carry two different given names.
    return len(wa) == len(wb) and all(fuzz.ratio(x, y) >= SAME_NAME_RATIO for x, y in zip(wa, wb, strict=True))


def _word(w: str) -> str:
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    w = w.translate(_SOUNDS)
    w = w[0] + w[1:].replace("h", "")  # 'mohammed' ~ 'muhammad', 'kadhafi' ~ 'kaddafi'
    w = w[0] + re.sub(r"[aiu]+", lambda m: "a" if len(m.group()) else "", w[1:])  # vowels: one, any quality
    return _DOUBLE.sub(r"\1", w)
