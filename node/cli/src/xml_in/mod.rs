//! Standard messages in: the facts Tamga anchors, read from the XML an issuer's own
//! system already produces, so nothing is typed twice.
//!
//! - [`sps`]: the UN/CEFACT SPS e-Cert (`SPSCertificate`, as the IPPC ePhyto hub and
//!   veterinary e-certification systems exchange it).
//! - [`ubl_origin`]: the OASIS UBL `CertificateOfOrigin` (UN/CEFACT publishes no XML
//!   message for certificates of origin).
//! - [`tree`]: the namespace-aware element tree both read.
//! - [`groups`]: an SPS e-Cert sorted into the field groups partners receive.
//!
//! Every fact read keeps the path of the element it came from, so that an override on the
//! command line, or a fact missing or invalid, is reported by where it is (or should be)
//! in the message. The mapping to WCO Data Model IDs is in `docs/xml-mapping.md`.

pub mod groups;
pub mod sps;
pub mod tree;
pub mod ubl_origin;

use pallet_tamga_certificates::CertificateKind;
use tamga_primitives::{CountryCode, HsCode};

/// One fact read from a message: its value, or why the element holding it is invalid,
/// with the element's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read<T> {
	/// Where in the message it was read.
	pub path: String,
	/// The value, or why the element does not hold one.
	pub value: Result<T, String>,
}

impl<T> Read<T> {
	/// A value read at `path`.
	pub fn ok(path: &str, value: T) -> Self {
		Self { path: path.to_string(), value: Ok(value) }
	}

	/// An element at `path` that holds no valid value, for `reason`.
	pub fn invalid(path: &str, reason: impl Into<String>) -> Self {
		Self { path: path.to_string(), value: Err(reason.into()) }
	}
}

/// A fact the message does not carry: where it was looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing(pub String);

/// A fact of a message: read (valid or not), or missing from where it was looked for.
pub type Fact<T> = Result<Read<T>, Missing>;

/// The facts a certificate message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageFacts {
	/// Which standard the message follows, e.g. `UN/CEFACT SPSCertificate:17`.
	pub standard: String,
	/// The kind of document.
	pub kind: Fact<CertificateKind>,
	/// The certificate number.
	pub number: Fact<String>,
	/// The day it was issued, `YYYY-MM-DD`.
	pub issued: Fact<String>,
	/// The exporting country.
	pub exporting: Fact<CountryCode>,
	/// The importing country.
	pub importing: Fact<CountryCode>,
	/// The goods' HS subheadings (a national 8- or 10-digit code is read as its first six
	/// digits).
	pub hs_codes: Fact<Vec<HsCode>>,
	/// The net quantity and its unit (UN/ECE Recommendation 20), summed over the goods.
	pub quantity: Fact<(u128, String)>,
	/// The exporter's identifier (or, without one, its name).
	pub exporter: Fact<String>,
	/// The issuing authority's name, as the message gives it (informative: the issuer on
	/// chain is the signing account).
	pub issuer: Option<String>,
	/// What the reader had to interpret, for the user to check (e.g. codes shortened).
	pub notes: Vec<String>,
}

/// The facts of the certificate message `bytes`: an SPS e-Cert or a UBL certificate of
/// origin; anything else is refused, saying what it is.
pub fn read_message(bytes: &[u8]) -> Result<MessageFacts, String> {
	let root = tree::Element::parse(bytes)?;
	match (root.family.as_str(), root.name.as_str()) {
		("rsm", "SPSCertificate") => Ok(sps::read(&root)),
		("coo", "CertificateOfOrigin") => Ok(ubl_origin::read(&root)),
		_ => Err(format!(
			"the root element is {} ({}), not a UN/CEFACT SPSCertificate or a UBL \
			 CertificateOfOrigin",
			root.name,
			if root.family.contains(':') { root.family.as_str() } else { "no known namespace" }
		)),
	}
}

/// The first six digits of a national tariff code (`06029048` -> `060290`), as an HS
/// subheading, with a note if it was shortened.
pub fn hs_subheading(code: &str, notes: &mut Vec<String>) -> Result<HsCode, String> {
	let digits: String = code.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
	if digits.len() < 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
		return Err(format!("`{code}` is not a tariff code of at least 6 digits"));
	}
	if digits.len() > 6 {
		notes.push(format!("tariff code {code} read as HS subheading {}", &digits[..6]));
	}
	digits[..6].parse::<HsCode>().map_err(|e| format!("`{code}`: {e}"))
}

/// A whole, non-negative quantity from a decimal measure (`100`, `100.000`).
pub fn whole_quantity(text: &str) -> Result<u128, String> {
	let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
	if !fraction.chars().all(|c| c == '0') {
		return Err(format!("`{text}` is not a whole number of its unit"));
	}
	whole.parse().map_err(|_| format!("`{text}` is not a quantity"))
}

/// The day of an issue date-time: ISO 8601 (`2026-12-07T10:00:00+06:00`, `2026-12-07`)
/// or, with `format` 102, `YYYYMMDD`.
pub fn issue_day(text: &str, format: Option<&str>) -> Result<String, String> {
	let day = match format {
		Some("102") if text.len() == 8 => format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..]),
		_ => text.get(..10).unwrap_or(text).to_string(),
	};
	tamga_rpc::dates::parse_iso_date(&day)
		.map(|_| day)
		.map_err(|_| format!("`{text}` is not a date"))
}

/// An ISO 3166-1 alpha-2 country code read at `path`.
pub fn country(path: &str, text: &str) -> Read<CountryCode> {
	match text.trim().to_ascii_uppercase().parse::<CountryCode>() {
		Ok(code) => Read::ok(path, code),
		Err(e) => Read::invalid(path, format!("`{text}` {e}")),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn codes_quantities_and_dates_are_read_strictly() {
		let mut notes = Vec::new();
		assert_eq!(hs_subheading("0602.90", &mut notes).unwrap().to_string(), "060290");
		assert!(notes.is_empty());
		assert_eq!(hs_subheading("06029048", &mut notes).unwrap().to_string(), "060290");
		assert_eq!(notes.len(), 1);
		assert!(hs_subheading("0102", &mut notes).is_err());
		assert!(hs_subheading("06AB9048", &mut notes).is_err());
		assert_eq!(whole_quantity("100.000"), Ok(100));
		assert!(whole_quantity("10.5").is_err() && whole_quantity("-3").is_err());
		assert_eq!(issue_day("2026-12-07T10:24:49.000+02:00", None).unwrap(), "2026-12-07");
		assert_eq!(issue_day("20261207", Some("102")).unwrap(), "2026-12-07");
		assert!(issue_day("07.12.2026", None).is_err());
	}

	#[test]
	fn a_message_of_another_kind_is_named() {
		let other = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#;
		let error = read_message(other).unwrap_err();
		assert!(error.contains("Invoice") && error.contains("Invoice-2"), "{error}");
		assert!(read_message(b"%PDF-1.7 not xml").unwrap_err().contains("not well-formed"));
	}

	#[test]
	fn hostile_messages_are_refused_without_panic_or_unbounded_memory() {
		// Larger than any certificate: refused before parsing.
		let huge = vec![b' '; tree::MAX_BYTES + 1];
		assert!(read_message(&huge).unwrap_err().contains("larger than 16 MiB"));
		// Entity expansion ("billion laughs"): internal entities are never expanded.
		let laughs = format!(
			"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">{}]>\
			 <SPSCertificate xmlns=\"urn:un:unece:uncefact:data:standard:SPSCertificate:17\">\
			 &lol9;</SPSCertificate>",
			(1..10)
				.map(|n| format!("<!ENTITY lol{n} \"{}\">", format!("&lol{};", n - 1).repeat(10)))
				.collect::<String>()
		)
		.replace("lol0", "lol");
		assert!(read_message(laughs.as_bytes()).is_err());
		// An external entity is never fetched or read.
		let external = br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
			<SPSCertificate xmlns="urn:un:unece:uncefact:data:standard:SPSCertificate:17">&e;</SPSCertificate>"#;
		let read = format!("{:?}", read_message(external));
		assert!(!read.contains("root:"), "{read}");
		// The right element in another namespace is not the standard's.
		let wrong =
			br#"<SPSCertificate xmlns="urn:example:not-uncefact"><ID>1</ID></SPSCertificate>"#;
		let error = read_message(wrong).unwrap_err();
		assert!(error.contains("not a UN/CEFACT SPSCertificate"), "{error}");
		// Deep nesting and truncated documents are refused, not overflowed.
		let deep = "<a>".repeat(100_000);
		assert!(read_message(deep.as_bytes()).is_err());
		let sample = include_str!("samples/sps-veterinary.xml");
		assert!(read_message(&sample.as_bytes()[..sample.len() / 2]).is_err());
	}

	/// The published ePhyto test certificate of the Norwegian Food Safety Authority
	/// (`samples/published/`): read as it is, with what it lacks named by path.
	#[test]
	fn a_published_ephyto_certificate_is_read() {
		let facts =
			read_message(include_bytes!("samples/published/ephyto-851-mattilsynet.xml")).unwrap();
		assert_eq!(facts.standard, "UN/CEFACT SPSCertificate:17");
		assert_eq!(facts.kind.unwrap().value, Ok(CertificateKind::PHYTOSANITARY));
		assert_eq!(facts.number.unwrap().value.unwrap(), "123ABC");
		assert_eq!(facts.issued.unwrap().value.unwrap(), "2016-04-22");
		assert_eq!(facts.exporting.unwrap().value.unwrap().to_string(), "AR");
		assert_eq!(facts.importing.unwrap().value.unwrap().to_string(), "EC");
		// Line 0 is goods (numbered from 0): its national code 06029048 is the subheading
		// 060290; line 1's HS classification carries no code.
		let codes: Vec<String> =
			facts.hs_codes.unwrap().value.unwrap().iter().map(|c| c.to_string()).collect();
		assert_eq!(codes, ["060290"]);
		assert!(facts.notes.iter().any(|n| n.contains("06029048")), "{:?}", facts.notes);
		// Line 1 states no net weight: the quantity must be given, and where it is missing
		// is named.
		let Err(Missing(path)) = facts.quantity else { panic!("the quantity is incomplete") };
		assert!(path.ends_with("ram:IncludedSPSTradeLineItem/ram:NetWeightMeasure"), "{path}");
		// No consignor ID: its name stands for it.
		assert_eq!(facts.exporter.unwrap().value.unwrap(), "Juan Perez");
		assert_eq!(
			facts.issuer.as_deref(),
			Some("Servicio Nacional de Sanidad y Calida Agroalimentaria")
		);
	}
}
