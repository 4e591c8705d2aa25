//! What the bot does to a voice channel beyond connecting: its status
//! (VOICE_CHANNEL_STATUS_UPDATE, GUILDS) and soundboard sounds played in it
//! (VOICE_CHANNEL_EFFECT_SEND, GUILD_VOICE_STATES).

use super::World;
use super::change::{Changed, Refusal};
use super::channels::MANAGE_CHANNELS;
use super::voice::{is_voice, not_in_voice};
use serde_json::{Value, json};

/// SPEAK.
pub(crate) const SPEAK: u64 = 1 << 21;
/// USE_SOUNDBOARD.
pub(crate) const USE_SOUNDBOARD: u64 = 1 << 42;
/// USE_EXTERNAL_SOUNDS.
pub(crate) const USE_EXTERNAL_SOUNDS: u64 = 1 << 45;
/// SET_VOICE_CHANNEL_STATUS.
pub(crate) const SET_VOICE_CHANNEL_STATUS: u64 = 1 << 48;

fn wrong_type() -> Refusal {
    Refusal::bad_request(50024, "Cannot execute action on this channel type")
}

impl World {
    /// The guild of a voice channel (type 2) or stage (13) the bot may see.
    fn voice_guild(&self, channel: u64, only_voice: bool) -> Result<u64, Refusal> {
        self.require(channel, 0)?;
        match self.guild_channel(channel) {
            Some((guild, record))
                if (only_voice && record.kind == 2) || (!only_voice && is_voice(record.kind)) =>
            {
                Ok(guild)
            }
            _ => Err(wrong_type()),
        }
    }

    /// Sets (or clears, `None`) a voice channel's status: SET_VOICE_CHANNEL_STATUS, and
    /// MANAGE_CHANNELS when the bot is not connected to it. VOICE_CHANNEL_STATUS_UPDATE.
    pub(crate) fn set_voice_status(
        &mut self,
        channel: u64,
        status: Option<String>,
    ) -> Result<Changed<()>, Refusal> {
        let guild = self.voice_guild(channel, true)?;
        let connected = self.voice_channel_of(guild, self.bot_id) == Some(channel);
        let needed = if connected {
            SET_VOICE_CHANNEL_STATUS
        } else {
            SET_VOICE_CHANNEL_STATUS | MANAGE_CHANNELS
        };
        self.require(channel, needed)?;
        let status = status.filter(|s| !s.is_empty());
        let data = json!({
            "id": channel.to_string(),
            "guild_id": guild.to_string(),
            "status": status,
        });
        match status {
            Some(status) => self.voice_statuses.insert(channel, status),
            None => self.voice_statuses.remove(&channel),
        };
        Ok(Changed::quiet(()).emit(
            "VOICE_CHANNEL_STATUS_UPDATE",
            Some(guild),
            Some(channel),
            data,
        ))
    }

    /// Plays a soundboard sound in the voice channel the bot is connected to (SPEAK,
    /// USE_SOUNDBOARD, and USE_EXTERNAL_SOUNDS for another guild's sound): 40032 when the bot is
    /// not in that channel. VOICE_CHANNEL_EFFECT_SEND.
    pub(crate) fn send_soundboard_sound(
        &mut self,
        channel: u64,
        sound: u64,
        source_guild: Option<u64>,
    ) -> Result<Changed<()>, Refusal> {
        let guild = self.voice_guild(channel, false)?;
        let external = source_guild.is_some_and(|g| g != guild);
        let needed = SPEAK | USE_SOUNDBOARD | if external { USE_EXTERNAL_SOUNDS } else { 0 };
        self.require(channel, needed)?;
        if self.voice_channel_of(guild, self.bot_id) != Some(channel) {
            return Err(not_in_voice());
        }
        let mut data = json!({
            "channel_id": channel.to_string(),
            "guild_id": guild.to_string(),
            "user_id": self.bot_id.to_string(),
            "sound_id": sound.to_string(),
            "sound_volume": 1.0,
            "animation_type": null,
            "animation_id": 0,
        });
        if let Some(source) = source_guild {
            data["source_guild_id"] = Value::String(source.to_string());
        }
        Ok(Changed::quiet(()).emit(
            "VOICE_CHANNEL_EFFECT_SEND",
            Some(guild),
            Some(channel),
            data,
        ))
    }
}
