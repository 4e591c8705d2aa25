use super::*;
use crate::model::test_fixture;
use serde_json::json;

#[test]
fn guild_create_fixture_decodes() {
    let guild: Guild =
        serde_json::from_value(test_fixture("guild_create.composed.json", "/d")).unwrap();
    assert_eq!(&*guild.name, "Discord Testers");
    assert_eq!(guild.verification_level, VerificationLevel::High);
    assert_eq!(
        guild.default_message_notifications,
        DefaultMessageNotificationLevel::OnlyMentions
    );
    assert_eq!(
        guild.explicit_content_filter,
        ExplicitContentFilterLevel::AllMembers
    );
    assert_eq!(guild.mfa_level, MfaLevel::Elevated);
    assert_eq!(guild.premium_tier, PremiumTier::Tier3);
    assert!(guild.has_feature(&GuildFeature::Community));
    // `MORE_EMOJI` is not a documented feature any more: kept as unknown.
    assert!(guild.has_feature(&GuildFeature::Unknown("MORE_EMOJI".into())));
    assert_eq!(guild.members.len(), 1);
    assert_eq!(guild.member_count, Some(1));
    assert!(guild.joined_at.is_some() && !guild.large && !guild.unavailable);
}

#[test]
fn documented_guild_and_unknown_values() {
    // developers/resources/guild.mdx, "Example Guild", with unknown levels and an extra field.
    let guild: Guild = serde_json::from_value(json!({
        "id": "197038439483310086", "name": "Discord Testers",
        "icon": "f64c482b807da4f539cff778d174971c",
        "description": "The official place to report Discord Bugs!",
        "splash": null, "discovery_splash": null, "features": ["ANIMATED_ICON", "NEW_THING"],
        "emojis": [], "banner": "9b6439a7de04f1d26af92f84ac9e1e4a",
        "owner_id": "73193882359173120", "application_id": null, "region": null,
        "afk_channel_id": null, "afk_timeout": 300, "system_channel_id": null,
        "widget_enabled": true, "widget_channel_id": null, "verification_level": 9,
        "roles": [{"id": "197038439483310086", "name": "@everyone", "permissions": "104324673",
                   "position": 0, "color": 0, "hoist": false, "managed": false,
                   "mentionable": false}],
        "default_message_notifications": 1, "mfa_level": 1, "explicit_content_filter": 2,
        "max_presences": 40000, "max_members": 250000, "vanity_url_code": "discord-testers",
        "premium_tier": 7, "premium_subscription_count": 33, "system_channel_flags": 0,
        "preferred_locale": "en-US", "rules_channel_id": "441688182833020939",
        "public_updates_channel_id": "281283303326089216",
        "safety_alerts_channel_id": "281283303326089216",
        "nsfw_level": 0,
        "incidents_data": {"invites_disabled_until": "2023-09-01T14:48:02.222000+00:00",
                           "dms_disabled_until": null},
        "a_future_field": {"x": 1}
    }))
    .unwrap();
    assert_eq!(guild.verification_level, VerificationLevel::Unknown(9));
    assert_eq!(guild.premium_tier, PremiumTier::Unknown(7));
    assert_eq!(guild.features[1], GuildFeature::Unknown("NEW_THING".into()));
    assert_eq!(guild.everyone_role().unwrap().name, "@everyone");
    assert!(
        guild
            .incidents_data
            .as_ref()
            .unwrap()
            .invites_disabled_until
            .is_some()
    );
    let back: Guild = serde_json::from_value(serde_json::to_value(&guild).unwrap()).unwrap();
    assert_eq!(back, guild);
}

#[test]
fn unavailable_guilds_decode() {
    let ready: Vec<UnavailableGuild> =
        serde_json::from_value(test_fixture("ready.composed.json", "/d/guilds")).unwrap();
    assert!(ready[0].unavailable);
    let left: UnavailableGuild = serde_json::from_value(json!({"id": "1"})).unwrap();
    assert!(!left.unavailable);
}

#[test]
fn preview_partial_ban_integration_decode() {
    let preview: GuildPreview = serde_json::from_value(json!({
        "id": "197038439483310086", "name": "Discord Testers",
        "icon": "f64c482b807da4f539cff778d174971c", "splash": null, "discovery_splash": null,
        "emojis": [], "features": ["DISCOVERABLE"], "approximate_member_count": 60814,
        "approximate_presence_count": 20034,
        "description": "The official place to report Discord Bugs!", "stickers": []
    }))
    .unwrap();
    assert_eq!(preview.approximate_member_count, 60814);
    let partial: PartialGuild = serde_json::from_value(json!({
        "id": "80351110224678912", "name": "1337 Krew", "icon": "8342729096ea3675442027381ff50dfe",
        "banner": "bb42bdc37653b7cf58c4c8cc622e76cb", "owner": true,
        "permissions": "36953089", "features": ["COMMUNITY", "NEWS"],
        "approximate_member_count": 3268, "approximate_presence_count": 784
    }))
    .unwrap();
    assert!(partial.owner && partial.permissions.is_some());
    let ban: Ban = serde_json::from_value(json!({
        "reason": "mentioning b1nzy",
        "user": {"username": "Mason", "discriminator": "9999", "id": "53908099506183680",
                 "avatar": "a_bab14f271d565501444b2ca3be944b25", "public_flags": 131141}
    }))
    .unwrap();
    assert_eq!(ban.reason.as_deref(), Some("mentioning b1nzy"));
    // developers/resources/audit-log.mdx, "Example Partial Integration Object".
    let partial: Integration = serde_json::from_value(json!({
        "id": "33590653072239123", "name": "A Name", "type": "twitch",
        "account": {"name": "twitchusername", "id": "1234567"},
        "application_id": "94651234501213162"
    }))
    .unwrap();
    assert_eq!(partial.kind, IntegrationType::Twitch);
    let bot: Integration = serde_json::from_value(json!({
        "id": "1", "name": "Bot", "type": "discord", "enabled": true,
        "account": {"id": "2", "name": "Bot"},
        "application": {"id": "2", "name": "Bot", "icon": null, "description": "",
                        "bot": {"id": "2", "username": "Bot", "bot": true}},
        "scopes": ["bot", "applications.commands"],
        "user": {"id": "3", "username": "owner"}
    }))
    .unwrap();
    assert!(bot.application.unwrap().bot.unwrap().bot);
}

#[test]
fn documented_welcome_screen_and_onboarding_decode() {
    let screen: WelcomeScreen = serde_json::from_value(json!({
        "description": "Discord Developers is a place to learn about Discord's API.",
        "welcome_channels": [{
            "channel_id": "697138785317814292",
            "description": "Follow for official Discord API updates",
            "emoji_id": null, "emoji_name": "📡"
        }]
    }))
    .unwrap();
    assert_eq!(screen.welcome_channels[0].emoji_name.as_deref(), Some("📡"));
    let onboarding: Onboarding = serde_json::from_value(json!({
        "guild_id": "960007075288915998",
        "prompts": [{
            "id": "1067461047608422473",
            "title": "What do you want to do in this community?",
            "options": [{
                "id": "1067461047608422476", "title": "Chat with Friends", "description": "",
                "emoji": {"id": "1070002302032826408", "name": "chat", "animated": false},
                "role_ids": [], "channel_ids": ["962007075288916001"]
            }, {
                "id": "1070004843541954678", "title": "Get Gud",
                "description": "We have excellent teachers!",
                "emoji": {"id": null, "name": "😀", "animated": false},
                "role_ids": ["982014491980083211"], "channel_ids": []
            }],
            "single_select": false, "required": false, "in_onboarding": true, "type": 0
        }],
        "default_channel_ids": ["998678771706110023", "998678693058719784"],
        "enabled": true
    }))
    .unwrap();
    assert_eq!(onboarding.mode, OnboardingMode::Default);
    let prompt = &onboarding.prompts[0];
    assert_eq!(prompt.kind, OnboardingPromptType::MultipleChoice);
    assert_eq!(
        prompt.options[1].emoji.as_ref().unwrap().name.as_deref(),
        Some("😀")
    );
}
