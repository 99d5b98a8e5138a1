# Shared settings of the Tamga scripts. Source it; do not run it.
#
# CARGO_TARGET_DIR defaults to one folder outside the checkout, so every clone on this
# machine (your own, CI's fresh clone, the next session's) reuses the same warm build.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tamga/target}"
export TAMGA_NODE_BIN="${TAMGA_NODE_BIN:-$CARGO_TARGET_DIR/debug/tamga-node}"
export TAMGA_CLI_BIN="${TAMGA_CLI_BIN:-$CARGO_TARGET_DIR/debug/tamga}"
# Where scripts/build-contracts.sh puts the contracts and the runtime tests read them.
export TAMGA_CONTRACTS_DIR="${TAMGA_CONTRACTS_DIR:-$CARGO_TARGET_DIR/contracts}"
# promtool (checks and unit-tests the alert rules), unpacked by scripts/setup.sh.
export TAMGA_PROMTOOL="${TAMGA_PROMTOOL:-${XDG_CACHE_HOME:-$HOME/.cache}/tamga/tools/promtool}"

# rustup installs cargo under ~/.cargo/bin; a non-login shell may not have it on PATH.
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
	# shellcheck disable=SC1091
	. "$HOME/.cargo/env"
fi

log() { printf '[tamga] %s\n' "$*" >&2; }
die() { printf '[tamga] error: %s\n' "$*" >&2; exit 1; }

# Builds tamga-node (debug profile, runtime Wasm included) unless it is up to date.
build_node() {
	log "building tamga-node and tamga into $CARGO_TARGET_DIR (a cold build takes ~40 min on 2 cores; warm: seconds)"
	(cd "$REPO_ROOT" && cargo build --locked -p tamga-node -p tamga-cli) || die "building tamga-node or tamga failed"
	[ -x "$TAMGA_NODE_BIN" ] || die "tamga-node not found at $TAMGA_NODE_BIN after the build"
	[ -x "$TAMGA_CLI_BIN" ] || die "tamga not found at $TAMGA_CLI_BIN after the build"
}
