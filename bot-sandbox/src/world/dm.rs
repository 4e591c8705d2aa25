//! Direct messages between a user and the bot: one DM channel (type 1) per user, made on first
//! use and kept.

use super::World;
use serde_json::{Value, json};

/// Channel type DM (developers/resources/channel.mdx "Channel Types").
const DM: u8 = 1;

impl World {
    /// The DM channel between `user` and the bot, made on first use; `None` for an unknown user or
    /// a bot (bots have no DMs with each other).
    pub(crate) fn dm_channel(&mut self, user: u64) -> Option<u64> {
        if self.users.get(&user).is_none_or(|u| u.bot) {
            return None;
        }
        if let Some(channel) = self.dm_channels.get(&user) {
            return Some(*channel);
        }
        let channel = self.ids.next();
        self.dm_channels.insert(user, channel);
        Some(channel)
    }

    /// The user at the other end of a DM channel with the bot.
    pub(crate) fn dm_recipient(&self, channel: u64) -> Option<u64> {
        self.dm_channels
            .iter()
            .find(|(_, id)| **id == channel)
            .map(|(user, _)| *user)
    }

    /// Whether messages can be sent to and read from `channel`: a guild channel, a DM or a
    /// group DM.
    pub(crate) fn channel_exists(&self, channel: u64) -> bool {
        self.guild_of_channel(channel).is_some()
            || self.dm_recipient(channel).is_some()
            || self.group_dms.contains_key(&channel)
    }

    /// A DM channel as `GET /channels/{id}` returns it and an interaction's `channel` carries it
    /// (the spec's `PrivateChannelResponse`): `recipients` holds the other user, not the bot.
    pub(crate) fn dm_channel_json(&self, channel: u64) -> Option<Value> {
        let user = self.dm_recipient(channel)?;
        let last = self
            .messages
            .get(&channel)
            .and_then(|list| list.last())
            .and_then(|m| m.get("id").cloned())
            .unwrap_or(Value::Null);
        Some(json!({
            "id": channel.to_string(),
            "type": DM,
            "last_message_id": last,
            "flags": 0,
            "recipients": [self.public_user_json_by_id(user)?],
        }))
    }
}
