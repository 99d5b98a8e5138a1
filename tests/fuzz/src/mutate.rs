//! Byte-level mutations of well-formed encodings: what a corrupted or hostile input looks
//! like (a flipped bit, a cut-off end, a length prefix made huge, bytes spliced in).

use crate::rng::Rng;

/// Values that often sit on a decoder's edge, written over a random position.
const EDGE_BYTES: [u8; 8] = [0x00, 0x01, 0x02, 0x03, 0x7f, 0x80, 0xfe, 0xff];

/// Applies one to four random mutations to `bytes`.
pub fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
	for _ in 0..=rng.below(4) {
		let len = bytes.len();
		match rng.below(8) {
			0 if len > 0 => {
				let at = rng.below(len);
				bytes[at] ^= 1 << rng.below(8);
			},
			1 if len > 0 => {
				let at = rng.below(len);
				bytes[at] = *rng.pick(&EDGE_BYTES);
			},
			2 if len > 0 => {
				bytes.truncate(rng.below(len));
			},
			3 => {
				let at = rng.below(len + 1);
				let count = 1 + rng.below(8);
				let extra = rng.bytes(count);
				bytes.splice(at..at, extra);
			},
			4 if len > 0 => {
				let at = rng.below(len);
				let count = 1 + rng.below((len - at).min(8));
				bytes.drain(at..at + count);
			},
			5 if len > 0 => {
				// A compact length prefix claiming far more than follows.
				let at = rng.below(len);
				let huge: [u8; 5] = [0x03, 0xff, 0xff, 0xff, 0xff];
				bytes.splice(at..(at + 1).min(len), huge);
			},
			6 if len > 1 => {
				// A run of the input repeated (nested values, duplicated elements).
				let from = rng.below(len);
				let count = 1 + rng.below((len - from).min(16));
				let chunk = bytes[from..from + count].to_vec();
				let at = rng.below(len + 1);
				bytes.splice(at..at, chunk);
			},
			_ => bytes.push(rng.next_u64() as u8),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn mutations_change_inputs_and_never_panic_on_empty_ones() {
		let mut rng = Rng::new(1);
		let original = vec![4u8, 1, 2, 3, 4];
		let changed = (0..100)
			.filter(|_| {
				let mut bytes = original.clone();
				mutate(&mut rng, &mut bytes);
				bytes != original
			})
			.count();
		assert!(changed > 90, "only {changed} of 100 mutations changed the input");
		for _ in 0..100 {
			let mut empty = Vec::new();
			mutate(&mut rng, &mut empty);
		}
	}
}
