#!/usr/bin/env bash
# Proves .ci/postgres.sh's set-up on a cluster made as a fresh Debian install makes one (the same
# pg_createcluster, the same scram-sha-256 lines for 127.0.0.1): before it, `postgres` cannot
# connect without a password; after it, it can, as the tests do. Uses port 5499 and removes the
# cluster at the end, leaving the machine's own PostgreSQL alone. Run as root on Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/postgres.sh

version="$(ls /etc/postgresql | sort -V | tail -1)"
cluster="borough_ci_check"
port=5499
cleanup() { pg_dropcluster --stop "$version" "$cluster" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
pg_createcluster "$version" "$cluster" --port "$port" >/dev/null
pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
await_postgres "$port"

if psql -h 127.0.0.1 -p "$port" -U postgres -w -c 'select 1' >/dev/null 2>&1; then
  echo "FAIL: a fresh cluster already let postgres in without a password; nothing was proven"
  exit 1
fi
echo "A fresh cluster refuses postgres without a password, as on a new machine"

allow_loopback_without_password "$cluster" "$version"
psql -h 127.0.0.1 -p "$port" -U postgres -w -c 'select 1' >/dev/null
echo "PASS: after .ci/postgres.sh, postgres connects on 127.0.0.1:$port without a password"
