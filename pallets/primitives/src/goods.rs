//! What goods are, as customs classifies them: Harmonized System codes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A six-digit Harmonized System subheading, as its ASCII digits (e.g. `020130`, fresh
/// boneless bovine meat). Encoded as the six bytes.
///
/// Made from outside input by [`HsCode::new`] or `FromStr`, which check it; a decoded
/// value is checked by the pallet that receives it ([`HsCode::is_valid`]), so a bad code
/// in a call is refused with that pallet's typed error.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct HsCode(pub [u8; 6]);

impl HsCode {
	/// `digits` as an HS code, if [valid](Self::is_valid).
	pub fn new(digits: [u8; 6]) -> Option<Self> {
		let code = Self(digits);
		code.is_valid().then_some(code)
	}

	/// Whether it is six ASCII digits whose chapter (the first two) is 01 to 97.
	pub fn is_valid(&self) -> bool {
		self.0.iter().all(u8::is_ascii_digit) && (1..=97).contains(&self.chapter())
	}

	/// Its chapter, the first two digits (meaningful only if valid).
	pub fn chapter(&self) -> u8 {
		self.0[0].wrapping_sub(b'0').wrapping_mul(10).wrapping_add(self.0[1].wrapping_sub(b'0'))
	}

	/// Its digits as a number, e.g. `20130` for `020130` (meaningful only if valid).
	pub fn number(&self) -> u32 {
		self.0.iter().fold(0, |n, digit| n * 10 + u32::from(digit.wrapping_sub(b'0')))
	}

	/// The six digits.
	pub fn as_bytes(&self) -> &[u8; 6] {
		&self.0
	}
}

impl core::fmt::Display for HsCode {
	/// The six digits, e.g. `020130`.
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		self.0.iter().try_for_each(|b| write!(f, "{}", *b as char))
	}
}

impl core::fmt::Debug for HsCode {
	/// The six digits, e.g. `020130` (not their byte values).
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		core::fmt::Display::fmt(self, f)
	}
}

/// Why a text is not an [`HsCode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidHsCode;

impl core::fmt::Display for InvalidHsCode {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		f.write_str("is not an HS code (six digits, chapter 01 to 97, e.g. 020130)")
	}
}

#[cfg(feature = "std")]
impl std::error::Error for InvalidHsCode {}

impl core::str::FromStr for HsCode {
	type Err = InvalidHsCode;

	/// The code `text` spells, e.g. `"020130"`; dots are allowed as printed in tariffs
	/// (`0201.30`).
	fn from_str(text: &str) -> Result<Self, InvalidHsCode> {
		let mut digits = [0u8; 6];
		let mut count = 0;
		for byte in text.bytes().filter(|b| *b != b'.') {
			*digits.get_mut(count).ok_or(InvalidHsCode)? = byte;
			count += 1;
		}
		(count == 6).then_some(()).and_then(|_| Self::new(digits)).ok_or(InvalidHsCode)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn codes_are_six_digits_of_chapters_01_to_97() {
		assert!(HsCode::new(*b"020130").is_some());
		assert!(HsCode::new(*b"970190").is_some());
		for bad in [b"000101", b"980000", b"99x199", b"12345A", b"      "] {
			assert!(HsCode::new(*bad).is_none(), "{bad:?}");
		}
	}

	#[test]
	fn codes_read_and_print_as_digits() {
		let code: HsCode = "0201.30".parse().unwrap();
		assert_eq!(code, HsCode(*b"020130"));
		assert_eq!(code.to_string(), "020130");
		assert_eq!(format!("{code:?}"), "020130");
		assert_eq!(code.number(), 20_130);
		assert_eq!(code.chapter(), 2);
		for bad in ["02013", "0201300", "", "ab0130", "990000"] {
			assert_eq!(bad.parse::<HsCode>(), Err(InvalidHsCode), "{bad}");
		}
	}

	#[test]
	fn it_encodes_as_its_six_bytes() {
		assert_eq!(HsCode(*b"100199").encode(), b"100199".to_vec());
	}
}
