//! One finalized block, decoded: its time, each extrinsic with its signer, call and
//! outcome, and the events an auditor reads.

use serde_json::Value;

use crate::{
	decode::{DecodedCall, DecodedEvent, RuntimeTypes},
	source::{hex_bytes, RawBlock},
};

/// The pallets whose events the index holds: Tamga's own.
pub const TAMGA_PALLETS: [&str; 5] = ["Governance", "Certificates", "Carnets", "Aeo", "Exchange"];

/// The `System` events the index also holds: runtime upgrades.
const SYSTEM_EVENTS: [&str; 1] = ["CodeUpdated"];

/// A decoded block.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedBlock {
	/// Its number.
	pub number: u32,
	/// Its hash.
	pub hash: String,
	/// Its time (milliseconds since 1970-01-01 UTC), from its timestamp inherent.
	pub time_ms: Option<i64>,
	/// The `specVersion` of the runtime that built it.
	pub spec_version: u32,
	/// Its extrinsics and their outcomes, in order.
	pub calls: Vec<CallOutcome>,
	/// Its events of Tamga's pallets (and runtime upgrades), each with its position among
	/// all the block's events.
	pub events: Vec<(u32, DecodedEvent)>,
}

/// An extrinsic and whether it succeeded.
#[derive(Debug, Clone, PartialEq)]
pub struct CallOutcome {
	/// The extrinsic.
	pub call: DecodedCall,
	/// Whether it was dispatched without error.
	pub success: bool,
	/// The error it failed with, named as its pallet names it (`Certificates.NotIssuer`).
	pub error: Option<String>,
}

impl DecodedBlock {
	/// Decodes `raw` with the types of its runtime.
	pub fn decode(raw: &RawBlock, types: &RuntimeTypes) -> Result<Self, String> {
		let at = |e: String| format!("block #{} ({}): {e}", raw.number, raw.hash);
		let all = types.events(&raw.events).map_err(at)?;
		let mut calls = raw
			.extrinsics
			.iter()
			.enumerate()
			.map(|(index, bytes)| {
				let call = types.extrinsic(index as u32, bytes)?;
				Ok(CallOutcome { call, success: false, error: None })
			})
			.collect::<Result<Vec<_>, String>>()
			.map_err(at)?;
		let mut events = Vec::new();
		for (position, event) in all.into_iter().enumerate() {
			if event.pallet == "System" {
				let outcome = event.extrinsic.and_then(|i| calls.get_mut(i as usize));
				match (event.event.as_str(), outcome) {
					("ExtrinsicSuccess", Some(outcome)) => outcome.success = true,
					("ExtrinsicFailed", Some(outcome)) => {
						outcome.error = Some(dispatch_error(types, &event.fields["dispatch_error"]))
					},
					_ => {},
				}
				if !SYSTEM_EVENTS.contains(&event.event.as_str()) {
					continue;
				}
			} else if !TAMGA_PALLETS.contains(&event.pallet.as_str()) {
				continue;
			}
			events.push((position as u32, event));
		}
		let time_ms = calls
			.iter()
			.find(|c| c.call.pallet == "Timestamp" && c.call.call == "set")
			.and_then(|c| c.call.args["now"].as_i64());
		Ok(Self {
			number: raw.number,
			hash: raw.hash.clone(),
			time_ms,
			spec_version: raw.spec_version,
			calls: std::mem::take(&mut calls),
			events,
		})
	}
}

/// A `DispatchError` as text: a module error by its pallet's name for it, anything else
/// by its variant (`BadOrigin`, `Token.FundsUnavailable`).
fn dispatch_error(types: &RuntimeTypes, error: &Value) -> String {
	if let Some(module) = error.get("Module") {
		let index = module["index"].as_u64().and_then(|i| u8::try_from(i).ok());
		// Four bytes: hex, or text when they happen to be printable.
		let bytes = module["error"].as_str().map(|text| match hex_bytes(text) {
			Some(bytes) if bytes.len() == 4 => bytes,
			_ => text.as_bytes().to_vec(),
		});
		if let (Some(index), Some(bytes)) = (index, bytes) {
			return types.module_error(index, &bytes);
		}
	}
	match error {
		Value::String(name) => name.clone(),
		Value::Object(map) if map.len() == 1 => {
			let (name, inner) = map.iter().next().expect("one entry");
			match inner {
				Value::String(inner) => format!("{name}.{inner}"),
				other => format!("{name} {other}"),
			}
		},
		other => other.to_string(),
	}
}
