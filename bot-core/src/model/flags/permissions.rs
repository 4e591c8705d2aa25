//! Permissions (developers/topics/permissions.mdx): a decimal string on the wire.

use super::flags_serde;

bitflags::bitflags! {
    /// A set of permissions. Written as a decimal string, as Discord does.
    ///
    /// ```
    /// use bot_core::model::Permissions;
    /// let moderator = Permissions::KICK_MEMBERS | Permissions::BAN_MEMBERS;
    /// assert_eq!(serde_json::to_string(&moderator).unwrap(), "\"6\"");
    /// let read: Permissions = serde_json::from_str("\"1024\"").unwrap();
    /// assert_eq!(read, Permissions::VIEW_CHANNEL);
    /// ```
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Permissions: u64 {
        /// Create instant invites.
        const CREATE_INSTANT_INVITE = 1 << 0;
        /// Kick members.
        const KICK_MEMBERS = 1 << 1;
        /// Ban members.
        const BAN_MEMBERS = 1 << 2;
        /// Every permission, and channel overwrites do not apply.
        const ADMINISTRATOR = 1 << 3;
        /// Manage channels.
        const MANAGE_CHANNELS = 1 << 4;
        /// Manage the guild.
        const MANAGE_GUILD = 1 << 5;
        /// Add reactions.
        const ADD_REACTIONS = 1 << 6;
        /// View the audit log.
        const VIEW_AUDIT_LOG = 1 << 7;
        /// Priority speaker in voice.
        const PRIORITY_SPEAKER = 1 << 8;
        /// Go live.
        const STREAM = 1 << 9;
        /// View a channel (read its messages).
        const VIEW_CHANNEL = 1 << 10;
        /// Send messages (and create forum posts).
        const SEND_MESSAGES = 1 << 11;
        /// Send text-to-speech messages.
        const SEND_TTS_MESSAGES = 1 << 12;
        /// Delete others' messages, pin.
        const MANAGE_MESSAGES = 1 << 13;
        /// Links embed.
        const EMBED_LINKS = 1 << 14;
        /// Upload files.
        const ATTACH_FILES = 1 << 15;
        /// Read the message history.
        const READ_MESSAGE_HISTORY = 1 << 16;
        /// Mention @everyone and @here.
        const MENTION_EVERYONE = 1 << 17;
        /// Use emojis of other guilds.
        const USE_EXTERNAL_EMOJIS = 1 << 18;
        /// View guild insights.
        const VIEW_GUILD_INSIGHTS = 1 << 19;
        /// Join voice.
        const CONNECT = 1 << 20;
        /// Speak in voice.
        const SPEAK = 1 << 21;
        /// Mute members in voice.
        const MUTE_MEMBERS = 1 << 22;
        /// Deafen members in voice.
        const DEAFEN_MEMBERS = 1 << 23;
        /// Move members between voice channels.
        const MOVE_MEMBERS = 1 << 24;
        /// Voice activity detection.
        const USE_VAD = 1 << 25;
        /// Change one's nickname.
        const CHANGE_NICKNAME = 1 << 26;
        /// Change others' nicknames.
        const MANAGE_NICKNAMES = 1 << 27;
        /// Manage roles.
        const MANAGE_ROLES = 1 << 28;
        /// Manage webhooks.
        const MANAGE_WEBHOOKS = 1 << 29;
        /// Edit and delete emojis, stickers and sounds.
        const MANAGE_GUILD_EXPRESSIONS = 1 << 30;
        /// Use application commands.
        const USE_APPLICATION_COMMANDS = 1 << 31;
        /// Request to speak in stage channels.
        const REQUEST_TO_SPEAK = 1 << 32;
        /// Edit and delete scheduled events.
        const MANAGE_EVENTS = 1 << 33;
        /// Manage threads.
        const MANAGE_THREADS = 1 << 34;
        /// Create public threads.
        const CREATE_PUBLIC_THREADS = 1 << 35;
        /// Create private threads.
        const CREATE_PRIVATE_THREADS = 1 << 36;
        /// Use stickers of other guilds.
        const USE_EXTERNAL_STICKERS = 1 << 37;
        /// Send messages in threads.
        const SEND_MESSAGES_IN_THREADS = 1 << 38;
        /// Use activities.
        const USE_EMBEDDED_ACTIVITIES = 1 << 39;
        /// Time members out.
        const MODERATE_MEMBERS = 1 << 40;
        /// View monetization analytics.
        const VIEW_CREATOR_MONETIZATION_ANALYTICS = 1 << 41;
        /// Use the soundboard.
        const USE_SOUNDBOARD = 1 << 42;
        /// Create emojis, stickers and sounds.
        const CREATE_GUILD_EXPRESSIONS = 1 << 43;
        /// Create scheduled events.
        const CREATE_EVENTS = 1 << 44;
        /// Use sounds of other guilds.
        const USE_EXTERNAL_SOUNDS = 1 << 45;
        /// Send voice messages.
        const SEND_VOICE_MESSAGES = 1 << 46;
        /// Send polls.
        const SEND_POLLS = 1 << 49;
        /// Use user-installed apps.
        const USE_EXTERNAL_APPS = 1 << 50;
        /// Pin messages.
        const PIN_MESSAGES = 1 << 51;
        /// Bypass slow mode.
        const BYPASS_SLOWMODE = 1 << 52;
    }
}

flags_serde!(Permissions, u64, true);

impl From<bot_spec::Permissions> for Permissions {
    fn from(spec: bot_spec::Permissions) -> Self {
        Permissions::from_bits_retain(spec.bits())
    }
}

impl From<Permissions> for bot_spec::Permissions {
    fn from(permissions: Permissions) -> Self {
        bot_spec::Permissions::from_bits(permissions.bits())
    }
}
