//! Governance on the real runtime: what proposals may carry, the origin they dispatch
//! with, and the `dev` chain driven by its one administration's votes (no sudo).

use frame_support::{assert_noop, assert_ok, traits::OnInitialize};
use pallet_tamga_governance::Error;

use super::{administration, local_testnet, signed};
use crate::{genesis_presets, Governance, Runtime, RuntimeCall, RuntimeEvent, System};

fn executed(id: u32) -> Option<sp_runtime::DispatchResult> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Governance(pallet_tamga_governance::Event::Executed { id: i, result })
			if i == id =>
		{
			Some(result)
		},
		_ => None,
	})
}

#[test]
fn proposals_carry_only_the_allow_listed_calls() {
	local_testnet().execute_with(|| {
		let refused = [
			RuntimeCall::System(frame_system::Call::set_storage { items: vec![] }),
			RuntimeCall::System(frame_system::Call::kill_storage { keys: vec![] }),
			RuntimeCall::System(frame_system::Call::kill_prefix { prefix: vec![], subkeys: 0 }),
			RuntimeCall::System(frame_system::Call::remark { remark: vec![1] }),
			RuntimeCall::System(frame_system::Call::set_code_without_checks { code: vec![] }),
			RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
				who: sp_runtime::MultiAddress::Id(administration(0)),
				new_free: 1,
			}),
			RuntimeCall::Session(pallet_session::Call::purge_keys {}),
			// Member calls act as an account: a proposal cannot carry them either.
			RuntimeCall::Governance(pallet_tamga_governance::Call::add_member {
				account: administration(1),
			}),
			RuntimeCall::Governance(pallet_tamga_governance::Call::propose {
				call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			}),
		];
		for call in refused {
			assert_noop!(
				Governance::propose(signed(0), Box::new(call.clone())),
				Error::<Runtime>::CallNotAllowed
			);
		}
		let allowed = [
			RuntimeCall::System(frame_system::Call::authorize_upgrade {
				code_hash: Default::default(),
			}),
			RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
				delay: 10,
				best_finalized_block_number: 1,
			}),
			RuntimeCall::Governance(pallet_tamga_governance::Call::remove_administration {
				country: *b"BY",
			}),
		];
		for (index, call) in allowed.into_iter().enumerate() {
			let proposer = index % 4;
			assert_ok!(Governance::propose(signed(proposer), Box::new(call)));
		}
	});
}

#[test]
fn governance_calls_run_with_the_consortium_origin_and_upgrades_with_root() {
	local_testnet().execute_with(|| {
		// A node approval passes with 3 of 4: the consortium origin is enough for it.
		let peer_id = b"12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD".to_vec();
		assert_ok!(Governance::propose(
			signed(0),
			Box::new(RuntimeCall::Governance(pallet_tamga_governance::Call::approve_node {
				country: *b"KG",
				peer_id,
				address: b"/ip4/10.0.0.9/tcp/30333".to_vec(),
			}))
		));
		assert_ok!(Governance::vote(signed(1), 0, true));
		assert_ok!(Governance::vote(signed(2), 0, true));
		assert_eq!(executed(0), Some(Ok(())));
		// GRANDPA's stall notice needs Root, which the runtime grants it.
		assert_ok!(Governance::propose(
			signed(0),
			Box::new(RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
				delay: 10,
				best_finalized_block_number: 1,
			}))
		));
		assert_ok!(Governance::vote(signed(1), 1, true));
		assert_ok!(Governance::vote(signed(2), 1, true));
		assert_eq!(executed(1), Some(Ok(())));
		// Nobody reaches Root directly.
		assert_noop!(
			System::authorize_upgrade(signed(0), Default::default()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_dev_chain_is_driven_by_its_one_administrations_votes() {
	let mut ext: sp_io::TestExternalities = genesis_presets::development_storage().into();
	ext.execute_with(|| {
		System::set_block_number(1);
		Governance::on_initialize(1);
		assert_eq!(pallet_tamga_governance::Administrations::<Runtime>::count(), 1);
		let code_hash = sp_core::H256::repeat_byte(7);
		// 1 of 1: the proposal passes as it is made.
		assert_ok!(Governance::propose(
			signed(0),
			Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash }))
		));
		assert_eq!(executed(0), Some(Ok(())));
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
	});
}

#[test]
fn a_leaving_administrations_agreements_end_through_the_runtimes_wiring() {
	use pallet_tamga_governance::{CountryCode, OnAdministrationLeft};
	type OnLeft = <Runtime as pallet_tamga_governance::Config>::OnAdministrationLeft;
	local_testnet().execute_with(|| {
		let today = crate::Aeo::today();
		assert_ok!(crate::Aeo::propose_mra(
			signed(0),
			*b"KG",
			pallet_tamga_aeo::Programme::Both,
			today,
			today + 365
		));
		assert_ok!(crate::Aeo::accept_mra(signed(1), 0));
		let grants = tamga_primitives::Grants::NONE
			.with_kind(tamga_primitives::DocumentKind::Origin, tamga_primitives::Access::Read);
		assert_ok!(crate::Exchange::propose(signed(0), *b"KG", grants, None));
		let kg = CountryCode::new(*b"KG").unwrap();
		let used = OnLeft::on_administration_left(kg);
		assert_eq!(
			pallet_tamga_aeo::Mras::<Runtime>::get(0).unwrap().status,
			pallet_tamga_aeo::MraStatus::Terminated { by: kg }
		);
		assert!(pallet_tamga_aeo::Partners::<Runtime>::get(kg).is_empty());
		let kz = CountryCode::new(*b"KZ").unwrap();
		assert_eq!(
			crate::Exchange::agreement(kz, kg).map(|view| view.state),
			Some(pallet_tamga_exchange::AgreementState::Terminated { by: kg })
		);
		assert!(used.all_lte(OnLeft::max_weight()), "charged up front: {used:?}");
		assert!(OnLeft::max_weight().ref_time() > 0);
	});
}
