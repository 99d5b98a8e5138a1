//! Property: whatever quantities importing customs try to release against a document, in
//! any order, the uses never add up to more than the declared quantity, every accepted use
//! is counted exactly once, and a refused one changes nothing. Sequences come from a fixed-seed generator, so a failure
//! replays.

use sp_core::H256;

use super::*;

#[test]
fn random_uses_never_exceed_the_declared_quantity() {
	for seed in 1..=100u64 {
		new_test_ext().execute_with(|| {
			register(1);
			let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
			let mut accepted: u128 = 0;
			for n in 0..60u32 {
				state ^= state << 13;
				state ^= state >> 7;
				state ^= state << 17;
				// Mostly small uses, now and then a huge one.
				let quantity =
					if state % 10 == 0 { u128::MAX - state as u128 } else { (state % 120) as u128 };
				let before = Documents::<Test>::get(id(1)).unwrap().used;
				let declaration = H256::from_low_u64_be(u64::from(n));
				match Certificates::record_use(signed(KG_OFFICER), id(1), declaration, quantity) {
					Ok(_) => accepted += quantity,
					Err(_) => assert_eq!(Documents::<Test>::get(id(1)).unwrap().used, before),
				}
				let used = Documents::<Test>::get(id(1)).unwrap().used;
				assert!(used <= 1_000, "seed {seed}: {used} used of 1,000");
				assert_eq!(used, accepted, "seed {seed}: uses counted wrongly");
				// This property is about quantities: keep the test runtime's six-entry
				// history from refusing uses.
				crate::History::<Test>::remove(id(1));
			}
			assert!(accepted > 0, "seed {seed}: no use was accepted");
		});
	}
}
