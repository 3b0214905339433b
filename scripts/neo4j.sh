#!/usr/bin/env bash
# Neo4j Community 5.26 without Docker: jars from Maven Central, a generated config, loopback only.
#
#   bash scripts/neo4j.sh install   # fetch the jars once (needs Java 17+ and Maven)
#   bash scripts/neo4j.sh start     # start on 127.0.0.1, wait until Bolt answers; Neo4j Browser at /browser/
#   eval "$(bash scripts/neo4j.sh env)"   # NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD for actorgraph
#   bash scripts/neo4j.sh status|stop
#   bash scripts/neo4j.sh import DIR      # bulk-load `actorgraph export csv DIR` into a stopped server
#   bash scripts/neo4j.sh admin ARGS...   # neo4j-admin ARGS... on this instance (e.g. database info)
#   bash scripts/neo4j.sh cds-publish PROGRAM FILE   # check a class archive (a JVM maps it) and make it
#                                   # PROGRAM's (server, import); FILE is removed either way
#   bash scripts/neo4j.sh import-full DATABASE ARGS...   # neo4j-admin database import full (actorgraph push --bulk):
#                                   # stops the server, imports into its data folder, starts it again
#
# Environment:
#   ACTORGRAPH_NEO4J_HOME  jar cache + default instance folder (default ~/.cache/actorgraph/neo4j-5.26)
#   ACTORGRAPH_NEO4J_DATA  instance folder: conf, data, logs, run, password (default: the home folder)
#   NEO4J_BOLT_PORT / NEO4J_HTTP_PORT   (default 7687 / 7474)
#   NEO4J_HEAP / NEO4J_PAGECACHE        (default 512m / 256m: the machine is shared)
#   NEO4J_ADMIN_HEAP                    heap of neo4j-admin (import, admin; default 1g)
#   NEO4J_EXTRA_CONF                    extra neo4j.conf lines appended to the generated config
#   NEO4J_JAVA_OPTS                     extra JVM options, split on spaces (e.g. for profiling)
#   NEO4J_START_TIMEOUT                 seconds to wait for Bolt (default 120)
#   NEO4J_IMPORT_HEAP                   heap of the import tool (default 1g; it also uses off-heap memory)
#   NEO4J_CDS                           0: no class data sharing archive (default 1, see cds_options)
#   NEO4J_VERSION                       Maven version of Neo4j (default 5.26.30)
#   NEO4J_BROWSER_VERSION               Maven version of Neo4j Browser (default 5.24.0)
#   ACTORGRAPH_MAVEN_REPO               Maven local repository (default: Maven's own, ~/.m2)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
VERSION=${NEO4J_VERSION:-5.26.30}
BROWSER_VERSION=${NEO4J_BROWSER_VERSION:-5.24.0}
HOME_DIR=${ACTORGRAPH_NEO4J_HOME:-$HOME/.cache/actorgraph/neo4j-5.26}
INST=${ACTORGRAPH_NEO4J_DATA:-$HOME_DIR}
LIB=$HOME_DIR/lib-$VERSION
BOLT_PORT=${NEO4J_BOLT_PORT:-7687}
HTTP_PORT=${NEO4J_HTTP_PORT:-7474}
HEAP=${NEO4J_HEAP:-512m}
PAGECACHE=${NEO4J_PAGECACHE:-256m}
TIMEOUT=${NEO4J_START_TIMEOUT:-120}
PIDFILE=$INST/run/neo4j.pid
PORTFILE=$INST/run/ports
PWFILE=$INST/password
CONF=$INST/conf/neo4j.conf
LOG=$INST/logs/neo4j.log
CONSOLE=$INST/logs/console.log

die() { echo "neo4j.sh: $*" >&2; exit 1; }

check_java() {
  command -v java >/dev/null 2>&1 || die "Java 17+ is required (java not found on PATH)"
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  [ -n "$v" ] && [ "$v" -ge 17 ] || die "Java 17+ is required (found: ${v:-unknown})"
}

# Class data sharing (CDS): the JVM maps the classes an earlier run loaded from an archive instead of
# loading and verifying them again, which halves the server's start on this busy 2-core machine (19 s
# vs 34 s; the import tool gains less). One archive per jar set, Java build and program, in $LIB/cds: made
# by the first run without one (-XX:ArchiveClassesAtExit, written when that JVM exits normally), then
# checked (a truncated archive crashes the JVM that maps it) and renamed into place by cds_publish.
# A stale archive (other jars or Java) is ignored by the JVM with a warning.
CDS_OPTS=()
cds_archive() {  # cds_archive PROGRAM: the archive's path for this Java
  local id
  id=$( { readlink -f "$(command -v java)"; java -version 2>&1; } | cksum | cut -d' ' -f1)
  echo "$LIB/cds/$1-$id.jsa"
}

cds_options() {  # cds_options PROGRAM DUMP: sets CDS_OPTS to use the archive, or to write DUMP at exit
  CDS_OPTS=()
  [ "${NEO4J_CDS:-1}" = 1 ] || return 0
  local archive
  archive=$(cds_archive "$1")
  if [ -s "$archive" ]; then
    CDS_OPTS=("-XX:SharedArchiveFile=$archive")
  else
    rm -f "$2"
    CDS_OPTS=("-XX:ArchiveClassesAtExit=$2" "-Xlog:cds=off,cds+dynamic=off")
  fi
}

cds_publish() {  # cds_publish PROGRAM DUMP: put a complete, loadable DUMP in place as PROGRAM's archive
  local archive tmp
  [ -s "$2" ] || { rm -f "$2"; return 0; }
  archive=$(cds_archive "$1")
  tmp="$archive.$$.tmp"
  mkdir -p "$LIB/cds"
  # -Xshare:on fails instead of running without the archive: only an archive this JVM can map goes in
  # (a bad archive crashes that JVM: no hs_err file in the caller's folder)
  if cp "$2" "$tmp" 2>/dev/null && java "-XX:SharedArchiveFile=$tmp" -Xshare:on -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash \
    -cp "$LIB/*" -version >/dev/null 2>&1; then
    mv -f "$tmp" "$archive"  # a rename: a JVM starting meanwhile maps the old file or the new one, whole
  fi
  rm -f "$tmp" "$2"
}

maven_repo() { [ -n "${ACTORGRAPH_MAVEN_REPO:-}" ] && echo "-Dmaven.repo.local=$ACTORGRAPH_MAVEN_REPO"; return 0; }

install_browser() {
  # An install made before Neo4j Browser was in the pom: add its jar (one file, beside the others).
  ls "$LIB"/neo4j-browser-"$BROWSER_VERSION".jar >/dev/null 2>&1 && return 0
  command -v mvn >/dev/null 2>&1 || die "Maven is required to fetch Neo4j Browser (mvn not found on PATH)"
  echo "fetching Neo4j Browser $BROWSER_VERSION from Maven Central into $LIB ..." >&2
  local -a repo=()
  read -r -a repo <<<"$(maven_repo)"
  rm -rf "$LIB/.browser.tmp"
  if ! mvn -B -q "${repo[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
    -Dartifact="org.neo4j.client:neo4j-browser:$BROWSER_VERSION" -DoutputDirectory="$LIB/.browser.tmp" \
    >"$HOME_DIR/maven-browser.log" 2>&1; then
    tail -n 20 "$HOME_DIR/maven-browser.log" >&2
    die "Maven could not fetch Neo4j Browser $BROWSER_VERSION (full output in $HOME_DIR/maven-browser.log)"
  fi
  mv "$LIB/.browser.tmp/neo4j-browser-$BROWSER_VERSION.jar" "$LIB/" && rm -rf "$LIB/.browser.tmp"
}

cmd_install() {
  check_java
  if [ -f "$LIB/.complete" ]; then
    install_browser
    echo "Neo4j $VERSION already installed in $LIB (with Neo4j Browser $BROWSER_VERSION)"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "Maven is required to fetch Neo4j from Maven Central (mvn not found on PATH)"
  echo "fetching Neo4j Community $VERSION from Maven Central into $LIB ..." >&2
  mkdir -p "$HOME_DIR"
  rm -rf "$LIB.tmp"
  local repo=()
  [ -n "${ACTORGRAPH_MAVEN_REPO:-}" ] && repo=("-Dmaven.repo.local=$ACTORGRAPH_MAVEN_REPO")
  # Copy into a temp folder first, so an interrupted download never looks installed.
  if ! mvn -B -q -f "$HERE/neo4j/pom.xml" "${repo[@]}" -Dneo4j.version="$VERSION" -Dneo4j.browser.version="$BROWSER_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB.tmp" >"$HOME_DIR/maven.log" 2>&1; then
    tail -n 20 "$HOME_DIR/maven.log" >&2
    die "Maven could not fetch Neo4j $VERSION (full output in $HOME_DIR/maven.log)"
  fi
  ls "$LIB.tmp"/neo4j-"$VERSION".jar >/dev/null 2>&1 || die "download incomplete: neo4j-$VERSION.jar missing"
  rm -rf "$LIB"
  mv "$LIB.tmp" "$LIB"
  touch "$LIB/.complete"
  echo "installed Neo4j $VERSION ($(find "$LIB" -name '*.jar' | wc -l) jars)"
}

running_pid() {
  # The pid from the pid file, if that process is our Neo4j (not a recycled pid).
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "CommunityEntryPoint.*--config-dir=$INST/conf" || return 1
  echo "$pid"
}

write_conf() {
  mkdir -p "$INST"/{conf,data,logs,run,plugins,import}
  cat >"$CONF" <<EOF
# Generated by scripts/neo4j.sh on each start: edits are overwritten.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
server.directories.data=$INST/data
server.directories.logs=$INST/logs
server.directories.run=$INST/run
server.directories.plugins=$INST/plugins
server.directories.import=$INST/import
server.memory.pagecache.size=$PAGECACHE
db.tx_log.rotation.retention_policy=100M size
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
EOF
  # Extra settings, one per line (e.g. tuning for a benchmark); later lines override earlier ones.
  if [ -n "${NEO4J_EXTRA_CONF:-}" ]; then printf '%s\n' "$NEO4J_EXTRA_CONF" >>"$CONF"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

log_tail() {
  echo "--- last lines of $LOG ---" >&2
  tail -n 25 "$LOG" 2>/dev/null >&2 || true
  if [ -s "$CONSOLE" ]; then echo "--- last lines of $CONSOLE ---" >&2; tail -n 15 "$CONSOLE" >&2; fi
}

cmd_start() {
  local pid
  if pid=$(running_pid); then
    [ "$(cat "$PORTFILE" 2>/dev/null)" = "$BOLT_PORT $HTTP_PORT" ] \
      || die "Neo4j is already running from $INST on other ports ($(cat "$PORTFILE" 2>/dev/null)); stop it first"
    echo "Neo4j already running (pid $pid, bolt://127.0.0.1:$BOLT_PORT)"
    return 0
  fi
  cmd_install >/dev/null
  for p in "$BOLT_PORT" "$HTTP_PORT"; do
    port_open "$p" && die "port $p on 127.0.0.1 is already in use (set NEO4J_BOLT_PORT / NEO4J_HTTP_PORT)"
  done
  write_conf
  if [ ! -d "$INST/data/databases/system" ]; then
    # First start: generate the password and seed it before the system database exists.
    if [ ! -s "$PWFILE" ]; then
      local pw
      pw=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
      (umask 077; printf '%s' "${pw:0:24}" >"$PWFILE")
    fi
    chmod 600 "$PWFILE"
    # picocli reads arguments from an @file, so the password never appears on a command line.
    NEO4J_HOME="$INST" NEO4J_CONF="$INST/conf" java -cp "$LIB/*" org.neo4j.cli.AdminTool \
      dbms set-initial-password "@$PWFILE" >"$INST/logs/set-password.log" 2>&1 \
      || { cat "$INST/logs/set-password.log" >&2; die "could not set the initial password"; }
  elif [ ! -s "$PWFILE" ]; then
    die "the password file $PWFILE is missing but $INST/data already has users; delete $INST/data to start afresh"
  fi
  local offset
  offset=0
  [ -f "$LOG" ] && offset=$(wc -l <"$LOG")
  : >"$CONSOLE"
  # setsid + nohup: the server outlives the shell that started it; `stop` ends it by pid.
  local -a java_opts=()
  read -r -a java_opts <<<"${NEO4J_JAVA_OPTS:-}"
  cds_options server "$INST/run/server.jsa"
  setsid nohup java "${CDS_OPTS[@]}" "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC \
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 "${java_opts[@]}" \
    -cp "$LIB/*" org.neo4j.server.CommunityEntryPoint --home-dir="$INST" --config-dir="$INST/conf" \
    >"$CONSOLE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PIDFILE"
  echo "$BOLT_PORT $HTTP_PORT" >"$PORTFILE"
  local waited=0 ticks=0
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PIDFILE"
      log_tail
      die "Neo4j exited during start-up (logs in $INST/logs)"
    fi
    if port_open "$BOLT_PORT" && tail -n +"$((offset + 1))" "$LOG" 2>/dev/null | grep -q 'INFO  Started\.'; then
      break
    fi
    if [ "$waited" -ge "$TIMEOUT" ]; then
      log_tail
      kill -TERM "$pid" 2>/dev/null || true
      rm -f "$PIDFILE"
      die "Bolt did not answer on 127.0.0.1:$BOLT_PORT within ${TIMEOUT}s (raise NEO4J_START_TIMEOUT?)"
    fi
    sleep 0.2  # polled 5 times a second: the caller waits for the server, not for the poll
    ticks=$((ticks + 1))
    waited=$((ticks / 5))
  done
  echo "Neo4j $VERSION started (pid $pid) after ${waited}s: bolt://127.0.0.1:$BOLT_PORT," \
    "Neo4j Browser at http://127.0.0.1:$HTTP_PORT/browser/ (user neo4j, password: bash scripts/neo4j.sh env)"
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PIDFILE"
    echo "Neo4j is not running ($INST)"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PIDFILE"
      # a JVM that exited normally has written its class archive, if it was asked to
      [ -f "$INST/run/server.jsa" ] && cds_publish server "$INST/run/server.jsa"
      echo "Neo4j stopped"
      return 0
    fi
    sleep 0.2
  done
  echo "Neo4j did not stop within 60s; killing pid $pid" >&2
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE" "$INST/run/server.jsa"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    read -r b h <"$PORTFILE"
    echo "running (pid $pid): bolt://127.0.0.1:$b http://127.0.0.1:$h, data in $INST"
  else
    echo "stopped (data in $INST)"
    return 3
  fi
}

cmd_import_full() {
  # The import tool writes the store files itself, so the database must be offline: stop, import, start.
  [ $# -ge 1 ] || die "usage: $0 import-full DATABASE [neo4j-admin database import full options]"
  local db=$1
  shift
  check_java
  cmd_install >/dev/null
  local was_running=0
  if running_pid >/dev/null; then
    was_running=1
    # Restart on the ports it ran on, whatever this shell's NEO4J_*_PORT say.
    read -r BOLT_PORT HTTP_PORT <"$PORTFILE"
    cmd_stop >/dev/null
  fi
  [ -f "$CONF" ] || write_conf
  local status=0
  mkdir -p "$INST/run"
  cds_options import "$INST/run/import.jsa"
  NEO4J_HOME="$INST" NEO4J_CONF="$INST/conf" java "${CDS_OPTS[@]}" "-Xmx${NEO4J_IMPORT_HEAP:-1g}" -cp "$LIB/*" org.neo4j.cli.AdminTool \
    database import full --overwrite-destination=true --report-file="$INST/logs/import-report.txt" "$@" "$db" \
    >"$INST/logs/import.log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then cds_publish import "$INST/run/import.jsa"; else rm -f "$INST/run/import.jsa"; fi
  if [ "$status" -ne 0 ]; then
    tail -n 15 "$INST/logs/import.log" >&2
    echo "neo4j.sh: import failed (full output in $INST/logs/import.log)" >&2
  else
    grep -E "^IMPORT DONE|Imported:" -A4 "$INST/logs/import.log" | head -n 6 >&2 || true
  fi
  if [ "$was_running" = 1 ]; then cmd_start >&2; fi
  return "$status"
}

cmd_env() {
  [ -s "$PWFILE" ] || die "no password yet in $PWFILE: run 'scripts/neo4j.sh start' first"
  local b=$BOLT_PORT
  if running_pid >/dev/null && [ -f "$PORTFILE" ]; then read -r b _ <"$PORTFILE"; fi
  echo "export NEO4J_URI=bolt://127.0.0.1:$b"
  echo "export NEO4J_USER=neo4j"
  echo "export NEO4J_PASSWORD=$(cat "$PWFILE")"
}

admin_tool() {
  # neo4j-admin of this instance: the same jars and generated config as the server.
  [ -f "$LIB/.complete" ] || die "Neo4j is not installed: run 'bash scripts/neo4j.sh install' first"
  [ -f "$CONF" ] || write_conf
  NEO4J_HOME="$INST" NEO4J_CONF="$INST/conf" java "-Xmx${NEO4J_ADMIN_HEAP:-1g}" -cp "$LIB/*" org.neo4j.cli.AdminTool "$@"
}

cmd_import() {
  # Bulk import of `actorgraph export csv DIR` (actors.csv, relations.csv) into the database "neo4j",
  # replacing what it holds. neo4j-admin writes the store files itself, so the server must be stopped.
  local dir=${1:-}
  [ -n "$dir" ] || die "usage: $0 import DIR [neo4j-admin options]  (DIR from: actorgraph export csv DIR)"
  shift
  [ -f "$dir/actors.csv" ] && [ -f "$dir/relations.csv" ] \
    || die "$dir has no actors.csv and relations.csv (write them with: actorgraph export csv $dir)"
  if running_pid >/dev/null; then die "stop the server first (bash scripts/neo4j.sh stop): the import rewrites the database"; fi
  # The database name first: --nodes/--relationships take several files and would swallow it.
  admin_tool database import full neo4j --overwrite-destination=true --report-file="$INST/logs/import.report" \
    --nodes="$dir/actors.csv" --relationships="$dir/relations.csv" "$@"
  echo "imported $dir into the database neo4j; start the server with: bash scripts/neo4j.sh start"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  import) shift; cmd_import "$@" ;;
  import-full) shift; cmd_import_full "$@" ;;
  admin) shift; admin_tool "$@" ;;
  cds-publish)
    [ $# -eq 3 ] || die "usage: $0 cds-publish PROGRAM FILE"
    case "$2" in server | import) ;; *) die "cds-publish: PROGRAM is server or import, not '$2'" ;; esac
    check_java
    cds_publish "$2" "$3"
    ;;
  *) echo "usage: $0 install|start|stop|status|env|import DIR|import-full DATABASE ARGS...|admin ARGS...|cds-publish PROGRAM FILE" >&2; exit 2 ;;
esac
