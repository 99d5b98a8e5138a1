#!/usr/bin/env bash
# Checks that the runtime Wasm of a commit is reproducible: builds it twice from scratch
# (the Wasm build's whole target removed before each), each time from the commit exported
# to the same fixed folder, and compares the bytes. Uses the debug host profile, so it
# reuses the warm shared target (about 3 min a build here); `scripts/release.sh --check`
# does the same for the release runtime a consortium votes on.
#
#   scripts/reproduce-runtime.sh [COMMIT=HEAD]
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

commit="$(git -C "$REPO_ROOT" rev-parse "${1:-HEAD}")"
fixed="${TAMGA_REPRO_ROOT:-/var/tmp/tamga-repro}/src"
wasm="$CARGO_TARGET_DIR/debug/wbuild/tamga-runtime/tamga_runtime.wasm"
hashes=()
for run in 1 2; do
	rm -rf "$fixed"
	mkdir -p "$fixed"
	git -C "$REPO_ROOT" archive "$commit" | tar -x -C "$fixed"
	rm -rf "$CARGO_TARGET_DIR/debug/wbuild/tamga-runtime"
	log "build $run of the runtime of ${commit:0:12} from $fixed (Wasm from scratch)"
	(cd "$fixed" && cargo build --locked -p tamga-runtime --features wasm-binary)
	hashes+=("$(sha256sum "$wasm" | cut -d' ' -f1)")
	log "build $run: sha256 ${hashes[-1]} ($(stat -c %s "$wasm") bytes)"
done
[ "${hashes[0]}" = "${hashes[1]}" ] || die "not reproducible: ${hashes[0]} then ${hashes[1]}"
log "reproducible: both builds give sha256 ${hashes[0]}"
