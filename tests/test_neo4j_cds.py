"""scripts/neo4j.sh's class-data-sharing archives: only an archive a JVM can map is put in place (a
truncated one would crash every later start of the server or the import tool)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import IN_CI, NEO4J_SCRIPT, _neo4j_jars_cached

pytestmark = pytest.mark.neo4j


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    """A jar cache of its own (links to the cached jars), so the test's archives go nowhere else."""
    if not (shutil.which("java") and _neo4j_jars_cached()):
        if IN_CI:
            pytest.fail("Java 17 and the cached Neo4j jars are required under CI")
        pytest.skip("Java 17 and the cached Neo4j jars are needed")
    src = Path(os.environ.get("ACTORGRAPH_NEO4J_HOME") or Path.home() / ".cache" / "actorgraph" / "neo4j-5.26")
    lib = sorted(src.glob("lib-*/.complete"))[-1].parent
    mine = tmp_path / "home" / lib.name
    mine.mkdir(parents=True)
    for jar in lib.glob("*.jar"):
        (mine / jar.name).symlink_to(jar)
    (mine / ".complete").touch()
    return mine


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ACTORGRAPH_NEO4J_HOME=str(home.parent), NEO4J_VERSION=home.name.removeprefix("lib-"))
    # run in the jar cache's folder: a JVM that crashes on a bad archive must leave no hs_err file there either
    return subprocess.run(["bash", str(NEO4J_SCRIPT), *args], env=env, capture_output=True, text=True, cwd=home.parent)


def test_only_a_loadable_archive_is_published(home: Path, tmp_path: Path):
    dump = tmp_path / "dump.jsa"
    # a run that writes its classes at exit (the tool stops early: NEO4J_HOME is not set; it still exits normally)
    subprocess.run(["java", f"-XX:ArchiveClassesAtExit={dump}", "-Xlog:cds=off", "-cp", f"{home}/*",
                    "org.neo4j.cli.AdminTool", "--version"], capture_output=True)
    assert dump.stat().st_size > 1_000_000
    truncated = tmp_path / "truncated.jsa"
    truncated.write_bytes(dump.read_bytes()[:1_000_000])

    assert _run(home, "cds-publish", "import", str(truncated)).returncode == 0
    assert not truncated.exists() and not list((home / "cds").glob("*.jsa"))  # checked, refused, removed
    assert not list(home.parent.glob("hs_err*"))

    assert _run(home, "cds-publish", "import", str(dump)).returncode == 0
    published = list((home / "cds").glob("import-*.jsa"))
    assert len(published) == 1 and not dump.exists()
    mapped = subprocess.run(["java", f"-XX:SharedArchiveFile={published[0]}", "-Xshare:on", "-cp", f"{home}/*", "-version"],
                            capture_output=True)
    assert mapped.returncode == 0

    bad = _run(home, "cds-publish", "../elsewhere", str(dump))
    assert bad.returncode != 0 and "PROGRAM is server or import" in bad.stderr
