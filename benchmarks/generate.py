"""Seeded generators for the benchmarks: a synthetic news corpus and a large actor graph.

Both are reproducible: the same seed gives the same bytes.

>>> docs = corpus(3, seed=1)
>>> len(docs), docs[0]["id"]
(3, 'synthetic-00000')
>>> store = actor_graph("/tmp/ag-gen-doctest", actors=50, relations=200, seed=1)
>>> store.graph.number_of_edges()
200

Command line::

    python -m benchmarks.generate corpus 1000 corpus.jsonl
    python -m benchmarks.generate graph 100000 1000000 ./big-store
"""

from __future__ import annotations

import bisect
import itertools
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from extraction.gazetteer import load_gazetteer
from graph.model import Document
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy

# One or more templates per relation type; {a} acts on {b}. Worded with the trigger words of
# extraction/data/triggers/*.yaml so the extractor has real work to do.
TEMPLATES: dict[str, list[str]] = {
    "MEETS": ["{a} met {b} in the capital on {day} to discuss the crisis.",
              "{a} hosted {b} for a two-day summit that ended without a joint statement."],
    "NEGOTIATES": ["{a} negotiated with {b} over the terms of a ceasefire for several hours.",
                   "In a phone call on {day}, {a} spoke with {b} about the border."],
    "COOPERATES_WITH": ["{a} signed an agreement with {b} to resume cooperation on drug interdiction.",
                        "{a} agreed with {b} to coordinate patrols along the river."],
    "ALLIED_WITH": ["{a} described {b} as its closest ally in the region.",
                    "{a} is a long-standing ally of {b}, officials said."],
    "PRAISES": ["{a} praised {b} for its handling of the negotiations.",
                "{a} thanked {b} for the humanitarian assistance delivered last month."],
    "SUPPORTS": ["{a} funded {b} with an emergency package worth millions of dollars.",
                 "{a} supported {b} with military equipment and training."],
    "CRITICISES": ["{a} criticised {b} for failing to curb the cocaine trade.",
                   "{a} condemned {b} in unusually harsh terms on {day}."],
    "DEMANDS": ["{a} urged {b} to release the detained activists immediately.",
                "{a} demanded that {b} withdraw its troops from the border area."],
    "REJECTS": ["{a} rejected {b}'s proposal as an affront to national sovereignty.",
                "{a} refused {b}'s demand for an independent inquiry."],
    "THREATENS": ["{a} threatened {b} with new tariffs if the flow of migrants did not stop.",
                  "{a} warned {b} that it would face consequences."],
    "SANCTIONS": ["{a} sanctioned {b} over its role in the drug trade.",
                  "{a} imposed tariffs on {b} on {day}, citing national security."],
    "COERCES": ["{a} attacked {b} in a series of air strikes near the border.",
                "{a} captured {b}'s commanders in a night raid."],
    "OPPOSES": ["{a} opposed {b} at every stage of the peace process.",
                "{a} has long fought {b} in the mountains of the north."],
    "CONCEDES": ["{a} conceded to {b} on the question of extraditions.",
                 "{a} yielded to {b} after weeks of pressure."],
    "REPORTS_ON": ["{a} reported on {b} in a study published on {day}.",
                   "{a} documented {b}'s abuses in its annual report."],
    "LEADS": ["{a} leads {b}, a role he has held since the last election.",
              "{a}, the leader of {b}, addressed the nation on {day}."],
    "MEMBER_OF": ["{a} is a member of {b} and votes in its assembly.",
                  "{a} joined {b} as a full member decades ago."],
}

FILLER = [
    "Analysts said the decision could reshape the region's politics for years to come.",
    "The announcement came after weeks of tense diplomatic exchanges and public statements.",
    "Markets reacted calmly to the news, with the currency trading close to its recent average.",
    "Officials speaking on condition of anonymity said talks would continue next week.",
    "The measure still needs the approval of the legislature, where the governing coalition lacks a majority.",
    "Human rights groups have documented a sharp rise in violence in rural areas since January.",
    "Coca cultivation reached a record high last year, according to figures released in the autumn.",
    "Thousands of people marched through the streets of the capital on Saturday.",
    "The spokesperson declined to comment on the details of the proposal.",
    "It was not immediately clear how the plan would be financed or who would oversee it.",
    "Opposition lawmakers called the move reckless and said they would challenge it in court.",
    "The two countries share a long and porous border that has been a route for smuggling.",
    "Experts warned that the humanitarian situation could deteriorate further during the rainy season.",
    "The government has repeatedly denied the allegations and called them politically motivated.",
    "Negotiators worked late into the night on a draft text that was later leaked to the press.",
]

HEADLINES = ["{a} and {b}: a relationship under strain", "What {a}'s latest move means for {b}",
             "{a} turns up the pressure on {b}", "Behind the talks between {a} and {b}"]

PATTERNS = ["svo", "svo_prep", "noun_of", "noun_against", "agent_noun", "passive", "xcomp", "appos"]
KINDS = [("person", 40), ("state", 5), ("government_body", 20), ("igo", 3), ("ngo", 8), ("armed_group", 4),
         ("company", 10), ("media", 5), ("other_org", 5)]
SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "sar", "del", "ni", "qu", "bre", "tos", "an", "el", "ur", "ma", "ve", "zi"]
START = date(2020, 1, 1)


def _surface(entry: Any, rng: random.Random) -> str:
    forms = entry.surface_forms()
    return forms[0] if rng.random() < 0.6 else rng.choice(forms)


def document(i: int, rng: random.Random, words: int = 500) -> dict[str, Any]:
    """One synthetic article (about ``words`` words) as a JSONL-ready dict."""
    gz = load_gazetteer()
    entries = [e for e in gz.entries.values() if not e.historical]
    types = list(TEMPLATES)
    day = START + timedelta(days=rng.randrange(5 * 365))
    a, b = rng.sample(entries, 2)
    paragraphs: list[str] = []
    para: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.4:
            x, y = rng.sample(entries, 2)
            s = rng.choice(TEMPLATES[rng.choice(types)]).format(
                a=_surface(x, rng), b=_surface(y, rng), day=day.strftime("%A"))
            s = s[0].upper() + s[1:]
        else:
            s = rng.choice(FILLER)
        para.append(s)
        count += len(s.split())
        if len(para) >= rng.randint(3, 5):
            paragraphs.append(" ".join(para))
            para = []
    if para:
        paragraphs.append(" ".join(para))
    title = rng.choice(HEADLINES).format(a=a.name, b=b.name)
    return {"id": f"synthetic-{i:05d}", "title": title, "date": day.isoformat(),
            "text": title + "\n\n" + "\n\n".join(paragraphs) + "\n"}


def corpus(n: int, seed: int = 0, words: int = 500) -> list[dict[str, Any]]:
    """``n`` synthetic articles of about ``words`` words each."""
    rng = random.Random(seed)
    return [document(i, rng, words) for i in range(n)]


def write_corpus(path: str | Path, n: int, seed: int = 0, words: int = 500) -> Path:
    """Write the corpus as one JSONL file (a ``.jsonl`` path) or as a folder of ``.txt`` files."""
    path = Path(path)
    docs = corpus(n, seed, words)
    if path.suffix == ".jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    else:
        path.mkdir(parents=True, exist_ok=True)
        for d in docs:
            (path / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
            (path / f"{d['id']}.meta.yaml").write_text(f"title: {d['title']!r}\ndate: {d['date']}\n", encoding="utf-8")
    return path


def dense_document(size: int, seed: int = 0) -> str:
    """About ``size`` characters on ONE line, every sentence naming several gazetteer actors: the worst
    case for mention finding (thousands of names and entities in each piece spaCy parses).

    >>> len(dense_document(2000)) >= 2000 and "\\n" not in dense_document(2000)
    True
    """
    rng = random.Random(seed)
    entries = [e for e in load_gazetteer().entries.values() if not e.historical]
    types = list(TEMPLATES)
    out: list[str] = []
    n = 0
    while n < size:
        x, y, z, w = rng.sample(entries, 4)
        s = rng.choice(TEMPLATES[rng.choice(types)]).format(
            a=f"{_surface(x, rng)}, {_surface(y, rng)} and {_surface(z, rng)}", b=_surface(w, rng), day="Monday")
        out.append(s[0].upper() + s[1:])
        n += len(s) + 1
    return " ".join(out)


def _name(rng: random.Random, kind: str) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()  # noqa: E731
    if kind == "person":
        return f"{word()} {word()}"
    if kind == "government_body":
        return f"Ministry of {word()} of {word()}"
    return f"{word()} {rng.choice(['Union', 'Front', 'Council', 'Group', 'Institute', 'Agency', 'League'])}"


def actor_graph(path: str | Path, actors: int = 100_000, relations: int = 1_000_000, seed: int = 0,
                documents: int | None = None) -> GraphStore:
    """A large store (not saved) shaped like a real one: heavy-tailed degrees, 1–5 evidence per relation.

    Edges go straight into the networkx graph in the store's own layout (pydantic
    validation per relation would dominate the generation time).
    """
    rng = random.Random(seed)
    tax = load_taxonomy()
    types = sorted(tax.relation_types)
    symmetric = tax.symmetric
    store = GraphStore(path)
    g = store.graph
    ids = [f"actor-{i:06d}" for i in range(actors)]
    kinds, weights = zip(*KINDS, strict=True)
    names = {}
    for aid in ids:
        kind = rng.choices(kinds, weights)[0]
        name = _name(rng, kind)
        names[aid] = name
        g.add_node(aid, name=name, kind=kind, aliases=[name.split()[-1]] if rng.random() < 0.3 else [], documents=set())
    n_docs = documents or max(1, relations // 10)
    doc_ids = [f"doc-{i:07d}" for i in range(n_docs)]
    doc_dates = [(START + timedelta(days=rng.randrange(5 * 365))).isoformat() for _ in range(n_docs)]
    for d, when in zip(doc_ids, doc_dates, strict=True):
        store.documents[d] = Document(id=d, title=f"Article {d}", path=f"news/{d}.txt", date=when, sha256=f"{rng.getrandbits(256):064x}")
    # Heavy-tailed endpoint choice: a few actors (states, leaders) take part in most relations.
    order = ids[:]
    rng.shuffle(order)
    cum = list(itertools.accumulate(1.0 / (r + 10) ** 0.9 for r in range(actors)))
    total = cum[-1]

    def pick() -> str:
        return order[bisect.bisect_left(cum, rng.random() * total)]

    verbs = {t: TEMPLATES.get(t, ["{a} acted on {b}."])[0] for t in types}
    made = 0
    while made < relations:
        u, v, t = pick(), pick(), rng.choice(types)
        if u == v or g.has_edge(u, v, t) or (t in symmetric and g.has_edge(v, u, t)):
            continue
        evidence = []
        for _ in range(min(5, 1 + int(rng.expovariate(1.6)))):
            di = rng.randrange(n_docs)
            sentence = verbs[t].format(a=names[u], b=names[v], day="Monday")
            sentence = (sentence[:-1] + ", " + rng.choice(FILLER).lower())[:150]
            start = rng.randrange(4000)
            evidence.append({"doc": doc_ids[di], "sentence": sentence, "start": start, "end": start + len(sentence),
                             "date": doc_dates[di], "confidence": rng.choice((0.6, 0.7, 0.8, 0.9)),
                             "pattern": rng.choice(PATTERNS)})
            g.nodes[u]["documents"].add(doc_ids[di])
            g.nodes[v]["documents"].add(doc_ids[di])
        g.add_edge(u, v, key=t, type=t, evidence=evidence)
        made += 1
    for aid in ids:
        g.nodes[aid]["documents"] = sorted(g.nodes[aid]["documents"])
    return store


def main(argv: list[str]) -> None:
    if len(argv) >= 3 and argv[0] == "corpus":
        out = write_corpus(argv[2], int(argv[1]))
        print(f"wrote {out}")
    elif len(argv) >= 4 and argv[0] == "graph":
        store = actor_graph(argv[3], int(argv[1]), int(argv[2]))
        store.save()
        print(f"wrote {store.file}: {store.graph.number_of_nodes()} actors, {store.graph.number_of_edges()} relations")
    else:
        print(__doc__.split("Command line::")[1].strip(), file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
