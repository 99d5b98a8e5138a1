#!/usr/bin/env bash
# Benchmark of the border posts' verification page (tests/examples/page_speed.rs): on the
# four-validator local network, drops a 5 MB document on the page in headless Chromium
# again and again and prints how soon the verdict is shown (drop to verdict: reading the
# file, hashing it in Wasm, the page's server asking the node, drawing). Debug binaries,
# as the tests use them: a release build answers sooner.
#
#   scripts/bench-page.sh                 20 drops
#   TAMGA_PAGE_DROPS=100 scripts/bench-page.sh
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
build_node
cd "$REPO_ROOT"
cargo run --locked --example page_speed -p tamga-tests
