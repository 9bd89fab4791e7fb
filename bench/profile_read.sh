#!/usr/bin/env bash
# Benchmark: a pupil-profile API read (GET /api/v1/pupils/{id} with a bearer token) under
# `wrk -t2 -c64 -d10s` on loopback against a fresh demo database. Prints requests/s and latency
# percentiles. Goal (issue 2): >= 20,000 requests/s with p99 <= 10 ms on a 2-core machine.
# Usage: bench/profile_read.sh [build-dir]   (needs wrk and curl; run scripts/build.sh first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$build/waymark" demo --db "$work/bench.db" >/dev/null
"$build/waymark" serve --db "$work/bench.db" --port "$port" --web-root "$root/web" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

password=$(grep -o 'kDemoPassword = "[^"]*"' "$root/src/app/demo.cpp" | head -1 | cut -d'"' -f2)
login=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"email\":\"head@balance.example\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/session")
json() { node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>console.log(eval("JSON.parse(d)"+process.argv[1])))' "$1"; }
csrf=$(echo "$login" | json .csrf_token)
token=$(curl -sf -b "$work/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "http://127.0.0.1:$port/api/v1/tokens" | json .token)
pupil=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/pupils?limit=1" | json '.items[0].id')
bytes=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/pupils/$pupil" | wc -c)

cat >"$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
echo "profile read: GET /api/v1/pupils/$pupil ($bytes bytes of JSON), demo database, 2 server threads"
wrk -t2 -c64 -d10s --latency -s "$work/auth.lua" "http://127.0.0.1:$port/api/v1/pupils/$pupil" | tee "$work/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt")
echo "RESULT requests_per_second=$rps p99=$p99 non_2xx=${non2xx:-0} (goal: >= 20000/s, p99 <= 10ms)"
