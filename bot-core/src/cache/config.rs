//! What the cache keeps: [`CacheConfig`].

use std::num::NonZeroUsize;

bitflags::bitflags! {
    /// The kinds of objects the cache keeps.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct ResourceType: u16 {
        /// Guilds (their own fields; members, channels and roles are their own resources).
        const GUILD = 1 << 0;
        /// Guild channels and threads.
        const CHANNEL = 1 << 1;
        /// Roles.
        const ROLE = 1 << 2;
        /// Guild members (as [`MemberCacheFlags`] says which).
        const MEMBER = 1 << 3;
        /// Users (each once; the users of cached members and of messages' authors).
        const USER = 1 << 4;
        /// Messages, up to [`CacheConfig::max_messages`].
        const MESSAGE = 1 << 5;
        /// Voice states.
        const VOICE_STATE = 1 << 6;
        /// Direct-message channels, up to [`CacheConfig::max_private_channels`].
        const PRIVATE_CHANNEL = 1 << 7;
        /// Guild emojis (and the application's, with [`CacheConfig::cache_app_emojis`]).
        const EMOJI = 1 << 8;
        /// Guild stickers.
        const STICKER = 1 << 9;
        /// Soundboard sounds (and Discord's defaults, with
        /// [`CacheConfig::cache_default_sounds`]).
        const SOUNDBOARD_SOUND = 1 << 10;
        /// Stage instances.
        const STAGE_INSTANCE = 1 << 11;
        /// Scheduled events.
        const SCHEDULED_EVENT = 1 << 12;
        /// Presences (sent with the `GUILD_PRESENCES` intent only).
        const PRESENCE = 1 << 13;
    }
}

bitflags::bitflags! {
    /// Which members are kept, as Pycord's `MemberCacheFlags`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub struct MemberCacheFlags: u8 {
        /// Members in a voice channel (from voice states).
        const VOICE = 1 << 0;
        /// Members that joined (GUILD_CREATE, member chunks, GUILD_MEMBER_ADD and updates).
        const JOINED = 1 << 1;
        /// Members that used an interaction.
        const INTERACTION = 1 << 2;
    }
}

/// What the cache keeps: which resources, how many messages, which members.
///
/// The default keeps every resource, every member, 1 000 messages and 128 DM channels, as
/// Pycord does. [`CacheConfig::none`] turns the cache off: the event path then does no cache
/// work at all.
///
/// ```
/// use bot_core::cache::{CacheConfig, ResourceType};
/// use std::num::NonZeroUsize;
/// let config = CacheConfig::default()
///     .resources(ResourceType::GUILD | ResourceType::MEMBER | ResourceType::USER)
///     .max_messages(None);
/// assert!(!config.keeps(ResourceType::MESSAGE));
/// assert_eq!(CacheConfig::default().messages(), NonZeroUsize::new(1000));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheConfig {
    resources: ResourceType,
    max_messages: Option<NonZeroUsize>,
    max_private_channels: usize,
    members: MemberCacheFlags,
    app_emojis: bool,
    default_sounds: bool,
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            resources: ResourceType::all(),
            max_messages: NonZeroUsize::new(1000),
            max_private_channels: 128,
            members: MemberCacheFlags::all(),
            app_emojis: false,
            default_sounds: true,
        }
    }
}

impl CacheConfig {
    /// Whether to fetch the application's emojis when the bot starts and keep them (Pycord's
    /// `cache_app_emojis`; off by default, as in Pycord).
    pub fn cache_app_emojis(mut self, cache: bool) -> Self {
        self.app_emojis = cache;
        self
    }

    /// Whether to fetch Discord's default soundboard sounds when the bot starts and keep them
    /// (Pycord's `cache_default_sounds`; on by default, as in Pycord: one request at start-up).
    pub fn cache_default_sounds(mut self, cache: bool) -> Self {
        self.default_sounds = cache;
        self
    }

    /// Whether the application's emojis are fetched at start-up.
    pub fn caches_app_emojis(&self) -> bool {
        self.app_emojis && self.keeps(ResourceType::EMOJI)
    }

    /// Whether Discord's default sounds are fetched at start-up.
    pub fn caches_default_sounds(&self) -> bool {
        self.default_sounds && self.keeps(ResourceType::SOUNDBOARD_SOUND)
    }

    /// No cache: nothing kept, no work on the event path.
    pub fn none() -> Self {
        CacheConfig {
            resources: ResourceType::empty(),
            ..CacheConfig::default()
        }
    }

    /// Keeps only `resources`.
    pub fn resources(mut self, resources: ResourceType) -> Self {
        self.resources = resources;
        self
    }

    /// At most `max` messages, the oldest evicted first (a bounded ring); `None` keeps none.
    /// Unlike Pycord, where `max_messages=None` also disables the message cache, there is no
    /// unbounded setting: a bot that wants every message uses a listener.
    pub fn max_messages(mut self, max: Option<NonZeroUsize>) -> Self {
        self.max_messages = max;
        self
    }

    /// At most `max` DM channels (Pycord keeps 128), the least recently seen evicted first.
    pub fn max_private_channels(mut self, max: usize) -> Self {
        self.max_private_channels = max;
        self
    }

    /// Which members are kept (Pycord's `member_cache_flags`).
    pub fn member_cache_flags(mut self, flags: MemberCacheFlags) -> Self {
        self.members = flags;
        self
    }

    /// Whether `resource` is kept.
    pub fn keeps(&self, resource: ResourceType) -> bool {
        self.resources.contains(resource)
            && match resource {
                ResourceType::MESSAGE => self.max_messages.is_some(),
                ResourceType::PRIVATE_CHANNEL => self.max_private_channels > 0,
                _ => true,
            }
    }

    /// How many messages are kept (`None`: none).
    pub fn messages(&self) -> Option<NonZeroUsize> {
        self.max_messages
            .filter(|_| self.resources.contains(ResourceType::MESSAGE))
    }

    /// How many DM channels are kept.
    pub fn private_channels(&self) -> usize {
        self.max_private_channels
    }

    /// Whether members that came this way are kept.
    pub fn keeps_members(&self, from: MemberCacheFlags) -> bool {
        self.resources.contains(ResourceType::MEMBER) && self.members.intersects(from)
    }

    /// Whether nothing is kept.
    pub fn is_off(&self) -> bool {
        self.resources.is_empty()
    }
}
