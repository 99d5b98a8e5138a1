//! Unit tests of the governance pallet: every call's success and each of its errors.

mod consent;
mod departure;
mod pool_gating;
mod proposals;

use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

use crate::{
	mock::*, AccreditationStatus, Accreditations, Administrations, CountryCode, Denied,
	DocumentKind, DocumentKinds, Error, Event, MemberOf, Permissions, Proposals, Role, Validators,
};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode::new(*code).unwrap()
}

fn admit(code: [u8; 2], members: Vec<u64>) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::Governance(crate::Call::admit_administration {
		country: code,
		name: b"New administration".to_vec(),
		members,
	}))
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// KZ proposes `call`; KG and AM approve, which is 3 of 4: it passes.
fn pass(call: Box<RuntimeCall>) {
	let id = crate::NextProposalId::<Test>::get();
	assert_ok!(Governance::propose(signed(KZ), call));
	assert_ok!(Governance::vote(signed(KG), id, true));
	assert!(Proposals::<Test>::contains_key(id), "2 of 4 is not enough");
	assert_ok!(Governance::vote(signed(AM), id, true));
	assert!(!Proposals::<Test>::contains_key(id), "3 of 4 decides");
}

fn issuer_kinds() -> DocumentKinds {
	DocumentKinds::of(&[DocumentKind::Origin, DocumentKind::Veterinary])
}

/// The account accepts the accreditation offered to it (the only offer in these tests).
fn accept(account: u64) {
	let (country, _) = crate::Offers::<Test>::iter_prefix(account).next().expect("an offer");
	assert_ok!(Governance::accept_accreditation(signed(account), *country.as_bytes()));
}

/// Offers `issuer` an accreditation for origin and veterinary documents from `member`'s
/// administration, valid from block 1 to 1,000, and accepts it (a change of an
/// accreditation `issuer` already holds applies at once).
fn accredit_issuer(member: u64, issuer: u64) {
	assert_ok!(Governance::accredit(
		signed(member),
		issuer,
		b"Chamber of Commerce".to_vec(),
		Role::Issuer,
		issuer_kinds(),
		None,
		1,
		1_000
	));
	if crate::Offers::<Test>::iter_prefix(issuer).next().is_some() {
		accept(issuer);
	}
}

// ---- thresholds ----

#[test]
fn two_thirds_threshold() {
	use crate::proposals::passes;
	assert!(passes(1, 1));
	assert!(!passes(1, 2) && passes(2, 2));
	assert!(!passes(2, 4) && passes(3, 4));
	assert!(!passes(3, 5) && passes(4, 5));
	assert!(!passes(3, 6) && passes(4, 6));
	assert!(!passes(0, 0));
}

// ---- propose / vote / close ----

#[test]
fn a_passed_proposal_admits_an_administration() {
	new_test_ext().execute_with(|| {
		pass(admit(*b"UZ", vec![5]));
		assert!(Administrations::<Test>::contains_key(country(b"UZ")));
		assert_eq!(MemberOf::<Test>::get(5), Some(country(b"UZ")));
		assert!(System::events().iter().any(
			|r| r.event == RuntimeEvent::Governance(Event::Executed { id: 0, result: Ok(()) })
		));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Governance(Event::AdministrationAdmitted {
				country: country(b"UZ")
			})));
	});
}

#[test]
fn the_proposer_votes_aye_and_one_vote_per_administration_counts() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		let proposal = Proposals::<Test>::get(0).unwrap();
		assert_eq!(proposal.ayes.to_vec(), vec![country(b"KZ")]);
		assert_noop!(Governance::vote(signed(KZ), 0, true), Error::<Test>::DuplicateVote);
		// KZ changes its mind: its aye becomes a nay.
		assert_ok!(Governance::vote(signed(KZ), 0, false));
		let proposal = Proposals::<Test>::get(0).unwrap();
		assert!(proposal.ayes.is_empty());
		assert_eq!(proposal.nays.to_vec(), vec![country(b"KZ")]);
	});
}

#[test]
fn a_proposal_that_cannot_reach_two_thirds_is_rejected() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		assert_ok!(Governance::vote(signed(KG), 0, false));
		assert!(Proposals::<Test>::contains_key(0), "3 of 4 is still possible");
		assert_ok!(Governance::vote(signed(AM), 0, false));
		assert!(!Proposals::<Test>::contains_key(0));
		assert_eq!(last_event(), RuntimeEvent::Governance(Event::Rejected { id: 0 }));
		assert!(!Administrations::<Test>::contains_key(country(b"UZ")));
	});
}

#[test]
fn outsiders_cannot_propose_or_vote() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Governance::propose(signed(OUTSIDER), admit(*b"UZ", vec![5])),
			Error::<Test>::NotMember
		);
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		assert_noop!(Governance::vote(signed(OUTSIDER), 0, true), Error::<Test>::NotMember);
		assert_noop!(Governance::vote(RuntimeOrigin::none(), 0, true), DispatchError::BadOrigin);
	});
}

#[test]
fn votes_on_unknown_or_expired_proposals_fail_and_close_removes_expired_ones() {
	new_test_ext().execute_with(|| {
		assert_noop!(Governance::vote(signed(KG), 7, true), Error::<Test>::UnknownProposal);
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		assert_noop!(Governance::close(signed(OUTSIDER), 0), Error::<Test>::ProposalNotExpired);
		System::set_block_number(1 + ProposalLifetime::get() + 1);
		assert_noop!(Governance::vote(signed(KG), 0, true), Error::<Test>::ProposalExpired);
		assert_ok!(Governance::close(signed(OUTSIDER), 0));
		assert_eq!(last_event(), RuntimeEvent::Governance(Event::Expired { id: 0 }));
		assert_noop!(Governance::close(signed(OUTSIDER), 0), Error::<Test>::UnknownProposal);
	});
}

#[test]
fn oversized_calls_and_too_many_open_proposals_are_refused() {
	new_test_ext().execute_with(|| {
		let huge =
			Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![0u8; 1_000] }));
		assert_noop!(Governance::propose(signed(KZ), huge), Error::<Test>::CallTooLarge);
		// Two open proposals each from KZ and KG fill the four slots.
		for (proposer, code) in [(KZ, *b"UZ"), (KZ, *b"TJ"), (KG, *b"MN"), (KG, *b"AZ")] {
			assert_ok!(Governance::propose(signed(proposer), admit(code, vec![5])));
		}
		assert_noop!(
			Governance::propose(signed(AM), admit(*b"CN", vec![6])),
			Error::<Test>::TooManyProposals
		);
	});
}

#[test]
fn a_passed_proposal_reports_the_failure_of_its_call() {
	new_test_ext().execute_with(|| {
		pass(admit(*b"XX", vec![5]));
		let failed: DispatchError = Error::<Test>::InvalidCountry.into();
		assert!(System::events()
			.iter()
			.any(|r| r.event
				== RuntimeEvent::Governance(Event::Executed { id: 0, result: Err(failed) })));
	});
}

#[test]
fn a_passed_proposal_can_upgrade_the_runtime() {
	new_test_ext().execute_with(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		pass(Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash })));
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
	});
}

// ---- admit / remove administrations ----

#[test]
fn consortium_calls_refuse_any_other_origin() {
	new_test_ext().execute_with(|| {
		for origin in [signed(KZ), signed(OUTSIDER), RuntimeOrigin::none()] {
			assert_noop!(
				Governance::admit_administration(origin.clone(), *b"UZ", b"UZ".to_vec(), vec![5]),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Governance::remove_administration(origin.clone(), *b"BY"),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Governance::add_validator(origin.clone(), *b"KZ", 21),
				DispatchError::BadOrigin
			);
			assert_noop!(Governance::remove_validator(origin, 11), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn admission_validates_its_input() {
	new_test_ext().execute_with(|| {
		let root = || consortium();
		let name = || b"New".to_vec();
		assert_noop!(
			Governance::admit_administration(root(), *b"QQ", name(), vec![5]),
			Error::<Test>::InvalidCountry
		);
		assert_noop!(
			Governance::admit_administration(root(), *b"KZ", name(), vec![5]),
			Error::<Test>::AdministrationExists
		);
		assert_noop!(
			Governance::admit_administration(root(), *b"UZ", name(), vec![]),
			Error::<Test>::NoMembers
		);
		assert_noop!(
			Governance::admit_administration(root(), *b"UZ", name(), vec![KG]),
			Error::<Test>::AlreadyMember
		);
		assert_noop!(
			Governance::admit_administration(root(), *b"UZ", name(), vec![5, 5]),
			Error::<Test>::AlreadyMember
		);
		assert_noop!(
			Governance::admit_administration(root(), *b"UZ", vec![b'x'; 65], vec![5]),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			Governance::admit_administration(root(), *b"UZ", name(), vec![5, 6, 7, 8]),
			Error::<Test>::TooManyMembers
		);
		for (i, code) in [*b"UZ", *b"TJ", *b"MN", *b"AZ"].into_iter().enumerate() {
			assert_ok!(Governance::admit_administration(root(), code, name(), vec![50 + i as u64]));
		}
		assert_noop!(
			Governance::admit_administration(root(), *b"CN", name(), vec![60]),
			Error::<Test>::TooManyAdministrations
		);
	});
}

#[test]
fn removing_an_administration_takes_away_its_rights_votes_and_validators() {
	new_test_ext().execute_with(|| {
		accredit_issuer(BY, 40);
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		assert_ok!(Governance::vote(signed(BY), 0, true));
		// Validators 11..=14; minimum 3: BY's validator may go.
		assert_ok!(Governance::remove_administration(consortium(), *b"BY"));
		assert!(!Administrations::<Test>::contains_key(country(b"BY")));
		assert_eq!(MemberOf::<Test>::get(BY), None);
		assert_eq!(
			Proposals::<Test>::get(0).unwrap().ayes.into_inner(),
			vec![country(b"KZ")],
			"BY's vote is withdrawn"
		);
		assert_eq!(Validators::<Test>::get().len(), 3);
		assert_eq!(
			Governance::ensure_party(&40, Role::Issuer, None, None, 10),
			Err(Denied::AdministrationGone)
		);
		assert!(!Governance::standing(&40).is_known());
		assert_noop!(
			Governance::remove_administration(consortium(), *b"BY"),
			Error::<Test>::UnknownAdministration
		);
		// Removing AM too would leave 2 validators, below the minimum of 3.
		assert_noop!(
			Governance::remove_administration(consortium(), *b"AM"),
			Error::<Test>::BelowMinimumValidators
		);
	});
}

#[test]
fn the_last_administration_cannot_leave() {
	new_test_ext().execute_with(|| {
		Validators::<Test>::kill();
		for code in [*b"KG", *b"AM", *b"BY"] {
			assert_ok!(Governance::remove_administration(consortium(), code));
		}
		assert_noop!(
			Governance::remove_administration(consortium(), *b"KZ"),
			Error::<Test>::LastAdministration
		);
	});
}

// ---- members ----

#[test]
fn an_administration_manages_its_own_member_accounts() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::add_member(signed(KZ), 5));
		assert_eq!(MemberOf::<Test>::get(5), Some(country(b"KZ")));
		assert_noop!(Governance::add_member(signed(KG), 5), Error::<Test>::AlreadyMember);
		assert_noop!(Governance::add_member(signed(OUTSIDER), 6), Error::<Test>::NotMember);
		accredit_issuer(KZ, 40);
		assert_noop!(Governance::add_member(signed(KZ), 40), Error::<Test>::MemberCannotBeParty);
		assert_ok!(Governance::add_member(signed(KZ), 6));
		assert_noop!(Governance::add_member(signed(KZ), 7), Error::<Test>::TooManyMembers);

		assert_noop!(Governance::remove_member(signed(KG), 5), Error::<Test>::NotOwnMember);
		assert_ok!(Governance::remove_member(signed(5), KZ));
		assert_ok!(Governance::remove_member(signed(5), 6));
		assert_noop!(Governance::remove_member(signed(5), 5), Error::<Test>::LastMember);
		assert_eq!(MemberOf::<Test>::get(KZ), None);
	});
}

// ---- accreditation ----

#[test]
fn an_administration_accredits_parties_of_its_own_country_only() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 40);
		assert_eq!(
			last_event(),
			RuntimeEvent::Governance(Event::Accredited {
				country: country(b"KZ"),
				account: 40,
				role: Role::Issuer
			})
		);
		assert_eq!(
			Governance::ensure_party(
				&40,
				Role::Issuer,
				Some(DocumentKind::Origin),
				Some(country(b"KZ")),
				10
			),
			Ok(country(b"KZ"))
		);
		// Another country cannot accredit (its offer is never accepted), suspend, revoke or
		// cut off KZ's issuer.
		assert_ok!(Governance::accredit(
			signed(KG),
			40,
			b"Chamber of Commerce".to_vec(),
			Role::Issuer,
			issuer_kinds(),
			None,
			1,
			10
		));
		assert_noop!(
			Governance::accept_accreditation(signed(40), *b"KG"),
			Error::<Test>::AccreditedByAnotherCountry
		);
		assert_noop!(Governance::suspend(signed(KG), 40), Error::<Test>::NotYourCountry);
		assert_noop!(Governance::revoke(signed(KG), 40), Error::<Test>::NotYourCountry);
		assert_noop!(Governance::set_key_cutoff(signed(KG), 40, 5), Error::<Test>::NotYourCountry);
		assert_noop!(
			Governance::accredit(
				signed(OUTSIDER),
				41,
				b"Chamber of Commerce".to_vec(),
				Role::Auditor,
				DocumentKinds::default(),
				None,
				1,
				10
			),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn accreditation_validates_its_input() {
	new_test_ext().execute_with(|| {
		let none = DocumentKinds::default();
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				40,
				b"Chamber of Commerce".to_vec(),
				Role::Issuer,
				issuer_kinds(),
				None,
				10,
				5
			),
			Error::<Test>::InvalidValidity
		);
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				40,
				b"Chamber of Commerce".to_vec(),
				Role::Issuer,
				none,
				None,
				1,
				5
			),
			Error::<Test>::KindsMismatch
		);
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				40,
				b"Chamber of Commerce".to_vec(),
				Role::Exporter,
				issuer_kinds(),
				None,
				1,
				5
			),
			Error::<Test>::KindsMismatch
		);
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				40,
				b"Chamber of Commerce".to_vec(),
				Role::Officer,
				none,
				None,
				1,
				5
			),
			Error::<Test>::OfficeMismatch
		);
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				40,
				b"Chamber of Commerce".to_vec(),
				Role::Officer,
				none,
				Some(*b"kzala"),
				1,
				5
			),
			Error::<Test>::OfficeMismatch
		);
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				40,
				b"Chamber of Commerce".to_vec(),
				Role::Auditor,
				none,
				Some(*b"KZALA"),
				1,
				5
			),
			Error::<Test>::OfficeMismatch
		);
		assert_noop!(
			Governance::accredit(
				signed(KZ),
				KG,
				b"Chamber of Commerce".to_vec(),
				Role::Auditor,
				none,
				None,
				1,
				5
			),
			Error::<Test>::MemberCannotBeParty
		);
		for (name, error) in [
			(Vec::new(), Error::<Test>::InvalidName),
			(vec![0xff, 0xfe], Error::<Test>::InvalidName),
			(vec![b'a'; 65], Error::<Test>::NameTooLong),
		] {
			assert_noop!(
				Governance::accredit(signed(KZ), 40, name, Role::Auditor, none, None, 1, 5),
				error
			);
		}
		assert_ok!(Governance::accredit(
			signed(KZ),
			40,
			"Алматинская таможня".as_bytes().to_vec(),
			Role::Officer,
			none,
			Some(*b"KZALA"),
			1,
			5
		));
		accept(40);
		let accreditation = Accreditations::<Test>::get(40).unwrap();
		assert_eq!(accreditation.office, Some(*b"KZALA"));
		assert_eq!(accreditation.name.as_slice(), "Алматинская таможня".as_bytes());
	});
}

#[test]
fn a_suspended_issuer_cannot_act_until_reinstated_and_a_revoked_one_never() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 40);
		assert_noop!(Governance::reinstate(signed(KZ), 40), Error::<Test>::WrongStatus);
		assert_ok!(Governance::suspend(signed(KZ), 40));
		assert_eq!(
			Governance::ensure_party(&40, Role::Issuer, Some(DocumentKind::Origin), None, 10),
			Err(Denied::Suspended)
		);
		assert!(!Governance::standing(&40).is_known(), "a suspended party cannot transact");
		assert_noop!(Governance::suspend(signed(KZ), 40), Error::<Test>::WrongStatus);
		assert_ok!(Governance::reinstate(signed(KZ), 40));
		assert!(Governance::ensure_party(&40, Role::Issuer, None, None, 10).is_ok());

		assert_ok!(Governance::revoke(signed(KZ), 40));
		assert_eq!(Accreditations::<Test>::get(40).unwrap().status, AccreditationStatus::Revoked);
		assert_eq!(
			Governance::ensure_party(&40, Role::Issuer, None, None, 10),
			Err(Denied::Revoked)
		);
		assert!(!Governance::standing(&40).is_known());
		assert_noop!(Governance::revoke(signed(KZ), 40), Error::<Test>::AlreadyRevoked);
		assert_noop!(Governance::reinstate(signed(KZ), 40), Error::<Test>::WrongStatus);
		assert_noop!(Governance::suspend(signed(KZ), 41), Error::<Test>::NotAccredited);
	});
}

#[test]
fn permissions_check_role_kind_country_and_validity() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::accredit(
			signed(KZ),
			40,
			b"Chamber of Commerce".to_vec(),
			Role::Issuer,
			DocumentKinds::of(&[DocumentKind::Origin]),
			None,
			10,
			20
		));
		accept(40);
		let kz = Some(country(b"KZ"));
		let check =
			|role, kind, country, at| Governance::ensure_party(&40, role, kind, country, at);
		assert_eq!(check(Role::Issuer, Some(DocumentKind::Origin), kz, 15), Ok(country(b"KZ")));
		assert_eq!(check(Role::Officer, None, kz, 15), Err(Denied::WrongRole));
		assert_eq!(
			check(Role::Issuer, Some(DocumentKind::Veterinary), kz, 15),
			Err(Denied::KindNotAccredited)
		);
		assert_eq!(check(Role::Issuer, None, Some(country(b"KG")), 15), Err(Denied::WrongCountry));
		assert_eq!(check(Role::Issuer, None, kz, 9), Err(Denied::NotYetValid));
		assert_eq!(check(Role::Issuer, None, kz, 21), Err(Denied::Expired));
		assert_eq!(
			Governance::ensure_party(&OUTSIDER, Role::Issuer, None, None, 15),
			Err(Denied::NotAccredited)
		);
		assert_eq!(Governance::ensure_member(&KG), Ok(country(b"KG")));
		assert_eq!(Governance::ensure_member(&OUTSIDER), Err(Denied::NotMember));
		assert!(
			Governance::standing(&KZ).is_known() && !Governance::standing(&40).is_known(),
			"40 acts from block 10"
		);
		assert!(!Governance::standing(&OUTSIDER).is_known());
		System::set_block_number(15);
		assert!(Governance::standing(&40).is_known());
		System::set_block_number(21);
		assert!(!Governance::standing(&40).is_known(), "an expired party cannot transact");
	});
}

#[test]
fn a_key_cutoff_invalidates_later_acts_of_an_issuer_only() {
	new_test_ext().execute_with(|| {
		accredit_issuer(KZ, 40);
		assert_ok!(Governance::set_key_cutoff(signed(KZ), 40, 50));
		assert_eq!(Governance::issuer_key_cutoff(&40), Some(50));
		assert!(Governance::ensure_party(&40, Role::Issuer, None, None, 50).is_ok());
		assert_eq!(
			Governance::ensure_party(&40, Role::Issuer, None, None, 51),
			Err(Denied::AfterKeyCutoff)
		);
		assert_ok!(Governance::accredit(
			signed(KZ),
			41,
			b"Chamber of Commerce".to_vec(),
			Role::Auditor,
			DocumentKinds::default(),
			None,
			1,
			99
		));
		accept(41);
		assert_noop!(Governance::set_key_cutoff(signed(KZ), 41, 5), Error::<Test>::NotAnIssuer);
		assert_noop!(Governance::set_key_cutoff(signed(KZ), 42, 5), Error::<Test>::NotAccredited);
		assert_noop!(Governance::set_key_cutoff(signed(OUTSIDER), 40, 5), Error::<Test>::NotMember);
	});
}

// ---- validators ----

#[test]
fn validators_change_at_the_next_session_and_never_below_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_eq!(Governance::new_session_genesis(0), Some(vec![11, 12, 13, 14]));
		assert_eq!(Governance::new_session(1), None, "no change, no new set");

		pass(Box::new(RuntimeCall::Governance(crate::Call::add_validator {
			country: *b"KZ",
			validator: 21,
		})));
		assert_eq!(Governance::new_session(2), Some(vec![11, 12, 13, 14, 21]));
		assert_eq!(Governance::new_session(3), None);

		let root = || -> RuntimeOrigin { consortium() };
		assert_noop!(Governance::add_validator(root(), *b"KZ", 21), Error::<Test>::ValidatorExists);
		assert_noop!(
			Governance::add_validator(root(), *b"UZ", 22),
			Error::<Test>::UnknownAdministration
		);
		assert_noop!(Governance::add_validator(root(), *b"Q1", 22), Error::<Test>::InvalidCountry);
		assert_noop!(Governance::remove_validator(root(), 99), Error::<Test>::UnknownValidator);
		assert_ok!(Governance::remove_validator(root(), 21));
		assert_ok!(Governance::remove_validator(root(), 14));
		assert_eq!(Governance::new_session(4), Some(vec![11, 12, 13]));
		assert_noop!(
			Governance::remove_validator(root(), 13),
			Error::<Test>::BelowMinimumValidators
		);
		for v in 30..35 {
			assert_ok!(Governance::add_validator(root(), *b"AM", v));
		}
		assert_noop!(
			Governance::add_validator(root(), *b"AM", 35),
			Error::<Test>::TooManyValidators
		);
	});
}

// ---- pool gating and account existence ----

// ---- node admission ----

mod node_admission {
	use super::*;
	use crate::Nodes;

	fn approve(country: [u8; 2], peer: &str, address: &str) -> Box<RuntimeCall> {
		Box::new(RuntimeCall::Governance(crate::Call::approve_node {
			country,
			peer_id: peer.as_bytes().to_vec(),
			address: address.as_bytes().to_vec(),
		}))
	}

	fn peer(text: &str) -> crate::node_admission::PeerIdText {
		text.as_bytes().to_vec().try_into().unwrap()
	}

	#[test]
	fn genesis_nodes_are_approved_and_listed_for_the_node() {
		new_test_ext().execute_with(|| {
			assert!(Nodes::<Test>::contains_key(peer(KZ_NODE)));
			assert_eq!(
				Governance::approved_nodes(),
				vec![(KZ_NODE.as_bytes().to_vec(), b"/ip4/10.0.0.1/tcp/30333".to_vec())]
			);
			assert_eq!(
				Governance::approved_node_countries(),
				vec![(KZ_NODE.as_bytes().to_vec(), country(b"KZ"))]
			);
		});
	}

	#[test]
	fn the_consortium_approves_nodes_and_only_it() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Governance::approve_node(
					signed(KG),
					*b"KG",
					NEW_NODE.into(),
					b"/ip4/10.0.0.2/tcp/1".to_vec()
				),
				DispatchError::BadOrigin
			);
			pass(approve(*b"KG", NEW_NODE, "/dns/node.customs.kg/tcp/30333"));
			assert_eq!(Nodes::<Test>::get(peer(NEW_NODE)).unwrap().country, country(b"KG"));
			System::assert_has_event(
				Event::NodeApproved { country: country(b"KG"), peer_id: peer(NEW_NODE) }.into(),
			);
		});
	}

	#[test]
	fn approval_validates_its_input() {
		new_test_ext().execute_with(|| {
			let root = || -> RuntimeOrigin { consortium() };
			let addr = || b"/ip4/10.0.0.2/tcp/30333".to_vec();
			assert_noop!(
				Governance::approve_node(root(), *b"UZ", NEW_NODE.into(), addr()),
				Error::<Test>::UnknownAdministration
			);
			assert_noop!(
				Governance::approve_node(root(), *b"ZZ", NEW_NODE.into(), addr()),
				Error::<Test>::InvalidCountry
			);
			assert_noop!(
				Governance::approve_node(root(), *b"KG", b"not-a-peer-id".to_vec(), addr()),
				Error::<Test>::InvalidPeerId
			);
			assert_noop!(
				Governance::approve_node(
					root(),
					*b"KG",
					NEW_NODE.into(),
					b"10.0.0.2:30333".to_vec()
				),
				Error::<Test>::InvalidAddress
			);
			assert_noop!(
				Governance::approve_node(root(), *b"KG", KZ_NODE.into(), addr()),
				Error::<Test>::NodeExists
			);
			for i in 0..5u8 {
				let id = format!(
					"12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMu{}",
					(b'a' + i) as char
				);
				assert_ok!(Governance::approve_node(root(), *b"KG", id.into_bytes(), addr()));
			}
			assert_noop!(
				Governance::approve_node(root(), *b"KG", NEW_NODE.into(), addr()),
				Error::<Test>::TooManyNodes
			);
		});
	}

	#[test]
	fn an_administration_removes_its_own_node_but_not_anothers() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Governance::remove_node(signed(KG), KZ_NODE.into()),
				Error::<Test>::NotYourNode
			);
			assert_noop!(
				Governance::remove_node(signed(OUTSIDER), KZ_NODE.into()),
				Error::<Test>::NotMember
			);
			assert_noop!(
				Governance::remove_node(signed(KZ), NEW_NODE.into()),
				Error::<Test>::UnknownNode
			);
			assert_ok!(Governance::remove_node(signed(KZ), KZ_NODE.into()));
			assert!(Governance::approved_nodes().is_empty());
			System::assert_last_event(
				Event::NodeRemoved { country: country(b"KZ"), peer_id: peer(KZ_NODE) }.into(),
			);
		});
	}

	#[test]
	fn the_consortium_removes_any_node_and_a_leaving_administration_loses_its_nodes() {
		new_test_ext().execute_with(|| {
			pass(approve(*b"BY", NEW_NODE, "/ip4/10.0.0.4/tcp/30333"));
			assert_ok!(Governance::remove_node(consortium(), KZ_NODE.into()));
			pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
				country: *b"BY",
			})));
			assert!(Governance::approved_nodes().is_empty(), "BY's node left with BY");
		});
	}
}

// ---- hardening: keys, re-admission, cut-offs, filters, re-decision, boundaries ----

mod hardening {
	use super::*;

	fn root() -> RuntimeOrigin {
		consortium()
	}

	#[test]
	fn a_validator_without_session_keys_cannot_be_added_nor_counted() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Governance::add_validator(root(), *b"KZ", KEYLESS),
				Error::<Test>::ValidatorWithoutKeys
			);
			// 4 validators, minimum 3: one may go, a second may not.
			assert_ok!(Governance::remove_validator(root(), 14));
			assert_noop!(
				Governance::remove_validator(root(), 13),
				Error::<Test>::BelowMinimumValidators
			);
		});
	}

	#[test]
	fn leaving_voids_accreditations_and_readmission_does_not_restore_them() {
		new_test_ext().execute_with(|| {
			accredit_issuer(BY, 60);
			assert!(Governance::standing(&60).is_known());
			pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
				country: *b"BY",
			})));
			assert!(!Governance::standing(&60).is_known());
			System::set_block_number(5);
			// 3 administrations now: KZ proposes, KG approves, 2 of 3 pass.
			let id = crate::NextProposalId::<Test>::get();
			assert_ok!(Governance::propose(signed(KZ), admit(*b"BY", vec![BY])));
			assert_ok!(Governance::vote(signed(KG), id, true));
			assert!(Administrations::<Test>::contains_key(country(b"BY")));
			assert!(!Governance::standing(&60).is_known(), "an old accreditation came back");
			assert_eq!(
				Governance::ensure_party(&60, Role::Issuer, None, None, 5),
				Err(Denied::AdministrationGone)
			);
		});
	}

	#[test]
	fn a_key_cutoff_survives_reaccreditation_and_only_moves_earlier() {
		new_test_ext().execute_with(|| {
			accredit_issuer(KZ, 50);
			assert_ok!(Governance::set_key_cutoff(signed(KZ), 50, 100));
			assert_noop!(
				Governance::set_key_cutoff(signed(KZ), 50, 101),
				Error::<Test>::CutoffMovesLater
			);
			assert_ok!(Governance::set_key_cutoff(signed(KZ), 50, 90));
			accredit_issuer(KZ, 50);
			assert_eq!(Governance::issuer_key_cutoff(&50), Some(90));
		});
	}

	#[test]
	fn forbidden_and_oversized_calls_cannot_be_proposed() {
		new_test_ext().execute_with(|| {
			let forbidden =
				RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] });
			assert_noop!(
				Governance::propose(signed(KZ), Box::new(forbidden)),
				Error::<Test>::CallNotAllowed
			);
			let heavy = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 1] });
			// `remark` weighs little; a call heavier than MaxProposalWeight is refused.
			let heavy_weight = heavy.get_dispatch_info().call_weight;
			assert!(heavy_weight.all_lte(MaxProposalWeight::get()));
			let too_heavy = RuntimeCall::System(frame_system::Call::set_storage {
				items: vec![(vec![1], vec![2]); 100_000],
			});
			let result = Governance::propose(signed(KZ), Box::new(too_heavy));
			assert!(
				result == Err(Error::<Test>::CallTooHeavy.into())
					|| result == Err(Error::<Test>::CallTooLarge.into())
			);
		});
	}

	#[test]
	fn close_redecides_an_open_proposal_after_an_administration_left() {
		new_test_ext().execute_with(|| {
			let id = crate::NextProposalId::<Test>::get();
			assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
			assert_ok!(Governance::vote(signed(KG), id, true));
			assert_noop!(Governance::close(signed(AM), id), Error::<Test>::ProposalNotExpired);
			// BY leaves through another proposal: KZ and KG are now 2 of 3.
			pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
				country: *b"BY",
			})));
			assert!(Proposals::<Test>::contains_key(id));
			assert_ok!(Governance::close(signed(AM), id));
			assert!(Administrations::<Test>::contains_key(country(b"UZ")));
		});
	}

	#[test]
	fn votes_count_until_the_last_block_of_a_proposal() {
		new_test_ext().execute_with(|| {
			let id = crate::NextProposalId::<Test>::get();
			assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
			let expires_at = Proposals::<Test>::get(id).unwrap().expires_at;
			System::set_block_number(expires_at);
			assert_noop!(Governance::close(signed(KG), id), Error::<Test>::ProposalNotExpired);
			assert_ok!(Governance::vote(signed(KG), id, true));
			System::set_block_number(expires_at + 1);
			assert_noop!(Governance::vote(signed(AM), id, true), Error::<Test>::ProposalExpired);
			assert_ok!(Governance::close(signed(AM), id));
			assert!(!Proposals::<Test>::contains_key(id));
		});
	}

	#[test]
	fn unsigned_or_outsider_origins_fail_everywhere() {
		new_test_ext().execute_with(|| {
			let none = || RuntimeOrigin::none();
			assert_noop!(Governance::close(none(), 0), DispatchError::BadOrigin);
			assert_noop!(Governance::reinstate(signed(OUTSIDER), 1), Error::<Test>::NotMember);
			assert_noop!(Governance::remove_member(signed(OUTSIDER), KZ), Error::<Test>::NotMember);
			assert_noop!(Governance::remove_node(none(), KZ_NODE.into()), DispatchError::BadOrigin);
			assert_noop!(
				Governance::approve_node(
					none(),
					*b"KZ",
					NEW_NODE.into(),
					b"/ip4/1.2.3.4/tcp/1".to_vec()
				),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn removed_validators_and_members_give_up_their_provider_references() {
		new_test_ext().execute_with(|| {
			assert_eq!(System::providers(&14), 1);
			pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
				country: *b"BY",
			})));
			assert_eq!(System::providers(&14), 0, "BY's validator");
			assert_eq!(System::providers(&BY), 0, "BY's member");
		});
	}
}
