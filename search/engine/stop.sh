#!/usr/bin/env bash
# Stops the node on SEARCH_ENGINE_PORT (default 9200) started by start.sh or
# start-background.sh, using its pid file.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STOP_TIMEOUT="${SEARCH_ENGINE_STOP_TIMEOUT:-30}"

if [[ ! -f "$PID_FILE" ]]; then
  echo "search engine: nothing running on port $ENGINE_PORT (no pid file)"
  exit 0
fi

pid="$(cat "$PID_FILE")"
# The pid may have been reused by an unrelated process after a crash; only signal our node.
if ! node_running; then
  echo "search engine: nothing running on port $ENGINE_PORT (stale pid file)"
  rm -f "$PID_FILE"
  exit 0
fi

# SIGTERM runs the launcher's shutdown hook, which closes the node cleanly.
kill -TERM "$pid"
deadline=$((SECONDS + STOP_TIMEOUT))
while kill -0 "$pid" 2> /dev/null; do
  if ((SECONDS >= deadline)); then
    echo "search engine: pid $pid still running after ${STOP_TIMEOUT}s, killing it" >&2
    kill -KILL "$pid" 2> /dev/null || true
    break
  fi
  sleep 0.5
done
rm -f "$PID_FILE"
echo "search engine: stopped pid $pid (port $ENGINE_PORT)"
