//! `tamga rules`: an administration's rule contracts. Deploy a contract built by
//! `scripts/build-contracts.sh`, call its owner messages (change a rule, impose a ban),
//! register it for a (document kind, direction), and encode the arguments of Tamga's two
//! contracts without writing SCALE by hand.

use codec::{Decode, Encode};
use pallet_tamga_certificates::{
	rules::{form_kind, rule_form},
	Call as CertificatesCall, CertificateKind, Direction,
};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use sp_runtime::{traits::Hash as _, AccountId32};
use tamga_primitives::{CountryCode, DocumentKind};
use tamga_rules::{
	policy::{Ban, OriginRule, MAX_CUMULATION},
	Form,
};
use tamga_runtime::{contracts::selector, Runtime, RuntimeCall, RuntimeEvent};

use crate::{
	flags::named,
	rpc::{from_hex, to_hex},
	support::{read_file, Verdict},
	tx::Connection,
};

/// Rule contracts: deploy, call, register, encode arguments.
#[derive(Debug, clap::Args)]
pub struct RulesCmd {
	#[command(flatten)]
	connection: Connection,
	#[command(subcommand)]
	action: Action,
}

/// A rule contract action.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
	/// Upload a contract's Wasm and instantiate it (a member account of an
	/// administration): prints the contract's account.
	Deploy {
		/// The contract's Wasm, e.g. `$CARGO_TARGET_DIR/contracts/origin-rules.wasm`.
		wasm: std::path::PathBuf,
		/// The constructor to call.
		#[arg(long, default_value = "new")]
		constructor: String,
		/// The constructor's SCALE-encoded arguments, as hex (see `tamga rules encode`).
		#[arg(long, default_value = "0x")]
		args: String,
		/// Distinguishes several instances of the same code deployed by one account.
		#[arg(long, default_value = "")]
		salt: String,
		/// The most gas the deployment may use, in milliseconds of compute.
		#[arg(long, default_value_t = 200)]
		gas_ms: u64,
	},
	/// Call a message of a contract you own, e.g. `set_rule` or `impose_ban`.
	Call {
		/// The contract's account (SS58).
		contract: String,
		/// The message's name.
		message: String,
		/// Its SCALE-encoded arguments, as hex (see `tamga rules encode`).
		#[arg(long, default_value = "0x")]
		args: String,
		/// The most gas the call may use, in milliseconds of compute.
		#[arg(long, default_value_t = 50)]
		gas_ms: u64,
	},
	/// Read a contract's answer to a message without sending a transaction (a dry run at
	/// the best block), e.g. `rule`, `owner`, `chapters`, `bans`: anyone may, to see the
	/// policy in force. Tamga's contracts' answers are printed as JSON, others as hex.
	Read {
		/// The contract's account (SS58).
		contract: String,
		/// The message's name.
		message: String,
		/// Its SCALE-encoded arguments, as hex.
		#[arg(long, default_value = "0x")]
		args: String,
	},
	/// Register a contract as your administration's rules for a kind and direction, or
	/// remove them (`--remove`).
	Set {
		/// The documents it judges: `origin` (certificates of origin and origin
		/// declarations) or `veterinary`.
		#[arg(long, value_parser = named::<DocumentKind>())]
		kind: DocumentKind,
		/// Your issuers' documents (export) or those bound for your country (import).
		#[arg(long, value_parser = named::<Direction>())]
		direction: Direction,
		/// The contract's account (SS58).
		#[arg(required_unless_present = "remove")]
		contract: Option<String>,
		/// Remove the registered contract instead.
		#[arg(long, conflicts_with = "contract")]
		remove: bool,
	},
	/// Print the SCALE hex of a contract argument (offline).
	#[command(subcommand)]
	Encode(EncodeCmd),
}

/// Arguments of Tamga's contracts.
#[derive(Debug, clap::Subcommand)]
pub enum EncodeCmd {
	/// An `origin-rules` rule (for `new` and `set_rule`).
	OriginRule {
		/// Non-originating materials must change 4-digit heading.
		#[arg(long)]
		change_of_heading: bool,
		/// The most non-originating materials may be worth, in % of the ex-works price.
		#[arg(long, default_value_t = 100)]
		max_non_originating: u8,
		/// Warn within this many percentage points of the maximum.
		#[arg(long, default_value_t = 0)]
		warn_margin: u8,
		/// Countries whose materials count as originating, e.g. `KG,BY`.
		#[arg(long, value_delimiter = ',')]
		cumulation: Vec<CountryCode>,
		/// A cumulated material needs a certificate of origin anchored on Tamga.
		#[arg(long)]
		needs_evidence: bool,
		/// The forms of certificate the rule judges, e.g. `ct1,eur1` (others are accepted
		/// unjudged); every form if not given.
		#[arg(long, value_parser = crate::kinds::parse_built_in, value_delimiter = ',')]
		forms: Vec<CertificateKind>,
	},
	/// `vet-import-conditions` chapters needing a veterinary certificate (for `new` and
	/// `set_chapters`), e.g. `1,2,4`.
	Chapters {
		/// HS chapters, 1 to 99.
		#[arg(value_delimiter = ',', required = true)]
		chapters: Vec<u8>,
	},
	/// A `vet-import-conditions` ban (for `impose_ban`).
	Ban {
		/// The banned exporting country.
		#[arg(long)]
		exporting: CountryCode,
		/// The banned HS prefix, 2 to 6 digits (e.g. `02` or `0201`).
		#[arg(long)]
		hs_prefix: String,
		/// First day of the ban (YYYY-MM-DD).
		#[arg(long)]
		from: String,
		/// Last day of the ban (YYYY-MM-DD), if known.
		#[arg(long)]
		until: Option<String>,
	},
}

/// `selector(name) ++ args`.
fn input(name: &str, args: &str) -> Result<Vec<u8>, String> {
	let mut data = selector(name).to_vec();
	data.extend(from_hex(args).map_err(|e| format!("--args: {e}"))?);
	Ok(data)
}

/// Gas of `ms` milliseconds of compute and 4 MiB of proof.
fn gas(ms: u64) -> sp_runtime::Weight {
	sp_runtime::Weight::from_parts(ms.saturating_mul(1_000_000_000), 4 * 1024 * 1024)
}

fn account(flag: &str, text: &str) -> Result<AccountId32, String> {
	AccountId32::from_ss58check(text)
		.map_err(|e| format!("{flag}: not an SS58 account ({e:?}): {text}"))
}

impl EncodeCmd {
	/// The argument's SCALE encoding.
	fn encode(&self) -> Result<Vec<u8>, String> {
		Ok(match self {
			EncodeCmd::OriginRule {
				change_of_heading,
				max_non_originating,
				warn_margin,
				cumulation,
				needs_evidence,
				forms,
			} => {
				if *max_non_originating > 100 || *warn_margin > 100 {
					return Err("percentages are 0 to 100".into());
				}
				if cumulation.len() > MAX_CUMULATION {
					return Err(format!("--cumulation: at most {MAX_CUMULATION} countries"));
				}
				let mut rule_forms = Vec::new();
				for form in forms.iter().map(|&form| rule_form(form)) {
					if matches!(
						form,
						Form::Veterinary | Form::Phytosanitary | Form::PhytosanitaryReexport
					) {
						return Err("--forms: rules of origin do not judge veterinary or \
						            phytosanitary certificates"
							.into());
					}
					if !rule_forms.contains(&form) {
						rule_forms.push(form);
					}
				}
				OriginRule {
					change_of_heading: *change_of_heading,
					max_non_originating_percent: *max_non_originating,
					warn_margin_percent: *warn_margin,
					cumulation: cumulation.iter().map(|c| *c.as_bytes()).collect(),
					cumulation_needs_evidence: *needs_evidence,
					forms: rule_forms,
				}
				.encode()
			},
			EncodeCmd::Chapters { chapters } => {
				if let Some(bad) = chapters.iter().find(|c| !(1..=99).contains(*c)) {
					return Err(format!("chapter {bad} is not 1 to 99"));
				}
				chapters.encode()
			},
			EncodeCmd::Ban { exporting, hs_prefix, from, until } => {
				let digits = hs_prefix.len();
				if !(2..=6).contains(&digits) || !hs_prefix.bytes().all(|b| b.is_ascii_digit()) {
					return Err(format!("--hs-prefix: 2 to 6 digits, not {hs_prefix}"));
				}
				let ban = Ban {
					exporting: *exporting.as_bytes(),
					hs_prefix: hs_prefix.parse().map_err(|e| format!("--hs-prefix: {e}"))?,
					digits: digits as u8,
					from_day: tamga_rpc::dates::parse_iso_date(from)
						.map_err(|e| format!("--from: {e}"))?,
					until_day: until
						.as_deref()
						.map(tamga_rpc::dates::parse_iso_date)
						.transpose()
						.map_err(|e| format!("--until: {e}"))?,
				};
				if !ban.is_well_formed() {
					return Err("--until: the ban ends before it starts".into());
				}
				ban.encode()
			},
		})
	}
}

impl RulesCmd {
	/// Runs the action and prints what happened.
	pub fn run(&self) -> Result<Verdict, String> {
		let call = match &self.action {
			Action::Read { contract, message, args } => {
				let rpc = self.connection.rpc()?;
				let answer = read(&rpc, &account("CONTRACT", contract)?, message, args)?;
				println!("{}", serde_json::to_string_pretty(&answer).expect("JSON serialises"));
				return Ok(Verdict::Done);
			},
			Action::Encode(what) => {
				println!("{}", to_hex(&what.encode()?));
				return Ok(Verdict::Done);
			},
			Action::Deploy { wasm, constructor, args, salt, gas_ms } => {
				let code = read_file(wasm)?;
				let code_hash = <Runtime as frame_system::Config>::Hashing::hash(&code);
				println!("code hash {}", to_hex(code_hash.as_bytes()));
				RuntimeCall::Contracts(pallet_contracts::Call::instantiate_with_code {
					value: 0,
					gas_limit: gas(*gas_ms),
					storage_deposit_limit: None,
					code,
					data: input(constructor, args)?,
					salt: salt.as_bytes().to_vec(),
				})
			},
			Action::Call { contract, message, args, gas_ms } => {
				RuntimeCall::Contracts(pallet_contracts::Call::call {
					dest: sp_runtime::MultiAddress::Id(account("CONTRACT", contract)?),
					value: 0,
					gas_limit: gas(*gas_ms),
					storage_deposit_limit: None,
					data: input(message, args)?,
				})
			},
			Action::Set { kind, direction, contract, remove } => {
				let contract = match (contract, remove) {
					(Some(text), false) => Some(account("CONTRACT", text)?),
					_ => None,
				};
				if pallet_tamga_certificates::rules::rule_kind(*kind).is_none() {
					return Err(format!(
						"--kind {kind}: only origin, veterinary and phytosanitary documents are \
						 judged by rule contracts"
					));
				}
				RuntimeCall::Certificates(CertificatesCall::set_rules {
					kind: *kind,
					direction: *direction,
					contract,
				})
			},
		};
		let rpc = self.connection.rpc()?;
		let submission = self.connection.submit(&rpc, call)?;
		for event in submission.outcome().iter().flat_map(|o| &o.events) {
			if let RuntimeEvent::Contracts(pallet_contracts::Event::Instantiated {
				contract, ..
			}) = event
			{
				println!("contract {}", contract.to_ss58check());
			}
		}
		Ok(submission.verdict())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn answers_of_tamgas_contracts_are_described() {
		let rule = OriginRule {
			change_of_heading: true,
			max_non_originating_percent: 50,
			warn_margin_percent: 5,
			cumulation: vec![*b"KG"],
			cumulation_needs_evidence: false,
			forms: vec![Form::EaeuCt1, Form::FormA],
		};
		let json = describe("rule", &rule.encode()).unwrap();
		assert_eq!(json["maxNonOriginatingPercent"], 50);
		assert_eq!(json["cumulation"], json!(["KG"]));
		assert_eq!(json["forms"], json!(["ct1", "formA"]));
		let ban = Ban { exporting: *b"KZ", hs_prefix: 2, digits: 2, from_day: 1, until_day: None };
		let json = describe("bans", &vec![ban].encode()).unwrap();
		assert_eq!(
			json,
			json!([{"exporting": "KZ", "hsPrefix": "02", "from": "1970-01-02", "until": null}])
		);
		assert_eq!(describe("rule", &[1, 2]), None, "a short answer is not a rule");
		assert_eq!(describe("other", &[]), None);
	}

	#[test]
	fn selectors_are_inks() {
		assert_eq!(selector("new"), [0x9b, 0xae, 0x9d, 0x5e]);
		assert_eq!(selector("validate"), [0x5a, 0xe2, 0x74, 0x23]);
	}

	#[test]
	fn arguments_encode_as_the_contracts_read_them() {
		let rule = EncodeCmd::OriginRule {
			change_of_heading: true,
			max_non_originating: 50,
			warn_margin: 5,
			cumulation: vec!["KG".parse().unwrap()],
			needs_evidence: true,
			forms: vec![CertificateKind::NON_PREFERENTIAL],
		};
		assert_eq!(rule.encode().unwrap(), [1, 50, 5, 4, b'K', b'G', 1, 4, 3]);
		// Forms named twice count once; veterinary certificates are no origin rule's.
		let with_forms = |forms| EncodeCmd::OriginRule {
			change_of_heading: true,
			max_non_originating: 50,
			warn_margin: 5,
			cumulation: Vec::new(),
			needs_evidence: false,
			forms,
		};
		use pallet_tamga_certificates::CertificateKind as K;
		let twice = with_forms(vec![K::EAEU_CT1, K::EUR1, K::EAEU_CT1]);
		assert_eq!(twice.encode().unwrap(), [1, 50, 5, 0, 0, 8, 0, 1]);
		let veterinary = with_forms(vec![K::EAEU_CT1, K::VETERINARY]);
		assert!(veterinary.encode().unwrap_err().contains("veterinary"));
		let ban = EncodeCmd::Ban {
			exporting: "KZ".parse().unwrap(),
			hs_prefix: "0201".into(),
			from: "1970-01-02".into(),
			until: None,
		};
		assert_eq!(ban.encode().unwrap(), [b'K', b'Z', 201, 0, 0, 0, 4, 1, 0, 0, 0, 0]);
		assert!(EncodeCmd::Chapters { chapters: vec![2, 100] }.encode().is_err());
		let ends_early = EncodeCmd::Ban {
			exporting: "KZ".parse().unwrap(),
			hs_prefix: "02".into(),
			from: "2026-01-02".into(),
			until: Some("2026-01-01".into()),
		};
		assert!(ends_early.encode().unwrap_err().contains("ends before it starts"));
		assert!(EncodeCmd::Ban {
			exporting: "KZ".parse().unwrap(),
			hs_prefix: "2".into(),
			from: "2026-01-01".into(),
			until: None
		}
		.encode()
		.is_err());
	}
}

/// A dry run of `message` with `args` on `contract` at the best block: the answer as JSON
/// for the messages of Tamga's contracts, as hex otherwise.
fn read(
	rpc: &crate::rpc::Rpc,
	contract: &AccountId32,
	message: &str,
	args: &str,
) -> Result<Value, String> {
	let params = (
		contract.clone(),
		contract.clone(),
		0u128,
		None::<sp_runtime::Weight>,
		Some(0u128),
		input(message, args)?,
	);
	let output = rpc.call("state_call", json!(["ContractsApi_call", to_hex(&params.encode())]))?;
	let bytes = from_hex(output.as_str().ok_or("state_call answered no hex")?)?;
	let result = pallet_contracts::ContractExecResult::<
		u128,
		frame_system::EventRecord<RuntimeEvent, sp_core::H256>,
	>::decode(&mut &bytes[..])
	.map_err(|e| format!("the node's answer does not decode ({e}): is it a Tamga node?"))?;
	let answer = result.result.map_err(|e| format!("the contract gave no answer: {e:?}"))?;
	if answer.did_revert() {
		return Err(format!("the contract refused: {}", to_hex(&answer.data)));
	}
	let data = tamga_rules::message_answer(&answer.data)
		.ok_or_else(|| format!("the contract could not read the call: {}", to_hex(&answer.data)))?;
	Ok(describe(message, data).unwrap_or_else(|| json!({ "answer": to_hex(data) })))
}

/// The JSON form of `data`, the answer to `message` of one of Tamga's contracts, if it
/// decodes as such.
fn describe(message: &str, mut data: &[u8]) -> Option<Value> {
	use codec::DecodeAll;
	let country = |c: &[u8; 2]| String::from_utf8_lossy(c).into_owned();
	let day = tamga_rpc::dates::iso_date;
	Some(match message {
		"rule" => {
			let rule = OriginRule::decode_all(&mut data).ok()?;
			json!({
				"changeOfHeading": rule.change_of_heading,
				"maxNonOriginatingPercent": rule.max_non_originating_percent,
				"warnMarginPercent": rule.warn_margin_percent,
				"cumulation": rule.cumulation.iter().map(country).collect::<Vec<_>>(),
				"cumulationNeedsEvidence": rule.cumulation_needs_evidence,
				"forms": rule.forms.iter().map(|&form| form_kind(form).to_string()).collect::<Vec<_>>(),
			})
		},
		"owner" => json!({ "owner": AccountId32::decode_all(&mut data).ok()?.to_ss58check() }),
		"chapters" => json!({ "chapters": Vec::<u8>::decode_all(&mut data).ok()? }),
		"bans" => Value::Array(
			Vec::<Ban>::decode_all(&mut data)
				.ok()?
				.iter()
				.map(|ban| {
					json!({
						"exporting": country(&ban.exporting),
						"hsPrefix": format!("{:0width$}", ban.hs_prefix, width = ban.digits as usize),
						"from": day(ban.from_day),
						"until": ban.until_day.map(day),
					})
				})
				.collect(),
		),
		_ => return None,
	})
}
