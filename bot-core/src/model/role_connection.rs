//! Role-connection metadata, for linked roles
//! (developers/resources/application-role-connection-metadata.mdx; spec
//! `ApplicationRoleConnectionsMetadataItemResponse`, `ApplicationUserRoleConnectionResponse`).

use super::enums::int_enum;
use super::serde_util::nullable;
use bot_spec::Localizations;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

int_enum! {
    /// How a metadata value is compared with a guild's requirement (spec `MetadataItemTypes`).
    pub enum RoleConnectionMetadataType: u8 {
        /// The user's integer is at most the guild's.
        IntegerLessThanOrEqual = 1,
        /// The user's integer is at least the guild's.
        IntegerGreaterThanOrEqual = 2,
        /// The integers are equal.
        IntegerEqual = 3,
        /// The integers differ.
        IntegerNotEqual = 4,
        /// The user's date is at least the guild's number of days ago.
        DatetimeLessThanOrEqual = 5,
        /// The user's date is at most the guild's number of days ago.
        DatetimeGreaterThanOrEqual = 6,
        /// The booleans are equal.
        BooleanEqual = 7,
        /// The booleans differ.
        BooleanNotEqual = 8,
    }
}

/// One metadata field an application offers for linked roles (`PUT
/// /applications/{id}/role-connections/metadata` sends a list of them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleConnectionMetadata {
    /// How it is compared.
    #[serde(rename = "type")]
    pub kind: RoleConnectionMetadataType,
    /// Its key (`a-z`, `0-9`, `_`; 1-50 characters).
    pub key: Box<str>,
    /// Its name (1-100 characters).
    pub name: Box<str>,
    /// Its name per locale.
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Localizations::is_empty"
    )]
    pub name_localizations: Localizations<'static>,
    /// Its description (1-200 characters).
    pub description: Box<str>,
    /// Its description per locale.
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Localizations::is_empty"
    )]
    pub description_localizations: Localizations<'static>,
}

impl RoleConnectionMetadata {
    /// A metadata field to send.
    pub fn new(
        kind: RoleConnectionMetadataType,
        key: impl Into<Box<str>>,
        name: impl Into<Box<str>>,
        description: impl Into<Box<str>>,
    ) -> Self {
        RoleConnectionMetadata {
            kind,
            key: key.into(),
            name: name.into(),
            name_localizations: Localizations::default(),
            description: description.into(),
            description_localizations: Localizations::default(),
        }
    }
}

/// A user's role connection with an application (`GET`/`PUT
/// /users/@me/applications/{id}/role-connection`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleConnection {
    /// The platform's name (up to 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_name: Option<Box<str>>,
    /// The user's name on the platform (up to 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_username: Option<Box<str>>,
    /// Values per metadata key, as strings (integers, ISO 8601 dates, `"1"`/`"0"`).
    #[serde(default)]
    pub metadata: HashMap<Box<str>, Box<str>>,
}

impl RoleConnection {
    /// An empty role connection, to fill and send.
    pub fn new() -> Self {
        RoleConnection::default()
    }

    /// Sets the platform's name.
    pub fn platform_name(mut self, name: impl Into<Box<str>>) -> Self {
        self.platform_name = Some(name.into());
        self
    }

    /// Sets the user's name on the platform.
    pub fn platform_username(mut self, name: impl Into<Box<str>>) -> Self {
        self.platform_username = Some(name.into());
        self
    }

    /// Sets a metadata value.
    pub fn value(mut self, key: impl Into<Box<str>>, value: impl ToString) -> Self {
        self.metadata
            .insert(key.into(), value.to_string().into_boxed_str());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn metadata_decodes_and_round_trips() {
        let sent = json!({
            "type": 2, "key": "matches_won", "name": "Matches won",
            "name_localizations": {"fr": "Matchs gagnés"},
            "description": "At least this many matches"
        });
        let with_null: RoleConnectionMetadata = serde_json::from_value(json!({
            "type": 1, "key": "k", "name": "n", "description": "d",
            "name_localizations": null
        }))
        .unwrap();
        assert!(with_null.name_localizations.is_empty());
        let metadata: RoleConnectionMetadata = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(
            metadata.kind,
            RoleConnectionMetadataType::IntegerGreaterThanOrEqual
        );
        assert_eq!(metadata.name_localizations.get("fr"), Some("Matchs gagnés"));
        assert_eq!(serde_json::to_value(&metadata).unwrap(), sent);
        let built = RoleConnectionMetadata::new(
            RoleConnectionMetadataType::BooleanEqual,
            "verified",
            "Verified",
            "Has a verified account",
        );
        assert_eq!(
            serde_json::to_value(&built).unwrap(),
            json!({"type": 7, "key": "verified", "name": "Verified",
                   "description": "Has a verified account"})
        );
        let connection = RoleConnection::new()
            .platform_name("Chess")
            .value("matches_won", 12);
        let value = serde_json::to_value(&connection).unwrap();
        assert_eq!(
            value,
            json!({"platform_name": "Chess", "metadata": {"matches_won": "12"}})
        );
        assert_eq!(
            serde_json::from_value::<RoleConnection>(value).unwrap(),
            connection
        );
    }
}
