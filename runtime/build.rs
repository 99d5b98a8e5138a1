//! Builds the runtime to Wasm with substrate-wasm-builder when the `std` and `wasm-binary`
//! features are on (skipped with `SKIP_WASM_BUILD=1`).
//!
//! The Wasm must not depend on where it was built, so that every administration rebuilding
//! a runtime from the same commit gets the same bytes and the same hash to vote on: the
//! source paths the compiler writes into it (panic locations) are remapped from this
//! checkout, the cargo registry and the toolchain's library sources to fixed names.

fn main() {
	#[cfg(all(feature = "std", feature = "wasm-binary"))]
	{
		let mut builder = substrate_wasm_builder::WasmBuilder::new()
			.with_current_project()
			.import_memory()
			.export_heap_base();
		for (from, to) in path_remaps() {
			builder = builder.append_to_rust_flags(format!("--remap-path-prefix={from}={to}"));
		}
		builder.build();
	}
}

/// (machine-specific path, fixed name) pairs for `--remap-path-prefix`.
#[cfg(all(feature = "std", feature = "wasm-binary"))]
fn path_remaps() -> Vec<(String, &'static str)> {
	use std::{env, path::PathBuf, process::Command};
	let mut remaps = Vec::new();
	let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
	if let Some(workspace) = manifest.parent() {
		remaps.push((workspace.display().to_string(), "/tamga"));
	}
	let cargo_home = env::var("CARGO_HOME")
		.map(PathBuf::from)
		.or_else(|_| env::var("HOME").map(|home| PathBuf::from(home).join(".cargo")));
	if let Ok(cargo_home) = cargo_home {
		remaps.push((cargo_home.join("registry").join("src").display().to_string(), "/cargo"));
	}
	let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
	if let Ok(output) = Command::new(rustc).args(["--print", "sysroot"]).output() {
		let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_string();
		if !sysroot.is_empty() {
			remaps.push((format!("{sysroot}/lib/rustlib/src/rust"), "/rust"));
		}
	}
	if let Ok(target) = env::var("CARGO_TARGET_DIR") {
		remaps.push((target, "/target"));
	}
	println!("cargo:rerun-if-env-changed=CARGO_HOME");
	remaps
}
