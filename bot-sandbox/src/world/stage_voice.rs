//! Voice states read over REST, and changed in a stage channel (developers/resources/voice.mdx
//! "Modify Current User Voice State", "Modify User Voice State"): the channel must be a stage
//! the user is already in; the bot may always suppress itself and withdraw its request to
//! speak, needs MUTE_MEMBERS to unsuppress itself or to change anyone else, and
//! REQUEST_TO_SPEAK to ask to speak. Suppressing clears the request; unsuppressing a user who
//! is not a bot stamps it with the time. Each change emits VOICE_STATE_UPDATE.

use super::World;
use super::change::{Changed, Refusal};
use super::moderation::MUTE_MEMBERS;
use super::voice::not_in_voice;
use crate::rest::now_iso;
use serde_json::Value;

/// REQUEST_TO_SPEAK.
pub(crate) const REQUEST_TO_SPEAK: u64 = 1 << 32;
/// GUILD_STAGE_VOICE.
const STAGE: u8 = 13;

/// A change to a voice state in a stage (the fields of the PATCH body).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StageEdit {
    /// The stage named in the body (else the user's own channel).
    pub(crate) channel: Option<u64>,
    pub(crate) suppress: Option<bool>,
    /// `Some(None)` withdraws a request to speak (the bot's own state only).
    pub(crate) request_to_speak: Option<Option<String>>,
}

impl World {
    /// A voice state as the REST routes answer it (`guild_id`, `member`): 10004, 10065 Unknown
    /// Voice State for a user in no voice channel.
    pub(crate) fn voice_state_of(&self, guild: u64, user: u64) -> Result<Value, Refusal> {
        let record = self.acting_guild(guild)?;
        let state = record
            .voice_states
            .iter()
            .find(|v| v.user_id == user)
            .ok_or_else(|| Refusal::unknown(10065, "Voice State"))?;
        Ok(self.voice_state_json(record, state, true))
    }

    /// Changes `user`'s voice state in the stage they are in, as the bot: VOICE_STATE_UPDATE
    /// when something changed. 40032 when they are not in that channel, 50024 when it is not a
    /// stage, 50013 for a missing permission.
    pub(crate) fn edit_stage_voice(
        &mut self,
        guild: u64,
        user: u64,
        edit: &StageEdit,
    ) -> Result<Changed<()>, Refusal> {
        let record = self.acting_guild(guild)?;
        let state = record
            .voice_states
            .iter()
            .find(|v| v.user_id == user)
            .ok_or_else(not_in_voice)?;
        let channel = edit.channel.unwrap_or(state.channel_id);
        let kind = record
            .channel(channel)
            .map(|c| c.kind)
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        if kind != STAGE {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        if state.channel_id != channel {
            return Err(not_in_voice());
        }
        let itself = user == self.bot_id;
        let needs_mute = !itself || edit.suppress == Some(false);
        let asks = matches!(edit.request_to_speak, Some(Some(_)));
        if (needs_mute && !self.can(self.bot_id, channel, MUTE_MEMBERS))
            || (asks && !self.can(self.bot_id, channel, REQUEST_TO_SPEAK))
        {
            return Err(Refusal::missing_permissions());
        }
        let user_is_bot = self.users.get(&user).is_some_and(|u| u.bot);
        let Some(state) = self
            .guilds
            .get_mut(&guild)
            .and_then(|g| g.voice_states.iter_mut().find(|v| v.user_id == user))
        else {
            return Err(not_in_voice());
        };
        let before = state.clone();
        if itself && let Some(request) = &edit.request_to_speak {
            state.request_to_speak = request.clone();
        }
        match edit.suppress {
            Some(true) => {
                state.suppress = true;
                state.request_to_speak = None;
            }
            Some(false) => {
                state.suppress = false;
                if !itself && !user_is_bot {
                    state.request_to_speak = Some(now_iso());
                }
            }
            None => {}
        }
        if *state == before {
            return Ok(Changed::quiet(()));
        }
        Ok(self.emit_voice(Changed::quiet(()), guild, user, None))
    }
}
