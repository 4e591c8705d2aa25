//! A guild's coded settings: verification, notifications, content filter, MFA, NSFW level,
//! boost tier and features.

use crate::model::enums::{int_enum, str_enum};

int_enum! {
    /// What a member must have before talking (spec `VerificationLevels`).
    pub enum VerificationLevel: u8 {
        /// Nothing.
        None = 0,
        /// A verified email.
        Low = 1,
        /// Registered for over five minutes.
        Medium = 2,
        /// A member for over ten minutes.
        High = 3,
        /// A verified phone number.
        VeryHigh = 4,
    }
}

int_enum! {
    /// Which messages notify members by default (spec `UserNotificationSettings`).
    pub enum DefaultMessageNotificationLevel: u8 {
        /// Every message.
        AllMessages = 0,
        /// Only mentions.
        OnlyMentions = 1,
    }
}

int_enum! {
    /// Whose media is scanned for explicit content (spec `GuildExplicitContentFilterTypes`).
    pub enum ExplicitContentFilterLevel: u8 {
        /// Nobody's.
        Disabled = 0,
        /// Members without roles'.
        MembersWithoutRoles = 1,
        /// Everyone's.
        AllMembers = 2,
    }
}

int_enum! {
    /// Whether moderators need two-factor authentication (spec `GuildMFALevel`).
    pub enum MfaLevel: u8 {
        /// No.
        None = 0,
        /// Yes, for moderation actions.
        Elevated = 1,
    }
}

int_enum! {
    /// A guild's age rating (spec `GuildNSFWContentLevel`).
    pub enum NsfwLevel: u8 {
        /// Not rated.
        Default = 0,
        /// Explicit.
        Explicit = 1,
        /// Safe.
        Safe = 2,
        /// Age-restricted.
        AgeRestricted = 3,
    }
}

int_enum! {
    /// A guild's boost level (spec `PremiumGuildTiers`).
    pub enum PremiumTier: u8 {
        /// No perks.
        None = 0,
        /// Level 1.
        Tier1 = 1,
        /// Level 2.
        Tier2 = 2,
        /// Level 3.
        Tier3 = 3,
    }
}

str_enum! {
    /// Something a guild has or can do (spec `GuildFeatures`; Discord adds values often).
    pub enum GuildFeature {
        /// An animated banner.
        AnimatedBanner = "ANIMATED_BANNER",
        /// An animated icon.
        AnimatedIcon = "ANIMATED_ICON",
        /// The second version of command permissions.
        ApplicationCommandPermissionsV2 = "APPLICATION_COMMAND_PERMISSIONS_V2",
        /// Auto moderation.
        AutoModeration = "AUTO_MODERATION",
        /// A banner.
        Banner = "BANNER",
        /// A community guild.
        Community = "COMMUNITY",
        /// Monetization enabled.
        CreatorMonetizableProvisional = "CREATOR_MONETIZABLE_PROVISIONAL",
        /// A creator store page.
        CreatorStorePage = "CREATOR_STORE_PAGE",
        /// An app's support server.
        DeveloperSupportServer = "DEVELOPER_SUPPORT_SERVER",
        /// Listed in Discovery.
        Discoverable = "DISCOVERABLE",
        /// Can be featured in Discovery.
        Featurable = "FEATURABLE",
        /// Invites paused.
        InvitesDisabled = "INVITES_DISABLED",
        /// An invite splash.
        InviteSplash = "INVITE_SPLASH",
        /// Membership screening.
        MemberVerificationGateEnabled = "MEMBER_VERIFICATION_GATE_ENABLED",
        /// More soundboard slots.
        MoreSoundboard = "MORE_SOUNDBOARD",
        /// Has soundboard sounds.
        Soundboard = "SOUNDBOARD",
        /// More sticker slots.
        MoreStickers = "MORE_STICKERS",
        /// Announcement channels.
        News = "NEWS",
        /// Partnered.
        Partnered = "PARTNERED",
        /// Can be previewed before joining.
        PreviewEnabled = "PREVIEW_ENABLED",
        /// Raid alerts off.
        RaidAlertsDisabled = "RAID_ALERTS_DISABLED",
        /// Pruning needs the administrator permission.
        PruneRequiresAdmin = "PRUNE_REQUIRES_ADMIN",
        /// Role icons.
        RoleIcons = "ROLE_ICONS",
        /// Role subscriptions can be bought.
        RoleSubscriptionsAvailableForPurchase = "ROLE_SUBSCRIPTIONS_AVAILABLE_FOR_PURCHASE",
        /// Role subscriptions.
        RoleSubscriptionsEnabled = "ROLE_SUBSCRIPTIONS_ENABLED",
        /// Ticketed events.
        TicketedEventsEnabled = "TICKETED_EVENTS_ENABLED",
        /// A vanity invite address.
        VanityUrl = "VANITY_URL",
        /// Verified.
        Verified = "VERIFIED",
        /// 384 kbps voice.
        VipRegions = "VIP_REGIONS",
        /// A welcome screen.
        WelcomeScreenEnabled = "WELCOME_SCREEN_ENABLED",
        /// A game's official guild.
        OfficialGameGuild = "OFFICIAL_GAME_GUILD",
        /// Guest voice invites.
        GuestsEnabled = "GUESTS_ENABLED",
        /// Enhanced role colours.
        EnhancedRoleColors = "ENHANCED_ROLE_COLORS",
        /// A guild tag.
        GuildTags = "GUILD_TAGS",
    }
}
