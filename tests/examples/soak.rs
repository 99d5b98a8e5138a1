//! Availability soak (scripted, never in CI: `scripts/soak.sh`): the four validators of the
//! `local` chain under a steady stream of certificate registrations, one validator at a
//! time taken down in turn (alternately a clean stop and a kill, as in maintenance and in
//! a crash) and brought back after a while, for as long as asked. Every second it samples
//! the highest finalized block among the running nodes; it reports the fraction of
//! seconds at which finality had advanced within the last 6 s (the consortium's figure for
//! "documents become final"), the longest stall, and what the load finalized.
//!
//! `cargo run -p tamga-tests --example soak -- [MINUTES] [RESTART_EVERY_S] [DOWN_S] [PAUSE_MS]`

use std::time::{Duration, Instant};

use tamga_tests::{
	cli::accredit,
	load::{finalized_valid, RegistrationLoad},
	network::LocalNetwork,
};

/// The window in which finality must advance for a second to count as available.
const WINDOW: Duration = Duration::from_secs(6);

fn arg(index: usize, default: u64) -> u64 {
	std::env::args().nth(index).and_then(|a| a.parse().ok()).unwrap_or(default)
}

fn main() {
	let minutes = arg(1, 30);
	let restart_every = Duration::from_secs(arg(2, 120));
	let down_for = Duration::from_secs(arg(3, 20));
	let pause = Duration::from_millis(arg(4, 200));
	eprintln!(
		"soak: {minutes} min, a validator down every {restart_every:?} for {down_for:?}, one \
		 registration every {pause:?} at most"
	);

	let mut net = LocalNetwork::start();
	net.wait_finalized(&[0, 1, 2, 3], 1);
	let role = ["--role", "issuer", "--kind", "origin"];
	net.check(accredit(&net.nodes[0], "//Alice", "//Eve", "Soak chamber", &role).ok());
	let load = RegistrationLoad::start_paced(&net.nodes[0], "//Eve", pause);

	let start = Instant::now();
	let end = start + Duration::from_secs(minutes * 60);
	let mut samples: Vec<(Instant, u32)> = Vec::new();
	let (mut available, mut total) = (0u64, 0u64);
	let (mut stall_since, mut longest_stall) = (None::<Instant>, Duration::ZERO);
	let mut next_restart = start + restart_every;
	let mut down: Option<(usize, Instant)> = None;
	let (mut restarts, mut turn) = (0u32, 0usize);

	while Instant::now() < end {
		std::thread::sleep(Duration::from_secs(1));
		let now = Instant::now();
		// Take the next validator down, or bring the one that is down back.
		match down {
			Some((index, since)) if now - since >= down_for => {
				net.nodes[index].start();
				down = None;
			},
			None if now >= next_restart => {
				let index = turn % 4;
				if turn % 2 == 0 {
					net.nodes[index].stop();
				} else {
					net.nodes[index].kill();
				}
				eprintln!(
					"[{:>5.0} s] {} down",
					(now - start).as_secs_f64(),
					net.nodes[index].name
				);
				down = Some((index, now));
				turn += 1;
				restarts += 1;
				next_restart = now + restart_every;
			},
			_ => {},
		}
		let finalized = net
			.nodes
			.iter()
			.enumerate()
			.filter(|(i, _)| down.map_or(true, |(d, _)| d != *i))
			.filter_map(|(_, node)| node.rpc().finalized_number().ok())
			.max();
		let Some(finalized) = finalized else { continue };
		samples.push((now, finalized));
		// Available at `now`: a higher block was finalized than the one final WINDOW ago.
		let before = samples.iter().rev().find(|(at, _)| now - *at >= WINDOW).map(|(_, n)| *n);
		if let Some(before) = before {
			total += 1;
			if finalized > before {
				available += 1;
				if let Some(since) = stall_since.take() {
					longest_stall = longest_stall.max(now - since);
				}
			} else if stall_since.is_none() {
				stall_since = Some(now - WINDOW);
			}
		}
	}
	if let Some(since) = stall_since {
		longest_stall = longest_stall.max(Instant::now() - since);
	}
	if let Some((index, _)) = down {
		net.nodes[index].start();
	}
	let accepted = load.stop();
	// Registrations of the last seconds finalize after the load stops: count once the
	// count stops growing (at most a minute).
	let mut finalized = 0;
	for _ in 0..12 {
		let now = finalized_valid(&net.nodes[0], &accepted).map(|(_, v)| v.len()).unwrap_or(0);
		if now == accepted.len() || (now == finalized && now > 0) {
			finalized = now;
			break;
		}
		finalized = now;
		std::thread::sleep(Duration::from_secs(5));
	}
	let fraction = if total == 0 { 0.0 } else { available as f64 / total as f64 };
	println!("soak minutes:                 {minutes}");
	println!(
		"validator outages:            {restarts} ({down_for:?} each, stop and kill alternately)"
	);
	println!("seconds sampled:              {total}");
	println!("finality advanced within 6 s: {:.2} % of them", fraction * 100.0);
	println!("longest stall:                {:.0} s", longest_stall.as_secs_f64());
	println!("registrations accepted:       {}", accepted.len());
	println!("  of which finalized:         {finalized}");
	println!(
		"{{\"minutes\":{minutes},\"outages\":{restarts},\"sampled\":{total},\"available\":{available},\
		 \"fraction\":{fraction:.4},\"longestStallSeconds\":{:.0},\"accepted\":{},\"finalized\":{finalized}}}",
		longest_stall.as_secs_f64(),
		accepted.len()
	);
}
