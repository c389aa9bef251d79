#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Restores a backup made by ops/backup.sh into a stopped Borough's data directory and database.
# See the README's "Backups".
#
#   ops/restore.sh borough-backup-<time>.tar [--force]
#
# Refuses to overwrite anything unless --force: an H2 backup goes into <data dir>/db only when no
# database is there (with --force the old one is moved aside to db.before-restore-<time>); a
# PostgreSQL backup goes into the database SPRING_DATASOURCE_URL names, created if missing, only
# when it holds no tables (with --force pg_restore drops what the backup has first). Then the files
# (attachments, photos) are copied into the data directory and the pseudonym key put beside the
# warehouse file. The warehouse file itself is deleted: it is derived from the CRM and may be newer
# than the backup, so Borough rebuilds it from the restored CRM when it next starts
# (BOROUGH_WAREHOUSE_REBUILD_WHEN_EMPTY, on by default; or java -jar borough.jar --warehouse.rebuild).
#
# Environment, as the server's: BOROUGH_DATA_DIR [./data], SPRING_DATASOURCE_URL (empty for the
#   embedded H2, or jdbc:postgresql://host:port/name), SPRING_DATASOURCE_USERNAME,
#   SPRING_DATASOURCE_PASSWORD, BOROUGH_WAREHOUSE_FILE [<data dir>/warehouse/borough.duckdb],
#   BOROUGH_WAREHOUSE_PSEUDONYM_KEY (when set, it wins over the key in the backup).
set -euo pipefail
umask 077

log() { echo "restore: $*" >&2; }
fail() { log "$*"; exit 1; }

BACKUP="" FORCE=false
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=true ;;
    -*) fail "unknown option $arg (usage: ops/restore.sh BACKUP.tar [--force])" ;;
    *) BACKUP="$arg" ;;
  esac
done
[[ -f "$BACKUP" ]] || fail "usage: ops/restore.sh BACKUP.tar [--force] (no file '$BACKUP')"

DATA="$(realpath -m "${BOROUGH_DATA_DIR:-./data}")"
URL_JDBC="${SPRING_DATASOURCE_URL:-}"
WAREHOUSE_FILE="$(realpath -m "${BOROUGH_WAREHOUSE_FILE:-$DATA/warehouse/borough.duckdb}")"
KEY="$(dirname "$WAREHOUSE_FILE")/pseudonym.key"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/borough-restore.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

tar -C "$WORK" -xf "$BACKUP"
grep -q '^borough-backup 1$' "$WORK/MANIFEST" 2>/dev/null || fail "$BACKUP is not a Borough backup"
KIND="$(sed -n 's/^database: //p' "$WORK/MANIFEST")"
log "$BACKUP: $(sed -n 's/^taken-at: //p' "$WORK/MANIFEST"), $KIND"

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

# Every refusal comes before anything is changed.
case "$KIND" in
  h2)
    [[ -z "$URL_JDBC" || "$URL_JDBC" == jdbc:h2:* ]] ||
      fail "this is an embedded H2 backup; SPRING_DATASOURCE_URL names $URL_JDBC (unset it)"
    if [[ -e "$DATA/db/borough.mv.db" ]]; then
      if fuser -s "$DATA/db/borough.mv.db" 2>/dev/null; then
        fail "a process has $DATA/db/borough.mv.db open: stop Borough first"
      fi
      $FORCE || fail "$DATA/db already holds a database: restore into a fresh data directory, or --force to move it aside"
    fi
    ;;
  postgresql)
    [[ "$URL_JDBC" == jdbc:postgresql:* ]] ||
      fail "this is a PostgreSQL backup: set SPRING_DATASOURCE_URL=jdbc:postgresql://host:port/name"
    postgres_from_url "$URL_JDBC"
    exists="$(psql -d postgres -tAc "select 1 from pg_database where datname = '${PGDATABASE//\'/\'\'}'")"
    tables=0
    if [[ "$exists" == 1 ]]; then
      tables="$(psql -tAc "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")"
      if [[ "$tables" != 0 ]] && ! $FORCE; then
        fail "database $PGDATABASE on $PGHOST:$PGPORT holds $tables tables: restore into a new database, or --force to replace what the backup holds"
      fi
    fi
    ;;
  *) fail "unknown database kind '$KIND' in $BACKUP" ;;
esac
if [[ -f "$WORK/keys/pseudonym.key" && -z "${BOROUGH_WAREHOUSE_PSEUDONYM_KEY:-}" && -f "$KEY" ]] &&
  ! cmp -s "$WORK/keys/pseudonym.key" "$KEY" && ! $FORCE; then
  fail "$KEY differs from the backup's pseudonym key: --force to replace it (the old one is kept beside it)"
fi

case "$KIND" in
  h2)
    if [[ -e "$DATA/db" ]]; then
      mv "$DATA/db" "$DATA/db.before-restore-$STAMP"
      log "moved the old database aside to $DATA/db.before-restore-$STAMP"
    fi
    mkdir -p "$DATA/db"
    unzip -q "$WORK/database/borough.zip" -d "$DATA/db"
    [[ -f "$DATA/db/borough.mv.db" ]] || fail "the backup's zip held no borough.mv.db"
    log "restored the embedded database into $DATA/db"
    ;;
  postgresql)
    if [[ "$exists" != 1 ]]; then
      createdb "$PGDATABASE"
      log "created database $PGDATABASE"
    fi
    clean=()
    [[ "$tables" == 0 ]] || clean=(--clean --if-exists)
    pg_restore --no-owner --no-privileges --exit-on-error "${clean[@]}" -d "$PGDATABASE" \
      "$WORK/database/borough.dump"
    log "restored database $PGDATABASE on $PGHOST:$PGPORT"
    ;;
esac

mkdir -p "$DATA"
tar -C "$WORK/files" -cf - . | tar -C "$DATA" -xf -
log "restored $(find "$WORK/files" -type f | wc -l) files into $DATA"

if [[ -f "$WORK/keys/pseudonym.key" ]]; then
  if [[ -n "${BOROUGH_WAREHOUSE_PSEUDONYM_KEY:-}" ]]; then
    log "BOROUGH_WAREHOUSE_PSEUDONYM_KEY is set, so the backup's key is not used: if the two differ," \
      "the rebuilt warehouse gives residents other pseudonyms than earlier exports did"
  else
    mkdir -p "$(dirname "$KEY")"
    if [[ -f "$KEY" ]] && ! cmp -s "$WORK/keys/pseudonym.key" "$KEY"; then
      mv "$KEY" "$KEY.before-restore-$STAMP"
    fi
    cp "$WORK/keys/pseudonym.key" "$KEY"
    log "restored the pseudonym key to $KEY"
  fi
fi

# Derived from the CRM, and possibly ahead of the restored one: rebuilt from it on the next start.
rm -f "$WAREHOUSE_FILE" "$WAREHOUSE_FILE.wal"
log "done: start Borough; it rebuilds the warehouse ($WAREHOUSE_FILE) from the restored CRM"
