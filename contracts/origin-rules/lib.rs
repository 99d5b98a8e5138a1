//! `origin-rules`: one administration's rules of origin, as an ink! contract the chain
//! asks before it anchors a certificate of origin of that administration's country.
//!
//! The administration that deploys it (its owner) sets the rule and may change it at any
//! time, without a runtime upgrade: goods wholly obtained are originating; otherwise every
//! non-originating material must change tariff heading (first four HS digits) if the rule
//! asks it, and all non-originating materials together may not exceed a share of the
//! ex-works price. The rule may be limited to some forms of document (e.g. CT-1 and
//! EUR.1): documents of other forms are accepted unjudged. Materials from the exporting
//! country, or from a country the rule lists for cumulation, count as originating; if the
//! rule asks for proof, such a material must name a certificate of origin anchored on
//! Tamga, of a form the rule judges, in force, from its country, which the contract reads
//! through the chain's registry extension. The answer is a [`Verdict`] with a reason code
//! from [`tamga_rules::reasons`].

#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = tamga_rules::TamgaEnvironment)]
mod origin_rules {
	use ink::prelude::vec::Vec;
	pub use tamga_rules::policy::{OriginRule, MAX_CUMULATION, MAX_FORMS};
	use tamga_rules::{
		goods_refusal, heading, reasons, Country, DocumentId, DocumentKind, DocumentSummary,
		Material, Production, ReasonCode, RuleInput, Verdict,
	};

	/// Why the owner's change was refused.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// Only the administration that deployed the contract changes its rule.
		NotOwner,
		/// A percentage above 100.
		PercentOutOfRange,
		/// More than [`MAX_CUMULATION`] cumulation countries.
		TooManyCountries,
		/// More than [`MAX_FORMS`] forms.
		TooManyForms,
	}

	/// The contract's state: its owner and its rule.
	#[ink(storage)]
	pub struct OriginRules {
		owner: AccountId,
		rule: OriginRule,
	}

	/// The rule was changed.
	#[ink(event)]
	pub struct RuleChanged {
		/// The new rule.
		rule: OriginRule,
	}

	fn checked(rule: &OriginRule) -> Result<(), Error> {
		if rule.max_non_originating_percent > 100 || rule.warn_margin_percent > 100 {
			return Err(Error::PercentOutOfRange);
		}
		if rule.cumulation.len() > MAX_CUMULATION {
			return Err(Error::TooManyCountries);
		}
		if rule.forms.len() > MAX_FORMS {
			return Err(Error::TooManyForms);
		}
		Ok(())
	}

	impl OriginRules {
		/// Deploys the contract with `rule`; the caller owns it.
		#[ink(constructor)]
		pub fn new(rule: OriginRule) -> Result<Self, Error> {
			checked(&rule)?;
			Ok(Self { owner: Self::env().caller(), rule })
		}

		/// Replaces the rule (owner only).
		#[ink(message)]
		pub fn set_rule(&mut self, rule: OriginRule) -> Result<(), Error> {
			if self.env().caller() != self.owner {
				return Err(Error::NotOwner);
			}
			checked(&rule)?;
			self.rule = rule.clone();
			self.env().emit_event(RuleChanged { rule });
			Ok(())
		}

		/// The rule in force.
		#[ink(message)]
		pub fn rule(&self) -> OriginRule {
			self.rule.clone()
		}

		/// The owner (the administration that deployed it).
		#[ink(message)]
		pub fn owner(&self) -> AccountId {
			self.owner
		}

		/// The verdict on a certificate of origin with `input`'s facts.
		#[ink(message)]
		pub fn validate(&self, input: RuleInput) -> Verdict {
			judge(&self.rule, &input, |id| self.env().extension().document(id))
		}
	}

	/// The rule applied to `input`; `document` reads an anchored document from the chain
	/// (origin evidence).
	pub fn judge(
		rule: &OriginRule,
		input: &RuleInput,
		document: impl Fn(DocumentId) -> Option<DocumentSummary>,
	) -> Verdict {
		if !rule.judges(input.form) {
			return Verdict::Accept;
		}
		if let Some(reason) = goods_refusal(&input.hs_codes) {
			return Verdict::Reject(reason);
		}
		let goods = &input.hs_codes[0];
		let Some(production) = &input.production else {
			return Verdict::Reject(reasons::PRODUCTION_FACTS_MISSING);
		};
		let mut non_originating = Vec::new();
		for material in &production.materials {
			match originating(rule, input.exporting, material, &document) {
				Ok(true) => {},
				Ok(false) => non_originating.push(material),
				Err(reason) => return Verdict::Reject(reason),
			}
		}
		if production.wholly_obtained {
			return match non_originating.len() {
				0 => Verdict::Accept,
				_ => Verdict::Reject(reasons::WHOLLY_OBTAINED_WITH_NON_ORIGINATING),
			};
		}
		if rule.change_of_heading
			&& non_originating.iter().any(|m| heading(m.hs) == heading(*goods))
		{
			return Verdict::Reject(reasons::TARIFF_HEADING_NOT_CHANGED);
		}
		let total = non_originating.iter().fold(0u128, |sum, m| sum.saturating_add(m.value));
		value_rule(rule, production, total)
	}

	/// Whether `material` counts as originating in `exporting`: made there, or cumulated
	/// from a listed country (with valid evidence where the rule asks for it or the
	/// exporter gave some). An error is the reason to refuse the whole document.
	fn originating(
		rule: &OriginRule,
		exporting: Country,
		material: &Material,
		document: &impl Fn(DocumentId) -> Option<DocumentSummary>,
	) -> Result<bool, ReasonCode> {
		if material.origin == exporting {
			return Ok(true);
		}
		if !rule.cumulation.contains(&material.origin) {
			return Ok(false);
		}
		let Some(evidence) = material.evidence else {
			return match rule.cumulation_needs_evidence {
				true => Err(reasons::ORIGIN_EVIDENCE_MISSING),
				false => Ok(true),
			};
		};
		match document(evidence) {
			Some(summary) if proves(rule, &summary, material, exporting) => Ok(true),
			_ => Err(reasons::ORIGIN_EVIDENCE_INVALID),
		}
	}

	/// Whether anchored document `summary` proves `material`'s origin for goods made in
	/// `exporting`: a certificate of origin of a form `rule` judges (a rule for CT-1 and
	/// EUR.1 takes no non-preferential certificate as evidence), in force, from an issuer
	/// in good standing, issued in the material's country for import into `exporting`,
	/// covering goods of the material's heading.
	fn proves(
		rule: &OriginRule,
		summary: &DocumentSummary,
		material: &Material,
		exporting: Country,
	) -> bool {
		summary.kind == DocumentKind::Origin
			&& rule.judges(summary.form)
			&& summary.exporting == material.origin
			&& summary.importing == exporting
			&& summary.in_force
			&& summary.issuer_accredited
			&& summary.hs_codes.iter().any(|hs| heading(*hs) == heading(material.hs))
	}

	/// The value rule: the non-originating share of the ex-works price, in tenths of a
	/// percent (no rounding in the goods' favour).
	fn value_rule(rule: &OriginRule, production: &Production, non_originating: u128) -> Verdict {
		if rule.max_non_originating_percent >= 100 {
			return Verdict::Accept;
		}
		if production.ex_works_price == 0 {
			return Verdict::Reject(reasons::NO_EX_WORKS_PRICE);
		}
		let permille = non_originating.saturating_mul(1_000).div_ceil(production.ex_works_price);
		let max = u128::from(rule.max_non_originating_percent) * 10;
		let margin = u128::from(rule.warn_margin_percent) * 10;
		if permille > max {
			Verdict::Reject(reasons::NON_ORIGINATING_SHARE_EXCEEDED)
		} else if permille + margin > max {
			Verdict::Warn(reasons::NON_ORIGINATING_SHARE_NEAR_LIMIT)
		} else {
			Verdict::Accept
		}
	}

	#[cfg(test)]
	mod tests {
		use super::*;
		use tamga_rules::Form;

		/// EAEU-style rule: change of heading, at most 50 % non-originating, warn within
		/// 5 points, cumulation with KG and BY, for every form.
		fn rule() -> OriginRule {
			OriginRule {
				change_of_heading: true,
				max_non_originating_percent: 50,
				warn_margin_percent: 5,
				cumulation: [*b"KG", *b"BY"].to_vec(),
				cumulation_needs_evidence: false,
				forms: Vec::new(),
			}
		}

		/// Pasta (1902 19) from KZ, ex-works 1,000, with `materials`.
		fn pasta(wholly_obtained: bool, materials: Vec<Material>) -> RuleInput {
			RuleInput {
				kind: DocumentKind::Origin,
				form: Form::EaeuCt1,
				exporting: *b"KZ",
				importing: *b"AM",
				hs_codes: [190219].to_vec(),
				day: 20_000,
				production: Some(Production { wholly_obtained, ex_works_price: 1_000, materials }),
			}
		}

		fn material(hs: u32, origin: &[u8; 2], value: u128) -> Material {
			Material { hs, origin: *origin, value, evidence: None }
		}

		#[ink::test]
		fn wholly_obtained_goods_are_accepted_unless_foreign_materials_were_used() {
			let contract = OriginRules::new(rule()).unwrap();
			assert_eq!(contract.validate(pasta(true, Vec::new())), Verdict::Accept);
			let with_kz_flour = pasta(true, [material(110100, b"KZ", 300)].to_vec());
			assert_eq!(contract.validate(with_kz_flour), Verdict::Accept);
			let with_turkish_flour = pasta(true, [material(110100, b"TR", 300)].to_vec());
			assert_eq!(
				contract.validate(with_turkish_flour),
				Verdict::Reject(reasons::WHOLLY_OBTAINED_WITH_NON_ORIGINATING)
			);
		}

		#[ink::test]
		fn a_rule_for_some_forms_accepts_the_others_unjudged() {
			let preferential = OriginRule { forms: [Form::EaeuCt1, Form::Eur1].to_vec(), ..rule() };
			let contract = OriginRules::new(preferential).unwrap();
			let turkish_pasta = pasta(false, [material(190211, b"TR", 900)].to_vec());
			assert_eq!(
				contract.validate(turkish_pasta.clone()),
				Verdict::Reject(reasons::TARIFF_HEADING_NOT_CHANGED)
			);
			// A non-preferential certificate is not judged by preferential rules.
			let non_preferential = RuleInput { form: Form::NonPreferential, ..turkish_pasta };
			assert_eq!(contract.validate(non_preferential), Verdict::Accept);
			let every_form = OriginRule { forms: [Form::Eur1; MAX_FORMS + 1].to_vec(), ..rule() };
			assert_eq!(OriginRules::new(every_form).err(), Some(Error::TooManyForms));
		}

		#[ink::test]
		fn a_foreign_material_of_the_same_heading_fails_the_change_of_heading() {
			let contract = OriginRules::new(rule()).unwrap();
			// Turkish pasta (1902) made into KZ pasta: same heading.
			let same_heading = pasta(false, [material(190211, b"TR", 100)].to_vec());
			assert_eq!(
				contract.validate(same_heading.clone()),
				Verdict::Reject(reasons::TARIFF_HEADING_NOT_CHANGED)
			);
			// The same material from KG cumulates: originating.
			let cumulated = pasta(false, [material(190211, b"KG", 100)].to_vec());
			assert_eq!(contract.validate(cumulated), Verdict::Accept);
		}

		#[ink::test]
		fn the_non_originating_share_is_limited_with_a_warning_margin() {
			let contract = OriginRules::new(rule()).unwrap();
			let share = |value| pasta(false, [material(110100, b"TR", value)].to_vec());
			assert_eq!(contract.validate(share(400)), Verdict::Accept);
			assert_eq!(
				contract.validate(share(460)),
				Verdict::Warn(reasons::NON_ORIGINATING_SHARE_NEAR_LIMIT)
			);
			assert_eq!(
				contract.validate(share(500)),
				Verdict::Warn(reasons::NON_ORIGINATING_SHARE_NEAR_LIMIT)
			);
			// 50.1 % is over 50 %: no rounding in the goods' favour.
			assert_eq!(
				contract.validate(share(501)),
				Verdict::Reject(reasons::NON_ORIGINATING_SHARE_EXCEEDED)
			);
		}

		#[ink::test]
		fn missing_facts_are_named() {
			let contract = OriginRules::new(rule()).unwrap();
			let mut no_production = pasta(false, Vec::new());
			no_production.production = None;
			assert_eq!(
				contract.validate(no_production),
				Verdict::Reject(reasons::PRODUCTION_FACTS_MISSING)
			);
			let mut no_goods = pasta(false, Vec::new());
			no_goods.hs_codes.clear();
			assert_eq!(contract.validate(no_goods), Verdict::Reject(reasons::NO_GOODS));
			let mut ten_digits = pasta(false, Vec::new());
			ten_digits.hs_codes = [1_902_190_000].to_vec();
			assert_eq!(contract.validate(ten_digits), Verdict::Reject(reasons::INVALID_HS_CODE));
			// Values near u128::MAX saturate instead of trapping.
			let huge = pasta(
				false,
				[material(110100, b"TR", u128::MAX), material(110100, b"TR", 1)].to_vec(),
			);
			assert_eq!(
				contract.validate(huge),
				Verdict::Reject(reasons::NON_ORIGINATING_SHARE_EXCEEDED)
			);
			let mut no_price = pasta(false, [material(110100, b"TR", 1)].to_vec());
			no_price.production.as_mut().unwrap().ex_works_price = 0;
			assert_eq!(contract.validate(no_price), Verdict::Reject(reasons::NO_EX_WORKS_PRICE));
		}

		#[ink::test]
		fn cumulation_evidence_is_read_from_the_chain() {
			let strict = OriginRule { cumulation_needs_evidence: true, ..rule() };
			let kg_certificate = [7u8; 32];
			let chain_with = |in_force: bool, form: Form| {
				move |id: DocumentId| {
					(id == kg_certificate).then_some(DocumentSummary {
						kind: DocumentKind::Origin,
						form,
						exporting: *b"KG",
						importing: *b"KZ",
						hs_codes: [190_211].to_vec(),
						in_force,
						issuer_accredited: true,
					})
				}
			};
			let chain = |in_force: bool| chain_with(in_force, Form::EaeuCt1);
			// KG wheat gluten of the goods' heading cumulates only with proof.
			let mut gluten = material(190211, b"KG", 100);
			let input = |m: Material| pasta(false, [m].to_vec());
			assert_eq!(
				judge(&strict, &input(gluten.clone()), chain(true)),
				Verdict::Reject(reasons::ORIGIN_EVIDENCE_MISSING)
			);
			gluten.evidence = Some(kg_certificate);
			assert_eq!(judge(&strict, &input(gluten.clone()), chain(true)), Verdict::Accept);
			// Revoked or expired evidence, or evidence from elsewhere, refuses the document.
			assert_eq!(
				judge(&strict, &input(gluten.clone()), chain(false)),
				Verdict::Reject(reasons::ORIGIN_EVIDENCE_INVALID)
			);
			let mut from_by = gluten.clone();
			from_by.origin = *b"BY";
			assert_eq!(
				judge(&strict, &input(from_by), chain(true)),
				Verdict::Reject(reasons::ORIGIN_EVIDENCE_INVALID)
			);
			// Evidence for other goods proves nothing about this material.
			let mut flour = material(110100, b"KG", 100);
			flour.evidence = Some(kg_certificate);
			assert_eq!(
				judge(&strict, &input(flour), chain(true)),
				Verdict::Reject(reasons::ORIGIN_EVIDENCE_INVALID)
			);
			// A rule for CT-1 and EUR.1 takes no non-preferential certificate as evidence,
			// though it accepts such certificates unjudged; a rule for every form does.
			let preferential =
				OriginRule { forms: [Form::EaeuCt1, Form::Eur1].to_vec(), ..strict.clone() };
			assert_eq!(
				judge(&preferential, &input(gluten.clone()), chain_with(true, Form::EaeuCt1)),
				Verdict::Accept
			);
			assert_eq!(
				judge(
					&preferential,
					&input(gluten.clone()),
					chain_with(true, Form::NonPreferential)
				),
				Verdict::Reject(reasons::ORIGIN_EVIDENCE_INVALID)
			);
			assert_eq!(
				judge(&strict, &input(gluten.clone()), chain_with(true, Form::NonPreferential)),
				Verdict::Accept
			);
			gluten.evidence = Some([8u8; 32]);
			assert_eq!(
				judge(&strict, &input(gluten), chain(true)),
				Verdict::Reject(reasons::ORIGIN_EVIDENCE_INVALID)
			);
		}

		#[ink::test]
		fn only_the_owner_changes_the_rule_and_bad_rules_are_refused() {
			let accounts = ink::env::test::default_accounts::<ink::env::DefaultEnvironment>();
			ink::env::test::set_caller::<ink::env::DefaultEnvironment>(accounts.alice);
			let mut contract = OriginRules::new(rule()).unwrap();
			assert_eq!(contract.owner(), accounts.alice);
			let lenient = OriginRule { max_non_originating_percent: 100, ..rule() };
			ink::env::test::set_caller::<ink::env::DefaultEnvironment>(accounts.bob);
			assert_eq!(contract.set_rule(lenient.clone()), Err(Error::NotOwner));
			assert_eq!(contract.rule(), rule());
			ink::env::test::set_caller::<ink::env::DefaultEnvironment>(accounts.alice);
			assert_eq!(contract.set_rule(lenient.clone()), Ok(()));
			assert_eq!(contract.rule(), lenient);
			let emitted = ink::env::test::recorded_events().count();
			assert_eq!(emitted, 1, "one RuleChanged event");
			// With no value rule, a high share passes.
			let heavy = pasta(false, [material(110100, b"TR", 900)].to_vec());
			assert_eq!(contract.validate(heavy), Verdict::Accept);
			let bad = OriginRule { max_non_originating_percent: 101, ..rule() };
			assert_eq!(contract.set_rule(bad.clone()), Err(Error::PercentOutOfRange));
			assert!(matches!(OriginRules::new(bad), Err(Error::PercentOutOfRange)));
			let crowded =
				OriginRule { cumulation: [*b"KG"; MAX_CUMULATION + 1].to_vec(), ..rule() };
			assert_eq!(contract.set_rule(crowded), Err(Error::TooManyCountries));
		}
	}
}
