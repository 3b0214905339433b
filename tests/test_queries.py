"""The Cypher query library offline: every file parses, is documented, and binds safely."""

from __future__ import annotations

import re

import pytest

from graph.taxonomy import UnknownTermError, load_taxonomy
from queries import QUERY_DIR, QueryError, list_queries, load_query, parse_literal, parse_query

EXPECTED = {"relations_of_type", "who_sanctions_whom", "who_criticises_whom", "who_threatens_whom", "neighbourhood",
            "shortest_paths", "most_targeted", "brokers", "dyad_timeline", "relations_citing_document",
            "actors_by_kind", "top_by_degree", "documents"}


def test_library_has_every_question_documented():
    qs = {q.name: q for q in list_queries()}
    assert EXPECTED <= set(qs)
    for q in qs.values():
        assert q.description and len(q.description) > 30, q.name
        assert q.example.startswith(f"actorgraph query {q.name}"), q.name
        assert all(p.description for p in q.params), q.name
        used = set(re.findall(r"\$(\w+)", q.text))
        assert used == {p.name for p in q.params}, f"{q.name}: parameters used {used}"


def test_taxonomy_parameters_in_files_match_the_taxonomy():
    # The :param lines are what Neo4j Browser users run; they must agree with the taxonomy.
    tax = load_taxonomy()
    for q in list_queries():
        for p in q.params:
            if p.kind == "scores":
                assert p.default == {k: r.score for k, r in tax.relation_types.items()}, q.name
            if p.kind == "symmetric":
                assert p.default == sorted(tax.symmetric), q.name


def test_no_relationship_type_or_label_comes_from_a_parameter():
    for q in list_queries():
        assert not re.search(r"[(\[]\s*\w*\s*:\s*\$|:\s*\$\(", q.text), q.name  # no `(a:$label)`, `[r:$type]`
        for rtype in re.findall(r"\[\w*:(\w+)\]", q.text):
            assert rtype in load_taxonomy().relation_types or rtype == "MENTIONS", (q.name, rtype)


def test_bind_converts_and_validates():
    q = load_query("neighbourhood")
    bound = q.bind({"actor": "Petro", "depth": "2", "types": "meets, criticises"}, resolve_actor=lambda s: s.lower() + "-id")
    assert bound["actor"] == "petro-id" and bound["depth"] == 2 and bound["types"] == ["MEETS", "CRITICISES"]
    assert bound["direction"] == "both" and bound["symmetric"] == sorted(load_taxonomy().symmetric)
    with pytest.raises(QueryError, match="needs --param actor"):
        q.bind({})
    with pytest.raises(UnknownTermError, match="unknown relation type 'HUGS'"):
        q.bind({"actor": "x", "types": "HUGS"})
    with pytest.raises(QueryError, match="must be one of both, out, in"):
        q.bind({"actor": "x", "direction": "sideways"})
    with pytest.raises(QueryError, match="must be a number"):
        q.bind({"actor": "x", "depth": "two"})
    with pytest.raises(QueryError, match="filled in from the taxonomy"):
        q.bind({"actor": "x", "symmetric": "MEETS"})
    with pytest.raises(QueryError, match="has no parameter 'colour'; parameters: actor, depth"):
        q.bind({"actor": "x", "colour": "red"})
    kinds = load_query("actors_by_kind").bind({"kinds": "Person,armed_group"})
    assert kinds["kinds"] == ["person", "armed_group"]
    assert load_query("relations_of_type").bind({"actor": ""})["actor"] is None
    assert load_query("shortest_paths").bind({"source": "a", "target": "b", "undirected": "yes"})["undirected"] is True


def test_unknown_query_lists_the_library():
    with pytest.raises(QueryError, match="unknown query 'nope'; queries: actors_by_kind, brokers"):
        load_query("nope")
    with pytest.raises(QueryError):
        load_query("../graph/schema/taxonomy")


def test_parse_literal_and_header_errors():
    assert parse_literal("[]") == [] and parse_literal("null") is None and parse_literal(r"'it\'s'") == "it's"
    assert parse_literal("{a: [1, 2.5, -3], `b c`: 'x'}") == {"a": [1, 2.5, -3], "b c": "x"}
    with pytest.raises(QueryError):
        parse_literal("[1, 2")
    with pytest.raises(QueryError, match="differ from :param lines"):
        parse_query("// name: x\n// param a (int): a number\nRETURN $a", "x")
    with pytest.raises(QueryError, match="unknown kind"):
        parse_query("// name: x\n// param a (colour): c\n:param a => 1;\nRETURN $a", "x")
    q = parse_query("// name: x\n// description: one\n//   two\n// param a (int, required): n\n:param a => 3;\n\nRETURN $a;\n", "x")
    assert q.description == "one two" and q.params[0].required and q.params[0].default == 3 and q.text == "RETURN $a"


def test_files_are_packaged_beside_the_module():
    assert len(list(QUERY_DIR.glob("*.cypher"))) == len(list_queries()) >= 13
