//! The cache: what the gateway said about guilds, channels, threads, roles, members, users,
//! messages, voice states, emojis, stickers, soundboard sounds, stage instances, scheduled
//! events and presences, kept as [`CacheConfig`] says and updated by the dispatcher **on
//! the shard's path, before any consumer gets the event** — never as a consumer that could lag
//! and so be silently wrong.
//!
//! Reading never blocks the shard. The objects live in sharded concurrent maps
//! ([`dashmap`](https://docs.rs/dashmap)): a lookup takes one shard's read lock for the time of
//! the lookup only and hands back a shared handle (an [`Arc`] clone, or a [`MemberRef`] of two),
//! so no handle a reader keeps — across an `.await`, for minutes — holds anything locked. A map
//! shard is written under its write lock for one insert or removal; whole-cache listings
//! ([`Cache::guilds`], [`Cache::members`], …) copy the handles out shard by shard and lock
//! nothing while the caller holds them.
//!
//! Memory: a member is one compact record per guild ([`CachedMember`]: no copy of its user,
//! image hashes in 17 bytes, timestamps as integers), its user one record for all guilds
//! ([`CachedUser`]). `BENCHMARKS.md` has the bytes per member beside twilight's.

mod config;
mod derive;
mod guild_member;
mod hash;
mod members;
mod messages;
mod objects;
mod reactions;
mod read;
mod read_objects;
mod update;
mod users;

#[cfg(test)]
mod derived_tests;
#[cfg(test)]
mod member_fields_tests;
#[cfg(test)]
mod objects_tests;
#[cfg(test)]
mod tests;

pub use config::{CacheConfig, MemberCacheFlags, ResourceType};
pub use hash::ImageHash;
pub use members::{CachedMember, MemberRef};
pub use messages::CachedMessage;
pub use users::CachedUser;

use crate::model::{
    Channel, ChannelMarker, Emoji, EmojiMarker, Guild, GuildMarker, Id, Presence, Role, RoleMarker,
    ScheduledEvent, ScheduledEventMarker, SoundboardSound, SoundboardSoundMarker, StageInstance,
    StageMarker, Sticker, StickerMarker, ThreadMember, UserMarker, VoiceState,
};
use dashmap::{DashMap, DashSet};
use messages::Messages;
use objects::GuildObjects;
use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

/// The maps' hasher: FxHash. The keys are Discord's snowflakes, which only Discord chooses;
/// SipHash's protection against chosen keys would cost every lookup for nothing.
type Hasher = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// A concurrent map with the cache's hasher.
type Map<K, V> = DashMap<K, V, Hasher>;

/// The members of one guild.
type GuildMembers = Map<Id<UserMarker>, Arc<CachedMember>>;

/// The members of one thread.
type ThreadMembers = std::collections::HashMap<Id<UserMarker>, Arc<ThreadMember>, Hasher>;

/// See the module's documentation. Reached with [`Context::cache`](crate::Context::cache).
pub struct Cache {
    config: CacheConfig,
    guilds: Map<Id<GuildMarker>, GuildEntry>,
    unavailable: DashSet<Id<GuildMarker>, Hasher>,
    channels: Map<Id<ChannelMarker>, Arc<Channel>>,
    /// DM channels, least recently seen first.
    private_channels: Mutex<VecDeque<Id<ChannelMarker>>>,
    roles: Map<Id<RoleMarker>, Arc<Role>>,
    members: Map<Id<GuildMarker>, Arc<GuildMembers>>,
    users: Map<Id<UserMarker>, UserEntry>,
    messages: Messages,
    voice_states: Map<(Id<GuildMarker>, Id<UserMarker>), Arc<VoiceState>>,
    /// The members of cached threads.
    thread_members: Map<Id<ChannelMarker>, ThreadMembers>,
    emojis: GuildObjects<Id<EmojiMarker>, Emoji>,
    stickers: GuildObjects<Id<StickerMarker>, Sticker>,
    sounds: GuildObjects<Id<SoundboardSoundMarker>, SoundboardSound>,
    stage_instances: GuildObjects<Id<StageMarker>, StageInstance>,
    scheduled_events: GuildObjects<Id<ScheduledEventMarker>, ScheduledEvent>,
    presences: Map<(Id<GuildMarker>, Id<UserMarker>), Arc<Presence>>,
    /// The bot's user (from READY).
    current_user: std::sync::RwLock<Option<Id<UserMarker>>>,
}

/// A guild, and the ids of its channels, threads and roles.
struct GuildEntry {
    /// Its own fields: the lists GUILD_CREATE carries (members, channels, threads, roles,
    /// voice states, presences) are emptied; they are the cache's other resources.
    guild: Arc<Guild>,
    channels: HashSet<Id<ChannelMarker>, Hasher>,
    roles: HashSet<Id<RoleMarker>, Hasher>,
}

/// A user and how many cached members are theirs (removed at zero).
struct UserEntry {
    user: Arc<CachedUser>,
    members: u32,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("config", &self.config)
            .field("guilds", &self.guilds.len())
            .field("channels", &self.channels.len())
            .field("roles", &self.roles.len())
            .field("users", &self.users.len())
            .field("messages", &self.messages.len())
            .field("emojis", &self.emojis.len())
            .finish_non_exhaustive()
    }
}

impl Cache {
    /// An empty cache that keeps what `config` says.
    pub fn new(config: CacheConfig) -> Self {
        Cache {
            messages: Messages::new(config.messages()),
            config,
            guilds: Map::default(),
            unavailable: DashSet::default(),
            channels: Map::default(),
            private_channels: Mutex::new(VecDeque::new()),
            roles: Map::default(),
            members: Map::default(),
            users: Map::default(),
            voice_states: Map::default(),
            thread_members: Map::default(),
            emojis: GuildObjects::default(),
            stickers: GuildObjects::default(),
            sounds: GuildObjects::default(),
            stage_instances: GuildObjects::default(),
            scheduled_events: GuildObjects::default(),
            presences: Map::default(),
            current_user: std::sync::RwLock::new(None),
        }
    }

    /// What it keeps.
    pub fn config(&self) -> &CacheConfig {
        &self.config
    }
}
