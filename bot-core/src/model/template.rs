//! Guild templates (developers/resources/guild-template.mdx; spec `GuildTemplateResponse`).
//! A template's roles and channels have template-local ids, integers on the wire (`0` is
//! `@everyone`), kept as [`Id<GenericMarker>`](Id).

use super::serde_util::nullable_vec;
use super::{
    DefaultMessageNotificationLevel, ExplicitContentFilterLevel, GenericMarker, GuildMarker, Id,
    Permissions, RoleColors, SystemChannelFlags, Timestamp, User, UserMarker, VerificationLevel,
};
use bot_spec::ChannelType;
use serde::{Deserialize, Serialize};

/// A guild template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Template {
    /// The template's code.
    pub code: Box<str>,
    /// Its name.
    pub name: Box<str>,
    /// Its description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// How many times it was used.
    #[serde(default)]
    pub usage_count: u32,
    /// Who made it.
    pub creator_id: Id<UserMarker>,
    /// Who made it.
    #[serde(default)]
    pub creator: Option<Box<User>>,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it was last synced with its guild.
    pub updated_at: Timestamp,
    /// The guild it is of.
    pub source_guild_id: Id<GuildMarker>,
    /// The guild's settings as saved.
    pub serialized_source_guild: Box<TemplateGuild>,
    /// Whether the guild changed since the last sync.
    #[serde(default)]
    pub is_dirty: Option<bool>,
}

/// A guild as a template saves it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateGuild {
    /// The name.
    pub name: Box<str>,
    /// The description.
    #[serde(default)]
    pub description: Option<Box<str>>,
    /// The voice region (deprecated).
    #[serde(default)]
    pub region: Option<Box<str>>,
    /// What a member needs before talking.
    pub verification_level: VerificationLevel,
    /// Which messages notify by default.
    pub default_message_notifications: DefaultMessageNotificationLevel,
    /// Whose media is scanned.
    pub explicit_content_filter: ExplicitContentFilterLevel,
    /// The language.
    #[serde(default)]
    pub preferred_locale: Box<str>,
    /// The AFK channel (template-local id).
    #[serde(default)]
    pub afk_channel_id: Option<Id<GenericMarker>>,
    /// Seconds before moving to the AFK channel.
    #[serde(default)]
    pub afk_timeout: u32,
    /// The system channel (template-local id).
    #[serde(default)]
    pub system_channel_id: Option<Id<GenericMarker>>,
    /// Which system messages are suppressed.
    #[serde(default)]
    pub system_channel_flags: SystemChannelFlags,
    /// The roles.
    #[serde(default)]
    pub roles: Vec<TemplateRole>,
    /// The channels.
    #[serde(default)]
    pub channels: Vec<TemplateChannel>,
    /// The icon hash.
    #[serde(default)]
    pub icon_hash: Option<Box<str>>,
}

/// A role in a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateRole {
    /// Its template-local id.
    pub id: Id<GenericMarker>,
    /// Its name.
    pub name: Box<str>,
    /// Its permissions.
    #[serde(default)]
    pub permissions: Permissions,
    /// Its colour.
    #[serde(default)]
    pub color: u32,
    /// Its colours.
    #[serde(default)]
    pub colors: Option<RoleColors>,
    /// Whether it is shown apart.
    #[serde(default)]
    pub hoist: bool,
    /// Whether anyone may mention it.
    #[serde(default)]
    pub mentionable: bool,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<Box<str>>,
    /// Its unicode emoji.
    #[serde(default)]
    pub unicode_emoji: Option<Box<str>>,
}

/// A channel in a template (the settings every channel type shares).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateChannel {
    /// Its template-local id.
    #[serde(default)]
    pub id: Option<Id<GenericMarker>>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Its name.
    #[serde(default)]
    pub name: Option<Box<str>>,
    /// Its position.
    #[serde(default)]
    pub position: Option<i32>,
    /// Its topic.
    #[serde(default)]
    pub topic: Option<Box<str>>,
    /// Its bitrate (voice).
    #[serde(default)]
    pub bitrate: u32,
    /// Its user limit (voice).
    #[serde(default)]
    pub user_limit: u32,
    /// Whether it is age-restricted.
    #[serde(default)]
    pub nsfw: bool,
    /// Its slowmode, in seconds.
    #[serde(default)]
    pub rate_limit_per_user: u32,
    /// Its category (template-local id).
    #[serde(default)]
    pub parent_id: Option<Id<GenericMarker>>,
    /// Its permission overwrites.
    #[serde(default, deserialize_with = "nullable_vec")]
    pub permission_overwrites: Vec<TemplateOverwrite>,
}

/// A permission overwrite in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateOverwrite {
    /// The template-local role (or member) id.
    pub id: Id<GenericMarker>,
    /// `0` for a role, `1` for a member.
    #[serde(rename = "type")]
    pub kind: u8,
    /// The permissions allowed.
    #[serde(default)]
    pub allow: Permissions,
    /// The permissions denied.
    #[serde(default)]
    pub deny: Permissions,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_template_decodes() {
        let template: Template = serde_json::from_value(json!({
            "code": "hgM48av5Q69A", "name": "Friends & Family", "description": "",
            "usage_count": 49605, "creator_id": "132837293881950208",
            "creator": {"id": "132837293881950208", "username": "hoges",
                        "avatar": "79b0d9f8c340f2d43e1f78b09f175b62", "discriminator": "0001",
                        "public_flags": 129},
            "created_at": "2020-04-02T21:10:38+00:00",
            "updated_at": "2020-05-01T17:57:38+00:00",
            "source_guild_id": "678070694164299796",
            "serialized_source_guild": {
                "name": "Friends & Family", "description": null, "region": "us-west",
                "verification_level": 0, "default_message_notifications": 0,
                "explicit_content_filter": 0, "preferred_locale": "en-US", "afk_timeout": 300,
                "roles": [{"id": 0, "name": "@everyone", "permissions": 104324689, "color": 0,
                           "hoist": false, "mentionable": false}],
                "channels": [
                    {"name": "Text Channels", "position": 1, "topic": null, "bitrate": 64000,
                     "user_limit": 0, "nsfw": false, "rate_limit_per_user": 0,
                     "parent_id": null, "permission_overwrites": [], "id": 1, "type": 4},
                    {"name": "general", "position": 1, "topic": null, "bitrate": 64000,
                     "user_limit": 0, "nsfw": false, "rate_limit_per_user": 0, "parent_id": 1,
                     "permission_overwrites": [{"id": 0, "type": 0, "allow": "0",
                                                "deny": "2048"}],
                     "id": 2, "type": 0}
                ],
                "afk_channel_id": null, "system_channel_id": 2, "system_channel_flags": 0,
                "icon_hash": null
            },
            "is_dirty": null
        }))
        .unwrap();
        let guild = &template.serialized_source_guild;
        assert_eq!(guild.roles[0].permissions.bits(), 104324689);
        assert_eq!(guild.channels[0].kind, ChannelType::GuildCategory);
        assert_eq!(guild.channels[1].parent_id, Some(Id::new(1)));
        assert_eq!(
            guild.channels[1].permission_overwrites[0].deny,
            Permissions::SEND_MESSAGES
        );
        assert_eq!(guild.system_channel_id, Some(Id::new(2)));
    }
}
