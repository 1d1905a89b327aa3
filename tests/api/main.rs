//! The API test binary: every scenario runs on SQLite and on PostgreSQL.

mod helpers;

mod accounts;

mod admin;
mod architecture;
mod audit;
mod auth;
mod authorization;
mod board;
mod cli;
mod compression;
mod copy;
mod crash;
mod export;
mod guesses;
mod health;
mod migrations;
mod participant;
mod people;
mod phone_flow;
mod qr_decode;
mod quotes;
mod reports;
mod retention;
mod room;
mod second_factor;
mod security;
mod settings;
mod survey_helpers;
mod themes;
mod throttles;
mod translations;
mod workshops;
mod writes;
