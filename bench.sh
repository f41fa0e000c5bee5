#!/usr/bin/env bash
# Parley's benchmark harness: ./bench.sh <scenario> --out <dir> [--duration <seconds>] [--target <url>] [options]
# Builds the server and harness jars when they are missing or older than their sources, then runs the harness
# (load-test/target/load-test.jar). Without --target it starts chat-server/target/chat-server.jar itself on free
# loopback ports with a temporary data directory. chat and ceiling then run the same load on the bare baseline
# (io.parley.bench.bare in load-test.jar: netty-socketio + one JDBC transaction per message, its own JVM, the same
# database engine) and report Parley ÷ bare; --baseline none skips it, --baseline only runs bare alone.
# docs/benchmarks.md explains the figures. ./bench.sh --help lists scenarios and options.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

server_jar=chat-server/target/chat-server.jar
harness_jar=load-test/target/load-test.jar

# True when $1 is missing or any file under the other arguments is newer than it.
stale() {
  local jar=$1; shift
  [[ ! -f $jar ]] && return 0
  [[ -n $(find "$@" -type f -newer "$jar" -print -quit 2>/dev/null) ]]
}

server_sources=(pom.xml)
for module in shared-events command-side query-side realtime-projector console dialects chat-server; do
  server_sources+=("$module/pom.xml" "$module/src/main")
done
if stale "$server_jar" "${server_sources[@]}" || stale "$harness_jar" load-test/pom.xml load-test/src/main; then
  echo "bench: building the jars (./mvnw -q -DskipTests package)"
  ./mvnw -q -DskipTests package -pl chat-server,load-test -am
fi

# The harness may hold thousands of sockets; lift the open-file limit as far as this shell allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

exec java ${BENCH_JAVA_OPTS:--Xmx4g} -Djava.awt.headless=true -Dbench.home="$root" -jar "$harness_jar" "$@"
