//! A block's extrinsics and events, decoded with the metadata of the runtime that
//! produced them: the one way Tamga's history becomes data, shared by the index and by
//! `tamga audit export`.

mod events;
mod extrinsics;
mod value;

use std::collections::HashMap;

use codec::Decode;
use frame_metadata::{v14, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, PortableRegistry};

pub use events::DecodedEvent;
pub use extrinsics::DecodedCall;
pub use value::{bytes_value, Values};

/// What one runtime version's metadata says about its blocks: the types of its
/// extrinsics' parts, of `System::Events` and of each pallet's errors.
pub struct RuntimeTypes {
	values: Values,
	events: u32,
	extrinsic: ExtrinsicTypes,
	/// Pallet index → (name, its error type).
	pallets: HashMap<u8, (String, Option<u32>)>,
}

/// The types of a signed extrinsic's parts.
struct ExtrinsicTypes {
	address: u32,
	call: u32,
	signature: u32,
	extra: u32,
}

impl RuntimeTypes {
	/// The types of the runtime whose metadata (`state_getMetadata`, which answers in
	/// version 14) is `metadata`.
	pub fn from_metadata(mut metadata: &[u8]) -> Result<Self, String> {
		let prefixed = RuntimeMetadataPrefixed::decode(&mut metadata)
			.map_err(|e| format!("the runtime's metadata does not decode: {e}"))?;
		match prefixed.1 {
			RuntimeMetadata::V14(m) => Self::read(
				m.types,
				m.extrinsic.ty.id,
				m.pallets
					.into_iter()
					.map(|p| (p.index, p.name, p.storage, p.error.map(|e| e.ty.id))),
			),
			other => Err(format!("metadata version {} is not read", other.version())),
		}
	}

	fn read(
		types: PortableRegistry,
		extrinsic: u32,
		pallets: impl Iterator<
			Item = (u8, String, Option<v14::PalletStorageMetadata<PortableForm>>, Option<u32>),
		>,
	) -> Result<Self, String> {
		let mut events = None;
		let mut errors = HashMap::new();
		for (index, name, storage, error) in pallets {
			if name == "System" {
				events = storage
					.into_iter()
					.flat_map(|storage| storage.entries)
					.find(|entry| entry.name == "Events")
					.and_then(|entry| match entry.ty {
						v14::StorageEntryType::Plain(ty) => Some(ty.id),
						_ => None,
					});
			}
			errors.insert(index, (name, error));
		}
		let events = events.ok_or("the runtime's metadata has no System::Events")?;
		let values = Values::new(types);
		let extrinsic = ExtrinsicTypes::of(&values, extrinsic)?;
		Ok(Self { values, events, extrinsic, pallets: errors })
	}

	/// The type registry.
	pub fn values(&self) -> &Values {
		&self.values
	}

	/// The name of the error of pallet `index` whose encoding is `error` (the four bytes of
	/// a `DispatchError::Module`), e.g. `Certificates.DuplicateDocument` or
	/// `Certificates.Denied.NotAccredited`; a description when the metadata cannot tell.
	pub fn module_error(&self, index: u8, error: &[u8]) -> String {
		let Some((pallet, ty)) = self.pallets.get(&index) else {
			return format!("pallet {index} error {}", tamga_rpc::hex::encode(error));
		};
		let named = ty.and_then(|ty| self.values.value(ty, &mut &error[..]).ok());
		match named {
			Some(value) => format!("{pallet}.{}", dotted(&value)),
			None => format!("{pallet} error {}", tamga_rpc::hex::encode(error)),
		}
	}
}

impl ExtrinsicTypes {
	/// Reads the type parameters of the runtime's `UncheckedExtrinsic`.
	fn of(values: &Values, extrinsic: u32) -> Result<Self, String> {
		let ty = values.resolve(extrinsic)?;
		let param = |name: &str| {
			ty.type_params
				.iter()
				.find(|p| p.name == name)
				.and_then(|p| p.ty.as_ref())
				.map(|t| t.id)
				.ok_or_else(|| format!("the extrinsic type names no {name} type"))
		};
		Ok(Self {
			address: param("Address")?,
			call: param("Call")?,
			signature: param("Signature")?,
			extra: param("Extra")?,
		})
	}
}

/// A variant rendered as text: `Name`, `Outer.Inner` for `{"Outer": "Inner"}`, or the JSON
/// of anything else.
fn dotted(value: &serde_json::Value) -> String {
	match value {
		serde_json::Value::String(name) => name.clone(),
		serde_json::Value::Object(map) if map.len() == 1 => {
			let (name, inner) = map.iter().next().expect("one entry");
			format!("{name}.{}", dotted(inner))
		},
		other => other.to_string(),
	}
}
