#!/usr/bin/env bash
# Installs, builds, loads the demo data into a new SQLite database (demo.db) and serves Waymark on
# http://127.0.0.1:8080 until stopped with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
rm -f demo.db demo.db-wal demo.db-shm
build/waymark demo --db demo.db
exec build/waymark serve --db demo.db --port 8080 --bind 127.0.0.1 --web-root web
