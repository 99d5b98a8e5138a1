//! Looking documents up by country and certificate number, and the migration that indexes
//! the documents anchored before the look-up existed.

use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

use super::{country, facts, id, register, signed};
use crate::{migrations, mock::*, CertificateKind, DocumentsByNumber, Found, Pallet, MAX_FOUND};

fn find(code: &[u8; 2], number: &str, issuer: Option<u64>) -> Found {
	Pallet::<Test>::find_by_number(country(code), number.as_bytes(), issuer.as_ref())
}

/// An approved exporter of KZ declares origin under a number KZ's chamber used too.
fn declare_under_the_same_number(n: u8, number: &str) {
	let mut declaration = facts(number);
	declaration.kind = CertificateKind::ORIGIN_DECLARATION;
	assert_ok!(Certificates::register(signed(KZ_APPROVED_EXPORTER), id(n), declaration, None));
}

#[test]
fn a_number_finds_every_issuers_document_of_that_country() {
	new_test_ext().execute_with(|| {
		register(1);
		register(2);
		assert_eq!(find(b"KZ", "KZ-1", None), Found { ids: vec![id(1)], more: false });
		declare_under_the_same_number(3, "KZ-1");
		let both = find(b"KZ", "KZ-1", None);
		assert_eq!(both.ids.len(), 2);
		assert!(both.ids.contains(&id(1)) && both.ids.contains(&id(3)) && !both.more);
		// Naming the issuer narrows it to that issuer's one.
		assert_eq!(find(b"KZ", "KZ-1", Some(KZ_ISSUER)).ids, [id(1)]);
		assert_eq!(find(b"KZ", "KZ-1", Some(KZ_APPROVED_EXPORTER)).ids, [id(3)]);
	});
}

#[test]
fn another_country_another_number_or_issuer_finds_nothing() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_eq!(find(b"KG", "KZ-1", None), Found::default());
		assert_eq!(find(b"KZ", "KZ-9", None), Found::default());
		assert_eq!(find(b"KZ", "kz-1", None), Found::default());
		assert_eq!(find(b"KZ", "KZ-1", Some(KG_ISSUER)), Found::default());
		// KZ's issuer's number, asked of KG: the issuer is named but not of KG.
		assert_eq!(find(b"KG", "KZ-1", Some(KZ_ISSUER)), Found::default());
		let too_long = "9".repeat(65);
		assert_eq!(find(b"KZ", &too_long, None), Found::default());
	});
}

#[test]
fn a_replacement_is_found_beside_the_document_it_replaces() {
	new_test_ext().execute_with(|| {
		register(1);
		assert_ok!(Certificates::replace(signed(KZ_ISSUER), id(1), id(2), facts("KZ-1b"), None));
		assert_eq!(find(b"KZ", "KZ-1", None).ids, [id(1)]);
		assert_eq!(find(b"KZ", "KZ-1b", None).ids, [id(2)]);
	});
}

#[test]
fn a_listing_stops_at_its_bound_and_says_there_is_more() {
	new_test_ext().execute_with(|| {
		let number: frame_support::BoundedVec<u8, _> = b"N-1".to_vec().try_into().unwrap();
		for n in 0..=MAX_FOUND as u8 {
			DocumentsByNumber::<Test>::insert((country(b"KZ"), &number, id(100 + n)), ());
		}
		let found = find(b"KZ", "N-1", None);
		assert_eq!(found.ids.len(), MAX_FOUND as usize);
		assert!(found.more);
	});
}

#[test]
fn the_migration_indexes_documents_anchored_before_it_once() {
	new_test_ext().execute_with(|| {
		register(1);
		register(2);
		declare_under_the_same_number(3, "KZ-1");
		// As a chain of storage version 0 holds them: no index.
		let _ = DocumentsByNumber::<Test>::clear(u32::MAX, None);
		StorageVersion::new(0).put::<Pallet<Test>>();
		assert_eq!(find(b"KZ", "KZ-1", None), Found::default());

		migrations::v1::Migration::<Test>::on_runtime_upgrade();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		assert_eq!(find(b"KZ", "KZ-1", None).ids.len(), 2);
		assert_eq!(find(b"KZ", "KZ-2", None).ids, [id(2)]);
		assert_eq!(DocumentsByNumber::<Test>::iter().count(), 3);

		// Run again (a later upgrade still lists it): the version says it is done.
		let _ = DocumentsByNumber::<Test>::clear(u32::MAX, None);
		migrations::v1::Migration::<Test>::on_runtime_upgrade();
		assert_eq!(DocumentsByNumber::<Test>::iter().count(), 0);
	});
}
