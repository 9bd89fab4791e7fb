#!/bin/sh
# `waymark export attendance` against a fresh demo database: the CSV header and columns, AM/PM
# sessions, the --school filter, and a non-zero exit with a clear message for bad arguments.
# Usage: export_attendance.sh WAYMARK_BIN
set -eu
bin="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" demo --db "$dir/demo.db" >/dev/null
today=$(date +%Y-%m-%d)
from=$(date -d "-70 days" +%Y-%m-%d)

"$bin" export attendance --db "$dir/demo.db" --from "$from" --to "$today" >"$dir/all.csv"
head -n 1 "$dir/all.csv" | tr -d '\r' | grep -qx 'upn,date,session,code,minutes_late,meaning,provider_urn,school_urn' \
  || fail "header: $(head -n 1 "$dir/all.csv")"
rows=$(($(wc -l <"$dir/all.csv") - 1))
[ "$rows" -gt 100 ] || fail "expected a half term of marks, got $rows rows"
tail -n +2 "$dir/all.csv" | cut -d, -f3 | sort -u | tr -d '\r' | tr '\n' ' ' | grep -qx 'AM PM ' \
  || fail "sessions are not AM and PM"
tail -n +2 "$dir/all.csv" | cut -d, -f4 | grep -qx 'N' || fail "no N codes in the demo"
tail -n +2 "$dir/all.csv" | awk -F, '$4 == "L" && $5 == "" { bad = 1 } END { exit bad }' \
  || fail "an L without minutes late"

# One school's pupils only: a subset, every row with that school's URN.
urn=$(tail -n +2 "$dir/all.csv" | head -n 1 | cut -d, -f8 | tr -d '\r')
"$bin" export attendance --db "$dir/demo.db" --from "$from" --to "$today" --school "$urn" >"$dir/one.csv"
school_rows=$(($(wc -l <"$dir/one.csv") - 1))
[ "$school_rows" -gt 0 ] && [ "$school_rows" -le "$rows" ] || fail "--school gave $school_rows rows"
tail -n +2 "$dir/one.csv" | cut -d, -f8 | tr -d '\r' | sort -u | grep -qx "$urn" || fail "--school let other schools through"

# Errors: non-zero exit, the argument named on standard error, nothing on standard output.
if "$bin" export attendance --db "$dir/demo.db" --from 2025-02-30 --to "$today" >"$dir/out" 2>"$dir/err"; then
  fail "a bad date exited 0"
fi
grep -q -- '--from' "$dir/err" || fail "bad date message: $(cat "$dir/err")"
[ ! -s "$dir/out" ] || fail "output despite an error"
if "$bin" export attendance --db "$dir/demo.db" --from "$today" --to "$from" 2>"$dir/err" >/dev/null; then
  fail "--to before --from exited 0"
fi
grep -q -- '--to' "$dir/err" || fail "range message: $(cat "$dir/err")"
if "$bin" export attendance --db "$dir/demo.db" --from "$from" --to "$today" --school 999999 2>"$dir/err" >/dev/null; then
  fail "an unknown URN exited 0"
fi
grep -q '999999' "$dir/err" || fail "URN message: $(cat "$dir/err")"
if "$bin" export attendance --db "$dir/missing.db" --from "$from" --to "$today" 2>"$dir/err" >/dev/null; then
  fail "a missing database exited 0"
fi
[ ! -e "$dir/missing.db" ] || fail "a missing database was created"
echo "export attendance: $rows rows, $school_rows for school $urn"
