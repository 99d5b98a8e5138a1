//! BLAKE2b-256 (RFC 7693, unkeyed, 32-byte digest) for the verification page, built to a
//! WebAssembly module by the CLI's build script: the page hashes a dropped file in the
//! browser, so the file never leaves the officer's machine, and a document's id is this
//! hash of its exact bytes.
//!
//! The page asks `input()` where to copy the file (past everything the module uses),
//! grows the exported memory to hold it, copies it there and calls `hash(len)`, which
//! answers where the 32-byte digest is.
#![no_std]

extern "C" {
	/// The end of the module's stack and static data, which the linker provides: memory
	/// from here on is free.
	static __heap_base: u8;
}

/// The digest of the last `hash`.
static mut DIGEST: [u8; 32] = [0; 32];

const IV: [u64; 8] = [
	0x6a09e667f3bcc908,
	0xbb67ae8584caa73b,
	0x3c6ef372fe94f82b,
	0xa54ff53a5f1d36f1,
	0x510e527fade682d1,
	0x9b05688c2b3e6c1f,
	0x1f83d9abfb41bd6b,
	0x5be0cd19137e2179,
];

const SIGMA: [[usize; 16]; 10] = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
	[14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
	[11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
	[7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
	[9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
	[2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
	[12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
	[13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
	[6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
	[10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

#[inline(always)]
fn mix(v: &mut [u64; 16], a: usize, b: usize, c: usize, d: usize, x: u64, y: u64) {
	v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
	v[d] = (v[d] ^ v[a]).rotate_right(32);
	v[c] = v[c].wrapping_add(v[d]);
	v[b] = (v[b] ^ v[c]).rotate_right(24);
	v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
	v[d] = (v[d] ^ v[a]).rotate_right(16);
	v[c] = v[c].wrapping_add(v[d]);
	v[b] = (v[b] ^ v[c]).rotate_right(63);
}

fn compress(h: &mut [u64; 8], block: &[u8; 128], count: u128, last: bool) {
	let mut m = [0u64; 16];
	for (i, word) in m.iter_mut().enumerate() {
		let mut bytes = [0u8; 8];
		bytes.copy_from_slice(&block[i * 8..i * 8 + 8]);
		*word = u64::from_le_bytes(bytes);
	}
	let mut v = [0u64; 16];
	v[..8].copy_from_slice(h);
	v[8..].copy_from_slice(&IV);
	v[12] ^= count as u64;
	v[13] ^= (count >> 64) as u64;
	if last {
		v[14] = !v[14];
	}
	for round in 0..12 {
		let s = &SIGMA[round % 10];
		mix(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
		mix(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
		mix(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
		mix(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
		mix(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
		mix(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
		mix(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
		mix(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
	}
	for i in 0..8 {
		h[i] ^= v[i] ^ v[i + 8];
	}
}

/// The BLAKE2b-256 digest of `input`.
fn blake2b_256(input: &[u8]) -> [u8; 32] {
	let mut h = IV;
	h[0] ^= 0x0101_0020;
	let mut rest = input;
	let mut count: u128 = 0;
	while rest.len() > 128 {
		let (block, tail) = rest.split_at(128);
		count += 128;
		compress(&mut h, block.try_into().expect("128 bytes"), count, false);
		rest = tail;
	}
	let mut last = [0u8; 128];
	last[..rest.len()].copy_from_slice(rest);
	count += rest.len() as u128;
	compress(&mut h, &last, count, true);
	let mut out = [0u8; 32];
	for (i, word) in h.iter().take(4).enumerate() {
		out[i * 8..i * 8 + 8].copy_from_slice(&word.to_le_bytes());
	}
	out
}

/// Where the page copies the file to hash: the first free byte of memory.
#[no_mangle]
pub extern "C" fn input() -> usize {
	// Only the symbol's address is taken, never its contents.
	core::ptr::addr_of!(__heap_base) as usize
}

/// Hashes the `len` bytes at `input()`; answers where the 32-byte digest is.
#[no_mangle]
pub extern "C" fn hash(len: usize) -> usize {
	// SAFETY: the page grew the memory to hold `input() + len` bytes before the call and
	// nothing in the module uses memory past `__heap_base`; the module is single-threaded,
	// so nothing else touches `DIGEST` while it is written.
	unsafe {
		let file = core::slice::from_raw_parts(input() as *const u8, len);
		let digest = &mut *core::ptr::addr_of_mut!(DIGEST);
		*digest = blake2b_256(file);
		digest.as_ptr() as usize
	}
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
	core::arch::wasm32::unreachable()
}
