//! `tamga aeo`: what administrations and border officers do with AEO statuses and
//! mutual recognition agreements, through a node's JSON-RPC.
//!
//! An operator's identifier (TIN, EORI, ...) never goes on chain: `--operator-id` and
//! `--salt` become the commitment blake2-256 of the SCALE encoding of (salt, identifier).
//! Read commands take the operator as `CC:0x…` (`--operator`) or as `--country`,
//! `--operator-id` and `--salt`.
//!
//! Exit codes: 0 done (for `recognition`: recognised), 1 `recognition`: not recognised,
//! `status`: never certified, 2 error (bad input, unreachable node, failed transaction).

use pallet_tamga_aeo::{Call as AeoCall, Operator, Programme, StatusReason, MAX_LISTED_PENDING};
use serde_json::json;
use sp_core::H256;
use tamga_primitives::CountryCode;
use tamga_rpc_types::{
	aeo::{PendingJson, RecognitionJson, StatusJson},
	errors::UNKNOWN_OPERATOR,
};
use tamga_runtime::RuntimeCall;

use crate::{
	support::{blake2, commitment, page_line, print_json, PageArgs, Verdict},
	tx::Rpc,
};

/// AEO: certify operators, agreements, recognition, acknowledgements.
#[derive(Debug, clap::Args)]
#[command(after_help = "Exit codes: 0 done (recognition: recognised), 1 not recognised or never \
	              certified, 2 error.")]
pub struct AeoCmd {
	/// The node to talk to and the signing account.
	#[command(flatten)]
	pub connection: crate::tx::Connection,

	/// What to do.
	#[command(subcommand)]
	pub action: Action,
}

/// An AEO programme, or an agreement's scope.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ProgrammeArg {
	/// AEO-S: security and safety.
	Security,
	/// AEO-C: customs simplifications.
	Simplifications,
	/// AEO-F: both.
	Both,
}

impl From<ProgrammeArg> for Programme {
	fn from(programme: ProgrammeArg) -> Self {
		match programme {
			ProgrammeArg::Security => Self::Security,
			ProgrammeArg::Simplifications => Self::Simplifications,
			ProgrammeArg::Both => Self::Both,
		}
	}
}

/// One of your own administration's operators.
#[derive(Debug, Clone, clap::Args)]
pub struct OwnOperator {
	/// The operator's identifier in your country (kept off chain).
	#[arg(long)]
	pub operator_id: String,
	/// The salt of the operator's commitment, at least 16 bytes. A first certification
	/// may omit it: 128 random bits are generated and printed once (keep them: every
	/// later action on the operator needs them).
	#[arg(long)]
	pub salt: Option<String>,
}

impl OwnOperator {
	/// The operator's commitment; the salt is generated when none is given and `first`
	/// (a certification), and required otherwise.
	fn commitment(&self, first: bool) -> Result<H256, String> {
		let salt = if first {
			crate::salt::given_or_new("--salt", self.salt.as_deref(), "the operator commitment")?
		} else {
			crate::salt::required("--salt", self.salt.as_deref(), "the operator's commitment")?
		};
		Ok(commitment(&salt, &self.operator_id))
	}
}

/// Any administration's operator.
#[derive(Debug, Clone, clap::Args)]
pub struct AnyOperator {
	/// The operator as `CC:0x…` (country and commitment).
	#[arg(long, conflicts_with_all = ["country", "operator_id", "salt"])]
	pub operator: Option<String>,
	/// The certifying administration's country (with --operator-id and --salt).
	#[arg(long, requires_all = ["operator_id", "salt"])]
	pub country: Option<CountryCode>,
	/// The operator's identifier there.
	#[arg(long)]
	pub operator_id: Option<String>,
	/// The salt of its commitment.
	#[arg(long)]
	pub salt: Option<String>,
}

impl AnyOperator {
	/// The operator as the RPC takes it, `CC:0x…`.
	fn text(&self) -> Result<String, String> {
		match (&self.operator, &self.country, &self.operator_id, &self.salt) {
			(Some(text), ..) => Ok(text.clone()),
			(None, Some(code), Some(id), Some(salt)) => {
				crate::salt::check("--salt", salt)?;
				Ok(Operator { country: *code, commitment: commitment(salt, id) }.to_string())
			},
			_ => Err("give --operator CC:0x… or --country, --operator-id and --salt".into()),
		}
	}
}

/// An AEO action.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
	/// Certify (or renew, or amend) one of your operators.
	Certify {
		/// Which operator.
		#[command(flatten)]
		operator: OwnOperator,
		/// Its programme.
		#[arg(long, value_enum)]
		programme: ProgrammeArg,
		/// First day of validity, YYYY-MM-DD.
		#[arg(long)]
		valid_from: String,
		/// Last day of validity, YYYY-MM-DD.
		#[arg(long)]
		valid_until: String,
	},
	/// Suspend one of your operators' certification.
	Suspend {
		/// Which operator.
		#[command(flatten)]
		operator: OwnOperator,
		/// Why.
		#[arg(long, value_parser = crate::flags::named::<StatusReason>())]
		reason: StatusReason,
		/// The explanation (only its hash goes on chain).
		#[arg(long, default_value = "")]
		text: String,
	},
	/// Reinstate a suspended certification.
	Reinstate {
		/// Which operator.
		#[command(flatten)]
		operator: OwnOperator,
	},
	/// Revoke a certification.
	Revoke {
		/// Which operator.
		#[command(flatten)]
		operator: OwnOperator,
		/// Why.
		#[arg(long, value_parser = crate::flags::named::<StatusReason>())]
		reason: StatusReason,
		/// The explanation (only its hash goes on chain).
		#[arg(long, default_value = "")]
		text: String,
	},
	/// Acknowledge a partner's status change for your administration.
	Acknowledge {
		/// The change's number (see `pending`).
		#[arg(long)]
		change: u64,
	},
	/// Propose a mutual recognition agreement to another administration.
	Propose {
		/// The partner administration's country.
		#[arg(long)]
		partner: CountryCode,
		/// The programmes recognised.
		#[arg(long, value_enum)]
		scope: ProgrammeArg,
		/// First day in force, YYYY-MM-DD.
		#[arg(long)]
		valid_from: String,
		/// Last day in force, YYYY-MM-DD.
		#[arg(long)]
		valid_until: String,
	},
	/// Accept an agreement proposed to your administration.
	Accept {
		/// The agreement's number.
		#[arg(long)]
		mra: u32,
	},
	/// Suspend an agreement in force (either party).
	SuspendMra {
		/// The agreement's number.
		#[arg(long)]
		mra: u32,
	},
	/// Resume an agreement your administration suspended.
	ResumeMra {
		/// The agreement's number.
		#[arg(long)]
		mra: u32,
	},
	/// Terminate an agreement, or withdraw or decline a proposal (either party).
	Terminate {
		/// The agreement's number.
		#[arg(long)]
		mra: u32,
	},
	/// Show an operator's certification and its status changes.
	Status {
		/// Which operator.
		#[command(flatten)]
		operator: AnyOperator,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// Is an operator recognised by an administration today? (exit 0 yes, 1 no)
	Recognition {
		/// Which operator.
		#[command(flatten)]
		operator: AnyOperator,
		/// The administration asked about (ISO 3166-1 alpha-2).
		#[arg(long)]
		by: String,
		/// The day asked about, YYYY-MM-DD (default: today, by the chain's clock).
		#[arg(long)]
		on: Option<String>,
		/// Which block answers.
		#[command(flatten)]
		read: crate::finality::ReadAt,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
	/// List the status changes an administration has not acknowledged, a page at a time
	/// (at most 1,000 a page), oldest first.
	Pending {
		/// The administration (ISO 3166-1 alpha-2).
		#[arg(long)]
		administration: String,
		/// Which page.
		#[command(flatten)]
		page: PageArgs,
		/// Print the JSON answer.
		#[arg(long)]
		json: bool,
	},
}

fn date(text: &str) -> Result<u32, String> {
	tamga_rpc::dates::parse_iso_date(text)
}

impl AeoCmd {
	/// Runs the action.
	pub fn run(&self) -> Result<Verdict, String> {
		let rpc = self.connection.rpc()?;
		let call = match &self.action {
			Action::Status { operator, json } => return status(&rpc, &operator.text()?, *json),
			Action::Recognition { operator, by, on, read, json } => {
				let at = read.block(&rpc)?;
				return recognition(&rpc, &operator.text()?, by, on.as_deref(), at, *json);
			},
			Action::Pending { administration, page, json } => {
				return pending(&rpc, administration, page, *json)
			},
			Action::Certify { operator, programme, valid_from, valid_until } => AeoCall::certify {
				commitment: operator.commitment(true)?,
				programme: (*programme).into(),
				valid_from: date(valid_from)?,
				valid_until: date(valid_until)?,
			},
			Action::Suspend { operator, reason, text } => AeoCall::suspend {
				commitment: operator.commitment(false)?,
				reason: *reason,
				text_hash: blake2(text.as_bytes()),
			},
			Action::Reinstate { operator } => {
				AeoCall::reinstate { commitment: operator.commitment(false)? }
			},
			Action::Revoke { operator, reason, text } => AeoCall::revoke {
				commitment: operator.commitment(false)?,
				reason: *reason,
				text_hash: blake2(text.as_bytes()),
			},
			Action::Acknowledge { change } => AeoCall::acknowledge { change: *change },
			Action::Propose { partner, scope, valid_from, valid_until } => AeoCall::propose_mra {
				partner: *partner.as_bytes(),
				scope: (*scope).into(),
				valid_from: date(valid_from)?,
				valid_until: date(valid_until)?,
			},
			Action::Accept { mra } => AeoCall::accept_mra { id: *mra },
			Action::SuspendMra { mra } => AeoCall::suspend_mra { id: *mra },
			Action::ResumeMra { mra } => AeoCall::resume_mra { id: *mra },
			Action::Terminate { mra } => AeoCall::terminate_mra { id: *mra },
		};
		Ok(self.connection.submit(&rpc, RuntimeCall::Aeo(call))?.verdict())
	}
}

/// Prints an operator's certification.
fn status(rpc: &Rpc, operator: &str, json: bool) -> Result<Verdict, String> {
	let answer: StatusJson = match rpc.ask("tamga_aeoStatus", json!([operator])) {
		Err(error) if error.code() == Some(UNKNOWN_OPERATOR) => {
			println!("UNKNOWN: {error}");
			return Ok(Verdict::Invalid);
		},
		other => other?,
	};
	if json {
		print_json(&answer);
		return Ok(Verdict::Done);
	}
	println!("operator:  {} ({})", answer.operator, answer.administration);
	println!(
		"status:    {} {} (effective {}, block #{}), valid {} to {}",
		answer.programme,
		answer.state,
		answer.effective_date,
		answer.effective_block,
		answer.valid_from,
		answer.valid_until
	);
	for change in &answer.changes {
		println!(
			"  change {:>4}: {} {} on {} (block #{}){}",
			change.change,
			change.status,
			change.programme,
			change.date,
			change.block,
			change.reason.as_ref().map(|r| format!(", reason {r}")).unwrap_or_default()
		);
	}
	Ok(Verdict::Done)
}

/// Prints whether `by` recognises `operator`.
fn recognition(
	rpc: &Rpc,
	operator: &str,
	by: &str,
	on: Option<&str>,
	at: Option<String>,
	json: bool,
) -> Result<Verdict, String> {
	if let Some(day) = on {
		date(day)?;
	}
	let params = json!([operator, by, at, on]);
	let answer: RecognitionJson = rpc.ask("tamga_aeoRecognition", params)?;
	if json {
		print_json(&answer);
	} else {
		println!("{}", answer.verdict);
		println!("answered for {} from {}", answer.date, crate::finality::block_label(&answer.at));
	}
	Ok(if answer.recognised { Verdict::Done } else { Verdict::Invalid })
}

/// Prints page `page` of the changes `administration` has not acknowledged.
fn pending(
	rpc: &Rpc,
	administration: &str,
	page: &PageArgs,
	json: bool,
) -> Result<Verdict, String> {
	let params = json!([administration, page.page, page.limit(MAX_LISTED_PENDING)?]);
	let answer: PendingJson = rpc.ask("tamga_pendingAcknowledgements", params)?;
	if json {
		print_json(&answer);
		return Ok(Verdict::Done);
	}
	println!("{} change(s) not acknowledged by {administration}", answer.total);
	for change in &answer.pending {
		println!(
			"  change {:>4}: {} {} {} on {}",
			change.change, change.operator, change.status, change.programme, change.date
		);
	}
	if answer.total > 0 {
		let shown = answer.pending.len() as u64;
		let (total, page, limit) = (answer.total.into(), answer.page.into(), answer.limit.into());
		println!("{}", page_line("changes", total, page, limit, shown));
	}
	Ok(Verdict::Done)
}
