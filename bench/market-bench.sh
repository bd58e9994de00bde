#!/usr/bin/env bash
# Compute market benchmark: JOBS jobs through 4 provider agents on anvil, reviewed by one requester with the
# adaptive spot checks: jobs settled per minute, verification time as a share of compute time (goal <= 5%; CPU time over
# CPU time, the wall-time share beside it),
# and the same jobs run directly on the CPU backend as the reference.
# Usage: bench/market-bench.sh [JOBS=200] [GEMM_N=512] [TILE=64] [SPP=32]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

build_for_bench "$ROOT"                        # builds the app for these sources (a new commit or uncommitted changes)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Dhearth.anvil="$ROOT/resources/target/anvil/anvil" \
  -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -Dslf4j.internal.verbosity=WARN \
  -cp "$ROOT/app/target/hearth-app.jar:$ROOT/app/target/lib/*" \
  org.hearth.app.bench.MarketBenchmark "${1:-200}" "${2:-512}" "${3:-64}" "${4:-32}"
