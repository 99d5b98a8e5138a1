//! Signed Tamga transactions built and signed in the test process, submitted through a
//! node's `author_submitExtrinsic`, exactly as a wallet would.

use codec::Encode;
use serde_json::{json, Value};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_runtime::{
	generic::Era,
	traits::{IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use tamga_runtime::{AccountId, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic};

use crate::rpc::{from_hex, to_hex, RpcClient};

/// An account that signs transactions: an sr25519 key from a secret URI such as `//Eve`.
pub struct Signer {
	pair: sr25519::Pair,
}

impl Signer {
	/// The signer of the development secret URI `suri` (e.g. `//Alice`).
	pub fn from_suri(suri: &str) -> Self {
		Self { pair: sr25519::Pair::from_string(suri, None).expect("a valid secret URI") }
	}

	/// Its account.
	pub fn account(&self) -> AccountId {
		<MultiSignature as Verify>::Signer::from(self.pair.public()).into_account()
	}

	/// Its account in SS58 form (prefix 42), as RPC methods take it.
	pub fn ss58(&self) -> String {
		use sp_core::crypto::Ss58Codec;
		self.account().to_ss58check()
	}

	/// `call` signed by this account with its next nonce, for the chain `rpc` serves,
	/// SCALE-encoded as hex.
	pub fn sign(&self, rpc: &RpcClient, call: RuntimeCall) -> Result<String, String> {
		let nonce = rpc.call("system_accountNextIndex", json!([self.ss58()]))?;
		let nonce = nonce.as_u64().ok_or_else(|| format!("bad nonce {nonce}"))? as u32;
		let genesis = parse_hash(&rpc.block_hash(0)?.ok_or("no genesis block")?)?;
		let version = rpc.call("state_getRuntimeVersion", json!([]))?;
		let spec_version = version_field(&version, "specVersion")?;
		let transaction_version = version_field(&version, "transactionVersion")?;

		let extension: TxExtension = (
			frame_system::AuthorizeCall::new(),
			frame_system::CheckNonZeroSender::new(),
			pallet_tamga_governance::CheckPermitted::new(),
			frame_system::CheckSpecVersion::new(),
			frame_system::CheckTxVersion::new(),
			frame_system::CheckGenesis::new(),
			frame_system::CheckEra::from(Era::Immortal),
			frame_system::CheckNonce::from(nonce),
			frame_system::CheckWeight::new(),
			frame_system::WeightReclaim::new(),
		);
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
		Ok(to_hex(&extrinsic.encode()))
	}

	/// Signs `call` and submits it to the node `rpc` serves; returns the transaction hash,
	/// or the node's JSON-RPC error (e.g. a pool rejection).
	pub fn submit(&self, rpc: &RpcClient, call: RuntimeCall) -> Result<String, String> {
		let extrinsic = self.sign(rpc, call)?;
		let hash = rpc.call("author_submitExtrinsic", json!([extrinsic]))?;
		hash.as_str().map(str::to_owned).ok_or_else(|| format!("bad transaction hash {hash}"))
	}
}

fn parse_hash(text: &str) -> Result<H256, String> {
	let bytes = from_hex(text)?;
	if bytes.len() != 32 {
		return Err(format!("bad hash {text}"));
	}
	Ok(H256::from_slice(&bytes))
}

fn version_field(version: &Value, field: &str) -> Result<u32, String> {
	version
		.get(field)
		.and_then(Value::as_u64)
		.map(|v| v as u32)
		.ok_or_else(|| format!("runtime version without {field}: {version}"))
}
