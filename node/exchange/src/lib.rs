//! # tamga-exchange
//!
//! The node side of Tamga's information space between administrations: what travels is
//! a [`Disclosure`] of a document's field groups ([`disclosure`]), sealed to the receiving
//! administration's exchange key ([`seal`]), which that administration derives from its
//! exchange secret ([`secret`]). Nodes push it to each other over `/tamga/exchange/1`
//! ([`wire`]); the sender's outbox and the receiver's inbox live in one SQLite file
//! ([`store`]). The receiver checks what arrived against the document's field commitment
//! ([`check_arrival`]) before its receipt goes on chain.

pub mod disclosure;
pub mod seal;
pub mod secret;
pub mod store;
pub mod wire;

pub use disclosure::{check_arrival, Disclosure};
pub use seal::{open, seal, OpenError, SealContext, SealError, Sealed};
pub use secret::{ExchangeSecret, SecretFileError};
pub use store::{
	InboxKey, InboxRow, InboxState, NewInbox, OutboxRow, OutboxState, Store, StoreError,
};
pub use wire::{Answer, Delivery, Request, Returned};
