//! The UN/CEFACT SPS e-Cert (`rsm:SPSCertificate`, namespace
//! `urn:un:unece:uncefact:data:standard:SPSCertificate:<version>`): veterinary
//! certificates (document type 853) and phytosanitary certificates (851, re-export 657),
//! as issuers' systems and the IPPC ePhyto hub exchange them. Elements are found by
//! namespace family and name, never by prefix or order (real messages differ in both).

use pallet_tamga_certificates::CertificateKind;

use super::{
	country, hs_subheading, issue_day, tree::Element, whole_quantity, Fact, MessageFacts, Missing,
	Read,
};

/// Where the certificate's header is.
const DOCUMENT: &str = "rsm:SPSExchangedDocument";
/// Where the consignment is.
const CONSIGNMENT: &str = "rsm:SPSConsignment";

/// A required text down `steps` from `at`: read with `parse`, or missing.
fn text<T>(at: &Element, steps: &str, parse: impl FnOnce(&str, &str) -> Read<T>) -> Fact<T> {
	match at.text_at(steps) {
		Some((text, path)) => Ok(parse(path, text)),
		None => Err(Missing(at.path_to(steps))),
	}
}

/// The kind a document type code names.
fn kind(path: &str, code: &str) -> Read<CertificateKind> {
	match code {
		"853" => Read::ok(path, CertificateKind::VETERINARY),
		"851" => Read::ok(path, CertificateKind::PHYTOSANITARY),
		"657" => Read::ok(path, CertificateKind::PHYTOSANITARY_REEXPORT),
		other => Read::invalid(
			path,
			format!(
				"{other} is not a document type Tamga anchors from an SPS e-Cert (853 \
				 veterinary, 851 phytosanitary, 657 re-export phytosanitary)"
			),
		),
	}
}

/// The facts of SPS e-Cert `root`.
pub fn read(root: &Element) -> MessageFacts {
	let mut notes = Vec::new();
	let header = root.find(DOCUMENT);
	let consignment = root.find(CONSIGNMENT);
	let missing = |steps: &str| Missing(root.path_to(steps));
	let in_header = |steps: &str, parse: &dyn Fn(&str, &str) -> Read<String>| match header {
		Some(h) => text(h, steps, parse),
		None => Err(missing(&format!("{DOCUMENT}/{steps}"))),
	};
	let number = in_header("ram:ID", &|path, text| Read::ok(path, text.to_string()));
	let kind = match header {
		Some(h) => text(h, "ram:TypeCode", kind),
		None => Err(missing(&format!("{DOCUMENT}/ram:TypeCode"))),
	};
	let issued = match header.and_then(|h| h.find("ram:IssueDateTime")) {
		Some(at) => match at.child("udt", "DateTimeString").or_else(|| at.child("udt", "DateTime"))
		{
			Some(e) if !e.text.is_empty() => Ok(match issue_day(&e.text, e.attribute("format")) {
				Ok(day) => Read::ok(&e.path, day),
				Err(reason) => Read::invalid(&e.path, reason),
			}),
			_ => Err(Missing(at.path_to("udt:DateTimeString"))),
		},
		None => Err(missing(&format!("{DOCUMENT}/ram:IssueDateTime/udt:DateTimeString"))),
	};
	let issuer =
		header.and_then(|h| h.text_at("ram:IssuerSPSParty/ram:Name")).map(|(t, _)| t.to_string());
	let Some(consignment) = consignment else {
		let gone = |what: &str| Missing(root.path_to(&format!("{CONSIGNMENT}/{what}")));
		return MessageFacts {
			standard: format!("UN/CEFACT SPSCertificate:{}", root.version),
			kind,
			number,
			issued,
			exporting: Err(gone("ram:ExportSPSCountry/ram:ID")),
			importing: Err(gone("ram:ImportSPSCountry/ram:ID")),
			hs_codes: Err(gone("ram:IncludedSPSConsignmentItem/ram:IncludedSPSTradeLineItem")),
			quantity: Err(gone("ram:IncludedSPSConsignmentItem/ram:IncludedSPSTradeLineItem")),
			exporter: Err(gone("ram:ConsignorSPSParty")),
			issuer,
			notes,
		};
	};
	// A country is the consignment's, or else (as EU TRACES leaves it empty) the party's.
	let country_of = |own: &str, party: &str| match consignment.text_at(own) {
		Some((text, path)) => Ok(country(path, text)),
		None => {
			match consignment.text_at(&format!("{party}/ram:SpecifiedSPSAddress/ram:CountryID")) {
				Some((text, path)) => Ok(country(path, text)),
				None => Err(Missing(consignment.path_to(own))),
			}
		},
	};
	let exporting = country_of("ram:ExportSPSCountry/ram:ID", "ram:ConsignorSPSParty");
	let importing = country_of("ram:ImportSPSCountry/ram:ID", "ram:ConsigneeSPSParty");
	let exporter = match consignment
		.text_at("ram:ConsignorSPSParty/ram:ID")
		.or_else(|| consignment.text_at("ram:ConsignorSPSParty/ram:Name"))
	{
		Some((text, path)) => Ok(Read::ok(path, text.to_string())),
		None => Err(Missing(consignment.path_to("ram:ConsignorSPSParty/ram:ID"))),
	};
	let (hs_codes, quantity) = goods(consignment, &mut notes);
	MessageFacts {
		standard: format!("UN/CEFACT SPSCertificate:{}", root.version),
		kind,
		number,
		issued,
		exporting,
		importing,
		hs_codes,
		quantity,
		exporter,
		issuer,
		notes,
	}
}

/// A line's net weight, if it states a whole one.
fn net_weight(line: &Element) -> Option<u128> {
	whole_quantity(&line.child("ram", "NetWeightMeasure")?.text).ok()
}

/// Whether `line` is a totals line some senders add: it classifies no goods and its net
/// weight is the sum of every other line's. Sequence numbers say nothing (real messages
/// number their goods from 0 as well as from 1).
fn is_totals(line: &Element, lines: &[&Element]) -> bool {
	if line.all("ram", "ApplicableSPSClassification").next().is_some() || lines.len() < 2 {
		return false;
	}
	let others: Option<u128> = lines
		.iter()
		.filter(|other| !core::ptr::eq(**other, line))
		.map(|other| net_weight(other))
		.sum();
	others.is_some() && net_weight(line) == others
}

/// The goods' HS subheadings and net quantity, over the consignment's trade line items
/// (a totals line is skipped: [`is_totals`]).
fn goods(
	consignment: &Element,
	notes: &mut Vec<String>,
) -> (Fact<Vec<super::HsCode>>, Fact<(u128, String)>) {
	let all: Vec<&Element> = consignment
		.all("ram", "IncludedSPSConsignmentItem")
		.flat_map(|item| item.all("ram", "IncludedSPSTradeLineItem"))
		.collect();
	let lines: Vec<&Element> = all.iter().copied().filter(|line| !is_totals(line, &all)).collect();
	let where_lines =
		consignment.path_to("ram:IncludedSPSConsignmentItem/ram:IncludedSPSTradeLineItem");
	if lines.is_empty() {
		return (Err(Missing(where_lines.clone())), Err(Missing(where_lines)));
	}
	let mut codes = Vec::new();
	let mut code_error = None;
	for line in &lines {
		for class in line.all("ram", "ApplicableSPSClassification") {
			let system = class
				.text_at("ram:SystemID")
				.or_else(|| class.text_at("ram:SystemName"))
				.map(|(s, _)| s.to_ascii_uppercase());
			let Some((code, path)) = class.text_at("ram:ClassCode") else { continue };
			if !matches!(system.as_deref(), Some("HS" | "CN")) {
				continue;
			}
			match hs_subheading(code, notes) {
				Ok(hs) if !codes.contains(&hs) => codes.push(hs),
				Ok(_) => {},
				Err(reason) => code_error = Some(Read::invalid(path, reason)),
			}
		}
	}
	let hs_codes = match (code_error, codes.is_empty()) {
		(Some(invalid), _) => Ok(invalid),
		(None, true) => Err(Missing(format!(
			"{where_lines}/ram:ApplicableSPSClassification/ram:ClassCode (system HS or CN)"
		))),
		(None, false) => Ok(Read::ok(&where_lines, codes)),
	};
	let mut total: u128 = 0;
	let mut unit: Option<String> = None;
	let mut quantity = None;
	for line in &lines {
		let Some(measure) = line.child("ram", "NetWeightMeasure") else {
			quantity = Some(Err(Missing(line.path_to("ram:NetWeightMeasure"))));
			break;
		};
		let Some(code) = measure.attribute("unitCode") else {
			quantity = Some(Ok(Read::invalid(&measure.path, "no unitCode attribute")));
			break;
		};
		if unit.as_deref().is_some_and(|u| u != code) {
			let reason = format!(
				"lines are in {} and {code}: give --quantity and --unit",
				unit.as_deref().unwrap_or_default()
			);
			quantity = Some(Ok(Read::invalid(&measure.path, reason)));
			break;
		}
		match whole_quantity(&measure.text) {
			Ok(n) => total = total.saturating_add(n),
			Err(reason) => {
				quantity = Some(Ok(Read::invalid(&measure.path, reason)));
				break;
			},
		}
		unit = Some(code.to_string());
	}
	let quantity = quantity.unwrap_or_else(|| {
		Ok(Read::ok(
			&format!("{where_lines}/ram:NetWeightMeasure"),
			(total, unit.unwrap_or_default()),
		))
	});
	(hs_codes, quantity)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::xml_in::read_message;

	/// A veterinary export certificate of our own, in the SPS e-Cert's shape: prefixes and
	/// element order as a real sender might write them.
	pub const VETERINARY: &str = include_str!("samples/sps-veterinary.xml");
	/// A phytosanitary certificate, as the IPPC hub carries it.
	pub const PHYTOSANITARY: &str = include_str!("samples/sps-phytosanitary.xml");

	#[test]
	fn a_veterinary_certificate_gives_every_fact() {
		let facts = read_message(VETERINARY.as_bytes()).unwrap();
		assert_eq!(facts.standard, "UN/CEFACT SPSCertificate:17");
		assert_eq!(facts.kind.unwrap().value, Ok(CertificateKind::VETERINARY));
		assert_eq!(facts.number.unwrap().value.unwrap(), "KZ-VET-2026-000731");
		assert_eq!(facts.issued.unwrap().value.unwrap(), "2026-12-07");
		let exporting = facts.exporting.unwrap();
		assert_eq!(exporting.value.unwrap().to_string(), "KZ");
		assert_eq!(
			exporting.path,
			"rsm:SPSCertificate/rsm:SPSConsignment/ram:ExportSPSCountry/ram:ID"
		);
		assert_eq!(facts.importing.unwrap().value.unwrap().to_string(), "CN");
		let codes: Vec<String> =
			facts.hs_codes.unwrap().value.unwrap().iter().map(|c| c.to_string()).collect();
		assert_eq!(codes, ["020130", "020629"]);
		assert_eq!(facts.quantity.unwrap().value.unwrap(), (24_000, "KGM".to_string()));
		assert_eq!(facts.exporter.unwrap().value.unwrap(), "990140000385");
		assert_eq!(
			facts.issuer.as_deref(),
			Some("Committee of Veterinary Control and Supervision")
		);
		assert_eq!(facts.notes.len(), 1, "{:?}", facts.notes);
	}

	#[test]
	fn phytosanitary_certificates_are_read_for_export_and_re_export() {
		let facts = read_message(PHYTOSANITARY.as_bytes()).unwrap();
		let kind = facts.kind.unwrap();
		assert_eq!(kind.value, Ok(CertificateKind::PHYTOSANITARY));
		assert_eq!(kind.path, "rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:TypeCode");
		let reexport = PHYTOSANITARY.replace(">851<", ">657<");
		let facts_reexport = read_message(reexport.as_bytes()).unwrap();
		assert_eq!(facts_reexport.kind.unwrap().value, Ok(CertificateKind::PHYTOSANITARY_REEXPORT));
		// Any other document type is named and refused.
		let other = PHYTOSANITARY.replace(">851<", ">999<");
		let refused = read_message(other.as_bytes()).unwrap().kind.unwrap().value.unwrap_err();
		assert!(refused.contains("999 is not a document type") && refused.contains("851"));
		// Its other facts read all the same (the totals line aside).
		assert_eq!(facts.exporting.unwrap().value.unwrap().to_string(), "UZ");
		assert_eq!(facts.quantity.unwrap().value.unwrap(), (18_500, "KGM".to_string()));
	}

	#[test]
	fn missing_and_invalid_elements_are_named_by_path() {
		let broken = VETERINARY
			.replace("<ram:ID>KZ-VET-2026-000731</ram:ID>", "")
			.replace(">CN<", ">XX<")
			.replace("12000.000", "12000.5");
		let facts = read_message(broken.as_bytes()).unwrap();
		assert_eq!(
			facts.number.unwrap_err(),
			Missing("rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:ID".into())
		);
		let importing = facts.importing.unwrap();
		assert!(
			importing.value.is_err() && importing.path.ends_with("ram:ImportSPSCountry/ram:ID")
		);
		let quantity = facts.quantity.unwrap();
		assert!(quantity.value.unwrap_err().contains("whole number"));
		assert!(quantity.path.ends_with("ram:NetWeightMeasure"), "{}", quantity.path);
	}
}
