"""The Cypher query library: named, documented, parameterised ``.cypher`` files.

Each file starts with a header of ``//`` comments (``name``, ``description``, one
``param NAME (KIND[, required]): text`` line per parameter, an ``example``) and one
``:param NAME => VALUE;`` line per parameter, so the whole file can be pasted into
Neo4j Browser or cypher-shell as it is. The ``:param`` values are the defaults
(for required parameters, an example that works on the sample corpus).

Parameter kinds say how a value from the command line is checked and converted:
``relation_types`` and ``kinds`` (comma-separated, validated against the taxonomy),
``actor`` (a name, alias or id, resolved to an id), ``document``, ``direction``,
``int``, ``float``, ``bool``, ``string``; ``scores`` and ``symmetric`` are filled
in from the taxonomy. Relationship types are never pasted into Cypher text: the
queries filter with ``type(r) IN $types``.

>>> q = load_query("relations_of_type")
>>> [p.name for p in q.params]
['types', 'actor']
>>> q.bind({"types": "sanctions,threatens"})["types"]
['SANCTIONS', 'THREATENS']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import ActorgraphError
from graph.taxonomy import load_taxonomy

QUERY_DIR = Path(__file__).resolve().parent
KINDS = ("relation_types", "kinds", "actor", "document", "direction", "int", "float", "bool", "string",
         "scores", "symmetric")
AUTO = ("scores", "symmetric")  # filled from the taxonomy, not set by users
DIRECTIONS = ("both", "out", "in")
DEFAULT_TIMEOUT = 30.0


class QueryError(ActorgraphError, ValueError):
    """An unknown query or parameter, or a value that does not fit its parameter."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    description: str = ""
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class CypherQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str = field(repr=False)  # the Cypher statement, without the :param lines
    source: str = field(repr=False)  # the whole file
    example: str = ""
    path: Path | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r}; parameters: {known}")

    def bind(self, values: Mapping[str, Any] | None = None, resolve_actor: Callable[[str], str] | None = None,
             check_document: Callable[[str], str] | None = None) -> dict[str, Any]:
        """The full parameter map for a run: defaults, then ``values`` checked and converted.

        ``values`` may hold strings from the command line (``types="SANCTIONS,THREATENS"``)
        or Python values. ``resolve_actor`` turns a name into an actor id;
        ``check_document`` returns a document id or raises.
        """
        values = dict(values or {})
        for name in values:
            self.param(name)
        out: dict[str, Any] = {}
        for p in self.params:
            if p.kind in AUTO:
                if p.name in values:
                    raise QueryError(f"parameter {p.name!r} is filled in from the taxonomy; do not set it")
                out[p.name] = _auto(p.kind)
            elif p.name in values:
                out[p.name] = _convert(p, values[p.name], resolve_actor, check_document)
            elif p.required:
                raise QueryError(f"query {self.name!r} needs --param {p.name}=... ({p.description})")
            else:
                out[p.name] = p.default
        return out


# -- parsing ----------------------------------------------------------------

_PARAM_LINE = re.compile(r"^:param\s+(\w+)\s*=>\s*(.*?);?\s*$")
_PARAM_DOC = re.compile(r"^param\s+(\w+)\s*\(\s*(\w+)\s*(,\s*required\s*)?\)\s*:?\s*(.*)$")
_FIELD = re.compile(r"^(name|description|example)\s*:\s*(.*)$")


def parse_query(source: str, name: str | None = None, path: Path | None = None) -> CypherQuery:
    """Parse one query file's text (see the module docstring for the header format)."""
    fields: dict[str, str] = {}
    docs: dict[str, tuple[str, bool, str]] = {}
    defaults: dict[str, Any] = {}
    body: list[str] = []
    last: str | None = None
    for raw in source.splitlines():
        line = raw.strip()
        if line.startswith(":param"):
            m = _PARAM_LINE.match(line)
            if not m:
                raise QueryError(f"{name or path}: bad :param line {line!r}")
            defaults[m.group(1)] = parse_literal(m.group(2))
            continue
        if line.startswith("//") and not body:
            text = line[2:].strip()
            indented = raw[raw.index("//") + 2:].startswith("   ")
            if indented and last:
                if last.startswith("param:"):
                    kind, req, desc = docs[last[6:]]
                    docs[last[6:]] = (kind, req, f"{desc} {text}")
                else:
                    fields[last] += " " + text
            elif m := _PARAM_DOC.match(text):
                docs[m.group(1)] = (m.group(2), bool(m.group(3)), m.group(4).strip())
                last = "param:" + m.group(1)
            elif m := _FIELD.match(text):
                fields[m.group(1)] = m.group(2).strip()
                last = m.group(1)
            continue
        if line or body:
            body.append(raw)
    qname = fields.get("name") or name or ""
    if name and qname != name:
        raise QueryError(f"{path or name}: header says name {qname!r}, file is {name!r}")
    if set(docs) != set(defaults):
        raise QueryError(f"{qname}: documented parameters {sorted(docs)} differ from :param lines {sorted(defaults)}")
    params = []
    for pname, (kind, required, desc) in docs.items():
        if kind not in KINDS:
            raise QueryError(f"{qname}: parameter {pname!r} has unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
        params.append(Param(pname, kind, desc, required, defaults[pname]))
    text = "\n".join(body).strip().rstrip(";").strip()
    if not text:
        raise QueryError(f"{qname}: no Cypher statement")
    return CypherQuery(qname, fields.get("description", ""), tuple(params), text, source,
                       fields.get("example", ""), path)


def list_queries(directory: Path | None = None) -> list[CypherQuery]:
    """Every query in the library, by name."""
    directory = directory or QUERY_DIR
    return [parse_query(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(directory.glob("*.cypher"))]


def load_query(name: str, directory: Path | None = None) -> CypherQuery:
    directory = directory or QUERY_DIR
    path = directory / f"{name}.cypher"
    if not re.fullmatch(r"\w+", name) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(directory.glob("*.cypher")))
        raise QueryError(f"unknown query {name!r}; queries: {known}")
    return parse_query(path.read_text(encoding="utf-8"), name, path)


_TOKEN = re.compile(r"""\s*(?:(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)"""
                    r"""|(?P<word>[A-Za-z_]\w*|`[^`]+`)|(?P<punct>[\[\]{}:,]))""")


def parse_literal(text: str) -> Any:
    """A Cypher literal (null, booleans, numbers, strings, lists, maps) as a Python value.

    >>> parse_literal("{MEETS: 1.0, SANCTIONS: -7, tags: ['a', \\"b\\"], on: true}")
    {'MEETS': 1.0, 'SANCTIONS': -7, 'tags': ['a', 'b'], 'on': True}
    """
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise QueryError(f"cannot read Cypher literal {text!r} at {text[pos:pos + 10]!r}")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    value, i = _value(tokens, 0, text)
    if i != len(tokens):
        raise QueryError(f"cannot read Cypher literal {text!r}: trailing text")
    return value


def _value(tokens: list[tuple[str, str]], i: int, text: str) -> tuple[Any, int]:
    if i >= len(tokens):
        raise QueryError(f"cannot read Cypher literal {text!r}: unexpected end")
    kind, tok = tokens[i]
    if kind == "str":
        return re.sub(r"\\(.)", r"\1", tok[1:-1]), i + 1
    if kind == "num":
        return (float(tok) if any(c in tok for c in ".eE") else int(tok)), i + 1
    if kind == "word":
        words = {"null": None, "true": True, "false": False}
        if tok.lower() not in words:
            raise QueryError(f"cannot read Cypher literal {text!r}: {tok!r}")
        return words[tok.lower()], i + 1
    if tok in "[{":
        close = "]" if tok == "[" else "}"
        items: list[Any] = []
        pairs: dict[str, Any] = {}
        i += 1
        while i < len(tokens) and tokens[i][1] != close:
            if close == "}":
                key = tokens[i][1].strip("`")
                if i + 1 >= len(tokens) or tokens[i + 1][1] != ":":
                    raise QueryError(f"cannot read Cypher literal {text!r}: expected ':' after {key!r}")
                pairs[key], i = _value(tokens, i + 2, text)
            else:
                item, i = _value(tokens, i, text)
                items.append(item)
            if i < len(tokens) and tokens[i][1] == ",":
                i += 1
        if i >= len(tokens):
            raise QueryError(f"cannot read Cypher literal {text!r}: missing {close!r}")
        return (items if close == "]" else pairs), i + 1
    raise QueryError(f"cannot read Cypher literal {text!r}: unexpected {tok!r}")


# -- binding ----------------------------------------------------------------

def _auto(kind: str) -> Any:
    tax = load_taxonomy()
    if kind == "scores":
        return {name: float(r.score) for name, r in tax.relation_types.items()}
    return sorted(tax.symmetric)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def _convert(p: Param, value: Any, resolve_actor: Callable[[str], str] | None,
             check_document: Callable[[str], str] | None) -> Any:
    tax = load_taxonomy()
    if p.kind == "relation_types":
        return tax.check_relation_types(_as_list(value))
    if p.kind == "kinds":
        return tax.check_kinds(_as_list(value))
    if (value is None or (isinstance(value, str) and value.lower() in ("", "null"))) and not p.required:
        return None
    if p.kind == "actor":
        return resolve_actor(str(value)) if resolve_actor else str(value)
    if p.kind == "document":
        return check_document(str(value)) if check_document else str(value)
    if p.kind == "direction":
        if value not in DIRECTIONS:
            raise QueryError(f"parameter {p.name!r} must be one of {', '.join(DIRECTIONS)}, not {value!r}")
        return value
    if p.kind in ("int", "float"):
        try:
            return int(value) if p.kind == "int" else float(value)
        except (TypeError, ValueError):
            raise QueryError(f"parameter {p.name!r} must be a number ({p.kind}), not {value!r}") from None
    if p.kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).lower()
        if text not in ("true", "false", "1", "0", "yes", "no"):
            raise QueryError(f"parameter {p.name!r} must be true or false, not {value!r}")
        return text in ("true", "1", "yes")
    return str(value)
