//! The kinds of ids: one marker type per kind of Discord object, so an [`Id`](super::Id) of one
//! kind cannot be passed where another is expected.

macro_rules! markers {
    ($($(#[$meta:meta])* $name:ident,)+) => {
        $(
            $(#[$meta])*
            #[derive(Debug)]
            #[non_exhaustive]
            pub enum $name {}
        )+
    };
}

markers! {
    /// An application (also the bot's application).
    ApplicationMarker,
    /// An application command.
    CommandMarker,
    /// A version of an application command.
    CommandVersionMarker,
    /// An attachment of a message.
    AttachmentMarker,
    /// An audit-log entry.
    AuditLogEntryMarker,
    /// An auto-moderation rule.
    AutoModerationRuleMarker,
    /// A channel (text, voice, category, thread, forum, DM, ...).
    ChannelMarker,
    /// A custom emoji (guild or application).
    EmojiMarker,
    /// An entitlement.
    EntitlementMarker,
    /// Any kind, when the kind is not known (audit-log target ids, mentionables).
    GenericMarker,
    /// A guild.
    GuildMarker,
    /// A guild integration.
    IntegrationMarker,
    /// An interaction.
    InteractionMarker,
    /// A message.
    MessageMarker,
    /// A role.
    RoleMarker,
    /// A guild scheduled event.
    ScheduledEventMarker,
    /// A SKU.
    SkuMarker,
    /// A soundboard sound.
    SoundboardSoundMarker,
    /// A stage instance.
    StageMarker,
    /// A sticker.
    StickerMarker,
    /// A sticker pack.
    StickerPackMarker,
    /// A subscription.
    SubscriptionMarker,
    /// A team.
    TeamMarker,
    /// A user (a member's id too).
    UserMarker,
    /// A webhook.
    WebhookMarker,
    /// An answer of a poll.
    PollAnswerMarker,
    /// An onboarding prompt or option.
    OnboardingMarker,
    /// A forum tag.
    TagMarker,
}
