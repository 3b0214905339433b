"""Loaders: read news documents from files and folders into :class:`graph.model.Document`.

>>> from loaders import load_paths
>>> docs, problems = load_paths(["examples/news"])  # doctest: +SKIP
"""

from loaders.documents import LoadProblem
from loaders.readers import SUPPORTED_SUFFIXES, read_file
from loaders.remote import load_paths

__all__ = ["SUPPORTED_SUFFIXES", "LoadProblem", "load_paths", "read_file"]
