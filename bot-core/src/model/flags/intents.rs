//! Gateway intents (GW L304-430): the events a bot subscribes to.

use super::flags_serde;

bitflags::bitflags! {
    /// A set of gateway intents.
    ///
    /// `Intents::default()` is every intent that is not privileged, as Pycord's
    /// `Intents.default()`; add the privileged ones (members, presences, message content) on
    /// purpose, after enabling them in the developer portal.
    ///
    /// ```
    /// use bot_core::Intents;
    /// let intents = Intents::GUILDS | Intents::GUILD_MESSAGES;
    /// assert_eq!(intents.bits(), 1 | (1 << 9));
    /// assert!(!intents.is_privileged());
    /// assert!(!Intents::default().is_privileged());
    /// assert!(Intents::default().contains(Intents::GUILD_MESSAGE_REACTIONS));
    /// assert!((Intents::default() | Intents::MESSAGE_CONTENT).is_privileged());
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Intents: u64 {
        /// Guilds, roles, channels, threads, stage instances.
        const GUILDS = 1 << 0;
        /// Members joining, leaving, updated (privileged).
        const GUILD_MEMBERS = 1 << 1;
        /// Bans and audit-log entries.
        const GUILD_MODERATION = 1 << 2;
        /// Emojis, stickers and soundboard sounds.
        const GUILD_EXPRESSIONS = 1 << 3;
        /// Integrations.
        const GUILD_INTEGRATIONS = 1 << 4;
        /// Webhooks.
        const GUILD_WEBHOOKS = 1 << 5;
        /// Invites.
        const GUILD_INVITES = 1 << 6;
        /// Voice states.
        const GUILD_VOICE_STATES = 1 << 7;
        /// Presences (privileged).
        const GUILD_PRESENCES = 1 << 8;
        /// Messages in guilds.
        const GUILD_MESSAGES = 1 << 9;
        /// Reactions in guilds.
        const GUILD_MESSAGE_REACTIONS = 1 << 10;
        /// Typing in guilds.
        const GUILD_MESSAGE_TYPING = 1 << 11;
        /// Direct messages.
        const DIRECT_MESSAGES = 1 << 12;
        /// Reactions in direct messages.
        const DIRECT_MESSAGE_REACTIONS = 1 << 13;
        /// Typing in direct messages.
        const DIRECT_MESSAGE_TYPING = 1 << 14;
        /// Message content, embeds, attachments and components (privileged; no events).
        const MESSAGE_CONTENT = 1 << 15;
        /// Scheduled events.
        const GUILD_SCHEDULED_EVENTS = 1 << 16;
        /// Auto-moderation rules.
        const AUTO_MODERATION_CONFIGURATION = 1 << 20;
        /// Auto-moderation actions.
        const AUTO_MODERATION_EXECUTION = 1 << 21;
        /// Poll votes in guilds.
        const GUILD_MESSAGE_POLLS = 1 << 24;
        /// Poll votes in direct messages.
        const DIRECT_MESSAGE_POLLS = 1 << 25;
    }
}

flags_serde!(Intents, u64, false);

impl Intents {
    /// No intents.
    pub const NONE: Intents = Intents::empty();

    /// The privileged intents: members, presences, message content.
    pub const PRIVILEGED: Intents = Intents::GUILD_MEMBERS
        .union(Intents::GUILD_PRESENCES)
        .union(Intents::MESSAGE_CONTENT);

    /// Whether a privileged intent is included.
    pub const fn is_privileged(self) -> bool {
        self.intersects(Self::PRIVILEGED)
    }
}

impl Default for Intents {
    /// Every intent that is not privileged (Pycord's `Intents.default()`).
    fn default() -> Self {
        Intents::all().difference(Intents::PRIVILEGED)
    }
}
