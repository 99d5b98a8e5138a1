//! A block's events (`System::Events`), each named by its pallet and variant.

use serde_json::{json, Map, Value};

use super::RuntimeTypes;

/// One event of a block, as the runtime's metadata names it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedEvent {
	/// The index of the extrinsic that emitted it (`None`: block initialisation or
	/// finalisation).
	pub extrinsic: Option<u32>,
	/// The pallet, e.g. `Certificates`.
	pub pallet: String,
	/// The event, e.g. `Registered`.
	pub event: String,
	/// Its fields, by name (an object; empty for an event without fields).
	pub fields: Value,
}

impl RuntimeTypes {
	/// Every event in the value of `System::Events` (`raw`), in order.
	pub fn events(&self, raw: &[u8]) -> Result<Vec<DecodedEvent>, String> {
		let mut input = raw;
		let records = self.values().value(self.events, &mut input)?;
		if !input.is_empty() {
			return Err(format!("{} bytes left after the events", input.len()));
		}
		let Value::Array(records) = records else {
			return Err("System::Events is not a list".into());
		};
		let mut events = Vec::with_capacity(records.len());
		for mut record in records {
			let extrinsic = record["phase"]["ApplyExtrinsic"].as_u64().map(|i| i as u32);
			let Some((pallet, event)) = record.get_mut("event").and_then(take_single) else {
				continue;
			};
			let (name, fields) = match event {
				Value::String(name) => (name, json!({})),
				Value::Object(mut map) => match take_single_of(&mut map) {
					Some(pair) => pair,
					None => continue,
				},
				_ => continue,
			};
			events.push(DecodedEvent { extrinsic, pallet, event: name, fields });
		}
		Ok(events)
	}

	/// The events of `pallets` in the value of `System::Events` (`raw`), in order.
	pub fn decode(&self, raw: &[u8], pallets: &[&str]) -> Result<Vec<DecodedEvent>, String> {
		let mut events = self.events(raw)?;
		events.retain(|e| pallets.contains(&e.pallet.as_str()));
		Ok(events)
	}
}

/// The one (key, value) of the object `value`, taken out of it.
fn take_single(value: &mut Value) -> Option<(String, Value)> {
	match value {
		Value::Object(map) => take_single_of(map),
		_ => None,
	}
}

fn take_single_of(map: &mut Map<String, Value>) -> Option<(String, Value)> {
	if map.len() != 1 {
		return None;
	}
	let key = map.keys().next()?.clone();
	map.remove(&key).map(|value| (key, value))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::decode::bytes_value;
	use codec::Encode;
	use frame_system::{EventRecord, Phase};
	use sp_core::crypto::Ss58Codec;
	use sp_core::H256;
	use tamga_runtime::{Runtime, RuntimeEvent};

	fn types() -> RuntimeTypes {
		RuntimeTypes::from_metadata(&Runtime::metadata().encode()).unwrap()
	}

	fn record(phase: Phase, event: RuntimeEvent) -> EventRecord<RuntimeEvent, H256> {
		EventRecord { phase, event, topics: vec![] }
	}

	#[test]
	fn events_of_tamgas_pallets_decode_into_named_fields() {
		let id = H256::repeat_byte(0xab);
		let events = vec![
			record(
				Phase::ApplyExtrinsic(2),
				RuntimeEvent::Certificates(pallet_tamga_certificates::Event::Revoked {
					id,
					reason: pallet_tamga_certificates::RevocationReason::Fraud,
				}),
			),
			record(
				Phase::Initialization,
				RuntimeEvent::System(frame_system::Event::NewAccount {
					account: tamga_runtime::AccountId::new([1; 32]),
				}),
			),
			record(
				Phase::Finalization,
				RuntimeEvent::Governance(pallet_tamga_governance::Event::Expired { id: 7 }),
			),
		];
		let decoded = types().decode(&events.encode(), &["Certificates", "Governance"]).unwrap();
		assert_eq!(
			decoded,
			[
				DecodedEvent {
					extrinsic: Some(2),
					pallet: "Certificates".into(),
					event: "Revoked".into(),
					fields: json!({ "id": format!("{id:?}"), "reason": "Fraud" }),
				},
				DecodedEvent {
					extrinsic: None,
					pallet: "Governance".into(),
					event: "Expired".into(),
					fields: json!({ "id": 7 }),
				},
			]
		);
	}

	#[test]
	fn accounts_countries_and_large_numbers_read_as_people_do() {
		let officer = tamga_runtime::AccountId::new([7; 32]);
		let id = H256::repeat_byte(1);
		let events = vec![record(
			Phase::ApplyExtrinsic(0),
			RuntimeEvent::Certificates(pallet_tamga_certificates::Event::Used {
				id,
				officer: officer.clone(),
				quantity: u128::MAX,
				remaining: 0,
			}),
		)];
		let decoded = types().decode(&events.encode(), &["Certificates"]).unwrap();
		assert_eq!(
			decoded[0].fields,
			json!({
				"id": format!("{id:?}"),
				"officer": officer.to_ss58check(),
				"quantity": u128::MAX.to_string(),
				"remaining": "0",
			})
		);
		assert_eq!(bytes_value(b"KZ"), "KZ");
		assert_eq!(bytes_value(&[0, 1]), "0x0001");
	}

	#[test]
	fn truncated_or_foreign_bytes_are_refused() {
		let events = vec![record(
			Phase::Finalization,
			RuntimeEvent::Governance(pallet_tamga_governance::Event::Expired { id: 7 }),
		)];
		let bytes = events.encode();
		assert!(types().decode(&bytes[..bytes.len() - 1], &["Governance"]).is_err());
		let mut longer = bytes.clone();
		longer.push(0);
		assert!(types().decode(&longer, &["Governance"]).is_err());
		assert!(RuntimeTypes::from_metadata(&[1, 2, 3]).is_err());
	}
}
