//! Voice states in a guild: the bot's own or a member's, read, and changed in a stage channel
//! (suppressed or a speaker, a request to speak).

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{ChannelMarker, EditVoiceState, GuildMarker, Id, UserMarker, VoiceState};
use serde_json::json as object;

impl Http {
    /// `GET /guilds/{guild}/voice-states/@me`: the bot's voice state (10065 Unknown Voice State
    /// when it is in no voice channel).
    pub async fn current_voice_state(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<VoiceState, HttpError> {
        let path = format!("/guilds/{guild}/voice-states/@me");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/voice-states/{user}`: a member's voice state (10065 when the member
    /// is in no voice channel).
    pub async fn voice_state(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
    ) -> Result<VoiceState, HttpError> {
        let path = format!("/guilds/{guild}/voice-states/{user}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /guilds/{guild}/voice-states/@me`: changes the bot's voice state in the stage
    /// channel it is in (VOICE_STATE_UPDATE).
    pub async fn edit_current_voice_state(
        &self,
        guild: Id<GuildMarker>,
        edit: &EditVoiceState,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/voice-states/@me");
        self.unit(Method::PATCH, &path, json(edit)?, None).await
    }

    /// `PATCH /guilds/{guild}/voice-states/{user}`: suppresses a member of the stage channel
    /// they are in, or invites them to speak (`suppress: false`). Needs MUTE_MEMBERS
    /// (VOICE_STATE_UPDATE).
    pub async fn edit_voice_state(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        channel: Id<ChannelMarker>,
        suppress: bool,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/voice-states/{user}");
        let body = Body::Json(object!({"channel_id": channel, "suppress": suppress}));
        self.unit(Method::PATCH, &path, body, None).await
    }
}
