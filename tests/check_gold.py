"""Sanity checks for an annotated article set's gold.yaml: parses, docs exist, ids declared, evidence verbatim.

Run from the repository root:  python3 tests/check_gold.py tests/articles3   (no folder: every tests/articles* set)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
TYPES = {"MEETS", "NEGOTIATES", "COOPERATES_WITH", "ALLIED_WITH", "PRAISES", "SUPPORTS", "CRITICISES",
         "DEMANDS", "REJECTS", "THREATENS", "SANCTIONS", "COERCES", "OPPOSES", "CONCEDES", "REPORTS_ON",
         "LEADS", "MEMBER_OF"}
KINDS = {"person", "state", "government_body", "igo", "ngo", "armed_group", "company", "media", "other_org"}


def as_list(x: object) -> list:
    return list(x) if isinstance(x, list) else [x]


def sets() -> list[Path]:
    """The annotated article sets: tests/articles, tests/articles2, ... in order."""
    return sorted((p for p in TESTS.glob("articles*") if (p / "gold.yaml").exists()),
                  key=lambda p: int(p.name[len("articles"):] or 1))


def main(folder: Path) -> int:
    """Check one set's gold.yaml against its texts; prints a summary, returns 1 on errors."""
    folder = Path(folder)
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    errors: list[str] = []
    req: Counter[str] = Counter()
    opt: Counter[str] = Counter()
    any_req: Counter[str] = Counter()
    any_opt: Counter[str] = Counter()
    for d in gold["documents"]:
        doc = d["doc"]
        txt = folder / f"{doc}.txt"
        meta = folder / f"{doc}.meta.yaml"
        if not txt.is_file() or not meta.is_file():
            errors.append(f"{doc}: missing .txt or .meta.yaml")
            continue
        text = txt.read_text(encoding="utf-8")
        m = yaml.safe_load(meta.read_text(encoding="utf-8"))
        # 2006-2026: the sets up to articles10 are dated 2025-2026, articles11 is set in 2006-2013
        if not m.get("title") or not re.match(r"20(0[6-9]|1\d|2[0-6])-\d\d-\d\d$", str(m.get("date"))):
            errors.append(f"{doc}: meta needs title and a 2006-2026 date")
        words = len(text.split())
        ids = [a["id"] for a in d["actors"]]
        if len(ids) != len(set(ids)):
            errors.append(f"{doc}: duplicate actor ids")
        for a in d["actors"]:
            if a["kind"] not in KINDS:
                errors.append(f"{doc}: {a['id']} has unknown kind {a['kind']}")
        used: set[str] = set()
        n_req = 0
        for r in d["relations"]:
            for end in ("source", "target"):
                for a in as_list(r[end]):
                    used.add(a)
                    if a not in ids:
                        errors.append(f"{doc}: undeclared actor {a!r} in {r}")
            for t in as_list(r["type"]):
                if t not in TYPES:
                    errors.append(f"{doc}: unknown type {t}")
            first = as_list(r["type"])[0]
            (opt if r.get("optional") else req)[first] += 1
            for t in as_list(r["type"]):
                (any_opt if r.get("optional") else any_req)[t] += 1
            n_req += not r.get("optional")
            ev = r.get("evidence")
            if not ev:
                errors.append(f"{doc}: relation without evidence {r}")
                continue
            for frag in ev.split("..."):
                if frag.strip() and frag.strip() not in text:
                    errors.append(f"{doc}: evidence not in text: {frag.strip()!r}")
        for a in d["actors"]:
            if a["id"] not in used and not a.get("optional"):
                print(f"WARN {doc}: required actor {a['id']} is in no relation")
        print(f"{doc:45} words={words:4} actors={len(ids):2} required={n_req:2} all={len(d['relations']):2}")
    print("\nrelation types: required / optional (first listed type) | required / optional (any listed type)")
    for t in sorted(TYPES):
        print(f"  {t:16} {req[t]:3} / {opt[t]:3} | {any_req[t]:3} / {any_opt[t]:3}")
    print(f"  {'total':16} {sum(req.values()):3} / {sum(opt.values()):3}")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or sets()
    sys.exit(max(main(f) for f in folders))
