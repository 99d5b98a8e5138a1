//! How the store's values are written to and read from SQLite.

use std::str::FromStr;

use codec::{Decode, DecodeLimit, Encode};
use rusqlite::{types::FromSql, Row};
use tamga_primitives::FieldGroups;

use super::StoreError;
use crate::{disclosure::DEPTH_LIMIT, seal::Sealed};

/// Unix milliseconds as SQLite stores them.
pub(super) fn ms(at: u64) -> i64 {
	i64::try_from(at).unwrap_or(i64::MAX)
}

/// A set of groups as SQLite stores it: its bits.
pub(super) fn groups_bits(groups: FieldGroups) -> i64 {
	groups.encode()[0].into()
}

/// Reads the columns of one row of `table`, as this code wrote them.
pub(super) struct Cells<'a, 'r> {
	pub(super) row: &'a Row<'r>,
	pub(super) table: &'static str,
}

impl Cells<'_, '_> {
	/// `column`, a type SQLite converts to.
	pub(super) fn get<T: FromSql>(&self, column: &'static str) -> Result<T, StoreError> {
		Ok(self.row.get(column)?)
	}

	/// `column`, read as `V` and made a `T` by `read`.
	pub(super) fn read<V: FromSql, T>(
		&self,
		column: &'static str,
		read: impl FnOnce(V) -> Option<T>,
	) -> Result<T, StoreError> {
		read(self.get(column)?).ok_or(StoreError::Corrupt { table: self.table, column })
	}

	/// `column`, NULL or read as `V` and made a `T` by `read`.
	pub(super) fn read_opt<V: FromSql, T>(
		&self,
		column: &'static str,
		read: impl FnOnce(V) -> Option<T>,
	) -> Result<Option<T>, StoreError> {
		match self.get::<Option<V>>(column)? {
			None => Ok(None),
			Some(value) => {
				read(value).map(Some).ok_or(StoreError::Corrupt { table: self.table, column })
			},
		}
	}

	/// `column`, unix milliseconds or a count.
	pub(super) fn unsigned(&self, column: &'static str) -> Result<u64, StoreError> {
		self.read(column, |value: i64| u64::try_from(value).ok())
	}

	/// `column`, NULL or unix milliseconds.
	pub(super) fn unsigned_opt(&self, column: &'static str) -> Result<Option<u64>, StoreError> {
		self.read_opt(column, |value: i64| u64::try_from(value).ok())
	}

	/// `column`, a value written as its name (a country, a state, a refusal).
	pub(super) fn named<T: FromStr>(&self, column: &'static str) -> Result<T, StoreError> {
		self.read(column, |text: String| text.parse().ok())
	}

	/// `column`, a set of groups.
	pub(super) fn groups(&self, column: &'static str) -> Result<FieldGroups, StoreError> {
		self.read(column, |bits: u8| FieldGroups::decode(&mut &[bits][..]).ok())
	}

	/// `column`, an envelope.
	pub(super) fn envelope(&self, column: &'static str) -> Result<Sealed, StoreError> {
		self.read(column, |bytes: Vec<u8>| {
			Sealed::decode_all_with_depth_limit(DEPTH_LIMIT, &mut &bytes[..]).ok()
		})
	}
}
