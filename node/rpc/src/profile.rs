//! The verifier RPC profile's allow-list: what a node serves to the border posts, single
//! windows and auditors that reach it from outside (`tamga-node --verifier-rpc-addr`).
//! Everything here is a read they need to verify: Tamga's own methods, the headers and
//! finality a client needs to ask for final answers, and the node's health; not block
//! bodies (they carry production facts only consortium nodes see), raw state, contract
//! dry runs, the transaction pool or keys.

/// The methods besides `tamga_*` that the verifier profile serves.
pub const SERVED: [&str; 4] =
	["chain_getHeader", "chain_getFinalizedHead", "chain_getBlockHash", "system_health"];

/// The prefix of the `tamga_*` methods the verifier profile does not serve: the
/// information space's agreements, keys and commitments are the consortium's business,
/// read by its members' nodes, not by those who verify documents.
pub const CONSORTIUM_ONLY: &str = "tamga_exchange";

/// The `tamga_*` subscriptions the verifier profile does not serve: a national system
/// follows its documents on its own node's private RPC.
pub const PRIVATE: [&str; 2] = ["tamga_subscribeDocuments", "tamga_unsubscribeDocuments"];

/// Whether the verifier profile serves `method`: every `tamga_*` method (all of them
/// read) but the [`CONSORTIUM_ONLY`] and [`PRIVATE`] ones, and [`SERVED`].
pub fn serves(method: &str) -> bool {
	(method.starts_with("tamga_")
		&& !method.starts_with(CONSORTIUM_ONLY)
		&& !PRIVATE.contains(&method))
		|| SERVED.contains(&method)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_profile_serves_reads_headers_and_health_only() {
		for method in [
			"tamga_verifyDocument",
			"tamga_aeoRecognition",
			"tamga_carnetMovements",
			"chain_getFinalizedHead",
			"chain_getHeader",
			"chain_getBlockHash",
			"system_health",
		] {
			assert!(serves(method), "{method}");
		}
		for method in [
			"chain_getBlock",
			"state_call",
			"state_getStorage",
			"state_getReadProof",
			"author_submitExtrinsic",
			"author_pendingExtrinsics",
			"author_rotateKeys",
			"system_peers",
			"system_accountNextIndex",
			"chainHead_v1_follow",
			"rpc_methods",
			"tamga_exchangeAgreements",
			"tamga_exchangeKey",
			"tamga_exchangeCommitment",
			"tamga_subscribeDocuments",
			"tamga_unsubscribeDocuments",
		] {
			assert!(!serves(method), "{method}");
		}
	}
}
