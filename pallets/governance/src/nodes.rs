//! Approved nodes: the consortium approves each node (PeerId and address) that may
//! connect; the consortium, or the node's own administration, removes it. What a PeerId
//! and an address may look like is checked in [`crate::node_admission`].

use alloc::vec::Vec;

use frame_support::{ensure, traits::Get};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	country::CountryCode,
	node_admission::{self, ApprovedNode, PeerIdText},
	Administrations, Config, Error, Event, Nodes, Pallet,
};

/// Who removes an approved node.
pub(crate) enum NodeRemover {
	/// The consortium, by vote: any node.
	Consortium,
	/// An administration, without a vote: its own nodes only.
	Administration(CountryCode),
}

impl<T: Config> Pallet<T> {
	/// Approves node `peer_id` of `country`'s administration, listening on `address`.
	pub(crate) fn do_approve_node(
		country: CountryCode,
		peer_id: Vec<u8>,
		address: Vec<u8>,
	) -> DispatchResult {
		ensure!(Administrations::<T>::contains_key(country), Error::<T>::UnknownAdministration);
		let peer_id = Self::insert_node(country, peer_id, address)?;
		Self::deposit_event(Event::NodeApproved { country, peer_id });
		Ok(())
	}

	/// Withdraws the approval of node `peer_id`, as `remover` may.
	pub(crate) fn do_remove_node(remover: NodeRemover, peer_id: Vec<u8>) -> DispatchResult {
		let peer_id = node_admission::peer_id(peer_id).ok_or(Error::<T>::InvalidPeerId)?;
		let node = Nodes::<T>::get(&peer_id).ok_or(Error::<T>::UnknownNode)?;
		if let NodeRemover::Administration(country) = remover {
			ensure!(node.country == country, Error::<T>::NotYourNode);
		}
		Nodes::<T>::remove(&peer_id);
		Self::deposit_event(Event::NodeRemoved { country: node.country, peer_id });
		Ok(())
	}

	/// Validates and stores an approved node; returns its PeerId.
	pub(crate) fn insert_node(
		country: CountryCode,
		peer_id: Vec<u8>,
		address: Vec<u8>,
	) -> Result<PeerIdText, DispatchError> {
		let peer_id = node_admission::peer_id(peer_id).ok_or(Error::<T>::InvalidPeerId)?;
		let address = node_admission::address(address).ok_or(Error::<T>::InvalidAddress)?;
		ensure!(!Nodes::<T>::contains_key(&peer_id), Error::<T>::NodeExists);
		ensure!(Nodes::<T>::count() < T::MaxNodes::get(), Error::<T>::TooManyNodes);
		Nodes::<T>::insert(&peer_id, ApprovedNode { country, address });
		Ok(peer_id)
	}

	/// (PeerId, address) text of every approved node, for the node's admission task.
	pub fn approved_nodes() -> Vec<(Vec<u8>, Vec<u8>)> {
		Nodes::<T>::iter()
			.map(|(peer, node)| (peer.into_inner(), node.address.into_inner()))
			.collect()
	}

	/// (PeerId text, administration) of every approved node: who a connected peer acts
	/// for.
	pub fn approved_node_countries() -> Vec<(Vec<u8>, CountryCode)> {
		Nodes::<T>::iter().map(|(peer, node)| (peer.into_inner(), node.country)).collect()
	}
}
