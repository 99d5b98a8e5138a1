//! The three checks a verifier shows, as TradeTrust/OpenAttestation readers know them:
//! integrity (is this exact document anchored, or only its number), status (may it be
//! accepted today) and identity (who issued it, accredited by whom). Each carries a code a
//! client branches on or translates, whether it passed, and an English sentence.

use serde::{Deserialize, Serialize};

use crate::document::DocumentStatus;

/// One check: its code, whether it passed, and a sentence for people.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Check<Code> {
	/// What the check found, one word.
	pub code: Code,
	/// Whether it passed.
	pub passed: bool,
	/// What it found, in one English sentence (clients may say it in another language
	/// from `code` and the answer's fields).
	pub sentence: String,
}

/// What the integrity check found: how the thing verified relates to what is anchored.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub enum Integrity {
	/// This exact document (its bytes' hash) is anchored.
	Anchored,
	/// This exact document is a member of an anchored batch (by its Merkle proof).
	BatchMember,
	/// A document was found by its paper's country and number: that it is this exact
	/// paper only its file's hash proves.
	NumberOnly,
	/// Nothing is anchored under this id.
	NotAnchored,
}

/// What the identity check found about the issuer.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub enum Identity {
	/// Accredited by its administration when it anchored the document, and in good
	/// standing now.
	Accredited,
	/// Accredited when it anchored the document, but suspended, revoked or without an
	/// administration in the consortium now.
	NotInGoodStanding,
	/// No issuer: nothing is anchored.
	Unknown,
}

/// The three checks of a verdict.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Checks {
	/// Is this exact document anchored?
	pub integrity: Check<Integrity>,
	/// May it be accepted today?
	pub status: Check<DocumentStatus>,
	/// Who issued it?
	pub identity: Check<Identity>,
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn checks_travel_as_code_passed_and_sentence() {
		let checks = Checks {
			integrity: Check {
				code: Integrity::NumberOnly,
				passed: true,
				sentence: "found by number".into(),
			},
			status: Check { code: DocumentStatus::UsedUp, passed: false, sentence: "used".into() },
			identity: Check {
				code: Identity::NotInGoodStanding,
				passed: false,
				sentence: "suspended".into(),
			},
		};
		let json = serde_json::to_value(&checks).unwrap();
		assert_eq!(json["integrity"]["code"], json!("numberOnly"));
		assert_eq!(json["status"]["code"], json!("usedUp"));
		assert_eq!(json["identity"]["code"], json!("notInGoodStanding"));
		assert_eq!(json["identity"]["passed"], json!(false));
		assert_eq!(serde_json::from_value::<Checks>(json).unwrap(), checks);
	}
}
