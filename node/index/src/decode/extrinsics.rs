//! A block's extrinsics: who signed each and what it called.

use codec::{Compact, Decode};
use serde_json::Value;

use super::RuntimeTypes;

/// The bit of the version byte that marks a signed (version 4) extrinsic.
const SIGNED: u8 = 0b1000_0000;
/// The bits of the version byte that mark a general (version 5) extrinsic.
const GENERAL: u8 = 0b0100_0000;
/// The bits of the version byte that hold the format version.
const VERSION: u8 = 0b0011_1111;

/// One extrinsic of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedCall {
	/// Its index in the block.
	pub index: u32,
	/// The account that signed it, in SS58 (`None`: an inherent or other unsigned
	/// extrinsic).
	pub signer: Option<String>,
	/// The pallet called, e.g. `Certificates`.
	pub pallet: String,
	/// The call, e.g. `register`.
	pub call: String,
	/// Its arguments, by name.
	pub args: Value,
}

impl RuntimeTypes {
	/// The extrinsic at `index` of a block, encoded as the block holds it (with its length
	/// prefix).
	pub fn extrinsic(&self, index: u32, encoded: &[u8]) -> Result<DecodedCall, String> {
		let mut input = encoded;
		let Compact(len) = Compact::<u32>::decode(&mut input)
			.map_err(|e| format!("extrinsic {index} has no length: {e}"))?;
		if input.len() != len as usize {
			return Err(format!("extrinsic {index} says {len} bytes but holds {}", input.len()));
		}
		let version = *input.first().ok_or_else(|| format!("extrinsic {index} is empty"))?;
		input = &input[1..];
		let types = &self.extrinsic;
		let values = self.values();
		let signer = match (version & VERSION, version & !VERSION) {
			(4 | 5, 0) => None,
			(4, SIGNED) => {
				let address = values.value(types.address, &mut input)?;
				values.value(types.signature, &mut input)?;
				values.value(types.extra, &mut input)?;
				Some(account_of(address))
			},
			(5, GENERAL) => {
				let extension_version = u8::decode(&mut input).map_err(|e| e.to_string())?;
				if extension_version != 0 {
					return Err(format!(
						"extrinsic {index} uses extension version {extension_version}, not read"
					));
				}
				values.value(types.extra, &mut input)?;
				None
			},
			_ => return Err(format!("extrinsic {index} has unknown version byte {version:#04x}")),
		};
		let call = values.value(types.call, &mut input)?;
		if !input.is_empty() {
			return Err(format!("extrinsic {index}: {} bytes left after the call", input.len()));
		}
		let (pallet, call, args) = match call {
			Value::Object(mut outer) if outer.len() == 1 => {
				let (pallet, inner) = pop(&mut outer);
				match inner {
					Value::String(call) => (pallet, call, Value::Object(Default::default())),
					Value::Object(mut inner) if inner.len() == 1 => {
						let (call, args) = pop(&mut inner);
						(pallet, call, args)
					},
					other => return Err(format!("extrinsic {index}: a call reads as {other}")),
				}
			},
			other => return Err(format!("extrinsic {index}: a call reads as {other}")),
		};
		Ok(DecodedCall { index, signer, pallet, call, args })
	}
}

/// The one entry of `map`, taken out.
fn pop(map: &mut serde_json::Map<String, Value>) -> (String, Value) {
	let key = map.keys().next().cloned().unwrap_or_default();
	let value = map.remove(&key).unwrap_or(Value::Null);
	(key, value)
}

/// The account in a `MultiAddress` (`{"Id": "5…"}`) or a plain account, as text.
fn account_of(address: Value) -> String {
	match address {
		Value::String(account) => account,
		Value::Object(map) => match map.get("Id") {
			Some(Value::String(account)) => account.clone(),
			_ => Value::Object(map).to_string(),
		},
		other => other.to_string(),
	}
}

#[cfg(test)]
mod tests {
	use codec::Encode;
	use serde_json::json;
	use sp_core::{crypto::Ss58Codec, Pair};
	use tamga_runtime::{Runtime, RuntimeCall, UncheckedExtrinsic};

	use crate::decode::RuntimeTypes;

	fn types() -> RuntimeTypes {
		RuntimeTypes::from_metadata(&Runtime::metadata().encode()).unwrap()
	}

	#[test]
	fn a_signed_call_names_its_signer_pallet_and_arguments() {
		let pair = sp_core::sr25519::Pair::from_string("//Alice", None).unwrap();
		let call = RuntimeCall::Certificates(pallet_tamga_certificates::Call::withdraw {
			id: sp_core::H256::repeat_byte(7),
		});
		let extrinsic = tamga_runtime::client::sign(
			&pair,
			call,
			3,
			114,
			3,
			sp_core::H256::zero(),
			tamga_runtime::client::Lifetime::Immortal,
		);
		let decoded = types().extrinsic(1, &extrinsic.encode()).unwrap();
		assert_eq!(
			decoded.signer,
			Some(tamga_runtime::AccountId::from(pair.public()).to_ss58check())
		);
		assert_eq!((decoded.pallet.as_str(), decoded.call.as_str()), ("Certificates", "withdraw"));
		assert_eq!(decoded.args, json!({ "id": format!("{:?}", sp_core::H256::repeat_byte(7)) }));
	}

	#[test]
	fn an_inherent_has_no_signer_and_bad_bytes_are_refused() {
		let call = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 1_700_000_000_000 });
		let extrinsic = UncheckedExtrinsic::new_bare(call);
		let decoded = types().extrinsic(0, &extrinsic.encode()).unwrap();
		assert_eq!(decoded.signer, None);
		assert_eq!(decoded.args, json!({ "now": 1_700_000_000_000u64 }));
		let mut bad = extrinsic.encode();
		bad.push(0);
		assert!(types().extrinsic(0, &bad).is_err());
	}
}
