#!/usr/bin/env bash
# Builds the administrations' ink! validation contracts (contracts/) into Wasm that
# pallet-contracts accepts, without cargo-contract (its release builds fail on Rust >= 1.92):
#
#   1. each contract crate is compiled for wasm32-unknown-unknown with the pinned toolchain,
#      core and alloc rebuilt for the MVP CPU (no post-MVP instructions), the memory
#      imported and a 64 KiB stack, locked dependencies and source paths remapped, so the
#      same sources give the same bytes on any machine;
#   2. tamga-wasm-strip keeps only the `call` and `deploy` exports (pallet-contracts
#      refuses the compiler builtins rustc also exports) and drops custom sections.
#
# Output: $TAMGA_CONTRACTS_DIR (default $CARGO_TARGET_DIR/contracts)/<name>.wasm; each file's
# size and sha256 are printed, to compare two builds.
#
#   scripts/build-contracts.sh                 both contracts
#   scripts/build-contracts.sh origin-rules    one
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

CONTRACTS=("$@")
[ "${#CONTRACTS[@]}" -gt 0 ] || CONTRACTS=(origin-rules vet-import-conditions)
OUT="${TAMGA_CONTRACTS_DIR:-$CARGO_TARGET_DIR/contracts}"
WASM_TARGET_DIR="$CARGO_TARGET_DIR/contracts-wasm"
HOST_TARGET_DIR="$CARGO_TARGET_DIR/contracts-host"
mkdir -p "$OUT"
cd "$REPO_ROOT/contracts"

log "building tamga-wasm-strip"
cargo build --locked --release -p tamga-wasm-strip --target-dir "$HOST_TARGET_DIR" \
	|| die "building tamga-wasm-strip failed"

# Flags as CARGO_ENCODED_RUSTFLAGS (separated by 0x1f), so paths with spaces survive.
sep=$'\x1f'
flags="-C${sep}link-arg=-zstack-size=65536${sep}-C${sep}link-arg=--import-memory${sep}-C${sep}target-cpu=mvp"
flags="$flags${sep}--remap-path-prefix=$REPO_ROOT=/tamga"
flags="$flags${sep}--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
flags="$flags${sep}--remap-path-prefix=$(rustc --print sysroot)=/rust"
for contract in "${CONTRACTS[@]}"; do
	[ -f "$contract/Cargo.toml" ] || die "no contract contracts/$contract"
	log "building $contract for wasm32 (release, core and alloc rebuilt for the MVP)"
	RUSTC_BOOTSTRAP=1 CARGO_ENCODED_RUSTFLAGS="$flags" \
		cargo build --locked --release -p "$contract" --no-default-features \
		--target wasm32-unknown-unknown -Zbuild-std=core,alloc --target-dir "$WASM_TARGET_DIR" \
		|| die "building $contract failed"
	linked="$WASM_TARGET_DIR/wasm32-unknown-unknown/release/${contract//-/_}.wasm"
	"$HOST_TARGET_DIR/release/tamga-wasm-strip" "$linked" "$OUT/$contract.wasm" \
		|| die "post-processing $contract failed"
	log "$OUT/$contract.wasm: $(wc -c <"$OUT/$contract.wasm") bytes, sha256 $(sha256sum "$OUT/$contract.wasm" | cut -d' ' -f1)"
done
