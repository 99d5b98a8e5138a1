//! Signing Tamga transactions with the runtime's own types, submitting them through a
//! node's JSON-RPC and reporting what became of them (block, events, decoded error).

use codec::{Decode, Encode};
use serde_json::{json, Value};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};
use tamga_runtime::{AccountId, RuntimeCall, RuntimeError, RuntimeEvent};

pub use crate::rpc::{from_hex, to_hex, Rpc};
use crate::{
	finality::{Found, Wait},
	support::Verdict,
};

/// An sr25519 account that signs transactions.
pub struct Signer {
	pair: sr25519::Pair,
}

impl Signer {
	/// The signer of secret URI `suri` (a mnemonic, a hex seed or a `//Name` dev URI).
	pub fn from_suri(suri: &str) -> Result<Self, String> {
		sr25519::Pair::from_string(suri, None)
			.map(|pair| Self { pair })
			.map_err(|e| format!("invalid secret URI: {e:?}"))
	}

	/// Its account.
	pub fn account(&self) -> AccountId {
		<MultiSignature as Verify>::Signer::from(self.pair.public()).into_account()
	}

	/// Signs `call` with `nonce`, or with the account's next nonce as the node `rpc`
	/// reaches counts it, valid for [`MORTALITY`] blocks, and submits it; returns the
	/// transaction hash and the extrinsic (hex).
	pub fn submit(
		&self,
		rpc: &Rpc,
		call: RuntimeCall,
		nonce: Option<u32>,
	) -> Result<(String, String), String> {
		let nonce = match nonce {
			Some(nonce) => nonce,
			None => self.next_nonce(rpc)?,
		};
		let genesis = rpc.call("chain_getBlockHash", json!([0]))?;
		let genesis = from_hex(genesis.as_str().unwrap_or_default())?;
		let genesis =
			H256::decode(&mut &genesis[..]).map_err(|_| "bad genesis hash".to_string())?;
		let version = rpc.call("state_getRuntimeVersion", json!([]))?;
		let field = |name: &str| {
			version
				.get(name)
				.and_then(Value::as_u64)
				.map(|v| v as u32)
				.ok_or_else(|| format!("runtime version without {name}"))
		};
		let (spec_version, transaction_version) =
			(field("specVersion")?, field("transactionVersion")?);
		let lifetime = lifetime(rpc)?;

		let extrinsic = tamga_runtime::sign(
			&self.pair,
			call,
			nonce,
			spec_version,
			transaction_version,
			genesis,
			lifetime,
		);
		let encoded = to_hex(&extrinsic.encode());
		let hash = rpc.call("author_submitExtrinsic", json!([encoded]))?;
		let hash = hash
			.as_str()
			.map(str::to_owned)
			.ok_or_else(|| format!("bad transaction hash {hash}"))?;
		Ok((hash, encoded))
	}

	/// The account's next nonce as the node `rpc` reaches counts it: its nonce at the best
	/// block plus the transactions of the account the node's pool holds ready.
	pub fn next_nonce(&self, rpc: &Rpc) -> Result<u32, String> {
		use sp_core::crypto::Ss58Codec;
		let nonce = rpc.call("system_accountNextIndex", json!([self.account().to_ss58check()]))?;
		nonce
			.as_u64()
			.and_then(|n| u32::try_from(n).ok())
			.ok_or_else(|| format!("bad nonce {nonce}"))
	}
}

/// How many blocks a transaction the tool signs stays valid (about two minutes): one
/// that was dropped cannot be submitted again and included later.
pub const MORTALITY: u64 = 64;

/// The lifetime of a transaction signed now: [`MORTALITY`] blocks from the last
/// finalized block (which no fork can abandon), or from the best block when finality
/// lags so far behind that the transaction would die before it could be included.
fn lifetime(rpc: &Rpc) -> Result<tamga_runtime::Lifetime, String> {
	let (finalized_hash, finalized) = rpc.finalized_head()?;
	let best = rpc.best_number()?;
	let (birth, hash) = if u64::from(best.saturating_sub(finalized)) < MORTALITY / 2 {
		(finalized, finalized_hash)
	} else {
		let hash = rpc.call("chain_getBlockHash", json!([best]))?;
		(best, hash.as_str().ok_or_else(|| format!("bad block hash {hash}"))?.to_string())
	};
	let birth_hash =
		H256::decode(&mut &from_hex(&hash)?[..]).map_err(|_| format!("bad block hash {hash}"))?;
	Ok(tamga_runtime::Lifetime::Mortal { period: MORTALITY, birth, birth_hash })
}

/// How a command reaches a node and signs: the options every node-facing command shares.
#[derive(Debug, clap::Args)]
pub struct Connection {
	/// JSON-RPC endpoint of a Tamga node: `http://`, `https://`, `ws://` or `wss://`
	/// (plain HTTP to another machine than this one is warned about).
	#[arg(long, env = "TAMGA_URL", default_value = "http://127.0.0.1:9944")]
	pub url: String,

	/// The signing key.
	#[command(flatten)]
	pub secret: crate::secret::SecretArgs,

	/// What to wait for before reporting: the node's acceptance (`submitted`), a block
	/// of the best chain (`in-block`: it may still be abandoned), or finality
	/// (`finalized`: the result can no longer change). Exit code 3 when it does not
	/// come within --timeout.
	#[arg(long, value_enum, default_value_t = Wait::Finalized)]
	pub wait: Wait,

	/// How long to wait (seconds) for what --wait names.
	#[arg(long, default_value_t = 60, value_name = "SECONDS")]
	pub timeout: u64,

	/// Sign with this nonce instead of asking the node for the account's next one. For
	/// software that submits many transactions in a row and keeps its own count: while a
	/// node switches to another fork, it can briefly count the account's transactions of
	/// the abandoned blocks as unused, and a new transaction signed with the nonce it
	/// answers displaces one of them from the pool. Transactions whose nonce leaves a gap
	/// wait in the pool until the gap is filled.
	#[arg(long)]
	pub nonce: Option<u32>,
}

impl Connection {
	/// A client of the node (refuses a malformed URL).
	pub fn rpc(&self) -> Result<Rpc, String> {
		Rpc::new(&self.url)
	}

	/// Signs and submits `call` with the command's key and reports it (see
	/// [`submit_and_report`]).
	pub fn submit(&self, rpc: &Rpc, call: RuntimeCall) -> Result<Submission, String> {
		let signer = Signer::from_suri(&self.secret.suri()?)?;
		submit_and_report(
			rpc,
			&signer,
			call,
			self.nonce,
			self.wait,
			std::time::Duration::from_secs(self.timeout),
		)
	}
}

/// What came of a submission, as far as the command waited.
pub enum Submission {
	/// The node accepted it; nobody waited for more.
	Sent,
	/// It is in a block of the best chain, which may still be abandoned.
	InBlock(Outcome),
	/// It is in a finalized block: final.
	Final(Outcome),
	/// What was waited for did not come in time (e.g. finality stalls during a network
	/// partition); the transaction may still be included, finalized, or dropped.
	NotFinal,
}

impl Submission {
	/// The command's verdict: not final is exit code 3.
	pub fn verdict(&self) -> Verdict {
		match self {
			Self::NotFinal => Verdict::NotFinal,
			_ => Verdict::Done,
		}
	}

	/// The outcome, if the command waited for a block.
	pub fn outcome(&self) -> Option<&Outcome> {
		match self {
			Self::InBlock(outcome) | Self::Final(outcome) => Some(outcome),
			Self::Sent | Self::NotFinal => None,
		}
	}
}

/// Signs and submits `call`, prints its hash, then waits for what `wait` names (at most
/// `timeout`) and prints the events it emitted; fails with the decoded error if it
/// failed.
pub fn submit_and_report(
	rpc: &Rpc,
	signer: &Signer,
	call: RuntimeCall,
	nonce: Option<u32>,
	wait: Wait,
	timeout: std::time::Duration,
) -> Result<Submission, String> {
	let before = rpc.head()?;
	let (hash, extrinsic) = signer.submit(rpc, call, nonce)?;
	println!("submitted {hash}");
	if wait == Wait::Submitted {
		return Ok(Submission::Sent);
	}
	let Some(found) = rpc.wait_for(&extrinsic, before, wait, timeout)? else {
		eprintln!(
			"NOT FINAL: the transaction is not in {} within {timeout:?}; it may still be \
			 included, finalized or dropped: check before acting on it",
			if wait == Wait::Finalized { "a finalized block" } else { "a block" },
		);
		return Ok(Submission::NotFinal);
	};
	let outcome = rpc.outcome(&found)?;
	for event in &outcome.events {
		println!("  {event:?}");
	}
	let place = if wait == Wait::Finalized {
		format!("finalized block #{}", outcome.block)
	} else {
		format!("block #{} (not final yet)", outcome.block)
	};
	match &outcome.error {
		None => {
			println!("included in {place}");
			Ok(if wait == Wait::Finalized {
				Submission::Final(outcome)
			} else {
				Submission::InBlock(outcome)
			})
		},
		Some(error) => Err(format!("the transaction failed in {place}: {error}")),
	}
}

/// What became of a submitted transaction.
pub struct Outcome {
	/// The block that includes it.
	pub block: u32,
	/// The events it emitted (besides `ExtrinsicSuccess`/`ExtrinsicFailed`).
	pub events: Vec<RuntimeEvent>,
	/// Why it failed, if it did, e.g. `Governance(NotMember)`.
	pub error: Option<String>,
}

impl Rpc {
	/// The outcome of the transaction `found`, from its block's events.
	fn outcome(&self, found: &Found) -> Result<Outcome, String> {
		let records = self.events_at(&found.hash)?;
		let mut outcome = Outcome { block: found.number, events: Vec::new(), error: None };
		for record in records {
			if record.phase != frame_system::Phase::ApplyExtrinsic(found.index) {
				continue;
			}
			match record.event {
				RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }) => {},
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error,
					..
				}) => {
					outcome.error = Some(match RuntimeError::from_dispatch_error(dispatch_error) {
						Some(error) => explain_error(&error),
						None => format!("{dispatch_error:?}"),
					})
				},
				event => outcome.events.push(event),
			}
		}
		Ok(outcome)
	}
}

/// A runtime error for people: its name and, for a rule contract's refusal, what the
/// reason code means.
fn explain_error(error: &RuntimeError) -> String {
	use pallet_tamga_certificates::Error as Certificates;
	match error {
		RuntimeError::Certificates(Certificates::RejectedByRules { direction, code }) => format!(
			"{error:?}: the {} administration's rules refused the document, reason {code} ({})",
			match direction {
				pallet_tamga_certificates::Direction::Export => "exporting",
				pallet_tamga_certificates::Direction::Import => "importing",
			},
			match tamga_rules::reasons::meaning(*code) {
				Some(meaning) => meaning,
				None if *code >= tamga_rules::reasons::FIRST_OWN_CODE => {
					"a code of that administration's own rules: ask it"
				},
				None => "a code Tamga does not define",
			},
		),
		RuntimeError::Certificates(Certificates::RulesFailed { failure, .. }) => format!(
			"{error:?}: the rule contract gave no verdict ({failure:?}); the document is not \
			 anchored, ask the administration to fix its contract"
		),
		// The pallets' errors print their variant only: name why the sender was denied.
		RuntimeError::Certificates(Certificates::Denied(denied)) => {
			format!("Certificates(Denied({denied:?}))")
		},
		RuntimeError::Carnets(pallet_tamga_carnets::Error::Denied(denied)) => {
			format!("Carnets(Denied({denied:?}))")
		},
		RuntimeError::Aeo(pallet_tamga_aeo::Error::Denied(denied)) => {
			format!("Aeo(Denied({denied:?}))")
		},
		_ => format!("{error:?}"),
	}
}
