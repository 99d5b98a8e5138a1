//! The task that keeps Tamga's metrics up to date: every few seconds it compares the
//! approved nodes of the last finalized block with the peers the node is connected to,
//! counts the pending AEO acknowledgements, and counts the events of the blocks finalized
//! since its last look.

use std::{collections::HashSet, str::FromStr, sync::Arc, time::Duration};

use pallet_tamga_governance::node_admission::NodeAdmissionApi;
use sc_client_api::StorageProvider;
use sc_network::PeerId;
use sc_network_sync::SyncingService;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{storage::StorageKey, H256};
use tamga_runtime::{opaque::Block, Runtime};

use super::{events, TamgaMetrics};
use crate::service::FullClient;

const LOG_TARGET: &str = "tamga-metrics";

/// How often the metrics are brought up to date.
const TICK: Duration = Duration::from_secs(3);

/// The most finalized blocks whose events one tick counts (a node catching up spreads
/// the work over several ticks).
const MAX_BLOCKS_PER_TICK: u32 = 200;

/// Keeps `metrics` up to date for as long as the node runs.
pub async fn run(
	client: Arc<FullClient>,
	sync: Arc<SyncingService<Block>>,
	local: PeerId,
	metrics: Arc<TamgaMetrics>,
) {
	// Counters start at the node's start: blocks finalized before are not counted.
	let mut counted = client.info().finalized_number;
	metrics.counted_block.set(counted.into());
	loop {
		tokio::time::sleep(TICK).await;
		let finalized = client.info().finalized_hash;
		admission(&client, &sync, local, finalized, &metrics).await;
		metrics.pending_acknowledgements.set(pending_acknowledgements(&client, finalized));
		let last = client.info().finalized_number.min(counted + MAX_BLOCKS_PER_TICK);
		while counted < last {
			let number = counted + 1;
			let Ok(Some(hash)) = client.hash(number) else { break };
			count_events(&client, hash, &metrics);
			counted = number;
			metrics.counted_block.set(counted.into());
		}
	}
}

/// Sets the approved, connected and drift gauges.
async fn admission(
	client: &FullClient,
	sync: &SyncingService<Block>,
	local: PeerId,
	at: H256,
	metrics: &TamgaMetrics,
) {
	let approved: HashSet<PeerId> = match client.runtime_api().approved_nodes(at) {
		Ok(nodes) => nodes
			.into_iter()
			.filter_map(|(peer, _)| PeerId::from_str(&String::from_utf8_lossy(&peer)).ok())
			.collect(),
		Err(error) => {
			log::debug!(target: LOG_TARGET, "no approved nodes at {at}: {error}");
			return;
		},
	};
	let Ok(peers) = sync.peers_info().await else { return };
	let connected: HashSet<PeerId> = peers.into_iter().map(|(peer, _)| peer).collect();
	let connected_approved = connected.intersection(&approved).count();
	let unreachable = approved.iter().filter(|p| **p != local && !connected.contains(p)).count();
	let unapproved = connected.difference(&approved).count();
	metrics.approved_nodes.set(approved.len() as u64);
	metrics.connected_approved_nodes.set(connected_approved as u64);
	metrics.admission_drift.set((unreachable + unapproved) as u64);
}

/// The AEO status changes awaiting acknowledgement at block `at`.
fn pending_acknowledgements(client: &FullClient, at: H256) -> u64 {
	use frame_support::storage::StoragePrefixedMap;
	let prefix = StorageKey(pallet_tamga_aeo::Pending::<Runtime>::final_prefix().to_vec());
	client.storage_keys(at, Some(&prefix), None).map(|keys| keys.count() as u64).unwrap_or(0)
}

/// Adds block `hash`'s events to the counters, if the block ran this node's runtime
/// version (whose types decode them).
fn count_events(client: &FullClient, hash: H256, metrics: &TamgaMetrics) {
	let own = &tamga_runtime::VERSION;
	let same_runtime = client
		.runtime_version_at(hash, sp_core::traits::CallContext::Offchain)
		.is_ok_and(|version| {
			version.spec_name == own.spec_name && version.spec_version == own.spec_version
		});
	if !same_runtime {
		log::debug!(target: LOG_TARGET, "block {hash} runs another runtime: events not counted");
		return;
	}
	// `frame_system`'s `Events` (its storage type is private; the key is the pallet's
	// and item's names, as for every FRAME storage value).
	let key = StorageKey(frame_support::storage::storage_prefix(b"System", b"Events").to_vec());
	let Ok(Some(raw)) = client.storage(hash, &key) else { return };
	let Some(records) = events::decode(&raw.0) else {
		log::warn!(target: LOG_TARGET, "the events of block {hash} do not decode");
		return;
	};
	let tally = events::tally(&records);
	metrics.documents_anchored.inc_by(tally.anchored);
	for (verdict, code) in &tally.verdicts {
		metrics.rule_verdicts.with_label_values(&[verdict, code]).inc();
	}
}
