# Sourced by the engine scripts: which OpenSearch release, which Java, and where a
# node keeps its files. Not meant to be run.
#
# Environment:
#   SEARCH_ENGINE_VERSION  OpenSearch release (default 2.19.6)
#   OPENSEARCH             shorthand when SEARCH_ENGINE_VERSION is unset: 2 (2.19.6),
#                          3 (3.9.0) or a full version
#   SEARCH_ENGINE_PORT     HTTP port on 127.0.0.1 (default 9200); names the node's folder
#   SEARCH_ENGINE_JAVA     java executable (default: the first Java the release runs on,
#                          from $JAVA_HOME, PATH, then /usr/lib/jvm)

ENGINE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ENGINE_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache/search-engine"
M2_REPO="$REPO_ROOT/.cache/m2"

case "${SEARCH_ENGINE_VERSION:-${OPENSEARCH:-2}}" in
  2) ENGINE_VERSION="2.19.6" ;;
  3) ENGINE_VERSION="3.9.0" ;;
  *) ENGINE_VERSION="${SEARCH_ENGINE_VERSION:-$OPENSEARCH}" ;;
esac
if [[ ! "$ENGINE_VERSION" =~ ^([23])\.[0-9]+\.[0-9]+$ ]]; then
  echo "search engine: unsupported OpenSearch version '$ENGINE_VERSION' (2.x.y or 3.x.y)" >&2
  exit 1
fi
ENGINE_MAJOR="${BASH_REMATCH[1]}"
# OpenSearch 3 is compiled for Java 21; 2.x runs on 17 or newer.
if ((ENGINE_MAJOR >= 3)); then MIN_JAVA=21; else MIN_JAVA=17; fi

ENGINE_PORT="${SEARCH_ENGINE_PORT:-9200}"
# Each release gets its own build output and class path, so 2.x and 3.x jars never mix.
BUILD_DIR="$CACHE_DIR/build/$ENGINE_VERSION"
CLASSPATH_FILE="$BUILD_DIR/classpath.txt"
CLASSES_DIR="$BUILD_DIR/classes"
BUILD_STAMP="$BUILD_DIR/build.stamp"
# One node per port: its pid file and console log, and per release its data and
# logs (a 3.x node upgrades 2.x data in place, which 2.x then cannot read).
NODE_DIR="$CACHE_DIR/nodes/$ENGINE_PORT"
NODE_HOME="$NODE_DIR/$ENGINE_VERSION"
PID_FILE="$NODE_DIR/engine.pid"
LOG_FILE="$NODE_DIR/engine.log"

java_major() {
  local output
  output="$("$1" -version 2>&1)" || return 1
  [[ "$output" =~ version\ \"([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}

# The first Java at least MIN_JAVA: SEARCH_ENGINE_JAVA as given, else $JAVA_HOME,
# java on PATH, then the JDKs installed under /usr/lib/jvm, newest first.
find_java() {
  if [[ -n "${SEARCH_ENGINE_JAVA:-}" ]]; then
    echo "$SEARCH_ENGINE_JAVA"
    return
  fi
  local candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" \
    $(ls -d /usr/lib/jvm/*/bin/java 2> /dev/null | sort -rV); do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")" || continue
    if ((major >= MIN_JAVA)); then
      echo "$candidate"
      return
    fi
  done
  return 1
}

node_running() {
  [[ -f "$PID_FILE" ]] && [[ "$(ps -ww -p "$(cat "$PID_FILE")" -o args= 2> /dev/null || true)" == *PortalSearchNode* ]]
}

# Resolves the release from Maven Central into M2_REPO and compiles the launcher,
# unless the recorded class path is newer than pom.xml and the launcher source.
# A lock keeps the nodes of a cluster, started together, from building at once.
engine_build() {
  local java="$1" java_home
  mkdir -p "$BUILD_DIR" "$CACHE_DIR/logs"
  exec 8> "$BUILD_DIR.lock"
  flock 8
  if [[ ! -f "$BUILD_STAMP" || ! -f "$CLASSPATH_FILE" || ! -d "$CLASSES_DIR" ]] \
    || [[ -n "$(find "$ENGINE_DIR/pom.xml" "$ENGINE_DIR/src" -newer "$BUILD_STAMP" -print -quit)" ]]; then
    echo "search engine: resolving OpenSearch $ENGINE_VERSION from Maven Central into $M2_REPO" >&2
    local build_started=$SECONDS log="$CACHE_DIR/logs/maven-$ENGINE_VERSION.log"
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")"
    # Maven's output goes to a file: with -q it holds only errors (and stray terminal
    # escape codes from Debian's Maven), and it is shown when the build fails.
    if ! JAVA_HOME="$java_home" mvn -q -B -Dmaven.repo.local="$M2_REPO" -f "$ENGINE_DIR/pom.xml" \
      -Dopensearch.version="$ENGINE_VERSION" -P "opensearch-$ENGINE_MAJOR" \
      compile dependency:build-classpath > "$log" 2>&1; then
      cat "$log" >&2
      echo "search engine: Maven build failed (log: $log)" >&2
      flock -u 8
      return 1
    fi
    touch "$BUILD_STAMP"
    echo "search engine: build took $((SECONDS - build_started)) s" >&2
  fi
  flock -u 8
}
