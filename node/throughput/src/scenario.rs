//! One benchmark run on one network: set-up (issuers accredited by a member, each
//! accepting), single registrations, batches, verification RPC against raw storage reads,
//! and finality latency over the blocks of the run. (`system.remark`s of the same size
//! were measured as the chain's ceiling until runtime 106; no account may send one now.)

use std::time::{Duration, Instant};

use codec::Encode;
use pallet_tamga_governance::CountryCode;
use serde_json::{json, Value};
use sp_core::H256;
use tamga_rpc_types::DocumentVerdict;
use tamga_runtime::{genesis_presets::FoundingAdministration, Runtime, RuntimeCall};

use tamga_tests::rpc::{to_hex as hex, RpcClient as Rpc};

use crate::{
	latency::{hammer, quantile},
	signing::{ChainContext, Signer},
	submit::{submit, Lane},
	watch::{Counts, Watcher},
};

/// What a run does and how much of it.
#[derive(Clone, Debug)]
pub struct Options {
	/// Single registrations submitted.
	pub registrations: usize,
	/// Accredited issuers the load is spread over (one submitter thread each).
	pub issuers: usize,
	/// Batches anchored.
	pub batches: usize,
	/// Documents per batch.
	pub batch_size: usize,
	/// Bytes of each synthetic document hashed for a batch.
	pub document_bytes: usize,
	/// How long each RPC method is hammered.
	pub rpc_duration: Duration,
	/// Concurrent RPC clients.
	pub rpc_clients: usize,
	/// How long any phase may take to be finalized.
	pub timeout: Duration,
}

/// The chain's genesis hash and runtime version, as signatures need them.
fn chain_context(rpc: &Rpc) -> Result<ChainContext, String> {
	let genesis = rpc.call("chain_getBlockHash", json!([0]))?;
	let genesis = tamga_tests::rpc::from_hex(genesis.as_str().unwrap_or_default())?;
	let version = rpc.call("state_getRuntimeVersion", json!([]))?;
	let field = |name: &str| version[name].as_u64().map(|v| v as u32).ok_or(format!("no {name}"));
	Ok(ChainContext {
		genesis: H256::from_slice(&genesis),
		spec_version: field("specVersion")?,
		transaction_version: field("transactionVersion")?,
	})
}

/// The next nonce of `signer` (including its transactions in the pool).
fn next_nonce(rpc: &Rpc, signer: &Signer) -> Result<u32, String> {
	use sp_core::crypto::Ss58Codec;
	let nonce = rpc.call("system_accountNextIndex", json!([signer.account().to_ss58check()]))?;
	nonce.as_u64().map(|n| n as u32).ok_or(format!("bad nonce {nonce}"))
}

/// The days since 1970-01-01, today.
fn today() -> u32 {
	let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	(now.as_secs() / 86_400) as u32
}

fn accredit(issuer: &Signer, index: usize) -> RuntimeCall {
	use pallet_tamga_governance::{DocumentKind, DocumentKinds, Role};
	RuntimeCall::Governance(pallet_tamga_governance::Call::accredit {
		account: issuer.account(),
		name: format!("Benchmark issuer {index}").into_bytes(),
		role: Role::Issuer,
		kinds: DocumentKinds::of(&[DocumentKind::Origin]),
		office: None,
		valid_from: 0,
		valid_until: 1_000_000,
	})
}

/// The `number`th registration of issuer `issuer` of `country`: its id and call.
fn registration(country: CountryCode, issuer: usize, number: usize) -> (H256, RuntimeCall) {
	use pallet_tamga_certificates::{CertificateKind, FactsOf, HsCode};
	let id = H256(sp_io::hashing::blake2_256(format!("bench {issuer} {number}").as_bytes()));
	let [kz, kg] = [*b"KZ", *b"KG"].map(|c| CountryCode::new(c).expect("assigned"));
	let facts = FactsOf::<Runtime> {
		kind: CertificateKind::EAEU_CT1,
		number: format!("BENCH-{issuer}-{number}").into_bytes().try_into().expect("short"),
		exporting: country,
		importing: if country.as_bytes() == b"KG" { kz } else { kg },
		hs_codes: vec![HsCode(*b"100199")].try_into().expect("one code"),
		valid_from: today(),
		valid_until: today() + 30,
		quantity: 1_000,
		unit: *b"KGM",
		exporter_commitment: H256(sp_io::hashing::blake2_256(&id.0)),
	};
	(
		id,
		RuntimeCall::Certificates(pallet_tamga_certificates::Call::register {
			id,
			facts,
			production: None,
		}),
	)
}

/// One lane per issuer of `per_issuer` extrinsics, `call(issuer, number)` each, signed
/// with the issuer's next nonces (advanced in `nonces`).
fn sign_lanes(
	context: &ChainContext,
	issuers: &[Signer],
	nonces: &mut [u32],
	per_issuer: usize,
	mut call: impl FnMut(usize, usize) -> RuntimeCall,
) -> Vec<Lane> {
	issuers
		.iter()
		.enumerate()
		.map(|(i, issuer)| {
			let first_nonce = nonces[i];
			let extrinsics = (0..per_issuer)
				.map(|k| {
					nonces[i] += 1;
					issuer.sign(context, nonces[i] - 1, call(i, k))
				})
				.collect();
			Lane { account: issuer.account(), first_nonce, extrinsics }
		})
		.collect()
}

/// Throughput of one phase.
fn phase(count: u64, seconds: f64, per_block: u64, submitted: &crate::submit::Submitted) -> Value {
	json!({
		"count": count, "seconds": seconds, "perSecond": count as f64 / seconds,
		"mostInOneBlock": per_block, "refused": submitted.refused,
		"firstRefusal": submitted.first_refusal, "poolFullWaits": submitted.pool_full_waits,
		"submitSeconds": submitted.duration.as_secs_f64(),
	})
}

/// Runs every phase against the node at `url`, whose chain's founding member is `member`.
pub fn run(url: &str, member: &FoundingAdministration, options: &Options) -> Result<Value, String> {
	let rpc = Rpc::with_url(url, std::time::Duration::from_secs(60));
	let context = chain_context(&rpc)?;
	let watcher = Watcher::start(rpc.clone())?;
	let country: CountryCode = member
		.country
		.parse()
		.map_err(|e| format!("founding member's country `{}` {e}", member.country))?;

	// Set-up: the member accredits the issuers.
	let founder = Signer::dev(&member.account_key.to_seed());
	let issuers: Vec<Signer> =
		(0..options.issuers).map(|i| Signer::dev(&format!("//BenchIssuer{i}"))).collect();
	let first = next_nonce(&rpc, &founder)?;
	let accreditations: Vec<Vec<u8>> = issuers
		.iter()
		.enumerate()
		.map(|(i, issuer)| founder.sign(&context, first + i as u32, accredit(issuer, i)))
		.collect();
	let after = watcher.finalized();
	let founder_lane =
		Lane { account: founder.account(), first_nonce: first, extrinsics: accreditations };
	let outcome = submit(&rpc, vec![founder_lane]);
	if outcome.refused > 0 {
		return Err(format!("accreditations refused: {:?}", outcome.first_refusal));
	}
	watcher.wait_for(after, options.timeout, |c| c.other >= options.issuers as u64)?;
	// Each issuer accepts its accreditation (its nonce 0).
	let acceptances: Vec<Lane> = issuers
		.iter()
		.map(|issuer| {
			let accept =
				RuntimeCall::Governance(pallet_tamga_governance::Call::accept_accreditation {
					country: *country.as_bytes(),
				});
			Lane {
				account: issuer.account(),
				first_nonce: 0,
				extrinsics: vec![issuer.sign(&context, 0, accept)],
			}
		})
		.collect();
	let after = watcher.finalized();
	let outcome = submit(&rpc, acceptances);
	if outcome.refused > 0 {
		return Err(format!("acceptances refused: {:?}", outcome.first_refusal));
	}
	watcher.wait_for(after, options.timeout, |c| c.other >= options.issuers as u64)?;
	let load_from = watcher.finalized();
	eprintln!("  {} issuers accredited", options.issuers);
	let mut nonces = vec![1u32; options.issuers];

	// Single registrations.
	let per_issuer = options.registrations.div_ceil(options.issuers);
	let signing = Instant::now();
	let mut ids = Vec::new();
	let mut call_size = 0;
	let lanes = sign_lanes(&context, &issuers, &mut nonces, per_issuer, |i, k| {
		let (id, call) = registration(country, i, k);
		call_size = call.encoded_size();
		ids.push(id);
		call
	});
	let total = (per_issuer * options.issuers) as u64;
	let signing_rate = total as f64 / signing.elapsed().as_secs_f64();
	let registrations =
		load_phase(&rpc, &watcher, lanes, total, options.timeout, |c| c.registrations)?;
	eprintln!("  registrations: {:.0}/s", registrations["perSecond"].as_f64().unwrap_or(0.0));

	// Batches: hash each batch's documents on every core, build its root, sign and submit
	// it at once, so the chain anchors one batch while the client hashes the next.
	let started = Instant::now();
	let after = watcher.finalized();
	let (mut hashing, mut refused, mut first_refusal) = (0.0, 0, None);
	for b in 0..options.batches {
		let hashing_started = Instant::now();
		let first = (b * options.batch_size) as u64;
		let leaves = hash_documents(first, options.batch_size, options.document_bytes);
		let root = pallet_tamga_certificates::merkle::root(&leaves).expect("not empty");
		hashing += hashing_started.elapsed().as_secs_f64();
		let call = RuntimeCall::Certificates(pallet_tamga_certificates::Call::register_batch {
			root,
			count: options.batch_size as u32,
			kind: pallet_tamga_certificates::CertificateKind::EAEU_CT1,
		});
		let i = b % options.issuers;
		let lane = Lane {
			account: issuers[i].account(),
			first_nonce: nonces[i],
			extrinsics: vec![issuers[i].sign(&context, nonces[i], call)],
		};
		nonces[i] += 1;
		let submitted = submit(&rpc, vec![lane]);
		refused += submitted.refused;
		first_refusal = first_refusal.or(submitted.first_refusal);
	}
	if refused > 0 {
		return Err(format!("batches refused: {first_refusal:?}"));
	}
	let documents = (options.batches * options.batch_size) as u64;
	let (done, load_until) =
		watcher.wait_for(after, options.timeout, |c| c.batch_documents >= documents)?;
	let seconds = (done - started).as_secs_f64();
	let batches = json!({
		"documents": documents, "batches": options.batches, "documentBytes": options.document_bytes,
		"seconds": seconds, "perSecond": documents as f64 / seconds,
		"hashingSeconds": hashing, "hashingPerSecond": documents as f64 / hashing,
		"hashingThreads": std::thread::available_parallelism().map_or(1, |n| n.get()),
	});
	eprintln!("  batches: {:.0} documents/s", documents as f64 / seconds);

	// Every registration is anchored: spot-check the first and the last.
	for id in [ids[0], ids[ids.len() - 1]] {
		let answer: DocumentVerdict =
			rpc.ask("tamga_verifyDocument", json!([hex(id.as_bytes())]))?;
		if !answer.valid {
			return Err(format!("registration {id:?} does not verify: {}", answer.verdict));
		}
	}

	// Verification RPC against raw reads of the same storage entries, over every
	// registered id in turn.
	let verifications: Vec<Value> = ids.iter().map(|id| json!([hex(id.as_bytes())])).collect();
	let reads: Vec<Value> = ids
		.iter()
		.map(|id| {
			let key = pallet_tamga_certificates::Documents::<Runtime>::hashed_key_for(id);
			json!([hex(&key)])
		})
		.collect();
	let (clients, duration) = (options.rpc_clients, options.rpc_duration);
	let verify = hammer(url, "tamga_verifyDocument", &verifications, clients, duration);
	let storage = hammer(url, "state_getStorage", &reads, clients, duration);
	eprintln!(
		"  verify: {:.0}/s, state_getStorage: {:.0}/s",
		verify.per_second, storage.per_second
	);

	// Finality after inclusion, over the blocks of the load phases (registrations and
	// batches).
	let blocks = watcher.blocks(load_from, load_until);
	let mut latencies: Vec<f64> = blocks
		.iter()
		.filter_map(|(_, b)| Some((b.finalized_at? - b.best_at?).as_secs_f64() * 1000.0))
		.collect();
	latencies.sort_by(|a, b| a.partial_cmp(b).expect("numbers"));

	// The auditors' index takes the whole loaded chain into SQLite.
	let indexing = crate::index::indexing(url)?;
	eprintln!("  index: {:.0} events/s", indexing["eventsPerSecond"].as_f64().unwrap_or(0.0));
	Ok(json!({
		"indexing": indexing,
		"callBytes": call_size,
		"signingPerSecond": signing_rate,
		"registrations": registrations,
		"batches": batches,
		"verify": verify.to_json(),
		"storage": storage.to_json(),
		"verifyToStorage": verify.per_second / storage.per_second,
		"finality": {
			"blocks": latencies.len(),
			"fromBlock": load_from + 1,
			"toBlock": load_until,
			"p50Ms": quantile(&latencies, 0.50),
			"p95Ms": quantile(&latencies, 0.95),
			"resolutionMs": crate::watch::POLL.as_millis() as u64,
		},
	}))
}

/// The blake2-256 hashes of `count` synthetic documents of `bytes` bytes each (numbered
/// from `first`), hashed on every core, as an issuer's batch tool would.
fn hash_documents(first: u64, count: usize, bytes: usize) -> Vec<H256> {
	let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
	let mut leaves = vec![H256::zero(); count];
	let chunk = count.div_ceil(threads).max(1);
	std::thread::scope(|scope| {
		for (c, out) in leaves.chunks_mut(chunk).enumerate() {
			scope.spawn(move || {
				let mut document = vec![0u8; bytes.max(8)];
				for (j, leaf) in out.iter_mut().enumerate() {
					let number = first + (c * chunk + j) as u64;
					document[..8].copy_from_slice(&number.to_le_bytes());
					*leaf = H256(sp_io::hashing::blake2_256(&document));
				}
			});
		}
	});
	leaves
}

/// Submits `lanes` and waits until all `total` of them (as `counted`) are finalized and
/// succeeded; returns the phase's figures.
fn load_phase(
	rpc: &Rpc,
	watcher: &Watcher,
	lanes: Vec<Lane>,
	total: u64,
	timeout: Duration,
	counted: impl Fn(&Counts) -> u64,
) -> Result<Value, String> {
	let after = watcher.finalized();
	let started = Instant::now();
	let submitted = submit(rpc, lanes);
	if submitted.refused > 0 {
		return Err(format!(
			"{} of {total} refused by the node: {:?}",
			submitted.refused, submitted.first_refusal
		));
	}
	let (done, last) = watcher.wait_for(after, timeout, |c| counted(c) >= total)?;
	let seconds = (done - started).as_secs_f64();
	let most = watcher
		.blocks(after, last)
		.iter()
		.filter_map(|(_, b)| b.counts.as_ref().map(&counted))
		.max()
		.unwrap_or(0);
	Ok(phase(total, seconds, most, &submitted))
}
