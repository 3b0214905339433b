"""The copies in tests/data/shared stay identical to ../shared, when the workspace has it."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, WORKSPACE_SHARED

COPIED = ["eval/score.py", "eval/gold/seeds.yaml"]


def test_the_copies_are_there():
    # The suite needs nothing outside the repository.
    for rel in COPIED:
        assert (SHARED / rel).stat().st_size > 0, rel


@pytest.mark.skipif(not WORKSPACE_SHARED.is_dir(), reason="../shared is not beside the project (a bare clone)")
@pytest.mark.parametrize("rel", COPIED)
def test_the_copies_match_the_workspace_originals(rel):
    assert (SHARED / rel).read_bytes() == (WORKSPACE_SHARED / rel).read_bytes(), (
        f"../shared/{rel} changed: copy it to tests/data/shared/{rel} and update the sha256 in its README")
