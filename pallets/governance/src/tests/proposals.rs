//! Proposals: what they may carry, the origin they dispatch with, and the per-administration
//! cap with withdrawal.

use super::*;
use crate::OpenProposalsOf;

#[test]
fn an_administration_keeps_at_most_its_share_of_open_proposals() {
	new_test_ext().execute_with(|| {
		// The mock allows two open proposals per administration (and four in all).
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		assert_ok!(Governance::propose(signed(KZ), admit(*b"TJ", vec![6])));
		assert_noop!(
			Governance::propose(signed(KZ), admit(*b"MN", vec![7])),
			Error::<Test>::TooManyProposalsOfAdministration
		);
		assert_eq!(OpenProposalsOf::<Test>::get(country(b"KZ")), 2);
		// Another administration still has its own slots: KZ cannot block its vote.
		assert_ok!(Governance::propose(signed(KG), admit(*b"MN", vec![7])));
	});
}

#[test]
fn a_proposer_withdraws_its_own_proposal_and_nobody_else_can() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::propose(signed(KZ), admit(*b"UZ", vec![5])));
		assert_ok!(Governance::propose(signed(KZ), admit(*b"TJ", vec![6])));
		assert_noop!(Governance::withdraw_proposal(signed(KG), 0), Error::<Test>::NotYourProposal);
		assert_noop!(Governance::withdraw_proposal(signed(OUTSIDER), 0), Error::<Test>::NotMember);
		assert_noop!(Governance::withdraw_proposal(signed(KZ), 9), Error::<Test>::UnknownProposal);
		assert_ok!(Governance::withdraw_proposal(signed(KZ), 0));
		assert_eq!(last_event(), RuntimeEvent::Governance(Event::Withdrawn { id: 0 }));
		assert!(!Proposals::<Test>::contains_key(0));
		assert_noop!(Governance::vote(signed(KG), 0, true), Error::<Test>::UnknownProposal);
		// The slot is free again.
		assert_ok!(Governance::propose(signed(KZ), admit(*b"MN", vec![7])));
	});
}

#[test]
fn decided_and_expired_proposals_give_their_slot_back() {
	new_test_ext().execute_with(|| {
		pass(admit(*b"UZ", vec![5]));
		assert_eq!(OpenProposalsOf::<Test>::get(country(b"KZ")), 0, "passed");
		let id = crate::NextProposalId::<Test>::get();
		assert_ok!(Governance::propose(signed(KZ), admit(*b"TJ", vec![6])));
		for member in [KG, AM] {
			assert_ok!(Governance::vote(signed(member), id, false));
		}
		assert!(!OpenProposalsOf::<Test>::contains_key(country(b"KZ")), "rejected");
		let id = crate::NextProposalId::<Test>::get();
		assert_ok!(Governance::propose(signed(KZ), admit(*b"MN", vec![7])));
		System::set_block_number(1_000);
		assert_ok!(Governance::close(signed(KG), id));
		assert!(!OpenProposalsOf::<Test>::contains_key(country(b"KZ")), "expired");
	});
}

#[test]
fn a_leaving_administrations_own_proposals_go_with_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::propose(signed(BY), admit(*b"UZ", vec![5])));
		let by_proposal = 0;
		pass(Box::new(RuntimeCall::Governance(crate::Call::remove_administration {
			country: *b"BY",
		})));
		assert!(!Proposals::<Test>::contains_key(by_proposal));
		assert!(!OpenProposalsOf::<Test>::contains_key(country(b"BY")));
	});
}

#[test]
fn a_passed_proposal_dispatches_with_the_consortium_origin_not_root() {
	new_test_ext().execute_with(|| {
		// `set_heap_pages` needs Root; the mock lists every `System` call as a root call.
		pass(Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 9 })));
		System::assert_has_event(RuntimeEvent::Governance(Event::Executed {
			id: 0,
			result: Ok(()),
		}));
		// A governance call gets the consortium origin, with the votes that passed it.
		pass(admit(*b"UZ", vec![5]));
		assert!(Administrations::<Test>::contains_key(country(b"UZ")));
		// The consortium origin is not Root: a Root-only call of another pallet that the
		// runtime did not list as a root call fails.
		assert_noop!(
			frame_system::Pallet::<Test>::set_heap_pages(consortium(), 9),
			DispatchError::BadOrigin
		);
		// And a consortium origin short of two thirds is refused.
		let short: RuntimeOrigin = crate::RawOrigin::Consortium { ayes: 2, total: 4 }.into();
		assert_noop!(
			Governance::admit_administration(short, *b"TJ", b"TJ".to_vec(), vec![6]),
			DispatchError::BadOrigin
		);
	});
}
