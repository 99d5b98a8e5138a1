//! The field groups of a UN/CEFACT SPS e-Cert, for `tamga exchange commit --xml`: which
//! elements of the message go into which group, each group written as a small XML
//! document of its own (`tamga:FieldGroup`) that a partner reads with the same tools as
//! the whole message. Elements are chosen by namespace family and name, never by prefix
//! or order. What goes where (`docs/xml-mapping.md`, "Field groups"):
//!
//! | group | elements |
//! |---|---|
//! | parties | the document's `IssuerSPSParty` and `SignatorySPSAuthentication`; the consignment's `…SPSParty` (consignor, consignee, carrier, delivery, despatch, …) |
//! | goods | the consignment's `IncludedSPSConsignmentItem` (its trade line items whole) |
//! | transport | the consignment's `…SPSCountry`, `…SPSLocation`, `…SPSTransportMovement`, `…SPSTransportEquipment` |
//! | attachments | `…SPSReferencedDocument` of the document or the consignment |
//! | controls | the document's `IncludedSPSNote` (declarations, treatments) and the consignment's `ExaminationSPSEvent` |
//!
//! `valuesAndProduction` has no element in an SPS e-Cert. The header's number, type,
//! status and issue date are the document's facts on chain, not a group; any other element
//! no rule names is reported as left out, so the issuer sees what no partner can receive.

use tamga_primitives::{FieldGroup, FIELD_GROUPS};

use super::tree::Element;

/// The namespace of the `tamga:FieldGroup` wrapper.
pub const GROUP_NAMESPACE: &str = "urn:tamga:exchange:field-group:1";

/// The elements of a message sorted into groups.
#[derive(Debug)]
pub struct Split<'a> {
	/// Each group's elements, in document order, by [`FieldGroup::index`].
	pub groups: [Vec<&'a Element>; FIELD_GROUPS],
	/// The paths of the elements no group takes.
	pub left_out: Vec<String>,
}

/// The group element `name` of the certificate's header belongs to; `Err(())` for the
/// header's own facts (on chain already), `Ok(None)` for an element no rule names.
fn header_group(name: &str) -> Result<Option<FieldGroup>, ()> {
	match name {
		"ID" | "Name" | "TypeCode" | "StatusCode" | "IssueDateTime" | "Description" => Err(()),
		"IssuerSPSParty" | "SignatorySPSAuthentication" => Ok(Some(FieldGroup::Parties)),
		"IncludedSPSNote" => Ok(Some(FieldGroup::Controls)),
		name if name.ends_with("SPSReferencedDocument") => Ok(Some(FieldGroup::Attachments)),
		_ => Ok(None),
	}
}

/// The group element `name` of the consignment belongs to.
fn consignment_group(name: &str) -> Option<FieldGroup> {
	let ends = |suffix: &str| name.ends_with(suffix);
	if ends("SPSParty") {
		Some(FieldGroup::Parties)
	} else if name == "IncludedSPSConsignmentItem" {
		Some(FieldGroup::Goods)
	} else if ends("SPSCountry")
		|| ends("SPSLocation")
		|| ends("SPSTransportMovement")
		|| ends("SPSTransportEquipment")
	{
		Some(FieldGroup::Transport)
	} else if ends("SPSReferencedDocument") {
		Some(FieldGroup::Attachments)
	} else if name == "ExaminationSPSEvent" {
		Some(FieldGroup::Controls)
	} else {
		None
	}
}

/// Sorts SPS e-Cert `root` into groups; `Err` if `root` is not an SPS e-Cert.
pub fn split(root: &Element) -> Result<Split<'_>, String> {
	if (root.family.as_str(), root.name.as_str()) != ("rsm", "SPSCertificate") {
		return Err(format!(
			"--xml sorts a UN/CEFACT SPS e-Cert (rsm:SPSCertificate) into groups, not {}: \
			 give each group's file with --group",
			root.path
		));
	}
	let mut split = Split { groups: Default::default(), left_out: Vec::new() };
	for part in &root.children {
		let placed = |element: &Element| match (part.family.as_str(), part.name.as_str()) {
			("rsm", "SPSExchangedDocument") => header_group(&element.name),
			("rsm", "SPSConsignment") => Ok(consignment_group(&element.name)),
			_ => Ok(None),
		};
		for element in &part.children {
			match placed(element) {
				Ok(Some(group)) => split.groups[group.index()].push(element),
				Ok(None) => split.left_out.push(element.path.clone()),
				Err(()) => {},
			}
		}
	}
	Ok(split)
}

/// Group `group` of a message following `standard` as its own XML document: a
/// `tamga:FieldGroup` holding `elements`, each with the namespaces its subtree uses
/// declared on it. The same elements always give the same bytes.
pub fn write_group(group: FieldGroup, standard: &str, elements: &[&Element]) -> Vec<u8> {
	let mut out = format!(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tamga:FieldGroup xmlns:tamga=\"{GROUP_NAMESPACE}\" \
		 name=\"{}\" standard=\"{}\">",
		group.as_str(),
		escape(standard)
	);
	for element in elements {
		let mut namespaces: Vec<(String, String)> = Vec::new();
		collect_namespaces(element, &mut namespaces);
		write_element(element, &namespaces, true, &mut out);
	}
	out.push_str("</tamga:FieldGroup>\n");
	out.into_bytes()
}

/// The (prefix, URI) of every namespace in `element`'s subtree, in first-use order.
fn collect_namespaces(element: &Element, into: &mut Vec<(String, String)>) {
	if !element.namespace.is_empty() && !into.iter().any(|(_, uri)| *uri == element.namespace) {
		let known = !element.family.contains(':') && !element.family.is_empty();
		let prefix = if known { element.family.clone() } else { format!("ns{}", into.len()) };
		into.push((prefix, element.namespace.clone()));
	}
	for child in &element.children {
		collect_namespaces(child, into);
	}
}

/// Writes `element` with the prefixes of `namespaces`, declaring them if `declare`.
fn write_element(
	element: &Element,
	namespaces: &[(String, String)],
	declare: bool,
	out: &mut String,
) {
	let prefix = namespaces.iter().find(|(_, uri)| *uri == element.namespace).map(|(p, _)| p);
	let tag = match prefix {
		Some(prefix) => format!("{prefix}:{}", element.name),
		None => element.name.clone(),
	};
	out.push('<');
	out.push_str(&tag);
	if declare {
		for (prefix, uri) in namespaces {
			out.push_str(&format!(" xmlns:{prefix}=\"{}\"", escape(uri)));
		}
	}
	for (name, value) in &element.attributes {
		out.push_str(&format!(" {name}=\"{}\"", escape(value)));
	}
	out.push('>');
	out.push_str(&escape(&element.text));
	for child in &element.children {
		write_element(child, namespaces, false, out);
	}
	out.push_str(&format!("</{tag}>"));
}

/// `text` with XML's five special characters escaped.
fn escape(text: &str) -> String {
	let mut out = String::with_capacity(text.len());
	for c in text.chars() {
		match c {
			'&' => out.push_str("&amp;"),
			'<' => out.push_str("&lt;"),
			'>' => out.push_str("&gt;"),
			'"' => out.push_str("&quot;"),
			'\'' => out.push_str("&apos;"),
			c => out.push(c),
		}
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::Named;

	const VETERINARY: &[u8] = include_bytes!("samples/sps-veterinary.xml");
	const PUBLISHED: &[u8] = include_bytes!("samples/published/ephyto-851-mattilsynet.xml");

	fn group_text(root: &Element, group: FieldGroup) -> String {
		let split = split(root).unwrap();
		String::from_utf8(write_group(
			group,
			"UN/CEFACT SPSCertificate:17",
			&split.groups[group.index()],
		))
		.unwrap()
	}

	#[test]
	fn a_veterinary_certificate_is_sorted_into_its_groups() {
		let root = Element::parse(VETERINARY).unwrap();
		let goods = group_text(&root, FieldGroup::Goods);
		assert!(goods.contains("Beef, chilled, boneless") && goods.contains("020130"), "{goods}");
		assert!(!goods.contains("Kostanay") && !goods.contains("CNKHG"), "{goods}");
		let parties = group_text(&root, FieldGroup::Parties);
		for name in
			["Kostanay Meat Processing LLP", "Urumqi Food Import Co.", "Committee of Veterinary"]
		{
			assert!(parties.contains(name), "{name} in {parties}");
		}
		assert!(!parties.contains("Beef"), "{parties}");
		let transport = group_text(&root, FieldGroup::Transport);
		assert!(
			transport.contains("CNKHG") && transport.contains("<ram:ID>KZ</ram:ID>"),
			"{transport}"
		);
		let split = split(&root).unwrap();
		assert!(split.groups[FieldGroup::ValuesAndProduction.index()].is_empty());
		assert!(split.groups[FieldGroup::Attachments.index()].is_empty());
		assert!(split.left_out.is_empty(), "{:?}", split.left_out);
	}

	#[test]
	fn a_group_reads_back_as_xml_with_the_message_namespaces() {
		let root = Element::parse(VETERINARY).unwrap();
		let goods = group_text(&root, FieldGroup::Goods);
		let group = Element::parse(goods.as_bytes()).expect("well-formed");
		assert_eq!(
			(group.namespace.as_str(), group.attribute("name")),
			(GROUP_NAMESPACE, Some("goods"))
		);
		let item = &group.children[0];
		assert_eq!(
			(item.family.as_str(), item.name.as_str()),
			("ram", "IncludedSPSConsignmentItem")
		);
		let code =
			item.find("ram:IncludedSPSTradeLineItem/ram:ApplicableSPSClassification/ram:ClassCode");
		assert_eq!(code.map(|c| c.text.as_str()), Some("020130"));
		let weight = item.find("ram:IncludedSPSTradeLineItem/ram:NetWeightMeasure").unwrap();
		assert_eq!(weight.attribute("unitCode"), Some("KGM"));
		// The same message gives the same bytes.
		assert_eq!(goods, group_text(&Element::parse(VETERINARY).unwrap(), FieldGroup::Goods));
	}

	#[test]
	fn a_published_phytosanitary_certificate_splits_whatever_its_prefixes() {
		let root = Element::parse(PUBLISHED).unwrap();
		let split = split(&root).unwrap();
		assert!(!split.groups[FieldGroup::Goods.index()].is_empty());
		assert!(!split.groups[FieldGroup::Parties.index()].is_empty());
		for group in FieldGroup::ALL {
			let text = group_text(&root, *group);
			Element::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{group}: {e}\n{text}"));
		}
	}

	#[test]
	fn only_an_sps_certificate_is_sorted_and_special_characters_stay_text() {
		let ubl = br#"<CertificateOfOrigin xmlns="urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-2"><ID>1</ID></CertificateOfOrigin>"#;
		let refused = split(&Element::parse(ubl).unwrap()).unwrap_err();
		assert!(refused.contains("--group"), "{refused}");
		let tricky = br#"<rsm:SPSCertificate xmlns:rsm="urn:un:unece:uncefact:data:standard:SPSCertificate:17"
			xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21">
			<rsm:SPSConsignment><ram:ConsignorSPSParty><ram:Name>A &amp; B &lt;"Ltd"&gt;</ram:Name></ram:ConsignorSPSParty>
			<ram:Unknown>x</ram:Unknown></rsm:SPSConsignment></rsm:SPSCertificate>"#;
		let root = Element::parse(tricky).unwrap();
		let parties = group_text(&root, FieldGroup::Parties);
		let back = Element::parse(parties.as_bytes()).unwrap();
		assert_eq!(back.find("ram:ConsignorSPSParty/ram:Name").unwrap().text, r#"A & B <"Ltd">"#);
		assert_eq!(
			split(&root).unwrap().left_out,
			["rsm:SPSCertificate/rsm:SPSConsignment/ram:Unknown"]
		);
	}
}
