"""Sanity checks for tests/articles5/gold.yaml, reusing tests/articles/check_gold.py on this folder.

Run from the repository root:  python3 tests/articles5/check_gold.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_checker():
    """The first set's checker, pointed at this folder (it reads gold.yaml and the texts from HERE)."""
    spec = importlib.util.spec_from_file_location("check_gold_articles", HERE.parent / "articles" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = HERE
    return module


def main() -> int:
    return load_checker().main()


if __name__ == "__main__":
    sys.exit(main())
