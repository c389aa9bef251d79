#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Issue 12's long crash run: Borough's jar is killed with SIGKILL under load again and again, and
# after each kill every acknowledged Open311 reference is looked for in the CRM's database (with
# its outbox event), duplicates are counted, and the warehouse must agree with the CRM again
# within 60 s of the restart. `./mvnw verify` runs one short cycle (CrashSafetyIT) on H2 and on
# PostgreSQL; this is the long version.
#
# With --cluster, the production shape instead (ClusterFaults): a PostgreSQL of the run's own, two
# nodes behind HAProxy, mixed writes through HAProxy (Open311 reports, API cases, status changes,
# portal journeys), and rounds of a node killed with SIGKILL, PostgreSQL crashed and restarted, and
# a rolling restart; after each, every acknowledged write is looked for, duplicates and emails sent
# twice are counted, and both warehouses must agree. `./mvnw verify` runs one short round
# (ClusterFaultsIT). Needs haproxy and the postgresql server package (Debian).
#
# Usage: bench/faults.sh [--cluster] [extra -Dbench.* options]
#   e.g. bench/faults.sh -Dbench.cycles=20 -Dbench.seconds=30 -Dbench.postgres=true
#        bench/faults.sh --cluster -Dbench.cycles=3 -Dbench.seconds=20 -Dbench.clients=8
# Settings: bench.cycles (10), bench.seconds of load before each kill (20), bench.clients (8),
#   bench.postgres (false: the embedded H2 default; true: a new PostgreSQL database on
#   127.0.0.1:5432, user postgres), bench.dataDir (<build dir>/bench/faults-data, emptied first).
# Environment: BENCH_BUILD_DIR [<repo>/target-bench], BENCH_SKIP_BUILD [false]
# Results: <build dir>/bench/faults.json and faults.txt; exit status 1 if anything was lost.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=()
REPORT=faults
if [[ "${1:-}" == --cluster ]]; then
  shift
  MODE=(-Dbench.cluster=true)
  REPORT=faults-cluster
fi
BUILD_DIR="${BENCH_BUILD_DIR:-$PWD/target-bench}"
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  ./mvnw -B -q -DskipTests -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" package
fi
jar="$(ls "$BUILD_DIR"/borough-*.jar | grep -v original | head -1)"
rm -rf "$BUILD_DIR/bench/faults-data"
./mvnw -B -q test -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" -Dtest=FaultsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dborough.jar="$jar" \
  -Dbench.dataDir="$BUILD_DIR/bench/faults-data" "${MODE[@]}" "$@"
cat "$BUILD_DIR/bench/$REPORT.txt"
