//! Tracks, topics and workshops: the structure a facilitator prepares.

pub mod routes;
pub mod store;
pub mod views;
