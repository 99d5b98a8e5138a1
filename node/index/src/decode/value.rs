//! SCALE values read by their type in a runtime's metadata and rendered as JSON for
//! auditors' tools, so the index reads blocks of every runtime version, before and after
//! upgrades, without knowing their Rust types.
//!
//! Named fields become objects, a newtype its one field, a unit variant its name and a
//! variant with data `{"Name": data}`, `Option` `null` or its value, numbers above 64 bits
//! decimal strings (a JavaScript number cannot hold them), accounts SS58, 32-byte values
//! (hashes, document ids) `0x` hex, other bytes text when they are printable UTF-8 (names,
//! country codes) and hex otherwise.

use codec::{Compact, Decode};
use scale_info::{form::PortableForm, PortableRegistry, Type, TypeDef, TypeDefPrimitive};
use serde_json::{json, Map, Value};
use sp_core::crypto::Ss58Codec;

/// A runtime's type registry, able to read a value of any of its types.
pub struct Values {
	types: PortableRegistry,
}

impl Values {
	/// Reads values of the types in `types`.
	pub fn new(types: PortableRegistry) -> Self {
		Self { types }
	}

	/// The type `id`, if the registry holds it.
	pub fn get(&self, id: u32) -> Option<&Type<PortableForm>> {
		self.types.resolve(id)
	}

	pub(crate) fn resolve(&self, id: u32) -> Result<&Type<PortableForm>, String> {
		self.types.resolve(id).ok_or_else(|| format!("type {id} is not in the metadata"))
	}

	/// The value of type `id` read from `input` (which it advances).
	pub fn value(&self, id: u32, input: &mut &[u8]) -> Result<Value, String> {
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

fn short(e: codec::Error) -> String {
	format!("the bytes do not decode: {e}")
}

/// Bytes as an auditor reads them: 32 bytes (a hash, an id) as hex; other printable UTF-8
/// text as itself; anything else as hex.
pub fn bytes_value(bytes: &[u8]) -> String {
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
