//! The walk of guild administration (issue 28): every typed call for auto-moderation rules, the
//! widget, the vanity invite, voice regions, a guild's invites, incident actions and templates,
//! once through the proxy — so that the SDK's requests and the sandbox's answers are validated
//! — with an error path each where the path can be wrong.

use bot_core::http::{Http, HttpError};
use bot_core::model::{
    AutoModerationAction, CreateAutoModerationRule, EditAutoModerationRule, EditWidgetSettings, Id,
    IncidentActions, Permissions, Timestamp, TriggerMetadata,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};

fn status(error: HttpError) -> Option<u16> {
    match error {
        HttpError::Api { status, .. } => Some(status),
        _ => None,
    }
}

/// Calls every guild-administration route through `http` (the SDK, through the proxy).
pub async fn guild_admin(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let admin = Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::MANAGE_GUILD
        | Permissions::MODERATE_MEMBERS;
    let role = sandbox
        .add_role(world.guild, "admin-walker", admin.bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let guild = Id::new(world.guild);

    // Auto-moderation rules, one of each trigger the sandbox enforces.
    let keyword = http
        .create_auto_moderation_rule(
            guild,
            &CreateAutoModerationRule::keyword(
                "Keywords",
                TriggerMetadata::keywords(["*walk*"])
                    .regex_patterns(["^w.lk$"])
                    .allow(["walkway"]),
            )
            .action(AutoModerationAction::block_message(Some("No walking")))
            .action(AutoModerationAction::send_alert(Id::new(world.channel)))
            .action(AutoModerationAction::timeout(60))
            .exempt_role(Id::new(world.role))
            .enabled(true),
            Some("walk"),
        )
        .await
        .expect("a keyword rule");
    let spam = http
        .create_auto_moderation_rule(
            guild,
            &CreateAutoModerationRule::mention_spam("Mentions", 5)
                .action(AutoModerationAction::block_message(None)),
            None,
        )
        .await
        .expect("a mention-spam rule");
    assert_eq!(
        http.auto_moderation_rules(guild)
            .await
            .expect("the rules")
            .len(),
        2
    );
    http.auto_moderation_rule(guild, keyword.id)
        .await
        .expect("the rule");
    assert_eq!(
        status(
            http.auto_moderation_rule(guild, Id::new(1))
                .await
                .unwrap_err()
        ),
        Some(404)
    );
    http.edit_auto_moderation_rule(
        guild,
        spam.id,
        &EditAutoModerationRule::new()
            .name("Mentions, edited")
            .metadata(TriggerMetadata::mention_limit(10, true))
            .enabled(true)
            .exempt_channels(vec![Id::new(world.channel)]),
        None,
    )
    .await
    .expect("edited");
    http.delete_auto_moderation_rule(guild, spam.id, None)
        .await
        .expect("deleted");
    http.delete_auto_moderation_rule(guild, keyword.id, None)
        .await
        .expect("deleted");

    // The widget, the vanity invite, regions, the guild's invites, incident actions.
    http.guild_widget_settings(guild).await.expect("settings");
    assert_eq!(
        status(http.guild_widget(guild).await.unwrap_err()),
        Some(403),
        "off"
    );
    http.edit_guild_widget(
        guild,
        &EditWidgetSettings::new()
            .enabled(true)
            .channel(Some(Id::new(world.channel))),
        None,
    )
    .await
    .expect("on");
    http.guild_widget(guild).await.expect("the widget");
    http.edit_guild_widget(guild, &EditWidgetSettings::new().channel(None), None)
        .await
        .expect("no channel");
    http.guild_vanity_url(guild).await.expect("the vanity url");
    http.voice_regions().await.expect("regions");
    http.guild_voice_regions(guild).await.expect("regions");
    http.guild_invites(guild).await.expect("the invites");
    let soon = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 600);
    http.edit_incident_actions(guild, &IncidentActions::new(Some(soon), Some(soon)))
        .await
        .expect("paused");
    http.edit_incident_actions(guild, &IncidentActions::new(None, None))
        .await
        .expect("resumed");

    // Templates.
    let template = http
        .create_guild_template(guild, "Walked", Some("A walk"))
        .await
        .expect("a template");
    http.template(&template.code).await.expect("by code");
    assert_eq!(
        status(http.template("unknown").await.unwrap_err()),
        Some(404)
    );
    http.guild_templates(guild).await.expect("listed");
    http.sync_guild_template(guild, &template.code)
        .await
        .expect("synced");
    http.edit_guild_template(guild, &template.code, Some("Walked again"), Some(None))
        .await
        .expect("edited");
    http.delete_guild_template(guild, &template.code)
        .await
        .expect("deleted");
}
