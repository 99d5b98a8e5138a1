//! `tamga rules`: an administration's rule contracts. Deploy a contract built by
//! `scripts/build-contracts.sh`, call its owner messages (change a rule, impose a ban),
//! register it for a (document kind, direction), and encode the arguments of Tamga's two
//! contracts without writing SCALE by hand.

use codec::Encode;
use pallet_tamga_certificates::{Call as CertificatesCall, Direction};
use pallet_tamga_governance::DocumentKind;
use sp_core::crypto::Ss58Codec;
use sp_runtime::{traits::Hash as _, AccountId32};
use tamga_runtime::{Runtime, RuntimeCall, RuntimeEvent};

use crate::{
	rpc::{from_hex, to_hex},
	support::{country, read_file, Verdict},
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

/// Which documents a contract judges.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum KindArg {
	/// Certificates of origin and origin declarations.
	Origin,
	/// Veterinary certificates.
	Veterinary,
}

/// Whose documents: your issuers' (export) or those bound for your country (import).
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DirectionArg {
	/// Documents your own issuers anchor.
	Export,
	/// Documents bound for your country.
	Import,
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
	/// Register a contract as your administration's rules for a kind and direction, or
	/// remove them (`--remove`).
	Set {
		/// The documents it judges.
		#[arg(long, value_enum)]
		kind: KindArg,
		/// Your issuers' documents (export) or those bound for your country (import).
		#[arg(long, value_enum)]
		direction: DirectionArg,
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
		cumulation: Vec<String>,
		/// A cumulated material needs a certificate of origin anchored on Tamga.
		#[arg(long)]
		needs_evidence: bool,
	},
	/// `vet-import-conditions` chapters needing a veterinary certificate (for `new` and
	/// `set_chapters`), e.g. `1,2,4`.
	Chapters {
		/// HS chapters, 1 to 97.
		#[arg(value_delimiter = ',', required = true)]
		chapters: Vec<u8>,
	},
	/// A `vet-import-conditions` ban (for `impose_ban`).
	Ban {
		/// The banned exporting country.
		#[arg(long)]
		exporting: String,
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

/// `origin-rules`' `Rule`, field for field.
#[derive(Encode)]
struct OriginRule {
	change_of_heading: bool,
	max_non_originating_percent: u8,
	warn_margin_percent: u8,
	cumulation: Vec<[u8; 2]>,
	cumulation_needs_evidence: bool,
}

/// `vet-import-conditions`' `Ban`, field for field.
#[derive(Encode)]
struct Ban {
	exporting: [u8; 2],
	hs_prefix: u32,
	digits: u8,
	from_day: u32,
	until_day: Option<u32>,
}

/// The selector of ink! message or constructor `name`.
pub fn selector(name: &str) -> [u8; 4] {
	let hash = sp_io::hashing::blake2_256(name.as_bytes());
	[hash[0], hash[1], hash[2], hash[3]]
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
			} => {
				if *max_non_originating > 100 || *warn_margin > 100 {
					return Err("percentages are 0 to 100".into());
				}
				OriginRule {
					change_of_heading: *change_of_heading,
					max_non_originating_percent: *max_non_originating,
					warn_margin_percent: *warn_margin,
					cumulation: cumulation
						.iter()
						.map(|c| country("--cumulation", c))
						.collect::<Result<_, _>>()?,
					cumulation_needs_evidence: *needs_evidence,
				}
				.encode()
			},
			EncodeCmd::Chapters { chapters } => {
				if let Some(bad) = chapters.iter().find(|c| !(1..=97).contains(*c)) {
					return Err(format!("chapter {bad} is not 1 to 97"));
				}
				chapters.encode()
			},
			EncodeCmd::Ban { exporting, hs_prefix, from, until } => {
				let digits = hs_prefix.len();
				if !(2..=6).contains(&digits) || !hs_prefix.bytes().all(|b| b.is_ascii_digit()) {
					return Err(format!("--hs-prefix: 2 to 6 digits, not {hs_prefix}"));
				}
				Ban {
					exporting: country("--exporting", exporting)?,
					hs_prefix: hs_prefix.parse().map_err(|e| format!("--hs-prefix: {e}"))?,
					digits: digits as u8,
					from_day: tamga_rpc::dates::parse_iso_date(from)
						.map_err(|e| format!("--from: {e}"))?,
					until_day: until
						.as_deref()
						.map(tamga_rpc::dates::parse_iso_date)
						.transpose()
						.map_err(|e| format!("--until: {e}"))?,
				}
				.encode()
			},
		})
	}
}

impl RulesCmd {
	/// Runs the action and prints what happened.
	pub fn run(&self) -> Result<Verdict, String> {
		let call = match &self.action {
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
				RuntimeCall::Certificates(CertificatesCall::set_rules {
					kind: match kind {
						KindArg::Origin => DocumentKind::Origin,
						KindArg::Veterinary => DocumentKind::Veterinary,
					},
					direction: match direction {
						DirectionArg::Export => Direction::Export,
						DirectionArg::Import => Direction::Import,
					},
					contract,
				})
			},
		};
		let rpc = self.connection.rpc()?;
		let outcome = self.connection.submit(&rpc, call)?;
		for event in outcome.iter().flat_map(|o| &o.events) {
			if let RuntimeEvent::Contracts(pallet_contracts::Event::Instantiated {
				contract, ..
			}) = event
			{
				println!("contract {}", contract.to_ss58check());
			}
		}
		Ok(Verdict::Done)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

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
			cumulation: vec!["KG".into()],
			needs_evidence: true,
		};
		assert_eq!(rule.encode().unwrap(), [1, 50, 5, 4, b'K', b'G', 1]);
		let ban = EncodeCmd::Ban {
			exporting: "KZ".into(),
			hs_prefix: "0201".into(),
			from: "1970-01-02".into(),
			until: None,
		};
		assert_eq!(ban.encode().unwrap(), [b'K', b'Z', 201, 0, 0, 0, 4, 1, 0, 0, 0, 0]);
		assert!(EncodeCmd::Chapters { chapters: vec![2, 98] }.encode().is_err());
		assert!(EncodeCmd::Ban {
			exporting: "KZ".into(),
			hs_prefix: "2".into(),
			from: "2026-01-01".into(),
			until: None
		}
		.encode()
		.is_err());
	}
}
