#!/usr/bin/env bash
# Token balances benchmark: 500 ERC-20 balances of one account on anvil, Hearth (Multicall3 aggregate3)
# beside 500 separate eth_calls with ethers.js v6, same anvil, same run: round trips and milliseconds.
# Usage: bench/balances-bench.sh [TOKENS=500] [ROUNDS=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

build_for_bench "$ROOT"                        # builds the app for these sources (a new commit or uncommitted changes)
if [ ! -f "$ROOT/bench/node_modules/.package-lock.json" ] || [ "$ROOT/bench/package-lock.json" -nt "$ROOT/bench/node_modules/.package-lock.json" ]; then
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --silent)
fi

exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dhearth.anvil="$ROOT/resources/target/anvil/anvil" -cp "$ROOT/app/target/hearth-app.jar:$ROOT/app/target/lib/*" \
  org.hearth.app.bench.BalancesBenchmark "${1:-500}" "${2:-5}" "$ROOT/bench/balances.mjs"
