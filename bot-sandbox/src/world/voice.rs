//! Voice states: who is connected to which voice channel of a guild, with their own mute, deafen
//! and camera. Joining, moving, leaving and toggling emit VOICE_STATE_UPDATE (GUILD_VOICE_STATES),
//! a voice state object with `guild_id` and the `member` (developers/resources/voice.mdx "Voice
//! State Object"); GUILD_CREATE lists the guild's voice states without `guild_id`.

use super::change::{Changed, Refusal};
use super::{GuildRecord, World};
use serde_json::{Value, json};

/// GUILD_VOICE (2) and GUILD_STAGE_VOICE (13): the channels a member connects to.
pub(crate) fn is_voice(kind: u8) -> bool {
    matches!(kind, 2 | 13)
}

/// A member's connection to a voice channel (server mute and deafen are the member's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VoiceStateRecord {
    pub(crate) user_id: u64,
    pub(crate) channel_id: u64,
    pub(crate) session_id: String,
    pub(crate) self_mute: bool,
    pub(crate) self_deaf: bool,
    pub(crate) self_video: bool,
    pub(crate) suppress: bool,
    /// When they asked to speak in a stage (ISO 8601), if they did.
    pub(crate) request_to_speak: Option<String>,
}

/// 400 / 40032: the member is in no voice channel.
pub(crate) fn not_in_voice() -> Refusal {
    Refusal::bad_request(40032, "Target user is not connected to voice")
}

impl World {
    /// A voice state: `event` adds `guild_id` and the `member` (VOICE_STATE_UPDATE); without it,
    /// the partial state of GUILD_CREATE's `voice_states`. `channel: None` renders a member who
    /// just left (`channel_id: null`).
    pub(crate) fn voice_state_json(
        &self,
        guild: &GuildRecord,
        state: &VoiceStateRecord,
        event: bool,
    ) -> Value {
        let member = guild.member(state.user_id);
        let mut value = json!({
            "channel_id": state.channel_id.to_string(),
            "user_id": state.user_id.to_string(),
            "session_id": state.session_id,
            "deaf": member.is_some_and(|m| m.deaf),
            "mute": member.is_some_and(|m| m.mute),
            "self_deaf": state.self_deaf,
            "self_mute": state.self_mute,
            "self_stream": false,
            "self_video": state.self_video,
            "suppress": state.suppress,
            "request_to_speak_timestamp": state.request_to_speak,
        });
        if event {
            value["guild_id"] = json!(guild.id.to_string());
            if let Some(member) = member {
                value["member"] = self.full_member_json(member);
            }
        }
        value
    }

    /// The VOICE_STATE_UPDATE of `user`'s state in `guild` as it now is; `channel_id: null`
    /// when `left` holds the state they had.
    fn voice_event(&self, guild: u64, user: u64, left: Option<&VoiceStateRecord>) -> Option<Value> {
        let record = self.guilds.get(&guild)?;
        let state = left.or_else(|| record.voice_states.iter().find(|v| v.user_id == user))?;
        let mut value = self.voice_state_json(record, state, true);
        if left.is_some() {
            value["channel_id"] = Value::Null;
        }
        Some(value)
    }

    /// Adds `user`'s VOICE_STATE_UPDATE (as it now is, or as it ended) to `changed`.
    pub(crate) fn emit_voice<T>(
        &self,
        changed: Changed<T>,
        guild: u64,
        user: u64,
        left: Option<&VoiceStateRecord>,
    ) -> Changed<T> {
        match self.voice_event(guild, user, left) {
            Some(data) => changed.emit("VOICE_STATE_UPDATE", Some(guild), None, data),
            None => changed,
        }
    }

    /// `user` connects to voice channel `channel` of `guild`, or moves there: VOICE_STATE_UPDATE.
    /// 10004, 10007 for a non-member, 10003 for a channel of no guild's, 50024 for one that is not
    /// a voice channel.
    pub(crate) fn voice_join(
        &mut self,
        guild: u64,
        user: u64,
        channel: u64,
    ) -> Result<Changed<()>, Refusal> {
        let session = format!("{:032x}", self.ids.next());
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if record.member(user).is_none() {
            return Err(Refusal::unknown(10007, "Member"));
        }
        let kind = record
            .channel(channel)
            .map(|c| c.kind)
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        if !is_voice(kind) {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        match record.voice_states.iter_mut().find(|v| v.user_id == user) {
            Some(state) if state.channel_id == channel => return Ok(Changed::quiet(())),
            Some(state) => {
                state.channel_id = channel;
                state.suppress = kind == 13;
                state.request_to_speak = None;
            }
            None => record.voice_states.push(VoiceStateRecord {
                user_id: user,
                channel_id: channel,
                session_id: session,
                self_mute: false,
                self_deaf: false,
                self_video: false,
                suppress: kind == 13,
                request_to_speak: None,
            }),
        }
        Ok(self.emit_voice(Changed::quiet(()), guild, user, None))
    }

    /// `user` disconnects from voice: VOICE_STATE_UPDATE with `channel_id: null`; 40032 when
    /// they are not connected.
    pub(crate) fn voice_leave(&mut self, guild: u64, user: u64) -> Result<Changed<()>, Refusal> {
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        let at = record
            .voice_states
            .iter()
            .position(|v| v.user_id == user)
            .ok_or_else(not_in_voice)?;
        let state = record.voice_states.remove(at);
        Ok(self.emit_voice(Changed::quiet(()), guild, user, Some(&state)))
    }

    /// `user` mutes, deafens or turns their camera on or off themselves: VOICE_STATE_UPDATE when
    /// that changes anything; 40032 when they are not connected.
    pub(crate) fn voice_self(
        &mut self,
        guild: u64,
        user: u64,
        (mute, deaf, video): (bool, bool, bool),
    ) -> Result<Changed<()>, Refusal> {
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        let state = record
            .voice_states
            .iter_mut()
            .find(|v| v.user_id == user)
            .ok_or_else(not_in_voice)?;
        if (state.self_mute, state.self_deaf, state.self_video) == (mute, deaf, video) {
            return Ok(Changed::quiet(()));
        }
        (state.self_mute, state.self_deaf, state.self_video) = (mute, deaf, video);
        Ok(self.emit_voice(Changed::quiet(()), guild, user, None))
    }

    /// Disconnects everyone in `channel` (deleted) or `user` (gone from the guild): their
    /// VOICE_STATE_UPDATEs with `channel_id: null` are added to `changed`.
    pub(crate) fn disconnect_voice<T>(
        &mut self,
        mut changed: Changed<T>,
        guild: u64,
        gone: impl Fn(&VoiceStateRecord) -> bool,
    ) -> Changed<T> {
        let Some(record) = self.guilds.get_mut(&guild) else {
            return changed;
        };
        let (left, stay): (Vec<_>, Vec<_>) = record.voice_states.drain(..).partition(&gone);
        record.voice_states = stay;
        for state in &left {
            changed = self.emit_voice(changed, guild, state.user_id, Some(state));
        }
        changed
    }

    /// `user`'s voice channel in `guild`, if connected.
    pub(crate) fn voice_channel_of(&self, guild: u64, user: u64) -> Option<u64> {
        self.guilds
            .get(&guild)?
            .voice_states
            .iter()
            .find(|v| v.user_id == user)
            .map(|v| v.channel_id)
    }
}
