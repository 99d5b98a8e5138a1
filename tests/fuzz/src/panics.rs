//! Running an input so that a panic becomes a finding, not a crash of the fuzzer, and
//! without printing every expected panic.

use std::{cell::Cell, panic::AssertUnwindSafe, sync::Once};

thread_local! {
	static QUIET: Cell<bool> = const { Cell::new(false) };
}
static HOOK: Once = Once::new();

/// Runs `f`; a panic in it is returned as `Err` with its message. While `f` runs, this
/// thread's panics are not printed (other threads' are, as usual).
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
	HOOK.call_once(|| {
		let previous = std::panic::take_hook();
		std::panic::set_hook(Box::new(move |info| {
			if !QUIET.with(Cell::get) {
				previous(info);
			}
		}));
	});
	QUIET.with(|q| q.set(true));
	let outcome = std::panic::catch_unwind(AssertUnwindSafe(f));
	QUIET.with(|q| q.set(false));
	outcome.map_err(|payload| {
		payload
			.downcast_ref::<String>()
			.cloned()
			.or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
			.unwrap_or_else(|| "a panic without a message".to_string())
	})
}
