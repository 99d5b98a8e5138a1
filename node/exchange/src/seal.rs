//! Sealing what one administration sends another to the receiver's exchange key.
//!
//! - A fresh X25519 key per envelope; the shared secret with the receiver's public key
//!   must be contributory (a key of low order, such as all zeros, is refused: it would
//!   make the secret predictable).
//! - The symmetric key: HKDF-SHA256 of the shared secret, salted with the envelope's
//!   public key and the receiver's, with the label [`LABEL`].
//! - ChaCha20-Poly1305 with a random nonce; the associated data is the SCALE encoding of
//!   the [`SealContext`] (document, sender, receiver), so an envelope opens only as what
//!   it was sealed for.

use chacha20poly1305::{
	aead::{Aead, KeyInit, Payload},
	ChaCha20Poly1305, Key, Nonce,
};
use codec::{Decode, Encode};
use hkdf::Hkdf;
use sha2::Sha256;
use tamga_primitives::CountryCode;
use x25519_dalek::{PublicKey, SharedSecret, StaticSecret};
use zeroize::Zeroizing;

use crate::secret::ExchangeSecret;

/// The HKDF label of this scheme and version.
pub const LABEL: &[u8] = b"tamga/exchange/seal/v1";

/// What an envelope is about, bound into its encryption: it opens only as the same
/// document from the same sender to the same receiver.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
pub struct SealContext {
	/// The document (blake2-256 of its bytes).
	pub document: [u8; 32],
	/// The sending administration.
	pub from: CountryCode,
	/// The receiving administration.
	pub to: CountryCode,
}

/// A sealed payload.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct Sealed {
	/// The envelope's own X25519 public key.
	pub ephemeral: [u8; 32],
	/// The ChaCha20-Poly1305 nonce.
	pub nonce: [u8; 12],
	/// The ciphertext with its 16-byte tag.
	pub ciphertext: Vec<u8>,
}

/// Why nothing could be sealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
	/// The receiver's key has low order: no secret can be agreed with it.
	WeakKey,
	/// The operating system gave no randomness.
	NoRandomness(String),
}

/// Why an envelope did not open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenError {
	/// Its key has low order.
	WeakKey,
	/// It was not sealed to this key, for this context, or a byte of it changed.
	Refused,
}

impl core::fmt::Display for SealError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::WeakKey => f.write_str("the receiver's exchange key is of low order (no key)"),
			Self::NoRandomness(reason) => write!(f, "no randomness to seal with: {reason}"),
		}
	}
}

impl core::fmt::Display for OpenError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::WeakKey => f.write_str("the envelope's key is of low order"),
			Self::Refused => f.write_str(
				"the envelope does not open: sealed to another key, for another document or \
				 pair of administrations, or altered",
			),
		}
	}
}

impl std::error::Error for SealError {}
impl std::error::Error for OpenError {}

/// The symmetric key of an envelope with public key `ephemeral` to `receiver`.
fn key(shared: &SharedSecret, ephemeral: &[u8; 32], receiver: &[u8; 32]) -> Zeroizing<[u8; 32]> {
	let mut salt = [0u8; 64];
	salt[..32].copy_from_slice(ephemeral);
	salt[32..].copy_from_slice(receiver);
	let mut key = Zeroizing::new([0u8; 32]);
	Hkdf::<Sha256>::new(Some(&salt), shared.as_bytes())
		.expand(LABEL, key.as_mut())
		.expect("32 bytes is a valid HKDF-SHA256 output length");
	key
}

fn random<const N: usize>() -> Result<[u8; N], SealError> {
	let mut bytes = [0u8; N];
	getrandom::getrandom(&mut bytes).map_err(|e| SealError::NoRandomness(e.to_string()))?;
	Ok(bytes)
}

/// Seals `plaintext` about `context` to `receiver`'s exchange key.
pub fn seal(
	receiver: &[u8; 32],
	context: &SealContext,
	plaintext: &[u8],
) -> Result<Sealed, SealError> {
	let ephemeral_secret = StaticSecret::from(*Zeroizing::new(random::<32>()?));
	let ephemeral = PublicKey::from(&ephemeral_secret).to_bytes();
	let shared = ephemeral_secret.diffie_hellman(&PublicKey::from(*receiver));
	if !shared.was_contributory() {
		return Err(SealError::WeakKey);
	}
	let key = key(&shared, &ephemeral, receiver);
	let nonce = random::<12>()?;
	let aad = context.encode();
	let ciphertext = ChaCha20Poly1305::new(Key::from_slice(key.as_ref()))
		.encrypt(Nonce::from_slice(&nonce), Payload { msg: plaintext, aad: &aad })
		.expect("encryption of an in-memory buffer does not fail");
	Ok(Sealed { ephemeral, nonce, ciphertext })
}

/// Opens `sealed`, sealed about `context` to `secret`'s public key.
pub fn open(
	secret: &ExchangeSecret,
	sealed: &Sealed,
	context: &SealContext,
) -> Result<Vec<u8>, OpenError> {
	let shared = secret.x25519().diffie_hellman(&PublicKey::from(sealed.ephemeral));
	if !shared.was_contributory() {
		return Err(OpenError::WeakKey);
	}
	let key = key(&shared, &sealed.ephemeral, &secret.public());
	let aad = context.encode();
	ChaCha20Poly1305::new(Key::from_slice(key.as_ref()))
		.decrypt(Nonce::from_slice(&sealed.nonce), Payload { msg: &sealed.ciphertext, aad: &aad })
		.map_err(|_| OpenError::Refused)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn context() -> SealContext {
		SealContext {
			document: [0xd0; 32],
			from: CountryCode::new(*b"KZ").unwrap(),
			to: CountryCode::new(*b"KG").unwrap(),
		}
	}

	#[test]
	fn only_the_receiver_opens_and_only_as_what_was_sealed() {
		let kg = ExchangeSecret::generate().unwrap();
		let am = ExchangeSecret::generate().unwrap();
		let message = b"<Goods><HS>020130</HS></Goods>";
		let sealed = seal(&kg.public(), &context(), message).unwrap();
		assert_eq!(open(&kg, &sealed, &context()).unwrap(), message);
		assert!(!sealed.ciphertext.windows(5).any(|w| w == b"Goods"), "encrypted");
		assert_eq!(open(&am, &sealed, &context()), Err(OpenError::Refused));
		let other_document = SealContext { document: [0xd1; 32], ..context() };
		assert_eq!(open(&kg, &sealed, &other_document), Err(OpenError::Refused));
		let other_sender = SealContext { from: CountryCode::new(*b"AM").unwrap(), ..context() };
		assert_eq!(open(&kg, &sealed, &other_sender), Err(OpenError::Refused));
		for position in [0, sealed.ciphertext.len() - 1] {
			let mut altered = sealed.clone();
			altered.ciphertext[position] ^= 1;
			assert_eq!(open(&kg, &altered, &context()), Err(OpenError::Refused));
		}
		let mut other_nonce = sealed.clone();
		other_nonce.nonce[0] ^= 1;
		assert_eq!(open(&kg, &other_nonce, &context()), Err(OpenError::Refused));
		let again = seal(&kg.public(), &context(), message).unwrap();
		assert_ne!((again.ephemeral, again.nonce), (sealed.ephemeral, sealed.nonce), "fresh");
		assert_eq!(Sealed::decode(&mut &sealed.encode()[..]).unwrap(), sealed);
	}

	#[test]
	fn keys_of_low_order_are_refused() {
		let context = context();
		assert_eq!(seal(&[0; 32], &context, b"x"), Err(SealError::WeakKey));
		let mut one = [0u8; 32];
		one[0] = 1;
		assert_eq!(seal(&one, &context, b"x"), Err(SealError::WeakKey));
		let kg = ExchangeSecret::generate().unwrap();
		let weak = Sealed { ephemeral: [0; 32], nonce: [0; 12], ciphertext: vec![0; 17] };
		assert_eq!(open(&kg, &weak, &context), Err(OpenError::WeakKey));
	}
}
