//! Document types as the tool names them: `--kind ct1` or `--kind importLicence`. The
//! built-in types are known offline (their entries are the runtime's code); a type the
//! consortium added by vote is looked up in the node's registry (`tamga_documentTypes`),
//! once per run and only when a name is not a built-in one.

use std::cell::OnceCell;

use pallet_tamga_certificates::CertificateKind;
use serde_json::Value;
use tamga_rpc_types::DocumentTypes;

use crate::rpc::Rpc;

/// A document type and what its facts must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownType {
	/// Its id.
	pub kind: CertificateKind,
	/// Its registered name.
	pub name: String,
	/// Whether its facts must list an HS code.
	pub hs_codes_required: bool,
	/// Whether its facts must declare a quantity that bounds its uses.
	pub bounded_uses: bool,
}

impl KnownType {
	/// The built-in type `kind`, if it is one.
	pub fn built_in(kind: CertificateKind) -> Option<Self> {
		let entry = kind.built_in()?;
		Some(Self {
			kind,
			name: String::from_utf8_lossy(&entry.name).into_owned(),
			hs_codes_required: entry.hs_codes_required,
			bounded_uses: entry.bounded_uses,
		})
	}
}

/// The registry, as far as this run needed it.
pub struct Registry<'a> {
	rpc: Option<&'a Rpc>,
	fetched: OnceCell<DocumentTypes>,
}

impl<'a> Registry<'a> {
	/// The built-in types only (the tests' registry: every command has a node).
	#[cfg(test)]
	pub fn offline() -> Self {
		Self { rpc: None, fetched: OnceCell::new() }
	}

	/// The built-in types, and the node's registry when a name is not one of them.
	pub fn of(rpc: &'a Rpc) -> Self {
		Self { rpc: Some(rpc), fetched: OnceCell::new() }
	}

	/// The type `text` names: a built-in type's name (ignoring case, `-` and `_`), or the
	/// name or id of one in the node's registry.
	pub fn resolve(&self, text: &str) -> Result<KnownType, String> {
		if let Some(known) = CertificateKind::from_built_in_name(text).and_then(KnownType::built_in)
		{
			return Ok(known);
		}
		let Some(rpc) = self.rpc else {
			return Err(format!(
				"`{text}` is not a built-in document type; one of: {}",
				built_in_names().join(", ")
			));
		};
		let registry = self.registry(rpc)?;
		let entry = registry.find(text).ok_or_else(|| {
			format!(
				"`{text}` is not a document type of this chain; one of: {}",
				registry.names().join(", ")
			)
		})?;
		Ok(KnownType {
			kind: CertificateKind(entry.id),
			name: entry.name.clone(),
			hs_codes_required: entry.hs_codes_required,
			bounded_uses: entry.bounded_uses,
		})
	}

	fn registry(&self, rpc: &Rpc) -> Result<&DocumentTypes, String> {
		if let Some(fetched) = self.fetched.get() {
			return Ok(fetched);
		}
		let answer: DocumentTypes = rpc
			.ask("tamga_documentTypes", Value::Array(Vec::new()))
			.map_err(|e| format!("cannot read the registry of document types: {e}"))?;
		Ok(self.fetched.get_or_init(|| answer))
	}
}

/// `tamga cert types`: prints the node's registry as a table (or its JSON answer).
pub fn print_types(rpc: &Rpc, json: bool) -> Result<crate::support::Verdict, String> {
	let registry = Registry::of(rpc);
	let answer = registry.registry(rpc)?;
	if json {
		crate::support::print_json(answer);
		return Ok(crate::support::Verdict::Done);
	}
	println!(
		"{:>3}  {:<20} {:>4}  {:<14} {:<16} {:<9} {:<8} origin",
		"id", "name", "code", "accreditation", "author", "HS codes", "uses"
	);
	for t in &answer.types {
		println!(
			"{:>3}  {:<20} {:>4}  {:<14} {:<16} {:<9} {:<8} {}",
			t.id,
			t.name,
			t.un_code,
			t.accreditation,
			t.author,
			if t.hs_codes_required { "required" } else { "optional" },
			if t.bounded_uses { "bounded" } else { "counted" },
			if t.built_in { "built in" } else { "added by vote" },
		);
	}
	println!("(as of block #{})", answer.at.number);
	Ok(crate::support::Verdict::Done)
}

/// A built-in type by its name, for flags read before any node is reached.
pub fn parse_built_in(text: &str) -> Result<CertificateKind, String> {
	CertificateKind::from_built_in_name(text).ok_or_else(|| {
		format!("`{text}` is not a built-in document type; one of: {}", built_in_names().join(", "))
	})
}

/// The built-in types' names, by id.
pub fn built_in_names() -> Vec<&'static str> {
	CertificateKind::built_ins().filter_map(CertificateKind::built_in_name).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn built_in_types_resolve_offline_and_others_are_refused_by_name() {
		let offline = Registry::offline();
		let phyto = offline.resolve("phyto").unwrap();
		assert_eq!((phyto.kind, phyto.bounded_uses), (CertificateKind::PHYTOSANITARY, true));
		assert_eq!(offline.resolve("NON-PREFERENTIAL").unwrap().kind, CertificateKind(3));
		let error = offline.resolve("importLicence").unwrap_err();
		assert!(error.contains("not a built-in document type") && error.contains("phytoReexport"));
	}
}
