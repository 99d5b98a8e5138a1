//! How a pallet turns a [`Denied`](crate::Denied) into its own typed error: every Tamga
//! pallet nests the same reasons once, as `Error::Denied(Denied)`, so users read one
//! vocabulary and a new reason is added in one place.

/// Implements `From<Denied>` for pallet error type `$error`, whose variant
/// `Denied(pallet_tamga_governance::Denied)` carries the reason. Invoke it inside the
/// pallet module, after the error enum.
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
