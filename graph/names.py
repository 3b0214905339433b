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


@lru_cache(maxsize=200_000)
def match_key(name: str) -> str:
    """A name as compared for duplicates: accents, case, titles, initials and particles removed,
    transliteration variants spelled one way.

    >>> match_key("President Muammar al-Qaddafi") == match_key("Moammar Gadhafi") == match_key("Mu'ammar Kadhafi")
    True
    >>> match_key("Mohammed bin Salman") == match_key("Muhammad Salman")
    True
    """
    name = name.replace("-", " ").replace("'", "").replace("’", "").replace("‘", "")
    words = [w for w in name_key(name).split() if w not in PARTICLES and len(w) > 1]
    while len(words) > 1 and words[0] in TITLES:  # 'President X', not the 'Department of Justice'
        words.pop(0)
    return " ".join(_word(w) for w in words)


def _word(w: str) -> str:
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    w = w.translate(_SOUNDS)
    w = w[0] + w[1:].replace("h", "")  # 'mohammed' ~ 'muhammad', 'kadhafi' ~ 'kaddafi'
    w = w[0] + re.sub(r"[aiu]+", lambda m: "a" if len(m.group()) else "", w[1:])  # vowels: one, any quality
    return _DOUBLE.sub(r"\1", w)
