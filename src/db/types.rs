//! Typed values stored as TEXT: the id of every kind of row, and the enums (status, kind, role
//! …) that features declare with [`text_enum!`](crate::text_enum). Both read and write through
//! diesel on either backend and through serde in paths, forms and JSON. A stored value that is
//! not one of an enum's variants is a loud error when read, never a silent default.

use std::fmt;

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

/// What an id from outside (a URL, a form field) may look like: the UUIDs we make, or any
/// short run of letters, digits and dashes. Anything else is refused before a query runs.
fn plausible_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow, serde::Serialize,
        )]
        #[diesel(sql_type = Text)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A new time-ordered id (UUIDv7).
            pub fn generate() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }

            /// An id from outside; None unless it looks like one of ours.
            pub fn parse(s: &str) -> Option<Self> {
                plausible_id(s).then(|| Self(s.to_owned()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // An id reads as its text wherever text is wanted (a URL, a form value, a
        // translation's subject); it never turns into another kind of id.
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(concat!("not a valid ", stringify!($name)))
                })
            }
        }

        impl<DB> FromSql<Text, DB> for $name
        where
            DB: Backend,
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                String::from_sql(bytes).map(Self)
            }
        }

        impl<DB> ToSql<Text, DB> for $name
        where
            DB: Backend,
            String: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                <String as ToSql<Text, DB>>::to_sql(&self.0, out)
            }
        }
    )*};
}

/// For `#[serde(deserialize_with = …)]` on an optional id: an empty form field (a select's
/// "none" option) is no id, anything else must be a valid one.
pub fn empty_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    use serde::de::IntoDeserializer;
    let s: Option<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(d)?;
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => T::deserialize(v.into_deserializer()).map(Some),
    }
}

ids! {
    /// A participation track.
    TrackId;
    /// A topic (tema) of a track.
    TopicId;
    /// A workshop of a topic.
    WorkshopId;
    /// A question of a workshop.
    QuestionId;
    /// An anonymous participant of a workshop.
    ParticipantId;
    /// One answer.
    AnswerId;
    /// A theme (emne) on a topic's board.
    ThemeId;
    /// A key point (hovedpointe).
    KeyPointId;
    /// A quote (citat).
    QuoteId;
    /// A staff account.
    UserId;
    /// An invitation or set-up link.
    InvitationId;
    /// An audit record.
    AuditEventId;
    /// A member check or a dot vote put to a workshop's room.
    RoundId;
    /// A theme or key point put to the room in a round.
    RoundItemId;
    /// A board change that can be undone.
    UndoStepId;
}

/// Declares an enum stored as TEXT: its variants with their stored names, `ALL`, `as_str`,
/// `parse`, `Display`, serde (by stored name) and diesel on both backends. Reading an unknown
/// stored name fails the query.
///
/// ```ignore
/// crate::text_enum! {
///     /// Where a workshop is in its life.
///     pub enum WorkshopStatus {
///         /// Being prepared.
///         Draft = "draft",
///         /// Participants answer.
///         Open = "open",
///     }
/// }
/// ```
#[macro_export]
macro_rules! text_enum {
    // `pub enum X labelled "prefix" { … }` also gives `label_key`: the locale key
    // `prefix-<stored name>` of each variant's name.
    (
        $(#[$doc:meta])*
        pub enum $name:ident labelled $prefix:literal {
            $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $crate::text_enum! {
            $(#[$doc])*
            pub enum $name { $($(#[$vdoc])* $variant = $text,)+ }
        }

        impl $name {
            /// The locale key of its name.
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, "-", $text),)+
                }
            }
        }
    };
    (
        $(#[$doc:meta])*
        pub enum $name:ident {
            $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stored (and posted) name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses a stored (or posted) name.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    ::serde::de::Error::custom(concat!("not a ", stringify!($name)))
                })
            }
        }

        impl<DB> ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB> for $name
        where
            DB: ::diesel::backend::Backend,
            String: ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> ::diesel::deserialize::Result<Self> {
                let s = String::from_sql(bytes)?;
                $name::parse(&s).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($name), " {:?} in the database"), s)
                        .into()
                })
            }
        }

        impl<DB> ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB> for $name
        where
            DB: ::diesel::backend::Backend,
            str: ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut ::diesel::serialize::Output<'b, '_, DB>,
            ) -> ::diesel::serialize::Result {
                <str as ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_outside_are_checked() {
        let id = WorkshopId::generate();
        assert_eq!(WorkshopId::parse(id.as_str()), Some(id.clone()));
        for bad in ["", "a/b", "x y", "é", &"a".repeat(65)] {
            assert!(WorkshopId::parse(bad).is_none(), "{bad:?}");
        }
        let json = serde_json::to_string(&id).expect("json");
        assert_eq!(json, format!("\"{id}\""));
        let back: WorkshopId = serde_json::from_str(&json).expect("back");
        assert_eq!(back, id);
        assert!(serde_json::from_str::<WorkshopId>("\"a b\"").is_err());
    }
}
