#!/usr/bin/env bash
# Stops the node started by start.sh or start-background.sh, using its pid file.
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ENGINE_DIR/../.." && pwd)"
PID_FILE="$REPO_ROOT/.cache/search-engine/engine.pid"
STOP_TIMEOUT="${SEARCH_ENGINE_STOP_TIMEOUT:-30}"

if [[ ! -f "$PID_FILE" ]]; then
  echo "search engine: not running (no pid file)"
  exit 0
fi

pid="$(cat "$PID_FILE")"
# The pid may have been reused by an unrelated process after a crash; only signal our node.
if [[ "$(ps -ww -p "$pid" -o args= 2> /dev/null || true)" != *PortalSearchNode* ]]; then
  echo "search engine: not running (stale pid file)"
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
echo "search engine: stopped pid $pid"
