#!/usr/bin/env bash
# Benchmark: open a vault holding 200 accounts (Hearth) beside ethers.js v6 doing its equivalent
# (decrypt one scrypt keystore + derive 200 accounts) in the same run. Usage: bench/vault-bench.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
cd "$root"
. scripts/java-home.sh
find_jdk25
java="$JAVA_HOME/bin/java"

echo "building (core test classes and classpath)..." >&2
./mvnw -B -q -pl core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
(cd bench/vault && npm ci --no-audit --no-fund --silent >&2)

ethers_json="$(mktemp)"
trap 'rm -f "$ethers_json"' EXIT
echo "running ethers.js side..." >&2
node bench/vault/open-200.mjs "$runs" > "$ethers_json"
echo "running Hearth side..." >&2
"$java" -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench-classpath.txt)" \
  org.hearth.wallet.vault.VaultOpenBenchmark "$ethers_json" "$runs"
