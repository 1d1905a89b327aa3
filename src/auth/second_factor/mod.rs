//! The second factor of staff accounts: after the password, a six-digit code from an
//! authenticator app (TOTP, RFC 6238, [`totp`]), or one of ten single-use recovery codes
//! ([`recovery`]) when the phone is lost.
//!
//! How it is enforced, in one place each:
//! - **Who must have one**: [`second_factor_required`]. Admins always; everyone else when the
//!   settings ask it of every role ([`required_for`]).
//! - **Logging in**: a right password for an account with a factor makes a *pending login*
//!   (five minutes, one use, no session) and the code page turns it into a session
//!   (`auth::routes::login_code`).
//! - **Every staff page**: the `Staff` extractor asks [`store::gate`] on each request. A session
//!   whose owner must set a factor up opens only the set-up pages; a session that never gave
//!   the code of an account that has a factor (made some other way) opens nothing.

pub mod recovery;
pub mod store;
pub mod totp;

use super::domain::Role;
use crate::config::ServerSite;
use crate::db::DbConnection;

pub use recovery::RecoveryCode;
pub use store::{gate, Gate};
pub use totp::{Secret, TotpCode};

/// Where a person sets up (or renews) their second factor; the pages a half-enrolled session
/// is sent to.
pub const SETUP_PATH: &str = "/account/second-factor";

/// Whether an account of `role` must have a second factor before it may open any staff page.
/// Admins always must: they manage accounts and can read everything. Facilitators and viewers
/// must when `for_all` is on. The one place this is decided: the login, the extractor and the
/// pages all ask here, so a setting read from the database later changes only what is passed.
pub fn second_factor_required(role: Role, for_all: bool) -> bool {
    role == Role::Admin || for_all
}

/// Whether an account of `role` must have a second factor on this site now: admins always;
/// the others when the settings page (or the server's `--second-factor-for-all`, which wins)
/// asks it of every role. The setting is read only for the roles it concerns.
pub fn required_for(
    conn: &mut DbConnection, role: Role, server: &ServerSite,
) -> diesel::QueryResult<bool> {
    if second_factor_required(role, false) {
        return Ok(true);
    }
    let for_all = crate::settings::second_factor_for_all(conn, server)?;
    Ok(second_factor_required(role, for_all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_always_need_a_second_factor_others_when_the_server_says_so() {
        for for_all in [false, true] {
            assert!(second_factor_required(Role::Admin, for_all));
            assert_eq!(second_factor_required(Role::Facilitator, for_all), for_all);
            assert_eq!(second_factor_required(Role::Viewer, for_all), for_all);
        }
    }
}
