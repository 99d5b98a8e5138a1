#!/usr/bin/env bash
# Availability soak (not in CI): four validators of the `local` chain under steady
# registrations for MINUTES, one validator taken down every RESTART_EVERY seconds for
# DOWN seconds (stop and kill alternately), each in turn; prints the fraction of seconds
# at which finality had advanced within 6 s, the longest stall and what the load finalized
# (tests/examples/soak.rs).
#
#   scripts/soak.sh [MINUTES=30] [RESTART_EVERY=120] [DOWN=20] [PAUSE_MS=200]
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

build_node
cd "$REPO_ROOT"
cargo build --locked -p tamga-tests --example soak
"$CARGO_TARGET_DIR/debug/examples/soak" "${1:-30}" "${2:-120}" "${3:-20}" "${4:-200}"
