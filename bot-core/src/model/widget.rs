//! Guild widgets and the vanity invite (developers/resources/guild.mdx; spec `WidgetResponse`,
//! `WidgetSettingsResponse`, `VanityURLResponse`).

use super::{ChannelMarker, GuildMarker, Id, Status};
use serde::{Deserialize, Serialize};

/// A guild's widget settings (`GET /guilds/{id}/widget`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WidgetSettings {
    /// Whether the widget is on.
    #[serde(default)]
    pub enabled: bool,
    /// The channel its invite leads to.
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
}

/// A guild's vanity invite (`GET /guilds/{id}/vanity-url`): its code (`None` when the guild has
/// none) and how often it was used.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VanityUrl {
    /// The vanity code.
    #[serde(default)]
    pub code: Option<Box<str>>,
    /// How many times it was used.
    #[serde(default)]
    pub uses: u32,
}

/// A guild's public widget (`GET /guilds/{id}/widget.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Widget {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// Its name.
    pub name: Box<str>,
    /// An invite url.
    #[serde(default)]
    pub instant_invite: Option<Box<str>>,
    /// The voice channels shown.
    #[serde(default)]
    pub channels: Vec<WidgetChannel>,
    /// The online members shown (up to 100, anonymized).
    #[serde(default)]
    pub members: Vec<WidgetMember>,
    /// How many members are online.
    #[serde(default)]
    pub presence_count: u32,
}

/// A voice channel in a widget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WidgetChannel {
    /// The channel's id.
    pub id: Id<ChannelMarker>,
    /// Its name.
    pub name: Box<str>,
    /// Its position.
    #[serde(default)]
    pub position: i32,
}

/// An online member in a widget: anonymized (the id is an index, not the user's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WidgetMember {
    /// An anonymous index.
    pub id: Box<str>,
    /// The username.
    pub username: Box<str>,
    /// The discriminator (`"0000"`).
    #[serde(default)]
    pub discriminator: Option<Box<str>>,
    /// Always `None`.
    #[serde(default)]
    pub avatar: Option<Box<str>>,
    /// The status.
    pub status: Status,
    /// The avatar's url.
    #[serde(default)]
    pub avatar_url: Option<Box<str>>,
    /// What they are playing.
    #[serde(default)]
    pub activity: Option<WidgetActivity>,
    /// The voice channel they are in.
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// Deafened by the guild.
    #[serde(default)]
    pub deaf: bool,
    /// Muted by the guild.
    #[serde(default)]
    pub mute: bool,
    /// Deafened by themself.
    #[serde(default)]
    pub self_deaf: bool,
    /// Muted by themself.
    #[serde(default)]
    pub self_mute: bool,
    /// Without permission to speak.
    #[serde(default)]
    pub suppress: bool,
}

/// A widget member's activity: its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WidgetActivity {
    /// The activity's name.
    pub name: Box<str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_widget_decodes() {
        let settings: WidgetSettings =
            serde_json::from_value(json!({"enabled": true, "channel_id": "41771983444115456"}))
                .unwrap();
        assert!(settings.enabled);
        let widget: Widget = serde_json::from_value(json!({
            "id": "290926798626357999", "name": "test 0", "instant_invite": "https://discord.com/invite/abcdefg",
            "channels": [{"id": "705216630279993882", "name": "elephant", "position": 2}],
            "members": [{
                "id": "0", "username": "1234", "discriminator": "0000", "avatar": null,
                "status": "online",
                "avatar_url": "https://cdn.discordapp.com/widget-avatars/FfvURgcr3Za92K3JtoCppqnYMppMDc5B-Rll74YrGhU/C-1DyBZPQ6t5q2RuATFuMFgq0_uEMZVzd_6LbhiX0P8",
                "activity": {"name": "Rocket League"}
            }],
            "presence_count": 1
        }))
        .unwrap();
        assert_eq!(widget.members[0].status, Status::Online);
        assert_eq!(
            &*widget.members[0].activity.as_ref().unwrap().name,
            "Rocket League"
        );
    }
}
