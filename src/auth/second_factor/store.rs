//! Second factors, recovery codes and pending logins in the database. Synchronous diesel
//! functions; the ones that change several rows expect to run inside the caller's write
//! transaction (`Db::write`, `audit::change`).

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use subtle::ConstantTimeEq;

use super::recovery::RecoveryCode;
use super::totp::{Secret, TotpCode};
use crate::auth::store::{self as accounts, StaffSession, User};
use crate::config::ServerSite;
use crate::crypto::{random_token, token_hash};
use crate::db::schema::{pending_logins, recovery_codes, second_factors, staff_sessions, users};
use crate::db::{now, update_or_insert, DbConnection, UserId};

// ---- who may open what --------------------------------------------------------------------

/// What a live session may open, decided on every staff request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Every page its role allows.
    Open,
    /// Only the set-up pages (and logout): the account must have a second factor and has none.
    MustEnrol,
    /// Nothing: the account has a second factor and this session never gave its code.
    NeedsCode,
}

/// The gate of `session` (of `user`): see [`Gate`]. `server`: the settings the server's flags
/// fix (see [`super::required_for`]).
pub fn gate(
    conn: &mut DbConnection, session: &StaffSession, user: &User, server: &ServerSite,
) -> QueryResult<Gate> {
    if enabled_at(conn, &user.id)?.is_some() {
        return Ok(if session.second_factor_verified { Gate::Open } else { Gate::NeedsCode });
    }
    Ok(if super::required_for(conn, user.role, server)? { Gate::MustEnrol } else { Gate::Open })
}

/// When `user`'s second factor was set up; `None` when they have none.
pub fn enabled_at(conn: &mut DbConnection, user: &UserId) -> QueryResult<Option<NaiveDateTime>> {
    Ok(second_factors::table
        .find(user)
        .select(second_factors::enabled_at)
        .first::<Option<NaiveDateTime>>(conn)
        .optional()?
        .flatten())
}

/// The accounts that have a second factor (for the users page).
pub fn users_with_factor(conn: &mut DbConnection) -> QueryResult<HashSet<UserId>> {
    Ok(second_factors::table
        .filter(second_factors::enabled_at.is_not_null())
        .select(second_factors::user_id)
        .load::<UserId>(conn)?
        .into_iter()
        .collect())
}

// ---- setting up -----------------------------------------------------------------------------

/// The secret being set up for `user`: the one shown before, so a reloaded page shows the
/// same QR code as the app scanned, or else a new one, kept until a code confirms it.
pub fn setup_secret(conn: &mut DbConnection, user: &UserId) -> QueryResult<Secret> {
    if let Some(secret) = pending_setup(conn, user)? {
        return Ok(secret);
    }
    let secret = Secret::generate();
    let text = secret.as_str();
    update_or_insert(
        conn,
        |conn| {
            diesel::update(second_factors::table.find(user))
                .set(second_factors::setup_secret.eq(text))
                .execute(conn)
        },
        |conn| {
            diesel::insert_into(second_factors::table)
                .values((second_factors::user_id.eq(user), second_factors::setup_secret.eq(text)))
                .execute(conn)
        },
    )?;
    Ok(secret)
}

fn pending_setup(conn: &mut DbConnection, user: &UserId) -> QueryResult<Option<Secret>> {
    let stored: Option<Option<String>> = second_factors::table
        .find(user)
        .select(second_factors::setup_secret)
        .first(conn)
        .optional()?;
    Ok(stored.flatten().as_deref().and_then(Secret::parse))
}

/// What confirming a set-up came to.
#[derive(Debug)]
pub enum Confirmed {
    /// The factor is on; the new recovery codes, to be shown once.
    Enabled(Vec<RecoveryCode>),
    /// The code is not the app's: nothing changed.
    WrongCode,
    /// No set-up is waiting (it was confirmed already, or never started).
    NothingWaiting,
}

/// Confirms `user`'s set-up with a code of the new secret, made at Unix time `unix`. When it
/// is right the secret becomes the account's factor (replacing an older phone), the code's
/// step counts as used, the recovery codes are made anew, `session_id` counts as having given
/// the code and every other session and pending login of the account ends.
pub fn confirm_setup(
    conn: &mut DbConnection, user: &UserId, session_id: &str, code: &TotpCode, unix: u64,
) -> QueryResult<Confirmed> {
    let Some(secret) = pending_setup(conn, user)? else {
        return Ok(Confirmed::NothingWaiting);
    };
    let Some(step) = secret.accepts(code, unix, None) else {
        return Ok(Confirmed::WrongCode);
    };
    diesel::update(second_factors::table.find(user))
        .set((
            second_factors::secret.eq(secret.as_str()),
            second_factors::enabled_at.eq(now()),
            second_factors::last_step.eq(step),
            second_factors::setup_secret.eq(None::<String>),
        ))
        .execute(conn)?;
    let codes = replace_recovery_codes(conn, user)?;
    diesel::update(staff_sessions::table.find(session_id))
        .set(staff_sessions::second_factor_verified.eq(true))
        .execute(conn)?;
    end_sessions(conn, user, Some(session_id))?;
    Ok(Confirmed::Enabled(codes))
}

/// Ends every session and pending login of `user` except `keep`.
fn end_sessions(conn: &mut DbConnection, user: &UserId, keep: Option<&str>) -> QueryResult<()> {
    let theirs = staff_sessions::table.filter(staff_sessions::user_id.eq(user));
    match keep {
        Some(keep) => diesel::delete(theirs.filter(staff_sessions::id.ne(keep))).execute(conn)?,
        None => diesel::delete(theirs).execute(conn)?,
    };
    diesel::delete(pending_logins::table.filter(pending_logins::user_id.eq(user))).execute(conn)?;
    Ok(())
}

// ---- recovery codes -------------------------------------------------------------------------

/// Ten new recovery codes for `user`; the old ones stop working. Only hashes are stored.
pub fn replace_recovery_codes(
    conn: &mut DbConnection, user: &UserId,
) -> QueryResult<Vec<RecoveryCode>> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user))).execute(conn)?;
    let codes = RecoveryCode::generate_set();
    let at = now();
    // One row at a time: the two-backend connection has no batch insert.
    for code in &codes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::user_id.eq(user),
                recovery_codes::code_hash.eq(code.hash(user)),
                recovery_codes::created_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(codes)
}

/// How many of `user`'s recovery codes are still unused.
pub fn unused_recovery_codes(conn: &mut DbConnection, user: &UserId) -> QueryResult<i64> {
    recovery_codes::table
        .filter(recovery_codes::user_id.eq(user))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}

/// Uses one of `user`'s recovery codes: how many remain when it was one of theirs and unused,
/// else `None`. Compared with every unused code in constant time; marked used with one
/// conditional update, so of two requests with the same code only one gets in.
pub fn use_recovery_code(
    conn: &mut DbConnection, user: &UserId, code: &RecoveryCode,
) -> QueryResult<Option<i64>> {
    let hash = code.hash(user);
    let unused: Vec<String> = recovery_codes::table
        .filter(recovery_codes::user_id.eq(user))
        .filter(recovery_codes::used_at.is_null())
        .select(recovery_codes::code_hash)
        .load(conn)?;
    let mut matched = None;
    for stored in &unused {
        if bool::from(stored.as_bytes().ct_eq(hash.as_bytes())) {
            matched = Some(stored);
        }
    }
    let Some(stored) = matched else {
        return Ok(None);
    };
    let used = diesel::update(
        recovery_codes::table.find((user, stored)).filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now()))
    .execute(conn)?;
    Ok((used == 1).then(|| unused.len() as i64 - 1))
}

// ---- codes at login -------------------------------------------------------------------------

/// Accepts a code of `user`'s app made at Unix time `unix`: right, and of a later step than
/// the last accepted one. Records its step with one conditional update, so a code gets in once
/// however many requests carry it.
pub fn accept_code(
    conn: &mut DbConnection, user: &UserId, code: &TotpCode, unix: u64,
) -> QueryResult<bool> {
    let row: Option<(Option<String>, Option<i64>)> = second_factors::table
        .find(user)
        .select((second_factors::secret, second_factors::last_step))
        .first(conn)
        .optional()?;
    let Some((Some(secret), last_step)) = row else {
        return Ok(false);
    };
    let Some(step) = Secret::parse(&secret).and_then(|s| s.accepts(code, unix, last_step)) else {
        return Ok(false);
    };
    let later = second_factors::last_step.is_null().or(second_factors::last_step.lt(step));
    let taken = diesel::update(second_factors::table.find(user).filter(later))
        .set(second_factors::last_step.eq(step))
        .execute(conn)?;
    Ok(taken == 1)
}

// ---- an admin's reset -----------------------------------------------------------------------

/// Takes `user`'s second factor and recovery codes away and ends their sessions and pending
/// logins: a lost phone, handled by another admin. If their role requires a factor they set
/// one up at their next login. Returns the number of accounts found (0 or 1).
pub fn reset(conn: &mut DbConnection, user: &UserId) -> QueryResult<usize> {
    let found: i64 = users::table.find(user).count().get_result(conn)?;
    diesel::delete(second_factors::table.find(user)).execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user))).execute(conn)?;
    end_sessions(conn, user, None)?;
    Ok(found as usize)
}

// ---- pending logins -------------------------------------------------------------------------

/// How long a right password waits for its code.
pub fn pending_lifetime() -> Duration {
    Duration::minutes(5)
}

/// A right password waiting for the code.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pending_logins)]
pub struct PendingLogin {
    /// SHA-256 of the cookie token.
    pub id: String,
    /// Whose password it was.
    pub user_id: UserId,
    /// When the password was given.
    pub created_at: NaiveDateTime,
    /// Dead after this.
    pub expires_at: NaiveDateTime,
}

/// Starts a pending login for `user` (and ends `old_session`, this browser's earlier session,
/// if any); returns the cookie token (only its hash is stored).
pub fn start_login(
    conn: &mut DbConnection, user: &UserId, old_session: Option<&str>,
) -> QueryResult<String> {
    let token = random_token(32);
    let at = now();
    // Housekeeping: dead pending logins are of no use to anyone.
    diesel::delete(pending_logins::table.filter(pending_logins::expires_at.le(at)))
        .execute(conn)?;
    if let Some(old) = old_session {
        accounts::delete_session(conn, old)?;
    }
    diesel::insert_into(pending_logins::table)
        .values((
            pending_logins::id.eq(token_hash(&token)),
            pending_logins::user_id.eq(user),
            pending_logins::created_at.eq(at),
            pending_logins::expires_at.eq(at + pending_lifetime()),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The live pending login of a cookie token, with its account (an account disabled meanwhile
/// has none).
pub fn pending_login(
    conn: &mut DbConnection, token: &str,
) -> QueryResult<Option<(PendingLogin, User)>> {
    pending_logins::table
        .inner_join(users::table)
        .filter(pending_logins::id.eq(token_hash(token)))
        .filter(pending_logins::expires_at.gt(now()))
        .filter(users::disabled.eq(false))
        .select((PendingLogin::as_select(), User::as_select()))
        .first(conn)
        .optional()
}

/// Whether a pending login is still there and unexpired: checked first in the transaction that
/// checks its code, so a code is not spent on a login that can no longer finish.
pub fn is_live(conn: &mut DbConnection, pending: &PendingLogin) -> QueryResult<bool> {
    let found: i64 = pending_logins::table
        .find(&pending.id)
        .filter(pending_logins::expires_at.gt(now()))
        .count()
        .get_result(conn)?;
    Ok(found == 1)
}

/// Turns a pending login into a session that has given its code: the pending login is used
/// up, `old_session` (this browser's earlier one) ends. `None` when another request used it
/// first. Returns the session's cookie token.
pub fn finish_login(
    conn: &mut DbConnection, pending: &PendingLogin, old_session: Option<&str>,
) -> QueryResult<Option<String>> {
    let used = diesel::delete(pending_logins::table.find(&pending.id)).execute(conn)?;
    if used == 0 {
        return Ok(None);
    }
    if let Some(old) = old_session {
        accounts::delete_session(conn, old)?;
    }
    let token = accounts::create_session(conn, &pending.user_id)?;
    diesel::update(staff_sessions::table.find(token_hash(&token)))
        .set(staff_sessions::second_factor_verified.eq(true))
        .execute(conn)?;
    Ok(Some(token))
}
