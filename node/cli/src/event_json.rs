//! A block's events as JSON, decoded with the metadata of the runtime that produced them,
//! so an export reads blocks of every runtime version, before and after upgrades, without
//! this tool knowing their Rust types.
//!
//! Values are rendered for auditors' tools: named fields as objects, a newtype as its one
//! field, a unit variant as its name and a variant with data as `{"Name": data}`, `Option`
//! as `null` or its value, numbers above 64 bits as decimal strings (a JavaScript number
//! cannot hold them), accounts in SS58, 32-byte values (hashes, document ids) as `0x` hex,
//! other bytes as text when they are printable UTF-8 (names, country codes) and as hex
//! otherwise.

use codec::{Compact, Decode};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, PortableRegistry, Type, TypeDef, TypeDefPrimitive};
use serde_json::{json, Map, Value};
use sp_core::crypto::Ss58Codec;

/// The types of one runtime version: what `System::Events` holds.
pub struct EventTypes {
	types: PortableRegistry,
	events: u32,
}

/// One event of a block, as the runtime's metadata names it.
#[derive(Debug, PartialEq)]
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

impl EventTypes {
	/// The types of the runtime whose metadata (`state_getMetadata`) is `metadata`.
	pub fn from_metadata(mut metadata: &[u8]) -> Result<Self, String> {
		let prefixed = RuntimeMetadataPrefixed::decode(&mut metadata)
			.map_err(|e| format!("the runtime's metadata does not decode: {e}"))?;
		let (types, pallets) = match prefixed.1 {
			RuntimeMetadata::V14(m) => (m.types, m.pallets.into_iter().map(|p| p.storage)),
			RuntimeMetadata::V15(m) => {
				return Self::find(m.types, m.pallets.into_iter().map(|p| p.storage))
			},
			other => return Err(format!("metadata version {} is not read", other.version())),
		};
		Self::find(types, pallets)
	}

	fn find(
		types: PortableRegistry,
		storages: impl Iterator<Item = Option<frame_metadata::v14::PalletStorageMetadata<PortableForm>>>,
	) -> Result<Self, String> {
		let events = storages
			.flatten()
			.filter(|storage| storage.prefix == "System")
			.flat_map(|storage| storage.entries)
			.find(|entry| entry.name == "Events")
			.and_then(|entry| match entry.ty {
				frame_metadata::v14::StorageEntryType::Plain(ty) => Some(ty.id),
				_ => None,
			})
			.ok_or("the runtime's metadata has no System::Events")?;
		Ok(Self { types, events })
	}

	/// The events of `pallets` in the value of `System::Events` (`raw`), in order.
	pub fn decode(&self, raw: &[u8], pallets: &[&str]) -> Result<Vec<DecodedEvent>, String> {
		let mut input = raw;
		let records = self.value(self.events, &mut input)?;
		if !input.is_empty() {
			return Err(format!("{} bytes left after the events", input.len()));
		}
		let Value::Array(records) = records else {
			return Err("System::Events is not a list".into());
		};
		let mut events = Vec::new();
		for record in records {
			let extrinsic = record["phase"]["ApplyExtrinsic"].as_u64().map(|i| i as u32);
			let Some((pallet, event)) = record["event"].as_object().and_then(single) else {
				continue;
			};
			if !pallets.contains(&pallet.as_str()) {
				continue;
			}
			let (name, fields) = match event {
				Value::String(name) => (name.clone(), json!({})),
				Value::Object(map) => match single(map) {
					Some((name, fields)) => (name.clone(), fields.clone()),
					None => continue,
				},
				_ => continue,
			};
			events.push(DecodedEvent { extrinsic, pallet: pallet.clone(), event: name, fields });
		}
		Ok(events)
	}

	fn resolve(&self, id: u32) -> Result<&Type<PortableForm>, String> {
		self.types.resolve(id).ok_or_else(|| format!("type {id} is not in the metadata"))
	}

	/// The value of type `id` read from `input`.
	fn value(&self, id: u32, input: &mut &[u8]) -> Result<Value, String> {
		let ty = self.resolve(id)?;
		let last = ty.path.segments.last().map(String::as_str);
		match &ty.type_def {
			TypeDef::Composite(composite) => {
				if last == Some("AccountId32") {
					let bytes = <[u8; 32]>::decode(input).map_err(short)?;
					return Ok(sp_core::crypto::AccountId32::from(bytes).to_ss58check().into());
				}
				self.fields(composite.fields.iter().map(|f| (f.name.as_deref(), f.ty.id)), input)
			},
			TypeDef::Variant(variant) => {
				let index = u8::decode(input).map_err(short)?;
				let chosen = variant
					.variants
					.iter()
					.find(|v| v.index == index)
					.ok_or_else(|| format!("variant {index} is not one of type {id}"))?;
				if last == Some("Option") {
					return match chosen.fields.first() {
						None => Ok(Value::Null),
						Some(field) => self.value(field.ty.id, input),
					};
				}
				if chosen.fields.is_empty() {
					return Ok(chosen.name.clone().into());
				}
				let data =
					self.fields(chosen.fields.iter().map(|f| (f.name.as_deref(), f.ty.id)), input)?;
				Ok(json!({ chosen.name.clone(): data }))
			},
			TypeDef::Sequence(sequence) => {
				let Compact(len) = Compact::<u32>::decode(input).map_err(short)?;
				self.items(sequence.type_param.id, len as usize, input)
			},
			TypeDef::Array(array) => self.items(array.type_param.id, array.len as usize, input),
			TypeDef::Tuple(tuple) => {
				if tuple.fields.is_empty() {
					return Ok(Value::Null);
				}
				tuple.fields.iter().map(|f| self.value(f.id, input)).collect()
			},
			TypeDef::Primitive(primitive) => primitive_value(primitive, input),
			TypeDef::Compact(compact) => self.compact(compact.type_param.id, input),
			TypeDef::BitSequence(_) => Err(format!("type {id} is a bit sequence, not read")),
		}
	}

	/// A composite's or a variant's fields: an object when named, the value itself for a
	/// single unnamed field, a list otherwise.
	fn fields<'a>(
		&self,
		fields: impl ExactSizeIterator<Item = (Option<&'a str>, u32)>,
		input: &mut &[u8],
	) -> Result<Value, String> {
		let fields: Vec<_> = fields.collect();
		if fields.iter().all(|(name, _)| name.is_some()) && !fields.is_empty() {
			let mut object = Map::new();
			for (name, ty) in fields {
				object.insert(name.unwrap_or_default().to_string(), self.value(ty, input)?);
			}
			return Ok(Value::Object(object));
		}
		match fields.as_slice() {
			[] => Ok(Value::Null),
			[(_, ty)] => self.value(*ty, input),
			_ => fields.iter().map(|(_, ty)| self.value(*ty, input)).collect(),
		}
	}

	/// `len` items of type `item`: bytes as text or hex, anything else as a list.
	fn items(&self, item: u32, len: usize, input: &mut &[u8]) -> Result<Value, String> {
		let is_byte =
			matches!(self.resolve(item)?.type_def, TypeDef::Primitive(TypeDefPrimitive::U8));
		if is_byte {
			let bytes = input.get(..len).ok_or("the bytes end early")?;
			*input = &input[len..];
			return Ok(bytes_value(bytes).into());
		}
		(0..len).map(|_| self.value(item, input)).collect()
	}

	/// A compact-encoded value of type `id` (a number, or a newtype around one).
	fn compact(&self, id: u32, input: &mut &[u8]) -> Result<Value, String> {
		match &self.resolve(id)?.type_def {
			TypeDef::Composite(composite) if composite.fields.len() == 1 => {
				self.compact(composite.fields[0].ty.id, input)
			},
			TypeDef::Primitive(TypeDefPrimitive::U128) => {
				let Compact(n) = Compact::<u128>::decode(input).map_err(short)?;
				Ok(n.to_string().into())
			},
			TypeDef::Primitive(_) => {
				let Compact(n) = Compact::<u64>::decode(input).map_err(short)?;
				Ok(n.into())
			},
			_ => Err(format!("type {id} is not compact-encodable")),
		}
	}
}

/// The one (key, value) of `map`, if it has exactly one.
fn single(map: &Map<String, Value>) -> Option<(&String, &Value)> {
	let mut entries = map.iter();
	let entry = entries.next()?;
	entries.next().is_none().then_some(entry)
}

fn short(e: codec::Error) -> String {
	format!("the events do not decode: {e}")
}

/// Bytes as an auditor reads them: 32 bytes (a hash, an id) as hex; other printable UTF-8
/// text as itself; anything else as hex.
fn bytes_value(bytes: &[u8]) -> String {
	match std::str::from_utf8(bytes) {
		Ok(text) if bytes.len() != 32 && !text.chars().any(char::is_control) => text.to_string(),
		_ => tamga_rpc::hex::encode(bytes),
	}
}

fn primitive_value(primitive: &TypeDefPrimitive, input: &mut &[u8]) -> Result<Value, String> {
	Ok(match primitive {
		TypeDefPrimitive::Bool => bool::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::Char => char::from_u32(u32::decode(input).map_err(short)?)
			.ok_or("not a character")?
			.to_string()
			.into(),
		TypeDefPrimitive::Str => String::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::U8 => u8::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::U16 => u16::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::U32 => u32::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::U64 => u64::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::U128 => u128::decode(input).map_err(short)?.to_string().into(),
		TypeDefPrimitive::I8 => i8::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::I16 => i16::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::I32 => i32::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::I64 => i64::decode(input).map_err(short)?.into(),
		TypeDefPrimitive::I128 => i128::decode(input).map_err(short)?.to_string().into(),
		TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => {
			tamga_rpc::hex::encode(&<[u8; 32]>::decode(input).map_err(short)?).into()
		},
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use frame_system::{EventRecord, Phase};
	use sp_core::H256;
	use tamga_runtime::{Runtime, RuntimeEvent};

	fn types() -> EventTypes {
		EventTypes::from_metadata(&Runtime::metadata().encode()).unwrap()
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
		assert!(EventTypes::from_metadata(&[1, 2, 3]).is_err());
	}
}
