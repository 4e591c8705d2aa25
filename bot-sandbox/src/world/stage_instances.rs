//! Stage instances (developers/resources/stage-instance.mdx): a live stage in a stage channel
//! (type 13), at most one per channel. Starting, changing and ending one needs the bot to be a
//! moderator of the stage — MANAGE_CHANNELS, MUTE_MEMBERS and MOVE_MEMBERS in the channel — and
//! emits STAGE_INSTANCE_CREATE / _UPDATE / _DELETE (GUILDS). Deleting the channel ends its stage.

use super::World;
use super::change::{Changed, Refusal};
use super::channels::MANAGE_CHANNELS;
use super::moderation::{MOVE_MEMBERS, MUTE_MEMBERS};
use serde_json::{Value, json};

/// A stage channel's type.
const GUILD_STAGE_VOICE: u8 = 13;
/// What a stage moderator has in the channel.
const STAGE_MODERATOR: u64 = MANAGE_CHANNELS | MUTE_MEMBERS | MOVE_MEMBERS;
/// MENTION_EVERYONE: needed to notify @everyone that a stage started.
const MENTION_EVERYONE: u64 = 1 << 17;

/// A live stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StageRecord {
    pub(crate) id: u64,
    pub(crate) guild_id: u64,
    pub(crate) channel_id: u64,
    pub(crate) topic: String,
    /// 1 public (deprecated), 2 guild only.
    pub(crate) privacy_level: u64,
}

impl StageRecord {
    /// As REST and the gateway show it (the spec's `StageInstanceResponse`).
    pub(crate) fn json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "guild_id": self.guild_id.to_string(),
            "channel_id": self.channel_id.to_string(),
            "topic": self.topic,
            "privacy_level": self.privacy_level,
            "discoverable_disabled": false,
            "guild_scheduled_event_id": null,
        })
    }
}

/// What a create or modify body asks for, checked as Discord checks it (50035 otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StageRequest {
    pub(crate) topic: Option<String>,
    pub(crate) privacy_level: Option<u64>,
    pub(crate) notify: bool,
    pub(crate) scheduled_event: Option<u64>,
}

impl StageRequest {
    /// Reads a body: `topic` 1–120 characters, `privacy_level` 1 or 2.
    pub(crate) fn of(body: &Value) -> Result<Self, Refusal> {
        let topic = match body.get("topic") {
            None | Some(Value::Null) => None,
            Some(Value::String(topic)) if (1..=120).contains(&topic.chars().count()) => {
                Some(topic.clone())
            }
            Some(_) => {
                return Err(Refusal::bad_request(
                    50035,
                    "topic: Must be between 1 and 120 in length.",
                ));
            }
        };
        let privacy_level = match body.get("privacy_level") {
            None | Some(Value::Null) => None,
            Some(level) => Some(level.as_u64().filter(|l| matches!(l, 1 | 2)).ok_or_else(
                || Refusal::bad_request(50035, "privacy_level: Value must be one of {1, 2}."),
            )?),
        };
        let scheduled_event = body
            .get("guild_scheduled_event_id")
            .and_then(|id| id.as_str().and_then(|s| s.parse().ok()).or(id.as_u64()));
        Ok(StageRequest {
            topic,
            privacy_level,
            notify: body
                .get("send_start_notification")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            scheduled_event,
        })
    }
}

impl World {
    /// The bot must moderate `channel`, a stage channel: 10003 unknown, 50024 another type,
    /// 50001 / 50013 without access or the moderator permissions. Its guild.
    fn stage_channel(&self, channel: u64) -> Result<u64, Refusal> {
        let (guild, record) = self
            .guild_channel(channel)
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        if record.kind != GUILD_STAGE_VOICE {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        self.require(channel, STAGE_MODERATOR)?;
        Ok(guild)
    }

    /// The live stage of `channel` (10067 when none; the bot must see the channel).
    pub(crate) fn stage_instance(&self, channel: u64) -> Result<Value, Refusal> {
        if !self.channel_exists(channel) {
            return Err(Refusal::unknown(10003, "Channel"));
        }
        if !self.can(self.bot_id, channel, super::channels::VIEW_CHANNEL) {
            return Err(Refusal::missing_access());
        }
        self.stages
            .get(&channel)
            .map(StageRecord::json)
            .ok_or_else(|| Refusal::unknown(10067, "Stage Instance"))
    }

    /// Starts a stage in `channel`: STAGE_INSTANCE_CREATE. 150006 when one is live there,
    /// 10070 for a scheduled event the guild does not have.
    pub(crate) fn create_stage(
        &mut self,
        channel: u64,
        request: StageRequest,
    ) -> Result<Changed<Value>, Refusal> {
        let guild = self.stage_channel(channel)?;
        let Some(topic) = request.topic else {
            return Err(Refusal::bad_request(50035, "topic: This field is required"));
        };
        if request.notify && !self.can(self.bot_id, channel, MENTION_EVERYONE) {
            return Err(Refusal::missing_permissions());
        }
        if request.scheduled_event.is_some() {
            // The sandbox's guilds have no scheduled events.
            return Err(Refusal::unknown(10070, "Guild Scheduled Event"));
        }
        if self.stages.contains_key(&channel) {
            return Err(Refusal::bad_request(150006, "Stage already open"));
        }
        let stage = StageRecord {
            id: self.ids.next(),
            guild_id: guild,
            channel_id: channel,
            topic,
            privacy_level: request.privacy_level.unwrap_or(2),
        };
        let data = stage.json();
        self.stages.insert(channel, stage);
        Ok(Changed::quiet(data.clone()).emit(
            "STAGE_INSTANCE_CREATE",
            Some(guild),
            Some(channel),
            data,
        ))
    }

    /// Changes the live stage of `channel`: STAGE_INSTANCE_UPDATE.
    pub(crate) fn edit_stage(
        &mut self,
        channel: u64,
        request: StageRequest,
    ) -> Result<Changed<Value>, Refusal> {
        let guild = self.stage_channel(channel)?;
        let stage = self
            .stages
            .get_mut(&channel)
            .ok_or_else(|| Refusal::unknown(10067, "Stage Instance"))?;
        if let Some(topic) = request.topic {
            stage.topic = topic;
        }
        if let Some(level) = request.privacy_level {
            stage.privacy_level = level;
        }
        let data = stage.json();
        Ok(Changed::quiet(data.clone()).emit(
            "STAGE_INSTANCE_UPDATE",
            Some(guild),
            Some(channel),
            data,
        ))
    }

    /// Ends the live stage of `channel`: STAGE_INSTANCE_DELETE.
    pub(crate) fn delete_stage(&mut self, channel: u64) -> Result<Changed<()>, Refusal> {
        let guild = self.stage_channel(channel)?;
        let stage = self
            .stages
            .remove(&channel)
            .ok_or_else(|| Refusal::unknown(10067, "Stage Instance"))?;
        Ok(Changed::quiet(()).emit(
            "STAGE_INSTANCE_DELETE",
            Some(guild),
            Some(channel),
            stage.json(),
        ))
    }

    /// A channel being deleted ends its stage: STAGE_INSTANCE_DELETE first.
    pub(crate) fn end_stage_with_channel<T>(
        &mut self,
        changed: Changed<T>,
        channel: u64,
    ) -> Changed<T> {
        match self.stages.remove(&channel) {
            Some(stage) => {
                let guild = stage.guild_id;
                changed.emit("STAGE_INSTANCE_DELETE", Some(guild), None, stage.json())
            }
            None => changed,
        }
    }

    /// The live stages of a guild, as GUILD_CREATE's `stage_instances` lists them.
    pub(crate) fn guild_stages_json(&self, guild: u64) -> Vec<Value> {
        self.stages
            .values()
            .filter(|s| s.guild_id == guild)
            .map(StageRecord::json)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_bodies_are_checked() {
        let request =
            StageRequest::of(&json!({"topic": "Town hall", "privacy_level": 2})).expect("a stage");
        assert_eq!(request.topic.as_deref(), Some("Town hall"));
        assert!(StageRequest::of(&json!({"topic": ""})).is_err());
        assert!(StageRequest::of(&json!({"topic": "x".repeat(121)})).is_err());
        assert!(StageRequest::of(&json!({"topic": "ok", "privacy_level": 3})).is_err());
    }
}
