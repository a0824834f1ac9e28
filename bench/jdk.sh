# Sourced by the bench scripts: sets repo, JAVA (a JDK >= 21, found as the ailedger launcher finds
# one) and builds the bench module when its jar is missing or older than a source.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$repo/bench/target/bench-0.1.0-SNAPSHOT.jar"
bench_cp="$bench_jar:$repo/bench/target/lib/*"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_java() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "${major%%.*}" -ge 21 ]]; then echo "$candidate"; return 0; fi
  done
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"; major="${major%%.*}"
    if [[ -n "$major" ]] && (( major >= 21 && major > best_major )); then best="$candidate"; best_major=$major; fi
  done
  [[ -n "$best" ]] && echo "$best"
}

if ! JAVA="$(find_java)"; then
  echo "bench: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*); set JAVA_HOME." >&2
  exit 1
fi

# a stamp, not the jar's time: Maven leaves an up-to-date jar untouched
stamp="$repo/bench/target/.bench-build-stamp"
if [[ ! -f "$bench_jar" || ! -f "$stamp" || -n "$(find "$repo/pom.xml" "$repo/precompiles" "$repo/node" "$repo/cli" "$repo/ledger-indexer" "$repo/bench" \
    \( -path '*/target' -prune \) -o \( -newer "$stamp" \( -name '*.java' -o -name '*.sol' -o -name 'pom.xml' \) -print \) \
    2>/dev/null | head -n 1)" ]]; then
  echo "bench: building (first use or sources changed)..." >&2
  (cd "$repo" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")" \
    mvn -q -B -pl bench -am package -DskipTests) >&2
  touch "$stamp"
fi
