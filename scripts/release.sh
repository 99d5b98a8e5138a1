#!/usr/bin/env bash
# Builds what an administration installs: `tamga-node` and `tamga` in release mode, and
# the runtime's compressed Wasm a consortium votes on (`admin propose authorize-upgrade`),
# into dist/<version>/ with SHA-256 checksums and the runtime's blake2-256 (the hash the
# vote names). Each administration runs it on its own machine and compares the figures.
#
#   scripts/release.sh            dist/<workspace version>-<commit>/
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
version="$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -1)"
commit="$(git rev-parse --short=12 HEAD)"
if ! git diff --quiet HEAD; then
	die "the checkout has uncommitted changes: a release is built from a commit"
fi
out="$REPO_ROOT/dist/$version-$commit"
log "building tamga-node and tamga in release mode (a cold build takes ~1 h on 2 cores)"
cargo build --locked --release -p tamga-node -p tamga-cli
runtime="$CARGO_TARGET_DIR/release/wbuild/tamga-runtime/tamga_runtime.compact.compressed.wasm"
[ -f "$runtime" ] || die "the release build wrote no compressed runtime at $runtime"
mkdir -p "$out"
cp "$CARGO_TARGET_DIR/release/tamga-node" "$CARGO_TARGET_DIR/release/tamga" "$runtime" "$out/"
cp scripts/ops/tamga-validator.service scripts/ops/tamga-verifier.service docs/operators.md "$out/"
(cd "$out" && sha256sum tamga-node tamga tamga_runtime.compact.compressed.wasm *.service operators.md > SHA256SUMS)
runtime_hash="0x$(b2sum -l 256 "$out/tamga_runtime.compact.compressed.wasm" | cut -d' ' -f1)"
echo "$runtime_hash  tamga_runtime.compact.compressed.wasm" > "$out/RUNTIME-BLAKE2-256"
log "release $version-$commit in $out"
cat "$out/SHA256SUMS"
log "runtime blake2-256 (the hash a vote on authorize-upgrade names): $runtime_hash"
