//! Accreditation by consent: an offer binds nothing until the account accepts it, and a
//! revoked accreditation can be removed so the account can be bound again.

use super::*;
use crate::Offers;

fn offer(member: u64, account: u64, role: Role) -> sp_runtime::DispatchResult {
	let kinds = if role == Role::Issuer { issuer_kinds() } else { DocumentKinds::default() };
	let office = (role == Role::Officer).then_some(*b"KZALA");
	Governance::accredit(signed(member), account, b"Party".to_vec(), role, kinds, office, 1, 500)
}

#[test]
fn an_offer_binds_nothing_until_the_account_accepts_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(offer(KZ, 40, Role::Auditor));
		assert_eq!(
			last_event(),
			RuntimeEvent::Governance(Event::Offered {
				country: country(b"KZ"),
				account: 40,
				role: Role::Auditor
			})
		);
		assert!(!Accreditations::<Test>::contains_key(40));
		assert_eq!(
			Governance::ensure_party(&40, Role::Auditor, None, None, 10),
			Err(Denied::NotAccredited)
		);
		let standing = Governance::standing(&40);
		assert!(standing.candidate && standing.party.is_none());

		assert_ok!(Governance::accept_accreditation(signed(40), *b"KZ"));
		assert_eq!(
			last_event(),
			RuntimeEvent::Governance(Event::Accredited {
				country: country(b"KZ"),
				account: 40,
				role: Role::Auditor
			})
		);
		assert!(Governance::ensure_party(&40, Role::Auditor, None, None, 10).is_ok());
		assert!(!Offers::<Test>::contains_key(40, country(b"KZ")));
		assert_eq!(System::providers(&40), 1, "one reference for the accreditation");
		assert_noop!(Governance::accept_accreditation(signed(40), *b"KZ"), Error::<Test>::NoOffer);
	});
}

#[test]
fn another_countrys_offer_blocks_neither_membership_nor_a_home_accreditation() {
	new_test_ext().execute_with(|| {
		// KG offers accreditations to the account named in KZ's plan (and to one KZ wants
		// as a member): neither offer holds anything.
		assert_ok!(offer(KG, 40, Role::Exporter));
		assert_ok!(offer(KG, 41, Role::Exporter));
		assert_ok!(offer(KZ, 40, Role::Issuer));
		accept(40);
		assert_eq!(Accreditations::<Test>::get(40).unwrap().country, country(b"KZ"));
		assert_ok!(Governance::add_member(signed(KZ), 41));
		assert_noop!(
			Governance::accept_accreditation(signed(41), *b"KG"),
			Error::<Test>::MemberCannotBeParty
		);
		// An account holds one accreditation: KG's stale offer cannot take 40 over.
		assert_noop!(
			Governance::accept_accreditation(signed(40), *b"KG"),
			Error::<Test>::AccreditedByAnotherCountry
		);
		// An admission may name an account that only holds an offer.
		assert_ok!(offer(KZ, 43, Role::Auditor));
		pass(admit(*b"TJ", vec![43]));
		assert!(MemberOf::<Test>::contains_key(43));
	});
}

#[test]
fn an_administration_withdraws_its_own_offers_only() {
	new_test_ext().execute_with(|| {
		assert_ok!(offer(KZ, 40, Role::Auditor));
		assert_eq!(System::providers(&40), 1, "an offered account can send its acceptance");
		assert_noop!(Governance::withdraw_offer(signed(KG), 40), Error::<Test>::NoOffer);
		assert_ok!(Governance::withdraw_offer(signed(KZ), 40));
		assert_eq!(System::providers(&40), 0);
		assert!(!Governance::standing(&40).is_known());
		assert_noop!(Governance::accept_accreditation(signed(40), *b"KZ"), Error::<Test>::NoOffer);
	});
}

#[test]
fn changes_to_a_held_accreditation_apply_at_once_and_keep_the_cutoff() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 40);
		assert_ok!(Governance::set_key_cutoff(signed(KZ), 40, 100));
		assert_ok!(offer(KZ, 40, Role::Issuer));
		assert!(!Offers::<Test>::contains_key(40, country(b"KZ")), "no new consent needed");
		let accreditation = Accreditations::<Test>::get(40).unwrap();
		assert_eq!((accreditation.valid_until, accreditation.key_cutoff), (500, Some(100)));
	});
}

#[test]
fn a_revoked_accreditation_is_removed_and_the_account_bound_again() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 40);
		assert_noop!(Governance::remove_accreditation(signed(KZ), 40), Error::<Test>::NotRevoked);
		assert_ok!(Governance::revoke(signed(KZ), 40));
		assert_noop!(
			Governance::remove_accreditation(signed(KG), 40),
			Error::<Test>::NotYourCountry
		);
		// Revoked, it still blocks: another country cannot bind it, nor make it a member.
		assert_ok!(offer(KG, 40, Role::Exporter));
		assert_noop!(
			Governance::accept_accreditation(signed(40), *b"KG"),
			Error::<Test>::AccreditedByAnotherCountry
		);
		assert_noop!(Governance::add_member(signed(KG), 40), Error::<Test>::MemberCannotBeParty);

		assert_ok!(Governance::remove_accreditation(signed(KZ), 40));
		assert_eq!(
			last_event(),
			RuntimeEvent::Governance(Event::AccreditationRemoved {
				country: country(b"KZ"),
				account: 40
			})
		);
		assert!(!Accreditations::<Test>::contains_key(40));
		assert_ok!(Governance::accept_accreditation(signed(40), *b"KG"));
		assert_eq!(Accreditations::<Test>::get(40).unwrap().country, country(b"KG"));
		assert_eq!(System::providers(&40), 1);
	});
}

#[test]
fn an_offer_of_an_administration_that_left_is_void() {
	new_test_ext().execute_with(|| {
		assert_ok!(offer(BY, 40, Role::Auditor));
		pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
			country: *b"BY",
		})));
		assert!(!Governance::standing(&40).is_known());
		assert_noop!(Governance::accept_accreditation(signed(40), *b"BY"), Error::<Test>::NoOffer);
	});
}
