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
PID_FILE="$CACHE_DIR/engine.pid"

if [[ -n "${SEARCH_ENGINE_JAVA:-}" ]]; then
  JAVA="$SEARCH_ENGINE_JAVA"
elif [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi
HEAP="${SEARCH_ENGINE_HEAP:-512m}"
if ! command -v "$JAVA" > /dev/null; then
  echo "search engine: java not found ($JAVA); install Java 17 or set SEARCH_ENGINE_JAVA" >&2
  exit 1
fi

mkdir -p "$CACHE_DIR/tmp"

# One node per checkout: a second one would fail on the data folder lock and
# leave the pid file pointing at the wrong process.
if [[ -f "$PID_FILE" ]]; then
  running_pid="$(cat "$PID_FILE")"
  running_args="$(ps -ww -p "$running_pid" -o args= 2> /dev/null || true)"
  if [[ "$running_args" == *PortalSearchNode* ]]; then
    echo "search engine: already running with pid $running_pid (stop it with $ENGINE_DIR/stop.sh)" >&2
    exit 1
  fi
fi

if [[ ! -f "$BUILD_STAMP" || ! -f "$CLASSPATH_FILE" || ! -d "$CLASSES_DIR" ]] \
  || [[ -n "$(find "$ENGINE_DIR/pom.xml" "$ENGINE_DIR/src" -newer "$BUILD_STAMP" -print -quit)" ]]; then
  echo "search engine: resolving OpenSearch from Maven Central into $M2_REPO" >&2
  build_started=$SECONDS
  mkdir -p "$CACHE_DIR/logs"
  # Maven's output goes to a file: with -q it holds only errors (and stray terminal
  # escape codes from Debian's Maven), and it is shown when the build fails.
  if ! mvn -q -B -Dmaven.repo.local="$M2_REPO" -f "$ENGINE_DIR/pom.xml" compile dependency:build-classpath \
    > "$CACHE_DIR/logs/maven.log" 2>&1; then
    cat "$CACHE_DIR/logs/maven.log" >&2
    echo "search engine: Maven build failed (log: $CACHE_DIR/logs/maven.log)" >&2
    exit 1
  fi
  touch "$BUILD_STAMP"
  echo "search engine: build took $((SECONDS - build_started)) s" >&2
fi

# OpenSearch 2.x parses localised dates with the COMPAT locale data; JDK 23 removed
# it, so newer JDKs fall back to CLDR.
java_version="$("$JAVA" -version 2>&1)"
if [[ "$java_version" =~ version\ \"([0-9]+) ]] && ((BASH_REMATCH[1] >= 23)); then
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
  "-Djava.io.tmpdir=$CACHE_DIR/tmp" \
  -cp "$CLASSES_DIR:$(cat "$CLASSPATH_FILE")" \
  portal.search.PortalSearchNode "$ENGINE_DIR/config" "$CACHE_DIR"
