//! Runtime tests on the real `Runtime` with the `local_testnet` genesis: what only the
//! composition of pallets shows (a voted runtime upgrade, pool gating, session keys, and
//! in [`permission_matrix`] who may make every custom call).

mod contracts;
mod governance;
mod permission_matrix;
mod pool_gating;

use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::OnInitialize};
use sp_core::traits::{ReadRuntimeVersion, ReadRuntimeVersionExt};
use sp_runtime::{traits::Hash as _, DispatchError};

use crate::{
	genesis_presets::{self, LOCAL_ADMINISTRATIONS},
	AccountId, Certificates, Governance, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
	VERSION,
};

/// Reports every code it is shown as this runtime with a higher `spec_version`, as the
/// executor would for a real new runtime.
struct NextVersion;

impl ReadRuntimeVersion for NextVersion {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn sp_externalities::Externalities,
	) -> Result<Vec<u8>, String> {
		let mut version = VERSION;
		version.spec_version += 1;
		Ok(version.encode())
	}
}

/// Externalities holding the `local_testnet` genesis state, at block 1.
pub(crate) fn local_testnet() -> sp_io::TestExternalities {
	let mut ext: sp_io::TestExternalities = genesis_presets::local_testnet_storage().into();
	ext.register_extension(ReadRuntimeVersionExt::new(NextVersion));
	ext.execute_with(|| {
		System::set_block_number(1);
		Governance::on_initialize(1);
	});
	ext
}

/// The member account of founding administration `index` (0 KZ, 1 KG, 2 AM, 3 BY).
pub(crate) fn administration(index: usize) -> AccountId {
	LOCAL_ADMINISTRATIONS[index].account()
}

pub(crate) fn signed(index: usize) -> RuntimeOrigin {
	RuntimeOrigin::signed(administration(index))
}

#[test]
fn local_testnet_genesis_has_four_administrations_and_four_validators() {
	local_testnet().execute_with(|| {
		assert_eq!(pallet_tamga_governance::Administrations::<Runtime>::count(), 4);
		assert_eq!(pallet_session::Validators::<Runtime>::get().len(), 4);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
	});
}

#[test]
fn a_new_chain_starts_at_the_pallets_current_storage_versions_and_migrates_nothing() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};
	local_testnet().execute_with(|| {
		assert_eq!(
			crate::Certificates::on_chain_storage_version(),
			pallet_tamga_certificates::STORAGE_VERSION
		);
		// The listed migrations are versioned: on a chain already at their version each
		// only reads that version.
		let weight = crate::Migrations::on_runtime_upgrade();
		let version_reads = <crate::Runtime as frame_system::Config>::DbWeight::get().reads(2);
		assert!(weight.all_lte(version_reads), "{weight:?}");
	});
}

#[test]
fn the_runtime_has_no_sudo_pallet() {
	let metadata = crate::Runtime::metadata_at_version(15).expect("metadata V15");
	let metadata: frame_metadata::RuntimeMetadataPrefixed =
		codec::Decode::decode(&mut &metadata[..]).expect("metadata decodes");
	let frame_metadata::RuntimeMetadata::V15(metadata) = metadata.1 else {
		panic!("metadata V15 expected")
	};
	let names: Vec<&str> = metadata.pallets.iter().map(|p| p.name.as_str()).collect();
	assert!(names.contains(&"Governance"), "{names:?}");
	assert!(!names.iter().any(|name| name.eq_ignore_ascii_case("sudo")), "{names:?}");
}

#[test]
fn a_runtime_upgrade_happens_only_through_a_passed_vote() {
	local_testnet().execute_with(|| {
		let new_code = b"the next Tamga runtime".to_vec();
		let code_hash = <Runtime as frame_system::Config>::Hashing::hash(&new_code);
		let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });

		// No administration can upgrade alone: there is no sudo key and no other Root.
		assert_noop!(System::authorize_upgrade(signed(0), code_hash), DispatchError::BadOrigin);
		assert_noop!(
			System::apply_authorized_upgrade(signed(0), new_code.clone()),
			frame_system::Error::<Runtime>::NothingAuthorized
		);

		// KZ proposes, KG approves (2 of 4: not yet), AM approves (3 of 4): dispatched.
		assert_ok!(Governance::propose(signed(0), Box::new(authorize)));
		assert_ok!(Governance::vote(signed(1), 0, true));
		assert_noop!(
			System::apply_authorized_upgrade(signed(3), new_code.clone()),
			frame_system::Error::<Runtime>::NothingAuthorized
		);
		assert_ok!(Governance::vote(signed(2), 0, true));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Governance(pallet_tamga_governance::Event::Executed {
				id: 0,
				result: Ok(())
			})
		)));

		// Only the voted code is accepted, and anyone known may supply it.
		assert_noop!(
			System::apply_authorized_upgrade(signed(3), b"some other code".to_vec()),
			frame_system::Error::<Runtime>::Unauthorized
		);
		assert_ok!(System::apply_authorized_upgrade(signed(3), new_code.clone()));
		assert_eq!(
			sp_io::storage::get(sp_core::storage::well_known_keys::CODE).as_deref(),
			Some(&new_code[..])
		);
		System::assert_has_event(frame_system::Event::CodeUpdated { hash: code_hash }.into());
	});
}

#[test]
fn a_document_type_is_added_only_by_two_thirds_of_the_administrations() {
	use pallet_tamga_certificates::{CertificateKind, DocumentType, DocumentTypes, TypeName};
	local_testnet().execute_with(|| {
		let licence = DocumentType {
			name: TypeName::truncate_from(b"importLicence".to_vec()),
			un_code: 911,
			accreditation: pallet_tamga_governance::DocumentKind::Licensing,
			author: pallet_tamga_governance::Role::Issuer,
			hs_codes_required: true,
			bounded_uses: true,
		};
		let add = RuntimeCall::Certificates(pallet_tamga_certificates::Call::add_document_type {
			entry: licence.clone(),
		});
		let new_kind = CertificateKind(CertificateKind::BUILT_IN_COUNT);
		// The genesis holds the built-in types, and an administration cannot add one alone.
		assert_eq!(Certificates::document_types().len(), 8);
		assert_noop!(
			Certificates::add_document_type(signed(0), licence.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(Governance::propose(signed(0), Box::new(add)));
		assert_ok!(Governance::vote(signed(1), 0, true));
		assert_eq!(DocumentTypes::<Runtime>::get(new_kind), None, "2 of 4 is not two thirds");
		assert_ok!(Governance::vote(signed(2), 0, true));
		assert_eq!(DocumentTypes::<Runtime>::get(new_kind), Some(licence));
	});
}

#[test]
fn validators_cannot_purge_their_keys() {
	local_testnet().execute_with(|| {
		let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		use sp_runtime::traits::Dispatchable;
		assert!(purge.dispatch(signed(0)).is_err(), "the call filter lets purge_keys through");
	});
}

#[test]
fn an_issuer_accredited_by_its_administration_anchors_a_certificate() {
	use pallet_tamga_governance::{DocumentKind, DocumentKinds, Role};
	local_testnet().execute_with(|| {
		let issuer: AccountId = sp_keyring::Sr25519Keyring::Ferdie.to_account_id();
		// 2026-11-23 as the block timestamp.
		pallet_timestamp::Now::<Runtime>::put(20_415 * 86_400 * 1_000);
		let facts = pallet_tamga_certificates::FactsOf::<Runtime> {
			kind: pallet_tamga_certificates::CertificateKind::EAEU_CT1,
			number: b"KZ-2026-000001".to_vec().try_into().unwrap(),
			exporting: pallet_tamga_governance::CountryCode::new(*b"KZ").unwrap(),
			importing: pallet_tamga_governance::CountryCode::new(*b"KG").unwrap(),
			hs_codes: vec![pallet_tamga_certificates::HsCode(*b"100199")].try_into().unwrap(),
			valid_from: 20_415,
			valid_until: 20_415 + 365,
			quantity: 20_000,
			unit: *b"KGM",
			exporter_commitment: sp_core::H256::repeat_byte(1),
		};
		let id = sp_core::H256::repeat_byte(0xd0);
		let refused = || {
			assert_noop!(
				crate::Certificates::register(
					RuntimeOrigin::signed(issuer.clone()),
					id,
					facts.clone(),
					None
				)
				.map_err(|e| e.error),
				pallet_tamga_certificates::Error::<Runtime>::Denied(
					pallet_tamga_governance::Denied::NotAccredited
				)
			);
		};
		refused();
		assert_ok!(Governance::accredit(
			signed(0),
			issuer.clone(),
			b"Chamber of Commerce".to_vec(),
			Role::Issuer,
			DocumentKinds::of(&[DocumentKind::Origin]),
			None,
			0,
			1_000_000
		));
		// An offer: the issuer acts once it accepts.
		refused();
		assert_ok!(Governance::accept_accreditation(RuntimeOrigin::signed(issuer.clone()), *b"KZ"));
		assert_ok!(crate::Certificates::register(RuntimeOrigin::signed(issuer), id, facts, None));
		assert!(pallet_tamga_certificates::Documents::<Runtime>::contains_key(id));
	});
}
