//! One canonical name per value of a closed domain list (a role, a kind of document, a
//! revocation reason, ...), shared by the RPC answers, the `tamga` tool's flags and the
//! pages, so a word is spelt one way everywhere.
//!
//! Names are lowerCamelCase, the convention of the JSON answers (`approvedExporter`,
//! `ataGuarantee`). Reading a name ignores case, `-` and `_`, so the tool's users may
//! type `approved-exporter` as flags are usually written; what is printed is always the
//! canonical name.

/// A closed list of values, each with one canonical name. Implement it with
/// [`impl_named!`](crate::impl_named).
pub trait Named: Sized + Copy + PartialEq + 'static {
	/// What one value is, in words, for errors (e.g. `role`).
	const WHAT: &'static str;
	/// Every value, in declaration order.
	const ALL: &'static [Self];

	/// The canonical name of `self`.
	fn name(self) -> &'static str;

	/// The value `text` names: its canonical name, ignoring case, `-` and `_`.
	fn from_name(text: &str) -> Option<Self> {
		Self::ALL.iter().copied().find(|value| same_name(value.name(), text))
	}

	/// Every canonical name, in declaration order.
	fn names() -> impl Iterator<Item = &'static str> {
		Self::ALL.iter().map(|value| value.name())
	}
}

/// Whether `text` spells `name`, ignoring case, `-` and `_`.
pub fn same_name(name: &str, text: &str) -> bool {
	let mut typed = text.bytes().filter(|b| *b != b'-' && *b != b'_');
	let mut canonical = name.bytes().filter(|b| *b != b'-' && *b != b'_');
	loop {
		match (canonical.next(), typed.next()) {
			(None, None) => return true,
			(Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => continue,
			_ => return false,
		}
	}
}

/// Why a text names no value of a [`Named`] list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownName {
	/// What a value of the list is, e.g. `role`.
	pub what: &'static str,
	/// The canonical names of the list.
	pub known: &'static [&'static str],
}

impl core::fmt::Display for UnknownName {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "is not a {}; one of: ", self.what)?;
		for (i, name) in self.known.iter().enumerate() {
			if i > 0 {
				f.write_str(", ")?;
			}
			f.write_str(name)?;
		}
		Ok(())
	}
}

#[cfg(feature = "std")]
impl std::error::Error for UnknownName {}

/// Implements [`Named`] for the fieldless enum `$type`, with `Display` (the canonical
/// name), `FromStr` (reading it, ignoring case, `-` and `_`, refused as [`UnknownName`])
/// and, under the invoking crate's `std` feature, serde as the name.
///
/// ```
/// use tamga_primitives::impl_named;
///
/// #[derive(Clone, Copy, PartialEq, Debug)]
/// enum Seal {
/// 	Wax,
/// 	Lead,
/// }
/// impl_named!(Seal, "seal", { Wax => "wax", Lead => "lead" });
///
/// assert_eq!("LEAD".parse::<Seal>(), Ok(Seal::Lead));
/// assert_eq!(Seal::Wax.to_string(), "wax");
/// assert!("tin".parse::<Seal>().is_err());
/// ```
#[macro_export]
macro_rules! impl_named {
	($type:ty, $what:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
		impl $type {
			/// The canonical names, in declaration order.
			pub const NAMES: &'static [&'static str] = &[$($name),+];

			/// The canonical name of `self`.
			pub fn as_str(self) -> &'static str {
				<Self as $crate::names::Named>::name(self)
			}
		}

		impl $crate::names::Named for $type {
			const WHAT: &'static str = $what;
			const ALL: &'static [Self] = &[$(<$type>::$variant),+];

			fn name(self) -> &'static str {
				match self {
					$(<$type>::$variant => $name),+
				}
			}
		}

		impl core::fmt::Display for $type {
			fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
				f.write_str(self.as_str())
			}
		}

		impl core::str::FromStr for $type {
			type Err = $crate::names::UnknownName;

			fn from_str(text: &str) -> Result<Self, Self::Err> {
				<Self as $crate::names::Named>::from_name(text).ok_or($crate::names::UnknownName {
					what: $what,
					known: <$type>::NAMES,
				})
			}
		}

		#[cfg(feature = "std")]
		impl $crate::__private::serde::Serialize for $type {
			fn serialize<S: $crate::__private::serde::Serializer>(
				&self,
				serializer: S,
			) -> Result<S::Ok, S::Error> {
				serializer.serialize_str(self.as_str())
			}
		}

		#[cfg(feature = "std")]
		impl<'de> $crate::__private::serde::Deserialize<'de> for $type {
			fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
				deserializer: D,
			) -> Result<Self, D::Error> {
				let text: $crate::__private::String =
					$crate::__private::serde::Deserialize::deserialize(deserializer)?;
				text.parse().map_err(|e: $crate::names::UnknownName| {
					<D::Error as $crate::__private::serde::de::Error>::custom(
						$crate::__private::format!("{text:?} {e}"),
					)
				})
			}
		}
	};
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{DocumentKind, Role};

	#[test]
	fn names_read_back_whatever_the_case_or_separators() {
		for role in Role::ALL {
			assert_eq!(Role::from_name(role.name()), Some(*role));
			assert_eq!(role.name().parse::<Role>(), Ok(*role));
		}
		assert_eq!("approved-exporter".parse::<Role>(), Ok(Role::ApprovedExporter));
		assert_eq!("APPROVED_EXPORTER".parse::<Role>(), Ok(Role::ApprovedExporter));
		assert_eq!("ata-guarantee".parse::<DocumentKind>(), Ok(DocumentKind::AtaGuarantee));
		assert_eq!(Role::ApprovedExporter.to_string(), "approvedExporter");
	}

	#[test]
	fn a_wrong_name_is_refused_with_the_list() {
		let refusal = "customsBroker".parse::<Role>().unwrap_err();
		assert_eq!(refusal.what, "role");
		assert_eq!(
			refusal.to_string(),
			"is not a role; one of: issuer, approvedExporter, exporter, officer, auditor, \
			 exchangeNode"
		);
		assert!("".parse::<Role>().is_err());
		assert!("issuers".parse::<Role>().is_err());
		assert!("issue".parse::<Role>().is_err());
	}

	#[test]
	fn names_are_unique_and_separator_free() {
		fn check<T: Named>() {
			let names: Vec<_> = T::names().collect();
			for (i, name) in names.iter().enumerate() {
				assert!(!name.contains(['-', '_', ' ']), "{name}");
				assert!(names[i + 1..].iter().all(|other| !same_name(name, other)), "{name} twice");
			}
		}
		check::<Role>();
		check::<DocumentKind>();
	}

	#[cfg(feature = "std")]
	#[test]
	fn serde_uses_the_name() {
		assert_eq!(serde_json::to_string(&DocumentKind::AtaGuarantee).unwrap(), "\"ataGuarantee\"");
		assert_eq!(serde_json::from_str::<Role>("\"officer\"").unwrap(), Role::Officer);
		let refusal = serde_json::from_str::<Role>("\"boss\"").unwrap_err().to_string();
		assert!(refusal.contains("\"boss\" is not a role"), "{refusal}");
	}
}
