//! Discord's objects against Discord's own OpenAPI description (`spec/discord-openapi.json`), an
//! outside truth the SDK did not write: for each model with a response schema, instances are
//! generated from the schema — one with every property present, one with only the required ones
//! (nullable ones `null`) — and must decode. A model that rejects what Discord says it may send
//! fails here, naming the field.

mod schema_instances;

use bot_core::model::{
    Application, Attachment, AuditLog, AuditLogEntry, AutoModerationRule, Ban, Channel, Embed,
    Emoji, Entitlement, ForumTag, GatewayBot, Guild, GuildPreview, Integration, Invite, Member,
    Message, MessageReference, Onboarding, PermissionOverwrite, Poll, Reaction, Role,
    RoleConnectionMetadata, ScheduledEvent, ScheduledEventUser, SoundboardSound, StageInstance,
    Sticker, StickerItem, StickerPack, Subscription, Team, Template, ThreadMember, ThreadMetadata,
    User, VoiceRegion, VoiceState, Webhook, WelcomeScreen, Widget, WidgetSettings,
};
use proptest::prelude::*;
use schema_instances::{Mode, Spec, add_field_everywhere};
use serde::de::DeserializeOwned;

/// Decodes `instance` as `T`; the error names the field at fault.
fn decode<T: DeserializeOwned>(instance: &serde_json::Value) -> Result<(), String> {
    serde_path_to_error::deserialize::<_, T>(instance)
        .map(drop)
        .map_err(|error| {
            format!(
                "as {}: at `{}`: {}",
                std::any::type_name::<T>(),
                error.path(),
                error.inner()
            )
        })
}

/// Each model, with the response schemas Discord describes it by.
#[allow(clippy::type_complexity)]
const MODELS: &[(&str, fn(&serde_json::Value) -> Result<(), String>)] = &[
    ("UserResponse", decode::<User>),
    ("UserPIIResponse", decode::<User>),
    ("GuildMemberResponse", decode::<Member>),
    ("PrivateGuildMemberResponse", decode::<Member>),
    ("GuildRoleResponse", decode::<Role>),
    ("GuildResponse", decode::<Guild>),
    ("GuildWithCountsResponse", decode::<Guild>),
    ("GuildPreviewResponse", decode::<GuildPreview>),
    ("GuildBanResponse", decode::<Ban>),
    ("DiscordIntegrationResponse", decode::<Integration>),
    (
        "ExternalConnectionIntegrationResponse",
        decode::<Integration>,
    ),
    (
        "GuildSubscriptionIntegrationResponse",
        decode::<Integration>,
    ),
    ("GuildWelcomeScreenResponse", decode::<WelcomeScreen>),
    ("UserGuildOnboardingResponse", decode::<Onboarding>),
    ("GuildChannelResponse", decode::<Channel>),
    ("ThreadResponse", decode::<Channel>),
    ("PrivateChannelResponse", decode::<Channel>),
    ("PrivateGroupChannelResponse", decode::<Channel>),
    (
        "ChannelPermissionOverwriteResponse",
        decode::<PermissionOverwrite>,
    ),
    ("ThreadMemberResponse", decode::<ThreadMember>),
    ("ThreadMetadataResponse", decode::<ThreadMetadata>),
    ("ForumTagResponse", decode::<ForumTag>),
    ("MessageResponse", decode::<Message>),
    ("MessageAttachmentResponse", decode::<Attachment>),
    ("MessageEmbedResponse", decode::<Embed>),
    ("MessageReactionResponse", decode::<Reaction>),
    ("PollResponse", decode::<Poll>),
    ("MessageReferenceResponse", decode::<MessageReference>),
    ("MessageStickerItemResponse", decode::<StickerItem>),
    ("EmojiResponse", decode::<Emoji>),
    ("GuildStickerResponse", decode::<Sticker>),
    ("StandardStickerResponse", decode::<Sticker>),
    ("StickerPackResponse", decode::<StickerPack>),
    ("SoundboardSoundResponse", decode::<SoundboardSound>),
    ("ExternalScheduledEventResponse", decode::<ScheduledEvent>),
    ("StageScheduledEventResponse", decode::<ScheduledEvent>),
    ("VoiceScheduledEventResponse", decode::<ScheduledEvent>),
    ("ScheduledEventUserResponse", decode::<ScheduledEventUser>),
    ("StageInstanceResponse", decode::<StageInstance>),
    ("VoiceStateResponse", decode::<VoiceState>),
    ("VoiceRegionResponse", decode::<VoiceRegion>),
    ("FriendInviteResponse", decode::<Invite>),
    ("GroupDMInviteResponse", decode::<Invite>),
    ("GuildInviteResponse", decode::<Invite>),
    ("GuildTemplateResponse", decode::<Template>),
    ("GuildIncomingWebhookResponse", decode::<Webhook>),
    ("ApplicationIncomingWebhookResponse", decode::<Webhook>),
    ("ChannelFollowerWebhookResponse", decode::<Webhook>),
    ("WidgetResponse", decode::<Widget>),
    ("WidgetSettingsResponse", decode::<WidgetSettings>),
    ("GuildAuditLogResponse", decode::<AuditLog>),
    ("AuditLogEntryResponse", decode::<AuditLogEntry>),
    ("DefaultKeywordRuleResponse", decode::<AutoModerationRule>),
    ("KeywordRuleResponse", decode::<AutoModerationRule>),
    ("MLSpamRuleResponse", decode::<AutoModerationRule>),
    ("MentionSpamRuleResponse", decode::<AutoModerationRule>),
    ("PrivateApplicationResponse", decode::<Application>),
    ("GatewayBotResponse", decode::<GatewayBot>),
    ("ApplicationResponse", decode::<Application>),
    ("TeamResponse", decode::<Team>),
    (
        "ApplicationRoleConnectionsMetadataItemResponse",
        decode::<RoleConnectionMetadata>,
    ),
    ("EntitlementResponse", decode::<Entitlement>),
    ("SubscriptionResponse", decode::<Subscription>),
];

#[test]
fn every_model_decodes_what_its_schema_allows() {
    let spec = spec();
    let mut failures = Vec::new();
    for (schema, decode) in MODELS {
        for mode in [Mode::Full, Mode::RequiredOnly, Mode::NewerDiscord] {
            if let Err(why) = decode(&spec.instance(schema, mode)) {
                failures.push(format!("{schema} ({mode:?}) {why}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} model(s) reject what Discord may send:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_generator_follows_the_schema() {
    let spec = spec();
    let full = spec.instance("UserResponse", Mode::Full);
    let minimal = spec.instance("UserResponse", Mode::RequiredOnly);
    assert!(
        full["id"]
            .as_str()
            .is_some_and(|id| id.parse::<u64>().is_ok())
    );
    assert!(full.get("global_name").is_some_and(|v| v.is_string()));
    assert!(
        minimal.get("global_name").is_some_and(|v| v.is_null()),
        "{minimal}"
    );
    assert!(full.as_object().unwrap().len() > minimal.as_object().unwrap().len() - 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A newer Discord adds fields anywhere, of any JSON type: every model still decodes.
    #[test]
    fn extra_fields_anywhere_never_fail_a_model(
        key in "[a-z_]{1,12}",
        value in prop_oneof![
            Just(serde_json::json!(null)),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            "[ -~]{0,8}".prop_map(|s| serde_json::json!(s)),
            Just(serde_json::json!({"nested": [1, "two", null]})),
        ],
        model in 0..MODELS.len(),
    ) {
        let spec = spec();
        let (schema, decode) = MODELS[model];
        let mut instance = spec.instance(schema, Mode::NewerDiscord);
        add_field_everywhere(&mut instance, &format!("zz_{key}"), &value);
        prop_assert_eq!(decode(&instance), Ok(()), "{}", schema);
    }
}

fn spec() -> &'static Spec {
    static SPEC: std::sync::OnceLock<Spec> = std::sync::OnceLock::new();
    SPEC.get_or_init(Spec::load)
}
