//! Staff accounts, sessions and invitations in the database. Synchronous diesel functions;
//! handlers call them through `Db::run`.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::Error as DieselError;

use super::domain::{Email, PersonName, Role};
use crate::crypto::random_token;
use crate::crypto::token_hash;
use crate::db::schema::{invitations, staff_sessions, users};
use crate::db::{now, write_transaction, DbConnection, InvitationId, UserId};

/// A staff account.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Normalised e-mail address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// argon2id PHC string; `None` until the invitation is accepted.
    pub password_hash: Option<String>,
    /// Disabled accounts cannot log in and have no sessions.
    pub disabled: bool,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// Why a user could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    /// The e-mail address is taken.
    #[error("a user with that e-mail address already exists")]
    DuplicateEmail,
    /// Anything else.
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Number of accounts.
pub fn count_users(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

/// Creates an account. `password_hash` None means "invited, not yet active".
pub fn create_user(
    conn: &mut DbConnection, email: &Email, name: &PersonName, role: Role,
    password_hash: Option<&str>,
) -> Result<User, CreateUserError> {
    let at = now();
    let user = User {
        id: UserId::generate(),
        email: email.as_str().to_owned(),
        name: name.as_str().to_owned(),
        role,
        password_hash: password_hash.map(str::to_owned),
        disabled: false,
        created_at: at,
        updated_at: at,
    };
    let inserted = crate::db::insert_unless_duplicate(conn, |conn| {
        diesel::insert_into(users::table)
            .values((
                users::id.eq(&user.id),
                users::email.eq(&user.email),
                users::name.eq(&user.name),
                users::role.eq(&user.role),
                users::password_hash.eq(&user.password_hash),
                users::disabled.eq(false),
                users::created_at.eq(at),
                users::updated_at.eq(at),
            ))
            .execute(conn)
    })?;
    if inserted {
        Ok(user)
    } else {
        Err(CreateUserError::DuplicateEmail)
    }
}

/// Finds an account by e-mail.
pub fn find_user_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<User>> {
    users::table.filter(users::email.eq(email)).select(User::as_select()).first(conn).optional()
}

/// Finds an account by id.
pub fn find_user(conn: &mut DbConnection, id: &UserId) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

/// Every account, by name.
pub fn list_users(conn: &mut DbConnection) -> QueryResult<Vec<User>> {
    users::table.order((users::name, users::email)).select(User::as_select()).load(conn)
}

/// Every account's name by id (for pages that say who did something).
pub fn user_names(conn: &mut DbConnection) -> QueryResult<HashMap<UserId, String>> {
    Ok(users::table
        .select((users::id, users::name))
        .load::<(UserId, String)>(conn)?
        .into_iter()
        .collect())
}

/// Changes a role.
pub fn set_role(conn: &mut DbConnection, user_id: &UserId, role: Role) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set((users::role.eq(role), users::updated_at.eq(now())))
        .execute(conn)
}

/// Disables or enables an account. Disabling ends all its sessions in the same transaction.
pub fn set_disabled(
    conn: &mut DbConnection, user_id: &UserId, disabled: bool,
) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        let n = diesel::update(users::table.find(user_id))
            .set((users::disabled.eq(disabled), users::updated_at.eq(now())))
            .execute(conn)?;
        if disabled {
            diesel::delete(staff_sessions::table.filter(staff_sessions::user_id.eq(user_id)))
                .execute(conn)?;
        }
        Ok(n)
    })
}

/// Sets a password hash and ends every session of the account: whoever knew the old password
/// (the reason for a reset, often) is signed out.
pub fn set_password(conn: &mut DbConnection, user_id: &UserId, hash: &str) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        diesel::delete(staff_sessions::table.filter(staff_sessions::user_id.eq(user_id)))
            .execute(conn)?;
        diesel::update(users::table.find(user_id))
            .set((users::password_hash.eq(hash), users::updated_at.eq(now())))
            .execute(conn)
    })
}

// ---- sessions ----------------------------------------------------------------------------

/// A staff session row; its id is the SHA-256 of the cookie value.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_sessions)]
pub struct StaffSession {
    /// SHA-256 of the cookie token.
    pub id: String,
    /// Whose.
    pub user_id: UserId,
    /// Login time (absolute timeout counts from here).
    pub created_at: NaiveDateTime,
    /// Last request (idle timeout counts from here).
    pub last_seen_at: NaiveDateTime,
    /// Its owner gave their second factor's code in it (see `auth::second_factor`).
    pub second_factor_verified: bool,
}

/// Starts a session; returns the cookie token (only its hash is stored).
pub fn create_session(conn: &mut DbConnection, user_id: &UserId) -> QueryResult<String> {
    let token = random_token(32);
    let at = now();
    diesel::insert_into(staff_sessions::table)
        .values((
            staff_sessions::id.eq(token_hash(&token)),
            staff_sessions::user_id.eq(user_id),
            staff_sessions::created_at.eq(at),
            staff_sessions::last_seen_at.eq(at),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Looks a session up and checks it: the user must be enabled, the session neither idle nor
/// older than the absolute limit. Expired sessions are deleted. Refreshes `last_seen_at` at
/// most once a minute (no write on every click).
pub fn authenticate(
    conn: &mut DbConnection, token: &str, idle: Duration, absolute: Duration,
) -> QueryResult<Option<(StaffSession, User)>> {
    let id = token_hash(token);
    let found = staff_sessions::table
        .inner_join(users::table)
        .filter(staff_sessions::id.eq(&id))
        .select((StaffSession::as_select(), User::as_select()))
        .first::<(StaffSession, User)>(conn)
        .optional()?;
    let Some((session, user)) = found else {
        return Ok(None);
    };
    let at = now();
    if user.disabled || at - session.last_seen_at > idle || at - session.created_at > absolute {
        diesel::delete(staff_sessions::table.find(&id)).execute(conn)?;
        return Ok(None);
    }
    if at - session.last_seen_at > Duration::minutes(1) {
        diesel::update(staff_sessions::table.find(&id))
            .set(staff_sessions::last_seen_at.eq(at))
            .execute(conn)?;
    }
    Ok(Some((session, user)))
}

/// Ends one session.
pub fn delete_session(conn: &mut DbConnection, session_id: &str) -> QueryResult<usize> {
    diesel::delete(staff_sessions::table.find(session_id)).execute(conn)
}

// ---- invitations ---------------------------------------------------------------------------

/// A one-time link: to set up the first admin (`user_id` None) or to activate an invited user.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    /// Id.
    pub id: InvitationId,
    /// SHA-256 of the token in the link.
    pub token_hash: String,
    /// The invited account; None for the first-admin set-up link.
    pub user_id: Option<UserId>,
    /// Who invited.
    pub created_by: Option<UserId>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Dead after this.
    pub expires_at: NaiveDateTime,
    /// Set once used.
    pub used_at: Option<NaiveDateTime>,
}

/// Creates an account its owner sets up through a link, and that link's token; `None` when
/// the e-mail address is taken (nothing is written then).
pub fn invite_user(
    conn: &mut DbConnection, email: &Email, name: &PersonName, role: Role, by: &UserId,
) -> QueryResult<Option<(User, String)>> {
    write_transaction(conn, |conn| {
        let user = match create_user(conn, email, name, role, None) {
            Ok(user) => user,
            Err(CreateUserError::DuplicateEmail) => return Ok(None),
            Err(CreateUserError::Db(e)) => return Err(e),
        };
        let token = create_invitation(conn, Some(&user.id), Some(by))?;
        Ok(Some((user, token)))
    })
}

/// How long an invitation link works.
pub fn invitation_lifetime() -> Duration {
    Duration::days(7)
}

/// How long a "forgotten password" link works.
pub fn reset_lifetime() -> Duration {
    Duration::hours(1)
}

/// Creates a link token for `user_id` (None: first admin). Older unused links for the same
/// purpose stop working, so only the newest link is live.
pub fn create_invitation(
    conn: &mut DbConnection, user_id: Option<&UserId>, created_by: Option<&UserId>,
) -> QueryResult<String> {
    create_link(conn, user_id, created_by, invitation_lifetime())
}

/// A link to choose a new password that works for [`reset_lifetime`] (and, as every link,
/// once); it replaces the account's older links.
pub fn create_reset_link(conn: &mut DbConnection, user_id: &UserId) -> QueryResult<String> {
    create_link(conn, Some(user_id), None, reset_lifetime())
}

fn create_link(
    conn: &mut DbConnection, user_id: Option<&UserId>, created_by: Option<&UserId>,
    lifetime: Duration,
) -> QueryResult<String> {
    let token = random_token(24);
    let at = now();
    write_transaction(conn, |conn| {
        let stale = invitations::table.filter(invitations::used_at.is_null());
        match user_id {
            Some(uid) => {
                diesel::delete(stale.filter(invitations::user_id.eq(uid))).execute(conn)?
            }
            None => diesel::delete(stale.filter(invitations::user_id.is_null())).execute(conn)?,
        };
        diesel::insert_into(invitations::table)
            .values((
                invitations::id.eq(InvitationId::generate()),
                invitations::token_hash.eq(token_hash(&token)),
                invitations::user_id.eq(user_id),
                invitations::created_by.eq(created_by),
                invitations::created_at.eq(at),
                invitations::expires_at.eq(at + lifetime),
            ))
            .execute(conn)?;
        Ok(token)
    })
}

/// A live (unused, unexpired) invitation by its token. A first-admin link dies as soon as any
/// account exists.
pub fn find_live_invitation(
    conn: &mut DbConnection, token: &str,
) -> QueryResult<Option<Invitation>> {
    let found = invitations::table
        .filter(invitations::token_hash.eq(token_hash(token)))
        .filter(invitations::used_at.is_null())
        .filter(invitations::expires_at.gt(now()))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?;
    match found {
        Some(inv) if inv.user_id.is_none() && count_users(conn)? > 0 => Ok(None),
        other => Ok(other),
    }
}

/// What accepting an invitation needs.
pub enum Acceptance<'a> {
    /// First admin: chooses their own name and address.
    FirstAdmin {
        /// E-mail.
        email: &'a Email,
        /// Name.
        name: &'a PersonName,
    },
    /// Invited user: the account exists; only the password is set.
    Invited,
}

/// Why an invitation could not be accepted.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    /// Used, expired, or (first admin) someone was quicker.
    #[error("the link is no longer valid")]
    Dead,
    /// Duplicate e-mail (cannot happen for the first admin, kept for completeness).
    #[error(transparent)]
    Create(#[from] CreateUserError),
    /// Anything else.
    #[error(transparent)]
    Db(#[from] DieselError),
}

/// Accepts an invitation atomically; returns the now active user.
pub fn accept_invitation(
    conn: &mut DbConnection, token: &str, acceptance: Acceptance<'_>, password_hash: &str,
) -> Result<User, AcceptError> {
    write_transaction(conn, |conn| {
        let inv = find_live_invitation(conn, token)?.ok_or(AcceptError::Dead)?;
        let user = match (&inv.user_id, acceptance) {
            (None, Acceptance::FirstAdmin { email, name }) => {
                create_user(conn, email, name, Role::Admin, Some(password_hash))?
            }
            (Some(uid), Acceptance::Invited) => {
                set_password(conn, uid, password_hash)?;
                find_user(conn, uid)?.ok_or(AcceptError::Dead)?
            }
            _ => return Err(AcceptError::Dead),
        };
        diesel::update(invitations::table.find(&inv.id))
            .set(invitations::used_at.eq(now()))
            .execute(conn)?;
        Ok(user)
    })
}
