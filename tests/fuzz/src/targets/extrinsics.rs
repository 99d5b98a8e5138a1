//! What anyone may send to a node's `author_submitExtrinsic`: signed extrinsics carrying
//! calls of Tamga's pallets, signed by a random actor with a right or wrong nonce, then
//! mutated half the time (a flipped bit breaks the signature; a cut length breaks the
//! framing). Each is validated as the transaction pool does and, if valid, applied as a
//! block author does.
//!
//! Rules: decoding, validation and application never panic; a decoded extrinsic has
//! exactly one encoding; an extrinsic whose signature no longer matches is never valid.
//! (Validation runs in a storage transaction that is rolled back, as the pool's runtime
//! calls are never committed.)

use codec::{Decode, Encode};
use frame_metadata::v15::RuntimeMetadataV15;
use frame_support::traits::GetCallMetadata;
use sp_core::Pair as _;
use sp_runtime::{transaction_validity::TransactionSource, MultiAddress, MultiSignature};
use tamga_runtime::{Executive, RuntimeCall, SignedPayload, System, UncheckedExtrinsic};

use super::{calls::hex, Outcome};
use crate::{chain, generate::Generator, metadata, mutate::mutate, panics};

/// One input: a generated, signed and possibly mutated extrinsic.
pub fn one(
	metadata: &RuntimeMetadataV15,
	generator: &mut Generator,
) -> (Vec<u8>, Result<Outcome, String>) {
	let (_, call_bytes) =
		generator.variant_of(metadata::call_type(metadata), &metadata::TAMGA_PALLETS);
	let call = RuntimeCall::decode(&mut &call_bytes[..]).unwrap_or_else(|_| {
		RuntimeCall::System(frame_system::Call::remark { remark: call_bytes.clone() })
	});
	let actors = chain::actors();
	let key = *generator.rng.pick(&actors);
	let account = chain::account(key);
	let mut nonce = System::account_nonce(&account);
	if generator.rng.chance(1, 5) {
		nonce = nonce.wrapping_add(generator.rng.below(3) as u32).wrapping_sub(1);
	}
	let extension = tamga_runtime::tx_extension(nonce, tamga_runtime::Lifetime::Immortal);
	let payload = SignedPayload::new(call.clone(), extension.clone())
		.expect("the extension's implicit data is in the chain state");
	let signature = payload.using_encoded(|bytes| key.pair().sign(bytes));
	let signed = UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(account),
		MultiSignature::Sr25519(signature),
		extension,
	);
	let genuine = signed.encode();
	let mut input = genuine.clone();
	if generator.rng.chance(1, 2) {
		mutate(&mut generator.rng, &mut input);
	}
	let outcome = panics::catch(|| check(&input, input == genuine))
		.unwrap_or_else(|panic| Err(format!("panicked: {panic}")));
	(input, outcome)
}

/// Decodes `input` as an extrinsic, validates it as the pool does and, if valid, applies
/// it; `genuine` says whether it is the unmutated signed extrinsic.
pub fn check(input: &[u8], genuine: bool) -> Result<Outcome, String> {
	let Ok(extrinsic) = UncheckedExtrinsic::decode(&mut &input[..]) else {
		return Ok(Outcome::Undecodable);
	};
	let encoded = extrinsic.encode();
	if !input.starts_with(&encoded) {
		return Err(format!(
			"decodes from 0x{} but encodes as 0x{}: two encodings of one extrinsic",
			hex(input),
			hex(&encoded)
		));
	}
	let metadata = extrinsic.function.get_call_metadata();
	let name = format!("{}.{}", metadata.pallet_name, metadata.function_name);
	let parent = System::parent_hash();
	sp_io::storage::start_transaction();
	let validity =
		Executive::validate_transaction(TransactionSource::External, extrinsic.clone(), parent);
	sp_io::storage::rollback_transaction();
	let Ok(_) = validity else {
		return Ok(Outcome::Refused(name));
	};
	if !genuine && !signature_matches(&extrinsic) {
		return Err(format!("{name} with a signature that does not match was valid"));
	}
	match Executive::apply_extrinsic(extrinsic) {
		Ok(Ok(())) => Ok(Outcome::Accepted(name)),
		_ => Ok(Outcome::Refused(name)),
	}
}

/// Whether `extrinsic`'s signature matches its call and extension, checked here with the
/// signature scheme itself rather than through the runtime.
fn signature_matches(extrinsic: &UncheckedExtrinsic) -> bool {
	use sp_runtime::{generic::Preamble, traits::Verify};
	let Preamble::Signed(address, signature, extension) = &extrinsic.preamble else {
		return true; // not signed: nothing to match
	};
	let MultiAddress::Id(who) = address else { return false };
	let Ok(payload) = SignedPayload::new(extrinsic.function.clone(), extension.clone()) else {
		return false;
	};
	payload.using_encoded(|bytes| signature.verify(bytes, who))
}
