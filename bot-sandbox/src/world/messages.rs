//! Messages of channels: the bot's creates, edits and deletes (one or in bulk), crossposts,
//! pins, uploaded files, history reads, and messages seeded by tests. Each change returns the
//! events Discord emits (see `change.rs`).

use super::World;
use super::change::{Changed, Refusal};
use super::channels::{
    ATTACH_FILES, MANAGE_MESSAGES, READ_MESSAGE_HISTORY, SEND_MESSAGES, SEND_MESSAGES_IN_THREADS,
    is_thread,
};
use crate::rest::{build_message, now_iso};
use serde_json::{Value, json};

/// An uploaded file, served back unchanged at its attachment's `url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredFile {
    pub(crate) filename: String,
    pub(crate) bytes: Vec<u8>,
}

/// Discord's epoch (2015-01-01) in milliseconds since the Unix epoch.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// The most pins of a channel.
const PIN_LIMIT: usize = 250;

/// Where a history read starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HistoryFrom {
    Latest,
    Before(u64),
    After(u64),
    Around(u64),
}

fn id_of(message: &Value) -> u64 {
    message
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

impl World {
    /// A stored message.
    pub(crate) fn find_message(&self, channel: u64, message: u64) -> Option<&Value> {
        self.messages
            .get(&channel)?
            .iter()
            .find(|m| id_of(m) == message)
    }

    pub(super) fn find_message_mut(&mut self, channel: u64, message: u64) -> Option<&mut Value> {
        self.messages
            .get_mut(&channel)?
            .iter_mut()
            .find(|m| id_of(m) == message)
    }

    /// A message as REST returns it: with its reactions (`me` for the bot's) and `pinned`.
    pub(crate) fn render_message(&self, message: &Value) -> Value {
        let mut value = message.clone();
        let id = id_of(message);
        if let Some(reactions) = self.reactions.get(&id).filter(|r| !r.is_empty()) {
            value["reactions"] =
                Value::Array(reactions.iter().map(|r| r.json(self.bot_id)).collect());
        }
        let channel = message
            .get("channel_id")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let pinned = self
            .pins
            .get(&channel)
            .is_some_and(|pins| pins.iter().any(|(m, _)| *m == id));
        value["pinned"] = json!(pinned);
        self.render_poll(id, &mut value);
        value
    }

    /// The guild of a channel, if any.
    pub(crate) fn guild_id_of(&self, channel: u64) -> Option<u64> {
        self.guild_of_channel(channel).map(|g| g.id)
    }

    /// The bot sends a message: MESSAGE_CREATE. `files` are the uploaded parts, in the order
    /// of `files[n]`, and `base` the sandbox's URL for their attachments.
    pub(crate) fn create_message(
        &mut self,
        channel: u64,
        body: &Value,
        files: Vec<StoredFile>,
        base: &str,
    ) -> Result<Changed<Value>, Refusal> {
        let in_thread = self
            .guild_channel(channel)
            .is_some_and(|(_, c)| is_thread(c.kind));
        let send = if in_thread {
            SEND_MESSAGES_IN_THREADS
        } else {
            SEND_MESSAGES
        };
        let attach = if files.is_empty() { 0 } else { ATTACH_FILES };
        self.require(channel, send | attach)?;
        // A reply to a message that is gone: refused, or with `fail_if_not_exists: false` sent
        // as a plain message, without its reference (as Discord does).
        let mut replies = body.get("message_reference").is_some();
        // A snowflake is a string or an integer in a request (py-cord sends integers).
        let reply_to = body
            .get("message_reference")
            .and_then(|r| r.get("message_id"))
            .and_then(|id| {
                id.as_u64()
                    .or_else(|| id.as_str().and_then(|s| s.parse::<u64>().ok()))
            });
        if let Some(reply) = reply_to {
            let must_exist = body["message_reference"]
                .get("fail_if_not_exists")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            if self.find_message(channel, reply).is_none() {
                if must_exist {
                    return Err(Refusal {
                        status: 400,
                        code: 50035,
                        message: "Invalid Form Body".to_owned(),
                    });
                }
                replies = false;
            }
        }
        let poll = match body.get("poll").filter(|p| !p.is_null()) {
            Some(poll) => Some(super::polls::poll_of(poll)?),
            None => None,
        };
        let id = self.ids.next();
        let kind = if replies { 19 } else { 0 };
        let mut message = build_message(self, channel, self.bot_id, body, id, kind);
        if let Some((record, value)) = poll {
            message["poll"] = value;
            self.polls.insert(id, record);
        }
        let attachments = self.store_files(channel, body, files, base);
        message["attachments"] = Value::Array(attachments);
        if let Some(reference) = body.get("message_reference").filter(|_| replies) {
            let mut reference = reference.clone();
            if let Some(reply) = reply_to {
                reference["message_id"] = json!(reply.to_string());
            }
            reference["channel_id"] = json!(channel.to_string());
            if let Some(guild) = self.guild_id_of(channel) {
                reference["guild_id"] = json!(guild.to_string());
            }
            if let Some(map) = reference.as_object_mut() {
                map.remove("fail_if_not_exists");
            }
            message["message_reference"] = reference;
        }
        self.messages
            .entry(channel)
            .or_default()
            .push(message.clone());
        let guild = self.guild_id_of(channel);
        Ok(Changed::quiet(message.clone()).emit("MESSAGE_CREATE", guild, Some(channel), message))
    }

    /// Keeps uploaded files and returns their attachment objects.
    pub(super) fn store_files(
        &mut self,
        channel: u64,
        body: &Value,
        files: Vec<StoredFile>,
        base: &str,
    ) -> Vec<Value> {
        let metadata = body
            .get("attachments")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        files
            .into_iter()
            .enumerate()
            .map(|(n, file)| {
                let id = self.ids.next();
                let info = metadata.iter().find(|a| match a.get("id") {
                    Some(Value::String(id)) => id.parse::<usize>().ok() == Some(n),
                    Some(id) => id.as_u64() == Some(n as u64),
                    None => false,
                });
                let url = format!("{base}/attachments/{channel}/{id}/{}", file.filename);
                let mut attachment = json!({
                    "id": id.to_string(),
                    "filename": file.filename,
                    "size": file.bytes.len(),
                    "url": url,
                    "proxy_url": url,
                });
                if let Some(description) = info
                    .and_then(|i| i.get("description"))
                    .filter(|d| d.is_string())
                {
                    attachment["description"] = description.clone();
                }
                self.files.insert(id, file);
                attachment
            })
            .collect()
    }

    /// The bot edits a message of its own: MESSAGE_UPDATE.
    pub(crate) fn edit_message(
        &mut self,
        channel: u64,
        message: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        self.require(channel, 0)?;
        let bot = self.bot_id.to_string();
        let stored = self
            .find_message_mut(channel, message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?;
        if stored["author"]["id"].as_str() != Some(bot.as_str()) {
            return Err(Refusal {
                status: 403,
                code: 50005,
                message: "Cannot edit a message authored by another user".to_owned(),
            });
        }
        for key in ["content", "embeds", "components", "flags"] {
            if let Some(value) = body.get(key) {
                stored[key] = value.clone();
            }
        }
        stored["edited_timestamp"] = json!(now_iso());
        let stored = stored.clone();
        let rendered = self.render_message(&stored);
        let guild = self.guild_id_of(channel);
        Ok(Changed::quiet(rendered.clone()).emit("MESSAGE_UPDATE", guild, Some(channel), rendered))
    }

    /// Deletes a message (another user's needs MANAGE_MESSAGES): MESSAGE_DELETE.
    pub(crate) fn delete_message(
        &mut self,
        channel: u64,
        message: u64,
    ) -> Result<Changed<()>, Refusal> {
        self.require(channel, 0)?;
        let bot = self.bot_id.to_string();
        let own = self
            .find_message(channel, message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?["author"]["id"]
            .as_str()
            == Some(bot.as_str());
        if !own && self.dm_recipient(channel).is_none() {
            self.require(channel, MANAGE_MESSAGES)?;
        } else if !own {
            return Err(Refusal::missing_permissions());
        }
        self.remove_messages(channel, &[message]);
        let guild = self.guild_id_of(channel);
        let mut data = json!({"id": message.to_string(), "channel_id": channel.to_string()});
        if let Some(guild) = guild {
            data["guild_id"] = json!(guild.to_string());
        }
        Ok(Changed::quiet(()).emit("MESSAGE_DELETE", guild, Some(channel), data))
    }

    pub(super) fn remove_messages(&mut self, channel: u64, ids: &[u64]) {
        if let Some(list) = self.messages.get_mut(&channel) {
            list.retain(|m| !ids.contains(&id_of(m)));
        }
        for id in ids {
            self.reactions.remove(id);
            self.polls.remove(id);
        }
        if let Some(pins) = self.pins.get_mut(&channel) {
            pins.retain(|(m, _)| !ids.contains(m));
        }
    }

    /// Deletes 2–100 messages at once (MANAGE_MESSAGES): MESSAGE_DELETE_BULK.
    pub(crate) fn bulk_delete(
        &mut self,
        channel: u64,
        ids: &[u64],
    ) -> Result<Changed<()>, Refusal> {
        let guild = self.guild_id_of(channel);
        if guild.is_none() && self.channel_exists(channel) {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        self.require(channel, MANAGE_MESSAGES)?;
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let two_weeks_ago = now_ms
            .saturating_sub(14 * 86_400_000)
            .saturating_sub(DISCORD_EPOCH_MS)
            << 22;
        if ids.iter().any(|id| *id < two_weeks_ago) {
            return Err(Refusal::bad_request(
                50034,
                "You can only bulk delete messages that are under 14 days old.",
            ));
        }
        let found: Vec<u64> = ids
            .iter()
            .copied()
            .filter(|id| self.find_message(channel, *id).is_some())
            .collect();
        self.remove_messages(channel, &found);
        let data = json!({"ids": found.iter().map(u64::to_string).collect::<Vec<_>>(),
                          "channel_id": channel.to_string(),
                          "guild_id": guild.map(|g| g.to_string())});
        Ok(Changed::quiet(()).emit("MESSAGE_DELETE_BULK", guild, Some(channel), data))
    }

    /// Publishes a message of an announcement channel (type 5): MESSAGE_UPDATE with the
    /// CROSSPOSTED flag.
    pub(crate) fn crosspost(
        &mut self,
        channel: u64,
        message: u64,
    ) -> Result<Changed<Value>, Refusal> {
        self.require(channel, SEND_MESSAGES)?;
        let announcement = self
            .guild_channel(channel)
            .is_some_and(|(_, c)| c.kind == 5);
        if !announcement {
            return Err(Refusal::bad_request(50068, "Invalid message type"));
        }
        let stored = self
            .find_message_mut(channel, message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?;
        let flags = stored["flags"].as_u64().unwrap_or(0) | 1;
        stored["flags"] = json!(flags);
        let stored = stored.clone();
        let rendered = self.render_message(&stored);
        let guild = self.guild_id_of(channel);
        Ok(Changed::quiet(rendered.clone()).emit("MESSAGE_UPDATE", guild, Some(channel), rendered))
    }

    /// Up to `limit` messages of a history, newest first (READ_MESSAGE_HISTORY), as Discord
    /// answers: `before` and `after` the nearest ones on that side, `around` half on each side.
    pub(crate) fn history(
        &self,
        channel: u64,
        from: HistoryFrom,
        limit: usize,
    ) -> Result<Vec<Value>, Refusal> {
        self.require(channel, READ_MESSAGE_HISTORY)?;
        let all = self
            .messages
            .get(&channel)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut picked: Vec<&Value> = match from {
            HistoryFrom::Latest => all.iter().rev().take(limit).collect(),
            HistoryFrom::Before(id) => all
                .iter()
                .rev()
                .filter(|m| id_of(m) < id)
                .take(limit)
                .collect(),
            HistoryFrom::After(id) => {
                let mut after: Vec<&Value> =
                    all.iter().filter(|m| id_of(m) > id).take(limit).collect();
                after.reverse();
                after
            }
            HistoryFrom::Around(id) => {
                let older: Vec<&Value> = all
                    .iter()
                    .rev()
                    .filter(|m| id_of(m) < id)
                    .take((limit - 1) / 2)
                    .collect();
                let newer: Vec<&Value> = all
                    .iter()
                    .filter(|m| id_of(m) >= id)
                    .take(limit - older.len())
                    .collect();
                newer.into_iter().rev().chain(older).collect()
            }
        };
        picked.truncate(limit);
        Ok(picked.into_iter().map(|m| self.render_message(m)).collect())
    }

    /// Pins (`true`) or unpins a message (MANAGE_MESSAGES; at most 250 pins): CHANNEL_PINS_UPDATE
    /// and MESSAGE_UPDATE.
    pub(crate) fn set_pinned(
        &mut self,
        channel: u64,
        message: u64,
        pinned: bool,
    ) -> Result<Changed<()>, Refusal> {
        if self.dm_recipient(channel).is_none() {
            self.require(channel, MANAGE_MESSAGES)?;
        }
        if self.find_message(channel, message).is_none() {
            return Err(Refusal::unknown(10008, "Message"));
        }
        let pins = self.pins.entry(channel).or_default();
        let was = pins.iter().any(|(m, _)| *m == message);
        if pinned && !was {
            if pins.len() >= PIN_LIMIT {
                return Err(Refusal::bad_request(
                    30003,
                    "Maximum number of pins reached (250)",
                ));
            }
            pins.insert(0, (message, now_iso()));
        } else if !pinned {
            pins.retain(|(m, _)| *m != message);
        }
        let last = pins.first().map(|(_, at)| at.clone());
        let guild = self.guild_id_of(channel);
        let mut data = json!({"channel_id": channel.to_string(), "last_pin_timestamp": last});
        if let Some(guild) = guild {
            data["guild_id"] = json!(guild.to_string());
        }
        let updated = self
            .find_message(channel, message)
            .map(|m| self.render_message(m))
            .unwrap_or(Value::Null);
        Ok(Changed::quiet(())
            .emit("CHANNEL_PINS_UPDATE", guild, Some(channel), data)
            .emit("MESSAGE_UPDATE", guild, Some(channel), updated))
    }

    /// The pins of a channel, newest first, `before` a pin time, at most `limit`; and whether
    /// more are left.
    pub(crate) fn pins_page(
        &self,
        channel: u64,
        before: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<Value>, bool), Refusal> {
        self.require(channel, READ_MESSAGE_HISTORY)?;
        let pins = self.pins.get(&channel).map(Vec::as_slice).unwrap_or(&[]);
        let eligible: Vec<&(u64, String)> = pins
            .iter()
            .filter(|(_, at)| before.is_none_or(|b| at.as_str() < b))
            .collect();
        let items = eligible
            .iter()
            .take(limit)
            .filter_map(|(m, at)| {
                let message = self.find_message(channel, *m)?;
                Some(json!({"pinned_at": at, "message": self.render_message(message)}))
            })
            .collect();
        Ok((items, eligible.len() > limit))
    }

    /// Seeds `count` messages by `author` in `channel`, oldest first, their content `prefix`
    /// and their number; no event (history that existed before the bot looked).
    pub(crate) fn seed_messages(
        &mut self,
        channel: u64,
        author: u64,
        count: usize,
        prefix: &str,
    ) -> Vec<u64> {
        let mut ids = Vec::with_capacity(count);
        for n in 0..count {
            let id = self.ids.next();
            let body = json!({"content": format!("{prefix}{n}")});
            let message = build_message(self, channel, author, &body, id, 0);
            self.messages.entry(channel).or_default().push(message);
            ids.push(id);
        }
        ids
    }
}
