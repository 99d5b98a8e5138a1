#!/usr/bin/env bash
# Regenerates the committed chain specs chain-spec/dev.json and chain-spec/local.json
# from the current runtime. Run it after changing a genesis preset or the runtime, and
# review the diff: the test `committed_specs_match_what_the_node_generates` fails until
# the committed files match.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

build_node
for chain in dev local; do
	"$TAMGA_NODE_BIN" build-spec --chain "$chain" --disable-default-bootnode \
		>"$REPO_ROOT/chain-spec/$chain.json" 2>/dev/null
	log "wrote chain-spec/$chain.json"
done
