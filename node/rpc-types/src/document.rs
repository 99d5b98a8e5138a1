//! The answers of `tamga_verifyDocument` and `tamga_findDocument`: whether a border
//! officer may accept a document, and the facts the chain holds about it.

use serde::{Deserialize, Serialize};

use crate::{block::BlockRef, checks::Checks};

/// The verdict on a document (or batch member), one word a client can branch on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub enum DocumentStatus {
	/// Genuine, in force and not used up: it may be accepted.
	Valid,
	/// The administration that accredited its issuer left the consortium.
	AdministrationLeft,
	/// The consortium voided every document of its issuer.
	VoidedByConsortium,
	/// Replaced by another document.
	Replaced,
	/// Revoked by its issuer.
	Revoked,
	/// Anchored after its issuer's signing key was cut off.
	IssuerKeyCutOff,
	/// Its validity has not begun.
	NotYetValid,
	/// Its validity has ended.
	Expired,
	/// Its declared quantity is used up.
	UsedUp,
	/// Nothing is anchored under this id: the document is not genuine, or it was
	/// anchored in a batch (verify it with its batch proof).
	NotAnchored,
}

impl DocumentStatus {
	/// Every status, in declaration order.
	pub const ALL: &'static [DocumentStatus] = &[
		Self::Valid,
		Self::AdministrationLeft,
		Self::VoidedByConsortium,
		Self::Replaced,
		Self::Revoked,
		Self::IssuerKeyCutOff,
		Self::NotYetValid,
		Self::Expired,
		Self::UsedUp,
		Self::NotAnchored,
	];

	/// The status as it travels in JSON, e.g. `notAnchored`.
	pub fn as_str(self) -> &'static str {
		match self {
			Self::Valid => "valid",
			Self::AdministrationLeft => "administrationLeft",
			Self::VoidedByConsortium => "voidedByConsortium",
			Self::Replaced => "replaced",
			Self::Revoked => "revoked",
			Self::IssuerKeyCutOff => "issuerKeyCutOff",
			Self::NotYetValid => "notYetValid",
			Self::Expired => "expired",
			Self::UsedUp => "usedUp",
			Self::NotAnchored => "notAnchored",
		}
	}
}

impl core::fmt::Display for DocumentStatus {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.as_str())
	}
}

/// Who issued a document or batch.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Issuer {
	/// Its account (SS58).
	pub account: String,
	/// The name it was accredited under.
	pub name: String,
	/// Its country (ISO 3166-1 alpha-2).
	pub country: String,
	/// The name of the administration that accredited it.
	pub administration: String,
	/// Whether it was accredited when it anchored the document (anchoring requires it)
	/// and its accreditation is neither suspended nor revoked now.
	pub accredited_at_issue: bool,
}

/// The answer of `tamga_verifyDocument`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentVerdict {
	/// The document's id.
	pub id: String,
	/// Whether the document may be accepted: genuine, in force, not used up.
	pub valid: bool,
	/// The verdict in one word.
	pub status: DocumentStatus,
	/// The verdict in one sentence, for people.
	pub verdict: String,
	/// The three checks behind the verdict: integrity, status, identity.
	pub checks: Checks,
	/// What the chain holds about the document; absent when it is
	/// [`DocumentStatus::NotAnchored`]. Its fields sit beside the others in JSON.
	#[serde(flatten)]
	pub document: Option<AnchoredDocument>,
	/// The block the answer was read from.
	pub at: BlockRef,
}

/// The answer of `tamga_findDocument`: the documents anchored under a paper's country and
/// number, each with its verdict (integrity `numberOnly`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentMatches {
	/// The issuing country asked about.
	pub country: String,
	/// The certificate number asked about.
	pub number: String,
	/// The documents found (one per issuer; none if nothing carries the number).
	pub matches: Vec<DocumentVerdict>,
	/// Whether more documents carry the number than are listed (name the issuer).
	pub more: bool,
	/// The block the answer was read from.
	pub at: BlockRef,
}

/// What the chain holds about an anchored document.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AnchoredDocument {
	/// The kind of document by its canonical name: `ct1`, `eur1`, `formA`,
	/// `nonPreferential`, `veterinary` or `declaration`.
	pub kind: String,
	/// The certificate number.
	pub number: String,
	/// Who issued it (for an origin declaration: the approved exporter).
	pub issuer: Issuer,
	/// Whether an issuer endorsed it on an exporter's application.
	pub on_application: bool,
	/// The exporting country.
	pub exporting: String,
	/// The importing country.
	pub importing: String,
	/// The goods' HS subheadings.
	pub hs_codes: Vec<String>,
	/// First day of validity (ISO 8601 date, UTC).
	pub valid_from: String,
	/// Last day of validity, inclusive.
	pub valid_until: String,
	/// The replacement, if it was replaced.
	pub replaced_by: Option<String>,
	/// The document it replaced, if any.
	pub replaces: Option<String>,
	/// Why it was revoked, if it was.
	pub revocation_reason: Option<String>,
	/// For `administrationLeft` and `voidedByConsortium`: the block in which the
	/// administration left, or the consortium's vote passed.
	pub void_at: Option<u64>,
	/// The declared quantity (a decimal string).
	#[serde(with = "crate::quantity")]
	pub declared_quantity: u128,
	/// The quantity not used yet (a decimal string).
	#[serde(with = "crate::quantity")]
	pub remaining_quantity: u128,
	/// The unit of the quantities (UN/ECE Recommendation 20).
	pub unit: String,
	/// The block in which it was anchored.
	pub registered_at: u64,
	/// Warnings the administrations' rule contracts attached when it was anchored.
	pub warnings: Vec<RuleWarningJson>,
}

/// A rule contract's warning on a document.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RuleWarningJson {
	/// The administration whose rules warned (ISO 3166-1 alpha-2).
	pub administration: String,
	/// `export` (the exporting administration's rules) or `import`.
	pub direction: String,
	/// The reason code.
	pub code: u16,
	/// What the code means: Tamga's meaning (`tamga_rules::reasons`), or, for a code of
	/// the administration's own (1000 and above) or one Tamga does not know, a sentence
	/// saying so.
	pub meaning: String,
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	fn at() -> BlockRef {
		BlockRef { number: 7, hash: format!("0x{}", "07".repeat(32)), finalized: true }
	}

	fn checks(passed: bool) -> Checks {
		use crate::checks::{Check, Identity, Integrity};
		let check = |code| Check { code, passed, sentence: String::new() };
		Checks {
			integrity: Check {
				code: if passed { Integrity::Anchored } else { Integrity::NotAnchored },
				passed,
				sentence: String::new(),
			},
			status: check(if passed { DocumentStatus::Valid } else { DocumentStatus::NotAnchored }),
			identity: Check {
				code: if passed { Identity::Accredited } else { Identity::Unknown },
				passed,
				sentence: String::new(),
			},
		}
	}

	#[test]
	fn an_unanchored_id_is_a_verdict_with_no_document_fields() {
		let verdict = DocumentVerdict {
			id: format!("0x{}", "ab".repeat(32)),
			valid: false,
			status: DocumentStatus::NotAnchored,
			verdict: "NOT GENUINE".into(),
			checks: checks(false),
			document: None,
			at: at(),
		};
		let json = serde_json::to_value(&verdict).unwrap();
		assert_eq!(json["status"], json!("notAnchored"));
		assert!(json.get("kind").is_none() && json.get("issuer").is_none(), "{json}");
		assert_eq!(serde_json::from_value::<DocumentVerdict>(json).unwrap(), verdict);
	}

	#[test]
	fn an_anchored_document_reads_back_with_its_fields_beside_the_verdict() {
		let verdict = DocumentVerdict {
			id: format!("0x{}", "ab".repeat(32)),
			valid: true,
			status: DocumentStatus::Valid,
			verdict: "VALID".into(),
			checks: checks(true),
			document: Some(AnchoredDocument {
				kind: "ct1".into(),
				number: "KZ-1".into(),
				issuer: Issuer {
					account: "5Grw".into(),
					name: "Chamber".into(),
					country: "KZ".into(),
					administration: "SRC".into(),
					accredited_at_issue: true,
				},
				on_application: false,
				exporting: "KZ".into(),
				importing: "KG".into(),
				hs_codes: vec!["100199".into()],
				valid_from: "2026-11-23".into(),
				valid_until: "2026-12-23".into(),
				replaced_by: None,
				replaces: None,
				revocation_reason: None,
				void_at: None,
				declared_quantity: u128::MAX,
				remaining_quantity: 600,
				unit: "KGM".into(),
				registered_at: 5,
				warnings: vec![],
			}),
			at: at(),
		};
		let json = serde_json::to_value(&verdict).unwrap();
		assert_eq!(json["issuer"]["name"], json!("Chamber"));
		assert_eq!(json["remainingQuantity"], json!("600"));
		assert_eq!(json["declaredQuantity"], json!(u128::MAX.to_string()));
		assert_eq!(serde_json::from_value::<DocumentVerdict>(json).unwrap(), verdict);
	}

	#[test]
	fn every_status_travels_under_its_own_name() {
		for &status in DocumentStatus::ALL {
			assert_eq!(serde_json::to_value(status).unwrap(), json!(status.as_str()));
		}
	}
}
