#!/usr/bin/env bash
# Runs the local OpenSearch node in the foreground; Ctrl-C stops it.
#
# The first run resolves OpenSearch from Maven Central into <repo>/.cache/m2 and
# records the class path; later runs start java directly from that record and
# only call Maven again when pom.xml or the launcher source changes.
#
# Environment:
#   SEARCH_ENGINE_PORT  HTTP port on 127.0.0.1 (default 9200)
#   SEARCH_ENGINE_HEAP  JVM heap, -Xms and -Xmx (default 512m)
#   SEARCH_ENGINE_JAVA  java executable (default $JAVA_HOME/bin/java, else java on PATH)
set -euo pipefail

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ENGINE_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache/search-engine"
M2_REPO="$REPO_ROOT/.cache/m2"
CLASSPATH_FILE="$CACHE_DIR/classpath.txt"
CLASSES_DIR="$CACHE_DIR/build/classes"
BUILD_STAMP="$CACHE_DIR/build.stamp"

if [[ -n "${SEARCH_ENGINE_JAVA:-}" ]]; then
  JAVA="$SEARCH_ENGINE_JAVA"
elif [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi
HEAP="${SEARCH_ENGINE_HEAP:-512m}"

mkdir -p "$CACHE_DIR/tmp"

if [[ ! -f "$BUILD_STAMP" || ! -f "$CLASSPATH_FILE" || ! -d "$CLASSES_DIR" ]] \
  || [[ -n "$(find "$ENGINE_DIR/pom.xml" "$ENGINE_DIR/src" -newer "$BUILD_STAMP" -print -quit)" ]]; then
  echo "search engine: resolving OpenSearch from Maven Central into $M2_REPO" >&2
  build_started=$SECONDS
  mvn -q -B -Dmaven.repo.local="$M2_REPO" -f "$ENGINE_DIR/pom.xml" compile dependency:build-classpath
  touch "$BUILD_STAMP"
  echo "search engine: build took $((SECONDS - build_started)) s" >&2
fi

# OpenSearch 2.x parses localised dates with the COMPAT locale data; JDK 23 removed
# it, so newer JDKs fall back to CLDR.
java_major="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
if [[ "${java_major:-0}" -ge 23 ]]; then
  locale_providers="SPI,CLDR"
else
  locale_providers="SPI,COMPAT"
fi

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
  "-Djava.io.tmpdir=$CACHE_DIR/tmp" \
  -cp "$CLASSES_DIR:$(cat "$CLASSPATH_FILE")" \
  portal.search.PortalSearchNode "$ENGINE_DIR/config" "$CACHE_DIR"
