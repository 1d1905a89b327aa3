//! The theme board: facilitators group a topic's free-text answers into themes (emner), write
//! key points (hovedpointer) and choose quotes (citater), helped by offline suggestions from
//! `cluster`. Personal data in answers is flagged here and masked in exports.
//!
//! Other features read the board through what is re-exported here.

pub mod domain;
pub mod guide;
pub(crate) mod names;
pub mod pii;
pub mod routes;
pub mod store;
pub mod views;

pub use domain::QuoteStatus;
pub use store::{
    add_key_point, approved_quotes, assign, board_answers, create_quote, create_theme,
    keep_approved_quotes, links, list_key_points, list_themes, order_key_points,
    quote_themes_of_topic, set_quote_approved, BoardAnswer, BoardData, KeyPoint, Link, QuoteRow,
    Theme,
};
