#!/usr/bin/env bash
# NFT benchmark: an account with 1,000 ERC-721 tokens on anvil, metadata and images behind a loopback
# IPFS-style gateway: time to discover ownership, to resolve all metadata, and to the first screen of
# thumbnails with a cold and a warm cache, and Hearth's peak heap; beside ethers.js v6 doing the naive
# wallet way (getLogs + ownerOf + fetch) on the same chain and gateway, same run.
# Usage: bench/nft-bench.sh [TOKENS=1000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

build_for_bench "$ROOT"                        # builds the app for these sources (a new commit or uncommitted changes)
if [ ! -f "$ROOT/bench/node_modules/.package-lock.json" ] || [ "$ROOT/bench/package-lock.json" -nt "$ROOT/bench/node_modules/.package-lock.json" ]; then
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --silent)
fi

exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -Dhearth.anvil="$ROOT/resources/target/anvil/anvil" \
  -cp "$ROOT/app/target/hearth-app.jar:$ROOT/app/target/lib/*" org.hearth.app.bench.NftBenchmark "${1:-1000}" "$ROOT/bench/nft.mjs"
