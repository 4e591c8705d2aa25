//! Changes to a guild's members, roles and channels (Modify Guild Member, Create/Modify Guild
//! Role, Create Guild Channel; developers/resources/guild.mdx), with Discord's limits checked
//! before sending.

use super::problem::{self, RequestProblem};
use crate::model::{
    ChannelMarker, ChannelType, Id, MemberFlags, PermissionOverwrite, Permissions, RoleMarker,
    Timestamp,
};
use serde::Serialize;

/// The longest timeout Discord takes: 28 days.
pub const MAX_TIMEOUT_SECONDS: i64 = 28 * 24 * 60 * 60;

/// What to change in a guild member; what is left unset stays as it is.
///
/// ```
/// use bot_core::model::{EditMember, Timestamp};
/// let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3600);
/// EditMember::new().nick(Some("Ada")).timeout_until(Some(in_an_hour)).check().unwrap();
/// let in_a_year = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 31_536_000);
/// assert!(EditMember::new().timeout_until(Some(in_a_year)).check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditMember {
    /// The nickname (up to 32 characters; `Some(None)` removes it). Needs MANAGE_NICKNAMES.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick: Option<Option<String>>,
    /// Every role of the member (replacing them). Needs MANAGE_ROLES.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Id<RoleMarker>>>,
    /// Muted in voice. Needs MUTE_MEMBERS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mute: Option<bool>,
    /// Deafened in voice. Needs DEAFEN_MEMBERS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deaf: Option<bool>,
    /// The voice channel to move it to (`Some(None)` disconnects it). Needs MOVE_MEMBERS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Option<Id<ChannelMarker>>>,
    /// Timed out until then, at most 28 days ahead (`Some(None)` ends a timeout). Needs
    /// MODERATE_MEMBERS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communication_disabled_until: Option<Option<Timestamp>>,
    /// The member's flags.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flags: Option<MemberFlags>,
}

impl EditMember {
    /// Changes nothing yet.
    pub fn new() -> Self {
        EditMember::default()
    }

    /// The nickname (`None`: removes it).
    pub fn nick(mut self, nick: Option<&str>) -> Self {
        self.nick = Some(nick.map(str::to_owned));
        self
    }

    /// Every role (replacing them).
    pub fn roles(mut self, roles: impl IntoIterator<Item = Id<RoleMarker>>) -> Self {
        self.roles = Some(roles.into_iter().collect());
        self
    }

    /// Muted in voice or not.
    pub fn mute(mut self, mute: bool) -> Self {
        self.mute = Some(mute);
        self
    }

    /// Deafened in voice or not.
    pub fn deaf(mut self, deaf: bool) -> Self {
        self.deaf = Some(deaf);
        self
    }

    /// Moves it to a voice channel (`None`: disconnects it).
    pub fn voice_channel(mut self, channel: Option<Id<ChannelMarker>>) -> Self {
        self.channel_id = Some(channel);
        self
    }

    /// Times it out until `until` (`None`: ends its timeout).
    pub fn timeout_until(mut self, until: Option<Timestamp>) -> Self {
        self.communication_disabled_until = Some(until);
        self
    }

    /// Checks Discord's limits (the timeout against the clock now).
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(Some(nick)) = &self.nick {
            problem::length("nick", nick, 1, 32)?;
        }
        if let Some(Some(until)) = self.communication_disabled_until {
            let ahead = until.unix_seconds() - Timestamp::now().unix_seconds();
            problem::range(
                "communication_disabled_until",
                ahead,
                i64::MIN,
                MAX_TIMEOUT_SECONDS,
            )?;
        }
        Ok(())
    }
}

/// What to change in a guild itself; what is left unset stays as it is. Needs MANAGE_GUILD.
///
/// ```
/// use bot_core::model::EditGuild;
/// EditGuild::new().name("Rustaceans").description(Some("We write Rust")).check().unwrap();
/// assert!(EditGuild::new().name("x").check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditGuild {
    /// The name (2–100 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description (up to 120 characters; `Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Option<String>>,
}

impl EditGuild {
    /// Changes nothing yet.
    pub fn new() -> Self {
        EditGuild::default()
    }

    /// The name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The description (`None`: removes it).
    pub fn description(mut self, description: Option<&str>) -> Self {
        self.description = Some(description.map(str::to_owned));
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.name {
            problem::length("name", name, 2, 100)?;
        }
        if let Some(Some(description)) = &self.description {
            problem::length("description", description, 0, 120)?;
        }
        Ok(())
    }
}

/// A role to create, or what to change in one; what is left unset is Discord's default (or
/// stays as it is).
///
/// ```
/// use bot_core::model::{CreateRole, Permissions};
/// let role = CreateRole::new("Moderator").permissions(Permissions::KICK_MEMBERS).color(0xe67e22);
/// role.check().unwrap();
/// assert!(CreateRole::new("x".repeat(101)).check().is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateRole {
    /// The name (up to 100 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its permissions (only those the bot has itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// Its colour (RGB).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<u32>,
    /// Shown apart in the member list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hoist: Option<bool>,
    /// Anyone may mention it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentionable: Option<bool>,
    /// Its unicode emoji.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode_emoji: Option<String>,
}

impl CreateRole {
    /// A role named `name` (or a change of name).
    pub fn new(name: impl Into<String>) -> Self {
        CreateRole {
            name: Some(name.into()),
            ..CreateRole::default()
        }
    }

    /// Changes nothing (for an edit).
    pub fn edit() -> Self {
        CreateRole::default()
    }

    /// The name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Its permissions.
    pub fn permissions(mut self, permissions: Permissions) -> Self {
        self.permissions = Some(permissions);
        self
    }

    /// Its colour.
    pub fn color(mut self, color: u32) -> Self {
        self.color = Some(color);
        self
    }

    /// Shown apart or not.
    pub fn hoist(mut self, hoist: bool) -> Self {
        self.hoist = Some(hoist);
        self
    }

    /// Mentionable by anyone or not.
    pub fn mentionable(mut self, mentionable: bool) -> Self {
        self.mentionable = Some(mentionable);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.name {
            problem::length("name", name, 1, 100)?;
        }
        if let Some(color) = self.color {
            problem::range("color", color.into(), 0, 0xff_ffff)?;
        }
        Ok(())
    }
}

/// A channel to create in a guild.
///
/// ```
/// use bot_core::model::{ChannelType, CreateGuildChannel};
/// let channel = CreateGuildChannel::new("lounge", ChannelType::GuildVoice).user_limit(10);
/// channel.check().unwrap();
/// assert!(CreateGuildChannel::new("", ChannelType::GuildText).check().is_err());
/// assert!(CreateGuildChannel::new("t", ChannelType::PublicThread).check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateGuildChannel {
    /// The name (1–100 characters).
    pub name: String,
    /// Its type (not a thread's).
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// The topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Its category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Id<ChannelMarker>>,
    /// Age-restricted or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// Slow mode, in seconds (0–21600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// Its place in the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<i32>,
    /// A voice channel's user limit (0–99; 0: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_limit: Option<u32>,
    /// Its permission overwrites.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub permission_overwrites: Vec<PermissionOverwrite>,
}

impl CreateGuildChannel {
    /// A channel named `name` of type `kind`.
    pub fn new(name: impl Into<String>, kind: ChannelType) -> Self {
        CreateGuildChannel {
            name: name.into(),
            kind,
            topic: None,
            parent_id: None,
            nsfw: None,
            rate_limit_per_user: None,
            position: None,
            user_limit: None,
            permission_overwrites: Vec::new(),
        }
    }

    /// The topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// Its category.
    pub fn parent(mut self, parent: Id<ChannelMarker>) -> Self {
        self.parent_id = Some(parent);
        self
    }

    /// A voice channel's user limit.
    pub fn user_limit(mut self, limit: u32) -> Self {
        self.user_limit = Some(limit);
        self
    }

    /// Its permission overwrites.
    pub fn permission_overwrites(mut self, overwrites: Vec<PermissionOverwrite>) -> Self {
        self.permission_overwrites = overwrites;
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        problem::length("name", &self.name, 1, 100)?;
        if matches!(
            self.kind,
            ChannelType::PublicThread
                | ChannelType::PrivateThread
                | ChannelType::AnnouncementThread
        ) {
            return Err(RequestProblem::NotAllowed {
                field: "type",
                why: "threads are started from a channel, not created in the guild",
            });
        }
        if let Some(topic) = &self.topic {
            problem::length("topic", topic, 0, 1024)?;
        }
        if let Some(slow) = self.rate_limit_per_user {
            problem::range(
                "rate_limit_per_user",
                slow.into(),
                0,
                super::SLOW_MODE_LIMIT.into(),
            )?;
        }
        if let Some(limit) = self.user_limit {
            problem::range("user_limit", limit.into(), 0, 99)?;
        }
        problem::count(
            "permission_overwrites",
            self.permission_overwrites.len(),
            0,
            100,
        )?;
        Ok(())
    }
}
