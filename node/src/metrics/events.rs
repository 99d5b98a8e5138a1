//! What a finalized block's events add to Tamga's counters, decoded with this node's own
//! runtime types (only for blocks whose runtime is the node's own version).

use codec::Decode;
use pallet_tamga_certificates::{Error as CertificatesError, Event as CertificatesEvent};
use sp_runtime::DispatchError;
use tamga_runtime::{Runtime, RuntimeError, RuntimeEvent};

/// The event records of one block, as `frame_system` stores them.
pub type EventRecords = Vec<frame_system::EventRecord<RuntimeEvent, sp_core::H256>>;

/// What one block's events say, for the counters.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BlockTally {
	/// Documents anchored.
	pub anchored: u64,
	/// Rule verdicts: (verdict, code).
	pub verdicts: Vec<(&'static str, String)>,
}

/// The tally of `records`.
pub fn tally(records: &EventRecords) -> BlockTally {
	let mut tally = BlockTally::default();
	for record in records {
		match &record.event {
			RuntimeEvent::Certificates(event) => match event {
				CertificatesEvent::Registered { .. }
				| CertificatesEvent::ApplicationEndorsed { .. } => tally.anchored += 1,
				CertificatesEvent::BatchRegistered { count, .. } => {
					tally.anchored += u64::from(*count)
				},
				CertificatesEvent::RuleWarned { warning, .. } => {
					tally.verdicts.push(("warned", warning.code.to_string()))
				},
				_ => {},
			},
			RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error, ..
			}) => {
				if let Some(verdict) = rule_refusal(*dispatch_error) {
					tally.verdicts.push(verdict);
				}
			},
			_ => {},
		}
	}
	tally
}

/// The rule verdict a failed call carries, if a rule contract refused it or failed.
fn rule_refusal(error: DispatchError) -> Option<(&'static str, String)> {
	match RuntimeError::from_dispatch_error(error)? {
		RuntimeError::Certificates(CertificatesError::<Runtime>::RejectedByRules {
			code, ..
		}) => Some(("rejected", code.to_string())),
		RuntimeError::Certificates(CertificatesError::<Runtime>::RulesFailed {
			failure, ..
		}) => Some(("failed", format!("{failure:?}"))),
		_ => None,
	}
}

/// The event records stored under `raw`, if they decode.
pub fn decode(raw: &[u8]) -> Option<EventRecords> {
	EventRecords::decode(&mut &raw[..]).ok()
}
