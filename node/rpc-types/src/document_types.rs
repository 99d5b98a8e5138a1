//! `tamga_documentTypes`: the consortium's registry of document types, so tools and pages
//! name a document's type (`ct1`, `phyto`, or one the consortium added by vote) and know
//! what it requires.

use serde::{Deserialize, Serialize};

use crate::block::BlockRef;

/// One entry of the registry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTypeJson {
	/// Its id: what records, calls and events name it by.
	pub id: u8,
	/// Its name (`ct1`, `phyto`, `importLicence`).
	pub name: String,
	/// Its UN/CEFACT document name code (UNCL 1001), e.g. 861.
	pub un_code: u16,
	/// The accreditation its issuers hold (`origin`, `veterinary`, `phytosanitary`,
	/// `conformity`, `licensing`).
	pub accreditation: String,
	/// Who anchors it: `issuer`, or `approvedExporter` for a declaration.
	pub author: String,
	/// Whether its facts must list an HS code.
	pub hs_codes_required: bool,
	/// Whether its facts declare a quantity that bounds its uses.
	pub bounded_uses: bool,
	/// Whether it is one of the types built into the runtime (others were added by vote).
	pub built_in: bool,
}

/// The answer of `tamga_documentTypes`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentTypes {
	/// Every entry, by id.
	pub types: Vec<DocumentTypeJson>,
	/// The block the answer was read from.
	pub at: BlockRef,
}

impl DocumentTypes {
	/// The entry `text` names: its name ignoring case, `-` and `_`, or its id in decimal.
	pub fn find(&self, text: &str) -> Option<&DocumentTypeJson> {
		let spelt = |name: &str| {
			let plain = |s: &str| {
				s.chars().filter(|c| *c != '-' && *c != '_').collect::<String>().to_lowercase()
			};
			plain(name) == plain(text)
		};
		self.types
			.iter()
			.find(|t| spelt(&t.name))
			.or_else(|| text.parse::<u8>().ok().and_then(|id| self.by_id(id)))
	}

	/// The entry with id `id`.
	pub fn by_id(&self, id: u8) -> Option<&DocumentTypeJson> {
		self.types.iter().find(|t| t.id == id)
	}

	/// Every name, by id (for errors that list what is known).
	pub fn names(&self) -> Vec<&str> {
		self.types.iter().map(|t| t.name.as_str()).collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn registry() -> DocumentTypes {
		let entry = |id: u8, name: &str| DocumentTypeJson {
			id,
			name: name.into(),
			un_code: 861,
			accreditation: "origin".into(),
			author: "issuer".into(),
			hs_codes_required: true,
			bounded_uses: true,
			built_in: id < 8,
		};
		DocumentTypes {
			types: vec![entry(0, "ct1"), entry(7, "phytoReexport"), entry(8, "importLicence")],
			at: BlockRef { number: 1, hash: "0x00".into(), finalized: true },
		}
	}

	#[test]
	fn types_are_found_by_name_as_flags_spell_it_or_by_id() {
		let registry = registry();
		assert_eq!(registry.find("phyto-reexport").map(|t| t.id), Some(7));
		assert_eq!(registry.find("IMPORT_LICENCE").map(|t| t.id), Some(8));
		assert_eq!(registry.find("8").map(|t| t.name.as_str()), Some("importLicence"));
		assert_eq!(registry.find("eur1"), None);
		assert_eq!(registry.find("9"), None);
		let json = serde_json::to_value(&registry.types[2]).unwrap();
		assert_eq!(json["unCode"], 861);
		assert_eq!(json["hsCodesRequired"], true);
	}
}
