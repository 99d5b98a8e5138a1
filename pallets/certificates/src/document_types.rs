//! The consortium's registry of document types: what each kind of certificate is, who
//! issues it, which facts it must carry and whether its uses are bounded.
//!
//! A record names its type by a one-byte id ([`CertificateKind`]). The first eight ids are
//! built in: their entries are fixed by this code ([`CertificateKind::built_in`]), stored
//! at genesis and, on chains older than the registry, by [`crate::migrations::v2`]. The
//! consortium adds more by a two-thirds vote (`add_document_type`): a conformity
//! certificate or an import licence becomes anchorable without a runtime upgrade. Entries
//! are never changed or removed, so what a record's id means never changes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use tamga_primitives::{DocumentKind, Role};

/// The longest name of a document type, in bytes.
pub const MAX_TYPE_NAME: u32 = 24;

/// A document type's name: what tools and pages call it (`ct1`, `phyto`).
pub type TypeName = BoundedVec<u8, ConstU32<MAX_TYPE_NAME>>;

/// What a document is: the id of its entry in the registry of document types
/// ([`crate::DocumentTypes`]). SCALE-encoded as one byte, as the closed list of kinds it
/// replaced was, so records and signed calls written before the registry keep their
/// meaning.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CertificateKind(pub u8);

/// A built-in type's definition as the code holds it.
struct BuiltIn {
	name: &'static str,
	un_code: u16,
	accreditation: DocumentKind,
	author: Role,
}

/// The built-in types, by id. UN/CEFACT document name codes (UNCL 1001): 861 certificate
/// of origin, 853 veterinary certificate, 851 phytosanitary certificate, 657
/// re-export phytosanitary certificate.
const BUILT_IN: [BuiltIn; 8] = [
	BuiltIn {
		name: "ct1",
		un_code: 861,
		accreditation: DocumentKind::Origin,
		author: Role::Issuer,
	},
	BuiltIn {
		name: "eur1",
		un_code: 861,
		accreditation: DocumentKind::Origin,
		author: Role::Issuer,
	},
	BuiltIn {
		name: "formA",
		un_code: 861,
		accreditation: DocumentKind::Origin,
		author: Role::Issuer,
	},
	BuiltIn {
		name: "nonPreferential",
		un_code: 861,
		accreditation: DocumentKind::Origin,
		author: Role::Issuer,
	},
	BuiltIn {
		name: "veterinary",
		un_code: 853,
		accreditation: DocumentKind::Veterinary,
		author: Role::Issuer,
	},
	BuiltIn {
		name: "declaration",
		un_code: 861,
		accreditation: DocumentKind::Origin,
		author: Role::ApprovedExporter,
	},
	BuiltIn {
		name: "phyto",
		un_code: 851,
		accreditation: DocumentKind::Phytosanitary,
		author: Role::Issuer,
	},
	BuiltIn {
		name: "phytoReexport",
		un_code: 657,
		accreditation: DocumentKind::Phytosanitary,
		author: Role::Issuer,
	},
];

impl CertificateKind {
	/// EAEU certificate of origin, form CT-1.
	pub const EAEU_CT1: Self = Self(0);
	/// Movement certificate EUR.1.
	pub const EUR1: Self = Self(1);
	/// GSP certificate of origin, Form A.
	pub const FORM_A: Self = Self(2);
	/// A non-preferential (generic) certificate of origin.
	pub const NON_PREFERENTIAL: Self = Self(3);
	/// A veterinary (SPS) certificate.
	pub const VETERINARY: Self = Self(4);
	/// An origin declaration made by an approved exporter itself (self-certification,
	/// e.g. a statement on origin under a REX-style scheme).
	pub const ORIGIN_DECLARATION: Self = Self(5);
	/// A phytosanitary certificate for export.
	pub const PHYTOSANITARY: Self = Self(6);
	/// A phytosanitary certificate for re-export.
	pub const PHYTOSANITARY_REEXPORT: Self = Self(7);
	/// How many ids are built in; the consortium's own types start here.
	pub const BUILT_IN_COUNT: u8 = BUILT_IN.len() as u8;

	/// Every built-in type, by id.
	pub fn built_ins() -> impl Iterator<Item = Self> {
		(0..Self::BUILT_IN_COUNT).map(Self)
	}

	/// The built-in type's entry, or `None` for a type the consortium added.
	pub fn built_in(self) -> Option<DocumentType> {
		let def = BUILT_IN.get(self.0 as usize)?;
		Some(DocumentType {
			name: TypeName::truncate_from(def.name.as_bytes().to_vec()),
			un_code: def.un_code,
			accreditation: def.accreditation,
			author: def.author,
			hs_codes_required: true,
			bounded_uses: true,
		})
	}

	/// The built-in type's name, or `None` for a type the consortium added.
	pub fn built_in_name(self) -> Option<&'static str> {
		BUILT_IN.get(self.0 as usize).map(|def| def.name)
	}

	/// The built-in type `text` names (ignoring case, `-` and `_`), if any.
	pub fn from_built_in_name(text: &str) -> Option<Self> {
		BUILT_IN
			.iter()
			.position(|def| tamga_primitives::names::same_name(def.name, text))
			.map(|i| Self(i as u8))
	}
}

/// Its name for a built-in type, `#id` for one the consortium added (tools that know the
/// registry print the registered name instead).
impl core::fmt::Display for CertificateKind {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self.built_in_name() {
			Some(name) => f.write_str(name),
			None => write!(f, "#{}", self.0),
		}
	}
}

/// An entry of the registry: what documents of one type are.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct DocumentType {
	/// What tools and pages call it: 1 to 24 ASCII letters, digits or `-`, starting with
	/// a letter, unique in the registry (ignoring case, `-` and `_`).
	pub name: TypeName,
	/// Its UN/CEFACT document name code (UNCL 1001, 1 to 999), e.g. 861 for a certificate
	/// of origin: how standard messages name it.
	pub un_code: u16,
	/// The accreditation its issuers hold; for a declaration, the kind whose rule
	/// contracts judge it.
	pub accreditation: DocumentKind,
	/// Who anchors it: an accredited [`Role::Issuer`], or the [`Role::ApprovedExporter`]
	/// itself (a declaration, never applied for).
	pub author: Role,
	/// Whether its facts must list at least one HS code.
	pub hs_codes_required: bool,
	/// Whether its facts must declare a quantity that bounds its uses. Otherwise the
	/// quantity is optional: zero means none was declared and uses are not bounded.
	pub bounded_uses: bool,
}

/// Why an entry cannot be added to the registry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InvalidType {
	/// The name is empty, too long, or holds other characters than ASCII letters, digits
	/// and `-`, or does not start with a letter.
	Name,
	/// The UN/CEFACT code is not 1 to 999.
	UnCode,
	/// The accreditation is not one that issues certificates (carnets and AEO statuses
	/// have pallets of their own).
	Accreditation,
	/// The author is neither an issuer nor an approved exporter.
	Author,
}

impl core::fmt::Display for InvalidType {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		f.write_str(match self {
			Self::Name => {
				"a type's name is 1 to 24 ASCII letters, digits or `-`, starting with a letter"
			},
			Self::UnCode => "a type's UN/CEFACT document name code is 1 to 999",
			Self::Accreditation => {
				"a type is issued under origin, veterinary, phytosanitary, conformity or \
				 licensing accreditation"
			},
			Self::Author => "a type is anchored by an issuer or an approved exporter",
		})
	}
}

impl DocumentType {
	/// Whether an approved exporter declares it itself rather than an issuer issuing it.
	pub fn is_declaration(&self) -> bool {
		self.author == Role::ApprovedExporter
	}

	/// The accreditation its author must hold: the type's for an issuer, none for an
	/// approved exporter (which holds no kinds).
	pub fn required_kind(&self) -> Option<DocumentKind> {
		(!self.is_declaration()).then_some(self.accreditation)
	}

	/// Checks the entry's own fields (uniqueness of the name is the registry's to check).
	pub fn check(&self) -> Result<(), InvalidType> {
		let name = &self.name;
		let well_formed = name.first().is_some_and(u8::is_ascii_alphabetic)
			&& name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
		if !well_formed {
			return Err(InvalidType::Name);
		}
		if !(1..=999).contains(&self.un_code) {
			return Err(InvalidType::UnCode);
		}
		if !self.accreditation.is_certificate() {
			return Err(InvalidType::Accreditation);
		}
		if !matches!(self.author, Role::Issuer | Role::ApprovedExporter) {
			return Err(InvalidType::Author);
		}
		Ok(())
	}

	/// Whether this entry's name and `other`'s are the same, ignoring case, `-` and `_`.
	pub fn same_name(&self, other: &[u8]) -> bool {
		match (core::str::from_utf8(&self.name), core::str::from_utf8(other)) {
			(Ok(a), Ok(b)) => tamga_primitives::names::same_name(a, b),
			_ => false,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn built_in_names_and_ids_map_both_ways() {
		for kind in CertificateKind::built_ins() {
			let name = kind.built_in_name().unwrap();
			assert_eq!(CertificateKind::from_built_in_name(name), Some(kind));
			let entry = kind.built_in().unwrap();
			assert_eq!(entry.check(), Ok(()), "{name}");
			assert_eq!(entry.name.as_slice(), name.as_bytes());
		}
		assert_eq!(CertificateKind::from_built_in_name("phyto-reexport"), Some(CertificateKind(7)));
		assert_eq!(CertificateKind(8).built_in(), None);
		assert_eq!(CertificateKind(9).to_string(), "#9");
	}

	#[test]
	fn ids_keep_the_encoding_of_the_former_closed_list() {
		// The former enum encoded its variants as one byte in this order.
		assert_eq!(CertificateKind::EAEU_CT1.encode(), vec![0]);
		assert_eq!(CertificateKind::VETERINARY.encode(), vec![4]);
		assert_eq!(CertificateKind::ORIGIN_DECLARATION.encode(), vec![5]);
	}

	#[test]
	fn only_declarations_are_made_by_approved_exporters() {
		let declaration = CertificateKind::ORIGIN_DECLARATION.built_in().unwrap();
		assert!(declaration.is_declaration());
		assert_eq!(declaration.required_kind(), None);
		let phyto = CertificateKind::PHYTOSANITARY.built_in().unwrap();
		assert_eq!(phyto.required_kind(), Some(DocumentKind::Phytosanitary));
	}

	#[test]
	fn malformed_entries_are_refused() {
		let good = CertificateKind::PHYTOSANITARY.built_in().unwrap();
		let with = |change: fn(&mut DocumentType)| {
			let mut entry = good.clone();
			change(&mut entry);
			entry.check()
		};
		assert_eq!(with(|e| e.name = TypeName::default()), Err(InvalidType::Name));
		assert_eq!(
			with(|e| e.name = TypeName::truncate_from(b"9lives".to_vec())),
			Err(InvalidType::Name)
		);
		assert_eq!(
			with(|e| e.name = TypeName::truncate_from(b"a b".to_vec())),
			Err(InvalidType::Name)
		);
		assert_eq!(with(|e| e.un_code = 0), Err(InvalidType::UnCode));
		assert_eq!(with(|e| e.un_code = 1000), Err(InvalidType::UnCode));
		assert_eq!(with(|e| e.accreditation = DocumentKind::Aeo), Err(InvalidType::Accreditation));
		assert_eq!(with(|e| e.author = Role::Officer), Err(InvalidType::Author));
		assert_eq!(with(|e| e.name = TypeName::truncate_from(b"import-licence".to_vec())), Ok(()));
	}
}
