//! Channels and threads: permission overwrites and the permissions they give, changes to a
//! channel, threads and their members. Each change returns the events Discord emits for it
//! (see `change.rs`).

use super::change::{Changed, Refusal};
use super::{ChannelRecord, World};
use crate::rest::now_iso;
use serde_json::{Value, json};

/// ADD_REACTIONS.
pub(crate) const ADD_REACTIONS: u64 = 1 << 6;
/// MANAGE_CHANNELS.
pub(crate) const MANAGE_CHANNELS: u64 = 1 << 4;
/// VIEW_CHANNEL.
pub(crate) const VIEW_CHANNEL: u64 = 1 << 10;
/// SEND_MESSAGES.
pub(crate) const SEND_MESSAGES: u64 = 1 << 11;
/// MANAGE_MESSAGES.
pub(crate) const MANAGE_MESSAGES: u64 = 1 << 13;
/// ATTACH_FILES.
pub(crate) const ATTACH_FILES: u64 = 1 << 15;
/// READ_MESSAGE_HISTORY.
pub(crate) const READ_MESSAGE_HISTORY: u64 = 1 << 16;
/// MANAGE_ROLES (permission overwrites).
pub(crate) const MANAGE_ROLES: u64 = 1 << 28;
/// MANAGE_THREADS.
pub(crate) const MANAGE_THREADS: u64 = 1 << 34;
/// CREATE_PUBLIC_THREADS.
pub(crate) const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
/// CREATE_PRIVATE_THREADS.
pub(crate) const CREATE_PRIVATE_THREADS: u64 = 1 << 36;
/// SEND_MESSAGES_IN_THREADS.
pub(crate) const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;

/// A permission overwrite of a role (`kind` 0) or member (`kind` 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Overwrite {
    pub(crate) id: u64,
    pub(crate) kind: u8,
    pub(crate) allow: u64,
    pub(crate) deny: u64,
}

/// What a thread has beyond a channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ThreadRecord {
    pub(crate) owner_id: u64,
    pub(crate) archived: bool,
    pub(crate) locked: bool,
    pub(crate) auto_archive_duration: u32,
    pub(crate) archive_timestamp: String,
    pub(crate) created: String,
    pub(crate) invitable: bool,
    /// Members and when they joined.
    pub(crate) members: Vec<(u64, String)>,
}

/// Thread channel types: 10 announcement, 11 public, 12 private.
pub(crate) fn is_thread(kind: u8) -> bool {
    matches!(kind, 10..=12)
}

impl World {
    /// A guild channel or thread and its guild's id.
    pub(crate) fn guild_channel(&self, channel: u64) -> Option<(u64, &ChannelRecord)> {
        self.guild_of_channel(channel)
            .and_then(|g| g.channel(channel).map(|c| (g.id, c)))
    }

    fn guild_channel_mut(&mut self, channel: u64) -> Option<(u64, &mut ChannelRecord)> {
        self.guilds.values_mut().find_map(|g| {
            let id = g.id;
            g.channels
                .iter_mut()
                .find(|c| c.id == channel)
                .map(|c| (id, c))
        })
    }

    /// A user's permissions in a channel (Discord's `compute_overwrites`): the guild-wide ones,
    /// then @everyone's overwrite, the roles' overwrites together, the member's. A thread has
    /// its parent's. In a DM with the bot, the two users may see, send and react; in a group
    /// DM, its members.
    pub(crate) fn permissions_in(&self, user: u64, channel: u64) -> u64 {
        if let Some(recipient) = self.dm_recipient(channel) {
            return if user == recipient || user == self.bot_id {
                VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS | ATTACH_FILES
            } else {
                0
            };
        }
        if let Some(group) = self.group_dms.get(&channel) {
            return if group.has(user) {
                VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS | ATTACH_FILES
            } else {
                0
            };
        }
        let Some(guild) = self.guild_of_channel(channel) else {
            return 0;
        };
        let Some(record) = guild.channel(channel) else {
            return 0;
        };
        let record = match record.parent_id.filter(|_| is_thread(record.kind)) {
            Some(parent) => guild.channel(parent).unwrap_or(record),
            None => record,
        };
        let base = guild.permissions_of(user);
        if base & super::ADMINISTRATOR != 0 {
            return super::ALL_PERMISSIONS;
        }
        let mut permissions = base;
        let find = |id: u64, kind: u8| {
            record
                .overwrites
                .iter()
                .find(move |o| o.id == id && o.kind == kind)
        };
        if let Some(everyone) = find(guild.id, 0) {
            permissions = (permissions & !everyone.deny) | everyone.allow;
        }
        let roles = guild
            .member(user)
            .map(|m| m.roles.clone())
            .unwrap_or_default();
        let (mut allow, mut deny) = (0, 0);
        for role in roles {
            if let Some(o) = find(role, 0) {
                allow |= o.allow;
                deny |= o.deny;
            }
        }
        permissions = (permissions & !deny) | allow;
        if let Some(member) = find(user, 1) {
            permissions = (permissions & !member.deny) | member.allow;
        }
        if permissions & VIEW_CHANNEL == 0 {
            return 0;
        }
        permissions
    }

    /// Whether `user` has all of `bits` in `channel`.
    pub(crate) fn can(&self, user: u64, channel: u64, bits: u64) -> bool {
        self.permissions_in(user, channel) & bits == bits
    }

    /// The bot must see `channel` (else 50001) and have `bits` there (else 50013); 10003 for an
    /// unknown channel.
    pub(crate) fn require(&self, channel: u64, bits: u64) -> Result<(), Refusal> {
        if !self.channel_exists(channel) {
            return Err(Refusal::unknown(10003, "Channel"));
        }
        let have = self.permissions_in(self.bot_id, channel);
        if have & VIEW_CHANNEL == 0 {
            return Err(Refusal::missing_access());
        }
        if have & bits != bits {
            return Err(Refusal::missing_permissions());
        }
        Ok(())
    }

    /// The channel as `GET /channels/{id}` returns it.
    pub(crate) fn any_channel_json(&self, channel: u64) -> Option<Value> {
        match self.guild_channel(channel) {
            Some((guild, record)) => Some(self.guild_channel_json(guild, record)),
            None => self
                .dm_channel_json(channel)
                .or_else(|| self.group_dm_json(channel)),
        }
    }

    /// A guild channel or thread.
    pub(crate) fn guild_channel_json(&self, guild: u64, record: &ChannelRecord) -> Value {
        let mut value = super::channel_json(guild, record);
        let last = self
            .messages
            .get(&record.id)
            .and_then(|list| list.last())
            .and_then(|m| m.get("id").cloned())
            .unwrap_or(Value::Null);
        value["last_message_id"] = last;
        if let Some(thread) = &record.thread {
            if let Some(map) = value.as_object_mut() {
                for key in ["position", "permission_overwrites", "topic", "nsfw"] {
                    map.remove(key);
                }
            }
            let count = self.messages.get(&record.id).map_or(0, Vec::len);
            value["owner_id"] = json!(thread.owner_id.to_string());
            value["message_count"] = json!(count);
            value["total_message_sent"] = json!(count);
            value["member_count"] = json!(thread.members.len().min(50));
            value["thread_metadata"] = json!({
                "archived": thread.archived,
                "auto_archive_duration": thread.auto_archive_duration,
                "archive_timestamp": thread.archive_timestamp,
                "locked": thread.locked,
                "create_timestamp": thread.created,
                "invitable": thread.invitable,
            });
        }
        value
    }

    /// Applies a `PATCH /channels/{id}` body: CHANNEL_UPDATE (THREAD_UPDATE for a thread).
    pub(crate) fn edit_channel(
        &mut self,
        channel: u64,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        if self.dm_recipient(channel).is_some() {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        let thread_owner = self
            .guild_channel(channel)
            .and_then(|(_, c)| c.thread.as_ref().map(|t| t.owner_id));
        let needed = if thread_owner.is_some_and(|o| o != self.bot_id) {
            MANAGE_THREADS
        } else if thread_owner.is_some() {
            0
        } else {
            MANAGE_CHANNELS
        };
        self.require(channel, needed)?;
        let now = now_iso();
        let (guild, record) = self
            .guild_channel_mut(channel)
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        if let Some(name) = body.get("name").and_then(Value::as_str) {
            record.name = name.to_owned();
        }
        if let Some(topic) = body.get("topic") {
            record.topic = topic.as_str().map(str::to_owned);
        }
        if let Some(nsfw) = body.get("nsfw").and_then(Value::as_bool) {
            record.nsfw = nsfw;
        }
        if let Some(slow) = body.get("rate_limit_per_user").and_then(Value::as_u64) {
            record.rate_limit_per_user = slow.min(21_600) as u32;
        }
        if let Some(position) = body.get("position").and_then(Value::as_u64) {
            record.position = position as u32;
        }
        if let Some(parent) = body.get("parent_id") {
            record.parent_id = parent.as_str().and_then(|p| p.parse().ok());
        }
        if let Some(list) = body.get("permission_overwrites").and_then(Value::as_array) {
            record.overwrites = list.iter().filter_map(overwrite_of).collect();
        }
        if let Some(thread) = &mut record.thread {
            if let Some(archived) = body.get("archived").and_then(Value::as_bool) {
                thread.archived = archived;
                thread.archive_timestamp = now;
            }
            if let Some(locked) = body.get("locked").and_then(Value::as_bool) {
                thread.locked = locked;
            }
            if let Some(minutes) = body.get("auto_archive_duration").and_then(Value::as_u64) {
                thread.auto_archive_duration = minutes as u32;
            }
        }
        let is_thread = record.thread.is_some();
        let record = record.clone();
        let json = self.guild_channel_json(guild, &record);
        let event = if is_thread {
            "THREAD_UPDATE"
        } else {
            "CHANNEL_UPDATE"
        };
        Ok(Changed::quiet(json.clone()).emit(event, Some(guild), Some(channel), json))
    }

    /// Deletes a guild channel or thread as the bot (MANAGE_CHANNELS, MANAGE_THREADS for a
    /// thread): see [`World::remove_channel`]. A DM channel is closed, with no event.
    pub(crate) fn delete_channel(&mut self, channel: u64) -> Result<Changed<Value>, Refusal> {
        if let Some(json) = self.dm_channel_json(channel) {
            return Ok(Changed::quiet(json));
        }
        // The bot leaves a group DM (and one it owns closes).
        if let Some(json) = self.group_dm_json(channel) {
            self.group_dms.remove(&channel);
            return Ok(Changed::quiet(json));
        }
        let is_thread = self
            .guild_channel(channel)
            .is_some_and(|(_, c)| c.thread.is_some());
        self.require(
            channel,
            if is_thread {
                MANAGE_THREADS
            } else {
                MANAGE_CHANNELS
            },
        )?;
        self.remove_channel(channel)
    }

    /// Removes a guild channel or thread with no permission check (the REST route checks
    /// first; a test's scripted change is an administrator's): the VOICE_STATE_UPDATEs of the
    /// members it disconnects, then CHANNEL_DELETE (THREAD_DELETE for a thread). 10003.
    pub(crate) fn remove_channel(&mut self, channel: u64) -> Result<Changed<Value>, Refusal> {
        let (guild, record) = self
            .guild_channel(channel)
            .map(|(g, c)| (g, c.clone()))
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        let is_thread = record.thread.is_some();
        let json = self.guild_channel_json(guild, &record);
        if let Some(g) = self.guilds.get_mut(&guild) {
            g.channels.retain(|c| c.id != channel);
        }
        // Its invites and webhooks go with it.
        self.invites.retain(|i| i.channel_id != channel);
        self.webhooks.retain(|_, w| w.channel_id != channel);
        self.messages.remove(&channel);
        self.pins.remove(&channel);
        let changed = self.disconnect_voice(Changed::quiet(json.clone()), guild, |v| {
            v.channel_id == channel
        });
        let changed = self.end_stage_with_channel(changed, channel);
        Ok(if is_thread {
            let data = json!({"id": channel.to_string(), "guild_id": guild.to_string(),
                              "parent_id": json["parent_id"], "type": record.kind});
            changed.emit("THREAD_DELETE", Some(guild), record.parent_id, data)
        } else {
            changed.emit("CHANNEL_DELETE", Some(guild), None, json)
        })
    }

    /// Sets (`Some`) or removes (`None`) an overwrite: CHANNEL_UPDATE.
    pub(crate) fn set_overwrite(
        &mut self,
        channel: u64,
        id: u64,
        overwrite: Option<(u8, u64, u64)>,
    ) -> Result<Changed<()>, Refusal> {
        self.require(channel, MANAGE_ROLES)?;
        self.write_overwrite(channel, id, overwrite)
    }

    /// Writes an overwrite with no permission check (the REST route checks first; a test's
    /// scripted change is an administrator's): CHANNEL_UPDATE.
    pub(crate) fn write_overwrite(
        &mut self,
        channel: u64,
        id: u64,
        overwrite: Option<(u8, u64, u64)>,
    ) -> Result<Changed<()>, Refusal> {
        let (guild, record) = self.guild_channel_mut(channel).ok_or_else(|| {
            Refusal::bad_request(50024, "Cannot execute action on this channel type")
        })?;
        record.overwrites.retain(|o| o.id != id);
        if let Some((kind, allow, deny)) = overwrite {
            record.overwrites.push(Overwrite {
                id,
                kind,
                allow,
                deny,
            });
        }
        let record = record.clone();
        let json = self.guild_channel_json(guild, &record);
        Ok(Changed::quiet(()).emit("CHANNEL_UPDATE", Some(guild), Some(channel), json))
    }

    /// Starts a thread in `parent` (from `message` when given): THREAD_CREATE, and the bot's
    /// THREAD_MEMBERS_UPDATE as it joins.
    pub(crate) fn create_thread(
        &mut self,
        parent: u64,
        message: Option<u64>,
        body: &Value,
    ) -> Result<Changed<Value>, Refusal> {
        let Some((guild, parent_record)) = self.guild_channel(parent).map(|(g, c)| (g, c.clone()))
        else {
            return if self.channel_exists(parent) {
                Err(Refusal::bad_request(
                    50024,
                    "Cannot execute action on this channel type",
                ))
            } else {
                Err(Refusal::unknown(10003, "Channel"))
            };
        };
        if parent_record.thread.is_some() {
            return Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        let kind = match (
            message,
            body.get("type").and_then(Value::as_u64),
            parent_record.kind,
        ) {
            (_, _, 15 | 16) => 11,
            (Some(_), _, 5) => 10,
            (Some(_), _, _) => 11,
            (None, Some(kind), _) => kind as u8,
            (None, None, _) => 12,
        };
        let needed = if kind == 12 {
            CREATE_PRIVATE_THREADS
        } else {
            CREATE_PUBLIC_THREADS
        };
        self.require(parent, needed)?;
        if let Some(message) = message
            && self.find_message(parent, message).is_none()
        {
            return Err(Refusal::unknown(10008, "Message"));
        }
        let name = body
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let id = message.unwrap_or_else(|| self.ids.next());
        let now = now_iso();
        let record = ChannelRecord {
            id,
            name,
            kind,
            position: 0,
            nsfw: false,
            topic: None,
            parent_id: Some(parent),
            rate_limit_per_user: body
                .get("rate_limit_per_user")
                .and_then(Value::as_u64)
                .unwrap_or(0) as u32,
            overwrites: Vec::new(),
            thread: Some(ThreadRecord {
                owner_id: self.bot_id,
                archived: false,
                locked: false,
                auto_archive_duration: body
                    .get("auto_archive_duration")
                    .and_then(Value::as_u64)
                    .unwrap_or(4320) as u32,
                archive_timestamp: now.clone(),
                created: now.clone(),
                invitable: body
                    .get("invitable")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
                members: vec![(self.bot_id, now)],
            }),
        };
        if let Some(g) = self.guilds.get_mut(&guild) {
            g.channels.push(record.clone());
        }
        let mut json = self.guild_channel_json(guild, &record);
        let mut created = json.clone();
        created["newly_created"] = json!(true);
        let member = self.thread_member_json(id, self.bot_id, false);
        json["member"] = member.clone();
        let added = json!({"id": id.to_string(), "guild_id": guild.to_string(),
                           "member_count": 1, "added_members": [member]});
        let mut changed =
            Changed::quiet(json).emit("THREAD_CREATE", Some(guild), Some(parent), created);
        changed = changed.emit("THREAD_MEMBERS_UPDATE", Some(guild), Some(parent), added);
        Ok(changed)
    }

    /// A thread's record, or 10003.
    fn thread_mut(&mut self, thread: u64) -> Result<(u64, &mut ThreadRecord), Refusal> {
        match self.guild_channel_mut(thread) {
            Some((
                guild,
                ChannelRecord {
                    thread: Some(t), ..
                },
            )) => Ok((guild, t)),
            Some(_) => Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            )),
            None => Err(Refusal::unknown(10003, "Channel")),
        }
    }

    /// A member of a thread as the thread-member routes answer.
    pub(crate) fn thread_member_json(&self, thread: u64, user: u64, with_member: bool) -> Value {
        let joined = self
            .guild_channel(thread)
            .and_then(|(_, c)| c.thread.as_ref())
            .and_then(|t| t.members.iter().find(|(u, _)| *u == user))
            .map_or_else(now_iso, |(_, at)| at.clone());
        let mut value = json!({"id": thread.to_string(), "user_id": user.to_string(),
                               "join_timestamp": joined, "flags": 0});
        if with_member
            && let Some(member) = self.guild_of_channel(thread).and_then(|g| g.member(user))
        {
            let mut member = self.member_json(member, true);
            // The spec's GuildMemberResponse requires it; a member without a timeout has null.
            member["communication_disabled_until"] = Value::Null;
            value["member"] = member;
        }
        value
    }

    /// Adds (`join`) or removes a thread member: THREAD_MEMBERS_UPDATE, and
    /// THREAD_MEMBER_UPDATE for the bot itself.
    pub(crate) fn thread_membership(
        &mut self,
        thread: u64,
        user: u64,
        join: bool,
    ) -> Result<Changed<()>, Refusal> {
        let bot = self.bot_id;
        let parent = self.guild_channel(thread).and_then(|(_, c)| c.parent_id);
        if user != bot {
            self.require(
                thread,
                if join {
                    SEND_MESSAGES_IN_THREADS
                } else {
                    MANAGE_THREADS
                },
            )?;
            let is_member = self
                .guild_of_channel(thread)
                .is_some_and(|g| g.member(user).is_some());
            if !is_member {
                return Err(Refusal::unknown(10013, "User"));
            }
        } else {
            self.require(thread, 0)?;
        }
        let (guild, record) = self.thread_mut(thread)?;
        if record.archived && join {
            return Err(Refusal::bad_request(50083, "Thread is archived"));
        }
        let before = record.members.len();
        record.members.retain(|(u, _)| *u != user);
        if join {
            record.members.push((user, now_iso()));
        }
        let count = record.members.len();
        if count == before && join {
            return Ok(Changed::quiet(()));
        }
        let member = self.thread_member_json(thread, user, false);
        let data = if join {
            json!({"id": thread.to_string(), "guild_id": guild.to_string(), "member_count": count,
                   "added_members": [member]})
        } else {
            json!({"id": thread.to_string(), "guild_id": guild.to_string(), "member_count": count,
                   "removed_member_ids": [user.to_string()]})
        };
        let mut changed =
            Changed::quiet(()).emit("THREAD_MEMBERS_UPDATE", Some(guild), parent, data);
        if user == bot && join {
            let mut own = member;
            own["guild_id"] = json!(guild.to_string());
            changed = changed.emit("THREAD_MEMBER_UPDATE", Some(guild), parent, own);
        }
        Ok(changed)
    }

    /// A thread's members.
    pub(crate) fn thread_members(&self, thread: u64) -> Result<Vec<u64>, Refusal> {
        self.require(thread, 0)?;
        match self.guild_channel(thread) {
            Some((
                _,
                ChannelRecord {
                    thread: Some(t), ..
                },
            )) => Ok(t.members.iter().map(|(u, _)| *u).collect()),
            _ => Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            )),
        }
    }

    /// The archived threads of `parent`, newest archive first (`private` for type 12).
    pub(crate) fn archived_threads(
        &self,
        parent: u64,
        private: bool,
    ) -> Result<Vec<&ChannelRecord>, Refusal> {
        self.require(
            parent,
            if private {
                MANAGE_THREADS | READ_MESSAGE_HISTORY
            } else {
                READ_MESSAGE_HISTORY
            },
        )?;
        let guild = self
            .guild_of_channel(parent)
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        let mut list: Vec<&ChannelRecord> = guild
            .channels
            .iter()
            .filter(|c| c.parent_id == Some(parent))
            .filter(|c| c.thread.as_ref().is_some_and(|t| t.archived))
            .filter(|c| (c.kind == 12) == private)
            .collect();
        list.sort_by(|a, b| {
            let at = |c: &ChannelRecord| c.thread.as_ref().map(|t| t.archive_timestamp.clone());
            at(b).cmp(&at(a))
        });
        Ok(list)
    }
}

/// An overwrite from Discord's JSON (`allow`/`deny` as strings or integers).
pub(crate) fn overwrite_of(value: &Value) -> Option<Overwrite> {
    let number = |key: &str| match value.get(key) {
        Some(Value::String(s)) => s.parse().ok(),
        Some(Value::Number(n)) => n.as_u64(),
        _ => Some(0),
    };
    Some(Overwrite {
        id: number("id")?,
        kind: value.get("type").and_then(Value::as_u64).unwrap_or(0) as u8,
        allow: number("allow")?,
        deny: number("deny")?,
    })
}
