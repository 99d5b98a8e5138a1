//! One party flooding the four-validator network as fast as it can: another issuer's
//! registration and an officer's use each wait at most two blocks, the flooder never holds
//! more than its pool share nor gets more than its block share. The figures are printed.

use std::{
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc,
	},
	thread,
	time::Duration,
};

use codec::Encode;
use serde_json::{json, Value};
use sp_core::{crypto::Pair as _, sr25519, H256};
use tamga_runtime::{Runtime, RuntimeCall};
use tamga_tests::{
	cli::{account, accredit},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	rpc::{from_hex, to_hex, RpcClient},
	wait,
};

/// KZ's chamber, which floods.
const FLOODER: &str = "//Eve";
/// Another KZ issuer, whose one registration must not wait behind the flood.
const ISSUER: &str = "//Ferdie";
/// KG's border post, whose use of that certificate must not wait either.
const OFFICER: &str = "//KgBorderPost";
/// How many registrations the flooder tries to get in.
const FLOOD: usize = 10_000;

/// What a signature commits to besides the call.
struct Chain {
	genesis: H256,
	spec_version: u32,
	transaction_version: u32,
}

impl Chain {
	fn of(rpc: &RpcClient) -> Self {
		let genesis = rpc.call("chain_getBlockHash", json!([0])).expect("genesis hash");
		let genesis = H256::from_slice(&from_hex(genesis.as_str().unwrap()).unwrap());
		let version = rpc.call("state_getRuntimeVersion", json!([])).expect("version");
		let field = |name: &str| version[name].as_u64().expect("a version field") as u32;
		Self {
			genesis,
			spec_version: field("specVersion"),
			transaction_version: field("transactionVersion"),
		}
	}

	/// `call` signed by `suri` with `nonce`, hex-encoded for `author_submitExtrinsic`.
	fn sign(&self, suri: &str, nonce: u32, call: RuntimeCall) -> String {
		let pair = sr25519::Pair::from_string(suri, None).expect("a dev URI");
		let xt = tamga_runtime::sign(
			&pair,
			call,
			nonce,
			self.spec_version,
			self.transaction_version,
			self.genesis,
			tamga_runtime::Lifetime::Immortal,
		);
		to_hex(&xt.encode())
	}
}

/// The days since 1970-01-01, today.
fn today() -> u32 {
	let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	(now.as_secs() / 86_400) as u32
}

/// A CT-1 registration numbered `number`: its id and call.
fn registration(number: &str) -> (H256, RuntimeCall) {
	use pallet_tamga_certificates::{CertificateKind, FactsOf, HsCode};
	let id = H256(sp_io::hashing::blake2_256(number.as_bytes()));
	let facts = FactsOf::<Runtime> {
		kind: CertificateKind::EAEU_CT1,
		number: number.as_bytes().to_vec().try_into().expect("short"),
		exporting: "KZ".parse().expect("assigned"),
		importing: "KG".parse().expect("assigned"),
		hs_codes: vec![HsCode(*b"100199")].try_into().expect("one code"),
		valid_from: today(),
		valid_until: today() + 30,
		quantity: 1_000,
		unit: *b"KGM",
		exporter_commitment: H256::repeat_byte(0xec),
	};
	let call = RuntimeCall::Certificates(pallet_tamga_certificates::Call::register {
		id,
		facts,
		production: None,
	});
	(id, call)
}

/// The storage key of `suri`'s `System.Account` entry (its nonce comes first).
fn account_key(suri: &str) -> Vec<u8> {
	let account: tamga_runtime::AccountId =
		sr25519::Pair::from_string(suri, None).unwrap().public().into();
	tamga_runtime::client::storage_keys::system_account(&account)
}

/// The raw value under `key` at block `hash`.
fn storage_at(rpc: &RpcClient, key: &[u8], hash: &str) -> Option<Vec<u8>> {
	let value = rpc.call("state_getStorage", json!([to_hex(key), hash])).ok()?;
	value.as_str().map(|hex| from_hex(hex).expect("hex"))
}

/// `suri`'s nonce at block `hash`.
fn nonce_at(rpc: &RpcClient, suri: &str, hash: &str) -> u32 {
	storage_at(rpc, &account_key(suri), hash)
		.and_then(|raw| raw.get(..4).map(|b| u32::from_le_bytes(b.try_into().unwrap())))
		.unwrap_or(0)
}

/// `suri`'s next nonce as the node counts it (pool included).
fn next_nonce(rpc: &RpcClient, suri: &str) -> u32 {
	let account = account(suri);
	rpc.call("system_accountNextIndex", json!([account])).expect("a nonce").as_u64().unwrap() as u32
}

/// The best block's number and hash.
fn best(rpc: &RpcClient) -> (u32, String) {
	let hash = rpc.call("chain_getBlockHash", json!([])).expect("best hash");
	let hash = hash.as_str().unwrap().to_string();
	(rpc.block_number(Some(&hash)).expect("a number"), hash)
}

/// Submits `xt` and returns the best block's number at submission and the number of the
/// first block after it whose state shows it `landed`.
fn included(rpc: &RpcClient, xt: &str, landed: impl Fn(&str) -> bool) -> (u32, u32) {
	let (submitted_at, _) = best(rpc);
	rpc.call("author_submitExtrinsic", json!([xt])).expect("the pool takes it");
	let mut checked = submitted_at;
	let found = wait::until(LIVENESS_TIMEOUT, "the transaction to be included", || {
		let (number, _) = best(rpc);
		while checked < number {
			checked += 1;
			let hash = rpc.block_hash(checked).ok()??;
			if landed(&hash) {
				return Some(checked);
			}
		}
		thread::sleep(Duration::from_millis(100));
		None
	});
	(submitted_at, found.expect("included"))
}

/// Counters of the flooding thread.
#[derive(Default)]
struct FloodCounts {
	accepted: AtomicU64,
	refused_pending: AtomicU64,
	other_errors: AtomicU64,
}

/// Submits the flooder's registrations as fast as the node takes them, in batches of 100
/// from nonce `first` on, until `FLOOD` are accepted or `stop`. A refused transaction is
/// banned by the pool for a while, so, as a real flooder would, it signs another
/// registration for the same nonce and tries again (at once after another error, after
/// 20 ms when the pool says it holds its share: `Custom error: 4`).
fn flood(
	rpc: RpcClient,
	chain: Chain,
	first: u32,
	stop: Arc<AtomicBool>,
	counts: Arc<FloodCounts>,
) {
	let (mut nonce, mut attempt) = (first, 0);
	while nonce < first + FLOOD as u32 && !stop.load(Ordering::Relaxed) {
		let end = (nonce + 100).min(first + FLOOD as u32);
		let params: Vec<Value> = (nonce..end)
			.map(|n| {
				let (_, call) = registration(&format!("FLOOD-{n}-{attempt}"));
				json!([chain.sign(FLOODER, n, call)])
			})
			.collect();
		attempt += 1;
		let Ok(answers) = rpc.batch("author_submitExtrinsic", &params) else { continue };
		for answer in answers {
			match answer {
				Ok(_) => {
					counts.accepted.fetch_add(1, Ordering::Relaxed);
					nonce += 1;
				},
				Err(e) if e.contains("Custom error: 4") => {
					counts.refused_pending.fetch_add(1, Ordering::Relaxed);
					thread::sleep(Duration::from_millis(20));
					break;
				},
				Err(_) => {
					counts.other_errors.fetch_add(1, Ordering::Relaxed);
					break;
				},
			}
		}
	}
}

#[test]
fn one_party_flooding_delays_others_by_at_most_two_blocks() {
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let (kz, kg) = (&net.nodes[0], &net.nodes[1]);
	let issuer = ["--role", "issuer", "--kind", "origin"];
	net.check(accredit(kz, "//Alice", FLOODER, "Flooding chamber", &issuer).ok());
	net.check(accredit(kz, "//Alice", ISSUER, "Other chamber", &issuer).ok());
	let officer = ["--role", "officer", "--office", "KGAKJ"];
	net.check(accredit(kg, "//Bob", OFFICER, "Ak-Jol customs post", &officer).ok());

	let rpc = kz.rpc();
	let chain = Chain::of(&rpc);
	let first = next_nonce(&rpc, FLOODER);
	let stop = Arc::new(AtomicBool::new(false));
	let counts = Arc::new(FloodCounts::default());
	let (flood_from, _) = best(&rpc);
	let flooder = {
		let (rpc, stop, counts) = (kz.rpc(), stop.clone(), counts.clone());
		let chain = Chain::of(&rpc);
		thread::spawn(move || flood(rpc, chain, first, stop, counts))
	};
	// The flood is at full strength once the flooder has had a pool share accepted (or
	// been refused more).
	net.check(wait::until(LIVENESS_TIMEOUT, "the flooder to fill its pool share", || {
		let accepted = counts.accepted.load(Ordering::Relaxed);
		(accepted >= 256 || counts.refused_pending.load(Ordering::Relaxed) > 0).then_some(())
	}));

	// Another issuer registers one certificate, through the same node.
	let (id, call) = registration("KZ-2026-OTHER-1");
	let xt = chain.sign(ISSUER, next_nonce(&rpc, ISSUER), call);
	let document_key = pallet_tamga_certificates::Documents::<Runtime>::hashed_key_for(id);
	let (registered_from, registered_in) =
		included(&rpc, &xt, |hash| storage_at(&rpc, &document_key, hash).is_some());

	// KG's border post uses it, through KG's node.
	let kg_rpc = kg.rpc();
	let use_call = RuntimeCall::Certificates(pallet_tamga_certificates::Call::record_use {
		id,
		declaration: H256::repeat_byte(0xde),
		quantity: 100,
	});
	let xt = chain.sign(OFFICER, next_nonce(&kg_rpc, OFFICER), use_call);
	let before = nonce_at(&kg_rpc, OFFICER, &best(&kg_rpc).1);
	let (used_from, used_in) =
		included(&kg_rpc, &xt, |hash| nonce_at(&kg_rpc, OFFICER, hash) > before);

	stop.store(true, Ordering::Relaxed);
	flooder.join().expect("the flooding thread");
	let (flood_to, _) = best(&rpc);

	// The flooder's share of each block during the flood: its nonce's step per block.
	let mut per_block = Vec::new();
	let mut previous = None;
	for number in flood_from..=flood_to {
		let Some(hash) = rpc.block_hash(number).ok().flatten() else { continue };
		let nonce = nonce_at(&rpc, FLOODER, &hash);
		if let Some(previous) = previous {
			per_block.push(nonce - previous);
		}
		previous = Some(nonce);
	}
	let most = per_block.iter().copied().max().unwrap_or(0);
	let included_total: u32 = per_block.iter().sum();
	let registration_wait = registered_in - registered_from;
	let use_wait = used_in - used_from;
	println!(
		"flood: {} accepted, {} refused as over the pool share ({} other errors); {} of the \
		 flooder's registrations in {} blocks, at most {most} in one block",
		counts.accepted.load(Ordering::Relaxed),
		counts.refused_pending.load(Ordering::Relaxed),
		counts.other_errors.load(Ordering::Relaxed),
		included_total,
		per_block.len(),
	);
	println!(
		"another issuer's registration: submitted at best block {registered_from}, in block \
		 {registered_in} ({registration_wait} blocks later); the officer's use: submitted at \
		 {used_from}, in block {used_in} ({use_wait} blocks later)"
	);
	// The next block may already be under construction, or due from a validator the
	// transaction has not reached yet, when it arrives: its earliest inclusion is one or
	// two blocks on. Delayed by at most two blocks means at most two more.
	assert!(registration_wait <= 4, "the registration waited {registration_wait} blocks");
	assert!(use_wait <= 4, "the use waited {use_wait} blocks");
	assert!(most <= 128, "the flooder got {most} transactions into one block");
	assert!(included_total > 0, "the flood itself made progress");
}
