//! Random values of any type in the runtime's metadata, SCALE-encoded: well-formed
//! enough to get past decoding and reach the pallets' own checks.
//!
//! Values lean towards what makes calls meet each other: accounts of the chain's
//! administrations and parties, the consortium's country codes, days around today, grant
//! tables that decode, and earlier values of the same type reused (a document id
//! registered, then used).

use std::collections::HashMap;

use codec::{Compact, Encode};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};

use crate::rng::Rng;

/// How deep values nest before the generator picks the smallest choices.
const MAX_DEPTH: usize = 12;
/// How many earlier values of a type are kept for reuse.
const MEMORY_PER_TYPE: usize = 16;

/// Country codes of the consortium and of strangers, and a malformed one.
const COUNTRIES: [&[u8; 2]; 8] = [b"KZ", b"KG", b"AM", b"BY", b"RU", b"CN", b"UZ", b"k!"];
/// Byte strings that look like what calls carry: carnet numbers, names, units, offices.
const WORDS: [&[u8]; 10] = [
	b"KZ/2026/0001",
	b"KG/2026/0002",
	b"KZ/2026/0001 ",
	b"Chamber of Commerce",
	b"KGM",
	b"H87",
	b"KGAKJ",
	b"KZ-2026-0001",
	b"",
	b"\xff\xfe",
];

/// Generates random SCALE encodings of the types of one registry.
pub struct Generator<'a> {
	registry: &'a PortableRegistry,
	/// The random source; also used by callers between values.
	pub rng: Rng,
	accounts: Vec<[u8; 32]>,
	today: u32,
	memory: HashMap<u32, Vec<Vec<u8>>>,
}

impl<'a> Generator<'a> {
	/// A generator over `registry` that favours `accounts` for account ids and days near
	/// `today` (days since 1970-01-01).
	pub fn new(
		registry: &'a PortableRegistry,
		rng: Rng,
		accounts: Vec<[u8; 32]>,
		today: u32,
	) -> Self {
		Self { registry, rng, accounts, today, memory: HashMap::new() }
	}

	/// A random encoding of type `ty`.
	pub fn value(&mut self, ty: u32) -> Vec<u8> {
		let mut out = Vec::new();
		self.write(ty, &mut out, 0);
		out
	}

	/// A random encoding of the enum `ty` restricted to its variants named in `allowed`
	/// (e.g. the outer call enum's variants of Tamga's own pallets); returns the variant's
	/// name too.
	pub fn variant_of(&mut self, ty: u32, allowed: &[&str]) -> (String, Vec<u8>) {
		let TypeDef::Variant(def) = &self.resolve(ty).type_def else {
			panic!("type {ty} is not an enum");
		};
		let choices: Vec<_> =
			def.variants.iter().filter(|v| allowed.contains(&v.name.as_str())).collect();
		assert!(!choices.is_empty(), "none of {allowed:?} is a variant of type {ty}");
		let variant = *self.rng.pick(&choices);
		let mut out = vec![variant.index];
		for field in &variant.fields {
			self.write(field.ty.id, &mut out, 1);
		}
		(variant.name.clone(), out)
	}

	fn resolve(&self, ty: u32) -> &'a scale_info::Type<PortableForm> {
		self.registry.resolve(ty).unwrap_or_else(|| panic!("type {ty} is not in the registry"))
	}

	fn write(&mut self, ty: u32, out: &mut Vec<u8>, depth: usize) {
		let remembered = self.memory.get(&ty).filter(|m| !m.is_empty()).map(|m| m.len());
		if let Some(count) = remembered {
			if self.rng.chance(1, 4) {
				let index = self.rng.below(count);
				out.extend_from_slice(&self.memory[&ty][index]);
				return;
			}
		}
		let start = out.len();
		self.write_new(ty, out, depth);
		let written = out[start..].to_vec();
		if written.len() >= 2 {
			let memory = self.memory.entry(ty).or_default();
			if memory.len() < MEMORY_PER_TYPE {
				memory.push(written);
			} else {
				let index = self.rng.below(MEMORY_PER_TYPE);
				memory[index] = written;
			}
		}
	}

	fn write_new(&mut self, ty: u32, out: &mut Vec<u8>, depth: usize) {
		let registry_type = self.resolve(ty);
		let name = registry_type.path.segments.last().map(String::as_str);
		let is_account = name == Some("AccountId32");
		if name == Some("Grants") && self.rng.chance(7, 8) {
			self.grants(out);
			return;
		}
		match &registry_type.type_def {
			TypeDef::Composite(_) if is_account => {
				if self.rng.chance(7, 8) {
					let account = *self.rng.pick(&self.accounts);
					out.extend_from_slice(&account);
				} else {
					out.extend(self.rng.bytes(32));
				}
			},
			TypeDef::Composite(def) => {
				for field in &def.fields {
					self.write(field.ty.id, out, depth + 1);
				}
			},
			TypeDef::Tuple(def) => {
				for field in &def.fields {
					self.write(field.id, out, depth + 1);
				}
			},
			TypeDef::Variant(def) => {
				if def.variants.is_empty() {
					out.push(self.rng.next_u64() as u8);
					return;
				}
				let variant = if depth >= MAX_DEPTH {
					def.variants.iter().min_by_key(|v| v.fields.len()).expect("not empty")
				} else {
					self.rng.pick(&def.variants)
				};
				out.push(variant.index);
				for field in &variant.fields {
					self.write(field.ty.id, out, depth + 1);
				}
			},
			TypeDef::Sequence(def) => {
				let element = def.type_param.id;
				if self.is_u8(element) {
					let bytes = self.byte_string();
					Compact(bytes.len() as u32).encode_to(out);
					out.extend(bytes);
					return;
				}
				let len = if depth >= MAX_DEPTH { 0 } else { self.length() };
				Compact(len as u32).encode_to(out);
				for _ in 0..len {
					self.write(element, out, depth + 1);
				}
			},
			TypeDef::Array(def) => {
				let element = def.type_param.id;
				if self.is_u8(element) {
					if def.len == 2 && self.rng.chance(7, 8) {
						out.extend_from_slice(*self.rng.pick(&COUNTRIES));
					} else {
						out.extend(self.rng.bytes(def.len as usize));
					}
					return;
				}
				for _ in 0..def.len {
					self.write(element, out, depth + 1);
				}
			},
			TypeDef::Primitive(primitive) => self.primitive(primitive, out),
			TypeDef::Compact(def) => self.compact(def.type_param.id, out),
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
	}

	/// A table of grants (`tamga_primitives::Grants`, eight `u16` rows) that decodes: each
	/// of the seven kinds' rows uses its twelve low bits only, the eighth row is empty.
	/// Random rows almost never decode, so calls carrying grants would never be reached.
	fn grants(&mut self, out: &mut Vec<u8>) {
		for row in 0..8 {
			let bits =
				if row < 7 && self.rng.chance(1, 2) { self.number(16) as u16 & 0x0fff } else { 0 };
			out.extend(bits.to_le_bytes());
		}
	}

	fn is_u8(&self, ty: u32) -> bool {
		matches!(self.resolve(ty).type_def, TypeDef::Primitive(TypeDefPrimitive::U8))
	}

	/// A length for a sequence: mostly short, sometimes at or past common bounds.
	fn length(&mut self) -> usize {
		match self.rng.below(10) {
			0..=6 => self.rng.below(4),
			7 | 8 => self.rng.below(40),
			_ => self.rng.below(300),
		}
	}

	fn byte_string(&mut self) -> Vec<u8> {
		if self.rng.chance(1, 3) {
			return self.rng.pick(&WORDS).to_vec();
		}
		let len = self.length();
		if self.rng.chance(1, 2) {
			(0..len).map(|_| b'A' + self.rng.below(26) as u8).collect()
		} else {
			self.rng.bytes(len)
		}
	}

	/// An unsigned number of `bits` bits, often an edge or a day near today.
	fn number(&mut self, bits: u32) -> u128 {
		let max = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
		let today = self.today as u128;
		let value = match self.rng.below(10) {
			0 => 0,
			1 => 1,
			2 => max,
			3 => self.rng.below(10) as u128,
			4 | 5 => today + self.rng.below(800) as u128 - 400,
			6 => 1_000_000,
			_ => (self.rng.next_u64() as u128) << 64 | self.rng.next_u64() as u128,
		};
		value & max
	}

	fn primitive(&mut self, primitive: &TypeDefPrimitive, out: &mut Vec<u8>) {
		use TypeDefPrimitive::*;
		match primitive {
			Bool => out.push(self.rng.below(2) as u8),
			Char => out.extend((b'A' as u32 + self.rng.below(26) as u32).to_le_bytes()),
			Str => self.byte_string().encode_to(out),
			U8 | I8 => out.push(self.number(8) as u8),
			U16 | I16 => out.extend((self.number(16) as u16).to_le_bytes()),
			U32 | I32 => out.extend((self.number(32) as u32).to_le_bytes()),
			U64 | I64 => out.extend((self.number(64) as u64).to_le_bytes()),
			U128 | I128 => out.extend(self.number(128).to_le_bytes()),
			U256 | I256 => out.extend(self.rng.bytes(32)),
		}
	}

	/// A compact encoding of the unsigned primitive inside `ty` (through single-field
	/// wrappers).
	fn compact(&mut self, ty: u32, out: &mut Vec<u8>) {
		let bits = match &self.resolve(ty).type_def {
			TypeDef::Primitive(TypeDefPrimitive::U8) => 8,
			TypeDef::Primitive(TypeDefPrimitive::U16) => 16,
			TypeDef::Primitive(TypeDefPrimitive::U32) => 32,
			TypeDef::Primitive(TypeDefPrimitive::U64) => 64,
			TypeDef::Composite(def) if def.fields.len() == 1 => {
				return self.compact(def.fields[0].ty.id, out);
			},
			TypeDef::Composite(def) if def.fields.is_empty() => return,
			_ => 128,
		};
		Compact(self.number(bits)).encode_to(out);
	}
}
