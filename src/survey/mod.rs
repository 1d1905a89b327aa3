//! Tracks, topics and workshops: the structure a facilitator prepares.

pub mod domain;
pub mod qr;
pub mod routes;
pub mod store;
pub mod views;
