//! Gateway intents (GW: the events a bot subscribes to).

use std::ops::BitOr;

/// A set of gateway intents.
///
/// ```
/// use bot_core::Intents;
/// let intents = Intents::GUILDS | Intents::GUILD_MESSAGES;
/// assert_eq!(intents.bits(), 1 | (1 << 9));
/// assert!(!intents.is_privileged());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Intents(u64);

impl Intents {
    /// Guild create, update, delete; roles; channels.
    pub const GUILDS: Intents = Intents(1);
    /// Guild members (privileged).
    pub const GUILD_MEMBERS: Intents = Intents(1 << 1);
    /// Presences (privileged).
    pub const GUILD_PRESENCES: Intents = Intents(1 << 8);
    /// Messages in guilds.
    pub const GUILD_MESSAGES: Intents = Intents(1 << 9);
    /// Direct messages.
    pub const DIRECT_MESSAGES: Intents = Intents(1 << 12);
    /// Message content (privileged).
    pub const MESSAGE_CONTENT: Intents = Intents(1 << 15);
    /// No intents.
    pub const NONE: Intents = Intents(0);

    /// From raw bits.
    pub const fn from_bits(bits: u64) -> Self {
        Intents(bits)
    }

    /// The raw bits.
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// Whether a privileged intent is included.
    pub const fn is_privileged(self) -> bool {
        self.0 & (Self::GUILD_MEMBERS.0 | Self::GUILD_PRESENCES.0 | Self::MESSAGE_CONTENT.0) != 0
    }
}

impl Default for Intents {
    /// The non-privileged intents most bots need: guilds, guild messages, direct messages.
    fn default() -> Self {
        Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::DIRECT_MESSAGES
    }
}

impl BitOr for Intents {
    type Output = Intents;

    fn bitor(self, other: Intents) -> Intents {
        Intents(self.0 | other.0)
    }
}
