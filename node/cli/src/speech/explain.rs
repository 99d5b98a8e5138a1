//! The node's answers said in a catalogue's language: each verdict becomes a headline,
//! its three checks, the document's facts, its warnings and history, every sentence
//! rendered from the answer's codes and fields (never from the node's English
//! sentences), so the tool and the page say the same thing in every language.

use serde::Serialize;
use tamga_rpc_types::{
	ActionJson, AnchoredDocument, BatchVerdict, BlockRef, DocumentHistory, DocumentMatches,
	DocumentStatus, DocumentVerdict, Identity, Integrity, Issuer, RuleWarningJson,
};

use super::Catalogue;

/// One verdict, said: what a reader sees first, the three checks, the facts, the whole
/// verdict sentence and the history.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Said {
	/// `VALID`, `INVALID` or `NOT GENUINE`, in the catalogue's language.
	pub headline: String,
	/// Whether the document may be accepted.
	pub valid: bool,
	/// The status code (`valid`, `revoked`, ...), untranslated.
	pub status: String,
	/// The three checks, in order integrity, status, identity.
	pub checks: Vec<SaidCheck>,
	/// The document's facts, one per line.
	pub facts: Vec<SaidFact>,
	/// The verdict in one sentence, with the issuer's and rule contracts' warnings.
	pub verdict: String,
	/// The document's recorded actions, oldest first (empty if not asked for).
	pub history: Vec<String>,
}

/// One check, said.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SaidCheck {
	/// Which check: `integrity`, `status` or `identity`.
	pub check: &'static str,
	/// Its name in the catalogue's language.
	pub label: String,
	/// What it found, untranslated (`anchored`, `revoked`, `accredited`, ...).
	pub code: String,
	/// Whether it passed.
	pub passed: bool,
	/// `ok` or `NO`, in the catalogue's language.
	pub mark: String,
	/// What it found, in a sentence.
	pub text: String,
}

/// One fact about a document, said.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SaidFact {
	/// Which fact: `document`, `issuer`, `route`, `goods`, `validity`, `remaining`,
	/// `batch`, `warning`.
	pub fact: &'static str,
	/// Its name in the catalogue's language.
	pub label: String,
	/// Its value.
	pub value: String,
}

/// The JSON name of a code (e.g. `numberOnly`).
fn code_name<T: Serialize>(code: T) -> String {
	serde_json::to_value(code)
		.ok()
		.and_then(|value| value.as_str().map(str::to_string))
		.unwrap_or_default()
}

/// The block an answer was read from, e.g. `block #12, finalized`.
pub fn block(at: &BlockRef, c: &Catalogue) -> String {
	let key = if at.finalized { "block.finalized" } else { "block.best" };
	c.say(key, &[("number", &at.number)])
}

/// The message `{list}.{name}` (the word for a value of a closed list), or `name` itself
/// if the catalogues do not know it (an answer of a newer node).
fn word_for(list: &str, name: &str, c: &Catalogue) -> String {
	let key = format!("{list}.{name}");
	if c.has(&key) {
		c.word(&key)
	} else {
		name.to_string()
	}
}

/// A document kind's name (`ct1` is a "CT-1 certificate of origin").
pub fn kind(kind: &str, c: &Catalogue) -> String {
	word_for("kind", kind, c)
}

/// A revocation reason's meaning (`fraud`).
pub fn revocation(reason: &str, c: &Catalogue) -> String {
	word_for("revocationReason", reason, c)
}

/// What reason `code` of `administration`'s rules means.
pub fn rule_meaning(administration: &str, code: u16, c: &Catalogue) -> String {
	let key = format!("ruleReason.{code}");
	if c.has(&key) {
		c.word(&key)
	} else if code >= tamga_rules::reasons::FIRST_OWN_CODE {
		c.say("ruleReason.own", &[("administration", &administration)])
	} else {
		c.word("ruleReason.unknown")
	}
}

/// A rule contract's warning, in a sentence.
fn rule_warning(warning: &RuleWarningJson, c: &Catalogue) -> String {
	let direction = c.word(&format!("direction.{}", warning.direction));
	c.say(
		"warning.rule",
		&[
			("administration", &warning.administration),
			("direction", &direction),
			("code", &warning.code),
			("meaning", &rule_meaning(&warning.administration, warning.code, c)),
		],
	)
}

/// The headline of a verdict with `status`.
fn headline(valid: bool, status: DocumentStatus, c: &Catalogue) -> String {
	match (valid, status) {
		(true, _) => c.word("headline.valid"),
		(false, DocumentStatus::NotAnchored) => c.word("headline.notGenuine"),
		(false, _) => c.word("headline.invalid"),
	}
}

/// A check said with its label and mark.
fn check(name: &'static str, code: String, passed: bool, text: String, c: &Catalogue) -> SaidCheck {
	SaidCheck {
		check: name,
		label: c.word(&format!("check.{name}")),
		code,
		passed,
		mark: c.word(if passed { "mark.passed" } else { "mark.failed" }),
		text,
	}
}

/// The identity check's sentence about `issuer`.
fn identity(code: Identity, issuer: Option<&Issuer>, c: &Catalogue) -> String {
	match (code, issuer) {
		(Identity::Accredited, Some(i)) => c.say(
			"identity.accredited",
			&[("name", &i.name), ("country", &i.country), ("administration", &i.administration)],
		),
		(Identity::NotInGoodStanding, Some(i)) => {
			c.say("identity.notInGoodStanding", &[("name", &i.name), ("country", &i.country)])
		},
		_ => c.word("identity.unknown"),
	}
}

/// A fact said with its label.
fn fact(name: &'static str, value: String, c: &Catalogue) -> SaidFact {
	SaidFact { fact: name, label: c.word(&format!("fact.{name}")), value }
}

/// The status sentence of an anchored document.
fn document_status(status: DocumentStatus, d: &AnchoredDocument, c: &Catalogue) -> String {
	let key = match (status, d.declared_quantity) {
		// A type whose uses are not bounded may declare no quantity.
		(DocumentStatus::Valid, 0) => "status.validNoQuantity".to_string(),
		_ => format!("status.{}", status.as_str()),
	};
	let reason = d.revocation_reason.as_deref().map(|r| revocation(r, c)).unwrap_or_default();
	let void_at = d.void_at.map(|b| b.to_string()).unwrap_or_default();
	c.say(
		&key,
		&[
			("validFrom", &d.valid_from),
			("validUntil", &d.valid_until),
			("remaining", &d.remaining_quantity),
			("declared", &d.declared_quantity),
			("unit", &d.unit),
			("replacedBy", &d.replaced_by.as_deref().unwrap_or_default()),
			("reason", &reason),
			("voidAt", &void_at),
		],
	)
}

/// The verdict sentence: the status, then the issuer's and the rule contracts' warnings.
fn verdict_sentence(
	status: String,
	issuer: &Issuer,
	void: bool,
	warnings: &[RuleWarningJson],
	c: &Catalogue,
) -> String {
	let mut sentence = status;
	if !issuer.accredited_at_issue && !void {
		sentence.push_str("; ");
		sentence.push_str(&c.word("warning.issuer"));
	}
	for warning in warnings {
		sentence.push_str("; ");
		sentence.push_str(&rule_warning(warning, c));
	}
	sentence
}

/// A document's verdict (from `tamga_verifyDocument`, or one match of
/// `tamga_findDocument`), said.
pub fn document(v: &DocumentVerdict, c: &Catalogue) -> Said {
	let integrity_code = v.checks.integrity.code;
	let Some(d) = &v.document else {
		let integrity = c.say("integrity.notAnchored", &[("id", &v.id)]);
		return Said {
			headline: headline(false, DocumentStatus::NotAnchored, c),
			valid: false,
			status: v.status.as_str().into(),
			checks: vec![
				check("integrity", code_name(integrity_code), false, integrity, c),
				check("status", v.status.as_str().into(), false, c.word("status.notAnchored"), c),
				check(
					"identity",
					code_name(Identity::Unknown),
					false,
					c.word("identity.unknown"),
					c,
				),
			],
			facts: Vec::new(),
			verdict: c.say("verdict.notGenuine", &[("id", &v.id), ("block", &v.at.number)]),
			history: Vec::new(),
		};
	};
	let integrity = match integrity_code {
		Integrity::NumberOnly => c.say(
			"integrity.numberOnly",
			&[("country", &d.exporting), ("number", &d.number), ("id", &v.id)],
		),
		_ => c.say("integrity.anchored", &[("id", &v.id)]),
	};
	let status = document_status(v.status, d, c);
	let identity_code = v.checks.identity.code;
	let mut facts = vec![
		fact(
			"document",
			c.say("value.document", &[("kind", &kind(&d.kind, c)), ("number", &d.number)]),
			c,
		),
		fact("issuer", issuer_value(&d.issuer, c), c),
		fact(
			"route",
			c.say("value.route", &[("exporting", &d.exporting), ("importing", &d.importing)]),
			c,
		),
		fact("goods", d.hs_codes.join(", "), c),
		fact(
			"validity",
			c.say(
				"value.validity",
				&[("validFrom", &d.valid_from), ("validUntil", &d.valid_until)],
			),
			c,
		),
		fact(
			"remaining",
			match d.declared_quantity {
				0 => c.word("value.noQuantity"),
				_ => c.say(
					"value.remaining",
					&[
						("remaining", &d.remaining_quantity),
						("declared", &d.declared_quantity),
						("unit", &d.unit),
					],
				),
			},
			c,
		),
	];
	facts.extend(d.warnings.iter().map(|w| fact("warning", rule_warning(w, c), c)));
	Said {
		headline: headline(v.valid, v.status, c),
		valid: v.valid,
		status: v.status.as_str().into(),
		checks: vec![
			check("integrity", code_name(integrity_code), v.checks.integrity.passed, integrity, c),
			check("status", v.status.as_str().into(), v.checks.status.passed, status.clone(), c),
			check(
				"identity",
				code_name(identity_code),
				v.checks.identity.passed,
				identity(identity_code, Some(&d.issuer), c),
				c,
			),
		],
		facts,
		verdict: verdict_sentence(status, &d.issuer, d.void_at.is_some(), &d.warnings, c),
		history: Vec::new(),
	}
}

/// The issuer fact's value.
fn issuer_value(issuer: &Issuer, c: &Catalogue) -> String {
	c.say(
		"value.issuer",
		&[
			("name", &issuer.name),
			("country", &issuer.country),
			("administration", &issuer.administration),
			("account", &issuer.account),
		],
	)
}

/// A batch member's verdict (from `tamga_verifyBatchMember`), said.
pub fn member(v: &BatchVerdict, c: &Catalogue) -> Said {
	let reason = v.revocation_reason.as_deref().map(|r| revocation(r, c)).unwrap_or_default();
	let void_at = v.void_at.map(|b| b.to_string()).unwrap_or_default();
	let status = match v.status {
		DocumentStatus::Valid | DocumentStatus::Revoked | DocumentStatus::IssuerKeyCutOff => {
			c.say(&format!("member.{}", v.status.as_str()), &[("reason", &reason)])
		},
		other => c.say(&format!("status.{}", other.as_str()), &[("voidAt", &void_at)]),
	};
	let integrity = c.say(
		"integrity.batchMember",
		&[("index", &v.index), ("count", &v.count), ("root", &v.root)],
	);
	let identity_code = v.checks.identity.code;
	Said {
		headline: headline(v.valid, v.status, c),
		valid: v.valid,
		status: v.status.as_str().into(),
		checks: vec![
			check("integrity", code_name(Integrity::BatchMember), true, integrity, c),
			check("status", v.status.as_str().into(), v.checks.status.passed, status.clone(), c),
			check(
				"identity",
				code_name(identity_code),
				v.checks.identity.passed,
				identity(identity_code, Some(&v.issuer), c),
				c,
			),
		],
		facts: vec![
			fact("issuer", issuer_value(&v.issuer, c), c),
			fact(
				"batch",
				c.say(
					"value.batch",
					&[("index", &v.index), ("count", &v.count), ("kind", &kind(&v.kind, c))],
				),
				c,
			),
		],
		verdict: verdict_sentence(status, &v.issuer, v.void_at.is_some(), &[], c),
		history: Vec::new(),
	}
}

/// Why a proof names no member of an anchored batch, said: the node refused it with
/// `UNKNOWN_BATCH` (`unknown_batch`) or `NOT_A_MEMBER`.
pub fn member_refused(id: &str, root: &str, unknown_batch: bool, c: &Catalogue) -> String {
	let reason = if unknown_batch {
		c.say("member.unknownBatch", &[("root", &root)])
	} else {
		c.say("member.notAMember", &[("id", &id), ("root", &root)])
	};
	c.say("member.refused", &[("reason", &reason)])
}

/// The sentence for a look-up by number that found nothing.
pub fn not_found(m: &DocumentMatches, c: &Catalogue) -> String {
	c.say(
		"verdict.notFound",
		&[("country", &m.country), ("number", &m.number), ("block", &block(&m.at, c))],
	)
}

/// A document's history, one sentence per recorded action, oldest first; quantities are
/// in `unit`.
pub fn history(h: &DocumentHistory, unit: &str, c: &Catalogue) -> Vec<String> {
	h.entries
		.iter()
		.map(|entry| {
			let action = match &entry.action {
				ActionJson::Registered => c.word("history.registered"),
				ActionJson::Replaced { by } => c.say("history.replaced", &[("by", by)]),
				ActionJson::Revoked { reason } => {
					c.say("history.revoked", &[("reason", &revocation(reason, c))])
				},
				ActionJson::Used { quantity, declaration } => c.say(
					"history.used",
					&[("quantity", quantity), ("unit", &unit), ("declaration", declaration)],
				),
				ActionJson::Applied => c.word("history.applied"),
			};
			c.say(
				"history.entry",
				&[
					("block", &entry.block),
					("extrinsic", &entry.extrinsic),
					("action", &action),
					("actor", &entry.actor),
				],
			)
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use tamga_primitives::names::Named;
	use tamga_rpc_types::{Check, Checks};

	fn at() -> BlockRef {
		BlockRef { number: 9, hash: format!("0x{}", "09".repeat(32)), finalized: true }
	}

	fn revoked() -> DocumentVerdict {
		let issuer = Issuer {
			account: "5Grw".into(),
			name: "Chamber".into(),
			country: "KZ".into(),
			administration: "SRC".into(),
			accredited_at_issue: true,
		};
		DocumentVerdict {
			id: format!("0x{}", "ab".repeat(32)),
			valid: false,
			status: DocumentStatus::Revoked,
			verdict: String::new(),
			checks: Checks {
				integrity: Check {
					code: Integrity::Anchored,
					passed: true,
					sentence: String::new(),
				},
				status: Check {
					code: DocumentStatus::Revoked,
					passed: false,
					sentence: String::new(),
				},
				identity: Check {
					code: Identity::Accredited,
					passed: true,
					sentence: String::new(),
				},
			},
			document: Some(AnchoredDocument {
				kind: "ct1".into(),
				number: "KZ-1".into(),
				issuer,
				on_application: false,
				exporting: "KZ".into(),
				importing: "KG".into(),
				hs_codes: vec!["100199".into()],
				valid_from: "2026-12-01".into(),
				valid_until: "2026-12-31".into(),
				replaced_by: None,
				replaces: None,
				revocation_reason: Some("fraud".into()),
				void_at: None,
				declared_quantity: 1000,
				remaining_quantity: 400,
				unit: "KGM".into(),
				registered_at: 3,
				warnings: vec![RuleWarningJson {
					administration: "KG".into(),
					direction: "import".into(),
					code: 201,
					meaning: String::new(),
				}],
			}),
			at: at(),
		}
	}

	#[test]
	fn a_revoked_document_is_said_in_english_and_russian() {
		let english = document(&revoked(), Catalogue::english());
		assert_eq!(english.headline, "INVALID");
		assert_eq!(english.checks[1].text, "INVALID: revoked by its issuer (fraud)");
		assert_eq!(english.checks[1].mark, "NO");
		assert!(english.verdict.contains("WARNING from KG's import rules: reason 201"));
		let russian = document(&revoked(), Catalogue::get("ru").unwrap());
		assert_eq!(russian.headline, "НЕДЕЙСТВИТЕЛЕН");
		assert_eq!(russian.checks[1].text, "НЕДЕЙСТВИТЕЛЕН: отозван эмитентом (мошенничество)");
		assert!(russian.facts.iter().any(|f| f.value == "400 из 1000 KGM"), "{:?}", russian.facts);
		assert!(russian.verdict.contains("ввоз") || russian.verdict.contains("ветеринарный"));
	}

	#[test]
	fn every_code_a_verdict_carries_has_a_message_in_every_language() {
		use pallet_tamga_certificates::{CertificateKind, Direction, RevocationReason};
		for c in Catalogue::all() {
			for &status in DocumentStatus::ALL {
				assert!(c.has(&format!("status.{}", status.as_str())), "{}: {status}", c.code);
			}
			for integrity in [
				Integrity::Anchored,
				Integrity::BatchMember,
				Integrity::NumberOnly,
				Integrity::NotAnchored,
			] {
				assert!(c.has(&format!("integrity.{}", code_name(integrity))), "{}", c.code);
			}
			for identity in [Identity::Accredited, Identity::NotInGoodStanding, Identity::Unknown] {
				assert!(c.has(&format!("identity.{}", code_name(identity))), "{}", c.code);
			}
			for reason in RevocationReason::ALL {
				assert!(c.has(&format!("revocationReason.{}", reason.name())), "{}", c.code);
			}
			for kind in CertificateKind::built_ins() {
				let name = kind.built_in_name().expect("built in");
				assert!(c.has(&format!("kind.{name}")), "{}: {name}", c.code);
			}
			for direction in Direction::ALL {
				assert!(c.has(&format!("direction.{}", direction.name())), "{}", c.code);
			}
			for (code, _) in tamga_rules::reasons::ALL {
				assert!(c.has(&format!("ruleReason.{code}")), "{}: rule reason {code}", c.code);
			}
		}
	}

	#[test]
	fn english_rule_meanings_are_the_rules_crates_own() {
		for (code, meaning) in tamga_rules::reasons::ALL {
			assert_eq!(rule_meaning("KZ", *code, Catalogue::english()), *meaning);
		}
		assert!(rule_meaning("KZ", 1001, Catalogue::english()).contains("KZ's own rules"));
	}
}
