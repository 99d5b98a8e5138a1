#!/usr/bin/env bash
# Installs what building and testing Tamga needs on a fresh Debian/Ubuntu machine.
# Idempotent: what is already there is left alone, so a second run takes seconds.
#
#   - Debian packages: protobuf-compiler (libp2p), clang + libclang-dev (RocksDB bindings),
#     curl (scripts talk to nodes' RPC), build-essential, nftables (the tests check the
#     firewall ruleset `tamga admin firewall-rules` prints), chromium (the officers' page
#     is tested in a real headless browser), postgresql (the auditors' index is tested
#     against a private PostgreSQL cluster each test starts and stops; the package's own
#     cluster is not used).
#   - promtool, from Debian's prometheus package (unpacked only: no Prometheus service is
#     installed or started), to check and unit-test the alert rules in scripts/ops/.
#   - The Rust toolchain pinned in rust-toolchain.toml (1.95.0) with rust-src and the
#     wasm32-unknown-unknown and wasm32v1-none targets (runtime Wasm).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

PACKAGES=(protobuf-compiler clang libclang-dev curl build-essential pkg-config nftables chromium
	postgresql)

missing=()
for package in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
		|| missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	export DEBIAN_FRONTEND=noninteractive
	"${sudo_cmd[@]}" apt-get update -qq
	"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
	log "Debian packages present"
fi

# promtool only: the package's binary, unpacked into the tools folder (common.sh).
if [ ! -x "$TAMGA_PROMTOOL" ]; then
	log "unpacking promtool from Debian's prometheus package into $(dirname "$TAMGA_PROMTOOL")"
	unpack="$(mktemp -d)"
	(cd "$unpack" && apt-get download -qq prometheus >/dev/null 2>&1) \
		|| { apt-get update -qq && (cd "$unpack" && apt-get download -qq prometheus >/dev/null); } \
		|| die "cannot download Debian's prometheus package"
	dpkg-deb -x "$unpack"/prometheus_*.deb "$unpack/root"
	mkdir -p "$(dirname "$TAMGA_PROMTOOL")"
	install -m 0755 "$unpack/root/usr/bin/promtool" "$TAMGA_PROMTOOL"
	rm -rf "$unpack"
else
	log "promtool present"
fi

command -v rustup >/dev/null 2>&1 || die "rustup is missing: install Rust with rustup first"
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$REPO_ROOT/rust-toolchain.toml")"
log "Rust toolchain $toolchain with rust-src and Wasm targets"
rustup toolchain install "$toolchain" --profile minimal \
	--component rust-src,rustfmt,clippy \
	--target wasm32-unknown-unknown,wasm32v1-none >/dev/null 2>&1 \
	|| die "rustup could not install toolchain $toolchain"
mkdir -p "$CARGO_TARGET_DIR"
log "setup done (CARGO_TARGET_DIR=$CARGO_TARGET_DIR)"
