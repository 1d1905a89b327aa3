//! The `site_settings` rows: read all, write the changed ones.

use std::collections::HashMap;

use diesel::prelude::*;

use super::domain::Key;
use crate::db::schema::site_settings;
use crate::db::{now, DbConnection, UserId};

/// Every saved setting by key. Keys this version does not know (written by a newer replica
/// during an upgrade) are kept in the map and ignored by [`super::Site::resolve`].
pub fn saved(conn: &mut DbConnection) -> QueryResult<HashMap<String, String>> {
    Ok(site_settings::table
        .select((site_settings::key, site_settings::value))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// The saved value of one setting.
pub fn saved_value(conn: &mut DbConnection, key: Key) -> QueryResult<Option<String>> {
    site_settings::table.find(key.as_str()).select(site_settings::value).first(conn).optional()
}

/// Writes `changes` (`None`: back to the default) and returns the keys whose stored value
/// changed. Call inside the change's transaction.
pub fn save(
    conn: &mut DbConnection, changes: &[(Key, Option<String>)], by: &UserId,
) -> QueryResult<Vec<Key>> {
    let before = saved(conn)?;
    let mut changed = Vec::new();
    for (key, value) in changes {
        if before.get(key.as_str()) == value.as_ref() {
            continue;
        }
        diesel::delete(site_settings::table.find(key.as_str())).execute(conn)?;
        if let Some(value) = value {
            diesel::insert_into(site_settings::table)
                .values((
                    site_settings::key.eq(key.as_str()),
                    site_settings::value.eq(value),
                    site_settings::updated_by.eq(by),
                    site_settings::updated_at.eq(now()),
                ))
                .execute(conn)?;
        }
        changed.push(*key);
    }
    Ok(changed)
}

/// Saves `value` for `key` unless something is saved already (the demo's short name); true
/// when it was saved.
pub fn save_if_unset(conn: &mut DbConnection, key: Key, value: &str) -> QueryResult<bool> {
    crate::db::insert_unless_duplicate(conn, |conn| {
        diesel::insert_into(site_settings::table)
            .values((
                site_settings::key.eq(key.as_str()),
                site_settings::value.eq(value),
                site_settings::updated_by.eq(None::<UserId>),
                site_settings::updated_at.eq(now()),
            ))
            .execute(conn)
    })
}
