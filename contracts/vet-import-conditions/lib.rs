//! `vet-import-conditions`: one importing administration's veterinary import conditions,
//! as an ink! contract the chain asks before it anchors a document for goods going to that
//! administration's country.
//!
//! Its owner (the administration that deployed it) lists the HS chapters whose goods need
//! a veterinary certificate, and bans goods (an HS prefix) from a country over a range of
//! days: the outbreak response that must apply at once, without a runtime upgrade. A
//! document for banned goods is rejected while the ban is in force, and registered with a
//! warning in the 30 days before it starts. A document of another kind for goods that
//! need a veterinary certificate stands, with a warning that one is needed besides.

#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = tamga_rules::TamgaEnvironment)]
mod vet_import_conditions {
	use ink::prelude::vec::Vec;
	pub use tamga_rules::policy::Ban;
	use tamga_rules::{chapter, goods_refusal, reasons, DocumentKind, RuleInput, Verdict};

	/// The most bans kept (lifted ones included, for the record).
	pub const MAX_BANS: usize = 256;

	/// How many days before a ban starts documents get a warning.
	pub const WARNING_DAYS: u32 = 30;

	/// Why the owner's change was refused.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// Only the administration that deployed the contract changes its conditions.
		NotOwner,
		/// A chapter outside 1..=99, or listed twice.
		BadChapter,
		/// A prefix that is not 1 to 6 digits, or ends before it starts.
		BadBan,
		/// More than [`MAX_BANS`] bans.
		TooManyBans,
		/// No ban with this number.
		UnknownBan,
	}

	/// The contract's state.
	#[ink(storage)]
	pub struct VetImportConditions {
		owner: AccountId,
		/// HS chapters whose goods need a veterinary certificate.
		chapters: Vec<u8>,
		/// Bans, in the order they were imposed (their number is their position).
		bans: Vec<Ban>,
	}

	/// A ban was imposed.
	#[ink(event)]
	pub struct BanImposed {
		/// Its number.
		number: u32,
		/// The ban.
		ban: Ban,
	}

	/// A ban was lifted.
	#[ink(event)]
	pub struct BanLifted {
		/// Its number.
		number: u32,
		/// Its last day.
		until_day: u32,
	}

	/// Chapters 1 to 99, each at most once (so at most 99).
	fn checked_chapters(chapters: &[u8]) -> Result<(), Error> {
		let valid = chapters.iter().all(|c| (1..=99).contains(c));
		let unique = chapters.iter().enumerate().all(|(i, c)| !chapters[i + 1..].contains(c));
		match valid && unique {
			true => Ok(()),
			false => Err(Error::BadChapter),
		}
	}

	impl VetImportConditions {
		/// Deploys the contract with the chapters that need a veterinary certificate; the
		/// caller owns it.
		#[ink(constructor)]
		pub fn new(chapters: Vec<u8>) -> Result<Self, Error> {
			checked_chapters(&chapters)?;
			Ok(Self { owner: Self::env().caller(), chapters, bans: Vec::new() })
		}

		fn only_owner(&self) -> Result<(), Error> {
			match self.env().caller() == self.owner {
				true => Ok(()),
				false => Err(Error::NotOwner),
			}
		}

		/// Replaces the chapters that need a veterinary certificate (owner only).
		#[ink(message)]
		pub fn set_chapters(&mut self, chapters: Vec<u8>) -> Result<(), Error> {
			self.only_owner()?;
			checked_chapters(&chapters)?;
			self.chapters = chapters;
			Ok(())
		}

		/// Imposes `ban` (owner only); returns its number.
		#[ink(message)]
		pub fn impose_ban(&mut self, ban: Ban) -> Result<u32, Error> {
			self.only_owner()?;
			if !ban.is_well_formed() {
				return Err(Error::BadBan);
			}
			if self.bans.len() >= MAX_BANS {
				return Err(Error::TooManyBans);
			}
			let number = self.bans.len() as u32;
			self.bans.push(ban.clone());
			self.env().emit_event(BanImposed { number, ban });
			Ok(number)
		}

		/// Lifts ban `number` after day `until_day` (owner only); the ban stays on record.
		#[ink(message)]
		pub fn lift_ban(&mut self, number: u32, until_day: u32) -> Result<(), Error> {
			self.only_owner()?;
			let ban = self.bans.get_mut(number as usize).ok_or(Error::UnknownBan)?;
			if until_day < ban.from_day {
				return Err(Error::BadBan);
			}
			ban.until_day = Some(until_day);
			self.env().emit_event(BanLifted { number, until_day });
			Ok(())
		}

		/// The chapters that need a veterinary certificate.
		#[ink(message)]
		pub fn chapters(&self) -> Vec<u8> {
			self.chapters.clone()
		}

		/// Every ban, lifted ones included.
		#[ink(message)]
		pub fn bans(&self) -> Vec<Ban> {
			self.bans.clone()
		}

		/// The verdict on a document with `input`'s facts.
		#[ink(message)]
		pub fn validate(&self, input: RuleInput) -> Verdict {
			judge(&self.chapters, &self.bans, &input)
		}
	}

	/// The conditions applied to `input`: a ban in force rejects; an announced ban warns,
	/// then a veterinary certificate for goods that need none, then another document for
	/// goods that also need a veterinary certificate.
	pub fn judge(chapters: &[u8], bans: &[Ban], input: &RuleInput) -> Verdict {
		if let Some(reason) = goods_refusal(&input.hs_codes) {
			return Verdict::Reject(reason);
		}
		let covering = |hs: u32| bans.iter().filter(move |b| b.covers(&input.exporting, hs));
		if input.hs_codes.iter().any(|hs| covering(*hs).any(|b| b.in_force_on(input.day))) {
			return Verdict::Reject(reasons::BANNED_ORIGIN);
		}
		let needs_certificate = input.hs_codes.iter().any(|hs| chapters.contains(&chapter(*hs)));
		let soon = input.day.saturating_add(WARNING_DAYS);
		if input
			.hs_codes
			.iter()
			.any(|hs| covering(*hs).any(|b| b.from_day > input.day && b.from_day <= soon))
		{
			return Verdict::Warn(reasons::BAN_ANNOUNCED);
		}
		if !needs_certificate && input.kind == DocumentKind::Veterinary {
			return Verdict::Warn(reasons::NO_VETERINARY_CHAPTER);
		}
		// A certificate of origin for such goods is fine; the goods also need a veterinary
		// certificate at the border, which the record reminds of.
		if needs_certificate && input.kind != DocumentKind::Veterinary {
			return Verdict::Warn(reasons::VETERINARY_CERTIFICATE_REQUIRED);
		}
		Verdict::Accept
	}

	#[cfg(test)]
	mod tests {
		use super::*;
		use tamga_rules::Form;

		const TODAY: u32 = 20_600;

		/// KG's conditions: live animals (01), meat (02), dairy (04) need a certificate.
		fn kg() -> VetImportConditions {
			VetImportConditions::new([1, 2, 4].to_vec()).unwrap()
		}

		fn document(kind: DocumentKind, exporting: &[u8; 2], hs: u32, day: u32) -> RuleInput {
			let form = match kind {
				DocumentKind::Veterinary => Form::Veterinary,
				DocumentKind::Origin => Form::EaeuCt1,
				DocumentKind::Phytosanitary => Form::Phytosanitary,
			};
			RuleInput {
				kind,
				form,
				exporting: *exporting,
				importing: *b"KG",
				hs_codes: [hs].to_vec(),
				day,
				production: None,
			}
		}

		/// Beef (0201 30) from KZ, on a veterinary certificate, on `day`.
		fn beef(day: u32) -> RuleInput {
			document(DocumentKind::Veterinary, b"KZ", 20130, day)
		}

		fn foot_and_mouth_ban(from_day: u32, until_day: Option<u32>) -> Ban {
			// Meat and offal (headings 0201 to 0209) from KZ: prefix 020, 3 digits.
			Ban { exporting: *b"KZ", hs_prefix: 20, digits: 3, from_day, until_day }
		}

		#[ink::test]
		fn goods_of_listed_chapters_need_a_veterinary_certificate() {
			let contract = kg();
			assert_eq!(contract.validate(beef(TODAY)), Verdict::Accept);
			let on_origin_certificate = document(DocumentKind::Origin, b"KZ", 20130, TODAY);
			assert_eq!(
				contract.validate(on_origin_certificate),
				Verdict::Warn(reasons::VETERINARY_CERTIFICATE_REQUIRED)
			);
			let wheat = document(DocumentKind::Origin, b"KZ", 100199, TODAY);
			assert_eq!(contract.validate(wheat), Verdict::Accept);
			let wheat_on_vet = document(DocumentKind::Veterinary, b"KZ", 100199, TODAY);
			assert_eq!(
				contract.validate(wheat_on_vet),
				Verdict::Warn(reasons::NO_VETERINARY_CHAPTER)
			);
		}

		#[ink::test]
		fn a_ban_rejects_while_in_force_warns_before_and_ends_when_lifted() {
			let mut contract = kg();
			let number = contract.impose_ban(foot_and_mouth_ban(TODAY + 10, None)).unwrap();
			assert_eq!(contract.validate(beef(TODAY)), Verdict::Warn(reasons::BAN_ANNOUNCED));
			assert_eq!(contract.validate(beef(TODAY - 40)), Verdict::Accept);
			assert_eq!(
				contract.validate(beef(TODAY + 10)),
				Verdict::Reject(reasons::BANNED_ORIGIN)
			);
			// Other goods, and the same goods from elsewhere, are not banned.
			let milk = document(DocumentKind::Veterinary, b"KZ", 40120, TODAY + 10);
			assert_eq!(contract.validate(milk), Verdict::Accept);
			let russian_beef = document(DocumentKind::Veterinary, b"RU", 20130, TODAY + 10);
			assert_eq!(contract.validate(russian_beef), Verdict::Accept);
			// Lifted after day TODAY + 20: in force until then, not after.
			contract.lift_ban(number, TODAY + 20).unwrap();
			assert_eq!(
				contract.validate(beef(TODAY + 20)),
				Verdict::Reject(reasons::BANNED_ORIGIN)
			);
			assert_eq!(contract.validate(beef(TODAY + 21)), Verdict::Accept);
			assert_eq!(contract.bans()[0].until_day, Some(TODAY + 20));
			assert_eq!(ink::env::test::recorded_events().count(), 2);
		}

		#[ink::test]
		fn only_the_owner_changes_the_conditions_and_bad_ones_are_refused() {
			let accounts = ink::env::test::default_accounts::<ink::env::DefaultEnvironment>();
			ink::env::test::set_caller::<ink::env::DefaultEnvironment>(accounts.alice);
			let mut contract = kg();
			ink::env::test::set_caller::<ink::env::DefaultEnvironment>(accounts.bob);
			assert_eq!(contract.set_chapters([3].to_vec()), Err(Error::NotOwner));
			assert_eq!(contract.impose_ban(foot_and_mouth_ban(TODAY, None)), Err(Error::NotOwner));
			assert_eq!(contract.chapters(), [1, 2, 4].to_vec());
			ink::env::test::set_caller::<ink::env::DefaultEnvironment>(accounts.alice);
			assert_eq!(contract.set_chapters([0].to_vec()), Err(Error::BadChapter));
			assert_eq!(contract.set_chapters([2, 4, 2].to_vec()), Err(Error::BadChapter));
			assert_eq!(contract.lift_ban(0, TODAY), Err(Error::UnknownBan));
			let backwards = foot_and_mouth_ban(TODAY, Some(TODAY - 1));
			assert_eq!(contract.impose_ban(backwards), Err(Error::BadBan));
			let too_long = Ban { digits: 7, ..foot_and_mouth_ban(TODAY, None) };
			assert_eq!(contract.impose_ban(too_long), Err(Error::BadBan));
			let wide = Ban { hs_prefix: 1_000, digits: 3, ..foot_and_mouth_ban(TODAY, None) };
			assert_eq!(contract.impose_ban(wide), Err(Error::BadBan));
			for _ in 0..MAX_BANS {
				contract.impose_ban(foot_and_mouth_ban(TODAY, None)).unwrap();
			}
			assert_eq!(
				contract.impose_ban(foot_and_mouth_ban(TODAY, None)),
				Err(Error::TooManyBans)
			);
			assert_eq!(contract.validate(beef(TODAY)), Verdict::Reject(reasons::BANNED_ORIGIN));
			assert!(matches!(VetImportConditions::new([100].to_vec()), Err(Error::BadChapter)));
		}

		#[ink::test]
		fn a_document_without_goods_or_with_a_bad_hs_code_is_refused() {
			let mut empty = beef(TODAY);
			empty.hs_codes.clear();
			assert_eq!(kg().validate(empty), Verdict::Reject(reasons::NO_GOODS));
			// A ten-digit code would slip past chapters and bans: refused as such.
			let mut ten_digits = beef(TODAY);
			ten_digits.hs_codes = [201_300_000].to_vec();
			assert_eq!(kg().validate(ten_digits), Verdict::Reject(reasons::INVALID_HS_CODE));
		}
	}
}
