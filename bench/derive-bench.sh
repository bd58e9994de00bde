#!/usr/bin/env bash
# Key derivation benchmark: Hearth (Java) beside ethers.js v6, same mnemonic, same run.
# Usage: bench/derive-bench.sh [COUNT=1000] [WARMUP=10] [ROUNDS=10]   (the JIT needs about 10 rounds to settle)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

build_for_bench "$ROOT"                        # builds the app for these sources (a new commit or uncommitted changes)
if [ ! -f "$ROOT/bench/node_modules/.package-lock.json" ] || [ "$ROOT/bench/package-lock.json" -nt "$ROOT/bench/node_modules/.package-lock.json" ]; then
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --silent)
fi

exec "$JAVA_HOME/bin/java" -cp "$ROOT/app/target/hearth-app.jar:$ROOT/app/target/lib/*" \
  org.hearth.app.bench.DeriveBenchmark "${1:-1000}" "${2:-10}" "${3:-10}" "$ROOT/bench/derive.mjs"
