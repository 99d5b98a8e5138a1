//! The JSON answers of the `tamga_*` methods, built from what the runtime API returns.

use pallet_tamga_certificates::{
	types::{Action, HistoryEntry},
	BatchValidity, BatchVerification, RuleWarning, Validity, Verification,
};
use pallet_tamga_governance::Voiding;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::AccountId32;
use tamga_primitives::{CountryCode, HsCode};
pub use tamga_rpc_types::{
	ActionJson, AnchoredDocument, BatchVerdict, BlockRef, Check, Checks, DocumentHistory,
	DocumentMatches, DocumentStatus, DocumentVerdict, HistoryEntryJson, Identity, Integrity,
	Issuer, RuleWarningJson,
};

use crate::{dates::iso_date, hex};

/// The JSON form of `warning`.
pub fn rule_warning(warning: &RuleWarning) -> RuleWarningJson {
	RuleWarningJson {
		administration: warning.administration.to_string(),
		direction: warning.direction.to_string(),
		code: warning.code,
		meaning: rule_code_meaning(warning.administration, warning.code),
	}
}

/// `warning` in a sentence, to append to a verdict.
fn warning_sentence(warning: &RuleWarningJson) -> String {
	format!(
		"; WARNING from {}'s {} rules: reason {} ({})",
		warning.administration, warning.direction, warning.code, warning.meaning
	)
}

/// What reason `code` from `administration`'s rules means, for people.
pub fn rule_code_meaning(administration: CountryCode, code: u16) -> String {
	match tamga_rules::reasons::meaning(code) {
		Some(meaning) => meaning.to_string(),
		None if code >= tamga_rules::reasons::FIRST_OWN_CODE => {
			format!("a code of {}'s own rules: ask that administration", administration)
		},
		None => "a code Tamga does not define".to_string(),
	}
}

/// Appended to a verdict whose issuer is no longer in good standing.
fn issuer_warning() -> String {
	"; WARNING: the issuer's accreditation is suspended or revoked now, or its \
	 administration left the consortium"
		.to_string()
}

/// The status code and sentence of a document or batch that is void whatever its own
/// status says.
fn void_status<N: Into<u64>>(void: Voiding<N>) -> (DocumentStatus, String) {
	match void {
		Voiding::AdministrationLeft { at } => (
			DocumentStatus::AdministrationLeft,
			format!(
				"INVALID: the administration that accredited its issuer left the consortium at \
				 block {}",
				at.into()
			),
		),
		Voiding::VoidedByConsortium { at } => (
			DocumentStatus::VoidedByConsortium,
			format!(
				"INVALID: the consortium voided every document of its issuer (vote passed at \
				 block {})",
				at.into()
			),
		),
	}
}

/// The block of `void`: when the administration left or the consortium's vote passed.
fn void_at_block<N: Into<u64>>(void: Voiding<N>) -> u64 {
	match void {
		Voiding::AdministrationLeft { at } | Voiding::VoidedByConsortium { at } => at.into(),
	}
}

/// The block from which `validity` is void, if it is.
fn void_block<N: Into<u64> + Copy>(validity: &Validity<N>) -> Option<u64> {
	match validity {
		Validity::Void(void) => Some(void_at_block(*void)),
		_ => None,
	}
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// Who issued a document or batch, as the answers name it.
fn issuer(
	who: &AccountId32,
	name: &[u8],
	country: CountryCode,
	administration: &[u8],
	accredited: bool,
) -> Issuer {
	Issuer {
		account: account(who),
		name: text(name),
		country: country.to_string(),
		administration: text(administration),
		accredited_at_issue: accredited,
	}
}

fn account(who: &AccountId32) -> String {
	who.to_ss58check()
}

/// The JSON verdict on document `id` from the runtime's `verification`, read at `at`.
pub fn document_verdict<N: Into<u64> + Copy>(
	id: H256,
	verification: Verification<AccountId32, N>,
	at: BlockRef,
) -> DocumentVerdict {
	let v = verification;
	// A document declaring no quantity (a type whose uses are not bounded) has no unit.
	let unit = text(&v.unit).trim_end_matches('\0').to_string();
	let (status, sentence) = match v.validity {
		Validity::Void(void) => void_status(void),
		Validity::Valid if v.declared == 0 => (
			DocumentStatus::Valid,
			format!(
				"VALID: genuine and in force until {}; no quantity declared: its uses are not \
				 bounded",
				iso_date(v.valid_until)
			),
		),
		Validity::Valid => (
			DocumentStatus::Valid,
			format!(
				"VALID: genuine and in force until {}; {} of {} {unit} remain",
				iso_date(v.valid_until),
				v.remaining,
				v.declared
			),
		),
		Validity::Replaced { by } => (
			DocumentStatus::Replaced,
			format!("INVALID: replaced by {}; verify the replacement", hex::encode(by.as_bytes())),
		),
		Validity::Revoked { reason } => {
			(DocumentStatus::Revoked, format!("INVALID: revoked by its issuer ({})", reason))
		},
		Validity::IssuerKeyCutOff => (
			DocumentStatus::IssuerKeyCutOff,
			"INVALID: anchored after its issuer's signing key was cut off".to_string(),
		),
		Validity::NotYetValid => (
			DocumentStatus::NotYetValid,
			format!("INVALID: valid only from {}", iso_date(v.valid_from)),
		),
		Validity::Expired => {
			(DocumentStatus::Expired, format!("INVALID: expired after {}", iso_date(v.valid_until)))
		},
		Validity::UsedUp => (
			DocumentStatus::UsedUp,
			format!("INVALID: its declared quantity ({} {unit}) is used up", v.declared),
		),
	};
	let status_check = Check { code: status, passed: status == DocumentStatus::Valid, sentence };
	let mut sentence = status_check.sentence.clone();
	let void_at = void_block(&v.validity);
	if !v.issuer_accredited && void_at.is_none() {
		sentence.push_str(&issuer_warning());
	}
	let warnings: Vec<RuleWarningJson> = v.warnings.iter().map(rule_warning).collect();
	for warning in &warnings {
		sentence.push_str(&warning_sentence(warning));
	}
	let issuer =
		issuer(&v.issuer, &v.issuer_name, v.exporting, &v.administration_name, v.issuer_accredited);
	let checks = Checks {
		integrity: Check {
			code: Integrity::Anchored,
			passed: true,
			sentence: format!(
				"this exact document (id {}) is anchored",
				hex::encode(id.as_bytes())
			),
		},
		status: status_check,
		identity: identity_check(&issuer),
	};
	DocumentVerdict {
		id: hex::encode(id.as_bytes()),
		valid: matches!(v.validity, Validity::Valid),
		status,
		verdict: sentence,
		checks,
		document: Some(AnchoredDocument {
			kind: v.kind.to_string(),
			number: text(&v.number),
			issuer,
			on_application: v.on_application,
			exporting: v.exporting.to_string(),
			importing: v.importing.to_string(),
			hs_codes: v.hs_codes.iter().map(HsCode::to_string).collect(),
			valid_from: iso_date(v.valid_from),
			valid_until: iso_date(v.valid_until),
			replaced_by: match v.validity {
				Validity::Replaced { by } => Some(hex::encode(by.as_bytes())),
				_ => None,
			},
			replaces: v.replaces.map(|r| hex::encode(r.as_bytes())),
			revocation_reason: match v.validity {
				Validity::Revoked { reason } => Some(reason.to_string()),
				_ => None,
			},
			void_at,
			declared_quantity: v.declared,
			remaining_quantity: v.remaining,
			unit,
			registered_at: v.registered_at.into(),
			warnings,
		}),
		at,
	}
}

/// The verdict on an id nothing is anchored under as of block `at`.
pub fn not_anchored(id: H256, at: BlockRef) -> DocumentVerdict {
	let verdict = format!(
		"NOT GENUINE: no document with id {} is anchored as of block #{}: it is not genuine, \
		 or it was anchored in a batch (verify it with its batch proof)",
		hex::encode(id.as_bytes()),
		at.number
	);
	let checks = Checks {
		integrity: Check {
			code: Integrity::NotAnchored,
			passed: false,
			sentence: format!("no document with id {} is anchored", hex::encode(id.as_bytes())),
		},
		status: Check {
			code: DocumentStatus::NotAnchored,
			passed: false,
			sentence: "nothing to accept: the document is not genuine, or it is a batch \
			           member (verify it with its proof)"
				.into(),
		},
		identity: Check {
			code: Identity::Unknown,
			passed: false,
			sentence: "no issuer: nothing is anchored under this id".into(),
		},
	};
	DocumentVerdict {
		id: hex::encode(id.as_bytes()),
		valid: false,
		status: DocumentStatus::NotAnchored,
		verdict,
		checks,
		document: None,
		at,
	}
}

/// `verdict`, found by its paper's `country` and `number` rather than by its file: its
/// integrity is only that a document carries this number (the file's hash proves the
/// rest).
pub fn found_by_number(
	mut verdict: DocumentVerdict,
	country: &str,
	number: &str,
) -> DocumentVerdict {
	verdict.checks.integrity = Check {
		code: Integrity::NumberOnly,
		passed: true,
		sentence: format!(
			"a document of {country} numbered {number} is anchored (id {}); compare the paper \
			 with it: only the document's file proves it is this exact one",
			verdict.id
		),
	};
	verdict
}

/// The identity check of `issuer`.
fn identity_check(issuer: &Issuer) -> Check<Identity> {
	if issuer.accredited_at_issue {
		Check {
			code: Identity::Accredited,
			passed: true,
			sentence: format!(
				"issued by {} ({}), accredited by {} when it anchored the document and in good \
				 standing now",
				issuer.name, issuer.country, issuer.administration
			),
		}
	} else {
		Check {
			code: Identity::NotInGoodStanding,
			passed: false,
			sentence: format!(
				"issued by {} ({}), accredited when it anchored the document; its \
				 accreditation is suspended or revoked now, or its administration left the \
				 consortium",
				issuer.name, issuer.country
			),
		}
	}
}

/// The JSON verdict on member `id` at `index` of batch `root`, or `Err` with the reason
/// it is not a member.
pub fn batch_verdict<N: Into<u64> + Copy>(
	id: H256,
	root: H256,
	index: u32,
	verification: BatchVerification<AccountId32, N>,
	at: BlockRef,
) -> Result<BatchVerdict, String> {
	let v = verification;
	let (status, verdict, reason) = match v.validity {
		BatchValidity::UnknownBatch => {
			return Err(format!("no batch with root {} is anchored", hex::encode(root.as_bytes())))
		},
		BatchValidity::NotAMember => {
			return Err(format!(
				"the proof does not lead from document {} to batch root {}: it is not a member \
				 of that batch (or the proof is for another position or batch size)",
				hex::encode(id.as_bytes()),
				hex::encode(root.as_bytes())
			))
		},
		BatchValidity::Valid => {
			(DocumentStatus::Valid, "VALID: a member of the batch, in force".to_string(), None)
		},
		BatchValidity::Revoked { reason } => (
			DocumentStatus::Revoked,
			format!("INVALID: this member was revoked by its issuer ({})", reason),
			Some(reason.to_string()),
		),
		BatchValidity::IssuerKeyCutOff => (
			DocumentStatus::IssuerKeyCutOff,
			"INVALID: the batch was anchored after its issuer's signing key was cut off"
				.to_string(),
			None,
		),
		BatchValidity::Void(void) => {
			let (status, verdict) = void_status(void);
			(status, verdict, None)
		},
	};
	let status_check =
		Check { code: status, passed: status == DocumentStatus::Valid, sentence: verdict };
	let mut verdict = status_check.sentence.clone();
	let void_at = match v.validity {
		BatchValidity::Void(void) => Some(void_at_block(void)),
		_ => None,
	};
	if !v.issuer_accredited && void_at.is_none() {
		verdict.push_str(&issuer_warning());
	}
	let issuer =
		issuer(&v.issuer, &v.issuer_name, v.country, &v.administration_name, v.issuer_accredited);
	let checks = Checks {
		integrity: Check {
			code: Integrity::BatchMember,
			passed: true,
			sentence: format!(
				"this exact document is member {index} of the {} anchored in batch {}",
				v.count,
				hex::encode(root.as_bytes())
			),
		},
		status: status_check,
		identity: identity_check(&issuer),
	};
	Ok(BatchVerdict {
		id: hex::encode(id.as_bytes()),
		root: hex::encode(root.as_bytes()),
		valid: matches!(v.validity, BatchValidity::Valid),
		status,
		verdict,
		checks,
		revocation_reason: reason,
		void_at,
		issuer,
		kind: v.kind.to_string(),
		index,
		count: v.count,
		registered_at: v.registered_at.into(),
		at,
	})
}

/// One history entry as JSON; `block_hash` finds a block's hash on this node's chain.
pub fn history_entry<N: Into<u64>>(
	entry: HistoryEntry<AccountId32, N>,
	block_hash: impl Fn(u64) -> Option<String>,
) -> HistoryEntryJson {
	let block: u64 = entry.block.into();
	let action = match entry.action {
		Action::Registered => ActionJson::Registered,
		Action::Replaced { by } => ActionJson::Replaced { by: hex::encode(by.as_bytes()) },
		Action::Revoked { reason } => ActionJson::Revoked { reason: reason.to_string() },
		Action::Used { quantity, declaration } => {
			ActionJson::Used { quantity, declaration: hex::encode(declaration.as_bytes()) }
		},
		Action::Applied => ActionJson::Applied,
	};
	HistoryEntryJson {
		block,
		block_hash: block_hash(block),
		extrinsic: entry.extrinsic,
		actor: account(&entry.actor),
		action,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_tamga_certificates::{CertificateKind, Direction, RevocationReason};
	use serde_json::json;

	fn at() -> BlockRef {
		BlockRef { number: 7, hash: hex::encode(&[7; 32]), finalized: true }
	}

	fn verification(validity: Validity<u32>) -> Verification<AccountId32, u32> {
		Verification {
			validity,
			kind: CertificateKind::EAEU_CT1,
			issuer: AccountId32::new([1; 32]),
			issuer_name: "Торгово-промышленная палата".as_bytes().to_vec(),
			administration_name: b"State Revenue Committee".to_vec(),
			on_application: true,
			number: b"KZ-1".to_vec(),
			hs_codes: vec![HsCode(*b"100199")],
			unit: *b"KGM",
			exporting: CountryCode::new(*b"KZ").unwrap(),
			importing: CountryCode::new(*b"KG").unwrap(),
			issuer_accredited: true,
			valid_from: 20_780,
			valid_until: 20_810,
			replaces: None,
			declared: 1_000,
			remaining: 600,
			registered_at: 5,
			warnings: Vec::new(),
		}
	}

	#[test]
	fn rule_warnings_are_listed_and_told() {
		let mut v = verification(Validity::Valid);
		v.warnings = vec![RuleWarning {
			administration: CountryCode::new(*b"KG").unwrap(),
			direction: Direction::Import,
			code: 203,
		}];
		let json = serde_json::to_value(document_verdict(H256::repeat_byte(9), v, at())).unwrap();
		assert_eq!(json["valid"], json!(true));
		assert_eq!(
			json["warnings"],
			json!([{
				"administration": "KG",
				"direction": "import",
				"code": 203,
				"meaning": "a ban on these goods from the exporting country starts soon"
			}])
		);
		let verdict = json["verdict"].as_str().unwrap();
		assert!(verdict.contains("WARNING from KG's import rules: reason 203"), "{verdict}");
	}

	#[test]
	fn a_valid_document_reads_as_such() {
		let json = serde_json::to_value(document_verdict(
			H256::repeat_byte(9),
			verification(Validity::Valid),
			at(),
		))
		.unwrap();
		assert_eq!(json["valid"], json!(true));
		assert_eq!(json["status"], json!("valid"));
		assert_eq!(
			json["verdict"],
			json!("VALID: genuine and in force until 2026-12-23; 600 of 1000 KGM remain")
		);
		assert_eq!(json["kind"], json!("ct1"));
		assert_eq!(json["issuer"]["name"], json!("Торгово-промышленная палата"));
		assert_eq!(json["issuer"]["country"], json!("KZ"));
		assert_eq!(json["issuer"]["account"], json!(AccountId32::new([1; 32]).to_ss58check()));
		assert_eq!(json["validFrom"], json!("2026-11-23"));
		assert_eq!(json["hsCodes"], json!(["100199"]));
		assert_eq!(
			(json["remainingQuantity"].clone(), json["declaredQuantity"].clone()),
			(json!("600"), json!("1000"))
		);
		assert_eq!(json["at"]["finalized"], json!(true));
		assert_eq!(json["revocationReason"], json!(null));
	}

	#[test]
	fn the_three_checks_say_what_passed() {
		let valid = document_verdict(H256::repeat_byte(9), verification(Validity::Valid), at());
		let checks = &valid.checks;
		assert_eq!((checks.integrity.code, checks.integrity.passed), (Integrity::Anchored, true));
		assert_eq!((checks.status.code, checks.status.passed), (DocumentStatus::Valid, true));
		assert_eq!((checks.identity.code, checks.identity.passed), (Identity::Accredited, true));
		assert!(checks.identity.sentence.contains("Торгово-промышленная палата (KZ)"));
		assert!(checks.identity.sentence.contains("State Revenue Committee"));
		assert!(valid.verdict.starts_with(&checks.status.sentence));

		let mut suspended = verification(Validity::UsedUp);
		suspended.issuer_accredited = false;
		let used_up = document_verdict(H256::zero(), suspended, at());
		assert_eq!(used_up.checks.status.code, DocumentStatus::UsedUp);
		assert!(!used_up.checks.status.passed);
		assert!(used_up.checks.integrity.passed);
		assert_eq!(used_up.checks.identity.code, Identity::NotInGoodStanding);
		assert!(!used_up.checks.identity.passed);

		let found = found_by_number(valid.clone(), "KZ", "KZ-1");
		assert_eq!(found.checks.integrity.code, Integrity::NumberOnly);
		assert!(found.checks.integrity.sentence.contains("numbered KZ-1"));
		assert_eq!((found.status, found.valid), (valid.status, valid.valid));

		let none = not_anchored(H256::repeat_byte(0xab), at());
		assert_eq!(none.checks.integrity.code, Integrity::NotAnchored);
		assert_eq!(none.checks.identity.code, Identity::Unknown);
		assert!(!none.checks.integrity.passed && !none.checks.status.passed);
	}

	#[test]
	fn invalid_documents_say_why() {
		let by = H256::repeat_byte(3);
		let cases = [
			(Validity::Replaced { by }, "replaced", "INVALID: replaced by 0x0303"),
			(
				Validity::Revoked { reason: RevocationReason::Fraud },
				"revoked",
				"INVALID: revoked by its issuer (fraud)",
			),
			(Validity::IssuerKeyCutOff, "issuerKeyCutOff", "INVALID: anchored after"),
			(Validity::NotYetValid, "notYetValid", "INVALID: valid only from 2026-11-23"),
			(Validity::Expired, "expired", "INVALID: expired after 2026-12-23"),
			(Validity::UsedUp, "usedUp", "INVALID: its declared quantity (1000 KGM) is used up"),
		];
		for (validity, status, start) in cases {
			let verdict = document_verdict(H256::zero(), verification(validity), at());
			assert!(!verdict.valid);
			assert_eq!(verdict.status.as_str(), status);
			assert!(verdict.verdict.starts_with(start), "{}", verdict.verdict);
		}
		let revoked = document_verdict(
			H256::zero(),
			verification(Validity::Revoked { reason: RevocationReason::Fraud }),
			at(),
		);
		assert_eq!(revoked.document.unwrap().revocation_reason.as_deref(), Some("fraud"));
		let replaced =
			document_verdict(H256::zero(), verification(Validity::Replaced { by }), at());
		assert_eq!(replaced.document.unwrap().replaced_by, Some(hex::encode(by.as_bytes())));
		let mut unaccredited = verification(Validity::Valid);
		unaccredited.issuer_accredited = false;
		assert!(document_verdict(H256::zero(), unaccredited, at()).verdict.contains("WARNING"));
	}

	#[test]
	fn void_documents_say_since_when_and_why() {
		let cases = [
			(
				Voiding::AdministrationLeft { at: 40u32 },
				"administrationLeft",
				"INVALID: the administration that accredited its issuer left the consortium at \
				 block 40",
			),
			(
				Voiding::VoidedByConsortium { at: 41u32 },
				"voidedByConsortium",
				"INVALID: the consortium voided every document of its issuer (vote passed at \
				 block 41)",
			),
		];
		for (void, status, sentence) in cases {
			let mut v = verification(Validity::Void(void));
			v.issuer_accredited = false;
			let verdict = document_verdict(H256::zero(), v, at());
			assert!(!verdict.valid);
			assert_eq!(verdict.status.as_str(), status);
			assert_eq!(verdict.verdict, sentence, "no second warning about the issuer");
			let json = serde_json::to_value(&verdict).unwrap();
			assert_eq!(json["voidAt"], json!(void_at_block(void)));
		}
		let valid = document_verdict(H256::zero(), verification(Validity::Valid), at());
		assert_eq!(valid.document.unwrap().void_at, None);
	}

	#[test]
	fn an_id_nothing_is_anchored_under_is_not_genuine() {
		let verdict = not_anchored(H256::repeat_byte(0xab), at());
		assert!(!verdict.valid);
		assert_eq!(verdict.status, DocumentStatus::NotAnchored);
		assert!(verdict.verdict.starts_with("NOT GENUINE: no document with id 0xabab"));
		assert!(verdict.verdict.contains("as of block #7"), "{}", verdict.verdict);
		let json = serde_json::to_value(&verdict).unwrap();
		assert_eq!(json["status"], json!("notAnchored"));
		assert!(json.get("issuer").is_none(), "{json}");
	}

	#[test]
	fn history_entries_name_their_block_actor_and_action() {
		let entry = HistoryEntry {
			block: 9u32,
			extrinsic: 2,
			actor: AccountId32::new([2; 32]),
			action: Action::Used { quantity: 400, declaration: H256::repeat_byte(4) },
		};
		let json =
			serde_json::to_value(history_entry(entry, |n| Some(format!("hash-{n}")))).unwrap();
		assert_eq!(json["block"], json!(9));
		assert_eq!(json["blockHash"], json!("hash-9"));
		assert_eq!(json["extrinsic"], json!(2));
		assert_eq!(json["action"]["type"], json!("used"));
		assert_eq!(json["action"]["quantity"], json!("400"));
		let applied = HistoryEntry {
			block: 1u32,
			extrinsic: 0,
			actor: AccountId32::new([3; 32]),
			action: Action::Applied,
		};
		let json = serde_json::to_value(history_entry(applied, |_| None)).unwrap();
		assert_eq!(json["action"]["type"], json!("applied"));
	}

	#[test]
	fn a_batch_member_that_is_not_one_is_an_error() {
		let batch = |validity| BatchVerification {
			validity,
			issuer: AccountId32::new([1; 32]),
			issuer_name: b"Chamber".to_vec(),
			administration_name: b"Admin".to_vec(),
			issuer_accredited: true,
			country: CountryCode::new(*b"KZ").unwrap(),
			kind: CertificateKind::VETERINARY,
			count: 10_000,
			registered_at: 3u32,
		};
		let ok = batch_verdict(H256::zero(), H256::zero(), 5, batch(BatchValidity::Valid), at())
			.unwrap();
		assert!(ok.valid);
		assert_eq!((ok.count, ok.index, ok.kind.as_str()), (10_000, 5, "veterinary"));
		assert_eq!(ok.checks.integrity.code, Integrity::BatchMember);
		assert!(ok.checks.integrity.sentence.contains("member 5 of the 10000"));
		let err =
			batch_verdict(H256::zero(), H256::zero(), 5, batch(BatchValidity::NotAMember), at())
				.unwrap_err();
		assert!(err.contains("is not a member"));
	}
}
