//! # Tamga primitives
//!
//! The vocabulary every Tamga pallet, the runtime, the node and the tools share, defined
//! once (no_std):
//!
//! - [`country`]: [`CountryCode`], an assigned ISO 3166-1 alpha-2 code, the identity of an
//!   administration.
//! - [`calendar`]: the days-since-1970 counts Tamga stores as validity windows.
//! - [`party`]: a party's [`Role`] and the [`DocumentKind`]s an issuer is accredited for.
//! - [`goods`]: [`HsCode`], a Harmonized System subheading.
//! - [`names`]: one canonical name per value of a closed list ([`Named`]), read and
//!   printed the same way by the RPC, the `tamga` tool and the pages.
//! - [`permissions`]: the [`Permissions`] question every pallet asks before acting, the
//!   reasons it is refused ([`Denied`]) and what a verifier is told of a party.
//! - [`exchange`]: what one administration grants another of a document ([`Access`],
//!   [`FieldGroup`], [`Grants`]) and the commitment over a document's field groups.
//! - [`voiding`]: why what a party anchored is void whatever its own status says
//!   ([`Voiding`]), and the [`OnAdministrationLeft`] hook.
//!
//! The governance pallet implements [`Permissions`]; the other pallets depend on this
//! crate, not on governance.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod calendar;
pub mod country;
pub mod exchange;
pub mod goods;
pub mod names;
pub mod party;
pub mod permissions;
pub mod voiding;

pub use country::{CountryCode, CountryCodeError};
pub use exchange::{
	Access, AppendixKind, FieldGroup, FieldGroups, Grant, Grants, ReceiptStatus, ReceiptStatusName,
	Refusal, FIELD_GROUPS,
};
pub use goods::{HsCode, InvalidHsCode};
pub use names::{Named, UnknownName};
pub use party::{DocumentKind, DocumentKinds, Role};
pub use permissions::{Denied, PartySummary, Permissions};
pub use voiding::{OnAdministrationLeft, Voiding};

/// What [`impl_named!`] expands to needs; not part of the API.
#[doc(hidden)]
pub mod __private {
	pub use alloc::{format, string::String};
	#[cfg(feature = "std")]
	pub use serde;
}

/// Implements `From<Denied>` for pallet error type `$error`, whose variant
/// `Denied(tamga_primitives::Denied)` carries the reason: every Tamga pallet nests the same
/// reasons once, so users read one vocabulary and a new reason is added in one place.
/// Invoke it inside the pallet module, after the error enum.
#[macro_export]
macro_rules! impl_from_denied {
	($error:ident) => {
		impl<T> From<$crate::Denied> for $error<T> {
			fn from(denied: $crate::Denied) -> Self {
				$error::Denied(denied)
			}
		}
	};
}
