//! Calls of Tamga's pallets from SCALE bytes: decoded with the depth limit extrinsics use,
//! dispatched from a random actor (an administration, a party, an outsider, or no
//! signer at all).
//!
//! Rules (for calls of Tamga's pallets): decoding never panics; a decoded call has exactly one encoding (the bytes it
//! was read from); computing its weight never panics; dispatching never panics; a refused
//! call changes no storage at all.

use codec::{Decode, DecodeLimit, Encode};
use frame_metadata::v15::RuntimeMetadataV15;
use frame_support::{dispatch::GetDispatchInfo, traits::GetCallMetadata};
use sp_runtime::traits::Dispatchable;
use tamga_runtime::{RuntimeCall, RuntimeOrigin};

use super::{state_root, Outcome};
use crate::{chain, generate::Generator, metadata, mutate::mutate, panics};

/// The nesting limit extrinsics decode calls with.
pub const MAX_CALL_DEPTH: u32 = 256;

/// One input: a generated call, mutated half the time, from a random actor.
pub fn one(
	metadata: &RuntimeMetadataV15,
	generator: &mut Generator,
) -> (Vec<u8>, Result<Outcome, String>) {
	let (_, mut input) =
		generator.variant_of(metadata::call_type(metadata), &metadata::TAMGA_PALLETS);
	if generator.rng.chance(1, 2) {
		mutate(&mut generator.rng, &mut input);
	}
	let actors = chain::actors();
	let actor = generator.rng.below(actors.len() + 1);
	let origin = match actors.get(actor) {
		Some(key) => RuntimeOrigin::signed(chain::account(*key)),
		None => RuntimeOrigin::none(),
	};
	let outcome = panics::catch(|| check(&input, origin))
		.unwrap_or_else(|panic| Err(format!("panicked (actor #{actor}): {panic}")));
	(input, outcome)
}

/// Decodes `input` as a call and dispatches it from `origin`, checking the rules above.
pub fn check(input: &[u8], origin: RuntimeOrigin) -> Result<Outcome, String> {
	let mut rest = input;
	let Ok(call) = RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, &mut rest) else {
		return Ok(Outcome::Undecodable);
	};
	let read = &input[..input.len() - rest.len()];
	let encoded = call.encode();
	if encoded != read {
		return Err(format!(
			"{call:?} decodes from 0x{} but encodes as 0x{}: two encodings of one call",
			hex(read),
			hex(&encoded)
		));
	}
	if RuntimeCall::decode(&mut &encoded[..]).ok().as_ref() != Some(&call) {
		return Err(format!("{call:?} does not decode from its own encoding"));
	}
	let metadata = call.get_call_metadata();
	let name = format!("{}.{}", metadata.pallet_name, metadata.function_name);
	let _weight = call.get_dispatch_info();
	if !metadata::TAMGA_PALLETS.contains(&metadata.pallet_name) {
		// A mutation turned it into a call of one of FRAME's own pallets. Those are not
		// dispatched here: their inherents (`Timestamp.set`) assert by design and only a
		// block author can make them; the `extrinsics` target sends such calls through
		// the pool's checks instead.
		return Ok(Outcome::Refused(name));
	}
	let before = state_root();
	match call.dispatch(origin) {
		Ok(_) => Ok(Outcome::Accepted(name)),
		Err(error) => {
			if state_root() != before {
				return Err(format!("{name} was refused ({error:?}) but changed storage"));
			}
			Ok(Outcome::Refused(name))
		},
	}
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
