#!/usr/bin/env bash
# Measures Parley's cold start: from the moment the server process is started to its first 200 from
# /actuator/health, on a fresh embedded H2 data directory and free loopback ports. Prints seconds per run.
#
#   scripts/startup-time.sh [runs] [-- command ...]
#
# runs defaults to 1. The command defaults to the README's run command (the extracted jar with its class data
# sharing archive); give another one after -- to compare, e.g. the plain jar:
#   scripts/startup-time.sh 3 -- java -jar chat-server/target/chat-server.jar
# It runs from the repository root. Build first: ./mvnw -q -DskipTests package. Logs: target/startup-time/run<N>.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
runs=1
if [[ $# -gt 0 && $1 != -- ]]; then runs=$1; shift; fi
[[ ${1:-} == -- ]] && shift
if [[ $# -gt 0 ]]; then
  command=("$@")
else
  command=(java -XX:SharedArchiveFile=chat-server/target/app/chat-server.jsa -jar chat-server/target/app/chat-server.jar)
fi
LOG_DIR=$ROOT/target/startup-time
mkdir -p "$LOG_DIR"

# A port below the ephemeral range (outgoing connections) that nothing listens on.
free_port() {
  local port
  while :; do
    port=$((15000 + RANDOM % 17000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

now() { echo "${EPOCHREALTIME/[.,]/}"; } # microseconds
ticks=$(getconf CLK_TCK)
timeout=${STARTUP_TIMEOUT:-300} # seconds; a loaded machine can take minutes

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
    if (( $(now) - start > timeout * 1000000 )); then echo "startup-time: not healthy after $timeout s, see $log" >&2; exit 1; fi
    sleep 0.05
  done
  elapsed=$(( $(now) - start ))
  # CPU time the server used until then (user + system): a steadier figure than wall time on a shared machine.
  read -r -a stat < "/proc/$pid/stat"
  cpu=$(( (stat[13] + stat[14]) * 100 / ticks ))
  printf 'run %d: %d.%02d s (cpu %d.%02d s)\n' "$run" $((elapsed / 1000000)) $((elapsed % 1000000 / 10000)) \
    $((cpu / 100)) $((cpu % 100))
  cleanup
done
