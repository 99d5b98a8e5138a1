//! A short fuzzing run of every target, part of the test command: a fixed seed, so a
//! failure here reproduces with the command it prints. Long runs: `tamga-fuzz`.

use tamga_fuzz::{
	chain, metadata, panics,
	targets::{api, calls, run, Outcome, Target},
};
use tamga_runtime::RuntimeOrigin;

/// Runs `runs` inputs of `target` on today's chain; panics with the finding if a rule was
/// broken.
fn smoke(target: Target, runs: u64) -> tamga_fuzz::targets::Report {
	run(target, 2026, chain::today(), runs, |_| {}).unwrap_or_else(|finding| panic!("{finding}"))
}

#[test]
fn calls_of_every_tamga_pallet_decode_dispatch_and_refuse_without_panics_or_leftovers() {
	let report = smoke(Target::Calls, 40_000);
	let every_call = metadata::tamga_calls(&metadata::load());
	let missed: Vec<&String> =
		every_call.iter().filter(|c| !report.seen.contains_key(*c)).collect();
	assert!(missed.is_empty(), "calls never decoded and dispatched: {missed:?}\n{report}");
	assert!(report.undecodable > 0, "no mutated input was refused by decoding\n{report}");
	assert!(report.accepted() > 0, "no call ever succeeded: the inputs are all noise\n{report}");
}

#[test]
fn extrinsics_from_strangers_never_panic_the_pool_or_the_block_author() {
	let report = smoke(Target::Extrinsics, 1_500);
	assert!(report.undecodable > 0, "{report}");
	let tamga_accepted = report
		.seen
		.iter()
		.filter(|(name, _)| {
			metadata::TAMGA_PALLETS.iter().any(|p| name.starts_with(&format!("{p}.")))
		})
		.map(|(_, (_, accepted))| accepted)
		.sum::<u64>();
	assert!(tamga_accepted > 0, "no extrinsic of a Tamga pallet was valid and applied\n{report}");
}

#[test]
fn runtime_api_arguments_are_answered_or_refused_as_bad_input() {
	let report = smoke(Target::Api, 40_000);
	let methods = metadata::tamga_api_methods(&metadata::load());
	let missed: Vec<&String> =
		methods.iter().map(|m| &m.entry).filter(|e| !report.seen.contains_key(*e)).collect();
	assert!(missed.is_empty(), "API methods never answered: {missed:?}\n{report}");
	assert!(report.undecodable > 0, "{report}");
}

#[test]
fn the_rules_catch_what_they_are_for() {
	chain::genesis(chain::today()).execute_with(|| {
		assert!(api::check("NoSuchApi_method", &[]).is_err(), "a missing API entry passed");
		assert_eq!(api::check("CarnetsApi_carnet", &[0xff]), Ok(Outcome::Undecodable));
		assert_eq!(calls::check(&[0xff, 0x00], RuntimeOrigin::none()), Ok(Outcome::Undecodable));
	});
	let panic = panics::catch(|| -> () { panic!("a pallet bug") }).unwrap_err();
	assert!(panic.contains("a pallet bug"), "{panic}");
}
