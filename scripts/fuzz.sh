#!/usr/bin/env bash
# Long fuzzing runs of every target against the real runtime (the test command runs a
# short smoke run of each). Stops at the first finding and prints the command that
# reproduces it.
#
#   scripts/fuzz.sh                     1,000,000 inputs per target, seed from the date
#   scripts/fuzz.sh RUNS [SEED] [TARGET...]   e.g. scripts/fuzz.sh 200000 7 calls api
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

runs=${1:-1000000}
seed=${2:-$(date +%Y%m%d)}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(calls api extrinsics)

cd "$REPO_ROOT"
log "building tamga-fuzz"
cargo build --locked -p tamga-fuzz
for target in "${targets[@]}"; do
	log "fuzzing $target: $runs inputs from seed $seed"
	"$CARGO_TARGET_DIR/debug/tamga-fuzz" "$target" --runs "$runs" --seed "$seed"
done
log "no rule broken"
