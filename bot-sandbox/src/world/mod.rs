//! The sandbox's world: the application and its bot, users, guilds with channels, roles,
//! members and voice states, messages, registered commands and live interactions.

pub(crate) mod app_records;
mod application;
pub(crate) mod application_edits;
pub(crate) mod audit;
mod auto_moderation;
mod auto_moderation_body;
mod auto_moderation_enforce;
mod auto_moderation_match;
pub(crate) mod bans;
pub(crate) mod catalog;
mod change;
pub(crate) mod channels;
mod command_permissions;
mod command_wire;
mod commands;
mod component_ids;
mod dm;
mod edits;
pub(crate) mod emojis;
mod event_fields;
mod group_dms;
mod guild_admin;
mod guild_channels;
mod guild_edits;
mod handle;
mod handle_application;
mod handle_expressions;
mod handle_extras;
mod handle_guild;
mod handle_members;
mod handle_moderation;
mod handle_webhooks;
mod interactions;
mod invite_codes;
mod invites;
mod members;
mod messages;
mod moderation;
pub(crate) mod monetization;
mod oauth;
mod polls;
mod prune;
mod reactions;
mod render;
mod replies;
mod role_positions;
mod roles;
mod scheduled_event_users;
mod scheduled_events;
mod soundboard;
mod stage_instances;
mod stage_voice;
pub(crate) mod stickers;
mod subscriptions;
mod templates;
mod updates;
mod voice;
mod voice_channel;
mod webhook_edits;
mod webhook_messages;
mod webhook_threads;
mod webhooks;

pub(crate) use component_ids::numbered_components;
pub(crate) use render::{channel_json, role_json};

pub(crate) use application::TeamRecord;
pub use application::TeamRole;
pub(crate) use auto_moderation::unknown_rule;
pub(crate) use auto_moderation_enforce::Sent;
pub(crate) use change::{Changed, Refusal};
pub(crate) use channels as channels_api;
pub(crate) use command_wire::{command_json as command_json_of, command_json_localized};
pub(crate) use commands::{CommandError, CommandStore, StoredCommand};
pub(crate) use guild_admin::voice_regions;
pub(crate) use guild_channels::{CREATABLE as CREATABLE_CHANNEL_TYPES, NewChannel};
pub use handle_application::SkuKind;
pub use interactions::{DeadlineExceeded, InteractionResponse, Invocation};
pub(crate) use interactions::{InteractionRecord, Invoker};
pub(crate) use invites::InviteRequest;
pub(crate) use messages::HistoryFrom;
pub(crate) use messages::StoredFile;
pub(crate) use moderation::{CHANGE_NICKNAME, KICK_MEMBERS};
pub(crate) use oauth::NewMember;
pub(crate) use polls::poll_of;
pub(crate) use stage_instances::StageRequest;
pub(crate) use stage_voice::StageEdit;
pub use updates::{MemberUpdate, ProfileUpdate, RoleUpdate};
pub(crate) use voice::VoiceStateRecord;
pub(crate) use webhook_edits::WebhookChange;
pub(crate) use webhook_messages::{WebhookQuery, image_hash};
pub(crate) use webhooks::{WebhookRecord, check_webhook_name};

use crate::ids::Snowflakes;
use std::collections::{BTreeMap, HashMap};

/// A user of the world.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UserRecord {
    pub(crate) id: u64,
    pub(crate) username: String,
    pub(crate) bot: bool,
    /// The display name (`global_name`), if set.
    pub(crate) global_name: Option<String>,
    /// The avatar hash, if set.
    pub(crate) avatar: Option<String>,
}

/// A channel of a guild (a thread too, with `thread` set).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ChannelRecord {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) kind: u8,
    pub(crate) position: u32,
    /// Age-restricted (`nsfw` on the wire).
    pub(crate) nsfw: bool,
    pub(crate) topic: Option<String>,
    pub(crate) parent_id: Option<u64>,
    pub(crate) rate_limit_per_user: u32,
    pub(crate) overwrites: Vec<channels::Overwrite>,
    pub(crate) thread: Option<channels::ThreadRecord>,
}

/// A role of a guild.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RoleRecord {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) permissions: u64,
    pub(crate) position: u32,
    pub(crate) color: u32,
    /// Shown apart in the member list.
    pub(crate) hoist: bool,
    pub(crate) mentionable: bool,
}

/// A member of a guild.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MemberRecord {
    pub(crate) user_id: u64,
    pub(crate) nick: Option<String>,
    pub(crate) roles: Vec<u64>,
    pub(crate) joined_at: String,
    /// The guild avatar hash, if set.
    pub(crate) avatar: Option<String>,
    /// Server-deafened in voice channels.
    pub(crate) deaf: bool,
    /// Server-muted in voice channels.
    pub(crate) mute: bool,
    /// When a timeout ends (ISO 8601), if one was set.
    pub(crate) communication_disabled_until: Option<String>,
    /// When the member was last active (Unix seconds); `None`: active now. A prune removes
    /// the members inactive for its days (`prune.rs`).
    pub(crate) last_active: Option<u64>,
}

impl MemberRecord {
    /// A member with these roles, joined at `joined_at`, nothing else set.
    pub(crate) fn new(user_id: u64, roles: Vec<u64>, joined_at: String) -> Self {
        MemberRecord {
            user_id,
            nick: None,
            roles,
            joined_at,
            avatar: None,
            deaf: false,
            mute: false,
            communication_disabled_until: None,
            last_active: None,
        }
    }
}

/// A guild.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GuildRecord {
    pub(crate) id: u64,
    pub(crate) name: String,
    /// The description (Modify Guild sets it).
    pub(crate) description: Option<String>,
    pub(crate) owner_id: u64,
    pub(crate) channels: Vec<ChannelRecord>,
    pub(crate) roles: Vec<RoleRecord>,
    pub(crate) members: Vec<MemberRecord>,
    /// Who is in which voice channel.
    pub(crate) voice_states: Vec<VoiceStateRecord>,
}

impl GuildRecord {
    pub(crate) fn channel(&self, id: u64) -> Option<&ChannelRecord> {
        self.channels.iter().find(|c| c.id == id)
    }

    pub(crate) fn member(&self, user_id: u64) -> Option<&MemberRecord> {
        self.members.iter().find(|m| m.user_id == user_id)
    }

    /// The permissions of a member: the union of @everyone's and their roles'; every permission
    /// for the owner and for a member with ADMINISTRATOR (the docs' `compute_base_permissions`,
    /// developers/topics/permissions.mdx).
    pub(crate) fn permissions_of(&self, user_id: u64) -> u64 {
        if user_id == self.owner_id {
            return ALL_PERMISSIONS;
        }
        let everyone = self
            .roles
            .iter()
            .find(|r| r.id == self.id)
            .map_or(0, |r| r.permissions);
        let base = self.member(user_id).map_or(everyone, |m| {
            m.roles
                .iter()
                .filter_map(|id| self.roles.iter().find(|r| r.id == *id))
                .fold(everyone, |acc, r| acc | r.permissions)
        });
        if base & ADMINISTRATOR != 0 {
            ALL_PERMISSIONS
        } else {
            base
        }
    }
}

/// Every permission bit Discord defines (bits 0–50).
pub(crate) const ALL_PERMISSIONS: u64 = (1 << 51) - 1;

/// ADMINISTRATOR: every permission, whatever the other bits.
pub(crate) const ADMINISTRATOR: u64 = 1 << 3;

/// A fixed join time for seeded members, so snapshots are stable.
pub(crate) const SEED_TIME: &str = "2024-01-01T00:00:00.000000+00:00";

/// The whole world, behind one lock.
#[derive(Debug)]
pub(crate) struct World {
    pub(crate) application_id: u64,
    pub(crate) application_name: String,
    pub(crate) bot_id: u64,
    pub(crate) token: String,
    pub(crate) users: BTreeMap<u64, UserRecord>,
    pub(crate) guilds: BTreeMap<u64, GuildRecord>,
    /// Messages by channel, oldest first.
    pub(crate) messages: BTreeMap<u64, Vec<serde_json::Value>>,
    pub(crate) commands: CommandStore,
    pub(crate) interactions: HashMap<u64, InteractionRecord>,
    pub(crate) ids: Snowflakes,
    /// The user who owns the application, when set (else the first guild's owner).
    pub(crate) owner: Option<u64>,
    /// The team that owns the application, if any.
    pub(crate) team: Option<TeamRecord>,
    /// Each user's DM channel with the bot: user id to channel id.
    pub(crate) dm_channels: BTreeMap<u64, u64>,
    /// The reactions of each message, by message id.
    pub(crate) reactions: HashMap<u64, Vec<reactions::ReactionRecord>>,
    /// The pins of each channel, newest first: message id and when it was pinned.
    pub(crate) pins: HashMap<u64, Vec<(u64, String)>>,
    /// Uploaded files by attachment id.
    pub(crate) files: HashMap<u64, StoredFile>,
    /// `X-Audit-Log-Reason`s received, decoded, with the request's method and path.
    pub(crate) audit_reasons: Vec<(String, String)>,
    /// The application's emojis.
    pub(crate) app_emojis: Vec<emojis::EmojiRecord>,
    /// Each guild's bans: the user and the reason given, in the order they were made.
    pub(crate) bans: BTreeMap<u64, Vec<bans::BanRecord>>,
    /// Each guild's audit log, oldest first.
    pub(crate) audit_log: BTreeMap<u64, Vec<audit::AuditEntry>>,
    /// The invites of guild channels, oldest first.
    pub(crate) invites: Vec<invites::InviteRecord>,
    /// The webhooks of guild channels, by id.
    pub(crate) webhooks: BTreeMap<u64, WebhookRecord>,
    /// The polls of messages, by message id.
    pub(crate) polls: HashMap<u64, polls::PollRecord>,
    /// The status of voice channels, by channel id.
    pub(crate) voice_statuses: HashMap<u64, String>,
    /// The group DMs, by channel id.
    pub(crate) group_dms: BTreeMap<u64, group_dms::GroupDmRecord>,
    /// OAuth2 access tokens users granted the application, with their scopes.
    pub(crate) oauth_grants: HashMap<String, oauth::Grant>,
    /// Application command permissions set in guilds: by guild and command (or application)
    /// id.
    pub(crate) command_permissions:
        BTreeMap<(u64, u64), Vec<command_permissions::CommandPermission>>,
    /// The live stages, by stage channel.
    pub(crate) stages: BTreeMap<u64, stage_instances::StageRecord>,
    /// Discord's catalog: the standard sticker packs and the default soundboard sounds.
    pub(crate) catalog: catalog::Catalog,
    /// What the app changed about itself, its role-connection metadata, its activity instances.
    pub(crate) app_settings: application_edits::AppSettings,
    /// The application's SKUs, entitlements and subscriptions.
    pub(crate) store: monetization::Store,
    /// The guilds' auto-moderation rules, by id.
    pub(crate) auto_moderation: BTreeMap<u64, auto_moderation::RuleRecord>,
    /// The guilds' widget settings and incident actions, by guild.
    pub(crate) guild_admin: BTreeMap<u64, guild_admin::GuildAdminRecord>,
    /// Guild templates, by code.
    pub(crate) templates: BTreeMap<String, templates::TemplateRecord>,
    /// Each guild's custom emojis, oldest first (issue 28).
    pub(crate) emojis: BTreeMap<u64, Vec<emojis::EmojiRecord>>,
    /// The guilds' scheduled events, by id (issue 28).
    pub(crate) scheduled_events: BTreeMap<u64, scheduled_events::EventRecord>,
    /// Each guild's stickers, oldest first (issue 28).
    pub(crate) stickers: BTreeMap<u64, Vec<stickers::StickerRecord>>,
    /// The guilds' soundboard sounds, by id (issue 28).
    pub(crate) sounds: BTreeMap<u64, soundboard::SoundRecord>,
}

impl World {
    /// A world with the application, its bot user and nothing else.
    pub(crate) fn new(bot_name: &str, same_ids: bool) -> Self {
        let ids = Snowflakes;
        let bot_id = ids.next();
        let application_id = if same_ids { bot_id } else { ids.next() };
        let token = crate::ids::bot_token(bot_id);
        let mut users = BTreeMap::new();
        users.insert(
            bot_id,
            UserRecord {
                id: bot_id,
                username: bot_name.to_owned(),
                bot: true,
                global_name: None,
                avatar: None,
            },
        );
        let mut world = World {
            application_id,
            application_name: bot_name.to_owned(),
            bot_id,
            token,
            users,
            guilds: BTreeMap::new(),
            messages: BTreeMap::new(),
            commands: CommandStore::default(),
            interactions: HashMap::new(),
            ids,
            owner: None,
            team: None,
            dm_channels: BTreeMap::new(),
            reactions: HashMap::new(),
            pins: HashMap::new(),
            files: HashMap::new(),
            audit_reasons: Vec::new(),
            app_emojis: Vec::new(),
            bans: BTreeMap::new(),
            audit_log: BTreeMap::new(),
            invites: Vec::new(),
            webhooks: BTreeMap::new(),
            polls: HashMap::new(),
            voice_statuses: HashMap::new(),
            group_dms: BTreeMap::new(),
            oauth_grants: HashMap::new(),
            command_permissions: BTreeMap::new(),
            stages: BTreeMap::new(),
            catalog: catalog::Catalog::discords(),
            emojis: BTreeMap::new(),
            scheduled_events: BTreeMap::new(),
            stickers: BTreeMap::new(),
            sounds: BTreeMap::new(),
            auto_moderation: BTreeMap::new(),
            guild_admin: BTreeMap::new(),
            templates: BTreeMap::new(),
            app_settings: application_edits::AppSettings::default(),
            store: monetization::Store::default(),
        };
        world.seed_skus();
        world
    }

    pub(crate) fn add_user(&mut self, username: &str) -> u64 {
        let id = self.ids.next();
        self.users.insert(
            id,
            UserRecord {
                id,
                username: username.to_owned(),
                bot: false,
                global_name: None,
                avatar: None,
            },
        );
        id
    }

    /// A guild owned by `owner`, with an @everyone role and the bot as a member.
    pub(crate) fn add_guild(&mut self, name: &str, owner: u64) -> u64 {
        let id = self.ids.next();
        self.insert_guild(id, name, owner)
    }

    /// [`World::add_guild`] with an id that shard `shard` of `shards` holds.
    pub(crate) fn add_guild_on_shard(
        &mut self,
        name: &str,
        owner: u64,
        shard: u64,
        shards: u64,
    ) -> u64 {
        let id = self.ids.next_on_shard(shard, shards);
        self.insert_guild(id, name, owner)
    }

    fn insert_guild(&mut self, id: u64, name: &str, owner: u64) -> u64 {
        let everyone = RoleRecord {
            id,
            name: "@everyone".to_owned(),
            permissions: DEFAULT_EVERYONE,
            position: 0,
            color: 0,
            hoist: false,
            mentionable: false,
        };
        let mut guild = GuildRecord {
            id,
            name: name.to_owned(),
            description: None,
            owner_id: owner,
            channels: Vec::new(),
            roles: vec![everyone],
            members: Vec::new(),
            voice_states: Vec::new(),
        };
        for user in [owner, self.bot_id] {
            if guild.member(user).is_none() {
                guild
                    .members
                    .push(MemberRecord::new(user, Vec::new(), SEED_TIME.to_owned()));
            }
        }
        self.guilds.insert(id, guild);
        id
    }

    pub(crate) fn add_channel(&mut self, guild: u64, name: &str, kind: u8) -> Option<u64> {
        let id = self.ids.next();
        let guild = self.guilds.get_mut(&guild)?;
        let position = guild.channels.len() as u32;
        guild.channels.push(ChannelRecord {
            id,
            name: name.to_owned(),
            kind,
            position,
            nsfw: false,
            topic: None,
            parent_id: None,
            rate_limit_per_user: 0,
            overwrites: Vec::new(),
            thread: None,
        });
        Some(id)
    }

    pub(crate) fn add_role(&mut self, guild: u64, name: &str, permissions: u64) -> Option<u64> {
        let id = self.ids.next();
        let guild = self.guilds.get_mut(&guild)?;
        let position = guild.roles.len() as u32;
        guild.roles.push(RoleRecord {
            id,
            name: name.to_owned(),
            permissions,
            position,
            color: 0,
            hoist: false,
            mentionable: false,
        });
        Some(id)
    }

    pub(crate) fn add_member(&mut self, guild: u64, user: u64, roles: &[u64]) -> bool {
        if !self.users.contains_key(&user) {
            return false;
        }
        let Some(guild) = self.guilds.get_mut(&guild) else {
            return false;
        };
        match guild.members.iter_mut().find(|m| m.user_id == user) {
            Some(member) => member.roles = roles.to_vec(),
            None => guild.members.push(MemberRecord::new(
                user,
                roles.to_vec(),
                SEED_TIME.to_owned(),
            )),
        }
        true
    }

    /// The guild a channel belongs to.
    pub(crate) fn guild_of_channel(&self, channel: u64) -> Option<&GuildRecord> {
        self.guilds.values().find(|g| g.channel(channel).is_some())
    }
}

/// @everyone's permissions in a new guild, as Discord's defaults have them for what the sandbox
/// checks: view, send, read history, use application commands, add reactions, embed links,
/// attach files, create public and private threads, send messages in threads.
const DEFAULT_EVERYONE: u64 = (1 << 6)
    | (1 << 10)
    | (1 << 11)
    | (1 << 14)
    | (1 << 15)
    | (1 << 16)
    | (1 << 31)
    | (1 << 35)
    | (1 << 36)
    | (1 << 38);
