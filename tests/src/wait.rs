//! Polling until a condition holds.
//!
//! Deadlines here are liveness bounds ("the chain must get there at all"), generous enough
//! for a loaded 2-core machine; they never measure speed.

use std::time::{Duration, Instant};

/// How often a condition is polled.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// Polls `probe` until it returns `Some`, or returns `Err` with `what` after `timeout`.
pub fn until<T>(
	timeout: Duration,
	what: &str,
	mut probe: impl FnMut() -> Option<T>,
) -> Result<T, String> {
	let deadline = Instant::now() + timeout;
	loop {
		if let Some(value) = probe() {
			return Ok(value);
		}
		if Instant::now() >= deadline {
			return Err(format!("timed out after {timeout:?} waiting for {what}"));
		}
		std::thread::sleep(POLL_INTERVAL);
	}
}
