//! The participant side: join by QR code or typed code, consent, one question per page, check
//! answers, finish, withdraw, clear a shared phone.

pub mod domain;
pub mod routes;
pub mod store;
pub mod views;
