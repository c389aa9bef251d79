#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Issue 16: loading a council's gazetteer and looking addresses up in it, on PostgreSQL.
#   1. builds the jar (target-bench) and makes a fresh database, $GAZ_DB;
#   2. writes a CSV of $GAZ_ADDRESSES addresses in the layout councils hold (UPRN, LINE1, LINE2,
#      TOWN, POSTCODE, LATITUDE, LONGITUDE): 2,000 streets, a dozen homes to a postcode, one home
#      in five a flat;
#   3. starts Borough on it (no demo data) and loads the file through ops/gazetteer.sh three times:
#      new (everything added), again (everything unchanged), and with 1% of addresses changed and
#      1% gone (a council's monthly update);
#   4. times $GAZ_LOOKUPS lookups by postcode and by words (a house number, a street's first
#      letters, as an officer types them) over one kept-alive connection, and gives p50/p95/max.
# Results: printed, and <build dir>/bench/gazetteer.txt.
#
# Usage: bench/gazetteer.sh
# Environment (defaults in brackets): GAZ_ADDRESSES [500000], GAZ_LOOKUPS [2000],
#   GAZ_DB [borough_gazetteer_bench], BENCH_PORT [8097], BENCH_HEAP [-Xmx512m],
#   BENCH_BUILD_DIR [<repo>/target-bench], BENCH_SKIP_BUILD [false], PGHOST [127.0.0.1],
#   PGPORT [5432], PGUSER [postgres].
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BENCH_BUILD_DIR:-$PWD/target-bench}"
N="${GAZ_ADDRESSES:-500000}"
LOOKUPS="${GAZ_LOOKUPS:-2000}"
DB="${GAZ_DB:-borough_gazetteer_bench}"
PORT="${BENCH_PORT:-8097}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
TOKEN="gazetteer-bench-token-$(date +%s)-0123456789"
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
  ./mvnw -B -q -DskipTests -Dspark-check.skip -Dborough.build.dir="$BUILD_DIR" package
fi
jar="$(ls "$BUILD_DIR"/borough-*.jar | grep -v original | head -1)"
work="$BUILD_DIR/bench/gazetteer"
out="$BUILD_DIR/bench/gazetteer.txt"
rm -rf "$work"
mkdir -p "$work"
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

# The files: the whole gazetteer, the same with 1% changed and 1% gone, and the lookups to make.
python3 - "$N" "$LOOKUPS" "$work" <<'PY'
import random, sys
n, lookups, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
names = ["Acacia", "Albert", "Alma", "Beech", "Birch", "Bridge", "Cedar", "Chapel", "Church",
         "Elm", "Gladstone", "Granville", "Hawthorn", "High", "Holly", "King", "Laburnum", "Maple",
         "Mill", "Oak", "Park", "Queen", "Rose", "Station", "Victoria", "Willow", "York"]
kinds = ["Road", "Street", "Avenue", "Close", "Lane", "Gardens", "Grove", "Way"]
letters = "ABDEFGHJLNPQRSTUWXYZ"
streets = 2000
random.seed(16)
def row(i, changed=False):
    street, k = i % streets, i // streets
    house, flat = k % 200 + 1, (k // 200)
    name = names[street % len(names)] + " " + kinds[(street // len(names)) % len(kinds)]
    line = f"{house} {name}"
    unit = (street * 200 + house - 1) // 12
    postcode = f"SE{30 + unit % 5} {unit // 5 % 9 + 1}{letters[unit // 45 % 20]}{letters[unit // 900 % 20]}"
    lat = 51.40 + (street % 50) * 0.002 + house * 0.00001
    lon = -0.10 + (street // 50) * 0.002
    l1, l2 = (f"Flat {flat}", line) if flat else (line, "")
    if changed:
        l1 = l1 + " (rear)"
    return f"{100000000 + i},{l1},{l2},London,{postcode},{lat:.6f},{lon:.6f}", postcode, house, name
head = "UPRN,LINE1,LINE2,TOWN,POSTCODE,LATITUDE,LONGITUDE\n"
postcodes, words = [], []
with open(f"{work}/whole.csv", "w") as whole, open(f"{work}/update.csv", "w") as update:
    whole.write(head); update.write(head)
    for i in range(n):
        r, pc, house, name = row(i)
        whole.write(r + "\n")
        if i % 100 == 1:
            continue                      # gone: retired by the update
        update.write((row(i, True)[0] if i % 100 == 2 else r) + "\n")
        if random.random() < lookups / n:
            postcodes.append(pc)
            words.append(f"{house} {name.split()[0][:4].lower()}")
with open(f"{work}/postcodes.txt", "w") as f:
    f.write("\n".join(postcodes[:lookups]))
with open(f"{work}/words.txt", "w") as f:
    f.write("\n".join(words[:lookups]))
PY

SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SERVER_PORT="$PORT" BOROUGH_DATA_DIR="$work/data" BOROUGH_DEMO_DATA=false \
  BOROUGH_ADMIN_API_TOKEN="$TOKEN" BOROUGH_WAREHOUSE_ENABLED=false \
  java ${BENCH_HEAP:--Xmx512m} -jar "$jar" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null

load() {
  local start end
  start=$(date +%s.%N)
  BOROUGH_URL="http://127.0.0.1:$PORT" BOROUGH_GAZETTEER_TOKEN="$TOKEN" \
    ops/gazetteer.sh import "$1" > "$work/answer.json"
  end=$(date +%s.%N)
  printf '%.1f s  %s\n' "$(awk "BEGIN { print $end - $start }")" "$(head -c 160 "$work/answer.json")"
}
first="$(load "$work/whole.csv")"
again="$(load "$work/whole.csv")"
update="$(load "$work/update.csv")"

# PostgreSQL's autovacuum marks the loaded pages all-visible a little after a load, which lets a
# lookup read the words' index alone; this machine runs with autovacuum off, so do it once here.
psql -q -d "$DB" -c "vacuum analyze gazetteer_word" -c "vacuum analyze gazetteer_address"

# One curl for all lookups of a kind: the connection is kept alive, as a browser's would be.
percentiles() {
  local urls=()
  while IFS= read -r q; do
    # Each URL its own -o: curl sends one -o to one URL, and the rest of the bodies to stdout.
    urls+=(-o /dev/null "http://127.0.0.1:$PORT/api/v1/addresses?$1=$(printf %s "$q" | sed 's/ /+/g')")
  done < "$2"
  curl -s -H "Authorization: Bearer $TOKEN" -w '%{time_total}\n' "${urls[@]}" \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END {
        printf "%d lookups: p50 %.1f ms, p95 %.1f ms, max %.1f ms", NR, t[int(NR * 0.5)],
          t[int(NR * 0.95)], t[NR] }'
}
# Warm up the server's code paths and the database's pages once, as a day's use would.
percentiles postcode "$work/postcodes.txt" > /dev/null
by_postcode="$(percentiles postcode "$work/postcodes.txt")"
by_words="$(percentiles q "$work/words.txt")"
size="$(psql -Atq -d "$DB" -c "select pg_size_pretty(pg_total_relation_size('gazetteer_address') + pg_total_relation_size('gazetteer_word'))")"
{
  echo "Gazetteer on PostgreSQL, $N addresses ($(nproc) cores, ${BENCH_HEAP:--Xmx512m}); tables and indexes $size"
  echo "  load, new:            $first"
  echo "  load, unchanged:      $again"
  echo "  load, 1% changed, 1% gone: $update"
  echo "  by postcode: $by_postcode"
  echo "  by words:    $by_words"
} | tee "$out"
kill $server
wait $server 2>/dev/null || true
psql -q -d postgres -c "drop database if exists $DB"
