#!/usr/bin/env bash
# Runs a local OpenSearch node in the foreground; Ctrl-C stops it.
#
# The first run resolves the release from Maven Central into <repo>/.cache/m2 and
# records the class path; later runs start java directly from that record and
# only call Maven again when pom.xml or the launcher source changes.
#
# Environment: as common.sh (SEARCH_ENGINE_VERSION or OPENSEARCH, SEARCH_ENGINE_PORT,
# SEARCH_ENGINE_JAVA), plus
#   SEARCH_ENGINE_HEAP  JVM heap, -Xms and -Xmx (default 512m)
# and the cluster variables PortalSearchNode reads (see cluster.sh).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

HEAP="${SEARCH_ENGINE_HEAP:-512m}"
if ! JAVA="$(find_java)"; then
  echo "search engine: OpenSearch $ENGINE_VERSION needs Java $MIN_JAVA or newer; install it or set SEARCH_ENGINE_JAVA" >&2
  exit 1
fi

mkdir -p "$NODE_HOME/tmp"

# One node per port: a second one would fail on the port and the data folder lock,
# and leave the pid file pointing at the wrong process.
if node_running; then
  echo "search engine: already running on port $ENGINE_PORT with pid $(cat "$PID_FILE") (stop it with $ENGINE_DIR/stop.sh)" >&2
  exit 1
fi

engine_build "$JAVA"

# OpenSearch 2.x parses localised dates with the COMPAT locale data; JDK 23 removed
# it, so newer JDKs fall back to CLDR, which OpenSearch 3 uses on every JDK.
if ((ENGINE_MAJOR >= 3 || $(java_major "$JAVA") >= 23)); then
  locale_providers="SPI,CLDR"
else
  locale_providers="SPI,COMPAT"
fi

# exec keeps this shell's pid, so the pid file names the java process itself.
echo "$$" > "$PID_FILE"

# The options below are those the OpenSearch distribution passes to its own JVM.
exec "$JAVA" \
  "-Xms$HEAP" "-Xmx$HEAP" \
  -XX:+UseG1GC -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 \
  -Xss1m \
  -XX:-OmitStackTraceInFastThrow \
  -XX:+ShowCodeDetailsInExceptionMessages \
  -Djava.awt.headless=true \
  -Dfile.encoding=UTF-8 \
  -Djna.nosys=true \
  -Dio.netty.noUnsafe=true \
  -Dio.netty.noKeySetOptimization=true \
  -Dio.netty.recycler.maxCapacityPerThread=0 \
  -Dio.netty.allocator.numDirectArenas=0 \
  -Dlog4j.shutdownHookEnabled=false \
  -Dlog4j2.disable.jmx=true \
  "-Djava.locale.providers=$locale_providers" \
  "-Djava.io.tmpdir=$NODE_HOME/tmp" \
  -cp "$CLASSES_DIR:$(cat "$CLASSPATH_FILE")" \
  portal.search.PortalSearchNode "$ENGINE_DIR/config" "$NODE_HOME"
