#!/usr/bin/env bash
# Runs the Solidity unit, fuzz and invariant tests (test/*.t.sol) with forge from npm, offline, compiling
# with solc-js through scripts/solc-js (see foundry.toml). Run by Maven in the test phase of this module
# (skipped with -DskipTests); extra arguments go to `forge test` (e.g. --mt testHappyPath, -vvv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FORGE=node_modules/.bin/forge
[ -x "$FORGE" ] || { echo "forge is missing: run npm ci in $(pwd) (or build the resources module)" >&2; exit 1; }
exec "$FORGE" test --offline "$@"
