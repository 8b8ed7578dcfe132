#!/usr/bin/env bash
# A three-node OpenSearch cluster on this machine, for the cluster drill and for
# trying the portal with replicas: each node is a start-background.sh node with
# its own port, data and pid file, and the three discover each other through
# their transport ports.
#
#   cluster.sh start            start the nodes that are not running; wait until green
#   cluster.sh stop             stop every node
#   cluster.sh start-node N     start node N (1-3) again and wait until it has joined
#   cluster.sh stop-node N      stop node N, as a lost machine
#   cluster.sh urls             the nodes' HTTP addresses, comma-separated
#
# Environment: as start.sh (SEARCH_ENGINE_VERSION or OPENSEARCH, SEARCH_ENGINE_JAVA), plus
#   SEARCH_CLUSTER_PORTS  HTTP ports of the nodes (default 9211,9212,9213); each node's
#                         transport port is its HTTP port + 100
#   SEARCH_CLUSTER_HEAP   heap of each node (default 320m)
#   SEARCH_CLUSTER_GREEN_TIMEOUT  seconds `start` waits for green (default 120)
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IFS=, read -r -a PORTS <<< "${SEARCH_CLUSTER_PORTS:-9211,9212,9213}"
CLUSTER_NAME="portal-search-cluster"

node_name() { echo "portal-search-$1"; }

seeds=() names=() urls=()
for port in "${PORTS[@]}"; do
  seeds+=("127.0.0.1:$((port + 100))")
  names+=("$(node_name "$port")")
  urls+=("http://127.0.0.1:$port")
done

# Runs an engine script for the node on HTTP port $2.
on_node() {
  local script="$1" port="$2"
  SEARCH_ENGINE_PORT="$port" \
    SEARCH_ENGINE_NODE_NAME="$(node_name "$port")" \
    SEARCH_ENGINE_CLUSTER_NAME="$CLUSTER_NAME" \
    SEARCH_ENGINE_SEED_HOSTS="$(IFS=,; echo "${seeds[*]}")" \
    SEARCH_ENGINE_INITIAL_NODES="$(IFS=,; echo "${names[*]}")" \
    SEARCH_ENGINE_HEAP="${SEARCH_CLUSTER_HEAP:-320m}" \
    "$ENGINE_DIR/$script"
}

node_port() {
  local number="$1"
  if [[ ! "$number" =~ ^[0-9]+$ ]] || ((number < 1 || number > ${#PORTS[@]})); then
    echo "search cluster: no node $number (1-${#PORTS[@]})" >&2
    exit 2
  fi
  echo "${PORTS[number - 1]}"
}

wait_for_green() {
  local timeout="${SEARCH_CLUSTER_GREEN_TIMEOUT:-120}" started=$SECONDS health
  health="$(curl -fsS --max-time $((timeout + 10)) \
    "${urls[0]}/_cluster/health?wait_for_status=green&wait_for_nodes=${#PORTS[@]}&timeout=${timeout}s")"
  if [[ "$health" != *'"status":"green"'* || "$health" == *'"timed_out":true'* ]]; then
    echo "search cluster: not green after ${timeout}s: $health" >&2
    return 1
  fi
  echo "search cluster: green with ${#PORTS[@]} nodes after $((SECONDS - started)) s"
}

case "${1:-}" in
  start)
    # Build once before the nodes start side by side (start.sh builds under a lock anyway).
    source "$ENGINE_DIR/common.sh"
    java="$(find_java)" || { echo "search cluster: no Java $MIN_JAVA or newer" >&2; exit 1; }
    engine_build "$java"
    # A node waits for the others to elect a cluster manager, so all start at once.
    pids=()
    for port in "${PORTS[@]}"; do
      on_node start-background.sh "$port" &
      pids+=($!)
    done
    failed=0
    for pid in "${pids[@]}"; do
      wait "$pid" || failed=1
    done
    if ((failed)); then
      "$0" stop
      exit 1
    fi
    wait_for_green
    echo "search cluster: $(IFS=,; echo "${urls[*]}")"
    ;;
  stop)
    for port in "${PORTS[@]}"; do
      on_node stop.sh "$port"
    done
    ;;
  start-node | stop-node)
    # Resolved first: a bad number must stop here, not reach the scripts without a port.
    port="$(node_port "${2:-}")"
    if [[ "$1" == start-node ]]; then on_node start-background.sh "$port"; else on_node stop.sh "$port"; fi
    ;;
  urls)
    (IFS=,; echo "${urls[*]}")
    ;;
  *)
    # The header comment is the usage.
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2
    exit 2
    ;;
esac
