//! Builds what the `tamga` binary embeds beside its code:
//! - `catalogues.rs`: every message catalogue in `messages/` (`en.json`, `ru.json`, ...),
//!   so that a language is added by adding one file;
//! - `blake2b.wasm`: the page's hasher (`page/blake2b.rs`), compiled by the same rustc
//!   for `wasm32-unknown-unknown` (which `scripts/setup.sh` installs).

use std::{env, fs, path::PathBuf, process::Command};

fn main() {
	let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
	let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
	write_catalogues(&manifest, &out);
	build_hasher(&manifest, &out);
}

/// Writes `catalogues.rs`: `CATALOGUES`, a slice of (language code, JSON text) sorted by
/// code.
fn write_catalogues(manifest: &std::path::Path, out: &std::path::Path) {
	let folder = manifest.join("messages");
	println!("cargo:rerun-if-changed={}", folder.display());
	let mut languages: Vec<(String, PathBuf)> = fs::read_dir(&folder)
		.expect("node/cli/messages exists")
		.filter_map(|entry| {
			let path = entry.ok()?.path();
			let code = path.file_stem()?.to_str()?.to_string();
			(path.extension()? == "json").then_some((code, path))
		})
		.collect();
	languages.sort();
	let mut source = String::from(
		"/// Every message catalogue: (language code, its JSON text), sorted by code.\n\
		 pub const CATALOGUES: &[(&str, &str)] = &[\n",
	);
	for (code, path) in &languages {
		println!("cargo:rerun-if-changed={}", path.display());
		source
			.push_str(&format!("\t({code:?}, include_str!({:?})),\n", path.display().to_string()));
	}
	source.push_str("];\n");
	fs::write(out.join("catalogues.rs"), source).expect("OUT_DIR is writable");
}

/// Compiles `page/blake2b.rs` to `blake2b.wasm`.
fn build_hasher(manifest: &std::path::Path, out: &std::path::Path) {
	let source = manifest.join("page/blake2b.rs");
	println!("cargo:rerun-if-changed={}", source.display());
	let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
	let wasm = out.join("blake2b.wasm");
	let status = Command::new(rustc)
		.args(["--target", "wasm32-unknown-unknown", "--crate-type", "cdylib", "--edition", "2021"])
		.args(["-C", "opt-level=3", "-C", "panic=abort", "-C", "strip=symbols"])
		.arg("-o")
		.arg(&wasm)
		.arg(&source)
		// The host build's flags (e.g. a linker for the host) do not apply to Wasm.
		.env_remove("RUSTFLAGS")
		.env_remove("CARGO_ENCODED_RUSTFLAGS")
		.status()
		.expect("rustc runs");
	assert!(
		status.success(),
		"building the page's hasher for wasm32-unknown-unknown failed: is the target \
		 installed (rustup target add wasm32-unknown-unknown, or scripts/setup.sh)?"
	);
}
