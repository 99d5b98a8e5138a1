//! Arguments of Tamga's runtime APIs, as the node hands them to the runtime for JSON-RPC
//! (`tamga_verifyDocument`, `tamga_carnet`, `tamga_aeoRecognition`, ...): generated from
//! each method's argument types, mutated half the time, and passed to the runtime's own
//! API dispatcher.
//!
//! Rules: bytes that do not decode as the arguments are refused with the runtime's "bad
//! input" error (a trap in Wasm, an RPC error for the caller) and nothing else; decoded
//! arguments always get an answer, never a panic; a query changes no storage.

use frame_metadata::v15::RuntimeMetadataV15;

use super::{state_root, Outcome};
use crate::{generate::Generator, metadata, mutate::mutate, panics};

/// How the runtime refuses arguments it cannot decode.
const BAD_INPUT: &str = "Bad input data provided to";

/// One input: a method of Tamga's APIs with generated, possibly mutated, arguments.
pub fn one(
	metadata: &RuntimeMetadataV15,
	generator: &mut Generator,
) -> (Vec<u8>, Result<Outcome, String>) {
	let methods = metadata::tamga_api_methods(metadata);
	let method = generator.rng.pick(&methods).clone();
	let mut input = Vec::new();
	for argument in &method.arguments {
		input.extend(generator.value(*argument));
	}
	if generator.rng.chance(1, 2) {
		mutate(&mut generator.rng, &mut input);
	}
	let outcome = check(&method.entry, &input);
	(input, outcome)
}

/// Calls API entry `entry` with argument bytes `input`, checking the rules above.
pub fn check(entry: &str, input: &[u8]) -> Result<Outcome, String> {
	let before = state_root();
	let answer = panics::catch(|| tamga_runtime::apis::api::dispatch(entry, input));
	if state_root() != before {
		return Err(format!("{entry} changed storage"));
	}
	match answer {
		Ok(Some(_)) => Ok(Outcome::Accepted(entry.to_string())),
		Ok(None) => Err(format!("the runtime has no API entry {entry}")),
		Err(panic) if panic.contains(BAD_INPUT) => Ok(Outcome::Undecodable),
		Err(panic) => Err(format!("{entry} panicked on decoded arguments: {panic}")),
	}
}
