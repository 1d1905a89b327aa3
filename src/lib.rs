//! deltag: participation tracks for the National Partnership against Homelessness.
//! Participants answer accessible surveys on their phones; facilitators turn the answers into
//! themes and key points; council staff export them.

pub mod audit;
pub mod auth;
pub mod cli;
pub mod cluster;
pub mod config;
pub mod crypto;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod i18n;
pub mod mail;
pub mod participant;
pub mod retention;
pub mod room;
pub mod settings;

pub mod startup;
pub mod survey;
pub mod telemetry;
pub mod text;
pub mod themes;
pub mod throttle;
pub mod web;
