//! How a pallet turns a [`Denied`](crate::Denied) into its own typed error: every Tamga
//! pallet names the same reasons the same way, so users read one vocabulary.

/// Implements `From<Denied>` for pallet error type `$error`, mapping each reason to the
/// variant of the same meaning (`AccreditationNotYetValid`, `AccreditationExpired`,
/// `AccreditationSuspended`, `AccreditationRevoked` for the accreditation's state) and
/// `AfterKeyCutoff` to `$cutoff`. Invoke it inside the pallet module, after the error enum.
#[macro_export]
macro_rules! impl_from_denied {
	($error:ident, $cutoff:ident) => {
		impl<T> From<$crate::Denied> for $error<T> {
			fn from(denied: $crate::Denied) -> Self {
				match denied {
					$crate::Denied::NotMember => $error::NotMember,
					$crate::Denied::NotAccredited => $error::NotAccredited,
					$crate::Denied::WrongRole => $error::WrongRole,
					$crate::Denied::WrongCountry => $error::WrongCountry,
					$crate::Denied::KindNotAccredited => $error::KindNotAccredited,
					$crate::Denied::NotYetValid => $error::AccreditationNotYetValid,
					$crate::Denied::Expired => $error::AccreditationExpired,
					$crate::Denied::Suspended => $error::AccreditationSuspended,
					$crate::Denied::Revoked => $error::AccreditationRevoked,
					$crate::Denied::AdministrationGone => $error::AdministrationGone,
					$crate::Denied::AfterKeyCutoff => $error::$cutoff,
				}
			}
		}
	};
}
