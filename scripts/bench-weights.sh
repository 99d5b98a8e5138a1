#!/usr/bin/env bash
# Measures the weight of every call of Tamga's pallets (governance, certificates,
# carnets, AEO) and rewrites their pallets/*/src/weights.rs: builds `tamga-bench` with the
# runtime's `runtime-benchmarks` feature, runs each call's worst-case FRAME benchmark in
# the runtime's Wasm and prints the figures. Review the diff, then rebuild the node
# (scripts/test.sh does) so it carries the new weights.
#
#   scripts/bench-weights.sh                  every pallet, 50 timed runs per call
#   scripts/bench-weights.sh --dry-run        print the figures only
#   scripts/bench-weights.sh --pallet carnets --repeat 100
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

cd "$REPO_ROOT"
log "building a release tamga-bench (runtime with runtime-benchmarks; ~25 min cold)"
cargo build --locked --release -p tamga-bench --features run
"$CARGO_TARGET_DIR/release/tamga-bench" --workspace "$REPO_ROOT" "$@"
if [[ " $* " != *" --dry-run "* ]]; then
	cargo fmt -- pallets/*/src/weights.rs
	log "weights.rs rewritten; review with: git diff -- pallets/*/src/weights.rs"
fi
