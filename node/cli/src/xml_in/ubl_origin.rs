//! The OASIS UBL `CertificateOfOrigin` (namespace
//! `urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2`), the public XML
//! form of a certificate of origin (UN/CEFACT publishes its certificate of origin only as
//! a JSON model). Its kind comes from `cbc:CertificateType` (`CT-1`, `EUR.1`, `Form A`,
//! `non-preferential`), or from `--kind`.

use pallet_tamga_certificates::CertificateKind;

use super::{
	country, hs_subheading, issue_day, tree::Element, whole_quantity, Fact, MessageFacts, Missing,
	Read,
};

/// Where the application (shipment, issuer) is.
const APPLICATION: &str = "cac:CertificateOfOriginApplication";

/// The first non-empty text among `steps` below `at`: read with `parse`, or missing at
/// the first of them.
fn first<T>(at: &Element, steps: &[&str], parse: impl FnOnce(&str, &str) -> Read<T>) -> Fact<T> {
	match steps.iter().find_map(|s| at.text_at(s)) {
		Some((text, path)) => Ok(parse(path, text)),
		None => Err(Missing(at.path_to(steps[0]))),
	}
}

/// The kind `cbc:CertificateType` names.
fn kind(path: &str, text: &str) -> Read<CertificateKind> {
	let plain: String = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
	const ORIGIN_FORMS: [CertificateKind; 4] = [
		CertificateKind::EAEU_CT1,
		CertificateKind::EUR1,
		CertificateKind::FORM_A,
		CertificateKind::NON_PREFERENTIAL,
	];
	match CertificateKind::from_built_in_name(&plain) {
		Some(kind) if ORIGIN_FORMS.contains(&kind) => Read::ok(path, kind),
		_ => Read::invalid(
			path,
			format!(
				"`{text}` is not a certificate of origin Tamga knows (CT-1, EUR.1, Form A, \
				 non-preferential)"
			),
		),
	}
}

/// The facts of UBL certificate of origin `root`.
pub fn read(root: &Element) -> MessageFacts {
	let mut notes = Vec::new();
	let shipment = format!("{APPLICATION}/cac:Shipment");
	let country_at = |path: &str, text: &str| country(path, text);
	let number = first(root, &["cbc:ID"], |p, t| Read::ok(p, t.to_string()));
	let issued = first(root, &["cbc:IssueDate"], |p, t| match issue_day(t, None) {
		Ok(day) => Read::ok(p, day),
		Err(reason) => Read::invalid(p, reason),
	});
	let kind = first(root, &[&format!("{APPLICATION}/cbc:CertificateType")], kind);
	let exporting = first(
		root,
		&[
			&format!("{shipment}/cac:ExportCountry/cbc:IdentificationCode"),
			"cac:ExporterParty/cac:PostalAddress/cac:Country/cbc:IdentificationCode",
		],
		country_at,
	);
	let importing = first(
		root,
		&[
			"cac:ImporterParty/cac:PostalAddress/cac:Country/cbc:IdentificationCode",
			&format!(
				"{shipment}/cac:Delivery/cac:DeliveryAddress/cac:Country/cbc:IdentificationCode"
			),
		],
		country_at,
	);
	let exporter = first(
		root,
		&[
			"cac:ExporterParty/cac:PartyIdentification/cbc:ID",
			"cac:ExporterParty/cac:PartyName/cbc:Name",
		],
		|p, t| Read::ok(p, t.to_string()),
	);
	let issuer = root
		.text_at(&format!("{APPLICATION}/cac:IssuerParty/cac:PartyName/cbc:Name"))
		.map(|(t, _)| t.to_string());
	let goods = root.find(&shipment);
	let hs_codes = match goods {
		None => Err(Missing(root.path_to(&shipment))),
		Some(shipment) => {
			let mut codes = Vec::new();
			let mut invalid = None;
			for item in shipment.all("cac", "GoodsItem") {
				let at = "cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode";
				let Some(code) = item.find(at) else { continue };
				if code.attribute("listID").is_some_and(|l| !l.eq_ignore_ascii_case("HS")) {
					continue;
				}
				match hs_subheading(&code.text, &mut notes) {
					Ok(hs) if !codes.contains(&hs) => codes.push(hs),
					Ok(_) => {},
					Err(reason) => invalid = Some(Read::invalid(&code.path, reason)),
				}
			}
			match (invalid, codes.is_empty()) {
				(Some(invalid), _) => Ok(invalid),
				(None, true) => Err(Missing(shipment.path_to(
					"cac:GoodsItem/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode",
				))),
				(None, false) => Ok(Read::ok(&shipment.path_to("cac:GoodsItem"), codes)),
			}
		},
	};
	let quantity = match goods.and_then(|s| s.child("cbc", "NetWeightMeasure")) {
		None => Err(Missing(root.path_to(&format!("{shipment}/cbc:NetWeightMeasure")))),
		Some(measure) => Ok(match (measure.attribute("unitCode"), whole_quantity(&measure.text)) {
			(None, _) => Read::invalid(&measure.path, "no unitCode attribute"),
			(_, Err(reason)) => Read::invalid(&measure.path, reason),
			(Some(unit), Ok(n)) => Read::ok(&measure.path, (n, unit.to_string())),
		}),
	};
	MessageFacts {
		standard: format!("OASIS UBL CertificateOfOrigin-{}", root.version),
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

#[cfg(test)]
mod tests {
	use super::*;
	use crate::xml_in::read_message;

	/// A CT-1 of our own in UBL form: wheat from Kazakhstan to Kyrgyzstan.
	pub const CT1: &str = include_str!("samples/ubl-certificate-of-origin.xml");

	#[test]
	fn a_ubl_certificate_of_origin_gives_every_fact() {
		let facts = read_message(CT1.as_bytes()).unwrap();
		assert_eq!(facts.standard, "OASIS UBL CertificateOfOrigin-2");
		assert_eq!(facts.kind.unwrap().value, Ok(CertificateKind::EAEU_CT1));
		assert_eq!(facts.number.unwrap().value.unwrap(), "KZ-2026-0777");
		assert_eq!(facts.issued.unwrap().value.unwrap(), "2026-12-07");
		assert_eq!(facts.exporting.unwrap().value.unwrap().to_string(), "KZ");
		assert_eq!(facts.importing.unwrap().value.unwrap().to_string(), "KG");
		let codes: Vec<String> =
			facts.hs_codes.unwrap().value.unwrap().iter().map(|c| c.to_string()).collect();
		assert_eq!(codes, ["100199"]);
		assert_eq!(facts.quantity.unwrap().value.unwrap(), (1_000, "KGM".to_string()));
		assert_eq!(facts.exporter.unwrap().value.unwrap(), "990140000385");
	}

	#[test]
	fn an_unknown_certificate_type_is_named() {
		let other = CT1.replace(
			"<cbc:CertificateType>CT-1</cbc:CertificateType>",
			"<cbc:CertificateType>Form B</cbc:CertificateType>",
		);
		let kind = read_message(other.as_bytes()).unwrap().kind.unwrap();
		assert!(kind.value.unwrap_err().contains("Form B"));
		assert!(kind.path.ends_with("cac:CertificateOfOriginApplication/cbc:CertificateType"));
	}
}
