//! Administrations' rule contracts on the real runtime: the `origin-rules` and
//! `vet-import-conditions` contracts built by `scripts/build-contracts.sh` are uploaded,
//! instantiated and registered, then certificates are anchored and judged by them
//! (Accept, Warn, Reject, cumulation evidence read through the chain extension); a
//! contract that traps, one that loops and one that answers nothing refuse registration
//! with a clear error, and so does one that reverts.

use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::Get, weights::Weight};
use pallet_contracts::Determinism;
use pallet_tamga_certificates::HsCode;
use pallet_tamga_certificates::WeightInfo as _;
use pallet_tamga_certificates::{
	rules::{Material, Production},
	CertificateKind, Direction, Documents, Error as CertificatesError, FactsOf, RuleFailure,
	RuleWarning,
};
use pallet_tamga_governance::{CountryCode, DocumentKind, DocumentKinds, Role};
use sp_core::H256;
use sp_runtime::{traits::Hash as _, DispatchError};
use tamga_rules::{
	policy::{Ban, OriginRule},
	Form,
};

use super::{administration, local_testnet, signed};
use crate::{
	contracts::selector, AccountId, Certificates, Contracts, Governance, Runtime, RuntimeEvent,
	RuntimeOrigin, System,
};

/// 2026-11-23, in days since 1970-01-01.
const TODAY: u32 = 20_415;

/// The gas to deploy a contract with.
const DEPLOY_GAS: Weight = Weight::from_parts(200_000_000_000, 4 * 1024 * 1024);

/// The built contract `name`, from `$TAMGA_CONTRACTS_DIR` or `$CARGO_TARGET_DIR/contracts`.
fn built_contract(name: &str) -> Vec<u8> {
	let dir = std::env::var("TAMGA_CONTRACTS_DIR").unwrap_or_else(|_| {
		let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| {
			format!("{}/.cache/tamga/target", std::env::var("HOME").unwrap_or_default())
		});
		format!("{target}/contracts")
	});
	let path = format!("{dir}/{name}.wasm");
	std::fs::read(&path).unwrap_or_else(|e| {
		panic!("cannot read {path} ({e}): build the contracts with scripts/build-contracts.sh")
	})
}

/// A Wasm module pallet-contracts accepts (memory imported, `call` and `deploy`
/// exported), whose `deploy` returns nothing and whose `call` runs `body` (the code
/// section's bytes for one function, without locals).
pub(super) fn hand_written_contract(call_body: &[u8]) -> Vec<u8> {
	let mut code = b"\0asm\x01\0\0\0".to_vec();
	// Types: one, () -> ().
	code.extend([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
	// Imports: env.memory, one page at most.
	code.extend([0x02, 0x10, 0x01, 0x03, b'e', b'n', b'v', 0x06]);
	code.extend(b"memory");
	code.extend([0x02, 0x01, 0x01, 0x01]);
	// Functions: call and deploy, both of type 0.
	code.extend([0x03, 0x03, 0x02, 0x00, 0x00]);
	// Exports: call = function 0, deploy = function 1.
	code.extend([0x07, 0x11, 0x02, 0x04]);
	code.extend(b"call");
	code.extend([0x00, 0x00, 0x06]);
	code.extend(b"deploy");
	code.extend([0x00, 0x01]);
	// Code: call's body (no locals), deploy's body (returns at once).
	let call_len = call_body.len() as u8 + 1;
	code.extend([0x0a, call_len + 5, 0x02, call_len, 0x00]);
	code.extend(call_body);
	code.extend([0x02, 0x00, 0x0b]);
	code
}

/// A module like [`hand_written_contract`] whose `call` returns with the REVERT flag
/// (`seal0.seal_return(1, 0, 0)`).
fn reverting_contract() -> Vec<u8> {
	let mut code = b"\0asm\x01\0\0\0".to_vec();
	// Types: () -> () and (i32, i32, i32) -> ().
	code.extend([0x01, 0x0a, 0x02, 0x60, 0x00, 0x00, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00]);
	// Imports: seal0.seal_return (type 1), env.memory.
	code.extend([0x02, 0x24, 0x02, 0x05]);
	code.extend(b"seal0");
	code.push(0x0b);
	code.extend(b"seal_return");
	code.extend([0x00, 0x01, 0x03]);
	code.extend(b"env");
	code.push(0x06);
	code.extend(b"memory");
	code.extend([0x02, 0x01, 0x01, 0x01]);
	// Functions: call and deploy (indices 1 and 2, after the import), type 0.
	code.extend([0x03, 0x03, 0x02, 0x00, 0x00]);
	code.extend([0x07, 0x11, 0x02, 0x04]);
	code.extend(b"call");
	code.extend([0x00, 0x01, 0x06]);
	code.extend(b"deploy");
	code.extend([0x00, 0x02]);
	// call: seal_return(1, 0, 0); deploy: returns.
	code.extend([0x0a, 0x0f, 0x02, 0x0a, 0x00, 0x41, 0x01, 0x41, 0x00, 0x41, 0x00, 0x10, 0x00]);
	code.extend([0x0b, 0x02, 0x00, 0x0b]);
	code
}

/// `unreachable; end`: traps.
pub(super) const TRAP: &[u8] = &[0x00, 0x0b];
/// `loop br 0 end; end`: runs until the gas is gone.
const LOOP: &[u8] = &[0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b];
/// `end`: returns without an answer.
const SILENT: &[u8] = &[0x0b];

/// Uploads `code` and instantiates it with constructor input `input` as administration
/// `index`; returns the contract's account.
fn deploy(index: usize, code: Vec<u8>, input: Vec<u8>) -> AccountId {
	let code_hash = <Runtime as frame_system::Config>::Hashing::hash(&code);
	assert_ok!(Contracts::upload_code(signed(index), code, None, Determinism::Enforced));
	assert_ok!(Contracts::instantiate(
		signed(index),
		0,
		DEPLOY_GAS,
		None,
		code_hash,
		input,
		vec![index as u8],
	));
	System::events()
		.iter()
		.rev()
		.find_map(|record| match &record.event {
			RuntimeEvent::Contracts(pallet_contracts::Event::Instantiated { contract, .. }) => {
				Some(contract.clone())
			},
			_ => None,
		})
		.expect("the contract was instantiated")
}

/// Calls message `name` with `args` on `contract` as administration `index`, which must
/// succeed.
fn call(index: usize, contract: &AccountId, name: &str, args: impl Encode) {
	let mut data = selector(name).to_vec();
	args.encode_to(&mut data);
	let result = Contracts::bare_call(
		administration(index),
		contract.clone(),
		0,
		DEPLOY_GAS,
		None,
		data,
		pallet_contracts::DebugInfo::Skip,
		pallet_contracts::CollectEvents::Skip,
		Determinism::Enforced,
	);
	let answer = result.result.expect("the call ran");
	assert!(!answer.did_revert(), "{name} reverted: {:?}", answer.data);
}

fn set_rules(index: usize, kind: DocumentKind, direction: Direction, contract: &AccountId) {
	assert_ok!(Certificates::set_rules(signed(index), kind, direction, Some(contract.clone())));
}

/// KZ's preferential rules of origin, deployed by KZ and registered for its exports:
/// change of heading, at most 50 % non-originating, a warning within `warn_margin` points
/// of that, cumulation with KG on evidence anchored on Tamga, for CT-1 and EUR.1
/// certificates. Returns the contract.
fn kz_origin_rules(warn_margin: u8) -> AccountId {
	let rule = OriginRule {
		change_of_heading: true,
		max_non_originating_percent: 50,
		warn_margin_percent: warn_margin,
		cumulation: vec![*b"KG"],
		cumulation_needs_evidence: true,
		forms: vec![Form::EaeuCt1, Form::Eur1],
	};
	let mut new = selector("new").to_vec();
	rule.encode_to(&mut new);
	let origin_rules = deploy(0, built_contract("origin-rules"), new);
	set_rules(0, DocumentKind::Origin, Direction::Export, &origin_rules);
	origin_rules
}

/// An issuer of administration `index` for origin and veterinary certificates.
fn issuer(index: usize, seed: u8) -> AccountId {
	let issuer = AccountId::from([seed; 32]);
	assert_ok!(Governance::accredit(
		signed(index),
		issuer.clone(),
		b"Chamber of Commerce".to_vec(),
		Role::Issuer,
		DocumentKinds::of(&[DocumentKind::Origin, DocumentKind::Veterinary]),
		None,
		0,
		1_000_000
	));
	let country = pallet_tamga_governance::MemberOf::<Runtime>::get(administration(index))
		.expect("a founding administration");
	assert_ok!(Governance::accept_accreditation(
		RuntimeOrigin::signed(issuer.clone()),
		*country.as_bytes()
	));
	issuer
}

/// A certificate `number` of `kind` from `exporting` to `importing` for goods `hs`.
fn facts(
	kind: CertificateKind,
	number: &str,
	exporting: &[u8; 2],
	importing: &[u8; 2],
	hs: &[u8; 6],
) -> FactsOf<Runtime> {
	FactsOf::<Runtime> {
		kind,
		number: number.as_bytes().to_vec().try_into().unwrap(),
		exporting: CountryCode::new(*exporting).unwrap(),
		importing: CountryCode::new(*importing).unwrap(),
		hs_codes: vec![HsCode(*hs)].try_into().unwrap(),
		valid_from: TODAY,
		valid_until: TODAY + 90,
		quantity: 20_000,
		unit: *b"KGM",
		exporter_commitment: H256::repeat_byte(1),
	}
}

/// Pasta made with one non-originating material of `value` from `origin`, ex-works 1,000.
fn pasta(
	value: u128,
	origin: &[u8; 2],
	evidence: Option<H256>,
) -> Production<frame_support::traits::ConstU32<64>> {
	Production {
		wholly_obtained: false,
		ex_works_price: 1_000,
		materials: vec![Material { hs: HsCode(*b"110100"), origin: *origin, value, evidence }]
			.try_into()
			.unwrap(),
	}
}

/// [`pasta`] with 30 % Turkish flour, as the contracts take it.
fn pasta_rules_input() -> tamga_rules::Production {
	pallet_tamga_certificates::rules::production_input(&pasta(300, b"TR", None))
}

/// Anchors `id`, a KG certificate of `kind` for flour (1101 00) exported to KZ, the
/// evidence KZ's pasta cumulates with.
fn register_kg_flour(kg_issuer: &AccountId, id: H256, kind: CertificateKind, number: &str) {
	assert_ok!(Certificates::register(
		RuntimeOrigin::signed(kg_issuer.clone()),
		id,
		facts(kind, number, b"KG", b"KZ", b"110100"),
		None,
	));
}

fn register_pasta(
	who: &AccountId,
	n: u8,
	value: u128,
	origin: &[u8; 2],
	evidence: Option<H256>,
) -> Result<(), DispatchError> {
	let facts = facts(CertificateKind::EAEU_CT1, &format!("P-{n}"), b"KZ", b"KG", b"190219");
	Certificates::register(
		RuntimeOrigin::signed(who.clone()),
		H256::repeat_byte(n),
		facts,
		Some(pasta(value, origin, evidence)),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

#[test]
fn only_administrations_upload_and_instantiate_contracts() {
	local_testnet().execute_with(|| {
		let outsider = RuntimeOrigin::signed(AccountId::from([9; 32]));
		let code = built_contract("origin-rules");
		assert_noop!(
			Contracts::upload_code(outsider.clone(), code.clone(), None, Determinism::Enforced),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Contracts::instantiate_with_code(
				outsider,
				0,
				DEPLOY_GAS,
				None,
				code,
				selector("new").to_vec(),
				vec![]
			)
			.map_err(|e| e.error),
			DispatchError::BadOrigin
		);
		// A module with floats or unknown imports is refused at upload.
		assert!(Contracts::upload_code(
			signed(0),
			b"\0asm\x01\0\0\0".to_vec(),
			None,
			Determinism::Enforced
		)
		.is_err());
	});
}

#[test]
fn rule_contracts_accept_warn_and_reject_certificates_end_to_end() {
	local_testnet().execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(u64::from(TODAY) * 86_400_000 + 3_600_000);
		let kz_issuer = issuer(0, 0x51);
		let kg_issuer = issuer(1, 0x52);

		// KZ's rules of origin, warning within 5 points of the maximum share.
		let origin_rules = kz_origin_rules(5);

		// Accept: 30 % Turkish flour.
		assert_ok!(register_pasta(&kz_issuer, 1, 300, b"TR", None));
		assert!(Documents::<Runtime>::get(H256::repeat_byte(1)).unwrap().warnings.is_empty());
		// Warn: 48 %, within 5 points of the maximum; stored and shown to verifiers.
		assert_ok!(register_pasta(&kz_issuer, 2, 480, b"TR", None));
		let warning = RuleWarning {
			administration: CountryCode::new(*b"KZ").unwrap(),
			direction: Direction::Export,
			code: 105,
		};
		assert_eq!(Certificates::verify(H256::repeat_byte(2)).unwrap().warnings, [warning]);
		System::assert_has_event(
			pallet_tamga_certificates::Event::RuleWarned { id: H256::repeat_byte(2), warning }
				.into(),
		);
		// What judging costs: a small share of the gas a rule may use.
		let input = tamga_rules::RuleInput {
			kind: tamga_rules::DocumentKind::Origin,
			form: Form::EaeuCt1,
			exporting: *b"KZ",
			importing: *b"KG",
			hs_codes: vec![190_219],
			day: TODAY,
			production: Some(pasta_rules_input()),
		};
		let mut data = selector("validate").to_vec();
		input.encode_to(&mut data);
		let measured = Contracts::bare_call(
			kz_issuer.clone(),
			origin_rules.clone(),
			0,
			crate::contracts::RULE_GAS_LIMIT,
			Some(0),
			data,
			pallet_contracts::DebugInfo::Skip,
			pallet_contracts::CollectEvents::Skip,
			Determinism::Enforced,
		);
		eprintln!("origin-rules validate: gas {:?}", measured.gas_consumed);
		assert!(measured.result.is_ok());
		assert!(
			measured.gas_consumed.ref_time() < crate::contracts::RULE_GAS_LIMIT.ref_time() / 10
		);
		// A replacement is judged with its own production facts: 60 % is refused, 30 % passes.
		let corrected = |n: &str| facts(CertificateKind::EAEU_CT1, n, b"KZ", b"KG", b"190219");
		assert_noop!(
			Certificates::replace(
				RuntimeOrigin::signed(kz_issuer.clone()),
				H256::repeat_byte(1),
				H256::repeat_byte(0x11),
				corrected("P-1-bis"),
				Some(pasta(600, b"TR", None)),
			)
			.map_err(|e| e.error),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 104
			}
		);
		assert_ok!(Certificates::replace(
			RuntimeOrigin::signed(kz_issuer.clone()),
			H256::repeat_byte(1),
			H256::repeat_byte(0x11),
			corrected("P-1-bis"),
			Some(pasta(300, b"TR", None)),
		));
		// Reject: 60 %, reason 104 in the error.
		assert_noop!(
			register_pasta(&kz_issuer, 3, 600, b"TR", None),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 104
			}
		);
		// A non-preferential certificate for the same goods is not judged by preferential
		// rules: accepted as it is.
		assert_ok!(Certificates::register(
			RuntimeOrigin::signed(kz_issuer.clone()),
			H256::repeat_byte(0x33),
			facts(CertificateKind::NON_PREFERENTIAL, "P-3-np", b"KZ", b"KG", b"190219"),
			Some(pasta(600, b"TR", None)),
		));
		assert!(Certificates::verify(H256::repeat_byte(0x33)).unwrap().warnings.is_empty());
		// Without production facts, rules of origin cannot judge: reason 101.
		assert_noop!(
			Certificates::register(
				RuntimeOrigin::signed(kz_issuer.clone()),
				H256::repeat_byte(4),
				facts(CertificateKind::EAEU_CT1, "P-4", b"KZ", b"KG", b"190219"),
				None,
			)
			.map_err(|e| e.error),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 101
			}
		);

		// Cumulation: 70 % KG flour counts as originating only with a KG certificate of
		// origin in force, read through the chain extension.
		assert_noop!(
			register_pasta(&kz_issuer, 5, 700, b"KG", None),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 110
			}
		);
		let kg_flour = H256::repeat_byte(0xf1);
		register_kg_flour(&kg_issuer, kg_flour, CertificateKind::EAEU_CT1, "KG-FLOUR");
		assert_ok!(register_pasta(&kz_issuer, 5, 700, b"KG", Some(kg_flour)));
		// A non-preferential KG certificate is no evidence for preferential rules.
		let kg_flour_np = H256::repeat_byte(0xf2);
		register_kg_flour(&kg_issuer, kg_flour_np, CertificateKind::NON_PREFERENTIAL, "KG-NP");
		assert_noop!(
			register_pasta(&kz_issuer, 7, 700, b"KG", Some(kg_flour_np)),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 109
			}
		);
		assert_noop!(
			register_pasta(&kz_issuer, 6, 700, b"KG", Some(H256::repeat_byte(0xee))),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 109
			}
		);
		assert_ok!(Certificates::revoke(
			RuntimeOrigin::signed(kg_issuer),
			kg_flour,
			pallet_tamga_certificates::RevocationReason::Fraud,
			H256::zero()
		));
		assert_noop!(
			register_pasta(&kz_issuer, 6, 700, b"KG", Some(kg_flour)),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Export,
				code: 109
			}
		);

		// KG's import conditions: meat (02) and dairy (04) need a veterinary certificate; KZ beef is
		// banned from 10 days ahead.
		let mut new = selector("new").to_vec();
		vec![2u8, 4].encode_to(&mut new);
		let vet_conditions = deploy(1, built_contract("vet-import-conditions"), new);
		set_rules(1, DocumentKind::Veterinary, Direction::Import, &vet_conditions);
		set_rules(1, DocumentKind::Origin, Direction::Import, &vet_conditions);
		let beef = |n: &str| facts(CertificateKind::VETERINARY, n, b"KZ", b"KG", b"020130");
		assert_ok!(Certificates::register(
			RuntimeOrigin::signed(kz_issuer.clone()),
			H256::repeat_byte(0xb1),
			beef("V-1"),
			None
		));
		let ban = Ban {
			exporting: *b"KZ",
			hs_prefix: 2,
			digits: 2,
			from_day: TODAY + 10,
			until_day: None,
		};
		call(1, &vet_conditions, "impose_ban", ban);
		assert_ok!(Certificates::register(
			RuntimeOrigin::signed(kz_issuer.clone()),
			H256::repeat_byte(0xb2),
			beef("V-2"),
			None
		));
		let announced = RuleWarning {
			administration: CountryCode::new(*b"KG").unwrap(),
			direction: Direction::Import,
			code: 203,
		};
		assert_eq!(Certificates::verify(H256::repeat_byte(0xb2)).unwrap().warnings, [announced]);
		// Ten days on, the ban is in force: reason 202.
		pallet_timestamp::Now::<Runtime>::put(u64::from(TODAY + 10) * 86_400_000);
		assert_noop!(
			Certificates::register(
				RuntimeOrigin::signed(kz_issuer.clone()),
				H256::repeat_byte(0xb3),
				beef("V-3"),
				None
			)
			.map_err(|e| e.error),
			CertificatesError::<Runtime>::RejectedByRules {
				direction: Direction::Import,
				code: 202
			}
		);
		// Cheese on a certificate of origin: anchored, with KG's reminder that the cheese
		// also needs a veterinary certificate.
		let cheese = facts(CertificateKind::EAEU_CT1, "O-1", b"KZ", b"KG", b"040690");
		assert_ok!(Certificates::register(
			RuntimeOrigin::signed(kz_issuer),
			H256::repeat_byte(0xb4),
			cheese,
			Some(pasta(0, b"KZ", None)),
		));
		let reminder = RuleWarning {
			administration: CountryCode::new(*b"KG").unwrap(),
			direction: Direction::Import,
			code: 201,
		};
		assert_eq!(Certificates::verify(H256::repeat_byte(0xb4)).unwrap().warnings, [reminder]);
	});
}

#[test]
fn contracts_that_trap_loop_or_answer_nothing_refuse_registration() {
	local_testnet().execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(u64::from(TODAY) * 86_400_000 + 3_600_000);
		let kz_issuer = issuer(0, 0x51);
		for (n, (code, failure)) in [
			(hand_written_contract(TRAP), RuleFailure::Trapped),
			(hand_written_contract(LOOP), RuleFailure::OutOfGas),
			(hand_written_contract(SILENT), RuleFailure::BadAnswer),
			(reverting_contract(), RuleFailure::Reverted),
		]
		.into_iter()
		.enumerate()
		{
			// AM's import rules for origin certificates.
			let contract = deploy(2, code, Vec::new());
			set_rules(2, DocumentKind::Origin, Direction::Import, &contract);
			let facts =
				facts(CertificateKind::EAEU_CT1, &format!("AM-{n}"), b"KZ", b"AM", b"190219");
			let refused = Certificates::register(
				RuntimeOrigin::signed(kz_issuer.clone()),
				H256::repeat_byte(0xa0 + n as u8),
				facts,
				None,
			)
			.unwrap_err();
			assert_eq!(
				refused.error,
				CertificatesError::<Runtime>::RulesFailed { direction: Direction::Import, failure }
					.into(),
				"{failure:?}"
			);
			assert!(!Documents::<Runtime>::contains_key(H256::repeat_byte(0xa0 + n as u8)));
			// The refusal is charged what the contract used, within the declared bound.
			let used = refused.post_info.actual_weight.expect("the weight used");
			let declared = <Runtime as pallet_tamga_certificates::Config>::WeightInfo::register()
				.saturating_add(Certificates::rules_weight_bound());
			assert!(used.all_lte(declared), "{failure:?}: {used:?} > {declared:?}");
		}
	});
}

#[test]
fn the_costliest_document_fits_the_gas_a_rule_may_use() {
	local_testnet().execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(u64::from(TODAY) * 86_400_000 + 3_600_000);
		let kz_issuer = issuer(0, 0x51);
		let kg_issuer = issuer(1, 0x52);
		kz_origin_rules(0);
		// 64 materials (the most a document lists), each proven by its own KG certificate,
		// each read through the chain extension.
		let max = <Runtime as pallet_tamga_certificates::Config>::MaxMaterials::get();
		let materials: Vec<Material> = (0..max)
			.map(|n| {
				let evidence = H256::from_low_u64_be(0xe000 + u64::from(n));
				register_kg_flour(
					&kg_issuer,
					evidence,
					CertificateKind::EAEU_CT1,
					&format!("KG-{n}"),
				);
				Material {
					hs: HsCode(*b"110100"),
					origin: *b"KG",
					value: 10,
					evidence: Some(evidence),
				}
			})
			.collect();
		let production = Production {
			wholly_obtained: false,
			ex_works_price: 1_000,
			materials: materials.try_into().unwrap(),
		};
		let post = Certificates::register(
			RuntimeOrigin::signed(kz_issuer),
			H256::repeat_byte(0x64),
			facts(CertificateKind::EAEU_CT1, "P-64", b"KZ", b"KG", b"190219"),
			Some(production),
		)
		.expect("64 evidenced materials are judged within the gas limit");
		let used = post.actual_weight.unwrap();
		eprintln!("a document with 64 evidenced materials: {used:?}");
		// One contract was asked and read every material's evidence (each read is charged
		// its declared weight); its share stays below three quarters of the limit, the
		// reserve RULE_GAS_LIMIT's documentation promises.
		let limit = crate::contracts::RULE_GAS_LIMIT;
		let reads = crate::contracts::document_weight().saturating_mul(u64::from(max));
		assert!(used.all_gte(reads), "every evidence read was charged: {used:?}");
		assert!(used.ref_time() < limit.ref_time() * 3 / 4, "{used:?}");
		assert!(used.proof_size() < limit.proof_size() * 3 / 4, "{used:?}");
	});
}

#[test]
fn only_member_accounts_may_send_contract_calls() {
	use frame_support::dispatch::GetDispatchInfo;
	use pallet_tamga_governance::{CheckAccess, NOT_FOR_ROLE};
	use sp_runtime::{
		traits::DispatchTransaction,
		transaction_validity::{InvalidTransaction, TransactionSource},
	};
	local_testnet().execute_with(|| {
		let kz_issuer = issuer(0, 0x51);
		let call: crate::RuntimeCall = pallet_contracts::Call::call {
			dest: sp_runtime::MultiAddress::Id(administration(1)),
			value: 0,
			gas_limit: DEPLOY_GAS,
			storage_deposit_limit: None,
			data: selector("validate").to_vec(),
		}
		.into();
		let info = call.get_dispatch_info();
		let check = |who: AccountId| {
			CheckAccess::<Runtime>::from(0)
				.validate_only(
					RuntimeOrigin::signed(who),
					&call,
					&info,
					0,
					TransactionSource::External,
					0,
				)
				.map(|_| ())
		};
		assert_eq!(check(kz_issuer), Err(InvalidTransaction::Custom(NOT_FOR_ROLE).into()));
		assert_eq!(check(administration(0)), Ok(()));
	});
}
