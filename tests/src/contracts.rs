//! Contract dry runs as an RPC client sends them (`state_call` of `ContractsApi_*`), and a
//! contract that loops forever to send.

use std::time::{Duration, Instant};

use codec::{Decode, Encode};
use serde_json::json;
use sp_core::Pair;

use crate::rpc::{from_hex, to_hex, RpcClient};

/// The events a contract dry run reports.
pub type EventRecord = frame_system::EventRecord<tamga_runtime::RuntimeEvent, sp_core::H256>;

/// An instantiation dry run's answer.
pub type InstantiateAnswer =
	pallet_contracts::ContractInstantiateResult<tamga_runtime::AccountId, u128, EventRecord>;

/// A contract that loops forever in its constructor and in every call: a module that
/// imports pallet-contracts' memory and exports `deploy` and `call`, each `loop { br 0 }`.
pub const LOOPING_CONTRACT: &[u8] = &[
	0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
	0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type 0: () -> ()
	0x02, 0x10, 0x01, 0x03, b'e', b'n', b'v', 0x06, b'm', b'e', b'm', b'o', b'r', b'y', 0x02, 0x01,
	0x01, 0x01, // import env.memory, 1 page
	0x03, 0x03, 0x02, 0x00, 0x00, // two functions of type 0
	0x07, 0x11, 0x02, 0x06, b'd', b'e', b'p', b'l', b'o', b'y', 0x00, 0x00, 0x04, b'c', b'a', b'l',
	b'l', 0x00, 0x01, // exports deploy = 0, call = 1
	0x0a, 0x11, 0x02, 0x07, 0x00, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b, 0x07, 0x00, 0x03, 0x40, 0x0c,
	0x00, 0x0b, 0x0b, // each body: loop { br 0 }
];

/// The account of development secret URI `suri`.
pub fn account_id(suri: &str) -> tamga_runtime::AccountId {
	sp_core::sr25519::Pair::from_string(suri, None).expect("a dev URI").public().into()
}

/// An instantiation dry run (`ContractsApi_instantiate`) of `code` by `origin` (a dev
/// URI) asking for `gas`, through `rpc`: the decoded answer and how long it took.
pub fn instantiate_dry_run(
	rpc: &RpcClient,
	origin: &str,
	code: &[u8],
	gas: Option<sp_runtime::Weight>,
) -> Result<(InstantiateAnswer, Duration), String> {
	let params = (
		account_id(origin),
		0u128,
		gas,
		None::<u128>,
		pallet_contracts::Code::<sp_core::H256>::Upload(code.to_vec()),
		Vec::<u8>::new(),
		vec![7u8],
	);
	let started = Instant::now();
	let output =
		rpc.call("state_call", json!(["ContractsApi_instantiate", to_hex(&params.encode())]))?;
	let took = started.elapsed();
	let bytes = from_hex(output.as_str().ok_or("state_call answered no hex")?)?;
	let answer =
		Decode::decode(&mut &bytes[..]).map_err(|e| format!("no ContractsApi answer: {e}"))?;
	Ok((answer, took))
}

/// A code upload dry run (`ContractsApi_upload_code`) of `code` by `origin` through `rpc`.
pub fn upload_dry_run(
	rpc: &RpcClient,
	origin: &str,
	code: &[u8],
) -> Result<pallet_contracts::CodeUploadResult<sp_core::H256, u128>, String> {
	let params =
		(account_id(origin), code.to_vec(), None::<u128>, pallet_contracts::Determinism::Enforced);
	let output =
		rpc.call("state_call", json!(["ContractsApi_upload_code", to_hex(&params.encode())]))?;
	let bytes = from_hex(output.as_str().ok_or("state_call answered no hex")?)?;
	Decode::decode(&mut &bytes[..]).map_err(|e| format!("no ContractsApi answer: {e}"))
}
