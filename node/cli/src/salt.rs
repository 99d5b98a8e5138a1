//! Salts of the commitments that keep identifiers off chain (an exporter's TIN, a customs
//! declaration's reference, a carnet holder, an AEO operator).
//!
//! A commitment is blake2-256 of (salt, identifier). Identifiers are guessable: a
//! 12-digit BIN or TIN has about 10^12 values, which a laptop hashes through in hours, so
//! the salt is what keeps the identifier secret. The tool generates 128 random bits when
//! no salt is given, prints it once for the holder to keep, and refuses salts shorter
//! than 16 bytes.

/// The fewest bytes a salt may have.
pub const MIN_SALT_BYTES: usize = 16;

/// A new salt: 128 bits from the operating system's generator, as 32 hex characters.
pub fn generate() -> Result<String, String> {
	let mut bytes = [0u8; 16];
	getrandom::getrandom(&mut bytes).map_err(|e| format!("no randomness for a salt: {e}"))?;
	Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Checks salt `salt` given with flag `flag`: at least [`MIN_SALT_BYTES`] bytes.
pub fn check(flag: &str, salt: &str) -> Result<(), String> {
	if salt.len() < MIN_SALT_BYTES {
		return Err(format!(
			"{flag} is {} bytes; a salt needs at least {MIN_SALT_BYTES} (omit it and a random \
			 one is generated): a short salt lets anyone recover the identifier by trying \
			 every value",
			salt.len()
		));
	}
	Ok(())
}

/// The salt to commit `what` with: `given` (checked), or a new one, printed once with
/// who must keep it.
pub fn given_or_new(flag: &str, given: Option<&str>, what: &str) -> Result<String, String> {
	match given {
		Some(salt) => check(flag, salt).map(|()| salt.to_string()),
		None => {
			let salt = generate()?;
			println!("salt of {what}: {salt}");
			println!("  (generated; keep it: it is stored nowhere, and without it the commitment cannot be matched)");
			Ok(salt)
		},
	}
}

/// The salt `given` with flag `flag` for a commitment that already exists (it must be
/// the one used then), checked.
pub fn required(flag: &str, given: Option<&str>, what: &str) -> Result<String, String> {
	let salt = given.ok_or_else(|| format!("{flag} is needed: the salt {what} was made with"))?;
	check(flag, salt)?;
	Ok(salt.to_string())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn generated_salts_are_128_random_bits_in_hex() {
		let (a, b) = (generate().unwrap(), generate().unwrap());
		assert_eq!(a.len(), 32);
		assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
		assert_ne!(a, b);
		assert!(check("--salt", &a).is_ok());
	}

	#[test]
	fn short_salts_are_refused_with_the_reason() {
		for short in ["", "c0ffee", "123456789012345"] {
			let error = check("--salt", short).unwrap_err();
			assert!(error.contains("at least 16"), "{error}");
		}
		assert!(given_or_new("--salt", Some("c0ffee"), "x").is_err());
		assert!(required("--salt", None, "the application").unwrap_err().contains("needed"));
		assert_eq!(
			given_or_new("--salt", Some("0123456789abcdef"), "x"),
			Ok("0123456789abcdef".into())
		);
		assert_eq!(given_or_new("--salt", None, "x").unwrap().len(), 32);
	}
}
