//! # tamga-exchange
//!
//! The node side of Tamga's information space between administrations: what travels is
//! sealed to the receiving administration's exchange key ([`seal`]), which that
//! administration derives from its exchange secret ([`secret`]).

pub mod seal;
pub mod secret;

pub use seal::{open, seal, OpenError, SealContext, SealError, Sealed};
pub use secret::{ExchangeSecret, SecretFileError};
