"""Connection settings for Neo4j, from NEO4J_* environment variables and explicit overrides.

The password is a ``SecretStr``: it never shows in a repr, a log line or an error.

>>> s = Neo4jSettings.from_env({}, uri="bolt://127.0.0.1:17687", password="s3cret")
>>> s.uri, s.database, "s3cret" in repr(s)
('bolt://127.0.0.1:17687', 'neo4j', False)
>>> Neo4jSettings.from_env({"NEO4J_URI": "bolt://neo4j:s3cret@127.0.0.1:17687"}).uri
'bolt://127.0.0.1:17687'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, SecretStr, model_validator

ENV = {"uri": "NEO4J_URI", "user": "NEO4J_USER", "password": "NEO4J_PASSWORD", "database": "NEO4J_DATABASE"}


class Neo4jSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    uri: str = "bolt://localhost:7687"
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"

    @model_validator(mode="before")
    @classmethod
    def _credentials_out_of_uri(cls, values: Any) -> Any:
        """``bolt://user:secret@host`` -> uri ``bolt://host``, with user and password taken from it (unless given
        separately): the URI is printed in messages, so it must never hold the password."""
        if not isinstance(values, dict) or not isinstance(values.get("uri"), str):
            return values
        try:
            parts = urlsplit(values["uri"])
            user, password, host = parts.username, parts.password, parts.hostname
            port = parts.port
        except ValueError:
            return values  # the driver reports a malformed URI
        if user is None and password is None:
            return values
        netloc = (f"[{host}]" if host and ":" in host else host or "") + (f":{port}" if port else "")
        out = dict(values, uri=urlunsplit(parts._replace(netloc=netloc)))
        if user and "user" not in values:
            out["user"] = unquote(user)
        if password and not values.get("password"):
            out["password"] = unquote(password)
        return out

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Neo4jSettings:
        """Settings from ``env`` (default ``os.environ``); overrides that are not None win.

        CLI flags pass None when not given, so the environment then applies.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {field: env[var] for field, var in ENV.items() if env.get(var)}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def secret(self) -> str:
        return self.password.get_secret_value()
