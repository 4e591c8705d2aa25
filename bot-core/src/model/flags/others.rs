//! The flags of messages, users, channels, guilds, members, roles, attachments, applications,
//! activities and SKUs: integers on the wire.

use super::flags_serde;

bitflags::bitflags! {
    /// A message's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct MessageFlags: u64 {
        /// Published to following channels.
        const CROSSPOSTED = 1 << 0;
        /// A crosspost from another channel.
        const IS_CROSSPOST = 1 << 1;
        /// Embeds are not shown.
        const SUPPRESS_EMBEDS = 1 << 2;
        /// Its source message was deleted.
        const SOURCE_MESSAGE_DELETED = 1 << 3;
        /// From the urgent message system.
        const URGENT = 1 << 4;
        /// Has a thread.
        const HAS_THREAD = 1 << 5;
        /// Only the invoking user sees it.
        const EPHEMERAL = 1 << 6;
        /// An interaction's "thinking" response.
        const LOADING = 1 << 7;
        /// Some roles could not be mentioned in a thread.
        const FAILED_TO_MENTION_SOME_ROLES_IN_THREAD = 1 << 8;
        /// Sent without a notification.
        const SUPPRESS_NOTIFICATIONS = 1 << 12;
        /// A voice message.
        const IS_VOICE_MESSAGE = 1 << 13;
        /// Has a snapshot (a forward).
        const HAS_SNAPSHOT = 1 << 14;
        /// Uses the components of layout v2.
        const IS_COMPONENTS_V2 = 1 << 15;
    }
}
flags_serde!(MessageFlags, u64, false);

bitflags::bitflags! {
    /// A user's public flags (badges).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct UserFlags: u64 {
        /// Discord employee.
        const STAFF = 1 << 0;
        /// Partnered server owner.
        const PARTNER = 1 << 1;
        /// HypeSquad events member.
        const HYPESQUAD = 1 << 2;
        /// Bug hunter, level 1.
        const BUG_HUNTER_LEVEL_1 = 1 << 3;
        /// HypeSquad Bravery.
        const HYPESQUAD_ONLINE_HOUSE_1 = 1 << 6;
        /// HypeSquad Brilliance.
        const HYPESQUAD_ONLINE_HOUSE_2 = 1 << 7;
        /// HypeSquad Balance.
        const HYPESQUAD_ONLINE_HOUSE_3 = 1 << 8;
        /// Early Nitro supporter.
        const PREMIUM_EARLY_SUPPORTER = 1 << 9;
        /// A team's pseudo-user.
        const TEAM_PSEUDO_USER = 1 << 10;
        /// Bug hunter, level 2.
        const BUG_HUNTER_LEVEL_2 = 1 << 14;
        /// Verified bot.
        const VERIFIED_BOT = 1 << 16;
        /// Early verified bot developer.
        const VERIFIED_DEVELOPER = 1 << 17;
        /// Moderator programs alumni.
        const CERTIFIED_MODERATOR = 1 << 18;
        /// Bot that uses only HTTP interactions.
        const BOT_HTTP_INTERACTIONS = 1 << 19;
        /// Active developer.
        const ACTIVE_DEVELOPER = 1 << 22;
    }
}
flags_serde!(UserFlags, u64, false);

bitflags::bitflags! {
    /// A channel's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct ChannelFlags: u64 {
        /// A thread pinned in its forum or media channel.
        const PINNED = 1 << 1;
        /// Posts need a tag.
        const REQUIRE_TAG = 1 << 4;
        /// The media channel hides its download options.
        const HIDE_MEDIA_DOWNLOAD_OPTIONS = 1 << 15;
        /// Users must opt in to view the channel's contents (a spoiler channel).
        const IS_SPOILER_CHANNEL = 1 << 21;
    }
}
flags_serde!(ChannelFlags, u64, false);

bitflags::bitflags! {
    /// A guild's system-channel flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct SystemChannelFlags: u64 {
        /// No member-join notifications.
        const SUPPRESS_JOIN_NOTIFICATIONS = 1 << 0;
        /// No boost notifications.
        const SUPPRESS_PREMIUM_SUBSCRIPTIONS = 1 << 1;
        /// No setup tips.
        const SUPPRESS_GUILD_REMINDER_NOTIFICATIONS = 1 << 2;
        /// No sticker replies to join notifications.
        const SUPPRESS_JOIN_NOTIFICATION_REPLIES = 1 << 3;
        /// No role-subscription purchase notifications.
        const SUPPRESS_ROLE_SUBSCRIPTION_PURCHASE_NOTIFICATIONS = 1 << 4;
        /// No sticker replies to those.
        const SUPPRESS_ROLE_SUBSCRIPTION_PURCHASE_NOTIFICATION_REPLIES = 1 << 5;
    }
}
flags_serde!(SystemChannelFlags, u64, false);

bitflags::bitflags! {
    /// A guild member's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct MemberFlags: u64 {
        /// Left and rejoined.
        const DID_REJOIN = 1 << 0;
        /// Completed onboarding.
        const COMPLETED_ONBOARDING = 1 << 1;
        /// Exempt from verification.
        const BYPASSES_VERIFICATION = 1 << 2;
        /// Started onboarding.
        const STARTED_ONBOARDING = 1 << 3;
        /// A guest.
        const IS_GUEST = 1 << 4;
        /// Started the home actions.
        const STARTED_HOME_ACTIONS = 1 << 5;
        /// Completed the home actions.
        const COMPLETED_HOME_ACTIONS = 1 << 6;
        /// Quarantined by auto-moderation for their username.
        const AUTOMOD_QUARANTINED_USERNAME = 1 << 7;
        /// Acknowledged the DM settings upsell.
        const DM_SETTINGS_UPSELL_ACKNOWLEDGED = 1 << 9;
        /// Quarantined by auto-moderation for their guild tag.
        const AUTOMOD_QUARANTINED_GUILD_TAG = 1 << 10;
    }
}
flags_serde!(MemberFlags, u64, false);

bitflags::bitflags! {
    /// A role's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct RoleFlags: u64 {
        /// Selectable in onboarding.
        const IN_PROMPT = 1 << 0;
    }
}
flags_serde!(RoleFlags, u64, false);

bitflags::bitflags! {
    /// An attachment's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct AttachmentFlags: u64 {
        /// A clip.
        const IS_CLIP = 1 << 0;
        /// A thumbnail.
        const IS_THUMBNAIL = 1 << 1;
        /// Edited with remix.
        const IS_REMIX = 1 << 2;
        /// A spoiler.
        const IS_SPOILER = 1 << 3;
        /// Animated.
        const IS_ANIMATED = 1 << 5;
    }
}
flags_serde!(AttachmentFlags, u64, false);

bitflags::bitflags! {
    /// An application's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct ApplicationFlags: u64 {
        /// Uses the auto-moderation API.
        const APPLICATION_AUTO_MODERATION_RULE_CREATE_BADGE = 1 << 6;
        /// Verified, with the presence intent.
        const GATEWAY_PRESENCE = 1 << 12;
        /// Unverified, with the presence intent.
        const GATEWAY_PRESENCE_LIMITED = 1 << 13;
        /// Verified, with the members intent.
        const GATEWAY_GUILD_MEMBERS = 1 << 14;
        /// Unverified, with the members intent.
        const GATEWAY_GUILD_MEMBERS_LIMITED = 1 << 15;
        /// Verification pending a guild limit.
        const VERIFICATION_PENDING_GUILD_LIMIT = 1 << 16;
        /// Embedded in the client.
        const EMBEDDED = 1 << 17;
        /// Verified, with the message content intent.
        const GATEWAY_MESSAGE_CONTENT = 1 << 18;
        /// Unverified, with the message content intent.
        const GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;
        /// Has a global application command.
        const APPLICATION_COMMAND_BADGE = 1 << 23;
    }
}
flags_serde!(ApplicationFlags, u64, false);

bitflags::bitflags! {
    /// An activity's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct ActivityFlags: u64 {
        /// An instance.
        const INSTANCE = 1 << 0;
        /// Joinable.
        const JOIN = 1 << 1;
        /// Spectatable.
        const SPECTATE = 1 << 2;
        /// Join requests allowed.
        const JOIN_REQUEST = 1 << 3;
        /// Syncable.
        const SYNC = 1 << 4;
        /// Playable.
        const PLAY = 1 << 5;
        /// Friends can join.
        const PARTY_PRIVACY_FRIENDS = 1 << 6;
        /// Voice channel members can join.
        const PARTY_PRIVACY_VOICE_CHANNEL = 1 << 7;
        /// Embedded.
        const EMBEDDED = 1 << 8;
    }
}
flags_serde!(ActivityFlags, u64, false);

bitflags::bitflags! {
    /// A SKU's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct SkuFlags: u64 {
        /// Available for purchase.
        const AVAILABLE = 1 << 2;
        /// A guild subscription.
        const GUILD_SUBSCRIPTION = 1 << 7;
        /// A user subscription.
        const USER_SUBSCRIPTION = 1 << 8;
    }
}
flags_serde!(SkuFlags, u64, false);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_bits_are_kept_and_strings_accepted() {
        let flags: MessageFlags = serde_json::from_str(&((1u64 << 40) | 64).to_string()).unwrap();
        assert!(flags.contains(MessageFlags::EPHEMERAL));
        assert_eq!(flags.bits(), (1 << 40) | 64);
        assert_eq!(
            serde_json::to_string(&flags).unwrap(),
            flags.bits().to_string()
        );
        let from_text: UserFlags = serde_json::from_str("\"131072\"").unwrap();
        assert_eq!(from_text, UserFlags::VERIFIED_DEVELOPER);
        assert!(serde_json::from_str::<RoleFlags>("\"x\"").is_err());
        assert!(serde_json::from_str::<RoleFlags>("-1").is_err());
    }
}
