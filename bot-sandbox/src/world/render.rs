//! The world's objects in Discord's JSON shapes (fields as the docs' examples and the
//! conformance notes list them).

use super::{ChannelRecord, GuildRecord, MemberRecord, RoleRecord, UserRecord, World};
use serde_json::{Value, json};

impl World {
    /// A user object as anyone sees it (message authors, members, `GET /users/{id}`).
    pub(crate) fn public_user_json(&self, user: &UserRecord) -> Value {
        let mut value = public_user(user.id, &user.username, user.bot);
        value["global_name"] = json!(user.global_name);
        value["avatar"] = json!(user.avatar);
        value
    }

    /// A user object; for the bot, as it sees itself (`GET /users/@me`, READY): with
    /// `mfa_enabled`, `locale`, `verified` and `email` (`null` for a bot).
    pub(crate) fn user_json(&self, user: &UserRecord) -> Value {
        let mut value = self.public_user_json(user);
        if user.id == self.bot_id {
            value["mfa_enabled"] = json!(false);
            value["locale"] = json!("en-US");
            value["verified"] = json!(true);
            value["email"] = json!(null);
        }
        value
    }

    pub(crate) fn user_json_by_id(&self, id: u64) -> Option<Value> {
        self.users.get(&id).map(|u| self.user_json(u))
    }

    pub(crate) fn public_user_json_by_id(&self, id: u64) -> Option<Value> {
        self.users.get(&id).map(|u| self.public_user_json(u))
    }

    /// A user the world does not know, in the same shape.
    pub(crate) fn unknown_user_json(id: u64, username: &str) -> Value {
        public_user(id, username, false)
    }

    /// The users a message's content mentions (`<@ID>` or `<@!ID>`, REF "Message Formatting"),
    /// each known user once, in order of first mention: its `mentions`.
    pub(crate) fn mentioned_users(&self, content: &str) -> Vec<u64> {
        let mut found = Vec::new();
        for (start, _) in content.match_indices("<@") {
            let rest = &content[start + 2..];
            let rest = rest.strip_prefix('!').unwrap_or(rest);
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let Some(id) = rest[..digits]
                .parse::<u64>()
                .ok()
                .filter(|_| rest[digits..].starts_with('>'))
            else {
                continue;
            };
            if self.users.contains_key(&id) && !found.contains(&id) {
                found.push(id);
            }
        }
        found
    }

    /// A guild member; `with_user` adds the user object. `communication_disabled_until` is there
    /// while a timeout was set (the REST routes and member events always carry it: see
    /// `members.rs`).
    pub(crate) fn member_json(&self, member: &MemberRecord, with_user: bool) -> Value {
        let mut value = json!({
            "nick": member.nick,
            "avatar": member.avatar,
            "banner": null,
            "roles": member.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
            "joined_at": member.joined_at,
            "premium_since": null,
            "deaf": member.deaf,
            "mute": member.mute,
            "flags": 0,
            "pending": false,
        });
        if let Some(until) = &member.communication_disabled_until {
            value["communication_disabled_until"] = json!(until);
        }
        if with_user && let Some(user) = self.public_user_json_by_id(member.user_id) {
            value["user"] = user;
        }
        value
    }

    /// The full guild object of GUILD_CREATE.
    pub(crate) fn guild_create_json(&self, guild: &GuildRecord) -> Value {
        let members: Vec<Value> = guild
            .members
            .iter()
            .map(|m| self.member_json(m, true))
            .collect();
        let bot_joined = guild
            .member(self.bot_id)
            .map_or(super::SEED_TIME, |m| m.joined_at.as_str());
        json!({
            "id": guild.id.to_string(),
            "name": guild.name,
            "icon": null,
            "description": guild.description,
            "home_header": null,
            "splash": null,
            "discovery_splash": null,
            "banner": null,
            "features": [],
            "emojis": self.guild_emojis_json(guild.id),
            "stickers": self.guild_stickers_json(guild.id),
            "owner_id": guild.owner_id.to_string(),
            "application_id": null,
            "region": "deprecated",
            "afk_channel_id": null,
            "afk_timeout": 300,
            "system_channel_id": null,
            "system_channel_flags": 0,
            "widget_enabled": false,
            "widget_channel_id": null,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": false,
            "nsfw": false,
            "incidents_data": null,
            "preferred_locale": "en-US",
            "rules_channel_id": null,
            "public_updates_channel_id": null,
            "safety_alerts_channel_id": null,
            "max_presences": null,
            "max_members": 250000,
            "max_video_channel_users": 25,
            "max_stage_video_channel_users": 50,
            "vanity_url_code": null,
            "roles": guild.roles.iter().map(role_json).collect::<Vec<_>>(),
            "channels": guild.channels.iter().map(|c| channel_json(guild.id, c)).collect::<Vec<_>>(),
            "threads": [],
            "members": members,
            "member_count": guild.members.len(),
            "presences": [],
            "voice_states": guild
                .voice_states
                .iter()
                .map(|v| self.voice_state_json(guild, v, false))
                .collect::<Vec<_>>(),
            "stage_instances": self.guild_stages_json(guild.id),
            "guild_scheduled_events": self.guild_scheduled_events_json(guild.id, false),
            "soundboard_sounds": self.guild_sounds_json(guild.id),
            "joined_at": bot_joined,
            "large": false,
            "unavailable": false,
            "lazy": true,
        })
    }

    /// A channel as `resolved.channels` and INTERACTION_CREATE's `channel` carry it.
    pub(crate) fn partial_channel_json(
        &self,
        guild: &GuildRecord,
        channel: &ChannelRecord,
        user: u64,
    ) -> Value {
        let mut value = channel_json(guild.id, channel);
        value["permissions"] = json!(guild.permissions_of(user).to_string());
        value
    }
}

/// The fields of the spec's `UserResponse`, which Discord always sends: `primary_guild` is
/// `null` for a user without a server tag, `flags` is there beside `public_flags`.
pub(crate) fn public_user(id: u64, username: &str, bot: bool) -> Value {
    let mut value = json!({
        "id": id.to_string(),
        "username": username,
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "public_flags": 0,
        "flags": 0,
        "primary_guild": null,
    });
    if bot {
        value["bot"] = json!(true);
    }
    value
}

/// A role, with `colors` as current Discord sends it.
pub(crate) fn role_json(role: &RoleRecord) -> Value {
    json!({
        "id": role.id.to_string(),
        "name": role.name,
        "color": role.color,
        "colors": {"primary_color": role.color, "secondary_color": null, "tertiary_color": null},
        "hoist": role.hoist,
        "icon": null,
        "unicode_emoji": null,
        "position": role.position,
        "permissions": role.permissions.to_string(),
        "managed": false,
        "mentionable": role.mentionable,
        "flags": 0,
    })
}

/// A guild channel; a voice or stage channel with its `bitrate`, `user_limit` and
/// `rtc_region`.
pub(crate) fn channel_json(guild_id: u64, channel: &ChannelRecord) -> Value {
    let mut value = json!({
        "id": channel.id.to_string(),
        "guild_id": guild_id.to_string(),
        "name": channel.name,
        "type": channel.kind,
        "position": channel.position,
        "permission_overwrites": channel.overwrites.iter().map(|o| json!({
            "id": o.id.to_string(), "type": o.kind,
            "allow": o.allow.to_string(), "deny": o.deny.to_string(),
        })).collect::<Vec<_>>(),
        "nsfw": channel.nsfw,
        "parent_id": channel.parent_id.map(|p| p.to_string()),
        "topic": channel.topic,
        "last_message_id": null,
        "rate_limit_per_user": channel.rate_limit_per_user,
        "flags": 0,
    });
    if super::voice::is_voice(channel.kind) {
        value["bitrate"] = json!(64000);
        value["user_limit"] = json!(0);
        value["rtc_region"] = Value::Null;
    }
    value
}
