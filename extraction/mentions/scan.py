"""Fast scans of a parsed document's words: the passes that look for a few words read the document once as an
array of lower-case ids instead of building a Token for every word (most of a pass's time otherwise)."""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc


def token_indices(doc: Doc, words: set[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is in ``words``, in order.

    >>> import spacy
    >>> token_indices(spacy.blank("en")("The junta and the Junta met."), {"junta"})
    [1, 4]
    """
    lowers = doc.user_data.get("actorgraph_lower_ids")
    if lowers is None or len(lowers) != len(doc):
        lowers = doc.user_data["actorgraph_lower_ids"] = doc.to_array([LOWER]).reshape(-1)
    wanted = numpy.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
    return numpy.flatnonzero(numpy.isin(lowers, wanted)).tolist()
