#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Issue 12's soak run: Borough's jar on a fresh database under a steady mixed load (Open311 reports,
# API cases, status changes, portal pages, team queues) at 50 requests a second, open loop, for 30
# minutes after a minute of warm-up. Every minute the server is probed: p95, heap after a full GC,
# live threads, Hikari connections, open file descriptors, the outbox's rows and size on disk. It
# passes when the last five minutes' p95 is within 20% of the first five's, the heap after GC
# within 10%, threads, connections and open files have not grown, and the outbox has stayed as big
# (within 20%, plus 1,000 rows or 1 MB). `./mvnw verify` runs a short version (SoakIT) that checks only the
# resources. Results go in docs/benchmarks.md ("Soak").
#
# Usage: bench/soak.sh [extra -Dsoak.* options]
#   e.g. bench/soak.sh -Dsoak.minutes=60 -Dsoak.postgres=true
# Settings: soak.minutes (30), soak.rate (50 requests/s), soak.warmupSeconds (60), soak.postgres
#   (false: the embedded H2 default; true: a new PostgreSQL database on 127.0.0.1:5432, user
#   postgres), soak.residents (2000) and soak.cases (10000) of demo data,
#   soak.outboxRetentionSeconds (60; pruned every 30 s, so the outbox's steady size shows), soak.dataDir
#   (<build dir>/bench/soak-data, emptied first).
# Environment: BENCH_BUILD_DIR [<repo>/target-bench], BENCH_SKIP_BUILD [false]
# Results: <build dir>/bench/soak.json and soak.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BENCH_BUILD_DIR:-$PWD/target-bench}"
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  ./mvnw -B -q -DskipTests -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" package
fi
jar="$(ls "$BUILD_DIR"/borough-*.jar | grep -v original | head -1)"
rm -rf "$BUILD_DIR/bench/soak-data"
./mvnw -B -q test -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" -Dtest=SoakBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dborough.jar="$jar" \
  -Dsoak.dataDir="$BUILD_DIR/bench/soak-data" "$@"
cat "$BUILD_DIR/bench/soak.txt"
