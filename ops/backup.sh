#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Backs up a running Borough into one file, borough-backup-<UTC time>.tar (mode 600: it holds every
# resident), in the directory given (./backups by default). See the README's "Backups".
#
#   ops/backup.sh [directory]
#
# What the file holds:
#   database/borough.zip   the embedded H2 database, taken online by Borough itself (H2's BACKUP TO,
#                          POST /api/v1/admin/backups): the running server holds the H2 file
#                          exclusively, so no other process could copy it consistently
#   database/borough.dump  or, on PostgreSQL, pg_dump's custom format (pg_restore reads it)
#   files/                 the data directory without the database, the warehouse and old backups:
#                          case attachments, portal photos, an uploaded bank-holiday list;
#                          copied after the database, so every file the database names is there
#   keys/pseudonym.key     the warehouse's pseudonym key, when Borough generated it (not when
#                          BOROUGH_WAREHOUSE_PSEUDONYM_KEY gives it: back your settings up apart)
#   MANIFEST               what was backed up, from where, when
# Not the warehouse: it is derived from the CRM, and restore.sh has it rebuilt from the restored
# CRM rather than trust a file that may be newer than the database.
#
# Environment, as the server's (defaults in brackets): BOROUGH_DATA_DIR [./data];
#   SPRING_DATASOURCE_URL [the embedded H2 under the data directory], SPRING_DATASOURCE_USERNAME,
#   SPRING_DATASOURCE_PASSWORD (a jdbc:postgresql://host:port/name URL means pg_dump; PGHOST etc.
#   are taken from it); BOROUGH_WAREHOUSE_FILE [<data dir>/warehouse/borough.duckdb]; and for H2:
#   BOROUGH_URL [http://127.0.0.1:${SERVER_PORT:-8080}] and BOROUGH_BACKUP_TOKEN
#   [$BOROUGH_ADMIN_API_TOKEN], an API token of an admin (permission SYSTEM_BACKUP).
set -euo pipefail
umask 077

log() { echo "backup: $*" >&2; }
fail() { log "$*"; exit 1; }

DATA="$(realpath -m "${BOROUGH_DATA_DIR:-./data}")"
OUT="$(realpath -m "${1:-./backups}")"
URL_JDBC="${SPRING_DATASOURCE_URL:-}"
WAREHOUSE_FILE="$(realpath -m "${BOROUGH_WAREHOUSE_FILE:-$DATA/warehouse/borough.duckdb}")"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/borough-backup.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/database" "$WORK/files" "$OUT"

# jdbc:postgresql://host[:port]/name[?...] -> PGHOST, PGPORT, PGDATABASE for pg_dump and psql.
postgres_from_url() {
  local rest="${1#jdbc:postgresql://}" hostport
  rest="${rest%%\?*}"
  hostport="${rest%%/*}"
  export PGDATABASE="${rest#*/}"
  export PGHOST="${hostport%%:*}"
  if [[ "$hostport" == *:* ]]; then export PGPORT="${hostport##*:}"; else export PGPORT=5432; fi
  export PGUSER="${SPRING_DATASOURCE_USERNAME:-${PGUSER:-postgres}}"
  export PGPASSWORD="${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"
}

if [[ "$URL_JDBC" == jdbc:postgresql:* ]]; then
  postgres_from_url "$URL_JDBC"
  KIND=postgresql
  log "pg_dump of $PGDATABASE on $PGHOST:$PGPORT"
  # One snapshot of the whole database (pg_dump runs in one repeatable-read transaction).
  pg_dump -Fc --no-owner --no-privileges -f "$WORK/database/borough.dump"
elif [[ -z "$URL_JDBC" || "$URL_JDBC" == jdbc:h2:* ]]; then
  [[ -z "$URL_JDBC" || "$URL_JDBC" == *"$DATA/db/borough"* ]] ||
    fail "SPRING_DATASOURCE_URL names an H2 file outside $DATA/db: set BOROUGH_DATA_DIR to match"
  KIND=h2
  BASE="${BOROUGH_URL:-http://127.0.0.1:${SERVER_PORT:-8080}}"
  TOKEN="${BOROUGH_BACKUP_TOKEN:-${BOROUGH_ADMIN_API_TOKEN:-}}"
  [[ -n "$TOKEN" ]] || fail "set BOROUGH_BACKUP_TOKEN (or BOROUGH_ADMIN_API_TOKEN) to an admin's API token"
  log "online backup of the embedded database through $BASE"
  answer="$(curl -sS -m 600 -X POST -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' \
    -w '\n%{http_code}' "$BASE/api/v1/admin/backups")" || fail "Borough at $BASE did not answer: is it running?"
  status="${answer##*$'\n'}"
  body="${answer%$'\n'*}"
  [[ "$status" == 200 ]] || fail "POST $BASE/api/v1/admin/backups answered $status: $body"
  zip="$(sed -n 's/.*"file":"\([^"]*\)".*/\1/p' <<<"$body")"
  [[ -f "$zip" ]] || fail "Borough wrote $zip, which is not on this machine: run this where Borough runs"
  mv "$zip" "$WORK/database/borough.zip"
else
  fail "don't know how to back up $URL_JDBC: only the embedded H2 and PostgreSQL"
fi

# After the database: an attachment saved since is copied too, one deleted since would be missing.
excludes=(--exclude=./db --exclude=./warehouse --exclude=./backups)
warehouse_dir="$(realpath -m --relative-to="$DATA" "$(dirname "$WAREHOUSE_FILE")")"
[[ "$warehouse_dir" == ..* ]] || excludes+=("--exclude=./$warehouse_dir")
if [[ -d "$DATA" ]]; then
  tar -C "$DATA" "${excludes[@]}" -cf - . | tar -C "$WORK/files" -xf -
fi
KEY="$(dirname "$WAREHOUSE_FILE")/pseudonym.key"
if [[ -n "${BOROUGH_WAREHOUSE_PSEUDONYM_KEY:-}" ]]; then
  key_note="given by BOROUGH_WAREHOUSE_PSEUDONYM_KEY: not in this backup, keep it with your settings"
elif [[ -f "$KEY" ]]; then
  mkdir -p "$WORK/keys"
  cp "$KEY" "$WORK/keys/pseudonym.key"
  key_note="keys/pseudonym.key"
else
  key_note="none yet (no warehouse has been opened)"
fi

cat >"$WORK/MANIFEST" <<MANIFEST
borough-backup 1
taken-at: $STAMP
database: $KIND
source: $(if [[ "$KIND" == postgresql ]]; then echo "$PGHOST:$PGPORT/$PGDATABASE"; else echo "$DATA/db/borough"; fi)
files: $(find "$WORK/files" -type f | wc -l) from $DATA
pseudonym-key: $key_note
MANIFEST

FILE="$OUT/borough-backup-$STAMP.tar"
tar -C "$WORK" -cf "$FILE.part" MANIFEST database files $([[ -d "$WORK/keys" ]] && echo keys)
mv "$FILE.part" "$FILE"
log "wrote $FILE ($(du -h "$FILE" | cut -f1))"
echo "$FILE"
