#!/usr/bin/env bash
# Measures Parley's cold start: from the moment the server process is started to its first 200 from
# /actuator/health, on a fresh embedded H2 data directory and free loopback ports. Prints seconds per run.
#
#   scripts/startup-time.sh [runs] [-- command ...]
#
# runs defaults to 1. The command defaults to the README's run command (java -jar chat-server/target/chat-server.jar);
# give another one after -- to compare, e.g. scripts/startup-time.sh 3 -- java -Xshare:off -jar chat-server/target/chat-server.jar
# Build the jar first: ./mvnw -q -DskipTests package. Each run's log is kept in target/startup-time/run<N>.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
runs=1
if [[ $# -gt 0 && $1 != -- ]]; then runs=$1; shift; fi
[[ ${1:-} == -- ]] && shift
if [[ $# -gt 0 ]]; then
  command=("$@")
else
  command=(java -jar chat-server/target/chat-server.jar)
fi
LOG_DIR=$ROOT/target/startup-time
mkdir -p "$LOG_DIR"

# A port in the ephemeral-free range that nothing answers on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

now() { echo "${EPOCHREALTIME/[.,]/}"; } # microseconds

pid=
data=
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  [[ -n $data ]] && rm -rf "$data"
  pid= data=
}
trap cleanup EXIT

for ((run = 1; run <= runs; run++)); do
  data=$(mktemp -d)
  http=$(free_port)
  socket=$(free_port)
  while [[ $socket == "$http" ]]; do socket=$(free_port); done
  log=$LOG_DIR/run$run.log
  start=$(now)
  CHAT_DATA_DIR=$data CHAT_HTTP_PORT=$http CHAT_SOCKET_PORT=$socket "${command[@]}" > "$log" 2>&1 < /dev/null &
  pid=$!
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$http/actuator/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "startup-time: the server exited, see $log" >&2; exit 1; fi
    if (( $(now) - start > 120000000 )); then echo "startup-time: not healthy after 120 s, see $log" >&2; exit 1; fi
    sleep 0.05
  done
  elapsed=$(( $(now) - start ))
  printf 'run %d: %d.%02d s\n' "$run" $((elapsed / 1000000)) $((elapsed % 1000000 / 10000))
  cleanup
done
