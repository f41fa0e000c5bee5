#!/usr/bin/env bash
# Runs Parley as several identical nodes of the built jar against a local PostgreSQL and Redis, on loopback only.
#
#   scripts/local-cluster.sh start    start the nodes one after the other, wait until each is healthy, print addresses
#   scripts/local-cluster.sh status   show each node's pid, health and addresses
#   scripts/local-cluster.sh stop     stop exactly the processes `start` started (by their pid files)
#
# Build the jar first: ./mvnw -DskipTests package. Settings (environment variables, with defaults):
#   CHAT_CLUSTER_DB_URL        jdbc:postgresql://127.0.0.1:5432/test (add ?currentSchema=name to use one schema)
#   CHAT_CLUSTER_DB_USER       postgres            CHAT_CLUSTER_DB_PASSWORD  (empty)
#   CHAT_REDIS_URL             redis://127.0.0.1:6379
#   CHAT_JWT_SECRET            shared by all nodes; generated for this cluster run when unset
#   CHAT_CLUSTER_HTTP_PORTS    "8081 8082"         one port per node: this list sets the number of nodes
#   CHAT_CLUSTER_SOCKET_PORTS  "9093 9094"         Socket.IO ports, same count
#   CHAT_CLUSTER_DIR           ./target/local-cluster (logs, pid files, data directories)
#   CHAT_CLUSTER_JAR           chat-server/target/chat-server.jar
#   CHAT_CLUSTER_JAVA_OPTS     -Xmx512m
#   CHAT_CLUSTER_START_TIMEOUT 120 (seconds per node)   CHAT_CLUSTER_STOP_TIMEOUT 30 (seconds per node)
# Any other CHAT_* variable set here (CHAT_ADMIN_EMAIL, CHAT_PROCESSOR_CLAIM_TIMEOUT …) reaches every node.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=$(realpath -m "${CHAT_CLUSTER_DIR:-$ROOT/target/local-cluster}")
JAR=${CHAT_CLUSTER_JAR:-$ROOT/chat-server/target/chat-server.jar}
DB_URL=${CHAT_CLUSTER_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
DB_USER=${CHAT_CLUSTER_DB_USER:-postgres}
DB_PASSWORD=${CHAT_CLUSTER_DB_PASSWORD:-}
REDIS_URL=${CHAT_REDIS_URL:-redis://127.0.0.1:6379}
read -r -a HTTP_PORTS <<< "${CHAT_CLUSTER_HTTP_PORTS:-8081 8082}"
read -r -a SOCKET_PORTS <<< "${CHAT_CLUSTER_SOCKET_PORTS:-9093 9094}"
JAVA_OPTS=${CHAT_CLUSTER_JAVA_OPTS:--Xmx512m}
START_TIMEOUT=${CHAT_CLUSTER_START_TIMEOUT:-120}
STOP_TIMEOUT=${CHAT_CLUSTER_STOP_TIMEOUT:-30}
HOST=127.0.0.1

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: $*" >&2; exit 1; }

node_count() { echo "${#HTTP_PORTS[@]}"; }
pid_file() { echo "$RUN_DIR/node$1.pid"; }
log_file() { echo "$RUN_DIR/node$1.log"; }

# The pid of node $1 if it is alive and is really the process this script started, else nothing.
live_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 0
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  # Guards against a recycled pid: the process must run our jar with our run directory.
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null \
      | grep -qF -- "-Dparley.cluster.dir=$RUN_DIR -Dparley.cluster.node=$1 "; then
    echo "$pid"
  fi
}

healthy() { curl -fsS --max-time 2 "http://$HOST:$1/actuator/health" >/dev/null 2>&1; }

addresses() { # node number
  local i=$1
  echo "node$i http://$HOST:${HTTP_PORTS[i-1]} socket http://$HOST:${SOCKET_PORTS[i-1]}"
}

start_node() { # node number, secret
  local i=$1 secret=$2 http=${HTTP_PORTS[i-1]} socket=${SOCKET_PORTS[i-1]}
  local data="$RUN_DIR/node$i-data" log
  log=$(log_file "$i")
  mkdir -p "$data"
  # setsid: the node outlives this script and gets no signals meant for the caller's terminal.
  # shellcheck disable=SC2086
  CHAT_HTTP_PORT=$http CHAT_SOCKET_PORT=$socket CHAT_SOCKET_HOST=$HOST SERVER_ADDRESS=$HOST \
  CHAT_DB_URL=$DB_URL CHAT_DB_USER=$DB_USER CHAT_DB_PASSWORD=$DB_PASSWORD CHAT_REDIS_URL=$REDIS_URL \
  CHAT_JWT_SECRET=$secret CHAT_DATA_DIR=$data \
    setsid java $JAVA_OPTS "-Dparley.cluster.dir=$RUN_DIR" "-Dparley.cluster.node=$i" -jar "$JAR" \
    > "$log" 2>&1 < /dev/null &
  echo $! > "$(pid_file "$i")"
}

wait_healthy() { # node number
  local i=$1 pid deadline=$((SECONDS + START_TIMEOUT))
  pid=$(<"$(pid_file "$i")")
  until healthy "${HTTP_PORTS[i-1]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "local-cluster: node$i exited during start; last lines of $(log_file "$i"):" >&2
      tail -n 40 "$(log_file "$i")" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "local-cluster: node$i not healthy within ${START_TIMEOUT}s; see $(log_file "$i")" >&2
      return 1
    fi
    sleep 1
  done
}

port_free() { ! (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

cmd_start() {
  [[ -f $JAR ]] || fail "no $JAR; build it with ./mvnw -DskipTests package"
  (( ${#HTTP_PORTS[@]} == ${#SOCKET_PORTS[@]} )) || fail "CHAT_CLUSTER_HTTP_PORTS and CHAT_CLUSTER_SOCKET_PORTS differ in length"
  command -v curl >/dev/null || fail "curl is needed to check the nodes' health"
  local i n
  n=$(node_count)
  for ((i = 1; i <= n; i++)); do
    [[ -z $(live_pid "$i") ]] || fail "node$i already runs (pid $(live_pid "$i")); run stop first"
    port_free "${HTTP_PORTS[i-1]}" || fail "port ${HTTP_PORTS[i-1]} is in use"
    port_free "${SOCKET_PORTS[i-1]}" || fail "port ${SOCKET_PORTS[i-1]} is in use"
  done
  mkdir -p "$RUN_DIR"
  local secret=${CHAT_JWT_SECRET:-}
  if [[ -z $secret ]]; then
    secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
    say "generated a JWT secret for this cluster run"
  fi
  # One node after the other: the first creates the schema (Flyway) and the first accounts alone.
  for ((i = 1; i <= n; i++)); do
    start_node "$i" "$secret"
    if ! wait_healthy "$i"; then
      cmd_stop >&2
      exit 1
    fi
    say "$(addresses "$i") pid $(<"$(pid_file "$i")") log $(log_file "$i")"
  done
  say "$n nodes up on $DB_URL and $REDIS_URL"
}

cmd_stop() {
  local i pid file stopped=0
  # Every pid file in the run directory counts, even of nodes beyond the current port list.
  for file in "$RUN_DIR"/node*.pid; do
    [[ -e $file ]] || continue
    i=${file##*/node}; i=${i%.pid}
    pid=$(live_pid "$i")
    if [[ -n $pid ]]; then
      kill -TERM "$pid" 2>/dev/null || true
      local deadline=$((SECONDS + STOP_TIMEOUT))
      while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then
        say "node$i (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
      say "node$i stopped (pid $pid)"
      stopped=$((stopped + 1))
    fi
    rm -f "$file"
  done
  say "$stopped node(s) stopped"
}

cmd_status() {
  local i pid n health
  n=$(node_count)
  for ((i = 1; i <= n; i++)); do
    pid=$(live_pid "$i")
    if [[ -z $pid ]]; then
      say "node$i not running"
      continue
    fi
    health=down
    healthy "${HTTP_PORTS[i-1]}" && health=up
    say "$(addresses "$i") pid $pid health $health"
  done
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
