"""Agreements, treaties, laws and operations are things actors sign or run, not actors."""

from __future__ import annotations

import pytest

from graph.model import Document

pytestmark = pytest.mark.slow  # loads the spaCy pipeline


def test_named_instruments_do_not_become_organisations():
    from extraction.extractor import Extractor

    text = ("Fiji signed the Pacific Islands Forum Fisheries Agreement on Tuesday, and Samoa rejected the "
            "Regional Trade Organisation Accord.\n\nKenya backed the East African Community Customs Union Protocol.\n")
    ext = Extractor().extract(Document(id="t", text=text, sha256="0" * 64))
    kinds = {a.id: a.kind for a in ext.actors}
    assert {"fiji", "samoa", "kenya"} <= set(kinds)
    assert not [a for a in kinds if any(w in a for w in ("agreement", "accord", "protocol"))], kinds
