//! An administration's exchange secret: the X25519 key whose public half the chain
//! publishes (`set_exchange_key`) and to which partners seal what they send.

use std::{io::Write, path::Path};

use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::Zeroizing;

/// An administration's exchange secret.
pub struct ExchangeSecret(StaticSecret);

/// Why a secret file could not be written or read.
#[derive(Debug)]
pub enum SecretFileError {
	/// The file exists already (a secret is never overwritten).
	Exists(String),
	/// Reading or writing failed.
	Io(String),
	/// The file does not hold 0x and 64 hex digits.
	Malformed(String),
	/// The operating system gave no randomness.
	NoRandomness(String),
}

impl core::fmt::Display for SecretFileError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::Exists(path) => {
				write!(f, "{path} exists already: an exchange secret is never overwritten")
			},
			Self::Io(reason) | Self::NoRandomness(reason) => f.write_str(reason),
			Self::Malformed(path) => {
				write!(f, "{path} does not hold an exchange secret (0x and 64 hex digits)")
			},
		}
	}
}

impl std::error::Error for SecretFileError {}

impl ExchangeSecret {
	/// A new secret from the operating system's randomness.
	pub fn generate() -> Result<Self, SecretFileError> {
		let mut bytes = Zeroizing::new([0u8; 32]);
		getrandom::getrandom(bytes.as_mut())
			.map_err(|e| SecretFileError::NoRandomness(format!("no randomness for a key: {e}")))?;
		Ok(Self(StaticSecret::from(*bytes)))
	}

	/// The secret whose bytes are `bytes`.
	pub fn from_bytes(bytes: [u8; 32]) -> Self {
		Self(StaticSecret::from(bytes))
	}

	/// Its public key, the one to publish on chain.
	pub fn public(&self) -> [u8; 32] {
		PublicKey::from(&self.0).to_bytes()
	}

	/// The X25519 secret.
	pub(crate) fn x25519(&self) -> &StaticSecret {
		&self.0
	}

	/// Writes the secret to a new file at `path` that only its owner may read, as `0x`
	/// and 64 hex digits; refuses an existing file.
	pub fn write_new(&self, path: &Path) -> Result<(), SecretFileError> {
		use std::os::unix::fs::OpenOptionsExt;
		let shown = path.display().to_string();
		let mut file = std::fs::OpenOptions::new()
			.write(true)
			.create_new(true)
			.mode(0o600)
			.open(path)
			.map_err(|e| match e.kind() {
				std::io::ErrorKind::AlreadyExists => SecretFileError::Exists(shown.clone()),
				_ => SecretFileError::Io(format!("cannot create {shown}: {e}")),
			})?;
		let text = Zeroizing::new(hex(self.0.as_bytes()));
		file.write_all(text.as_bytes())
			.and_then(|()| file.write_all(b"\n"))
			.map_err(|e| SecretFileError::Io(format!("cannot write {shown}: {e}")))
	}

	/// Reads the secret written by [`Self::write_new`].
	pub fn read(path: &Path) -> Result<Self, SecretFileError> {
		let shown = path.display().to_string();
		let text = Zeroizing::new(
			std::fs::read_to_string(path)
				.map_err(|e| SecretFileError::Io(format!("cannot read {shown}: {e}")))?,
		);
		let digits = text.trim().strip_prefix("0x").unwrap_or(text.trim());
		if digits.len() != 64 {
			return Err(SecretFileError::Malformed(shown));
		}
		let mut bytes = Zeroizing::new([0u8; 32]);
		for (byte, pair) in bytes.iter_mut().zip(digits.as_bytes().chunks_exact(2)) {
			let pair = core::str::from_utf8(pair)
				.map_err(|_| SecretFileError::Malformed(shown.clone()))?;
			*byte = u8::from_str_radix(pair, 16)
				.map_err(|_| SecretFileError::Malformed(shown.clone()))?;
		}
		Ok(Self(StaticSecret::from(*bytes)))
	}
}

fn hex(bytes: &[u8]) -> String {
	let mut text = String::with_capacity(2 + 2 * bytes.len());
	text.push_str("0x");
	for byte in bytes {
		text.push_str(&format!("{byte:02x}"));
	}
	text
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::os::unix::fs::PermissionsExt;

	#[test]
	fn a_secret_is_written_once_for_its_owner_and_reads_back() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("exchange.secret");
		let secret = ExchangeSecret::generate().unwrap();
		secret.write_new(&path).unwrap();
		let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
		assert_eq!(mode, 0o600);
		assert_eq!(ExchangeSecret::read(&path).unwrap().public(), secret.public());
		let again = ExchangeSecret::generate().unwrap().write_new(&path);
		assert!(matches!(again, Err(SecretFileError::Exists(_))));
		assert_eq!(ExchangeSecret::read(&path).unwrap().public(), secret.public(), "untouched");
		std::fs::write(dir.path().join("bad"), "0x1234").unwrap();
		let bad = ExchangeSecret::read(&dir.path().join("bad"));
		assert!(matches!(bad, Err(SecretFileError::Malformed(_))));
		assert_ne!(ExchangeSecret::generate().unwrap().public(), secret.public());
	}
}
