//! The theme board: facilitators group a topic's free-text answers into themes (emner), write
//! key points (hovedpointer) and choose quotes (citater), helped by offline suggestions from
//! `cluster`. Personal data in answers is flagged here and masked in exports.

pub mod pii;
pub mod routes;
pub mod store;
pub mod views;
