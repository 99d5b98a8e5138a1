//! `0x`-prefixed hexadecimal text, the form ids and hashes take in JSON-RPC.

use sp_core::H256;

/// `bytes` as `0x` followed by lower-case hex digits.
pub fn encode(bytes: &[u8]) -> String {
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	let mut text = String::with_capacity(2 + bytes.len() * 2);
	text.push_str("0x");
	for byte in bytes {
		text.push(DIGITS[usize::from(byte >> 4)] as char);
		text.push(DIGITS[usize::from(byte & 0xf)] as char);
	}
	text
}

/// Parses `0x` and an even number of hex digits into bytes; the error names `what`.
pub fn parse_bytes(what: &str, text: &str) -> Result<Vec<u8>, String> {
	let shown: String = text.chars().take(80).collect();
	let digits = text
		.strip_prefix("0x")
		.ok_or_else(|| format!("{what} must start with 0x, got `{shown}`"))?;
	if digits.len() % 2 != 0 {
		return Err(format!("{what} must have an even number of hex digits: `{shown}`"));
	}
	digits
		.as_bytes()
		.chunks(2)
		.map(|pair| {
			let nibble = |c: u8| (c as char).to_digit(16);
			match (nibble(pair[0]), nibble(pair[1])) {
				(Some(high), Some(low)) => Ok((high * 16 + low) as u8),
				_ => Err(format!("{what} holds a character that is not a hex digit: `{shown}`")),
			}
		})
		.collect()
}

/// Parses `0x` and 64 hex digits into a hash; the error says what was wrong with `text`,
/// which it calls `what` (e.g. "id").
pub fn parse_h256(what: &str, text: &str) -> Result<H256, String> {
	let shown: String = text.chars().take(80).collect();
	let digits = text
		.strip_prefix("0x")
		.ok_or_else(|| format!("{what} must start with 0x, got `{shown}`"))?;
	if digits.len() != 64 {
		return Err(format!(
			"{what} must be 0x and 64 hex digits (32 bytes), got {} digits",
			digits.len()
		));
	}
	let mut bytes = [0u8; 32];
	for (i, pair) in digits.as_bytes().chunks(2).enumerate() {
		let nibble = |c: u8| (c as char).to_digit(16);
		match (nibble(pair[0]), nibble(pair[1])) {
			(Some(high), Some(low)) => bytes[i] = (high * 16 + low) as u8,
			_ => {
				return Err(format!("{what} holds a character that is not a hex digit: `{shown}`"))
			},
		}
	}
	Ok(H256(bytes))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn round_trip_and_readable_errors() {
		let hash = H256::repeat_byte(0xab);
		assert_eq!(parse_h256("id", &encode(hash.as_bytes())), Ok(hash));
		assert_eq!(
			parse_h256("id", &encode(hash.as_bytes()).to_uppercase().replace("0X", "0x")),
			Ok(hash)
		);
		assert!(parse_h256("id", "abab").unwrap_err().contains("must start with 0x"));
		assert!(parse_h256("id", "0xabab").unwrap_err().contains("got 4 digits"));
		let not_hex = format!("0x{}", "zz".repeat(32));
		assert!(parse_h256("root", &not_hex).unwrap_err().starts_with("root holds a character"));
		// Multi-byte characters never panic.
		assert!(parse_h256("id", &format!("0x{}", "é".repeat(32))).is_err());
	}
}
