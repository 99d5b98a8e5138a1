#!/usr/bin/env bash
# Builds what an administration installs: `tamga-node` and `tamga` in release mode, and
# the runtime's compressed Wasm a consortium votes on (`admin propose authorize-upgrade`),
# into dist/<version>-<commit>/ with SHA-256 checksums and the runtime's blake2-256 (the
# hash the vote names). Each administration runs it on its own machine and compares the
# figures.
#
# Reproducible: the commit is exported (`git archive`) to a fixed folder and built there
# with a fixed target folder, so no path of this checkout or machine enters the build, and
# the runtime's build remaps the cargo registry's and toolchain's paths (runtime/build.rs).
# Same commit, toolchain (rust-toolchain.toml) and Cargo.lock: same runtime bytes.
#
#   scripts/release.sh            build the release of HEAD
#   scripts/release.sh --check    then rebuild the runtime from a clean Wasm build and
#                                 confirm its hash is the same
#
# TAMGA_RELEASE_ROOT moves the build folder (default /var/tmp/tamga-release); every
# administration must use the same one to get the same bytes.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

check=0
case "${1:-}" in
	--check) check=1 ;;
	"") ;;
	*) die "usage: scripts/release.sh [--check]" ;;
esac

"$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
version="$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -1)"
commit="$(git rev-parse --short=12 HEAD)"
if ! git diff --quiet HEAD; then
	die "the checkout has uncommitted changes: a release is built from a commit"
fi
out="$REPO_ROOT/dist/$version-$commit"

build_root="${TAMGA_RELEASE_ROOT:-/var/tmp/tamga-release}"
source_dir="$build_root/src"
target_dir="$build_root/target"
log "exporting $commit to $source_dir"
rm -rf "$source_dir"
mkdir -p "$source_dir"
git archive "$commit" | tar -x -C "$source_dir"

build() {
	(cd "$source_dir" && CARGO_TARGET_DIR="$target_dir" cargo build --locked --release \
		-p tamga-node -p tamga-cli)
}
runtime="$target_dir/release/wbuild/tamga-runtime/tamga_runtime.compact.compressed.wasm"
blake2() { echo "0x$(b2sum -l 256 "$1" | cut -d' ' -f1)"; }

log "building tamga-node and tamga in release mode (a cold build takes ~1 h on 2 cores)"
build
[ -f "$runtime" ] || die "the release build wrote no compressed runtime at $runtime"
runtime_hash="$(blake2 "$runtime")"

if [ "$check" = 1 ]; then
	log "rebuilding the runtime Wasm from scratch to check its hash"
	kept="$(mktemp)"
	cp "$runtime" "$kept"
	rm -rf "$target_dir/release/wbuild/tamga-runtime"
	touch "$source_dir/runtime/build.rs"
	build
	again="$(blake2 "$runtime")"
	cmp -s "$kept" "$runtime" \
		|| die "the runtime is not reproducible: $runtime_hash, then $again"
	rm -f "$kept"
	log "reproducible: both builds give $runtime_hash"
fi

mkdir -p "$out"
cp "$target_dir/release/tamga-node" "$target_dir/release/tamga" "$runtime" "$out/"
cp scripts/ops/tamga-validator.service scripts/ops/tamga-verifier.service docs/operators.md \
	scripts/ops/grafana-dashboard.json scripts/ops/prometheus-alerts.yml "$out/"
(cd "$out" && sha256sum tamga-node tamga tamga_runtime.compact.compressed.wasm *.service \
	operators.md grafana-dashboard.json prometheus-alerts.yml > SHA256SUMS)
echo "$runtime_hash  tamga_runtime.compact.compressed.wasm" > "$out/RUNTIME-BLAKE2-256"
log "release $version-$commit in $out"
cat "$out/SHA256SUMS"
log "runtime blake2-256 (the hash a vote on authorize-upgrade names): $runtime_hash"
