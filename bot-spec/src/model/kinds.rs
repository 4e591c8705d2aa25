//! The integer-coded enumerations of the command model.
//!
//! Every enum keeps values it does not know in an `Unknown(n)` variant, so a body from the network
//! always deserializes; validation then reports the unknown value with Discord's `BASE_TYPE_CHOICES`.

/// Defines a `#[repr]`-less enum coded as an integer on the wire, with an `Unknown(n)` fallback.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the SDK does not know.
            Unknown($repr),
        }

        impl $name {
            /// Every known value, in wire order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value on the wire.
            pub const fn value(self) -> $repr {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(n) => n,
                }
            }

            /// The variant for a wire value (`Unknown(n)` for a value not listed).
            pub const fn from_value(n: $repr) -> Self {
                match n {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other),
                }
            }

            /// Whether the value is one Discord documents.
            pub const fn is_known(self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$repr as serde::Deserialize>::deserialize(deserializer).map($name::from_value)
            }
        }
    };
}

int_enum! {
    /// The type of an application command (AC L13-59: `type`, default 1).
    pub enum CommandKind: u8 {
        /// A slash command (`CHAT_INPUT`, 1).
        ChatInput = 1,
        /// A context-menu command on a user (`USER`, 2).
        User = 2,
        /// A context-menu command on a message (`MESSAGE`, 3).
        Message = 3,
        /// An Activity's primary entry point (`PRIMARY_ENTRY_POINT`, 4).
        PrimaryEntryPoint = 4,
    }
}

int_enum! {
    /// The type of a command option (AC L97-111).
    pub enum OptionKind: u8 {
        /// A subcommand (1).
        SubCommand = 1,
        /// A group of subcommands (2).
        SubCommandGroup = 2,
        /// A string (3).
        String = 3,
        /// An integer between −(2^53−1) and 2^53−1 (4).
        Integer = 4,
        /// A boolean (5).
        Boolean = 5,
        /// A user (6).
        User = 6,
        /// A channel (7).
        Channel = 7,
        /// A role (8).
        Role = 8,
        /// A user or a role (9).
        Mentionable = 9,
        /// A double between −2^53 and 2^53 (10).
        Number = 10,
        /// An uploaded file (11).
        Attachment = 11,
    }
}

impl OptionKind {
    /// Whether this kind is a subcommand or a subcommand group rather than a value.
    pub const fn is_subcommand_like(self) -> bool {
        matches!(self, OptionKind::SubCommand | OptionKind::SubCommandGroup)
    }

    /// Whether this kind can carry `choices` and `autocomplete` (STRING, INTEGER, NUMBER; AC L76, L88).
    pub const fn supports_choices(self) -> bool {
        matches!(
            self,
            OptionKind::String | OptionKind::Integer | OptionKind::Number
        )
    }
}

int_enum! {
    /// A channel type, as used in an option's `channel_types` (spec `ChannelTypes`).
    pub enum ChannelType: u8 {
        /// A text channel in a guild (0).
        GuildText = 0,
        /// A direct message (1).
        Dm = 1,
        /// A voice channel (2).
        GuildVoice = 2,
        /// A group DM (3).
        GroupDm = 3,
        /// A category (4).
        GuildCategory = 4,
        /// An announcement channel (5).
        GuildAnnouncement = 5,
        /// A thread in an announcement channel (10).
        AnnouncementThread = 10,
        /// A public thread (11).
        PublicThread = 11,
        /// A private thread (12).
        PrivateThread = 12,
        /// A stage channel (13).
        GuildStageVoice = 13,
        /// A hub directory (14).
        GuildDirectory = 14,
        /// A forum (15).
        GuildForum = 15,
        /// A media channel (16).
        GuildMedia = 16,
    }
}

int_enum! {
    /// Where a command can be used (RR L65-73). Global commands only.
    pub enum InteractionContextType: u8 {
        /// In guilds (0).
        Guild = 0,
        /// In the bot's DM channel (1).
        BotDm = 1,
        /// In group DMs and DMs other than the bot's (2).
        PrivateChannel = 2,
    }
}

int_enum! {
    /// How an app must be installed for a command to be available (AC L38-39). Global commands only.
    pub enum IntegrationType: u8 {
        /// Installed to a guild (0).
        GuildInstall = 0,
        /// Installed to a user (1).
        UserInstall = 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_from_value() {
        for kind in OptionKind::KNOWN {
            assert_eq!(OptionKind::from_value(kind.value()), *kind);
        }
        assert_eq!(OptionKind::from_value(42), OptionKind::Unknown(42));
        assert!(!OptionKind::Unknown(42).is_known());
        assert_eq!(ChannelType::from_value(16), ChannelType::GuildMedia);
    }

    #[test]
    fn choice_support_is_string_integer_number() {
        let supported: Vec<_> = OptionKind::KNOWN
            .iter()
            .filter(|k| k.supports_choices())
            .collect();
        assert_eq!(
            supported,
            [
                &OptionKind::String,
                &OptionKind::Integer,
                &OptionKind::Number
            ]
        );
    }
}
