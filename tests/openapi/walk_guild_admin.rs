//! The walk of guild administration (issue 28): every typed call for auto-moderation rules
//! once through the proxy — so that the SDK's requests and the sandbox's answers are validated
//! — with an error path each where the path can be wrong.

use bot_core::http::{Http, HttpError};
use bot_core::model::{
    AutoModerationAction, CreateAutoModerationRule, EditAutoModerationRule, Id, Permissions,
    TriggerMetadata,
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
}
