//! A running instance of an activity (developers/activities; spec `EmbeddedActivityInstance`):
//! where it runs and who is in it.

use super::enums::str_enum;
use super::{ApplicationMarker, ChannelMarker, GuildMarker, Id, UserMarker};
use serde::{Deserialize, Serialize};

str_enum! {
    /// Where an activity runs (spec `EmbeddedActivityLocationKind`).
    pub enum ActivityLocationKind {
        /// A guild channel.
        GuildChannel = "gc",
        /// A DM or group DM.
        PrivateChannel = "pc",
    }
}

/// The place an activity instance runs in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityLocation {
    /// The location's id (not a snowflake).
    pub id: Box<str>,
    /// A guild channel or a private one.
    pub kind: ActivityLocationKind,
    /// The channel.
    pub channel_id: Id<ChannelMarker>,
    /// The guild, for a guild channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<Id<GuildMarker>>,
}

/// An activity instance (`GET /applications/{id}/activity-instances/{instance_id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActivityInstance {
    /// The application.
    pub application_id: Id<ApplicationMarker>,
    /// The instance's id (not a snowflake).
    pub instance_id: Box<str>,
    /// The launch's id (a snowflake as a string).
    pub launch_id: Box<str>,
    /// Where it runs.
    pub location: ActivityLocation,
    /// The users in it.
    #[serde(default)]
    pub users: Vec<Id<UserMarker>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_instance_decodes() {
        // developers/resources/application.mdx, "Example Activity Instance".
        let instance: ActivityInstance = serde_json::from_value(serde_json::json!({
            "application_id": "1215413995645968394",
            "instance_id": "i-1276580072400224306-gc-912952092627435520-912954213460484116",
            "launch_id": "1276580072400224306",
            "location": {
                "id": "gc-912952092627435520-912954213460484116",
                "kind": "gc",
                "channel_id": "912954213460484116",
                "guild_id": "912952092627435520"
            },
            "users": ["205519959982473217"]
        }))
        .unwrap();
        assert_eq!(instance.location.kind, ActivityLocationKind::GuildChannel);
        assert_eq!(instance.users, [Id::new(205519959982473217)]);
    }
}
