#!/bin/sh
# Fetches the official Socket.IO browser client from npm (pinned in src/main/client/package-lock.json) and copies
# its one ES-module file and licence next to the console's pages. Run by Maven (generate-resources); the pages
# fall back to polling when the file is missing, so without npm this only warns, unless CI=true.
# Usage: build-client.sh <target/classes directory>
set -u
here=$(cd "$(dirname "$0")" && pwd)
client="$here/src/main/client"
out="${1:-$here/target/classes}/META-INF/resources/console/vendor"
dist="$client/node_modules/socket.io-client/dist/socket.io.esm.min.js"

missing() {
  echo "*** console: $1; the pages fall back to polling ***" >&2
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
  exit 0
}

command -v npm >/dev/null 2>&1 || missing "npm not found"

# npm ci again only when the lock file changed since the last install, so an offline build after a first
# online one works.
installed="$client/node_modules/.package-lock.json"
if [ ! -f "$dist" ] || [ ! -f "$installed" ] || [ "$client/package-lock.json" -nt "$installed" ]; then
  (cd "$client" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error) \
    || missing "npm ci failed"
fi

mkdir -p "$out" || exit 1
cp "$dist" "$out/socket.io.esm.min.js" || exit 1
cp "$client/node_modules/socket.io-client/LICENSE" "$out/socket.io-client.LICENSE" || exit 1
echo "console: socket.io-client $(sed -n 's/^ *"version": "\(.*\)",$/\1/p' \
  "$client/node_modules/socket.io-client/package.json" | head -1) copied to $out"
