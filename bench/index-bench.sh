#!/usr/bin/env bash
# Log indexing benchmark: Hearth's LogIndexer into SQLite beside ethers.js v6 getLogs + parseLog, same anvil, same run.
# Usage: bench/index-bench.sh [EVENTS=100000] [ROUNDS=3]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

build_for_bench "$ROOT"                        # builds the app for these sources (a new commit or uncommitted changes)
if [ ! -f "$ROOT/bench/node_modules/.package-lock.json" ] || [ "$ROOT/bench/package-lock.json" -nt "$ROOT/bench/node_modules/.package-lock.json" ]; then
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --silent)
fi

exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dhearth.anvil="$ROOT/resources/target/anvil/anvil" -cp "$ROOT/app/target/hearth-app.jar:$ROOT/app/target/lib/*" \
  org.hearth.app.bench.IndexBenchmark "${1:-100000}" "${2:-3}" "$ROOT/bench/logs.mjs"
