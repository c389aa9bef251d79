#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# The CRM load benchmark of issue 2 ("Speed and memory"), end to end:
#   1. builds the jar into its own build directory (target-bench by default);
#   2. creates the PostgreSQL database if it is missing;
#   3. if the database has no demo data yet, starts Borough once to generate it (timed), then
#      stops it, so generation and the measured run each get their own memory figures;
#   4. starts Borough with `java -Xmx512m -jar …` on that database and waits for it;
#   5. runs the harness (src/test/java/org/borough/bench/$BENCH_HARNESS.java) over HTTP;
#   6. records the server's peak heap (GC log) and peak RSS (VmHWM), then stops it.
# Results: <build dir>/bench/crm.json or open311.json (harness), <build dir>/bench/run-<time>/.
#
# Usage: bench/run-crm-benchmark.sh [extra -Dbench.* options for the harness]
#   e.g. bench/run-crm-benchmark.sh -Dbench.seconds=60 -Dbench.clients=16
#
# Environment (defaults in brackets):
#   BENCH_DB [borough_demo]          database to use; reused as is when it already has data
#   BOROUGH_DEMO_RESIDENTS [1000000] residents to generate into an empty database
#   BOROUGH_DEMO_CASES [2000000]     cases to generate into an empty database
#   BOROUGH_ADMIN_PASSWORD [bench-admin-password]  admin password (set on first start only)
#   BOROUGH_DEMO_STAFF_PASSWORD [bench-staff-password]
#   BENCH_PORT [8080]                port for Borough
#   BENCH_HEAP [-Xmx512m]            heap option for Borough
#   BENCH_BUILD_DIR [<repo>/target-bench]
#   BENCH_SKIP_BUILD [false]         true to reuse the jar already built
#   BENCH_WAREHOUSE [false]          true to keep the warehouse loader on; off by default because
#                                    each run has a fresh data directory, whose empty warehouse
#                                    would rebuild itself from all 2M cases during the measurement
#   BENCH_HARNESS [CrmLoadBenchmark] the harness class: CrmLoadBenchmark (issue 2),
#                                    Open311LoadBenchmark or PortalLoadBenchmark (issue 3, the
#                                    latter with the portal's rate limit raised) or WarehouseBenchmark (issue 4,
#                                    which first times `--warehouse.rebuild` from the database with
#                                    the server stopped, then keeps the warehouse loader on)
#   BENCH_NICE []                    e.g. -10: raise this script, Borough, the harness and
#                                    PostgreSQL above other work on a shared machine (needs root;
#                                    PostgreSQL is put back to 0 at the end)
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD []  for psql and for Borough
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DB=${BENCH_DB:-borough_demo}
RESIDENTS=${BOROUGH_DEMO_RESIDENTS:-1000000}
CASES=${BOROUGH_DEMO_CASES:-2000000}
ADMIN_PASSWORD=${BOROUGH_ADMIN_PASSWORD:-bench-admin-password}
STAFF_PASSWORD=${BOROUGH_DEMO_STAFF_PASSWORD:-bench-staff-password}
PORT=${BENCH_PORT:-8080}
HEAP=${BENCH_HEAP:--Xmx512m}
BUILD_DIR=${BENCH_BUILD_DIR:-$ROOT/target-bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR=$BUILD_DIR/bench/run-$STAMP
mkdir -p "$RUN_DIR"
ln -sfn "run-$STAMP" "$BUILD_DIR/bench/latest"
SUMMARY=$RUN_DIR/summary.txt
JAR=$BUILD_DIR/borough-0.1.0-SNAPSHOT.jar
SERVER_PID=

log() { echo "[bench $(date -u +%H:%M:%S)] $*" | tee -a "$SUMMARY"; }
psql_db() { psql -X -v ON_ERROR_STOP=1 -d "$DB" -Atc "$1"; }

stop_server() {
  if [[ -n "${SERVER_PID}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
  fi
  SERVER_PID=
}
trap 'stop_server; restore_priority' EXIT

# On a machine shared with builds, the measured processes get the CPU first when BENCH_NICE is set.
# New PostgreSQL backends inherit the postmaster's priority, so it is raised too.
postgres_pids() { pgrep -x postgres || pgrep -f 'postgres:' || true; }
# With the kernel's autogroup scheduling (sched_autogroup_enabled=1), nice only ranks processes
# within one session; between sessions the CPU is shared by each session's autogroup nice. So
# both are set: this script's session (Borough and the harness are its children) and PostgreSQL's.
set_autogroup() { for pid in "${@:2}"; do echo "$1" >"/proc/$pid/autogroup" 2>/dev/null || true; done; }
restore_priority() {
  if [[ -n "${BENCH_NICE:-}" ]]; then
    renice -n 0 -p $(postgres_pids) >/dev/null 2>&1 || true
    set_autogroup 0 $(postgres_pids)
  fi
}
if [[ -n "${BENCH_NICE:-}" ]]; then
  renice -n "$BENCH_NICE" -p $$ >/dev/null
  renice -n "$BENCH_NICE" -p $(postgres_pids) >/dev/null
  set_autogroup "$BENCH_NICE" $$ $(postgres_pids)
fi

# The admin API token lets the harness issue its token even on a reused database whose admin
# password is not BOROUGH_ADMIN_PASSWORD; random for each run and never printed.
ADMIN_API_TOKEN=bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
# Likewise the Open311 key of the client "default", for the Open311 harness.
OPEN311_API_KEY=o311_bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)

# start_server <label>: starts Borough on $DB in the background; sets SERVER_PID.
start_server() {
  local label=$1
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
  SERVER_PORT="$PORT" \
  BOROUGH_DATA_DIR="$RUN_DIR/data" \
  BOROUGH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  BOROUGH_ADMIN_API_TOKEN="$ADMIN_API_TOKEN" \
  BOROUGH_OPEN311_API_KEY="$OPEN311_API_KEY" \
  BOROUGH_WAREHOUSE_ENABLED="${BENCH_WAREHOUSE:-false}" \
  BOROUGH_WAREHOUSE_REBUILD_WHEN_EMPTY="${BENCH_WAREHOUSE:-false}" \
  BOROUGH_DEMO_STAFF_PASSWORD="$STAFF_PASSWORD" \
  BOROUGH_PORTAL_RATE_LIMIT_REQUESTS="${PORTAL_RATE_LIMIT:-30}" \
  BOROUGH_PORTAL_TRACK_REQUESTS="${PORTAL_TRACK_LIMIT:-10}" \
  BOROUGH_DEMO_RESIDENTS="$RESIDENTS" \
  BOROUGH_DEMO_CASES="$CASES" \
    java $HEAP -Xlog:gc:file="$RUN_DIR/gc-$label.log":uptime -jar "$JAR" \
    >"$RUN_DIR/server-$label.log" 2>&1 &
  SERVER_PID=$!
  log "started Borough ($label): pid $SERVER_PID, java $HEAP, port $PORT, database $DB"
}

# wait_for <seconds> <what> <command…>: polls until the command succeeds or the server dies.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local waited=0
  until "$@"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "Borough exited while waiting for $what; see $RUN_DIR/server-*.log"
      tail -40 "$RUN_DIR"/server-*.log >&2 || true
      exit 1
    fi
    if ((waited >= limit)); then
      log "gave up waiting for $what after ${limit}s"
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

# cpu_snapshot: "<machine busy CPU-s> <server CPU-s> <this database's PostgreSQL CPU-s>"
cpu_snapshot() {
  local hz machine server pg=0 p v
  hz=$(getconf CLK_TCK)
  machine=$(awk -v hz="$hz" '/^cpu / {print ($2+$3+$4+$7+$8+$9)/hz}' /proc/stat)
  server=$(awk -v hz="$hz" '{print ($14+$15)/hz}' "/proc/$SERVER_PID/stat")
  for p in $(pgrep -u postgres); do
    # this database's backends and the shared background processes (WAL writer, checkpointer…)
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -qE " $DB |writer|checkpointer|autovacuum"; then
      v=$(awk -v hz="$hz" '{print ($14+$15)/hz}' "/proc/$p/stat" 2>/dev/null || echo 0)
      pg=$(awk -v a="$pg" -v b="${v:-0}" 'BEGIN {print a + b}')
    fi
  done
  echo "$machine $server $pg"
}

# children_cpu: CPU-s used so far by this script's finished children (the harness run)
# ('times' must not run in a pipeline or $(…): a subshell has no children of its own.)
children_cpu() {
  times >"$RUN_DIR/.times"
  tail -1 "$RUN_DIR/.times" | awk '{gsub(/[ms]/, " "); print $1*60+$2 + $3*60+$4}'
}

healthy() { curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; }
generated() { grep -q "Demo data ready" "$RUN_DIR/server-generate.log"; }

# memory <label>: peak RSS (VmHWM) and heap figures of the running server.
memory() {
  local label=$1
  {
    echo "== $label: /proc/$SERVER_PID/status"
    grep -E '^(VmHWM|VmRSS)' "/proc/$SERVER_PID/status"
    echo "== $label: jcmd GC.heap_info"
    jcmd "$SERVER_PID" GC.heap_info 2>&1 || true
  } >>"$RUN_DIR/memory-$label.txt"
  local hwm rss
  hwm=$(awk '/^VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$SERVER_PID/status")
  rss=$(awk '/^VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$SERVER_PID/status")
  log "$label: peak RSS (VmHWM) $hwm, RSS now $rss"
}

# heap_peak <label>: the most heap in use before any collection, and the most committed, from
# the GC log (lines like 'Pause Young (Normal) (G1 Evacuation Pause) 301M->42M(512M)').
heap_peak() {
  local label=$1
  grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$RUN_DIR/gc-$label.log" |
    awk -F'[M>()-]+' -v label="$label" '
      { if ($1 > used) used = $1; if ($3 > committed) committed = $3; n++ }
      END { printf "%s: %d GCs, peak heap used %d MiB, peak heap committed %d MiB\n",
            label, n, used, committed }' | tee -a "$SUMMARY"
}

log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)," \
  "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
log "java: $(java -version 2>&1 | head -2 | tail -1)"
log "postgresql: $(psql -X -d postgres -Atc 'select version()')"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -n "${BENCH_NICE:-}" ]] && log "priority: Borough, harness and PostgreSQL at nice $BENCH_NICE"

if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  log "building: ./mvnw -B -q -DskipTests -Dborough.build.dir=$BUILD_DIR package"
  ./mvnw -B -q -DskipTests -Dborough.build.dir="$BUILD_DIR" package
fi
[[ -f "$JAR" ]] || { log "no jar at $JAR"; exit 1; }

if [[ -z "$(psql -X -d postgres -Atc "select 1 from pg_database where datname = '$DB'")" ]]; then
  log "creating database $DB"
  psql -X -v ON_ERROR_STOP=1 -d postgres -c "create database \"$DB\"" >/dev/null
fi

services=$(psql_db "select count(*) from service" 2>/dev/null || echo 0)
if [[ "$services" == 0 ]]; then
  log "database $DB has no demo data: generating $RESIDENTS residents and $CASES cases"
  gen_started=$(date +%s)
  start_server generate
  wait_for 900 "demo data generation to start" grep -q "Generating demo data" \
    "$RUN_DIR/server-generate.log"
  wait_for 7200 "demo data generation" generated
  gen_seconds=$(($(date +%s) - gen_started))
  log "generation: $(grep -o 'Demo data ready.*' "$RUN_DIR/server-generate.log")"
  log "generation: ${gen_seconds}s from JVM start to 'Demo data ready' (wall clock)"
  memory generate
  stop_server
  heap_peak generate
  # Fresh planner statistics after a bulk load, as autovacuum would produce shortly anyway.
  log "vacuum analyze after the bulk load"
  psql_db "vacuum analyze" >/dev/null
else
  log "database $DB has data already: reusing it (no generation)"
fi
HARNESS=${BENCH_HARNESS:-CrmLoadBenchmark}
# Every portal form of the portal benchmark comes from one address: its rate limits (30 posts,
# 10 tracking tries) would turn them away, and the limits are not what is measured.
[[ "$HARNESS" == PortalLoadBenchmark ]] && PORTAL_RATE_LIMIT=100000000 && PORTAL_TRACK_LIMIT=100000000
if [[ "$HARNESS" == WarehouseBenchmark ]]; then
  BENCH_WAREHOUSE=true
  # The rebuild of issue 4's speed targets, timed on its own: the CLI reads the CRM's state into
  # the data directory the measured server then starts on (so it does not rebuild again).
  log "warehouse rebuild: java $HEAP -jar … --warehouse.rebuild (server stopped)"
  rebuild_started=$(date +%s)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" BOROUGH_DATA_DIR="$RUN_DIR/data" SERVER_PORT=0 \
  BOROUGH_DEMO_DATA=false BOROUGH_WAREHOUSE_REBUILD_WHEN_EMPTY=false \
    java $HEAP -jar "$JAR" --warehouse.rebuild >"$RUN_DIR/rebuild.log" 2>&1 ||
    { log "the rebuild failed; see $RUN_DIR/rebuild.log"; exit 1; }
  log "warehouse rebuild: $(grep -o 'Warehouse rebuild DONE.*' "$RUN_DIR/rebuild.log" | head -1)"
  log "warehouse rebuild: $(($(date +%s) - rebuild_started)) s wall clock including the JVM's start;" \
    "file $(du -h "$RUN_DIR/data/warehouse/borough.duckdb" | cut -f1)"
  set -- -Dbench.jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$@"
fi
# The Open311 harness counts the notifications sent while it holds 300 reports/s (phase c).
[[ "$HARNESS" == Open311LoadBenchmark ]] && set -- -Dbench.jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$@"

log "data: $(psql_db "select count(*) from resident") residents," \
  "$(psql_db "select count(*) from service_case") cases," \
  "$(psql_db "select count(*) from service_case where status in ('NEW','OPEN','IN_PROGRESS','ON_HOLD')") active," \
  "database $(psql_db "select pg_size_pretty(pg_database_size('$DB'))")"

start_server bench
wait_for 900 "/actuator/health" healthy
log "Borough is up"

harness=(./mvnw -B -q test -Dborough.build.dir="$BUILD_DIR" -Dtest="$HARNESS"
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.url="http://127.0.0.1:$PORT"
  -Dbench.open311Key="$OPEN311_API_KEY" "$@")
log "harness: ${harness[*]}"
cpu_before=($(cpu_snapshot))
children_cpu >"$RUN_DIR/.children"; children_before=$(cat "$RUN_DIR/.children")
wall_before=$(date +%s.%N)
set +e
BOROUGH_ADMIN_PASSWORD="$ADMIN_PASSWORD" BENCH_ADMIN_API_TOKEN="$ADMIN_API_TOKEN" "${harness[@]}" \
  2>&1 | tee "$RUN_DIR/harness.log"
status=${PIPESTATUS[0]}
set -e
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_after=($(cpu_snapshot))
children_cpu >"$RUN_DIR/.children"; children_after=$(cat "$RUN_DIR/.children")
wall_after=$(date +%s.%N)
# Where the machine's CPU went during the harness run; 'other' is everything that was not
# Borough, its PostgreSQL backends or the harness (with its Maven): other people's work.
awk -v w0="$wall_before" -v w1="$wall_after" -v m0="${cpu_before[0]}" -v m1="${cpu_after[0]}" \
  -v s0="${cpu_before[1]}" -v s1="${cpu_after[1]}" -v p0="${cpu_before[2]}" -v p1="${cpu_after[2]}" \
  -v h0="$children_before" -v h1="$children_after" -v cores="$(nproc)" 'BEGIN {
    wall = w1 - w0; busy = m1 - m0; srv = s1 - s0; pg = p1 - p0; h = h1 - h0
    other = busy - srv - pg - h; if (other < 0) other = 0
    printf "CPU during the harness run (%.0f s wall, %.0f CPU-s available): Borough %.0f, PostgreSQL %.0f, harness+Maven %.0f, other processes %.0f (%.0f%% of the machine)\n",
      wall, wall * cores, srv, pg, h, other, 100 * other / (wall * cores)
  }' | tee -a "$SUMMARY"
memory bench
stop_server
heap_peak bench
case "$HARNESS" in
  Open311LoadBenchmark) result=$BUILD_DIR/bench/open311 ;;
  WarehouseBenchmark) result=$BUILD_DIR/bench/warehouse ;;
  PortalLoadBenchmark) result=$BUILD_DIR/bench/portal ;;
  *) result=$BUILD_DIR/bench/crm ;;
esac
cp "$result.json" "$result.txt" "$RUN_DIR/" 2>/dev/null || true
log "results: $result.json; run directory: $RUN_DIR"
exit "$status"
