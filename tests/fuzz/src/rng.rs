//! A small, seeded pseudo-random generator (xorshift64*): the same seed gives the same
//! inputs, so every finding can be reproduced from its seed alone.

/// A seeded pseudo-random generator.
#[derive(Clone, Debug)]
pub struct Rng {
	state: u64,
}

impl Rng {
	/// A generator started from `seed` (any value; 0 is mapped to a fixed non-zero state).
	pub fn new(seed: u64) -> Self {
		let mut rng = Self { state: seed ^ 0x9E37_79B9_7F4A_7C15 };
		if rng.state == 0 {
			rng.state = 0x2545_F491_4F6C_DD1D;
		}
		rng.next_u64();
		rng
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		let mut x = self.state;
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		self.state = x;
		x.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}

	/// A number in `0..n` (`n` > 0).
	pub fn below(&mut self, n: usize) -> usize {
		(self.next_u64() % n as u64) as usize
	}

	/// True with probability `numerator / denominator`.
	pub fn chance(&mut self, numerator: u64, denominator: u64) -> bool {
		self.next_u64() % denominator < numerator
	}

	/// One of `items` (not empty).
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len())]
	}

	/// `len` random bytes.
	pub fn bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len).map(|_| self.next_u64() as u8).collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_same_seed_gives_the_same_numbers_and_another_seed_others() {
		let (mut a, mut b, mut c) = (Rng::new(7), Rng::new(7), Rng::new(8));
		let first: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
		assert_eq!(first, (0..8).map(|_| b.next_u64()).collect::<Vec<_>>());
		assert_ne!(first, (0..8).map(|_| c.next_u64()).collect::<Vec<_>>());
		assert!((0..1000).all(|_| a.below(3) < 3));
	}
}
