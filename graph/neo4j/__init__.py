"""Neo4j as the system of record: settings, connection, batched writer, reader.

>>> from graph.neo4j import Neo4jSettings
>>> Neo4jSettings(password="s3cret")
Neo4jSettings(uri='bolt://localhost:7687', user='neo4j', password=SecretStr('**********'), database='neo4j')
"""

from graph.neo4j.connection import Neo4jUnavailable, connect, session
from graph.neo4j.reader import read_store
from graph.neo4j.settings import Neo4jSettings
from graph.neo4j.writer import Neo4jWriter

__all__ = ["Neo4jSettings", "Neo4jUnavailable", "Neo4jWriter", "connect", "read_store", "session"]
