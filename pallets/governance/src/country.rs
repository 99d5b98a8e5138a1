//! ISO 3166-1 alpha-2 country codes: the identity of an administration.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Every officially assigned ISO 3166-1 alpha-2 code, concatenated in alphabetical order.
const ASSIGNED: &[u8] = b"\
ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ\
CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFO\
FRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJE\
JMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMO\
MPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPW\
PYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTM\
TNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

/// A country, by its ISO 3166-1 alpha-2 code (two upper-case ASCII letters, assigned).
///
/// Only [`CountryCode::new`] makes one from outside input, so a stored code is always an
/// assigned one. Calls take a raw `[u8; 2]` and validate it.
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
pub struct CountryCode([u8; 2]);

impl core::fmt::Debug for CountryCode {
	/// The two letters, e.g. `KZ` (not their byte values).
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		core::fmt::Display::fmt(self, f)
	}
}

impl CountryCode {
	/// The code `code` if it is an assigned ISO 3166-1 alpha-2 code, e.g. `*b"KZ"`.
	pub fn new(code: [u8; 2]) -> Option<Self> {
		ASSIGNED.chunks_exact(2).any(|assigned| assigned == code).then_some(Self(code))
	}

	/// The two letters.
	pub fn as_bytes(&self) -> &[u8; 2] {
		&self.0
	}
}

impl core::fmt::Display for CountryCode {
	/// The two letters, e.g. `KZ`.
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "{}{}", self.0[0] as char, self.0[1] as char)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn assigned_codes_are_accepted() {
		for code in [b"KZ", b"KG", b"AM", b"BY", b"RU", b"CN", b"UZ", b"TJ", b"MN", b"AZ"] {
			assert!(CountryCode::new(*code).is_some(), "{code:?}");
		}
	}

	#[test]
	fn unassigned_or_malformed_codes_are_rejected() {
		for code in [b"XX", b"ZZ", b"kz", b"K1", b"  ", b"EU", b"UK"] {
			assert!(CountryCode::new(*code).is_none(), "{code:?}");
		}
	}

	#[test]
	fn the_list_is_sorted_and_has_249_codes() {
		let codes: Vec<&[u8]> = ASSIGNED.chunks_exact(2).collect();
		assert_eq!(codes.len(), 249);
		assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
	}
}
