import pytest
from pydantic import ValidationError

from graph.taxonomy import UnknownTermError, load_taxonomy, parse_taxonomy


def test_seventeen_relation_types_with_codes_and_scores():
    tax = load_taxonomy()
    assert len(tax.relation_types) == 17
    assert tax.relation("sanctions").cameo == "16"
    assert tax.relation("SANCTIONS").score < 0 < tax.relation("PRAISES").score
    assert tax.symmetric == {"MEETS", "NEGOTIATES", "COOPERATES_WITH", "ALLIED_WITH"}


def test_actor_kinds_from_guide():
    kinds = set(load_taxonomy().actor_kinds)
    assert {"person", "state", "government_body", "igo", "ngo", "armed_group", "company", "media", "other_org"} <= kinds


def test_unknown_terms_name_the_known_ones():
    with pytest.raises(UnknownTermError, match="known: ALLIED_WITH"):
        load_taxonomy().relation("BOMBS")
    with pytest.raises(UnknownTermError):
        load_taxonomy().check_kinds(["wizard"])


@pytest.mark.parametrize("bad", [
    {"relation_types": {"x": {"score": 1}}},                        # not UPPER_SNAKE
    {"relation_types": {"X": {"score": 11}}},                       # score out of range
    {"relation_types": {"X) DETACH DELETE n //": {"score": 0}}},    # would end up in Cypher
    {"actor_kinds": {"person": {"label": "Per son"}}, "relation_types": {}},
])
def test_malformed_taxonomy_is_rejected(bad):
    bad.setdefault("actor_kinds", {})
    with pytest.raises(ValidationError):
        parse_taxonomy(bad)
