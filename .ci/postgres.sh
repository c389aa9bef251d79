#!/usr/bin/env bash
# PostgreSQL for the tests, sourced by .ci/run: installed from Debian if missing, started if down,
# and reachable as `postgres` without a password on the loopback address, as the tests connect
# (BOROUGH_TEST_PG_URL, BOROUGH_TEST_PG_USER, BOROUGH_TEST_PG_PASSWORD override that).
#
# A fresh Debian install asks for a password (scram-sha-256) on 127.0.0.1 that the postgres role
# does not have, so the loopback lines are set to trust. That is for a CI machine or a developer's
# own one only: never do this on a server that holds residents' data.

# Lets `postgres` in without a password on 127.0.0.1 and ::1, for cluster $1 of version $2.
allow_loopback_without_password() {
  local cluster="$1" version="$2"
  local hba="/etc/postgresql/$version/$cluster/pg_hba.conf"
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+postgres[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "Letting postgres in without a password on the loopback address ($hba)"
    # First matching line wins: these go above the install's scram-sha-256 lines.
    sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload
  fi
}

# Waits up to 30 s for a server on 127.0.0.1:$1.
await_postgres() {
  local port="$1"
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p "$port" >/dev/null 2>&1 && return 0
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p "$port"
}

ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
    return 0
  fi
  echo "Starting PostgreSQL"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi
  local version
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  if [[ ! -d "/etc/postgresql/$version/main" ]]; then
    pg_createcluster "$version" main --port 5432
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  await_postgres 5432
  allow_loopback_without_password main "$version"
}
