"""Connection settings for Neo4j, from NEO4J_* environment variables and explicit overrides.

The password is a ``SecretStr``: it never shows in a repr, a log line or an error.

>>> s = Neo4jSettings.from_env({}, uri="bolt://127.0.0.1:17687", password="s3cret")
>>> s.uri, s.database, "s3cret" in repr(s)
('bolt://127.0.0.1:17687', 'neo4j', False)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, SecretStr

ENV = {"uri": "NEO4J_URI", "user": "NEO4J_USER", "password": "NEO4J_PASSWORD", "database": "NEO4J_DATABASE"}


class Neo4jSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    uri: str = "bolt://localhost:7687"
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"

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
