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
/// Only [`CountryCode::new`], `FromStr` and decoding make one, and each checks the code,
/// so a value always holds an assigned code: bytes that are not one fail to decode (a call
/// carrying them is refused as undecodable). Encoded as the two bytes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, MaxEncodedLen, TypeInfo)]
pub struct CountryCode([u8; 2]);

impl Decode for CountryCode {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let code = <[u8; 2]>::decode(input)?;
		Self::new(code).ok_or_else(|| "not an assigned ISO 3166-1 alpha-2 country code".into())
	}
}

impl DecodeWithMemTracking for CountryCode {}

#[cfg(feature = "std")]
impl serde::Serialize for CountryCode {
	/// As its two letters, e.g. `"KZ"`.
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.collect_str(self)
	}
}

#[cfg(feature = "std")]
impl<'de> serde::Deserialize<'de> for CountryCode {
	/// From its two letters, checked.
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = String::deserialize(deserializer)?;
		text.parse().map_err(|e| serde::de::Error::custom(format!("country {text:?} {e}")))
	}
}

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

	/// Every assigned code, in alphabetical order (benchmarks and tests that need many
	/// administrations take them from here).
	pub fn assigned() -> impl Iterator<Item = Self> {
		ASSIGNED.chunks_exact(2).map(|code| Self([code[0], code[1]]))
	}
}

impl core::fmt::Display for CountryCode {
	/// The two letters, e.g. `KZ`.
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "{}{}", self.0[0] as char, self.0[1] as char)
	}
}

/// Why a text is not a [`CountryCode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryCodeError {
	/// It is not two characters long.
	NotTwoLetters,
	/// It is two characters, but not an assigned ISO 3166-1 alpha-2 code in capitals.
	NotAssigned,
}

impl core::fmt::Display for CountryCodeError {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		f.write_str(match self {
			Self::NotTwoLetters => "is not two capital letters (ISO 3166-1 alpha-2, e.g. KZ)",
			Self::NotAssigned => {
				"is not an assigned ISO 3166-1 alpha-2 code (capital letters, e.g. UZ)"
			},
		})
	}
}

#[cfg(feature = "std")]
impl std::error::Error for CountryCodeError {}

impl core::str::FromStr for CountryCode {
	type Err = CountryCodeError;

	/// The code `text` names, e.g. `"KZ"`: the one parser of country codes that the CLI,
	/// the RPC and the tests share.
	fn from_str(text: &str) -> Result<Self, CountryCodeError> {
		let code: [u8; 2] =
			text.as_bytes().try_into().map_err(|_| CountryCodeError::NotTwoLetters)?;
		Self::new(code).ok_or(CountryCodeError::NotAssigned)
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
	fn every_assigned_code_is_listed_once_in_order() {
		let listed: Vec<CountryCode> = CountryCode::assigned().collect();
		let every: Vec<CountryCode> = (b'A'..=b'Z')
			.flat_map(|first| (b'A'..=b'Z').map(move |second| [first, second]))
			.filter_map(CountryCode::new)
			.collect();
		assert_eq!(listed, every);
		assert_eq!(listed.len(), 249);
	}

	#[test]
	fn codes_parse_from_text() {
		assert_eq!("KZ".parse::<CountryCode>().map(|c| *c.as_bytes()), Ok(*b"KZ"));
		assert_eq!("KZZ".parse::<CountryCode>(), Err(CountryCodeError::NotTwoLetters));
		assert_eq!("К".parse::<CountryCode>(), Err(CountryCodeError::NotAssigned));
		assert_eq!("kz".parse::<CountryCode>(), Err(CountryCodeError::NotAssigned));
	}

	#[test]
	fn unassigned_or_malformed_codes_are_rejected() {
		for code in [b"XX", b"ZZ", b"kz", b"K1", b"  ", b"EU", b"UK"] {
			assert!(CountryCode::new(*code).is_none(), "{code:?}");
		}
	}

	#[test]
	fn decoding_checks_the_code() {
		use codec::{Decode, Encode};
		let kz = CountryCode::new(*b"KZ").unwrap();
		assert_eq!(kz.encode(), b"KZ".to_vec());
		assert_eq!(CountryCode::decode(&mut &b"KZ"[..]), Ok(kz));
		assert!(CountryCode::decode(&mut &b"XX"[..]).is_err());
		assert!(CountryCode::decode(&mut &b"kz"[..]).is_err());
		assert!(CountryCode::decode(&mut &b"K"[..]).is_err());
	}

	#[cfg(feature = "std")]
	#[test]
	fn json_holds_the_letters() {
		let kz = CountryCode::new(*b"KZ").unwrap();
		assert_eq!(serde_json::to_string(&kz).unwrap(), "\"KZ\"");
		assert_eq!(serde_json::from_str::<CountryCode>("\"KZ\"").unwrap(), kz);
		assert!(serde_json::from_str::<CountryCode>("\"XX\"").is_err());
	}

	#[test]
	fn the_list_is_sorted_and_has_249_codes() {
		let codes: Vec<&[u8]> = ASSIGNED.chunks_exact(2).collect();
		assert_eq!(codes.len(), 249);
		assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
	}
}
