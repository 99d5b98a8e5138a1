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
	/// reaches counts it, and submits it; returns the transaction hash and the extrinsic
	/// (hex).
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

		let extrinsic = tamga_runtime::sign(
			&self.pair,
			call,
			nonce,
			spec_version,
			transaction_version,
			genesis,
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

/// How a command reaches a node and signs: the options every node-facing command shares.
#[derive(Debug, clap::Args)]
pub struct Connection {
	/// HTTP JSON-RPC endpoint of a Tamga node.
	#[arg(long, env = "TAMGA_URL", default_value = "http://127.0.0.1:9944")]
	pub url: String,

	/// Secret URI of the sr25519 account that signs: a member account of an
	/// administration, or an accredited party (`//Alice` .. `//Dave` are the members on
	/// the local test chain). Prefer the environment variable on shared machines: a
	/// command line is visible to `ps`. Reading commands need none.
	#[arg(long, env = "TAMGA_SURI", hide_env_values = true)]
	pub suri: Option<String>,

	/// Return once the node accepted the transaction, without waiting for a block.
	#[arg(long)]
	pub no_wait: bool,

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

	/// Signs and submits `call` as `--suri` and reports it (see [`submit_and_report`]).
	pub fn submit(&self, rpc: &Rpc, call: RuntimeCall) -> Result<Option<Outcome>, String> {
		let signer = Signer::from_suri(self.suri.as_deref().ok_or("--suri is needed to sign")?)?;
		submit_and_report(rpc, &signer, call, self.nonce, self.no_wait)
	}
}

/// How long to wait for a transaction to be included.
pub const INCLUSION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Signs and submits `call`, prints its hash, then (unless `no_wait`) waits for its block
/// and prints the events it emitted; fails with the decoded error if it failed.
pub fn submit_and_report(
	rpc: &Rpc,
	signer: &Signer,
	call: RuntimeCall,
	nonce: Option<u32>,
	no_wait: bool,
) -> Result<Option<Outcome>, String> {
	let before = rpc.best_number()?;
	let (hash, extrinsic) = signer.submit(rpc, call, nonce)?;
	println!("submitted {hash}");
	if no_wait {
		return Ok(None);
	}
	let outcome = rpc.wait_for_inclusion(&extrinsic, before, INCLUSION_TIMEOUT)?;
	for event in &outcome.events {
		println!("  {event:?}");
	}
	match &outcome.error {
		None => {
			println!("included in block #{}", outcome.block);
			Ok(Some(outcome))
		},
		Some(error) => Err(format!("the transaction failed in block #{}: {error}", outcome.block)),
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
	/// The best block's number.
	pub fn best_number(&self) -> Result<u32, String> {
		let header = self.call("chain_getHeader", json!([]))?;
		let number = header.get("number").and_then(Value::as_str).unwrap_or_default();
		u32::from_str_radix(number.trim_start_matches("0x"), 16)
			.map_err(|e| format!("bad block number: {e}"))
	}

	/// Waits (up to `timeout`) until `extrinsic` (hex) is in a block after `after`, and
	/// reports its outcome from that block's events.
	pub fn wait_for_inclusion(
		&self,
		extrinsic: &str,
		after: u32,
		timeout: std::time::Duration,
	) -> Result<Outcome, String> {
		let deadline = std::time::Instant::now() + timeout;
		let mut next = after + 1;
		loop {
			while next <= self.best_number()? {
				let hash = self.call("chain_getBlockHash", json!([next]))?;
				let block = self.call("chain_getBlock", json!([hash]))?;
				let extrinsics = block.pointer("/block/extrinsics").and_then(Value::as_array);
				if let Some(index) =
					extrinsics.and_then(|xs| xs.iter().position(|x| x.as_str() == Some(extrinsic)))
				{
					return self.outcome(&hash, next, index as u32);
				}
				next += 1;
			}
			if std::time::Instant::now() >= deadline {
				return Err(format!(
					"the transaction was not included within {timeout:?}; it may still be in the pool"
				));
			}
			std::thread::sleep(std::time::Duration::from_millis(500));
		}
	}

	/// The outcome of extrinsic `index` of block `number` (`hash`), from its events.
	fn outcome(&self, hash: &Value, number: u32, index: u32) -> Result<Outcome, String> {
		let records = self.events_at(hash.as_str().unwrap_or_default())?;
		let mut outcome = Outcome { block: number, events: Vec::new(), error: None };
		for record in records {
			if record.phase != frame_system::Phase::ApplyExtrinsic(index) {
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
		_ => format!("{error:?}"),
	}
}
