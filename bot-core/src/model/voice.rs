//! Voice states and voice regions (developers/resources/voice.mdx; spec `VoiceStateResponse`,
//! `VoiceRegionResponse`).

use super::{ChannelMarker, GuildMarker, Id, Member, Timestamp, UserMarker};
use serde::{Deserialize, Serialize};

/// A user's voice connection state (`VOICE_STATE_UPDATE`, `GUILD_CREATE`'s `voice_states`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoiceState {
    /// The guild (absent inside `GUILD_CREATE`).
    #[serde(default)]
    pub guild_id: Option<Id<GuildMarker>>,
    /// The channel (`None`: disconnected).
    #[serde(default)]
    pub channel_id: Option<Id<ChannelMarker>>,
    /// The user.
    pub user_id: Id<UserMarker>,
    /// The member (`VOICE_STATE_UPDATE`).
    #[serde(default)]
    pub member: Option<Box<Member>>,
    /// The voice session's id.
    #[serde(default)]
    pub session_id: Box<str>,
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
    /// Streaming ("Go Live"); Discord may send `null` for `false`.
    #[serde(default, deserialize_with = "super::serde_util::nullable")]
    pub self_stream: bool,
    /// Camera on.
    #[serde(default)]
    pub self_video: bool,
    /// Without permission to speak (stages).
    #[serde(default)]
    pub suppress: bool,
    /// When they asked to speak (stages).
    #[serde(default)]
    pub request_to_speak_timestamp: Option<Timestamp>,
}

/// A voice region (`GET /voice/regions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoiceRegion {
    /// The region's id (`us-west`, ...).
    pub id: Box<str>,
    /// Its name.
    pub name: Box<str>,
    /// Whether it is the closest to the current user's client.
    #[serde(default)]
    pub optimal: bool,
    /// Whether it is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Whether it is custom (events and such).
    #[serde(default)]
    pub custom: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_voice_state_decodes() {
        // developers/resources/voice.mdx, "Example Voice State".
        let state: VoiceState = serde_json::from_value(serde_json::json!({
            "channel_id": "157733188964188161",
            "user_id": "80351110224678912",
            "session_id": "90326bd25d71d39b9ef95b299e3872ff",
            "deaf": false,
            "mute": false,
            "self_deaf": false,
            "self_mute": true,
            "suppress": false,
            "request_to_speak_timestamp": "2021-03-31T18:45:31.297561+00:00"
        }))
        .unwrap();
        assert!(state.self_mute && state.guild_id.is_none());
        assert!(state.request_to_speak_timestamp.is_some());
        let region: VoiceRegion = serde_json::from_value(serde_json::json!({
            "id": "us-west", "name": "US West", "custom": false, "deprecated": false,
            "optimal": true
        }))
        .unwrap();
        assert!(region.optimal);
    }
}
