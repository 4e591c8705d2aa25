//! Changes to a guild itself and to its channel list (developers/resources/guild.mdx "Modify
//! Guild", "Modify Guild Channel Positions", "List Active Guild Threads"): GUILD_UPDATE with the
//! guild as REST shows it, CHANNEL_UPDATE for each channel moved.

use super::change::{Changed, Refusal};
use super::{World, channel_json};
use serde_json::Value;

impl World {
    /// The guild as `GET /guilds/{id}` shows it: GUILD_CREATE's object without its lists.
    pub(crate) fn guild_rest_json(&self, guild: u64) -> Option<Value> {
        let record = self.guilds.get(&guild)?;
        let mut value = self.guild_create_json(record);
        if let Some(map) = value.as_object_mut() {
            for key in [
                "members",
                "channels",
                "threads",
                "presences",
                "voice_states",
                "joined_at",
                "large",
                "member_count",
            ] {
                map.remove(key);
            }
        }
        Some(value)
    }

    /// Renames the guild and sets its description (`None`: unchanged; `Some(None)` clears
    /// it): GUILD_UPDATE when something changed.
    pub(crate) fn edit_guild(
        &mut self,
        guild: u64,
        name: Option<String>,
        description: Option<Option<String>>,
    ) -> Result<Changed<Value>, Refusal> {
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        let before = (record.name.clone(), record.description.clone());
        if let Some(name) = name {
            record.name = name;
        }
        if let Some(description) = description {
            record.description = description;
        }
        let changed = before != (record.name.clone(), record.description.clone());
        let json = self
            .guild_rest_json(guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        let result = Changed::quiet(json.clone());
        Ok(if changed {
            result.emit("GUILD_UPDATE", Some(guild), None, json)
        } else {
            result
        })
    }

    /// Sets the positions of `moves` (channel, position): CHANNEL_UPDATE for each moved.
    pub(crate) fn move_channels(
        &mut self,
        guild: u64,
        moves: &[(u64, u32)],
    ) -> Result<Changed<()>, Refusal> {
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if moves
            .iter()
            .any(|(id, _)| !record.channels.iter().any(|c| c.id == *id))
        {
            return Err(Refusal::bad_request(50035, "Invalid Form Body"));
        }
        let mut changed = Changed::quiet(());
        for (id, position) in moves {
            if let Some(channel) = record.channels.iter_mut().find(|c| c.id == *id)
                && channel.position != *position
            {
                channel.position = *position;
                let data = channel_json(guild, channel);
                changed = changed.emit("CHANNEL_UPDATE", Some(guild), Some(*id), data);
            }
        }
        Ok(changed)
    }

    /// The guild's threads that are not archived and the bot can see, and the bot's thread
    /// members of them.
    pub(crate) fn active_threads(&self, guild: u64) -> Value {
        let Some(record) = self.guilds.get(&guild) else {
            return serde_json::json!({"threads": [], "members": [], "has_more": false});
        };
        let bot = self.bot_id;
        let threads: Vec<_> = record
            .channels
            .iter()
            .filter(|c| c.thread.as_ref().is_some_and(|t| !t.archived))
            .filter(|c| self.can(bot, c.id, super::channels::VIEW_CHANNEL))
            .collect();
        let members: Vec<Value> = threads
            .iter()
            .filter_map(|c| {
                let thread = c.thread.as_ref()?;
                let (_, joined) = thread.members.iter().find(|(user, _)| *user == bot)?;
                Some(serde_json::json!({
                    "id": c.id.to_string(), "user_id": bot.to_string(),
                    "join_timestamp": joined, "flags": 0,
                }))
            })
            .collect();
        let threads: Vec<Value> = threads
            .iter()
            .map(|c| self.guild_channel_json(guild, c))
            .collect();
        serde_json::json!({"threads": threads, "members": members, "has_more": false})
    }
}
