#!/usr/bin/env bash
# Runs every Tamga test: sets up the machine, builds tamga-node, then the workspace's
# tests, including the integration tests that start real node networks on loopback.
#
#   scripts/test.sh                 all tests
#   scripts/test.sh -p tamga-tests  extra arguments go to `cargo test`
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

started=$(date +%s)
"$REPO_ROOT/scripts/setup.sh"
build_node
log "running tests (nodes under test: $TAMGA_NODE_BIN)"
cd "$REPO_ROOT"
if [ "$#" -gt 0 ]; then
	cargo test --locked "$@"
else
	# The validation contracts first: their off-chain unit tests, then the Wasm build
	# pallet-contracts takes (exports checked by tamga-wasm-strip), which the runtime's
	# contract tests deploy.
	log "running the contracts' unit tests"
	(cd "$REPO_ROOT/contracts" && cargo test --locked)
	"$REPO_ROOT/scripts/build-contracts.sh"
	cargo test --locked --workspace
	# The FRAME benchmarks of the pallets, each run once against the pallet's test runtime
	# (their setups and worst cases must hold; figures come from the benchmark command).
	log "running the pallets' benchmark tests"
	SKIP_WASM_BUILD=1 cargo test --locked -p pallet-tamga-governance -p pallet-tamga-certificates \
		-p pallet-tamga-carnets -p pallet-tamga-aeo -p pallet-tamga-exchange --features runtime-benchmarks \
		benchmarking
fi
log "all tests passed in $(( $(date +%s) - started )) s"
