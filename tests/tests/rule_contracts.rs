//! An administration's rule contract on a real four-validator `local` network, driven by
//! the `tamga` commands the README documents: KZ deploys the `origin-rules` contract built
//! by `scripts/build-contracts.sh` and registers it as its export rules for certificates
//! of origin; its chamber of commerce then anchors certificates with their production
//! facts: one passes, one passes with a warning that `tamga_verifyDocument` shows, one is
//! refused with the reason code and its meaning. An account that is not an
//! administration's cannot deploy contracts, nor dry-run a deployment; a dry run of a
//! contract that loops forever runs out of gas within the rule gas limit.

use std::time::Duration;

use serde_json::Value;
use sp_runtime::{DispatchError, Weight};
use tamga_tests::{
	cli::{accredit, client, ct1_facts, run_cli, CliRun},
	contracts::{instantiate_dry_run, upload_dry_run, LOOPING_CONTRACT},
	metrics::{scrape, wait_for_metric},
	network::{LocalNetwork, LIVENESS_TIMEOUT},
	node::TamgaNode,
};

/// The built contract `name` (`$TAMGA_CONTRACTS_DIR`, set by scripts/common.sh).
fn built_contract(name: &str) -> String {
	let dir = std::env::var("TAMGA_CONTRACTS_DIR").unwrap_or_else(|_| {
		let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| {
			format!("{}/.cache/tamga/target", std::env::var("HOME").unwrap_or_default())
		});
		format!("{target}/contracts")
	});
	let path = format!("{dir}/{name}.wasm");
	assert!(
		std::path::Path::new(&path).exists(),
		"{path} is missing: build the contracts with scripts/build-contracts.sh"
	);
	path
}

fn rules(node: &TamgaNode, suri: Option<&str>, args: &[&str]) -> CliRun {
	client(node, "rules", suri, args)
}

/// Registers document `name` with production facts whose only non-originating material
/// (Turkish flour) is worth `value` of an ex-works price of 1,000.
fn register(node: &TamgaNode, dir: &std::path::Path, name: &str, value: u32) -> CliRun {
	let document = dir.join(format!("{name}.pdf"));
	std::fs::write(&document, format!("%PDF CT-1 {name}")).unwrap();
	let production = dir.join(format!("{name}.production.json"));
	std::fs::write(
		&production,
		format!(
			r#"{{"whollyObtained": false, "exWorksPrice": 1000,
			    "materials": [{{"hs": "110100", "origin": "TR", "value": {value}}}]}}"#
		),
	)
	.unwrap();
	let facts = ct1_facts(name, "5a17c3e08b9d4f26");
	let mut args = vec![
		"register",
		"--file",
		document.to_str().unwrap(),
		"--production",
		production.to_str().unwrap(),
	];
	args.extend(facts.iter().map(String::as_str));
	client(node, "cert", Some("//Eve"), &args)
}

#[test]
fn an_administrations_rule_contract_accepts_warns_and_rejects_certificates() {
	let wasm = built_contract("origin-rules");
	let net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let kz = &net.nodes[0];
	net.check(
		accredit(kz, "//Alice", "//Eve", "KZ Chamber", &["--role", "issuer", "--kind", "origin"])
			.ok(),
	);

	// KZ's rule: change of heading, at most 50 % non-originating, warn within 5 points.
	let rule = run_cli(&[
		"rules",
		"encode",
		"origin-rule",
		"--change-of-heading",
		"--max-non-originating",
		"50",
		"--warn-margin",
		"5",
	]);
	let rule = net.check(rule.ok()).trim().to_string();

	// Only an administration's member account deploys contracts.
	let refused = rules(kz, Some("//Eve"), &["deploy", &wasm, "--args", &rule]);
	assert_eq!(refused.code, Some(2), "{}{}", refused.stdout, refused.stderr);
	assert!(
		refused.stderr.contains("Custom error: 2")
			&& refused.stderr.contains("role may not make this call"),
		"{}",
		refused.stderr
	);

	let deployed = net.check(rules(kz, Some("//Alice"), &["deploy", &wasm, "--args", &rule]).ok());
	let contract = deployed
		.lines()
		.find_map(|line| line.strip_prefix("contract "))
		.unwrap_or_else(|| panic!("deploy prints the contract: {deployed}"))
		.trim()
		.to_string();
	net.check(
		rules(
			kz,
			Some("//Alice"),
			&["set", "--kind", "origin", "--direction", "export", &contract],
		)
		.ok(),
	);
	// Anyone reads the policy in force (a dry run, no transaction).
	let policy = net.check(rules(kz, None, &["read", &contract, "rule"]).ok());
	let policy: Value = serde_json::from_str(&policy).expect("rules read prints JSON");
	assert_eq!(policy["maxNonOriginatingPercent"], 50, "{policy}");
	assert_eq!(policy["changeOfHeading"], true);
	let owner = net.check(rules(kz, None, &["read", &contract, "owner"]).ok());
	assert!(owner.contains(&tamga_tests::cli::account("//Alice")), "{owner}");

	let dir = tempfile::tempdir().unwrap();
	// 30 % Turkish flour: accepted.
	net.check(register(kz, dir.path(), "KZ-R-1", 300).ok());
	// 48 %: accepted with warning 105, which the verdict shows.
	net.check(register(kz, dir.path(), "KZ-R-2", 480).ok());
	let verify = client(
		kz,
		"cert",
		None,
		&["verify", "--json", "--file", dir.path().join("KZ-R-2.pdf").to_str().unwrap()],
	);
	assert_eq!(verify.code, Some(0), "{}", verify.stderr);
	let answer: Value = serde_json::from_str(&verify.stdout).expect("verify --json prints JSON");
	assert_eq!(answer["warnings"][0]["code"], 105, "{answer}");
	assert_eq!(answer["warnings"][0]["direction"], "export");
	assert!(answer["verdict"].as_str().unwrap().contains("WARNING from KZ's export rules"));
	// 60 %: refused, with the code and its meaning.
	let refused = register(kz, dir.path(), "KZ-R-3", 600);
	assert_eq!(refused.code, Some(2), "{}{}", refused.stdout, refused.stderr);
	assert!(
		refused.stderr.contains("reason 104")
			&& refused.stderr.contains("non-originating materials exceed the maximum share"),
		"{}",
		refused.stderr
	);
	// Every node counts the verdicts in finalized blocks on its Prometheus endpoint: the
	// warning and the rejection by their codes, and the anchored documents.
	for node in [kz, &net.nodes[2]] {
		let verdict = |verdict: &str, code: &str| {
			net.check(wait_for_metric(
				node,
				"tamga_rule_verdicts_total",
				&[("verdict", verdict), ("code", code)],
				LIVENESS_TIMEOUT,
				|v| v >= 1.0,
			))
		};
		assert_eq!(verdict("warned", "105"), 1.0);
		assert_eq!(verdict("rejected", "104"), 1.0);
		let anchored = net.check(wait_for_metric(
			node,
			"tamga_documents_anchored_total",
			&[],
			LIVENESS_TIMEOUT,
			|v| v >= 2.0,
		));
		assert_eq!(anchored, 2.0, "only KZ-R-1 and KZ-R-2 were anchored");
	}
	// KZ's node answered the officer's verification natively (its own runtime).
	let native = net.check(scrape(kz)).value("tamga_verifications_total", &[("path", "native")]);
	assert!(native >= Some(1.0), "{native:?}");

	// Removing the rules lets documents through unjudged (without production facts).
	net.check(
		rules(
			kz,
			Some("//Alice"),
			&["set", "--kind", "origin", "--direction", "export", "--remove"],
		)
		.ok(),
	);
	let document = dir.path().join("KZ-R-4.pdf");
	std::fs::write(&document, b"%PDF CT-1 KZ-R-4").unwrap();
	let facts = ct1_facts("KZ-R-4", "5a17c3e08b9d4f26");
	let mut args = vec!["register", "--file", document.to_str().unwrap()];
	args.extend(facts.iter().map(String::as_str));
	net.check(client(kz, "cert", Some("//Eve"), &args).ok());

	dry_runs_are_bounded_and_deployments_members_only(&net);
}

/// 16 concurrent dry runs of a contract that loops forever, each asking for `u64::MAX`
/// gas, end with `OutOfGas` within the rule gas limit while the network keeps
/// finalizing; a party's deployment dry runs are refused before anything runs.
fn dry_runs_are_bounded_and_deployments_members_only(net: &LocalNetwork) {
	let node = &net.nodes[1];
	let before = net.check(node.rpc().finalized_number());
	let limit = tamga_runtime::contracts::RULE_GAS_LIMIT;
	let runs: Vec<_> = (0..16)
		.map(|_| {
			let rpc = node.rpc();
			std::thread::spawn(move || {
				instantiate_dry_run(&rpc, "//Bob", LOOPING_CONTRACT, Some(Weight::MAX))
			})
		})
		.collect();
	let mut took = Vec::new();
	for run in runs {
		let (answer, elapsed) = net.check(run.join().expect("the dry run's thread ends"));
		let error = answer.result.expect_err("a contract that loops forever cannot succeed");
		let out_of_gas = pallet_contracts::Error::<tamga_runtime::Runtime>::OutOfGas;
		assert_eq!(error, DispatchError::from(out_of_gas), "{error:?}");
		assert!(answer.gas_consumed.all_lte(limit), "{:?} > {limit:?}", answer.gas_consumed);
		took.push(elapsed);
	}
	took.sort();
	eprintln!(
		"16 concurrent looping dry runs with u64::MAX gas: OutOfGas in {:?} (fastest) to \
		 {:?} (slowest)",
		took[0], took[15]
	);
	assert!(took[15] < Duration::from_secs(10), "a dry run held the node for {:?}", took[15]);
	// The network kept finalizing meanwhile.
	net.wait_finalized(&[0, 1, 2, 3], before + 2);
	// An accredited party (the chamber) may not deploy: refused before anything runs.
	let not_member =
		DispatchError::from(pallet_tamga_governance::Error::<tamga_runtime::Runtime>::NotMember);
	let (answer, _) = net.check(instantiate_dry_run(&node.rpc(), "//Eve", LOOPING_CONTRACT, None));
	assert_eq!(answer.result.err(), Some(not_member));
	assert_eq!(answer.gas_consumed, Weight::zero());
	let upload = net.check(upload_dry_run(&node.rpc(), "//Eve", LOOPING_CONTRACT));
	assert_eq!(upload.err(), Some(not_member));
}
