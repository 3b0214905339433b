"""Derive the CAMEO country-code table of the event importers from PETRARCH2's country dictionary.

Each entry of ``Phoenix.Countries.actors.txt`` is a name, ``+SYNONYM_`` lines and its codes
(``NAME_ [COD]``, or ``[COD >911221]`` lines for the code since a date); the state that most of
the entry's names resolve to in the gazetteer gives the code's actor id. Codes with no state in
the gazetteer are listed at the end, commented out.

    python scripts/cameo_countries.py ../shared/third_party/petrarch2/Phoenix.Countries.actors.txt \
        > loaders/events/data/cameo_countries.yaml
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ENTRY = re.compile(r"^([A-Z][A-Z_'.-]*?)_*\s*(?:\[([A-Z]{3})\])?\s*(?:#.*)?$")
CODE = re.compile(r"^\s+\[([A-Z]{3})(?:\s*>\s*\d+)?\]")  # a current code: no date range, or "since"


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """(code, names) of each entry whose current code is a three-letter country code."""
    out: list[tuple[str, list[str]]] = []
    names: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        if names and codes:
            out.append((codes[-1], list(names)))

    for line in text.splitlines():
        m = ENTRY.match(line)
        if m and not line.startswith(("+", "\t", " ")):
            flush()
            names, codes = [m.group(1)], [m.group(2)] if m.group(2) else []
        elif line.startswith("+"):
            names.append(line[1:].split("#")[0].strip().rstrip("_"))
        elif c := CODE.match(line):
            codes.append(c.group(1))
    flush()
    return out


def main(path: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from extraction.gazetteer import load_gazetteer

    gz = load_gazetteer()
    found, missing = {}, []
    for code, names in blocks(Path(path).read_text(encoding="utf-8", errors="replace")):
        # The state most of the entry's names resolve to ("CONGO" alone is the DRC in the gazetteer).
        votes = Counter(s for n in names if (s := gz.state_of(n.replace("_", " ").title())))
        state = max(votes, key=lambda s: (votes[s], -list(votes).index(s))) if votes else None
        if state:
            found.setdefault(code, state)
        else:
            missing.append((code, names[0]))
    print("# CAMEO country codes -> gazetteer state ids, derived from PETRARCH2's Phoenix.Countries.actors.txt")
    print("# (MIT licence, Open Event Data Alliance) by scripts/cameo_countries.py; edit freely, it is data.")
    print("# GDELT and ICEWS-style actor codes start with these (USA, USAGOV, COLMIL ...).")
    print("countries:")
    for code, state in sorted(found.items()):
        print(f"  {code}: {state}")
    print("# No state of that name in the gazetteer (territories, historical or unknown names):")
    for code, name in sorted(m for m in missing if m[0] not in found):
        print(f"#  {code}: {name}")


if __name__ == "__main__":
    main(sys.argv[1])
