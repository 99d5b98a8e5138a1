//! Storage migrations of the certificates pallet, one module per storage version.

/// Version 0 → 1: fills [`DocumentsByNumber`](crate::DocumentsByNumber) for every document
/// anchored before the index existed.
pub mod v1 {
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{Config, Documents, DocumentsByNumber, Numbers, Pallet};

	/// Indexes every document of [`Numbers`] by its country and number. One pass over the
	/// documents anchored one by one (batch members have no number on chain): a consortium
	/// chain holds few enough when this runs (thousands; a read and a write each) for one
	/// block.
	pub struct IndexNumbers<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for IndexNumbers<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut indexed = 0u64;
			let mut read = 0u64;
			for (_, number, id) in Numbers::<T>::iter() {
				read += 2;
				if let Some(record) = Documents::<T>::get(id) {
					DocumentsByNumber::<T>::insert((record.facts.exporting, &number, id), ());
					indexed += 1;
				}
			}
			log::info!(
				target: "tamga::migrations",
				"certificates v1: indexed {indexed} documents by country and number"
			);
			T::DbWeight::get().reads_writes(read, indexed)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Numbers::<T>::iter().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let numbered = u64::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
			let indexed = DocumentsByNumber::<T>::iter().count() as u64;
			frame_support::ensure!(indexed == numbered, "every numbered document is indexed");
			Ok(())
		}
	}

	/// [`IndexNumbers`], run once: only while the pallet's storage version is 0, which it
	/// then sets to 1.
	pub type Migration<T> =
		VersionedMigration<0, 1, IndexNumbers<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 1 → 2: stores the built-in document types in the registry
/// ([`DocumentTypes`](crate::DocumentTypes)), which every call now reads to know what a
/// record's kind is. Records keep their layout: a kind was and is one byte, and the
/// built-in ids are the former closed list's values in order, so every document anchored
/// before still verifies, is used and revoked as it was.
pub mod v2 {
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{CertificateKind, Config, Pallet};

	/// Stores the built-in entries the registry lacks.
	pub struct StoreBuiltInTypes<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for StoreBuiltInTypes<T> {
		fn on_runtime_upgrade() -> Weight {
			let stored = Pallet::<T>::store_built_in_types();
			log::info!(
				target: "tamga::migrations",
				"certificates v2: stored {stored} built-in document types in the registry"
			);
			let built_in = CertificateKind::BUILT_IN_COUNT as u64;
			T::DbWeight::get().reads_writes(built_in + 1, stored as u64 + 1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			frame_support::ensure!(
				crate::DocumentTypes::<T>::iter().next().is_none(),
				"the registry is empty before v2"
			);
			Ok((crate::Documents::<T>::iter().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let documents = u64::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
			for kind in CertificateKind::built_ins() {
				frame_support::ensure!(
					crate::DocumentTypes::<T>::get(kind) == kind.built_in(),
					"every built-in type is stored as the code defines it"
				);
			}
			let mut known = 0u64;
			for record in crate::Documents::<T>::iter_values() {
				frame_support::ensure!(
					crate::DocumentTypes::<T>::contains_key(record.facts.kind),
					"every anchored document's type is in the registry"
				);
				known += 1;
			}
			frame_support::ensure!(known == documents, "every record still decodes");
			Ok(())
		}
	}

	/// [`StoreBuiltInTypes`], run once: only while the pallet's storage version is 1, which
	/// it then sets to 2.
	pub type Migration<T> = VersionedMigration<
		1,
		2,
		StoreBuiltInTypes<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
