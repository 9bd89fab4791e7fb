#!/usr/bin/env bash
# Installs, builds and runs every test: unit and store tests (GoogleTest), the JSON API suite and
# the browser suite (headless Chromium) against a real server, and the formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
source scripts/env.sh
cd build
ctest --output-on-failure --timeout 900 -j2
