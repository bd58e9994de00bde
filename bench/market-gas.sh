#!/usr/bin/env bash
# ComputeMarket gas benchmark: gas of register, post, claim, submit, accept, finalize and of whole jobs on a
# fresh anvil, printed beside HearthToken's transfer and approve measured in the same run.
# Usage: bench/market-gas.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

ARTIFACTS="$ROOT/resources/target/classes/org/hearth/contracts"
ANVIL="$ROOT/resources/target/anvil/anvil"
(cd "$ROOT" && ./mvnw -B -q -pl resources generate-resources)   # compiles the contracts when sources changed
if [ ! -f "$ROOT/bench/node_modules/.package-lock.json" ] || [ "$ROOT/bench/package-lock.json" -nt "$ROOT/bench/node_modules/.package-lock.json" ]; then
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --silent)
fi

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$ANVIL" --host 127.0.0.1 --port "$PORT" --silent &
ANVIL_PID=$!
trap 'kill "$ANVIL_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null -X POST -H 'content-type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$PORT" && break
  sleep 0.1
done
node "$ROOT/bench/market-gas.mjs" "http://127.0.0.1:$PORT" "$ARTIFACTS"
