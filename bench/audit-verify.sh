#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Issue 13: how long the audit log's hash chain takes to seal and to verify, on PostgreSQL.
#   1. builds the jar (target-bench) and makes a fresh database, $AUDIT_DB;
#   2. starts Borough on it with no demo data and the scheduled sealing out of the way;
#   3. writes $AUDIT_ENTRIES audit entries straight into audit_log (as an upgrade finds them);
#   4. calls GET /api/v1/audit/verify twice and times each: the first seals every entry and walks
#      the chain, the second only walks it (what a DPO's routine check costs).
# Results: printed, and <build dir>/bench/audit-verify.txt.
#
# Usage: bench/audit-verify.sh
# Environment (defaults in brackets): AUDIT_ENTRIES [1000000], AUDIT_DB [borough_audit_bench],
#   BENCH_PORT [8096], BENCH_HEAP [-Xmx512m], BENCH_BUILD_DIR [<repo>/target-bench],
#   BENCH_SKIP_BUILD [false], PGHOST [127.0.0.1], PGPORT [5432], PGUSER [postgres].
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BENCH_BUILD_DIR:-$PWD/target-bench}"
ENTRIES="${AUDIT_ENTRIES:-1000000}"
DB="${AUDIT_DB:-borough_audit_bench}"
PORT="${BENCH_PORT:-8096}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
TOKEN="audit-bench-token-$(date +%s)-0123456789"
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  ./mvnw -B -q -DskipTests -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" package
fi
jar="$(ls "$BUILD_DIR"/borough-*.jar | grep -v original | head -1)"
out="$BUILD_DIR/bench/audit-verify.txt"
data="$BUILD_DIR/bench/audit-verify-data"
mkdir -p "$BUILD_DIR/bench"
rm -rf "$data"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SERVER_PORT="$PORT" BOROUGH_DATA_DIR="$data" BOROUGH_DEMO_DATA=false \
  BOROUGH_ADMIN_API_TOKEN="$TOKEN" BOROUGH_WAREHOUSE_ENABLED=false BOROUGH_AUDIT_SEAL_INTERVAL=24h \
  java ${BENCH_HEAP:--Xmx512m} -jar "$jar" > "$BUILD_DIR/bench/audit-verify-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null

echo "Writing $ENTRIES audit entries"
psql -q -d "$DB" -c "insert into audit_log (at, actor, action, subject_type, subject_id, detail,
  remote_address) select now() - make_interval(secs => $ENTRIES - n), 'agent' || (n % 50), 'VIEW',
  'resident', md5(n::text), 'viewed the record', '10.0.0.' || (n % 250)
  from generate_series(1, $ENTRIES) n"

verify() {
  curl -s -o "$BUILD_DIR/bench/audit-verify.json" -w '%{time_total}' \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/audit/verify"
}
first="$(verify)"
first_answer="$(cat "$BUILD_DIR/bench/audit-verify.json")"
second="$(verify)"
second_answer="$(cat "$BUILD_DIR/bench/audit-verify.json")"
{
  echo "Audit chain on PostgreSQL, $ENTRIES entries ($(nproc) cores, ${BENCH_HEAP:--Xmx512m})"
  echo "  seal every entry, then walk the chain: ${first} s"
  echo "    $first_answer"
  echo "  walk the sealed chain again:           ${second} s"
  echo "    $second_answer"
} | tee "$out"
kill $server
wait $server 2>/dev/null || true
psql -q -d postgres -c "drop database if exists $DB"
