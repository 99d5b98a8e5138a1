//! `tamga key`: account keys for members, issuers, officers and auditors (sr25519, the
//! scheme Tamga's transactions are signed with). Validator session keys and node keys are
//! `tamga-node key`'s job.

use serde_json::{json, Value};
use sp_core::{
	crypto::{Pair as _, Ss58Codec},
	sr25519,
};
use tamga_runtime::AccountId;

use crate::support::{print_json, Verdict};

/// Generate or inspect an account key.
#[derive(Debug, clap::Subcommand)]
pub enum KeyCmd {
	/// Generate a new account: prints its secret phrase (keep it offline; anyone holding it
	/// signs as you), its address and public key.
	Generate {
		/// Print JSON.
		#[arg(long)]
		json: bool,
	},
	/// Show the address and public key of a secret URI (phrase, hex seed, `//Name`), or of
	/// an SS58 address or `0x` public key (no secret needed).
	Inspect {
		/// A secret URI, an SS58 address or a 0x-prefixed 32-byte public key. Prefer
		/// `$TAMGA_SURI` for secrets.
		#[arg(env = "TAMGA_SURI", hide_env_values = true)]
		key: String,
		/// Print JSON.
		#[arg(long)]
		json: bool,
	},
}

/// What is shown of an account.
fn account_json(public: sr25519::Public, phrase: Option<&str>) -> Value {
	let account = AccountId::from(public);
	let mut answer = json!({
		"address": account.to_ss58check(),
		"publicKey": crate::rpc::to_hex(public.as_ref()),
		"scheme": "sr25519",
	});
	if let Some(phrase) = phrase {
		answer["secretPhrase"] = json!(phrase);
	}
	answer
}

/// The public key `key` names: a secret URI's, an SS58 address's or a hex public key.
fn public_of(key: &str) -> Result<sr25519::Public, String> {
	if let Ok(account) = AccountId::from_ss58check(key) {
		return Ok(sr25519::Public::from_raw(account.into()));
	}
	if let Some(hex) = key.strip_prefix("0x").filter(|h| h.len() == 64) {
		let bytes = crate::rpc::from_hex(&format!("0x{hex}"))?;
		let raw: [u8; 32] = bytes.try_into().map_err(|_| "a public key has 32 bytes")?;
		return Ok(sr25519::Public::from_raw(raw));
	}
	sr25519::Pair::from_string(key, None).map(|pair| pair.public()).map_err(|e| {
		format!(
			"`{}` is neither a secret URI, an SS58 address nor a 0x public key: {e:?}",
			if key.len() > 12 { "the key given" } else { key }
		)
	})
}

impl KeyCmd {
	/// Generates or inspects; prints the account.
	pub fn run(&self) -> Result<Verdict, String> {
		let (answer, json) = match self {
			Self::Generate { json } => {
				let (pair, phrase, _) = sr25519::Pair::generate_with_phrase(None);
				(account_json(pair.public(), Some(&phrase)), *json)
			},
			Self::Inspect { key, json } => (account_json(public_of(key)?, None), *json),
		};
		print(answer, json)
	}
}

fn print(answer: Value, json: bool) -> Result<Verdict, String> {
	if json {
		print_json(&answer);
	} else {
		if let Some(phrase) = answer["secretPhrase"].as_str() {
			println!("secret phrase: {phrase}");
			println!("               keep it offline: whoever holds it signs as this account");
		}
		println!("address:       {}", answer["address"].as_str().unwrap_or_default());
		println!("public key:    {}", answer["publicKey"].as_str().unwrap_or_default());
		println!("scheme:        sr25519");
	}
	Ok(Verdict::Done)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_secret_uri_an_address_and_a_public_key_name_the_same_account() {
		let from_uri = public_of("//Alice").unwrap();
		let address = AccountId::from(from_uri).to_ss58check();
		assert_eq!(public_of(&address).unwrap(), from_uri);
		let hex = crate::rpc::to_hex(from_uri.as_ref());
		assert_eq!(public_of(&hex).unwrap(), from_uri);
	}

	#[test]
	fn garbage_is_refused_without_echoing_a_long_secret() {
		let error = public_of("correct horse battery staple not a phrase").unwrap_err();
		assert!(error.starts_with("`the key given` is neither"), "{error}");
	}

	#[test]
	fn a_generated_phrase_derives_the_printed_account() {
		let (pair, phrase, _) = sr25519::Pair::generate_with_phrase(None);
		let answer = account_json(pair.public(), Some(&phrase));
		let again =
			sr25519::Pair::from_phrase(answer["secretPhrase"].as_str().unwrap(), None).unwrap().0;
		assert_eq!(AccountId::from(again.public()).to_ss58check(), answer["address"]);
	}
}
