//! Reactions to messages: who reacted with which emoji, and the events of each change.

use super::World;
use super::change::{Changed, Refusal};
use super::channels::{ADD_REACTIONS, MANAGE_MESSAGES, READ_MESSAGE_HISTORY};
use serde_json::{Value, json};

/// The most different emojis on one message.
const EMOJI_LIMIT: usize = 20;

/// One emoji's reactions to a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ReactionRecord {
    /// `name` for a unicode emoji, `name:id` for a custom one: how routes name it.
    pub(crate) key: String,
    /// The users who reacted, in order.
    pub(crate) users: Vec<u64>,
}

impl ReactionRecord {
    /// The emoji object: `{id: null, name}` or `{id, name}`.
    pub(crate) fn emoji(&self) -> Value {
        emoji_json(&self.key)
    }

    /// The reaction as a message carries it.
    pub(crate) fn json(&self, bot: u64) -> Value {
        let me = self.users.contains(&bot);
        json!({
            "emoji": self.emoji(),
            "count": self.users.len(),
            "count_details": {"burst": 0, "normal": self.users.len()},
            "burst_colors": [],
            "me_burst": false,
            "burst_me": false,
            "me": me,
            "burst_count": 0,
        })
    }
}

/// The emoji object of a route's emoji (`name` or `name:id`).
pub(crate) fn emoji_json(key: &str) -> Value {
    match key.rsplit_once(':') {
        Some((name, id)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            json!({"id": id, "name": name})
        }
        _ => json!({"id": null, "name": key}),
    }
}

impl World {
    fn reaction_target(&self, channel: u64, message: u64) -> Result<(), Refusal> {
        self.require(channel, READ_MESSAGE_HISTORY)?;
        self.find_message(channel, message)
            .map(|_| ())
            .ok_or_else(|| Refusal::unknown(10008, "Message"))
    }

    fn reaction_event(&self, channel: u64, message: u64, user: u64, key: &str) -> Value {
        let mut data = json!({
            "user_id": user.to_string(),
            "channel_id": channel.to_string(),
            "message_id": message.to_string(),
            "emoji": emoji_json(key),
            "burst": false,
            "type": 0,
        });
        if let Some(guild) = self.guild_id_of(channel) {
            data["guild_id"] = json!(guild.to_string());
        }
        data
    }

    /// `user` reacts with `key`: MESSAGE_REACTION_ADD. A new emoji needs ADD_REACTIONS (and no
    /// more than 20 on a message).
    pub(crate) fn add_reaction(
        &mut self,
        channel: u64,
        message: u64,
        user: u64,
        key: &str,
    ) -> Result<Changed<()>, Refusal> {
        self.reaction_target(channel, message)?;
        if key.is_empty() || key.len() > 100 {
            return Err(Refusal::bad_request(10014, "Unknown Emoji"));
        }
        let list = self.reactions.entry(message).or_default();
        let exists = list.iter().any(|r| r.key == key);
        let allowed = self.can(user, channel, ADD_REACTIONS);
        let list = self.reactions.entry(message).or_default();
        if !exists && !allowed {
            return Err(Refusal::missing_permissions());
        }
        if !exists && list.len() >= EMOJI_LIMIT {
            return Err(Refusal::bad_request(
                30010,
                "Maximum number of reactions reached (20)",
            ));
        }
        match list.iter_mut().find(|r| r.key == key) {
            Some(record) if record.users.contains(&user) => return Ok(Changed::quiet(())),
            Some(record) => record.users.push(user),
            None => list.push(ReactionRecord {
                key: key.to_owned(),
                users: vec![user],
            }),
        }
        let mut data = self.reaction_event(channel, message, user, key);
        let guild = self.guild_id_of(channel);
        if let Some(member) = guild
            .and_then(|g| self.guilds.get(&g))
            .and_then(|g| g.member(user))
        {
            data["member"] = self.member_json(member, true);
        }
        data["message_author_id"] = self
            .find_message(channel, message)
            .map_or(Value::Null, |m| m["author"]["id"].clone());
        Ok(Changed::quiet(()).emit("MESSAGE_REACTION_ADD", guild, Some(channel), data))
    }

    /// Removes `user`'s reaction (another user's needs MANAGE_MESSAGES):
    /// MESSAGE_REACTION_REMOVE.
    pub(crate) fn remove_reaction(
        &mut self,
        channel: u64,
        message: u64,
        user: u64,
        key: &str,
    ) -> Result<Changed<()>, Refusal> {
        self.reaction_target(channel, message)?;
        if user != self.bot_id {
            self.require(channel, MANAGE_MESSAGES)?;
        }
        let list = self.reactions.entry(message).or_default();
        let Some(record) = list.iter_mut().find(|r| r.key == key) else {
            return Ok(Changed::quiet(()));
        };
        let before = record.users.len();
        record.users.retain(|u| *u != user);
        let removed = record.users.len() != before;
        list.retain(|r| !r.users.is_empty());
        if !removed {
            return Ok(Changed::quiet(()));
        }
        let data = self.reaction_event(channel, message, user, key);
        let guild = self.guild_id_of(channel);
        Ok(Changed::quiet(()).emit("MESSAGE_REACTION_REMOVE", guild, Some(channel), data))
    }

    /// Removes every reaction (`None`) or one emoji's (MANAGE_MESSAGES):
    /// MESSAGE_REACTION_REMOVE_ALL or MESSAGE_REACTION_REMOVE_EMOJI.
    pub(crate) fn clear_reactions(
        &mut self,
        channel: u64,
        message: u64,
        key: Option<&str>,
    ) -> Result<Changed<()>, Refusal> {
        self.reaction_target(channel, message)?;
        self.require(channel, MANAGE_MESSAGES)?;
        let list = self.reactions.entry(message).or_default();
        match key {
            Some(key) => list.retain(|r| r.key != key),
            None => list.clear(),
        }
        let guild = self.guild_id_of(channel);
        let mut data =
            json!({"channel_id": channel.to_string(), "message_id": message.to_string()});
        if let Some(guild) = guild {
            data["guild_id"] = json!(guild.to_string());
        }
        let event = match key {
            Some(key) => {
                data["emoji"] = emoji_json(key);
                "MESSAGE_REACTION_REMOVE_EMOJI"
            }
            None => "MESSAGE_REACTION_REMOVE_ALL",
        };
        Ok(Changed::quiet(()).emit(event, guild, Some(channel), data))
    }

    /// The users who reacted with `key`, in id order, `after` an id, at most `limit`.
    pub(crate) fn reaction_users(
        &self,
        channel: u64,
        message: u64,
        key: &str,
        after: u64,
        limit: usize,
    ) -> Result<Vec<Value>, Refusal> {
        self.reaction_target(channel, message)?;
        let mut users: Vec<u64> = self
            .reactions
            .get(&message)
            .and_then(|list| list.iter().find(|r| r.key == key))
            .map(|r| r.users.clone())
            .unwrap_or_default();
        users.sort_unstable();
        Ok(users
            .into_iter()
            .filter(|u| *u > after)
            .take(limit)
            .filter_map(|u| self.public_user_json_by_id(u))
            .collect())
    }
}
