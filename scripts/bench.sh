#!/usr/bin/env bash
# Throughput and latency benchmark (node/throughput): builds a release tamga-node, then
# starts a dev node and the four-validator local network on loopback and measures, in
# one run, registrations and system.remark into finalized blocks, batch anchoring,
# tamga_verifyDocument against state_getStorage, and finality after inclusion. Prints a
# table and writes JSON to node/throughput/results/.
#
#   scripts/bench.sh                     both networks, default sizes
#   scripts/bench.sh --networks dev --registrations 5000   options go to tamga-throughput
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
log "building a release tamga-node (a cold build takes ~1 h on 2 cores)"
cargo build --locked --release -p tamga-node
log "building tamga-throughput"
cargo build --locked --release -p tamga-throughput
export TAMGA_NODE_BIN="$CARGO_TARGET_DIR/release/tamga-node"
log "benchmarking with $TAMGA_NODE_BIN"
"$CARGO_TARGET_DIR/release/tamga-throughput" "$@"
