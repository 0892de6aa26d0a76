#!/usr/bin/env bash
# multiproc4j's implementations beside CPython multiprocessing, in the same run: process start→join, a pool of two
# workers, queue throughput, pipe round trip and throughput, shared int increments. Each Java benchmark runs once per
# implementation and is followed by its CPython peer, so the tables of one topic come out side by side.
#
# Usage: bench/run.sh            (from any directory)
#        bench/run.sh > results.md   (the tables go to stdout, progress and diagnostics to stderr)
#        BENCHES=queue,value bench/run.sh
#
# Environment:
#   BENCHES=process,pool,queue,pipe,value   which topics, in this order (default: all five)
#   PROVIDERS=processbuilder,native         which implementations, in this order (default: both)
#   ROUNDS=5 SEQ=20 BURST=20   repetitions of every figure; process starts per round and per burst
#   NINT=200000 NKIB=20000     queue: small ints and 1 KiB messages per round
#   NRTT=10000 NMIB=512        pipe: round trips per round; 1 MiB messages per throughput round
#   NINC=100000                shared int: increments per process
#   NMAP=10000 NAPPLY=1000     pool: ints per map; applyAsync round trips per round
#                              (all passed to both sides, so they do the same counts)
#   PINS=none                  CPython pipe pinning modes (none,cross,same); Java cannot pin, so only "none" has
#                              a Java peer
#   METHODS=spawn              CPython start methods, e.g. spawn,fork,forkserver
#   CPYTHON_BENCH_DIR=...      CPython peer benchmarks (default: ../shared/bench/cpython from the repo root)
#   BENCH_JARS=target|m2       target (default): build api and the implementations from this checkout when their
#                              jars are missing or older than their sources; m2: use the installed jars in ~/.m2
#   BENCH_JAVA_OPTS=...        extra options for the benchmark's own (parent) JVM
#   JAVA_HOME                  used when it is a JDK 25 or newer; otherwise one is searched for
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"

export ROUNDS="${ROUNDS:-5}" SEQ="${SEQ:-20}" BURST="${BURST:-20}"
export NINT="${NINT:-200000}" NKIB="${NKIB:-20000}" NRTT="${NRTT:-10000}" NMIB="${NMIB:-512}" NINC="${NINC:-100000}"
export NMAP="${NMAP:-10000}" NAPPLY="${NAPPLY:-1000}"
export PINS="${PINS:-none}"
BENCHES="${BENCHES:-process,pool,queue,pipe,value}"
PROVIDERS="${PROVIDERS:-processbuilder,native}"
METHODS="${METHODS:-spawn}"
BENCH_JARS="${BENCH_JARS:-target}"
CPYTHON_BENCH_DIR="$(realpath -m "${CPYTHON_BENCH_DIR:-$ROOT/../shared/bench/cpython}")"
MIN_JAVA=25

say() { echo "run.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# ---- a JDK >= 25 ----

# Prints the feature version of the java launcher $1 (8 for "1.8.0_x", 25 for "25.0.3"), or nothing.
java_major() {
    local v
    v="$("$1" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p;T;q')" || true
    v="${v#1.}"
    v="${v%%[!0-9]*}"
    echo "$v"
}

# Succeeds when $1 is a JDK home (java and javac) of version >= MIN_JAVA.
is_jdk_ok() {
    local home="$1" major
    [[ -n "$home" && -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
    major="$(java_major "$home/bin/java")"
    [[ -n "$major" && "$major" -ge "$MIN_JAVA" ]]
}

find_jdk() {
    if is_jdk_ok "${JAVA_HOME:-}"; then
        echo "$JAVA_HOME"
        return
    fi
    local on_path best="" best_major=0 home major
    if on_path="$(command -v java)"; then
        home="$(dirname "$(dirname "$(readlink -f "$on_path")")")"
        if is_jdk_ok "$home"; then
            echo "$home"
            return
        fi
    fi
    for home in /usr/lib/jvm/*/; do
        home="${home%/}"
        is_jdk_ok "$home" || continue
        major="$(java_major "$home/bin/java")"
        if (( major > best_major )); then
            best="$home"
            best_major="$major"
        fi
    done
    [[ -n "$best" ]] && echo "$best"
}

JDK="$(find_jdk)" || true
[[ -n "$JDK" ]] || die "no JDK $MIN_JAVA or newer found (checked JAVA_HOME='${JAVA_HOME:-}', java on PATH and" \
    "/usr/lib/jvm/*/); install one or set JAVA_HOME to it."
say "JDK: $JDK ($(java_major "$JDK/bin/java"))"

# ---- the multiproc4j jars ----

VERSION="$(sed -n 's:^[[:space:]]*<version>\(.*\)</version>.*$:\1:p;T;q' pom.xml)"
[[ -n "$VERSION" ]] || die "could not read the project version from $ROOT/pom.xml"

case "$BENCH_JARS" in
    target)
        API_JAR="$ROOT/api/target/multiproc4j-api-$VERSION.jar"
        PB_JAR="$ROOT/impl-processbuilder/target/multiproc4j-processbuilder-$VERSION.jar"
        NATIVE_JAR="$ROOT/impl-native/target/multiproc4j-native-$VERSION.jar"
        JARS_NOTE="built from this checkout ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no git')"
        if [[ -n "$(git -C "$ROOT" status --porcelain -- api impl-processbuilder impl-native pom.xml 2>/dev/null \
                || true)" ]]; then
            JARS_NOTE+=", with uncommitted changes in api or an implementation"
        fi
        JARS_NOTE+=")"
        ;;
    m2)
        M2_DIR="${HOME}/.m2/repository/io/multiproc4j"
        API_JAR="$M2_DIR/multiproc4j-api/$VERSION/multiproc4j-api-$VERSION.jar"
        PB_JAR="$M2_DIR/multiproc4j-processbuilder/$VERSION/multiproc4j-processbuilder-$VERSION.jar"
        NATIVE_JAR="$M2_DIR/multiproc4j-native/$VERSION/multiproc4j-native-$VERSION.jar"
        JARS_NOTE="installed in ~/.m2 ($VERSION, $(date -u -r "$PB_JAR" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '?'))"
        ;;
    *) die "BENCH_JARS must be 'target' or 'm2', not '$BENCH_JARS'" ;;
esac

needs_build() {
    [[ -f "$API_JAR" && -f "$PB_JAR" && -f "$NATIVE_JAR" ]] || return 0
    local older="$API_JAR" jar
    for jar in "$PB_JAR" "$NATIVE_JAR"; do
        [[ "$jar" -ot "$older" ]] && older="$jar"
    done
    [[ -n "$(find pom.xml api/pom.xml impl-processbuilder/pom.xml impl-native/pom.xml api/src/main \
        impl-processbuilder/src/main impl-native/src/main -newer "$older" -print -quit)" ]]
}

mkdir -p "$BENCH_DIR/target"
if [[ "$BENCH_JARS" == target ]] && needs_build; then
    # Maven runs on the JDK 25 found above, whatever java is on PATH: the toolchains plugin compiles with a JDK 25
    # anyway, and plugins that use Maven's own JDK (the jar tool that post-processes a modular jar) then cannot meet
    # class files newer than that JDK.
    mvn_env=(JAVA_HOME="$JDK")
    build=(./mvnw -q -B -Dmaven.test.skip=true package -pl api,impl-processbuilder,impl-native -am)
    log="$BENCH_DIR/target/build.log"
    say "building api and the implementations: ${build[*]} -o"
    if ! env "${mvn_env[@]}" "${build[@]}" -o >"$log" 2>&1; then
        if grep -qi 'offline' "$log"; then
            say "the offline build lacks dependencies; building online"
            env "${mvn_env[@]}" "${build[@]}" >"$log" 2>&1 || { cat "$log" >&2; die "the build failed" \
                "(log: $log); BENCH_JARS=m2 measures the jars installed in ~/.m2 instead."; }
        else
            cat "$log" >&2
            die "the build failed (log: $log); BENCH_JARS=m2 measures the jars installed in ~/.m2 instead."
        fi
    fi
fi
[[ -f "$API_JAR" && -f "$PB_JAR" && -f "$NATIVE_JAR" ]] || die "missing $API_JAR, $PB_JAR or $NATIVE_JAR"
# A private copy: every child JVM loads the library from these jars, so a build or install elsewhere during the run
# must not replace them under it.
LIB="$BENCH_DIR/target/lib"
rm -rf "$LIB"
mkdir -p "$LIB"
cp "$API_JAR" "$PB_JAR" "$NATIVE_JAR" "$LIB/"
CP="$LIB/$(basename "$API_JAR"):$LIB/$(basename "$PB_JAR"):$LIB/$(basename "$NATIVE_JAR")"

# ---- the benchmark classes (compiled: the child JVMs load the tasks' lambdas from them) ----

CLASSES="$BENCH_DIR/target/classes"
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JDK/bin/javac" -J-XX:-UsePerfData --release "$MIN_JAVA" -Xlint:all -cp "$CP" -d "$CLASSES" \
    "$BENCH_DIR"/src/*.java

# ---- run ----

echo "## multiproc4j beside CPython — $(date -u '+%Y-%m-%d %H:%M UTC'), nproc=$(nproc)"
echo
echo "$(uname -sr), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo 'cpu ?');" \
    "multiproc4j jars $JARS_NOTE."

PY=""
if command -v python3 >/dev/null; then
    PY="$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)" || PY=""
fi

status=0
IFS=',' read -r -a topics <<<"$BENCHES"
for topic in "${topics[@]}"; do
    case "$topic" in
        process) class=ProcessBench ;;
        pool) class=PoolBench ;;
        queue) class=QueueBench ;;
        pipe) class=PipeBench ;;
        value) class=ValueBench ;;
        *) die "unknown benchmark '$topic' in BENCHES; use process, pool, queue, pipe or value" ;;
    esac
    IFS=',' read -r -a providers <<<"$PROVIDERS"
    for provider in "${providers[@]}"; do
        say "$class ($provider)"
        rc=0
        # Both implementations are on the class path, so the provider is named; the native one needs native access.
        # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
        "$JDK/bin/java" -XX:-UsePerfData --enable-native-access=ALL-UNNAMED -Dmultiproc4j.provider="$provider" \
            ${BENCH_JAVA_OPTS:-} -cp "$CP:$CLASSES" "$class" || rc=$?
        if (( rc != 0 )); then
            say "$class ($provider) failed with exit code $rc"
            (( status != 0 )) || status=$rc
        fi
    done

    script="$CPYTHON_BENCH_DIR/py_$topic.py"
    if [[ -z "$PY" ]]; then
        echo
        echo "(python3 not found, or it does not run: no CPython table.)"
    elif [[ ! -f "$script" ]]; then
        echo
        echo "(CPython peer benchmark not found at $script; set CPYTHON_BENCH_DIR: no CPython table.)"
    else
        say "py_$topic.py"
        rc=0
        METHODS="$METHODS" "$PY" "$script" || rc=$?
        if (( rc != 0 )); then
            say "py_$topic.py failed with exit code $rc"
            (( status != 0 )) || status=$rc
        fi
    fi
done
exit "$status"
