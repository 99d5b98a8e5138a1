//! Who may make every custom call, on the real runtime: each call is tried, in a state
//! where it would succeed for the right party, by every role (KZ's and KG's member
//! accounts, KZ's issuers of each kind, approved exporter, exporter, officers of KZ and
//! KG, an auditor, KG's exchange node, an outsider), each attempt rolled back; the set of roles for which it
//! succeeds must be exactly the documented one.

use frame_support::{
	assert_ok,
	storage::{with_transaction, TransactionOutcome},
	BoundedVec,
};
use pallet_tamga_aeo::{Programme, StatusReason};
use pallet_tamga_carnets::Voucher;
use pallet_tamga_certificates::{
	CertificateKind, FactsOf, HsCode, RejectionReason, RevocationReason,
};
use pallet_tamga_governance::{CountryCode, DocumentKind, DocumentKinds, Role as Accredited};
use sp_core::H256;
use sp_runtime::{traits::Dispatchable, DispatchError};
use tamga_primitives::{Access, AppendixKind, FieldGroup, FieldGroups, Grants, ReceiptStatus};

use super::{administration, local_testnet};
use crate::{AccountId, Runtime, RuntimeCall, RuntimeOrigin};

/// The day the matrix runs on (2026-11-23), in days since 1970-01-01.
const TODAY: u32 = 20_780;

/// A party that may or may not make a call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
	KzMember,
	KgMember,
	OriginIssuer,
	VetIssuer,
	Association,
	AeoOffice,
	ApprovedExporter,
	Exporter,
	KzOfficer,
	KgOfficer,
	Auditor,
	/// KG's exchange node.
	KgNode,
	/// An account KZ offered an accreditation it has not accepted.
	Candidate,
	Outsider,
}

const ROLES: [Role; 14] = [
	Role::KzMember,
	Role::KgMember,
	Role::OriginIssuer,
	Role::VetIssuer,
	Role::Association,
	Role::AeoOffice,
	Role::ApprovedExporter,
	Role::Exporter,
	Role::KzOfficer,
	Role::KgOfficer,
	Role::Auditor,
	Role::KgNode,
	Role::Candidate,
	Role::Outsider,
];

impl Role {
	fn account(self) -> AccountId {
		match self {
			Role::KzMember => administration(0),
			Role::KgMember => administration(1),
			other => AccountId::from([other as u8 + 100; 32]),
		}
	}
}

/// Sets the chain's clock to day `day`.
fn set_day(day: u32) {
	pallet_timestamp::Now::<Runtime>::put(u64::from(day) * 86_400_000);
}

fn id(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// CT-1 facts from KZ to KG, numbered `number`, of `kind`.
fn facts(kind: CertificateKind, number: &str) -> FactsOf<Runtime> {
	FactsOf::<Runtime> {
		kind,
		number: number.as_bytes().to_vec().try_into().unwrap(),
		exporting: CountryCode::new(*b"KZ").unwrap(),
		importing: CountryCode::new(*b"KG").unwrap(),
		hs_codes: vec![HsCode(*b"100199")].try_into().unwrap(),
		valid_from: TODAY,
		valid_until: TODAY + 30,
		quantity: 1_000,
		unit: *b"KGM",
		exporter_commitment: id(0xec),
	}
}

/// Veterinary certificates' goods at `read`, certificates of origin's at `readAppend`.
fn vet_goods() -> Grants {
	Grants::NONE.with(DocumentKind::Veterinary, FieldGroup::Goods, Access::Read).with(
		DocumentKind::Origin,
		FieldGroup::Goods,
		Access::ReadAppend,
	)
}

/// The terms proposed between `a` and `b`.
fn proposed_terms(a: [u8; 2], b: [u8; 2]) -> pallet_tamga_exchange::Terms {
	let code = |c| pallet_tamga_governance::CountryCode::new(c).unwrap();
	let pair = pallet_tamga_exchange::Pair::of(code(a), code(b)).unwrap();
	pallet_tamga_exchange::Agreements::<Runtime>::get(pair.first, pair.second)
		.and_then(|agreement| agreement.proposal)
		.expect("terms proposed")
		.terms
}

fn carnet_number(text: &str) -> pallet_tamga_carnets::NumberOf<Runtime> {
	text.as_bytes().to_vec().try_into().unwrap()
}

fn signed(role: Role) -> RuntimeOrigin {
	RuntimeOrigin::signed(role.account())
}

/// Accredits every party and builds the state each call needs.
fn set_up() {
	set_day(TODAY);
	let accredit = |member: Role, who: Role, role: Accredited, kinds: &[DocumentKind]| {
		let office = (role == Accredited::Officer).then_some(*b"OFFCE");
		assert_ok!(crate::Governance::accredit(
			signed(member),
			who.account(),
			format!("{who:?}").into_bytes(),
			role,
			DocumentKinds::of(kinds),
			office,
			0,
			1_000_000,
		));
		let country = if member == KzMember { *b"KZ" } else { *b"KG" };
		assert_ok!(crate::Governance::accept_accreditation(signed(who), country));
	};
	use Role::*;
	accredit(KzMember, OriginIssuer, Accredited::Issuer, &[DocumentKind::Origin]);
	accredit(KzMember, VetIssuer, Accredited::Issuer, &[DocumentKind::Veterinary]);
	accredit(KzMember, Association, Accredited::Issuer, &[DocumentKind::AtaGuarantee]);
	accredit(KzMember, AeoOffice, Accredited::Issuer, &[DocumentKind::Aeo]);
	accredit(KzMember, ApprovedExporter, Accredited::ApprovedExporter, &[]);
	accredit(KzMember, Exporter, Accredited::Exporter, &[]);
	accredit(KzMember, KzOfficer, Accredited::Officer, &[]);
	accredit(KgMember, KgOfficer, Accredited::Officer, &[]);
	accredit(KzMember, Auditor, Accredited::Auditor, &[]);
	accredit(KgMember, KgNode, Accredited::ExchangeNode, &[]);
	assert_ok!(crate::Governance::accredit(
		signed(KzMember),
		Candidate.account(),
		b"candidate".to_vec(),
		Accredited::Auditor,
		DocumentKinds::default(),
		None,
		0,
		1_000_000,
	));

	// Governance: a second KZ member; a KZ party to suspend, reinstate and revoke; BY's
	// proposal to vote on; an expired proposal to close.
	assert_ok!(crate::Governance::add_member(signed(KzMember), AccountId::from([1; 32])));
	let target = AccountId::from([2; 32]);
	assert_ok!(crate::Governance::accredit(
		signed(KzMember),
		target.clone(),
		b"target".to_vec(),
		Accredited::Issuer,
		DocumentKinds::of(&[DocumentKind::Origin]),
		None,
		0,
		1_000_000,
	));
	assert_ok!(crate::Governance::accept_accreditation(RuntimeOrigin::signed(target), *b"KZ"));
	let suspended = AccountId::from([3; 32]);
	assert_ok!(crate::Governance::accredit(
		signed(KzMember),
		suspended.clone(),
		b"suspended".to_vec(),
		Accredited::Auditor,
		DocumentKinds::default(),
		None,
		0,
		1_000_000,
	));
	assert_ok!(crate::Governance::accept_accreditation(
		RuntimeOrigin::signed(suspended.clone()),
		*b"KZ"
	));
	assert_ok!(crate::Governance::suspend(signed(KzMember), suspended));
	let proposal =
		Box::new(RuntimeCall::Governance(pallet_tamga_governance::Call::remove_validator {
			validator: administration(3),
		}));
	assert_ok!(crate::Governance::propose(RuntimeOrigin::signed(administration(3)), proposal));

	// Certificates: a CT-1 (used by KG), an application, a batch of two.
	assert_ok!(crate::Certificates::register(
		signed(OriginIssuer),
		id(1),
		facts(CertificateKind::EAEU_CT1, "D-1"),
		None
	));
	assert_ok!(crate::Certificates::apply(
		signed(Exporter),
		id(2),
		facts(CertificateKind::EAEU_CT1, "A-2")
	));
	let batch = pallet_tamga_certificates::merkle::Tree::new(&[id(3), id(4)]).unwrap();
	assert_ok!(crate::Certificates::register_batch(
		signed(VetIssuer),
		batch.root(),
		2,
		CertificateKind::VETERINARY
	));

	// Carnets: one fresh, one with an item in motion (for KG's importation), one with an
	// item left in KG past expiry, and one with KG's claim raised.
	let issue = |number: &str, until: u32| {
		assert_ok!(crate::Carnets::issue(
			signed(Association),
			carnet_number(number),
			id(0xc0),
			vec![*b"KG"].try_into().unwrap(),
			5,
			id(0x11),
			TODAY,
			until,
		));
	};
	issue("KZ/FRESH", TODAY + 30);
	issue("KZ/MOVING", TODAY + 30);
	assert_ok!(crate::Carnets::record_voucher(
		signed(KzOfficer),
		carnet_number("KZ/MOVING"),
		Voucher::Exportation,
		1
	));
	for number in ["KZ/EXPIRED", "KZ/CLAIMED"] {
		issue(number, TODAY + 1);
		assert_ok!(crate::Carnets::record_voucher(
			signed(KzOfficer),
			carnet_number(number),
			Voucher::Exportation,
			1
		));
		assert_ok!(crate::Carnets::record_voucher(
			signed(KgOfficer),
			carnet_number(number),
			Voucher::Importation,
			1
		));
	}

	// AEO: KZ's operators X (certified) and Y (suspended); agreements KZ–KG in force (0),
	// BY→KG proposed (1), KZ–BY suspended by KZ (2); a change pending for KG.
	let kz_operator = |n| {
		assert_ok!(crate::Aeo::certify(
			signed(KzMember),
			id(n),
			Programme::Both,
			TODAY,
			TODAY + 365
		));
	};
	let by = RuntimeOrigin::signed(administration(3));
	assert_ok!(crate::Aeo::propose_mra(
		signed(KzMember),
		*b"KG",
		Programme::Both,
		TODAY,
		TODAY + 700
	));
	assert_ok!(crate::Aeo::accept_mra(signed(KgMember), 0));
	assert_ok!(crate::Aeo::propose_mra(by.clone(), *b"KG", Programme::Both, TODAY, TODAY + 700));
	assert_ok!(crate::Aeo::propose_mra(
		signed(KzMember),
		*b"BY",
		Programme::Both,
		TODAY,
		TODAY + 700
	));
	assert_ok!(crate::Aeo::accept_mra(by, 2));
	assert_ok!(crate::Aeo::suspend_mra(signed(KzMember), 2));
	kz_operator(0xa1);
	kz_operator(0xa2);
	// Suspended by the AEO office, which may lift its own suspension (not one its
	// administration set).
	assert_ok!(crate::Aeo::suspend(signed(AeoOffice), id(0xa2), StatusReason::Other, id(0)));

	// Exchange: KZ–KG active, KZ–BY suspended by KZ, BY→KG proposed.
	let by = RuntimeOrigin::signed(administration(3));
	assert_ok!(crate::Exchange::propose(signed(KzMember), *b"KG", vet_goods(), None));
	assert_ok!(crate::Exchange::accept(signed(KgMember), *b"KZ", proposed_terms(*b"KG", *b"KZ")));
	assert_ok!(crate::Exchange::propose(signed(KzMember), *b"BY", vet_goods(), None));
	assert_ok!(crate::Exchange::accept(by.clone(), *b"KZ", proposed_terms(*b"BY", *b"KZ")));
	assert_ok!(crate::Exchange::suspend(signed(KzMember), *b"BY"));
	assert_ok!(crate::Exchange::propose(by, *b"KG", vet_goods(), None));
	// The CT-1's field commitment, delivered to KG; a second CT-1 not committed yet.
	assert_ok!(crate::Exchange::commit_fields(signed(OriginIssuer), id(1), id(0x5e)));
	assert_ok!(crate::Exchange::record_receipt(
		signed(KgMember),
		*b"KZ",
		id(1),
		FieldGroups::of(&[FieldGroup::Goods]),
		id(0xaa),
		ReceiptStatus::Delivered
	));
	assert_ok!(crate::Certificates::register(
		signed(OriginIssuer),
		id(6),
		facts(CertificateKind::EAEU_CT1, "D-6"),
		None
	));

	// Two days on: the short carnets expired; KG raises its claim on one.
	set_day(TODAY + 2);
	assert_ok!(crate::Carnets::raise_claim(signed(KgMember), carnet_number("KZ/CLAIMED")));
}

/// The roles for which `call` succeeds, each attempt rolled back.
fn allowed(call: &RuntimeCall) -> Vec<Role> {
	ROLES
		.into_iter()
		.filter(|role| {
			with_transaction(|| {
				let ok = call.clone().dispatch(signed(*role)).is_ok();
				TransactionOutcome::Rollback(Ok::<_, DispatchError>(ok))
			})
			.unwrap()
		})
		.collect()
}

/// The roles whose signed `call` pool gating lets through (`CheckAccess`).
fn pool_allowed(call: &RuntimeCall) -> Vec<Role> {
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::{traits::DispatchTransaction, transaction_validity::TransactionSource};
	let info = call.get_dispatch_info();
	ROLES
		.into_iter()
		.filter(|role| {
			let nonce = crate::System::account_nonce(role.account());
			pallet_tamga_governance::CheckAccess::<Runtime>::from(nonce)
				.validate_only(signed(*role), call, &info, 100, TransactionSource::External, 0)
				.is_ok()
		})
		.collect()
}

/// The roles pool gating lets send the call named `name` of the matrix: each standing's
/// call families (`call_policy.rs`).
fn pool_roles(name: &str) -> Vec<Role> {
	use Role::*;
	let members = vec![KzMember, KgMember];
	let authors = vec![OriginIssuer, VetIssuer, ApprovedExporter];
	let issuers = vec![OriginIssuer, VetIssuer];
	let officers = vec![KzOfficer, KgOfficer];
	let mut roles = match name {
		"governance.admit_administration"
		| "governance.remove_administration"
		| "governance.add_validator"
		| "governance.remove_validator"
		| "governance.approve_node"
		| "governance.void_documents"
		| "certificates.add_document_type" => vec![],
		n if n.starts_with("governance.") => members,
		n if n.starts_with("certificates.register (") || n == "certificates.replace" => authors,
		"certificates.revoke" => [members, authors].concat(),
		"certificates.set_rules" | "contracts.upload_code" => members,
		"certificates.record_use" => officers,
		"certificates.register_batch" | "certificates.endorse" | "certificates.reject" => issuers,
		"certificates.revoke_batch_member" => [members, issuers].concat(),
		"certificates.apply" | "certificates.withdraw" => vec![ApprovedExporter, Exporter],
		"carnets.issue" => vec![Association],
		n if n.starts_with("carnets.record_voucher") => officers,
		"carnets.close" => vec![KzMember, KgMember, Association],
		n if n.starts_with("carnets.") => members,
		"aeo.certify" | "aeo.suspend" | "aeo.reinstate" | "aeo.revoke" => {
			vec![KzMember, KgMember, AeoOffice]
		},
		n if n.starts_with("aeo.") => members,
		"exchange.commit_fields" => authors,
		"exchange.record_receipt" | "exchange.record_receipts" => vec![KzMember, KgMember, KgNode],
		n if n.starts_with("exchange.") => members,
		other => panic!("no pool roles listed for {other}"),
	};
	roles.sort_by_key(|role| ROLES.iter().position(|r| r == role));
	roles
}

#[test]
fn every_custom_call_is_allowed_to_exactly_its_roles() {
	use Role::*;
	local_testnet().execute_with(|| {
		set_up();
		let pending_change = pallet_tamga_aeo::Pending::<Runtime>::iter_key_prefix(
			pallet_tamga_governance::CountryCode::new(*b"KG").unwrap(),
		)
		.next()
		.expect("KG was notified of Y's suspension");
		let batch = pallet_tamga_certificates::merkle::Tree::new(&[id(3), id(4)]).unwrap();
		let new_account = AccountId::from([7; 32]);
		let target = AccountId::from([2; 32]);
		let kz_node = b"12D3KooWCAqfMjEv93pJhiTQeMDVPJA3V7s5GuNcJuo5gQcfp2YV".to_vec();
		type G = pallet_tamga_governance::Call<Runtime>;
		type C = pallet_tamga_certificates::Call<Runtime>;
		type K = pallet_tamga_carnets::Call<Runtime>;
		type A = pallet_tamga_aeo::Call<Runtime>;
		type X = pallet_tamga_exchange::Call<Runtime>;
		let proposal =
			Box::new(RuntimeCall::Governance(G::remove_validator { validator: administration(2) }));
		let cases: Vec<(&str, RuntimeCall, Vec<Role>)> = vec![
			// Governance: members vote and manage their own country; the consortium alone
			// (a passed vote) admits, removes, and sets validators and nodes.
			("governance.propose", G::propose { call: proposal }.into(), vec![KzMember, KgMember]),
			("governance.vote", G::vote { id: 0, approve: true }.into(), vec![KzMember, KgMember]),
			(
				"governance.admit_administration",
				G::admit_administration {
					country: *b"UZ",
					name: b"UZ".to_vec(),
					members: vec![new_account.clone()],
				}
				.into(),
				vec![],
			),
			(
				"governance.remove_administration",
				G::remove_administration { country: *b"BY" }.into(),
				vec![],
			),
			(
				"governance.add_member",
				G::add_member { account: new_account.clone() }.into(),
				vec![KzMember, KgMember],
			),
			(
				"governance.remove_member",
				G::remove_member { account: AccountId::from([1; 32]) }.into(),
				vec![KzMember],
			),
			(
				"governance.accredit",
				G::accredit {
					account: new_account.clone(),
					name: b"new".to_vec(),
					role: Accredited::Auditor,
					kinds: DocumentKinds::default(),
					office: None,
					valid_from: 0,
					valid_until: 10,
				}
				.into(),
				vec![KzMember, KgMember],
			),
			("governance.suspend", G::suspend { account: target.clone() }.into(), vec![KzMember]),
			(
				"governance.reinstate",
				G::reinstate { account: AccountId::from([3; 32]) }.into(),
				vec![KzMember],
			),
			("governance.revoke", G::revoke { account: target.clone() }.into(), vec![KzMember]),
			(
				"governance.set_key_cutoff",
				G::set_key_cutoff { issuer: target.clone(), block: 5 }.into(),
				vec![KzMember],
			),
			(
				"governance.add_validator",
				G::add_validator { country: *b"KZ", validator: new_account.clone() }.into(),
				vec![],
			),
			(
				"governance.remove_validator",
				G::remove_validator { validator: administration(0) }.into(),
				vec![],
			),
			(
				"governance.approve_node",
				G::approve_node {
					country: *b"KZ",
					peer_id: b"12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD".to_vec(),
					address: b"/ip4/10.0.0.9/tcp/1".to_vec(),
				}
				.into(),
				vec![],
			),
			("governance.remove_node", G::remove_node { peer_id: kz_node }.into(), vec![KzMember]),
			(
				"governance.void_documents",
				G::void_documents { account: target.clone() }.into(),
				vec![],
			),
			// Certificates.
			(
				"certificates.register (CT-1)",
				C::register {
					id: id(9),
					facts: facts(CertificateKind::EAEU_CT1, "N-9"),
					production: None,
				}
				.into(),
				vec![OriginIssuer],
			),
			(
				"certificates.register (veterinary)",
				C::register {
					id: id(9),
					facts: facts(CertificateKind::VETERINARY, "N-9"),
					production: None,
				}
				.into(),
				vec![VetIssuer],
			),
			(
				"certificates.register (declaration)",
				C::register {
					id: id(9),
					facts: facts(CertificateKind::ORIGIN_DECLARATION, "N-9"),
					production: None,
				}
				.into(),
				vec![ApprovedExporter],
			),
			(
				"certificates.register (with production facts)",
				C::register {
					id: id(9),
					facts: facts(CertificateKind::EAEU_CT1, "N-9"),
					production: Some(pallet_tamga_certificates::rules::Production {
						wholly_obtained: true,
						ex_works_price: 100,
						materials: BoundedVec::new(),
					}),
				}
				.into(),
				vec![OriginIssuer],
			),
			(
				"certificates.register (phytosanitary)",
				C::register {
					id: id(9),
					facts: facts(CertificateKind::PHYTOSANITARY, "N-9"),
					production: None,
				}
				.into(),
				// Nobody here is a plant-protection organisation: issuers of other kinds
				// and approved exporters are refused.
				vec![],
			),
			(
				"certificates.add_document_type",
				C::add_document_type {
					entry: pallet_tamga_certificates::DocumentType {
						name: pallet_tamga_certificates::TypeName::truncate_from(
							b"importLicence".to_vec(),
						),
						un_code: 911,
						accreditation: DocumentKind::Licensing,
						author: Accredited::Issuer,
						hs_codes_required: true,
						bounded_uses: true,
					},
				}
				.into(),
				// Only a passed proposal (two thirds of the administrations) adds a type.
				vec![],
			),
			(
				"certificates.set_rules",
				C::set_rules {
					kind: DocumentKind::Origin,
					direction: pallet_tamga_certificates::Direction::Import,
					contract: None,
				}
				.into(),
				vec![KzMember, KgMember],
			),
			(
				"contracts.upload_code",
				pallet_contracts::Call::upload_code {
					code: super::contracts::hand_written_contract(super::contracts::TRAP),
					storage_deposit_limit: None,
					determinism: pallet_contracts::Determinism::Enforced,
				}
				.into(),
				vec![KzMember, KgMember],
			),
			(
				"certificates.replace",
				C::replace {
					old: id(1),
					new_id: id(9),
					facts: facts(CertificateKind::EAEU_CT1, "N-9"),
					production: None,
				}
				.into(),
				vec![OriginIssuer],
			),
			(
				"certificates.revoke",
				C::revoke { id: id(1), reason: RevocationReason::Fraud, text_hash: id(0) }.into(),
				vec![KzMember, OriginIssuer],
			),
			(
				"certificates.record_use",
				C::record_use { id: id(1), declaration: id(0), quantity: 1 }.into(),
				vec![KgOfficer],
			),
			(
				"certificates.register_batch",
				C::register_batch { root: id(8), count: 2, kind: CertificateKind::VETERINARY }
					.into(),
				vec![VetIssuer],
			),
			(
				"certificates.revoke_batch_member",
				C::revoke_batch_member {
					root: batch.root(),
					id: id(3),
					proof: batch.proof(0).unwrap(),
					reason: RevocationReason::Fraud,
					text_hash: id(0),
				}
				.into(),
				vec![KzMember, VetIssuer],
			),
			(
				"certificates.apply",
				C::apply { id: id(9), facts: facts(CertificateKind::EAEU_CT1, "N-9") }.into(),
				vec![ApprovedExporter, Exporter],
			),
			(
				"certificates.endorse",
				C::endorse {
					id: id(2),
					facts: facts(CertificateKind::EAEU_CT1, "A-2"),
					production: None,
				}
				.into(),
				vec![OriginIssuer],
			),
			(
				"certificates.reject",
				C::reject { id: id(2), reason: RejectionReason::Incomplete, text_hash: id(0) }
					.into(),
				vec![OriginIssuer],
			),
			("certificates.withdraw", C::withdraw { id: id(2) }.into(), vec![Exporter]),
			// Carnets.
			(
				"carnets.issue",
				K::issue {
					number: carnet_number("KZ/NEW"),
					holder_commitment: id(0),
					countries: BoundedVec::truncate_from(vec![*b"KG"]),
					items: 1,
					list_hash: id(0),
					valid_from: TODAY + 2,
					valid_until: TODAY + 30,
				}
				.into(),
				vec![Association],
			),
			(
				"carnets.record_voucher (exportation)",
				K::record_voucher {
					number: carnet_number("KZ/FRESH"),
					voucher: Voucher::Exportation,
					items: 1,
				}
				.into(),
				vec![KzOfficer],
			),
			(
				"carnets.record_voucher (importation)",
				K::record_voucher {
					number: carnet_number("KZ/MOVING"),
					voucher: Voucher::Importation,
					items: 1,
				}
				.into(),
				vec![KgOfficer],
			),
			(
				"carnets.close",
				K::close { number: carnet_number("KZ/FRESH") }.into(),
				vec![KzMember, Association],
			),
			(
				"carnets.raise_claim",
				K::raise_claim { number: carnet_number("KZ/EXPIRED") }.into(),
				vec![KgMember],
			),
			(
				"carnets.settle_claim",
				K::settle_claim { number: carnet_number("KZ/CLAIMED") }.into(),
				vec![KgMember],
			),
			(
				"carnets.discharge_claim",
				K::discharge_claim { number: carnet_number("KZ/CLAIMED"), evidence: id(0) }.into(),
				vec![KgMember],
			),
			// AEO: an administration (or its AEO office) acts on its own operators.
			(
				"aeo.certify",
				A::certify {
					commitment: id(0xb1),
					programme: Programme::Security,
					valid_from: TODAY,
					valid_until: TODAY + 9,
				}
				.into(),
				vec![KzMember, KgMember, AeoOffice],
			),
			(
				"aeo.suspend",
				A::suspend { commitment: id(0xa1), reason: StatusReason::Other, text_hash: id(0) }
					.into(),
				vec![KzMember, AeoOffice],
			),
			(
				"aeo.reinstate",
				A::reinstate { commitment: id(0xa2) }.into(),
				vec![KzMember, AeoOffice],
			),
			(
				"aeo.revoke",
				A::revoke { commitment: id(0xa1), reason: StatusReason::Other, text_hash: id(0) }
					.into(),
				vec![KzMember, AeoOffice],
			),
			("aeo.acknowledge", A::acknowledge { change: pending_change }.into(), vec![KgMember]),
			(
				"aeo.propose_mra",
				A::propose_mra {
					partner: *b"AM",
					scope: Programme::Both,
					valid_from: TODAY,
					valid_until: TODAY + 9,
				}
				.into(),
				vec![KzMember, KgMember],
			),
			("aeo.accept_mra", A::accept_mra { id: 1 }.into(), vec![KgMember]),
			("aeo.suspend_mra", A::suspend_mra { id: 0 }.into(), vec![KzMember, KgMember]),
			("aeo.resume_mra", A::resume_mra { id: 2 }.into(), vec![KzMember]),
			("aeo.terminate_mra", A::terminate_mra { id: 0 }.into(), vec![KzMember, KgMember]),
			// Exchange: each side's member accounts act on their own agreements; a document's
			// author alone commits to its field groups.
			(
				"exchange.propose",
				X::propose { partner: *b"AM", gives: vet_goods(), receives: None }.into(),
				vec![KzMember, KgMember],
			),
			(
				"exchange.accept",
				X::accept { partner: *b"BY", terms: proposed_terms(*b"BY", *b"KG") }.into(),
				vec![KgMember],
			),
			("exchange.decline", X::decline { partner: *b"BY" }.into(), vec![KgMember]),
			("exchange.suspend", X::suspend { partner: *b"KZ" }.into(), vec![KgMember]),
			("exchange.resume", X::resume { partner: *b"BY" }.into(), vec![KzMember]),
			("exchange.terminate", X::terminate { partner: *b"KG" }.into(), vec![KzMember]),
			(
				"exchange.set_exchange_key",
				X::set_exchange_key { key: [9; 32] }.into(),
				vec![KzMember, KgMember],
			),
			(
				"exchange.commit_fields",
				X::commit_fields { document: id(6), root: id(0x5e) }.into(),
				vec![OriginIssuer],
			),
			(
				"exchange.record_receipt",
				X::record_receipt {
					from: *b"KZ",
					document: id(1),
					groups: FieldGroups::of(&[FieldGroup::Goods]),
					payload: id(0xab),
					status: ReceiptStatus::Delivered,
				}
				.into(),
				vec![KgMember, KgNode],
			),
			(
				// The signer's check is the call's; each receipt's own checks refuse KZ's
				// (its own document) with `ReceiptNotRecorded`, not the call.
				"exchange.record_receipts",
				X::record_receipts {
					receipts: BoundedVec::truncate_from(vec![
						pallet_tamga_exchange::ReceiptEntry {
							from: *b"KZ",
							document: id(1),
							groups: FieldGroups::of(&[FieldGroup::Goods]),
							payload: id(0xac),
							status: ReceiptStatus::Delivered,
						},
					]),
				}
				.into(),
				vec![KzMember, KgMember, KgNode],
			),
			(
				"exchange.append",
				X::append { document: id(1), kind: AppendixKind::Control, hash: id(0xc0) }.into(),
				vec![KzMember, KgMember],
			),
		];
		let mut wrong = Vec::new();
		for (name, call, expected) in &cases {
			let actual = allowed(call);
			if actual != *expected {
				wrong.push(format!("{name}: expected {expected:?}, got {actual:?}"));
			}
			// The pool lets through every role dispatch allows, and exactly the roles of the
			// call's family (it cannot know whose document or country a call concerns).
			let pooled = pool_allowed(call);
			if pooled != pool_roles(name) || !expected.iter().all(|role| pooled.contains(role)) {
				wrong.push(format!(
					"{name} in the pool: expected {:?}, got {pooled:?}",
					pool_roles(name)
				));
			}
		}
		// Calls of no Tamga role: nobody may send them, or only validators their keys.
		let session_keys = crate::SessionKeys {
			aura: sp_consensus_aura::sr25519::AuthorityId::from(
				sp_core::sr25519::Public::from_raw([1; 32]),
			),
			grandpa: pallet_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw([1; 32])),
		};
		let others: Vec<(&str, RuntimeCall, Vec<Role>)> = vec![
			("system.remark", frame_system::Call::remark { remark: vec![1] }.into(), vec![]),
			(
				"system.remark_with_event",
				frame_system::Call::remark_with_event { remark: vec![1] }.into(),
				vec![],
			),
			(
				"balances.transfer_keep_alive",
				pallet_balances::Call::transfer_keep_alive {
					dest: sp_runtime::MultiAddress::Id(Outsider.account()),
					value: 1,
				}
				.into(),
				vec![],
			),
			(
				"session.set_keys",
				pallet_session::Call::set_keys { keys: session_keys, proof: vec![] }.into(),
				vec![KzMember, KgMember],
			),
			("session.purge_keys", pallet_session::Call::purge_keys {}.into(), vec![]),
			(
				"contracts.call",
				pallet_contracts::Call::call {
					dest: sp_runtime::MultiAddress::Id(Outsider.account()),
					value: 0,
					gas_limit: Default::default(),
					storage_deposit_limit: None,
					data: vec![],
				}
				.into(),
				vec![KzMember, KgMember],
			),
			(
				"governance.accept_accreditation",
				G::accept_accreditation { country: *b"KZ" }.into(),
				vec![Candidate],
			),
		];
		for (name, call, expected) in &others {
			let pooled = pool_allowed(call);
			if pooled != *expected {
				wrong.push(format!("{name} in the pool: expected {expected:?}, got {pooled:?}"));
			}
		}
		assert!(wrong.is_empty(), "calls allowed to the wrong roles:\n{}", wrong.join("\n"));
		assert_eq!(
			cases.len(),
			61,
			"every custom call but close (and each kind of register), and contract uploads"
		);

		// Anyone may close a proposal once it expired (and no one before).
		let close: RuntimeCall = G::close { id: 0 }.into();
		assert_eq!(allowed(&close), vec![]);
		crate::System::set_block_number(1 + crate::DAYS * 7 + 1);
		assert_eq!(allowed(&close), ROLES.to_vec());
	});
}
