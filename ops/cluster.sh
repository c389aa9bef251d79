#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Borough's production shape on one machine: PostgreSQL, two Borough nodes and HAProxy in front,
# with health checks on /actuator/health/readiness (no sticky sessions). See the README's "Run it
# as a cluster" and docs/adr/0020-several-nodes-on-one-postgresql.md.
#
#   ops/cluster.sh up        start PostgreSQL if it is down, build the jar if there is none, start
#                            node 1 (which creates the schema and the demo borough), then node 2,
#                            then HAProxy; waits until each node is ready
#   ops/cluster.sh down      stop HAProxy and both nodes (SIGTERM: requests in flight finish)
#   ops/cluster.sh status    each node's readiness, HAProxy, and an answer through it
#   ops/cluster.sh restart   rolling restart: one node at a time, the other keeps serving
#   ops/cluster.sh kill N    SIGKILL node N (1 or 2), for fault drills
#   ops/cluster.sh start N   start node N again and wait until it is ready
#
# Environment (defaults in brackets): CLUSTER_DIR [./cluster] data, logs, pids and haproxy.cfg;
#   CLUSTER_PORT [8080] HAProxy's port; NODE1_PORT [8081]; NODE2_PORT [8082];
#   CLUSTER_DB [borough_cluster]; PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD [];
#   BOROUGH_JAR [the newest target/borough-*.jar]; NODE_HEAP [-Xmx512m].
#   Any other BOROUGH_* variable is passed to both nodes (e.g. BOROUGH_ADMIN_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="$(realpath -m "${CLUSTER_DIR:-./cluster}")"
LB_PORT="${CLUSTER_PORT:-8080}"
PORTS=("${NODE1_PORT:-8081}" "${NODE2_PORT:-8082}")
DB="${CLUSTER_DB:-borough_cluster}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGPASSWORD="${PGPASSWORD:-}"
HEAP="${NODE_HEAP:--Xmx512m}"

log() { echo "cluster: $*"; }

jar() {
  if [[ -n "${BOROUGH_JAR:-}" ]]; then echo "$BOROUGH_JAR"; return; fi
  local found
  found="$(ls -t target/borough-*.jar 2>/dev/null | grep -v original | head -1 || true)"
  if [[ -z "$found" ]]; then
    log "building the jar (./mvnw -q -DskipTests -Dspark-check.skip package)" >&2
    ./mvnw -B -q -DskipTests -Dspark-check.skip package >&2
    found="$(ls -t target/borough-*.jar | grep -v original | head -1)"
  fi
  echo "$found"
}

postgres_up() {
  if ! pg_isready -q; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  fi
  if ! psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    log "creating database $DB"
    createdb "$DB"
  fi
}

haproxy_installed() {
  if ! command -v haproxy >/dev/null 2>&1; then
    log "installing HAProxy from Debian"
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy
  fi
}

ready() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }

pid_of() { cat "$DIR/node$1.pid" 2>/dev/null || true; }

alive() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

start_node() {
  local n="$1" port="${PORTS[$(($1 - 1))]}"
  if alive "$n"; then log "node $n already running (pid $(pid_of "$n"))"; return; fi
  mkdir -p "$DIR/data/warehouse/node$n"
  [[ -f "$DIR/pseudonym.key" ]] || (umask 077; head -c 48 /dev/urandom | base64 > "$DIR/pseudonym.key")
  # One data directory (attachments and photos are seen by both nodes), one warehouse replica per
  # node (DuckDB has one writer), one pseudonym key for both (the same resident, the same key).
  SERVER_PORT="$port" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
    BOROUGH_DATA_DIR="$DIR/data" \
    BOROUGH_WAREHOUSE_FILE="$DIR/data/warehouse/node$n/borough.duckdb" \
    BOROUGH_WAREHOUSE_PSEUDONYM_KEY="$(cat "$DIR/pseudonym.key")" \
    nohup java $HEAP -jar "$(jar)" >>"$DIR/node$n.log" 2>&1 &
  echo $! >"$DIR/node$n.pid"
  log "node $n starting on port $port (pid $!, log $DIR/node$n.log)"
  for _ in $(seq 1 600); do
    if ready "$port"; then log "node $n ready"; return; fi
    if ! alive "$n"; then log "node $n exited while starting: see $DIR/node$n.log"; exit 1; fi
    sleep 1
  done
  log "node $n not ready after 10 minutes: see $DIR/node$n.log"; exit 1
}

stop_node() {
  local n="$1" p
  p="$(pid_of "$n")"
  if alive "$n"; then
    log "stopping node $n (pid $p): readiness goes DOWN, requests in flight finish"
    kill -TERM "$p"
    for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
    kill -0 "$p" 2>/dev/null && kill -KILL "$p"
  fi
  rm -f "$DIR/node$n.pid"
}

haproxy_up() {
  cat >"$DIR/haproxy.cfg" <<CFG
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 2
  option redispatch
frontend borough
  bind 127.0.0.1:$LB_PORT
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
  default-server check inter 1s fall 2 rise 2
  server node1 127.0.0.1:${PORTS[0]}
  server node2 127.0.0.1:${PORTS[1]}
CFG
  if [[ -f "$DIR/haproxy.pid" ]] && kill -0 "$(cat "$DIR/haproxy.pid")" 2>/dev/null; then
    haproxy -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid" -D -sf "$(cat "$DIR/haproxy.pid")"
  else
    haproxy -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid" -D
  fi
  log "HAProxy on http://127.0.0.1:$LB_PORT in front of ports ${PORTS[*]}"
}

case "${1:-}" in
  up)
    mkdir -p "$DIR"
    haproxy_installed
    postgres_up
    start_node 1
    start_node 2
    haproxy_up
    ;;
  down)
    if [[ -f "$DIR/haproxy.pid" ]]; then kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true; rm -f "$DIR/haproxy.pid"; fi
    stop_node 1
    stop_node 2
    ;;
  status)
    for n in 1 2; do
      port="${PORTS[$((n - 1))]}"
      if alive "$n"; then
        state="$(curl -s -m 2 "http://127.0.0.1:$port/actuator/health/readiness" || echo unreachable)"
        echo "node $n: pid $(pid_of "$n"), port $port, readiness $state"
      else
        echo "node $n: not running"
      fi
    done
    if [[ -f "$DIR/haproxy.pid" ]] && kill -0 "$(cat "$DIR/haproxy.pid")" 2>/dev/null; then
      echo "haproxy: pid $(cat "$DIR/haproxy.pid"), port $LB_PORT, through it: $(curl -s -m 2 "http://127.0.0.1:$LB_PORT/actuator/health/readiness" || echo unreachable)"
    else
      echo "haproxy: not running"
    fi
    ;;
  restart)
    for n in 1 2; do stop_node "$n"; start_node "$n"; done
    ;;
  kill)
    n="${2:?which node: 1 or 2}"
    if alive "$n"; then kill -KILL "$(pid_of "$n")"; log "node $n killed"; fi
    rm -f "$DIR/node$n.pid"
    ;;
  start)
    start_node "${2:?which node: 1 or 2}"
    ;;
  *)
    sed -n '3,22p' "$0"
    exit 2
    ;;
esac
