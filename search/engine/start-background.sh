#!/usr/bin/env bash
# Starts a local OpenSearch node detached from the terminal and waits until its
# cluster is green or yellow. On failure or timeout it prints the end of the log,
# stops the node and exits non-zero.
#
# Environment: as start.sh, plus
#   SEARCH_ENGINE_START_TIMEOUT  seconds to wait, including a first Maven download (default 300)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TIMEOUT="${SEARCH_ENGINE_START_TIMEOUT:-300}"
READY_MARK="search engine ready:"

mkdir -p "$NODE_DIR"

if node_running; then
  echo "search engine: already running on port $ENGINE_PORT with pid $(cat "$PID_FILE")"
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
echo "search engine: pid $(cat "$PID_FILE"), log $LOG_FILE, stop with SEARCH_ENGINE_PORT=$ENGINE_PORT $ENGINE_DIR/stop.sh"
