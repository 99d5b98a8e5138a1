//! The policies Tamga's two reference contracts keep, as their owners set them: one
//! definition of each SCALE layout, shared by the contracts that store them, `tamga rules
//! encode` that writes them and `tamga rules read` that decodes them, and the tests.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

use crate::{has_prefix, Country, Form, HsCode};

/// The most countries an [`OriginRule`] may list for cumulation.
pub const MAX_CUMULATION: usize = 64;

/// The most forms an [`OriginRule`] may list: room for every built-in form and ten the
/// consortium added to its registry of document types.
pub const MAX_FORMS: usize = 18;

/// `origin-rules`' rule of origin, as its owner sets it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(all(feature = "ink", feature = "std"), derive(ink::storage::traits::StorageLayout))]
pub struct OriginRule {
	/// Non-originating materials must change 4-digit tariff heading.
	pub change_of_heading: bool,
	/// The most non-originating materials may be worth, in percent of the ex-works price
	/// (100: no value rule).
	pub max_non_originating_percent: u8,
	/// Warn when the share is within this many percentage points of the maximum.
	pub warn_margin_percent: u8,
	/// Countries whose materials count as originating (cumulation).
	pub cumulation: Vec<Country>,
	/// A material from a cumulation country counts only with origin evidence: a
	/// certificate of origin anchored on Tamga, in force, from that country.
	pub cumulation_needs_evidence: bool,
	/// The forms of document the rule judges (e.g. CT-1 and EUR.1, not non-preferential
	/// certificates); a document of another form is accepted unjudged. Empty: every form.
	pub forms: Vec<Form>,
}

impl OriginRule {
	/// Whether the rule judges documents of `form`.
	pub fn judges(&self, form: Form) -> bool {
		self.forms.is_empty() || self.forms.contains(&form)
	}
}

/// `vet-import-conditions`' ban of goods from a country, an outbreak response.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(all(feature = "ink", feature = "std"), derive(ink::storage::traits::StorageLayout))]
pub struct Ban {
	/// The exporting country whose goods are banned.
	pub exporting: Country,
	/// The banned goods: HS codes starting with these digits.
	pub hs_prefix: u32,
	/// How many leading digits `hs_prefix` has (2 a chapter, 4 a heading, 6 a
	/// subheading).
	pub digits: u8,
	/// The first day of the ban (days since 1970-01-01 UTC).
	pub from_day: u32,
	/// The last day of the ban, inclusive (`None`: until lifted).
	pub until_day: Option<u32>,
}

impl Ban {
	/// Whether the ban covers goods of subheading `hs` from `exporting`.
	pub fn covers(&self, exporting: &Country, hs: HsCode) -> bool {
		self.exporting == *exporting && has_prefix(hs, self.hs_prefix, self.digits)
	}

	/// Whether the ban is in force on `day` (days since 1970-01-01 UTC).
	pub fn in_force_on(&self, day: u32) -> bool {
		self.from_day <= day && self.until_day.map_or(true, |until| day <= until)
	}

	/// Whether the ban is well formed: a prefix of 1 to 6 digits that fits them, ending no
	/// earlier than it starts.
	pub fn is_well_formed(&self) -> bool {
		(1..=6).contains(&self.digits)
			&& self.hs_prefix < 10u32.pow(u32::from(self.digits))
			&& self.until_day.map_or(true, |until| until >= self.from_day)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn max_forms_holds_every_built_in_form_and_ten_more() {
		// Adding a form breaks this match, and with it the count below.
		let built_in = [
			Form::EaeuCt1,
			Form::Eur1,
			Form::FormA,
			Form::NonPreferential,
			Form::Veterinary,
			Form::OriginDeclaration,
			Form::Phytosanitary,
			Form::PhytosanitaryReexport,
		];
		for form in built_in {
			match form {
				Form::EaeuCt1
				| Form::Eur1
				| Form::FormA
				| Form::NonPreferential
				| Form::Veterinary
				| Form::OriginDeclaration
				| Form::Phytosanitary
				| Form::PhytosanitaryReexport => {},
				Form::Registered(_) => unreachable!("not built in"),
			}
		}
		assert_eq!(built_in.len() + 10, MAX_FORMS);
	}

	#[test]
	fn a_rule_without_forms_judges_every_form() {
		let rule = OriginRule {
			change_of_heading: true,
			max_non_originating_percent: 50,
			warn_margin_percent: 0,
			cumulation: Vec::new(),
			cumulation_needs_evidence: false,
			forms: Vec::new(),
		};
		assert!(rule.judges(Form::NonPreferential));
		let preferential = OriginRule { forms: [Form::EaeuCt1].to_vec(), ..rule };
		assert!(preferential.judges(Form::EaeuCt1));
		assert!(!preferential.judges(Form::NonPreferential));
	}
}
