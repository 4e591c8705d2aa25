//! Stage instances (developers/resources/stage-instance.mdx; spec `StageInstanceResponse`).

use super::enums::int_enum;
use super::{ChannelMarker, GuildMarker, Id, ScheduledEventMarker, StageMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// Who can see a stage (spec `StageInstancesPrivacyLevels`).
    pub enum StagePrivacyLevel: u8 {
        /// Anyone (deprecated).
        Public = 1,
        /// Only the guild's members.
        GuildOnly = 2,
    }
}

/// A live stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StageInstance {
    /// The stage instance's id.
    pub id: Id<StageMarker>,
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The stage channel.
    pub channel_id: Id<ChannelMarker>,
    /// The topic (1-120 characters).
    pub topic: Box<str>,
    /// Who can see it.
    pub privacy_level: StagePrivacyLevel,
    /// Whether Discovery is off for it (deprecated).
    #[serde(default)]
    pub discoverable_disabled: bool,
    /// The scheduled event it belongs to.
    #[serde(default)]
    pub guild_scheduled_event_id: Option<Id<ScheduledEventMarker>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_stage_instance_decodes() {
        let stage: StageInstance = serde_json::from_value(serde_json::json!({
            "id": "840647391636226060",
            "guild_id": "197038439483310086",
            "channel_id": "733488538393510049",
            "topic": "Testing Testing, 123",
            "privacy_level": 1,
            "discoverable_disabled": false,
            "guild_scheduled_event_id": "947656305244532806"
        }))
        .unwrap();
        assert_eq!(stage.privacy_level, StagePrivacyLevel::Public);
        assert_eq!(&*stage.topic, "Testing Testing, 123");
    }
}
