//! Where the signing key's secret URI comes from, kept out of sight: a file only its owner
//! can read (`--suri-file`), the environment (`TAMGA_SURI`), or, with a warning, the
//! command line, which every user of the machine can read with `ps`.

use std::path::{Path, PathBuf};

/// The environment variable that holds a secret URI.
pub const SURI_VARIABLE: &str = "TAMGA_SURI";

/// The sources of the signing key's secret URI a node-facing command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct SecretArgs {
	/// Secret URI of the sr25519 account that signs (a mnemonic, a hex seed, or `//Alice`
	/// .. `//Dave`, the members on the local test chain). A command line is visible to
	/// every user of the machine (`ps`): prefer --suri-file or $TAMGA_SURI. Reading
	/// commands need none.
	#[arg(long, env = SURI_VARIABLE, hide_env_values = true, conflicts_with = "suri_file")]
	pub suri: Option<String>,

	/// A file holding the secret URI (its first line). Refused if its group or others may
	/// read it (`chmod 600 FILE`).
	#[arg(long, value_name = "FILE")]
	pub suri_file: Option<PathBuf>,
}

impl SecretArgs {
	/// The secret URI to sign with, or why there is none. Warns on standard error when it
	/// was typed on the command line.
	pub fn suri(&self) -> Result<String, String> {
		if let Some(path) = &self.suri_file {
			return read_suri_file(path);
		}
		let suri = self
			.suri
			.clone()
			.ok_or("signing needs a key: give --suri-file FILE, or set $TAMGA_SURI")?;
		if std::env::var(SURI_VARIABLE).ok().as_deref() != Some(suri.as_str()) {
			eprintln!(
				"warning: a secret URI on the command line is visible to every user of this \
				 machine (ps, shell history); prefer --suri-file or ${SURI_VARIABLE}"
			);
		}
		Ok(suri)
	}
}

/// The secret URI on the first line of the file at `path`, if only its owner may read it.
pub fn read_suri_file(path: &Path) -> Result<String, String> {
	use std::os::unix::fs::PermissionsExt;
	let metadata = std::fs::metadata(path)
		.map_err(|e| format!("--suri-file {}: cannot read it: {e}", path.display()))?;
	let mode = metadata.permissions().mode();
	if mode & 0o077 != 0 {
		return Err(format!(
			"--suri-file {}: its group or others may read or write it (mode {:o}); make it \
			 the owner's alone: chmod 600 {}",
			path.display(),
			mode & 0o777,
			path.display()
		));
	}
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("--suri-file {}: cannot read it: {e}", path.display()))?;
	let suri = text.lines().next().unwrap_or_default().trim();
	if suri.is_empty() {
		return Err(format!("--suri-file {}: the first line is empty", path.display()));
	}
	Ok(suri.to_string())
}

#[cfg(test)]
mod tests {
	use std::os::unix::fs::PermissionsExt;

	use super::*;

	fn file_with(mode: u32, text: &str) -> tempfile::NamedTempFile {
		let file = tempfile::NamedTempFile::new().unwrap();
		std::fs::write(file.path(), text).unwrap();
		std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(mode)).unwrap();
		file
	}

	#[test]
	fn a_file_only_its_owner_reads_gives_its_first_line() {
		let file = file_with(0o600, "//Alice\nignored\n");
		assert_eq!(read_suri_file(file.path()), Ok("//Alice".to_string()));
		let file = file_with(0o400, "  bottom drive obey lake  \n");
		assert_eq!(read_suri_file(file.path()), Ok("bottom drive obey lake".to_string()));
	}

	#[test]
	fn a_file_others_may_read_or_an_empty_one_is_refused() {
		for mode in [0o640, 0o604, 0o660, 0o644, 0o620] {
			let file = file_with(mode, "//Alice\n");
			let error = read_suri_file(file.path()).unwrap_err();
			assert!(error.contains("chmod 600"), "mode {mode:o}: {error}");
		}
		let empty = file_with(0o600, "\n");
		assert!(read_suri_file(empty.path()).unwrap_err().contains("first line is empty"));
		let missing = read_suri_file(Path::new("/nonexistent/tamga-suri")).unwrap_err();
		assert!(missing.contains("cannot read it"));
	}

	#[test]
	fn signing_without_any_source_says_where_a_key_may_come_from() {
		let none = SecretArgs { suri: None, suri_file: None };
		assert!(none.suri().unwrap_err().contains("--suri-file"));
	}
}
