#!/usr/bin/env bash
# Starts the local OpenSearch node detached from the terminal and waits until
# the cluster is green or yellow. On failure or timeout it prints the end of the
# log, stops the node and exits non-zero.
#
# Environment: as start.sh, plus
#   SEARCH_ENGINE_START_TIMEOUT  seconds to wait, including a first Maven download (default 300)
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ENGINE_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache/search-engine"
PID_FILE="$CACHE_DIR/engine.pid"
LOG_FILE="$CACHE_DIR/logs/engine.log"
TIMEOUT="${SEARCH_ENGINE_START_TIMEOUT:-300}"
READY_MARK="search engine ready:"

mkdir -p "$CACHE_DIR/logs"

node_running() {
  [[ -f "$PID_FILE" ]] && [[ "$(ps -ww -p "$(cat "$PID_FILE")" -o args= 2> /dev/null || true)" == *PortalSearchNode* ]]
}

if node_running; then
  echo "search engine: already running with pid $(cat "$PID_FILE")"
  exit 0
fi

: > "$LOG_FILE"
# setsid puts the node in its own session so a Ctrl-C in the calling terminal does not reach it.
if command -v setsid > /dev/null; then
  setsid nohup "$ENGINE_DIR/start.sh" > "$LOG_FILE" 2>&1 < /dev/null &
else
  nohup "$ENGINE_DIR/start.sh" > "$LOG_FILE" 2>&1 < /dev/null &
fi
launcher_pid=$!

fail() {
  echo "search engine: $1; last lines of $LOG_FILE:" >&2
  tail -n 40 "$LOG_FILE" >&2
  # The shutdown that follows a failure logs a few lines after the cause; repeat it last.
  grep "search engine: start-up failed" "$LOG_FILE" >&2 || true
  # With setsid the launcher leads its own process group; signalling the group also
  # reaches a Maven build still running under it.
  kill -TERM -- "-$launcher_pid" 2> /dev/null || kill -TERM "$launcher_pid" 2> /dev/null || true
  exit 1
}

# The launcher prints the ready line only after the cluster health check passed.
deadline=$((SECONDS + TIMEOUT))
while ! grep -q "$READY_MARK" "$LOG_FILE"; do
  if ! kill -0 "$launcher_pid" 2> /dev/null; then
    fail "the node exited during start-up"
  fi
  if ((SECONDS >= deadline)); then
    fail "not healthy after ${TIMEOUT}s"
  fi
  sleep 1
done

grep "$READY_MARK" "$LOG_FILE"
echo "search engine: pid $(cat "$PID_FILE"), log $LOG_FILE, stop with $ENGINE_DIR/stop.sh"
