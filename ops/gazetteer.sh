#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
#
# Loads the council's address gazetteer into a running Borough from a CSV file (an AddressBase Core
# extract, or the council's own list with UPRN, LINE1, LINE2, TOWN, POSTCODE, LATITUDE, LONGITUDE).
# A whole file retires the addresses it no longer holds; a file with a CHANGE_CODE column (I, U, D)
# applies only its changes. All of it loads, or, when it cannot be read or too much of it is wrong,
# none of it. See docs/places.md.
#
#   ops/gazetteer.sh import FILE
#
# Environment: BOROUGH_URL [http://127.0.0.1:${SERVER_PORT:-8080}] and BOROUGH_GAZETTEER_TOKEN
# [$BOROUGH_ADMIN_API_TOKEN], an API token of an administrator (permission GAZETTEER_ADMIN).
set -euo pipefail

fail() { echo "gazetteer: $*" >&2; exit 1; }

[[ ${1:-} == import && -n ${2:-} ]] || fail "usage: ops/gazetteer.sh import FILE"
FILE="$2"
[[ -r $FILE ]] || fail "cannot read $FILE"
URL="${BOROUGH_URL:-http://127.0.0.1:${SERVER_PORT:-8080}}"
TOKEN="${BOROUGH_GAZETTEER_TOKEN:-${BOROUGH_ADMIN_API_TOKEN:-}}"
[[ -n $TOKEN ]] || fail "set BOROUGH_GAZETTEER_TOKEN to an administrator's API token"

# The file's name, as the admin page's history shows it, safe in a URL as it is.
NAME="$(printf %s "$(basename "$FILE")" | tr -c 'A-Za-z0-9._-' '_')"
# The token goes in a header file, not on the command line, where ps would show it.
HEADERS="$(mktemp)"
ANSWER="$(mktemp)"
trap 'rm -f "$HEADERS" "$ANSWER"' EXIT
printf 'Authorization: Bearer %s\n' "$TOKEN" > "$HEADERS"
status=$(curl -sS -o "$ANSWER" -w '%{http_code}' -X POST \
  -H @"$HEADERS" -H 'Content-Type: text/csv; charset=UTF-8' \
  --data-binary @"$FILE" "$URL/api/v1/admin/gazetteer?source=$NAME")
# The answer: what was added, changed and retired, and each row not loaded with its line.
cat "$ANSWER"
echo
[[ $status == 200 ]] || fail "refused ($status): nothing was loaded"
