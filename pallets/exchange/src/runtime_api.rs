//! The runtime API through which the node's RPC and the `tamga` tool read agreements,
//! grants, exchange keys, field commitments, receipts and appended records.

use alloc::vec::Vec;
use sp_core::H256;
use tamga_primitives::{Access, CountryCode, DocumentKind, FieldGroups, FIELD_GROUPS};

use crate::{
	types::{Appendix, Receipt},
	view::{AgreementView, CommitmentView, DeliveryRefused, ReceiptsPage},
};

sp_api::decl_runtime_apis! {
	/// Reads of the exchange pallet. Version 2 added what nodes check when they deliver
	/// ([`delivery_check`](Self::delivery_check), [`receipt`](Self::receipt)); version 3
	/// the receipts of many deliveries in one call ([`receipts_of`](Self::receipts_of)).
	#[api_version(3)]
	pub trait ExchangeApi<BlockNumber> where BlockNumber: codec::Codec {
		/// Every agreement of `country` not terminated, as it sees them.
		fn agreements(country: CountryCode) -> Vec<AgreementView<BlockNumber>>;
		/// The agreement between `country` and `partner`, as `country` sees it.
		fn agreement(country: CountryCode, partner: CountryCode) -> Option<AgreementView<BlockNumber>>;
		/// What `from` grants `to` now for documents of `kind`, group by group.
		fn granted(from: CountryCode, to: CountryCode, kind: DocumentKind) -> [Access; FIELD_GROUPS];
		/// `country`'s exchange key.
		fn exchange_key(country: CountryCode) -> Option<[u8; 32]>;
		/// The field commitment of `document` and whether it reads as void.
		fn field_commitment(document: H256) -> Option<CommitmentView<BlockNumber>>;
		/// Page `page` of the receipts `to` recorded (from `from` only, if given), oldest
		/// first, `limit` a page (at most [`MAX_LISTED_RECEIPTS`](crate::MAX_LISTED_RECEIPTS)).
		fn receipts(to: CountryCode, from: Option<CountryCode>, page: u32, limit: u32) -> ReceiptsPage<BlockNumber>;
		/// The records appended to `document`, by number.
		fn appendices(document: H256) -> Vec<(u32, Appendix<BlockNumber>)>;
		/// Whether `from` may deliver `groups` of `document` to `to` now, and the field
		/// commitment to check them against (since version 2).
		fn delivery_check(from: CountryCode, to: CountryCode, document: H256, groups: FieldGroups) -> Result<H256, DeliveryRefused>;
		/// The receipt `to` recorded of `from`'s delivery `payload` of `document` (since
		/// version 2).
		fn receipt(to: CountryCode, from: CountryCode, document: H256, payload: H256) -> Option<Receipt<BlockNumber>>;
		/// The receipts `to` recorded of `deliveries` (sender, document, payload), in their
		/// order; at most [`MAX_RECEIPTS_OF`](crate::MAX_RECEIPTS_OF) are read, the rest
		/// answered `None` (since version 3).
		fn receipts_of(to: CountryCode, deliveries: Vec<(CountryCode, H256, H256)>) -> Vec<Option<Receipt<BlockNumber>>>;
	}
}
