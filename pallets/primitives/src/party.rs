//! Who acts for a country (a party's role) and what it is accredited for (kinds of
//! documents).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What an accredited party may do.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Role {
	/// Issues documents of the kinds it is accredited for (chamber of commerce, veterinary
	/// service, ATA guaranteeing association, AEO programme office).
	Issuer,
	/// An exporter approved to self-certify origin (REX-style); may also file applications.
	ApprovedExporter,
	/// An exporter known to its administration: may file certificate applications.
	Exporter,
	/// A customs office: records uses of documents and carnet voucher movements.
	Officer,
	/// Reads and exports history; writes nothing.
	Auditor,
	/// An administration's exchange node: records the receipts of the deliveries its node
	/// receives from partners, and nothing else.
	ExchangeNode,
}

/// A kind of document an issuer can be accredited for.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum DocumentKind {
	/// Certificates of origin (EAEU CT-1, EUR.1, Form A, non-preferential).
	Origin,
	/// Veterinary (SPS) certificates.
	Veterinary,
	/// ATA carnets (the guaranteeing association).
	AtaGuarantee,
	/// AEO certification.
	Aeo,
	/// Phytosanitary certificates (a national plant-protection organisation).
	Phytosanitary,
	/// Conformity and quality certificates (a conformity-assessment body).
	Conformity,
	/// Import and export licences and permits (a licensing authority).
	Licensing,
}

crate::impl_named!(Role, "role", {
	Issuer => "issuer",
	ApprovedExporter => "approvedExporter",
	Exporter => "exporter",
	Officer => "officer",
	Auditor => "auditor",
	ExchangeNode => "exchangeNode",
});

crate::impl_named!(DocumentKind, "kind of document", {
	Origin => "origin",
	Veterinary => "veterinary",
	AtaGuarantee => "ataGuarantee",
	Aeo => "aeo",
	Phytosanitary => "phytosanitary",
	Conformity => "conformity",
	Licensing => "licensing",
});

impl DocumentKind {
	fn bit(self) -> u8 {
		match self {
			Self::Origin => 1,
			Self::Veterinary => 2,
			Self::AtaGuarantee => 4,
			Self::Aeo => 8,
			Self::Phytosanitary => 16,
			Self::Conformity => 32,
			Self::Licensing => 64,
		}
	}

	/// Whether documents of this kind are certificates anchored by the certificates pallet
	/// (origin, veterinary, phytosanitary, conformity, licences), as opposed to carnets and
	/// AEO statuses, which have pallets of their own.
	pub fn is_certificate(self) -> bool {
		!matches!(self, Self::AtaGuarantee | Self::Aeo)
	}
}

/// A set of document kinds.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct DocumentKinds(u8);

impl DocumentKinds {
	/// The set of `kinds`.
	pub fn of(kinds: &[DocumentKind]) -> Self {
		Self(kinds.iter().fold(0, |bits, kind| bits | kind.bit()))
	}

	/// Whether `kind` is in the set.
	pub fn contains(&self, kind: DocumentKind) -> bool {
		self.0 & kind.bit() != 0
	}

	/// Whether the set is empty (or holds only unknown bits).
	pub fn is_empty(&self) -> bool {
		self.0 & 0b0111_1111 == 0
	}
}
