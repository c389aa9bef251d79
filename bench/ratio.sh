#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Issue 12's "Speed, side by side": how close Borough's case creation comes to the raw write limit
# of the PostgreSQL it runs on, measured in one go on one machine:
#   1. starts PostgreSQL if it is down, installs pgbench if it is missing (Debian);
#   2. builds the jar (target-bench) and makes a fresh database, $RATIO_DB;
#   3. starts Borough on it (Flyway makes the real schema; a small demo borough), warehouse off;
#   4. runs the harness (src/test/java/org/borough/bench/RatioBenchmark.java), which warms up, then
#      for each round runs (a) pgbench with bench/raw-case-write.sql (a case row, its outbox row
#      and its audit row in one transaction into Borough's own tables, the outbox row into a copy
#      of outbox_event that Borough does not read) and (b) POST /api/v1/cases
#      against Borough, both with the same clients for the same time, and prints both rates, the
#      ratio, the CPU split and the rows PostgreSQL wrote per case; then the median of the rounds;
#   5. with RATIO_PROFILE_SECONDS, profiles Borough with JFR for that long after the rounds and
#      prints where its CPU went.
# Results: <build dir>/bench/ratio.json and ratio.txt (and ratio.jfr when profiled).
#
# Usage: bench/ratio.sh [extra -Dbench.* options for the harness]
# Environment (defaults in brackets):
#   RATIO_DB [borough_ratio]      the database: dropped and made again on every run
#   RATIO_CLIENTS [8]             clients of both sides (pgbench -c, HTTP clients)
#   RATIO_SECONDS [30]            length of each side in each round
#   RATIO_ROUNDS [3]              rounds; the median is reported
#   RATIO_WARMUP [60]             seconds of case creation before the first round, not counted
#   RATIO_PROFILE_SECONDS [0]     seconds of JFR profile after the rounds (0: none)
#   BENCH_PORT [8095] BENCH_HEAP [-Xmx512m] BENCH_BUILD_DIR [<repo>/target-bench]
#   BENCH_SKIP_BUILD [false]      true to reuse the jar already built
#   RATIO_JAR []                  measure this jar instead (an older build, for before/after)
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD []
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DB=${RATIO_DB:-borough_ratio}
CLIENTS=${RATIO_CLIENTS:-8}
SECONDS_EACH=${RATIO_SECONDS:-30}
ROUNDS=${RATIO_ROUNDS:-3}
WARMUP=${RATIO_WARMUP:-60}
PROFILE_SECONDS=${RATIO_PROFILE_SECONDS:-0}
PORT=${BENCH_PORT:-8095}
HEAP=${BENCH_HEAP:--Xmx512m}
BUILD_DIR=${BENCH_BUILD_DIR:-$ROOT/target-bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-}

RUN_DIR=$BUILD_DIR/bench/ratio-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN_DIR"
JAR=${RATIO_JAR:-$BUILD_DIR/borough-0.1.0-SNAPSHOT.jar}
SERVER_PID=

log() { echo "[ratio $(date -u +%H:%M:%S)] $*"; }

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
  fi
  SERVER_PID=
}
trap stop_server EXIT

# 1. PostgreSQL up (as .ci/run starts it), pgbench present.
if ! pg_isready -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; then
  log "starting PostgreSQL"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1 && break; sleep 1; done
fi
if ! command -v pgbench >/dev/null 2>&1; then
  log "installing pgbench (Debian's postgresql-client)"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client
fi

log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)," \
  "$(lscpu | sed -n 's/^Model name: *//p' | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "java: $(java -version 2>&1 | head -2 | tail -1)"
log "postgresql: $(psql -X -d postgres -Atc 'select version()')," \
  "synchronous_commit $(psql -X -d postgres -Atc 'show synchronous_commit')," \
  "max_connections $(psql -X -d postgres -Atc 'show max_connections')"

# 2. The jar and a fresh database.
if [[ "${BENCH_SKIP_BUILD:-false}" != true && -z "${RATIO_JAR:-}" ]]; then
  log "building: ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -DskipTests -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" package
fi
[[ -f "$JAR" ]] || { log "no jar at $JAR"; exit 1; }
psql -X -q -d postgres -c "drop database if exists \"$DB\" with (force)" \
  -c "create database \"$DB\""

# 3. Borough on it: Flyway makes the schema, a small demo borough gives services and residents.
ADMIN_API_TOKEN=brg_ratio_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME="$PGUSER" \
SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
SERVER_PORT="$PORT" \
BOROUGH_DATA_DIR="$RUN_DIR/data" \
BOROUGH_ADMIN_PASSWORD="ratio-admin-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" \
BOROUGH_ADMIN_API_TOKEN="$ADMIN_API_TOKEN" \
BOROUGH_WAREHOUSE_ENABLED=false \
BOROUGH_WAREHOUSE_REBUILD_WHEN_EMPTY=false \
BOROUGH_DEMO_RESIDENTS="${RATIO_RESIDENTS:-2000}" \
BOROUGH_DEMO_CASES="${RATIO_CASES:-5000}" \
  java $HEAP -jar "$JAR" >"$RUN_DIR/server.log" 2>&1 &
SERVER_PID=$!
log "started Borough ($JAR): pid $SERVER_PID, java $HEAP, port $PORT, database $DB; log $RUN_DIR/server.log"
for waited in $(seq 0 2 600); do
  curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP && break
  kill -0 "$SERVER_PID" 2>/dev/null || { log "Borough exited"; tail -40 "$RUN_DIR/server.log"; exit 1; }
  ((waited < 600)) || { log "Borough did not start in 600 s"; exit 1; }
  sleep 2
done
log "Borough is ready"

# The raw side's rows: one service with its default team, one resident (as the API's cases have).
psql_db() { psql -X -v ON_ERROR_STOP=1 -d "$DB" -Atc "$1"; }
read -r SERVICE TEAM < <(psql_db "select code, default_team_id from service
  where active and default_team_id is not null order by code limit 1" | tr '|' ' ')
RESIDENT=$(psql_db "select id from resident order by id limit 1")
psql_db "select id from resident order by random() limit 500" >"$RUN_DIR/residents.txt"
psql_db "create table raw_outbox_event (like outbox_event including all)" >/dev/null
PGBENCH="pgbench -n -M prepared -j 2 -h $PGHOST -p $PGPORT -U $PGUSER -f $ROOT/bench/raw-case-write.sql
  -D service=$SERVICE -D team=$TEAM -D resident=$RESIDENT $DB"

# 4. and 5. The harness.
harness=(./mvnw -B -q test -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" -Dtest=RatioBenchmark
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.url="http://127.0.0.1:$PORT"
  -Dbench.pgbench="$(echo $PGBENCH)" -Dbench.clients="$CLIENTS" -Dbench.seconds="$SECONDS_EACH"
  -Dbench.rounds="$ROUNDS" -Dbench.warmupSeconds="$WARMUP" -Dbench.residents="$RUN_DIR/residents.txt"
  -Dbench.jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" -Dbench.serverPid="$SERVER_PID"
  -Dbench.profileSeconds="$PROFILE_SECONDS" "$@")
log "harness: ${harness[*]}"
set +e
BENCH_ADMIN_API_TOKEN="$ADMIN_API_TOKEN" "${harness[@]}" 2>&1 | tee "$RUN_DIR/harness.log"
status=${PIPESTATUS[0]}
set -e
stop_server
cp "$BUILD_DIR"/bench/ratio.{json,txt} "$RUN_DIR/" 2>/dev/null || true
log "results: $BUILD_DIR/bench/ratio.json and ratio.txt; run directory $RUN_DIR"
exit "$status"
