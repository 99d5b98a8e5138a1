//! A small, read-only, namespace-aware element tree read from an XML message with
//! `xml-rs`. Each element knows its path from the root, written with the conventional
//! prefix of its namespace family (`rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:ID`),
//! so a fact that is missing or invalid is named by where it should be, whatever prefixes
//! the sender chose. Namespaces are matched by family (the URI without its version), so
//! every schema version of a message reads alike.

use xml::reader::{ParserConfig, XmlEvent};

/// The largest message read.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting read.
const MAX_DEPTH: usize = 64;

/// Namespace families by URI prefix, and the prefix paths name them with.
const FAMILIES: &[(&str, &str)] = &[
	("urn:un:unece:uncefact:data:standard:SPSCertificate:", "rsm"),
	("urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:", "ram"),
	("urn:un:unece:uncefact:data:standard:UnqualifiedDataType:", "udt"),
	("urn:un:unece:uncefact:data:standard:QualifiedDataType:", "qdt"),
	("urn:un:unece:uncefact:data:Standard:QualifiedDataType:", "qdt"),
	("urn:oasis:names:specification:ubl:schema:xsd:CertificateOfOrigin-", "coo"),
	("urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-", "cac"),
	("urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-", "cbc"),
];

/// The family of namespace `uri` (e.g. `ram`) and its version (e.g. `21`), or the URI
/// itself for a namespace Tamga does not read.
fn family(uri: &str) -> (String, String) {
	FAMILIES
		.iter()
		.find_map(|(prefix, family)| {
			uri.strip_prefix(prefix).map(|version| (family.to_string(), version.to_string()))
		})
		.unwrap_or_else(|| (uri.to_string(), String::new()))
}

/// One element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
	/// Its namespace family (`rsm`, `ram`, `udt`, `coo`, `cac`, `cbc`), or its namespace
	/// URI if none of those.
	pub family: String,
	/// The version of its namespace (`17`, `21`, `2`), if of a known family.
	pub version: String,
	/// Its namespace URI as the message gave it (empty: none).
	pub namespace: String,
	/// Its local name.
	pub name: String,
	/// Its path from the root, e.g. `rsm:SPSCertificate/rsm:SPSConsignment`.
	pub path: String,
	/// Its attributes: (local name, value).
	pub attributes: Vec<(String, String)>,
	/// Its text, trimmed.
	pub text: String,
	/// Its child elements, in document order.
	pub children: Vec<Element>,
}

impl Element {
	/// The root element of the XML message `bytes`, or why it does not read.
	pub fn parse(bytes: &[u8]) -> Result<Element, String> {
		if bytes.len() > MAX_BYTES {
			return Err(format!("larger than {} MiB", MAX_BYTES / (1024 * 1024)));
		}
		let reader = ParserConfig::new()
			.trim_whitespace(true)
			.cdata_to_characters(true)
			.ignore_comments(true)
			.create_reader(bytes);
		let mut open: Vec<Element> = Vec::new();
		for event in reader {
			match event.map_err(|e| format!("not well-formed XML: {e}"))? {
				XmlEvent::StartElement { name, attributes, .. } => {
					if open.len() >= MAX_DEPTH {
						return Err(format!("nested deeper than {MAX_DEPTH} elements"));
					}
					let namespace = name.namespace.clone().unwrap_or_default();
					let (family, version) = family(&namespace);
					let step = format!("{family}:{}", name.local_name);
					let path = match open.last() {
						Some(parent) => format!("{}/{step}", parent.path),
						None => step,
					};
					open.push(Element {
						family,
						version,
						namespace,
						name: name.local_name,
						path,
						attributes: attributes
							.into_iter()
							.map(|a| (a.name.local_name, a.value))
							.collect(),
						text: String::new(),
						children: Vec::new(),
					});
				},
				XmlEvent::Characters(text) => {
					if let Some(element) = open.last_mut() {
						element.text.push_str(&text);
					}
				},
				XmlEvent::EndElement { .. } => {
					let mut element = open.pop().ok_or("an end tag without a start")?;
					element.text = element.text.trim().to_string();
					match open.last_mut() {
						Some(parent) => parent.children.push(element),
						None => return Ok(element),
					}
				},
				_ => {},
			}
		}
		Err("no root element".into())
	}

	/// Its children `family:name`.
	pub fn all<'a>(&'a self, family: &'a str, name: &'a str) -> impl Iterator<Item = &'a Element> {
		self.children.iter().filter(move |c| c.family == family && c.name == name)
	}

	/// Its first child `family:name`.
	pub fn child(&self, family: &str, name: &str) -> Option<&Element> {
		self.children.iter().find(|c| c.family == family && c.name == name)
	}

	/// The element down `steps` (each `family:name`, first child at each step).
	pub fn find(&self, steps: &str) -> Option<&Element> {
		steps.split('/').try_fold(self, |element, step| {
			let (family, name) = step.split_once(':')?;
			element.child(family, name)
		})
	}

	/// The path `steps` below this element would have (to name a missing element).
	pub fn path_to(&self, steps: &str) -> String {
		format!("{}/{steps}", self.path)
	}

	/// The value of attribute `name`.
	pub fn attribute(&self, name: &str) -> Option<&str> {
		self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
	}

	/// The non-empty text down `steps`, with its path.
	pub fn text_at(&self, steps: &str) -> Option<(&str, &str)> {
		self.find(steps).filter(|e| !e.text.is_empty()).map(|e| (e.text.as_str(), e.path.as_str()))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn elements_are_named_by_family_whatever_their_prefix() {
		let xml = br#"<?xml version="1.0"?>
			<a:SPSCertificate xmlns:a="urn:un:unece:uncefact:data:standard:SPSCertificate:17"
				xmlns:b="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21">
				<a:SPSExchangedDocument><b:ID> KZ-1 </b:ID><b:TypeCode listID="1001">853</b:TypeCode></a:SPSExchangedDocument>
			</a:SPSCertificate>"#;
		let root = Element::parse(xml).unwrap();
		assert_eq!((root.family.as_str(), root.version.as_str()), ("rsm", "17"));
		let id = root.find("rsm:SPSExchangedDocument/ram:ID").unwrap();
		assert_eq!(id.text, "KZ-1");
		assert_eq!(id.path, "rsm:SPSCertificate/rsm:SPSExchangedDocument/ram:ID");
		let code = root.find("rsm:SPSExchangedDocument/ram:TypeCode").unwrap();
		assert_eq!(code.attribute("listID"), Some("1001"));
		assert!(root.find("rsm:SPSConsignment/ram:ID").is_none());
	}

	#[test]
	fn what_is_not_xml_is_refused() {
		assert!(Element::parse(b"%PDF-1.7").unwrap_err().contains("not well-formed"));
		assert!(Element::parse(b"<a><b></a>").is_err());
		let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
		assert!(Element::parse(deep.as_bytes()).unwrap_err().contains("deeper"));
	}
}
