//! Deliveries between two administrations' nodes (the information space): on the
//! four-validator local network, KZ's node sends sealed field groups of one veterinary
//! certificate to KG's node as fast as KZ's systems queue them; KG's node checks each
//! against the chain, stores it, and records its receipt on chain. Measured from KG's
//! inbox subscription, as KG's single window sees it: deliveries taken per second,
//! receipts final per second, and the time from a delivery's arrival to its receipt's
//! finality (p50, p95).

use std::{
	collections::HashMap,
	path::Path,
	sync::mpsc,
	time::{Duration, Instant},
};

use serde_json::{json, Value};
use tamga_rpc_types::exchange::DisclosureFile;
use tamga_tests::{
	cli::{self, client, run_cli, CliRun},
	network::LocalNetwork,
	node::{run_tamga, TamgaNode},
	subscription::Subscription,
	wait,
};

use crate::latency::quantile;

/// What one exchange run does.
#[derive(Clone, Debug)]
pub struct ExchangeOptions {
	/// Deliveries KZ sends.
	pub deliveries: usize,
	/// Threads queueing them on KZ's node (KZ's systems).
	pub senders: usize,
	/// How long the run may take before it is called failed.
	pub timeout: Duration,
}

/// Starts the network with KZ's and KG's exchange secrets, sets up the agreement, keys,
/// the exchange node and one committed certificate, then measures.
pub fn run(args: &[String], options: &ExchangeOptions) -> Result<Value, String> {
	let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
	let secret = |name: &str| -> Result<String, String> {
		let path = dir.path().join(format!("{name}.secret"));
		let path = path.to_str().ok_or("a non-UTF-8 temporary path")?.to_string();
		run_cli(&["exchange", "keygen", "--out", &path]).ok()?;
		Ok(path)
	};
	let (kz_secret, kg_secret) = (secret("kz")?, secret("kg")?);
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let mut net = LocalNetwork::start_with_node_args(&args);
	for (index, secret) in [(0, &kz_secret), (1, &kg_secret)] {
		let node = &mut net.nodes[index];
		node.kill();
		if index == 1 {
			insert_exchange_key(node, "//Bob//exchange")?;
		}
		node.extra_args.extend(["--exchange-secret".to_string(), secret.clone()]);
		node.start();
	}
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let disclosure = set_up(&net, dir.path(), &kz_secret, &kg_secret)?;
	measure(&net.nodes[0], &net.nodes[1], &disclosure, options)
}

/// Puts the exchange-node account key `suri` into `node`'s keystore (node stopped).
fn insert_exchange_key(node: &TamgaNode, suri: &str) -> Result<(), String> {
	let base = node.base_path.to_str().ok_or("a non-UTF-8 base path")?;
	let insert = [
		"key",
		"insert",
		"--chain",
		&node.chain,
		"--base-path",
		base,
		"--scheme",
		"sr25519",
		"--suri",
		suri,
		"--key-type",
		"tmgx",
	];
	let output = run_tamga(&insert);
	match output.status.success() {
		true => Ok(()),
		false => Err(String::from_utf8_lossy(&output.stderr).into_owned()),
	}
}

/// `tamga exchange <args>` through `node`, signed by `suri`.
fn exchange(node: &TamgaNode, suri: Option<&str>, args: &[&str]) -> Result<String, String> {
	client(node, "exchange", suri, args).ok()
}

/// KZ and KG agree to share a veterinary certificate's goods and parties, publish their
/// keys; KG accredits its exchange node; KZ's veterinary service registers a certificate
/// and commits to its groups. Returns the disclosure KZ sends.
fn set_up(
	net: &LocalNetwork,
	dir: &Path,
	kz_secret: &str,
	kg_secret: &str,
) -> Result<DisclosureFile, String> {
	let (kz, kg) = (&net.nodes[0], &net.nodes[1]);
	let give = ["--give", "veterinary:goods=read", "--give", "veterinary:parties=read"];
	exchange(kz, Some("//Alice"), &[&["propose", "--partner", "KG"][..], &give].concat())?;
	exchange(kg, Some("//Bob"), &["accept", "--partner", "KZ"])?;
	exchange(kz, Some("//Alice"), &["set-key", "--secret-file", kz_secret])?;
	exchange(kg, Some("//Bob"), &["set-key", "--secret-file", kg_secret])?;
	let accredited = |node, member, who, name, role: &[&str]| -> Result<(), String> {
		let run: CliRun = cli::accredit(node, member, who, name, role);
		run.ok().map(|_| ())
	};
	accredited(kg, "//Bob", "//Bob//exchange", "KG exchange node", &["--role", "exchange-node"])?;
	let vet = ["--role", "issuer", "--kind", "veterinary"];
	accredited(kz, "//Alice", "//Ferdie", "KZ veterinary service", &vet)?;

	let paper = dir.join("vet.pdf");
	std::fs::write(&paper, b"%PDF veterinary certificate KZ-VET-BENCH beef to KG")
		.map_err(|e| e.to_string())?;
	let facts = cli::veterinary_facts("KZ-VET-BENCH", "5b1e0c3a9d7f2e44");
	let paper_arg = paper.to_str().ok_or("a non-UTF-8 temporary path")?;
	let mut register = vec!["register", "--file", paper_arg];
	register.extend(facts.iter().map(String::as_str));
	client(kz, "cert", Some("//Ferdie"), &register).ok()?;
	let document = tamga_tests::rpc::to_hex(&sp_io::hashing::blake2_256(
		&std::fs::read(&paper).map_err(|e| e.to_string())?,
	));
	let (goods, parties) = (dir.join("goods.xml"), dir.join("parties.xml"));
	std::fs::write(&goods, "<Goods><HS>020130</HS><Net unit=\"KGM\">18000</Net></Goods>")
		.map_err(|e| e.to_string())?;
	std::fs::write(&parties, "<Exporter>KZ 990140000385</Exporter>").map_err(|e| e.to_string())?;
	let (fields, disclosure) = (dir.join("fields.json"), dir.join("disclosure.json"));
	let path = |p: &Path| p.to_str().map(str::to_string).ok_or("a non-UTF-8 temporary path");
	let (goods_arg, parties_arg) =
		(format!("goods={}", path(&goods)?), format!("parties={}", path(&parties)?));
	let fields_arg = path(&fields)?;
	let commit = [
		"commit",
		"--document",
		&document,
		"--out",
		&fields_arg,
		"--group",
		&goods_arg,
		"--group",
		&parties_arg,
	];
	exchange(kz, Some("//Ferdie"), &commit)?;
	let disclosure_arg = path(&disclosure)?;
	let disclose = [
		"disclose",
		"--fields",
		&fields_arg,
		"--reveal",
		"goods,parties",
		"--out",
		&disclosure_arg,
	];
	run_cli(&[&["exchange"][..], &disclose].concat()).ok()?;
	let file: DisclosureFile =
		serde_json::from_str(&std::fs::read_to_string(&disclosure).map_err(|e| e.to_string())?)
			.map_err(|e| e.to_string())?;
	// Everything above is final on KZ's node when KZ's node accepts one send.
	wait::until(Duration::from_secs(120), "KZ's node to accept a first delivery", || {
		kz.rpc().call("tamga_exchangeSend", json!(["KG", file])).ok()
	})?;
	Ok(file)
}

/// When each delivery reached each state on KG's node, as KG's subscription told it.
type Seen = HashMap<String, HashMap<String, Instant>>;

/// Sends `options.deliveries` from KZ's node and follows KG's inbox until every one has a
/// final receipt.
fn measure(
	kz: &TamgaNode,
	kg: &TamgaNode,
	disclosure: &DisclosureFile,
	options: &ExchangeOptions,
) -> Result<Value, String> {
	let mut follow = Subscription::open(kg, "tamga_exchangeSubscribeInbox", json!(["KZ"]))?;
	let (told, heard) = mpsc::channel::<(String, String, Instant)>();
	let deadline = Instant::now() + options.timeout;
	let listener = std::thread::spawn(move || {
		while Instant::now() < deadline {
			if let Some(item) = follow.next(Duration::from_millis(500)) {
				let (Some(payload), Some(state)) =
					(item["payload"].as_str(), item["state"].as_str())
				else {
					continue;
				};
				if told.send((payload.to_string(), state.to_string(), Instant::now())).is_err() {
					return;
				}
			}
		}
	});

	let start = Instant::now();
	let per_sender = options.deliveries.div_ceil(options.senders.max(1));
	let senders: Vec<_> = (0..options.senders.max(1))
		.map(|_| {
			let (url, file) = (kz.rpc_url(), disclosure.clone());
			std::thread::spawn(move || -> Result<Vec<String>, String> {
				let rpc = tamga_tests::rpc::RpcClient::with_url(&url, Duration::from_secs(60));
				(0..per_sender)
					.map(|_| {
						let sent = rpc.call("tamga_exchangeSend", json!(["KG", file]))?;
						sent["payload"].as_str().map(str::to_string).ok_or("no payload".into())
					})
					.collect()
			})
		})
		.collect();
	let mut payloads = Vec::new();
	for sender in senders {
		payloads.extend(sender.join().map_err(|_| "a sender panicked")??);
	}
	let queued = start.elapsed();

	let mut seen: Seen = HashMap::new();
	let finished = |seen: &Seen| {
		payloads.iter().all(|p| seen.get(p).is_some_and(|states| states.contains_key("delivered")))
	};
	// The node's inbox gauge settles a run whose subscriber missed a notification.
	let all_delivered = || {
		let scrape = tamga_tests::metrics::scrape(kg).ok()?;
		let delivered = scrape.value("tamga_exchange_inbox", &[("state", "delivered")])?;
		(delivered as usize > payloads.len()).then_some(())
	};
	while !finished(&seen) {
		match heard.recv_timeout(Duration::from_secs(5)) {
			Ok((payload, state, at)) => {
				seen.entry(payload).or_default().entry(state).or_insert(at);
			},
			Err(_) if all_delivered().is_some() => break,
			Err(_) if Instant::now() < deadline => {},
			Err(_) => {
				let done = payloads
					.iter()
					.filter(|p| seen.get(*p).is_some_and(|s| s.contains_key("delivered")))
					.count();
				return Err(format!(
					"{done} of {} deliveries receipted within {:?}\n{}",
					payloads.len(),
					options.timeout,
					kg.log_tail(20)
				));
			},
		}
	}
	drop(heard);
	let _ = listener.join();
	Ok(figures(start, queued, &payloads, &seen))
}

/// The rates and latencies of a finished run.
fn figures(start: Instant, queued: Duration, payloads: &[String], seen: &Seen) -> Value {
	let at = |payload: &String, state: &str| seen.get(payload).and_then(|s| s.get(state)).copied();
	let since = |instant: Instant| instant.duration_since(start).as_secs_f64();
	let last =
		|state: &str| payloads.iter().filter_map(|p| at(p, state)).map(since).fold(0.0, f64::max);
	let mut latencies: Vec<f64> = payloads
		.iter()
		.filter_map(|p| {
			let arrived = at(p, "accepted")?;
			Some(at(p, "delivered")?.duration_since(arrived).as_secs_f64() * 1_000.0)
		})
		.collect();
	latencies.sort_by(f64::total_cmp);
	let count = latencies.len() as f64;
	json!({
		"deliveries": payloads.len(),
		"queuedPerSecond": payloads.len() as f64 / queued.as_secs_f64(),
		"takenPerSecond": count / last("accepted"),
		"receiptedPerSecond": count / last("delivered"),
		"receiptFinalP50Ms": quantile(&latencies, 0.50),
		"receiptFinalP95Ms": quantile(&latencies, 0.95),
		"followed": latencies.len(),
	})
}
