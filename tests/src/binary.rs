//! Locates the `tamga-node` and `tamga` executables the tests run.

use std::path::PathBuf;

/// The `tamga-node` binary: `$TAMGA_NODE_BIN` if set, else `debug/tamga-node` in
/// `$CARGO_TARGET_DIR` or in the workspace's `target/`.
///
/// `scripts/test.sh` builds the node and sets `TAMGA_NODE_BIN` before running the tests.
pub fn tamga_node() -> PathBuf {
	if let Some(path) = std::env::var_os("TAMGA_NODE_BIN") {
		return PathBuf::from(path);
	}
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
	let path = target.join("debug").join("tamga-node");
	assert!(
		path.is_file(),
		"tamga-node not found at {}: build it with `cargo build -p tamga-node` or run \
		 scripts/test.sh",
		path.display()
	);
	path
}

/// The `tamga` tool: `$TAMGA_CLI_BIN` if set, else `debug/tamga` beside the node.
///
/// `scripts/test.sh` builds it and sets `TAMGA_CLI_BIN` before running the tests.
pub fn tamga_cli() -> PathBuf {
	if let Some(path) = std::env::var_os("TAMGA_CLI_BIN") {
		return PathBuf::from(path);
	}
	let path = tamga_node().with_file_name("tamga");
	assert!(
		path.is_file(),
		"tamga not found at {}: build it with `cargo build -p tamga-cli` or run scripts/test.sh",
		path.display()
	);
	path
}

/// The workspace root (where `chain-spec/` lives).
pub fn workspace_root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}
