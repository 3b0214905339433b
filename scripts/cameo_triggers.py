"""Derive verb + object trigger phrases from the CAMEO verb dictionary of the PETRARCH2 coder (MIT).

The dictionary (``../shared/third_party/petrarch2/CAMEO.2.0.txt``) groups verbs in synonym blocks, each with
patterns such as ``- * {DIPLOMATIC RELATIONS} [161]``: the verb, then an object noun phrase, then a CAMEO event
code. This script keeps the simple patterns (an object noun phrase right after the verb, no prepositions, no
pre-verb nouns), maps the CAMEO root code to our relation types (the CAMEO column of ../shared/eval/GUIDE.md)
and groups them into phrase families — one per (type, object noun, modifier) with every verb of the blocks where
the pattern occurs. Only families in ``KEEP`` go into the project's trigger file: those that were measured to
raise recall on the annotated articles without lowering precision (see the README's extraction section).

Usage::

    python scripts/cameo_triggers.py candidates /tmp/cameo-candidates.yaml   # every family, to measure
    python scripts/cameo_triggers.py measure /tmp/cameo-candidates.yaml [ID ...]  # score families that fire
    python scripts/cameo_triggers.py measure-verbs [ID ...]                   # single verbs our triggers lack
    python scripts/cameo_triggers.py write                                   # the KEEP families -> data file

Example: ``CUT``/``SEVER`` + ``{DIPLOMATIC TIES}`` [161] becomes the phrase ``cameo-sanctions-tie-diplomatic``
(SANCTIONS; verbs cut, sever, ...; object tie, modified by 'diplomatic').
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "third_party" / "petrarch2" / "CAMEO.2.0.txt"
OUT = ROOT / "extraction" / "data" / "triggers" / "cameo.yaml"

# CAMEO code (longest prefix wins) -> our relation type, after GUIDE.md's CAMEO column.
CAMEO_TYPES = {
    "040": "NEGOTIATES", "041": "NEGOTIATES", "042": "MEETS", "043": "MEETS", "044": "MEETS", "045": "NEGOTIATES",
    "046": "NEGOTIATES", "051": "PRAISES", "05": "COOPERATES_WITH", "06": "COOPERATES_WITH", "07": "SUPPORTS",
    "08": "CONCEDES", "10": "DEMANDS", "11": "CRITICISES", "12": "REJECTS", "13": "THREATENS", "16": "SANCTIONS",
    "17": "COERCES", "18": "COERCES", "19": "COERCES", "20": "COERCES",
}
# Where the target of each type usually is, in order (extraction/data/triggers/README.md).
TARGETS = {
    "SANCTIONS": ["with", "to", "for", "against", "on", "from", "owner"],
    "COERCES": ["against", "on", "at", "into", "owner"],
    "SUPPORTS": ["to", "for", "owner"],
    "COOPERATES_WITH": ["with", "to", "owner"],
}
DEFAULT_TARGETS = ["with", "to", "against", "on", "at", "owner"]

# Families measured to raise recall without lowering precision (ids as written by `candidates`).
KEEP: list[str] = [
    "cameo-concedes-ban",  # "lifted a ban on cargo transit to Armenia": articles2 +1 found, 0 wrong (README)
]

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_VERB = re.compile(r"^([A-Z][A-Z_]*)\b")
_PATTERN = re.compile(r"^-\s+\*\s+(\{[A-Z ]+\}|[A-Z]+)\s+\[(\d{3,4})(?::\d+)?\]")


def cameo_type(code: str) -> str | None:
    for n in (3, 2):
        if code[:n] in CAMEO_TYPES:
            return CAMEO_TYPES[code[:n]]
    return None


def _lemma(nlp, word: str) -> str:
    return nlp(f"they saw the {word.lower()}")[-1].lemma_.lower()


def parse(path: Path = SOURCE) -> list[tuple[list[str], str, str]]:
    """Every (verbs of the block, object phrase, CAMEO code) of the simple patterns."""
    out: list[tuple[list[str], str, str]] = []
    verbs: list[str] = []
    in_patterns = False
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if not in_patterns or line.startswith("#"):
            continue
        if _BLOCK.match(line):
            verbs = []
            continue
        m = _PATTERN.match(line)
        if m:
            out.append((list(verbs), m.group(1).strip("{}"), m.group(2)))
            continue
        m = _VERB.match(line)
        if m and not line.startswith("-"):
            if "_" not in m.group(1):  # multi-word verbs ('+SHAKE_UP') are left out
                verbs.append(m.group(1).lower())
    return out


def verb_blocks(path: Path = SOURCE) -> list[tuple[str, list[str], str]]:
    """Every verb block with a code of its own ('--- CONDEMN [111] ---'): (block name, its verbs, the code)."""
    out: list[tuple[str, list[str], str]] = []
    for line in path.read_text(encoding="latin-1").split("####### VERB PATTERNS")[1].splitlines():
        m = _BLOCK.match(line)
        if m:
            out.append((m.group(1).lower(), [], m.group(2)))
            continue
        m = _VERB.match(line)
        if m and out and not line.startswith(("-", "#")) and "_" not in m.group(1):
            out[-1][1].append(m.group(1).lower())
    return [(name, verbs, code) for name, verbs, code in out if code[:1].isdigit() and verbs]


def verb_families(known: set[str]) -> dict[str, dict]:
    """Single-verb families: the verbs of each coded block that our triggers lack, under the block's type."""
    fams: dict[str, dict] = {}
    for name, verbs, code in verb_blocks():
        rtype = cameo_type(code)
        new = sorted(set(verbs) - known)
        if rtype and new:
            fid = f"cameo-verbs-{rtype.lower().replace('_', '-')}-{name}"
            fams[fid] = {"id": fid, "type": rtype, "verbs": new, "codes": [code]}
    return fams


def families(nlp) -> dict[str, dict]:
    """Phrase families by id: type, verbs, object lemma, modifier, the CAMEO codes they came from."""
    fams: dict[str, dict] = {}
    verbs_of: dict[str, set[str]] = defaultdict(set)
    for verbs, phrase, code in parse():
        rtype = cameo_type(code)
        words = phrase.split()
        if rtype is None or not verbs or len(words) > 2 or any(not w.isalpha() for w in words):
            continue
        obj = _lemma(nlp, words[-1])
        mod = words[0].lower() if len(words) == 2 else ""
        fid = f"cameo-{rtype.lower().replace('_', '-')}-{obj}" + (f"-{mod}" if mod else "")
        fam = fams.setdefault(fid, {"id": fid, "type": rtype, "verbs": set(), "objects": [obj],
                                    "with": [mod] if mod else [], "codes": set()})
        fam["codes"].add(code)
        verbs_of[fid].update(_lemma_verb(nlp, v) for v in verbs)
    for fid, fam in fams.items():
        fam["verbs"] = sorted(verbs_of[fid])
        fam["codes"] = sorted(fam["codes"])
        fam["target"] = list(TARGETS.get(fam["type"], DEFAULT_TARGETS))
    return fams


def _lemma_verb(nlp, verb: str) -> str:
    return verb.lower()


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def to_yaml(fams: list[dict], header: str) -> str:
    phrases = []
    for f in fams:
        p = {"id": f["id"], "type": f["type"], "verbs": f["verbs"], "objects": f["objects"]}
        if f["with"]:
            p["with"] = f["with"]
        p["target"] = f["target"]
        p["note"] = "CAMEO " + ", ".join(f["codes"])
        phrases.append(p)
    body = yaml.dump({"phrases": phrases}, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=120,
                     default_flow_style=None)
    return header + body


HEADER = """\
# Phrase families derived from the CAMEO verb dictionary CAMEO.2.0.txt of the PETRARCH2 event coder
# (https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/, commit 676801cd), by
# scripts/cameo_triggers.py: only the families measured to raise recall without lowering precision.
# Do not edit by hand: change KEEP in the script and run `python scripts/cameo_triggers.py write`.
#
# The MIT License (MIT) -- Copyright (c) 2015 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
# LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
# EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
# THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


SETS = [("samples", ROOT / "examples" / "news", ROOT.parent / "shared" / "eval" / "gold" / "seeds.yaml")] + \
    [(d.name, d, d / "gold.yaml") for d in sorted(ROOT.glob("tests/articles*")) if (d / "gold.yaml").exists()]


def _score(names: list[str] | None = None) -> dict[str, tuple[int, int, int]]:
    """(found, wrong, missed) relations per annotated set (or only the sets in ``names``), with the triggers as
    they are loaded now."""
    import tempfile

    from actorgraph.evaluate import evaluate
    from actorgraph.ingest import ingest_paths
    from graph.export import node_link
    from graph.store import GraphStore

    out = {}
    for name, docs, gold in SETS:
        if names is not None and name not in names:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            store = GraphStore.open(Path(tmp) / "store", create=True)
            ingest_paths([docs], store, progress=False)
            docs_ = evaluate(node_link(store), [str(gold)], store=store)["documents"].values()
        found = sum(d["relations_found"] for d in docs_)
        out[name] = (found, sum(d["relations_wrong"] for d in docs_), sum(d["relations_gold"] for d in docs_) - found)
    return out


def measure(candidates: Path, only: list[str]) -> None:
    """Score each candidate family against the packaged triggers alone, on the annotated sets where it matches a
    sentence; print the change in found and wrong relations per set and a verdict (KEEP: more found relations,
    no more wrong ones). ``only``: measure just these family ids (e.g. those `actorgraph explain` shows firing)."""
    import os
    import tempfile

    from extraction.lexicon import TRIGGERS_ENV, load_lexicon
    from extraction.nlp import load_nlp

    nlp = load_nlp(None)
    data = yaml.safe_load(candidates.read_text(encoding="utf-8"))
    specs = [p for p in data["phrases"] if not only or p["id"] in only]
    with tempfile.TemporaryDirectory() as tmp:
        allf = Path(tmp) / "all.yaml"
        allf.write_text(yaml.safe_dump({"phrases": specs}), encoding="utf-8")
        os.environ[TRIGGERS_ENV] = str(allf)
        lex = load_lexicon()
        fires: dict[str, set[str]] = defaultdict(set)
        for name, docs, _ in SETS:
            for doc in nlp.pipe(p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))):
                for phrase, _ in lex.phrase_matches(doc):
                    fires[phrase.id].add(name)
        os.environ.pop(TRIGGERS_ENV)
        print(f"{len(set(fires) & {p['id'] for p in specs})} of {len(specs)} families match a sentence", flush=True)
        base = _score()
        print("baseline (found/wrong/missed)", base, flush=True)
        for spec in specs:
            if spec["id"] not in fires:
                continue
            one = Path(tmp) / "one.yaml"
            one.write_text(yaml.safe_dump({"phrases": [spec]}), encoding="utf-8")
            os.environ[TRIGGERS_ENV] = str(one)
            got = _score(sorted(fires[spec["id"]]))
            os.environ.pop(TRIGGERS_ENV)
            d_tp = sum(got[k][0] - base[k][0] for k in got)
            d_fp = sum(got[k][1] - base[k][1] for k in got)
            per = " ".join(f"{k}:{got[k][0] - base[k][0]:+d}/{got[k][1] - base[k][1]:+d}" for k in got
                           if got[k] != base[k])
            verdict = "KEEP" if d_tp > 0 and d_fp <= 0 else "drop"
            print(f"{verdict} {spec['id']}: found {d_tp:+d}, wrong {d_fp:+d}  {per}", flush=True)


def measure_verbs(only: list[str]) -> None:
    """Like `measure`, for the single-verb families of `verb_families` (ids in ``only``, or all)."""
    import os
    import tempfile

    from extraction.lexicon import TRIGGERS_ENV, load_lexicon
    from extraction.nlp import load_nlp

    nlp = load_nlp(None)
    fams = verb_families(set(load_lexicon().verbs))
    specs = [f for f in fams.values() if not only or f["id"] in only]
    lemmas: dict[str, set[str]] = defaultdict(set)
    for name, docs, _ in SETS:
        for doc in nlp.pipe(p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))):
            for t in doc:
                if t.pos_ == "VERB":
                    lemmas[t.lemma_.lower()].add(name)
    base = _score()
    print("baseline (found/wrong/missed)", base, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            where = sorted({n for v in spec["verbs"] for n in lemmas.get(v, ())})
            if not where:
                print(f"drop {spec['id']}: no verb of it in the annotated sets", flush=True)
                continue
            one = Path(tmp) / "one.yaml"
            one.write_text(yaml.safe_dump({"relations": {spec["type"]: {"verbs": spec["verbs"]}}}), encoding="utf-8")
            os.environ[TRIGGERS_ENV] = str(one)
            got = _score(where)
            os.environ.pop(TRIGGERS_ENV)
            d_tp = sum(got[k][0] - base[k][0] for k in got)
            d_fp = sum(got[k][1] - base[k][1] for k in got)
            per = " ".join(f"{k}:{got[k][0] - base[k][0]:+d}/{got[k][1] - base[k][1]:+d}" for k in got
                           if got[k] != base[k])
            verdict = "KEEP" if d_tp > 0 and d_fp <= 0 else "drop"
            print(f"{verdict} {spec['id']}: found {d_tp:+d}, wrong {d_fp:+d}  {per}", flush=True)


def _kept_verbs(path: Path) -> set[str]:
    """Verbs the derived file already holds (so that rewriting it gives the same families)."""
    if not path.exists():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {v for spec in (data.get("relations") or {}).values() for v in spec.get("verbs", [])}


def main(argv: list[str]) -> int:
    from extraction.nlp import load_nlp

    if argv and argv[0] == "measure-verbs":
        measure_verbs(argv[1:])
        return 0
    if len(argv) >= 2 and argv[0] == "measure":
        measure(Path(argv[1]), argv[2:])
        return 0
    if not argv or argv[0] not in ("candidates", "write") or (argv[0] == "candidates" and len(argv) != 2):
        print(__doc__.split("Usage::")[1].split("Example")[0].strip(), file=sys.stderr)
        return 2
    fams = families(load_nlp(None))
    if argv[0] == "candidates":
        Path(argv[1]).write_text(to_yaml(sorted(fams.values(), key=lambda f: f["id"]), HEADER), encoding="utf-8")
        print(f"wrote {len(fams)} candidate families to {argv[1]}")
        return 0
    from extraction.lexicon import load_lexicon

    verbs = verb_families(set(load_lexicon(str(ROOT / "extraction" / "data")).verbs) - _kept_verbs(OUT))
    missing = [k for k in KEEP if k not in fams and k not in verbs]
    if missing:
        print(f"Error: KEEP names families the dictionary does not give: {', '.join(missing)}", file=sys.stderr)
        return 1
    text = to_yaml([fams[k] for k in KEEP if k in fams], HEADER)
    relations: dict[str, list[str]] = defaultdict(list)
    for k in KEEP:
        if k in verbs:
            relations[verbs[k]["type"]] += verbs[k]["verbs"]
    if relations:
        text += yaml.dump({"relations": {t: {"verbs": v} for t, v in relations.items()}}, Dumper=_NoAliases,
                          sort_keys=False, width=120, default_flow_style=None)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(KEEP)} families to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
