//! Signing and submitting Tamga transactions through a node's JSON-RPC (HTTP), for the
//! `tamga-node governance` commands.

use codec::{Decode, Encode};
use serde_json::{json, Value};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use tamga_runtime::{
	AccountId, RuntimeCall, RuntimeError, RuntimeEvent, SignedPayload, UncheckedExtrinsic,
};

/// A blocking JSON-RPC client over HTTP.
pub struct Rpc {
	url: String,
	agent: ureq::Agent,
}

impl Rpc {
	/// A client of the node at `url` (e.g. `http://127.0.0.1:9944`).
	pub fn new(url: &str) -> Self {
		let agent = ureq::AgentBuilder::new().timeout(std::time::Duration::from_secs(30)).build();
		Self { url: url.to_string(), agent }
	}

	/// Calls `method`; the error names the method and the node's message.
	pub fn call(&self, method: &str, params: Value) -> Result<Value, String> {
		let request = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
		let response: Value = self
			.agent
			.post(&self.url)
			.send_json(request)
			.map_err(|e| format!("cannot reach the node at {}: {e}", self.url))?
			.into_json()
			.map_err(|e| format!("{method}: the node sent an invalid response: {e}"))?;
		if let Some(error) = response.get("error") {
			return Err(explain(method, error));
		}
		response.get("result").cloned().ok_or_else(|| format!("{method}: no result"))
	}

	/// The raw value under storage `key` at the best block.
	pub fn storage(&self, key: &[u8]) -> Result<Option<Vec<u8>>, String> {
		match self.call("state_getStorage", json!([to_hex(key)]))?.as_str() {
			None => Ok(None),
			Some(hex) => from_hex(hex).map(Some),
		}
	}

	/// The storage keys under `prefix` at the best block (at most 1000).
	pub fn keys(&self, prefix: &[u8]) -> Result<Vec<Vec<u8>>, String> {
		let keys = self.call("state_getKeysPaged", json!([to_hex(prefix), 1000]))?;
		keys.as_array()
			.ok_or_else(|| format!("state_getKeysPaged returned {keys}"))?
			.iter()
			.map(|k| from_hex(k.as_str().unwrap_or_default()))
			.collect()
	}
}

/// A readable message for a JSON-RPC error, with Tamga's pool-gating code explained.
fn explain(method: &str, error: &Value) -> String {
	let message = error.get("message").and_then(Value::as_str).unwrap_or("error");
	let data = error.get("data").map(|d| d.to_string()).unwrap_or_default();
	let hint = if data.contains("Custom error: 1") {
		" (the signing account is neither a member, a validator nor an accredited party)"
	} else {
		""
	};
	let code = error.get("code").and_then(Value::as_i64).unwrap_or_default();
	format!("{method}: {message} {data}{hint}").trim_end().to_string() + &format!(" (code {code})")
}

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

	/// Signs `call` with the account's next nonce for the chain `rpc` serves and submits
	/// it; returns the transaction hash and the extrinsic (hex).
	pub fn submit(&self, rpc: &Rpc, call: RuntimeCall) -> Result<(String, String), String> {
		use sp_core::crypto::Ss58Codec;
		let nonce = rpc.call("system_accountNextIndex", json!([self.account().to_ss58check()]))?;
		let nonce = nonce.as_u64().ok_or_else(|| format!("bad nonce {nonce}"))? as u32;
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

		let extension = tamga_runtime::tx_extension(nonce);
		let implicit =
			((), (), (), spec_version, transaction_version, genesis, genesis, (), (), ());
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| self.pair.sign(bytes));
		let extrinsic = UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(self.account()),
			MultiSignature::Sr25519(signature),
			extension,
		);
		let encoded = to_hex(&extrinsic.encode());
		let hash = rpc.call("author_submitExtrinsic", json!([encoded]))?;
		let hash = hash
			.as_str()
			.map(str::to_owned)
			.ok_or_else(|| format!("bad transaction hash {hash}"))?;
		Ok((hash, encoded))
	}
}

/// How a client subcommand reaches a node and signs: the options `governance` and
/// `certificate` share.
#[derive(Debug, clap::Args)]
pub struct Connection {
	/// HTTP JSON-RPC endpoint of a Tamga node.
	#[arg(long, default_value = "http://127.0.0.1:9944")]
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
}

impl Connection {
	/// A client of the node.
	pub fn rpc(&self) -> Rpc {
		Rpc::new(&self.url)
	}

	/// Signs and submits `call` as `--suri` and reports it (see [`submit_and_report`]).
	pub fn submit(&self, rpc: &Rpc, call: RuntimeCall) -> Result<Option<Outcome>, String> {
		let signer = Signer::from_suri(self.suri.as_deref().ok_or("--suri is needed to sign")?)?;
		submit_and_report(rpc, &signer, call, self.no_wait)
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
	no_wait: bool,
) -> Result<Option<Outcome>, String> {
	let before = rpc.best_number()?;
	let (hash, extrinsic) = signer.submit(rpc, call)?;
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
		// `System::Events`: twox128("System") ++ twox128("Events").
		let key =
			[sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat();
		let raw = self.call("state_getStorage", json!([to_hex(&key), hash]))?;
		let raw = from_hex(raw.as_str().unwrap_or("0x00"))?;
		let records = Vec::<frame_system::EventRecord<RuntimeEvent, H256>>::decode(&mut &raw[..])
			.map_err(|e| format!("the block's events do not decode: {e}"))?;
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
						Some(error) => format!("{error:?}"),
						None => format!("{dispatch_error:?}"),
					})
				},
				event => outcome.events.push(event),
			}
		}
		Ok(outcome)
	}
}

/// `bytes` as `0x`-prefixed hex.
pub fn to_hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

/// The bytes of `0x`-prefixed hex `text`.
pub fn from_hex(text: &str) -> Result<Vec<u8>, String> {
	sp_core::bytes::from_hex(text).map_err(|e| format!("not hex ({e}): {text}"))
}
