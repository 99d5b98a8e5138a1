#!/usr/bin/env bash
# A local Tamga consortium: four validators (KZ, KG, AM, BY) of the `local` chain on
# loopback, each with its own base path, fixed node key and ports.
#
#   scripts/local-net.sh start    set up, build, start the four nodes, print RPC endpoints
#   scripts/local-net.sh stop     stop them (SIGTERM, then SIGKILL after 30 s)
#   scripts/local-net.sh status   process, best and finalized block, peers of each node
#   scripts/local-net.sh purge    stop them and delete all their data
#
# Data: $TAMGA_NET_DIR (default .local-net/ in the checkout): <node>/ holds RocksDB,
# keystore and network key; <node>.log the log; <node>.pid the process id.
# Ports: p2p 30333-30336, RPC 9944-9947, Prometheus 9615-9618 (all on 127.0.0.1).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

NET_DIR="${TAMGA_NET_DIR:-$REPO_ROOT/.local-net}"
KEYS_DIR="$REPO_ROOT/scripts/local-net/node-keys"
NAMES=(kz kg am by)
# Session-key seeds, as in the runtime's `local_testnet` genesis preset.
SEEDS=(//Alice //Bob //Charlie //Dave)
P2P_BASE=30333
RPC_BASE=9944
PROMETHEUS_BASE=9615
START_TIMEOUT="${TAMGA_START_TIMEOUT:-300}"

pid_of() { cat "$NET_DIR/$1.pid" 2>/dev/null || true; }
is_running() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# rpc PORT METHOD [PARAMS_JSON]: prints the raw JSON response (empty if unreachable).
rpc() {
	curl -s --max-time 2 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$1" 2>/dev/null || true
}
# block_number PORT [HASH]: number of the block (best block without HASH), or empty.
block_number() {
	local params="[]" hex
	[ -n "${2:-}" ] && params="[\"$2\"]"
	hex="$(rpc "$1" chain_getHeader "$params" | sed -n 's/.*"number":"0x\([0-9a-fA-F]*\)".*/\1/p')"
	[ -n "$hex" ] && printf '%d' "0x$hex"
}
finalized_number() {
	local hash
	hash="$(rpc "$1" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')"
	[ -n "$hash" ] && block_number "$1" "$hash"
}
peers() { rpc "$1" system_health | sed -n 's/.*"peers":\([0-9]*\).*/\1/p'; }

peer_id() { "$TAMGA_NODE_BIN" key inspect-node-key --file "$KEYS_DIR/$1.key" 2>/dev/null; }

start() {
	[ "${TAMGA_SKIP_SETUP:-0}" = 1 ] || "$REPO_ROOT/scripts/setup.sh"
	build_node
	mkdir -p "$NET_DIR"

	local i bootnodes=()
	for i in "${!NAMES[@]}"; do
		bootnodes+=("/ip4/127.0.0.1/tcp/$((P2P_BASE + i))/p2p/$(peer_id "${NAMES[$i]}")")
	done

	for i in "${!NAMES[@]}"; do
		local name="${NAMES[$i]}" base="$NET_DIR/${NAMES[$i]}"
		if is_running "$name"; then
			log "$name is already running (pid $(pid_of "$name"))"
			continue
		fi
		if [ ! -d "$base/chains/tamga_local/keystore" ]; then
			log "$name: inserting its session keys (${SEEDS[$i]}) into $base"
			for pair in sr25519:aura ed25519:gran; do
				"$TAMGA_NODE_BIN" key insert --chain local --base-path "$base" \
					--scheme "${pair%%:*}" --key-type "${pair##*:}" --suri "${SEEDS[$i]}"
			done
		fi
		local others=()
		for j in "${!NAMES[@]}"; do [ "$j" = "$i" ] || others+=(--bootnodes "${bootnodes[$j]}"); done
		log "$name: starting (p2p $((P2P_BASE + i)), RPC $((RPC_BASE + i)), log $NET_DIR/$name.log)"
		setsid nohup "$TAMGA_NODE_BIN" --chain local --validator --name "${name^^}" \
			--base-path "$base" --node-key-file "$KEYS_DIR/$name.key" \
			--listen-addr "/ip4/127.0.0.1/tcp/$((P2P_BASE + i))" \
			--rpc-port "$((RPC_BASE + i))" --prometheus-port "$((PROMETHEUS_BASE + i))" \
			--no-mdns --no-telemetry "${others[@]}" \
			>>"$NET_DIR/$name.log" 2>&1 </dev/null &
		echo $! >"$NET_DIR/$name.pid"
	done

	log "waiting for the first finalized block (up to ${START_TIMEOUT}s)"
	local waited=0 finalized
	while :; do
		for i in "${!NAMES[@]}"; do
			is_running "${NAMES[$i]}" || die "${NAMES[$i]} exited: see $NET_DIR/${NAMES[$i]}.log"
		done
		finalized="$(finalized_number "$RPC_BASE" || true)"
		if [ -n "$finalized" ] && [ "$finalized" -ge 1 ]; then break; fi
		[ "$waited" -lt "$START_TIMEOUT" ] || die "no finalized block after ${START_TIMEOUT}s: see $NET_DIR/*.log"
		sleep 2
		waited=$((waited + 2))
	done
	status
	echo
	echo "Tamga local consortium is running. JSON-RPC (HTTP and WebSocket):"
	for i in "${!NAMES[@]}"; do
		printf '  %s  http://127.0.0.1:%d   ws://127.0.0.1:%d\n' "${NAMES[$i]^^}" "$((RPC_BASE + i))" "$((RPC_BASE + i))"
	done
	echo "Stop it with: scripts/local-net.sh stop"
}

stop() {
	local name pid waited
	for name in "${NAMES[@]}"; do
		if ! is_running "$name"; then
			rm -f "$NET_DIR/$name.pid"
			continue
		fi
		pid="$(pid_of "$name")"
		log "$name: stopping (pid $pid)"
		kill -TERM "$pid"
		waited=0
		while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
		if kill -0 "$pid" 2>/dev/null; then
			log "$name: still running after 30 s, killing it"
			kill -KILL "$pid"
		fi
		rm -f "$NET_DIR/$name.pid"
	done
}

status() {
	printf '%-4s %-8s %-8s %-10s %-10s %-6s\n' NODE PID RPC BEST FINALIZED PEERS
	local i name port
	for i in "${!NAMES[@]}"; do
		name="${NAMES[$i]}"
		port=$((RPC_BASE + i))
		if is_running "$name"; then
			printf '%-4s %-8s %-8s %-10s %-10s %-6s\n' "${name^^}" "$(pid_of "$name")" "$port" \
				"$(block_number "$port" || echo -)" "$(finalized_number "$port" || echo -)" "$(peers "$port" || echo -)"
		else
			printf '%-4s %-8s %-8s\n' "${name^^}" stopped "$port"
		fi
	done
}

purge() {
	stop
	log "deleting $NET_DIR"
	rm -rf "$NET_DIR"
}

case "${1:-}" in
	start) start ;;
	stop) stop ;;
	status) status ;;
	purge) purge ;;
	*) echo "usage: $0 start|stop|status|purge" >&2; exit 2 ;;
esac
