"""The layering rules that lint-imports cannot see: every module has a layer, and imports inside functions are
only the documented lazy ones (heavy libraries, and the few cycles inside loaders/)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("actorgraph", "graph", "loaders", "extraction", "queries")
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
# What may be imported inside a function, and only with a comment saying why ("lazy: ..." or "deferred: ...").
LAZY = {"numpy", "pyarrow", "igraph", "pyvis", "fsspec", "trafilatura",  # heavy or optional libraries
        "loaders.pdf", "loaders.docx", "graph.fastgraph",  # pdfminer, python-docx, igraph
        "extraction.extractor", "actorgraph.ingest", "actorgraph.cluster",  # spaCy (and Dask) for the CLI
        "loaders.web"}  # httpx and feedparser, for the CLI's ingest only


def modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            out[name.removesuffix(".__init__")] = path
    return out


def test_every_module_has_a_layer():
    layers = next(c for c in CONTRACTS if c["type"] == "layers")["layers"]
    placed = [m.strip() for layer in layers for m in layer.replace("|", ":").split(":")]
    # The packages' own __init__ of graph and loaders hold no code of a layer (a version; re-exports).
    unplaced = [m for m in modules() if m not in ("graph", "loaders")
                and not any(m == p or m.startswith(p + ".") for p in placed)]
    assert not unplaced, f"modules in no layer of the import-linter contract (pyproject.toml): {unplaced}"


def _function_imports(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    yield inner


def test_imports_inside_functions_are_only_the_documented_lazy_ones():
    bad = []
    for name, path in modules().items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in _function_imports(ast.parse("\n".join(lines))):
            if isinstance(node, ast.Import):
                target = node.names[0].name
            else:  # `from graph import fastgraph` imports the module graph.fastgraph
                target = node.module if node.module in LAZY else f"{node.module}.{node.names[0].name}"
            said = " ".join(lines[max(0, node.lineno - 3):node.end_lineno]).lower()
            if target not in LAZY or not ("lazy:" in said or "deferred" in said or "imported here" in said):
                bad.append(f"{name}:{node.lineno} imports {target}")
    assert not bad, f"imports inside functions (move them to the top, or say why they are lazy): {bad}"
