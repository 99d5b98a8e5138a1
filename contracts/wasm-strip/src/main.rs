//! `tamga-wasm-strip IN OUT`: makes a linked ink! contract acceptable to pallet-contracts.
//!
//! rustc's `cdylib` for wasm32 also exports compiler builtins (`memcpy`, `__heap_base`,
//! `__data_end`, ...), and pallet-contracts refuses a module that exports anything but
//! the `call` and `deploy` functions, or any global or memory. This keeps exactly those two
//! function exports (both must exist), drops custom sections (names, producers: bytes a
//! chain need not store), and leaves every other section byte for byte as it was. No
//! dependency: the module format's framing is small enough to read here.

use std::process::ExitCode;

/// The exports a contract must have and may have.
const KEPT_EXPORTS: [&str; 2] = ["call", "deploy"];

/// Section ids of the Wasm binary format.
const CUSTOM_SECTION: u8 = 0;
const EXPORT_SECTION: u8 = 7;

/// Kind byte of a function export.
const FUNCTION_EXPORT: u8 = 0;

/// Reads an unsigned LEB128 number at `*at`, advancing it.
fn read_leb(bytes: &[u8], at: &mut usize) -> Result<u32, String> {
	let (mut value, mut shift) = (0u64, 0);
	loop {
		let byte = *bytes.get(*at).ok_or("truncated number")?;
		*at += 1;
		value |= u64::from(byte & 0x7f) << shift;
		if byte & 0x80 == 0 {
			return u32::try_from(value).map_err(|_| "number too large".to_string());
		}
		shift += 7;
		if shift > 35 {
			return Err("number too long".into());
		}
	}
}

/// `value` as unsigned LEB128.
fn write_leb(mut value: u32, out: &mut Vec<u8>) {
	loop {
		let byte = (value & 0x7f) as u8;
		value >>= 7;
		if value == 0 {
			out.push(byte);
			return;
		}
		out.push(byte | 0x80);
	}
}

/// The export section with only the kept function exports.
fn strip_exports(body: &[u8]) -> Result<Vec<u8>, String> {
	let mut at = 0;
	let count = read_leb(body, &mut at)?;
	let mut kept = Vec::new();
	let mut kept_names = Vec::new();
	for _ in 0..count {
		let start = at;
		let length = read_leb(body, &mut at)? as usize;
		let name = body.get(at..at + length).ok_or("truncated export name")?;
		let name = std::str::from_utf8(name).map_err(|_| "export name is not UTF-8")?.to_string();
		at += length;
		let kind = *body.get(at).ok_or("truncated export")?;
		at += 1;
		read_leb(body, &mut at)?;
		if kind == FUNCTION_EXPORT && KEPT_EXPORTS.contains(&name.as_str()) {
			kept.extend_from_slice(&body[start..at]);
			kept_names.push(name);
		}
	}
	for needed in KEPT_EXPORTS {
		if !kept_names.iter().any(|n| n == needed) {
			return Err(format!(
				"the module exports no `{needed}` function: is it an ink! contract?"
			));
		}
	}
	let mut out = Vec::new();
	write_leb(kept_names.len() as u32, &mut out);
	out.extend(kept);
	Ok(out)
}

/// The module with only the kept exports and no custom sections.
pub fn strip(module: &[u8]) -> Result<Vec<u8>, String> {
	if module.get(..8) != Some(&[0, b'a', b's', b'm', 1, 0, 0, 0]) {
		return Err("not a WebAssembly 1.0 module".into());
	}
	let mut out = module[..8].to_vec();
	let mut at = 8;
	while at < module.len() {
		let id = module[at];
		at += 1;
		let size = read_leb(module, &mut at)? as usize;
		let body = module.get(at..at + size).ok_or("truncated section")?;
		at += size;
		match id {
			CUSTOM_SECTION => {},
			EXPORT_SECTION => {
				let body = strip_exports(body)?;
				out.push(id);
				write_leb(body.len() as u32, &mut out);
				out.extend(body);
			},
			_ => {
				out.push(id);
				write_leb(size as u32, &mut out);
				out.extend_from_slice(body);
			},
		}
	}
	Ok(out)
}

fn main() -> ExitCode {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let [input, output] = args.as_slice() else {
		eprintln!("usage: tamga-wasm-strip IN.wasm OUT.wasm");
		return ExitCode::from(2);
	};
	let result = std::fs::read(input)
		.map_err(|e| format!("cannot read {input}: {e}"))
		.and_then(|module| strip(&module).map_err(|e| format!("{input}: {e}")))
		.and_then(|module| {
			std::fs::write(output, &module).map_err(|e| format!("cannot write {output}: {e}"))
		});
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("Error: {error}");
			ExitCode::from(2)
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A module with a type, two functions, four exports and a custom section.
	fn module(exports: &[(&str, u8)]) -> Vec<u8> {
		let mut m = vec![0, b'a', b's', b'm', 1, 0, 0, 0];
		m.extend([1, 4, 1, 0x60, 0, 0]); // type section: () -> ()
		m.extend([3, 3, 2, 0, 0]); // function section: two functions of type 0
		let mut body = Vec::new();
		write_leb(exports.len() as u32, &mut body);
		for (name, kind) in exports {
			write_leb(name.len() as u32, &mut body);
			body.extend(name.as_bytes());
			body.extend([*kind, 0]);
		}
		m.push(EXPORT_SECTION);
		write_leb(body.len() as u32, &mut m);
		m.extend(body);
		m.extend([10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b]); // code section: two empty bodies
		m.extend([0, 5, 4, b'n', b'a', b'm', b'e']); // custom section "name"
		m
	}

	#[test]
	fn only_call_and_deploy_stay_and_custom_sections_go() {
		let input = module(&[("call", 0), ("memcpy", 0), ("deploy", 0), ("__heap_base", 3)]);
		let stripped = strip(&input).unwrap();
		assert_eq!(stripped, {
			let mut expected = module(&[("call", 0), ("deploy", 0)]);
			expected.truncate(expected.len() - 7);
			expected
		});
		// Idempotent.
		assert_eq!(strip(&stripped).unwrap(), stripped);
	}

	#[test]
	fn a_module_without_call_or_deploy_is_refused() {
		let error = strip(&module(&[("call", 0)])).unwrap_err();
		assert!(error.contains("no `deploy` function"), "{error}");
		let error = strip(&module(&[("call", 0), ("deploy", 3)])).unwrap_err();
		assert!(error.contains("no `deploy` function"), "{error}");
		assert!(strip(b"not wasm").is_err());
	}

	#[test]
	fn numbers_round_trip() {
		for value in [0, 1, 127, 128, 300, 16_384, u32::MAX] {
			let mut bytes = Vec::new();
			write_leb(value, &mut bytes);
			let mut at = 0;
			assert_eq!(read_leb(&bytes, &mut at).unwrap(), value);
			assert_eq!(at, bytes.len());
		}
	}
}
