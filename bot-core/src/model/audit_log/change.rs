//! Audit-log changes: typed for the keys whose value type is known, raw JSON for the others.

use crate::model::{
    ChannelMarker, DefaultMessageNotificationLevel, ExplicitContentFilterLevel, Id, MfaLevel,
    Permissions, RoleMarker, Timestamp, UserMarker, VerificationLevel,
};
use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A value before and after a change: `old` absent means it was unset, `new` absent that it
/// was reset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change<T> {
    /// The value before.
    pub old: Option<T>,
    /// The value after.
    pub new: Option<T>,
}

/// A role added or removed in a `MEMBER_ROLE_UPDATE` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditLogRole {
    /// The role's id.
    pub id: Id<RoleMarker>,
    /// Its name.
    #[serde(default)]
    pub name: Box<str>,
}

macro_rules! changes {
    ($( $(#[$meta:meta])* $variant:ident($ty:ty) = $key:literal, )+) => {
        /// One change of an audit-log entry, by key. A key not listed, or a value not of the
        /// expected type, is kept as JSON in [`AuditLogChange::Other`].
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum AuditLogChange {
            $( $(#[$meta])* $variant(Change<$ty>), )+
            /// Any other change: the raw escape hatch, with its JSON values as sent.
            Other {
                /// The key.
                key: Box<str>,
                /// The value before.
                old_value: Option<Value>,
                /// The value after.
                new_value: Option<Value>,
            },
        }

        impl AuditLogChange {
            /// The key on the wire.
            pub fn key(&self) -> &str {
                match self {
                    $( AuditLogChange::$variant(_) => $key, )+
                    AuditLogChange::Other { key, .. } => key,
                }
            }

            fn typed(key: Box<str>, old: Option<Value>, new: Option<Value>) -> Self {
                match &*key {
                    $( $key => {
                        if let Some(change) = typed::<$ty>(&old, &new) {
                            return AuditLogChange::$variant(change);
                        }
                    } )+
                    _ => {}
                }
                AuditLogChange::Other { key, old_value: old, new_value: new }
            }

            fn values(&self) -> (Option<Value>, Option<Value>) {
                match self {
                    $( AuditLogChange::$variant(change) => (
                        change.old.as_ref().and_then(|v| serde_json::to_value(v).ok()),
                        change.new.as_ref().and_then(|v| serde_json::to_value(v).ok()),
                    ), )+
                    AuditLogChange::Other { old_value, new_value, .. } => {
                        (old_value.clone(), new_value.clone())
                    }
                }
            }
        }
    };
}

changes! {
    /// A name.
    Name(Box<str>) = "name",
    /// A description.
    Description(Box<str>) = "description",
    /// A channel's topic.
    Topic(Box<str>) = "topic",
    /// A member's nickname.
    Nick(Box<str>) = "nick",
    /// A role's permissions.
    Permissions(Permissions) = "permissions",
    /// An overwrite's allowed permissions.
    Allow(Permissions) = "allow",
    /// An overwrite's denied permissions.
    Deny(Permissions) = "deny",
    /// A role's colour.
    Color(u32) = "color",
    /// Whether a role is shown apart.
    Hoist(bool) = "hoist",
    /// Whether a role can be mentioned.
    Mentionable(bool) = "mentionable",
    /// A position.
    Position(i64) = "position",
    /// Whether a channel is age-restricted.
    Nsfw(bool) = "nsfw",
    /// A channel's slowmode.
    RateLimitPerUser(u32) = "rate_limit_per_user",
    /// A voice channel's bitrate.
    Bitrate(u32) = "bitrate",
    /// A voice channel's user limit.
    UserLimit(u32) = "user_limit",
    /// A channel's category.
    ParentId(Id<ChannelMarker>) = "parent_id",
    /// A guild's owner.
    OwnerId(Id<UserMarker>) = "owner_id",
    /// An invite's or webhook's channel.
    ChannelId(Id<ChannelMarker>) = "channel_id",
    /// A guild's AFK channel.
    AfkChannelId(Id<ChannelMarker>) = "afk_channel_id",
    /// A guild's AFK timeout.
    AfkTimeout(u32) = "afk_timeout",
    /// A guild's system channel.
    SystemChannelId(Id<ChannelMarker>) = "system_channel_id",
    /// A guild's verification level.
    VerificationLevel(VerificationLevel) = "verification_level",
    /// A guild's explicit content filter.
    ExplicitContentFilter(ExplicitContentFilterLevel) = "explicit_content_filter",
    /// A guild's MFA level.
    MfaLevel(MfaLevel) = "mfa_level",
    /// A guild's default notifications.
    DefaultMessageNotifications(DefaultMessageNotificationLevel) = "default_message_notifications",
    /// A guild's vanity code.
    VanityUrlCode(Box<str>) = "vanity_url_code",
    /// An icon hash.
    IconHash(Box<str>) = "icon_hash",
    /// A webhook's avatar hash.
    AvatarHash(Box<str>) = "avatar_hash",
    /// Whether a member is deafened.
    Deaf(bool) = "deaf",
    /// Whether a member is muted.
    Mute(bool) = "mute",
    /// Until when a member is timed out.
    CommunicationDisabledUntil(Timestamp) = "communication_disabled_until",
    /// Roles given to a member.
    RolesAdded(Vec<AuditLogRole>) = "$add",
    /// Roles taken from a member.
    RolesRemoved(Vec<AuditLogRole>) = "$remove",
    /// An invite's code.
    Code(Box<str>) = "code",
    /// An invite's use limit.
    MaxUses(u32) = "max_uses",
    /// An invite's uses.
    Uses(u32) = "uses",
    /// An invite's lifetime.
    MaxAge(u32) = "max_age",
    /// Whether an invite gives temporary membership.
    Temporary(bool) = "temporary",
    /// Whether a thread is archived.
    Archived(bool) = "archived",
    /// Whether a thread is locked.
    Locked(bool) = "locked",
    /// A thread's auto-archive duration.
    AutoArchiveDuration(u32) = "auto_archive_duration",
    /// Whether a rule or integration is on.
    Enabled(bool) = "enabled",
}

/// Both values decode as `T` (absent values stay absent); `None` if either does not.
fn typed<T: DeserializeOwned>(old: &Option<Value>, new: &Option<Value>) -> Option<Change<T>> {
    let decode = |value: &Option<Value>| match value {
        None | Some(Value::Null) => Some(None),
        Some(value) => T::deserialize(value).ok().map(Some),
    };
    Some(Change {
        old: decode(old)?,
        new: decode(new)?,
    })
}

#[derive(Deserialize)]
struct Wire {
    key: Box<str>,
    #[serde(default)]
    old_value: Option<Value>,
    #[serde(default)]
    new_value: Option<Value>,
}

impl<'de> Deserialize<'de> for AuditLogChange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        Ok(AuditLogChange::typed(
            wire.key,
            wire.old_value,
            wire.new_value,
        ))
    }
}

impl Serialize for AuditLogChange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (old, new) = self.values();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("key", self.key())?;
        if let Some(old) = old {
            map.serialize_entry("old_value", &old)?;
        }
        if let Some(new) = new {
            map.serialize_entry("new_value", &new)?;
        }
        map.end()
    }
}
