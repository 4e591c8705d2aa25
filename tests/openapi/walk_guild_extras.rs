//! The walk of the guild extras: every typed call of the guild's last REST part once through the
//! proxy — the preview, role member counts, a prune estimated and begun, voice states read and
//! changed in a stage, a user added with their access token (201, then 204), command
//! permissions listed and read — so that its requests and the sandbox's answers are validated,
//! with an error path where the path can be wrong.

use bot_core::http::{Http, HttpError};
use bot_core::model::{
    AccessToken, AddGuildMember, BeginPrune, EditVoiceState, Id, Permissions, Timestamp,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};

/// What the bot may do in the walk's guild.
fn permissions() -> Permissions {
    Permissions::KICK_MEMBERS
        | Permissions::MANAGE_GUILD
        | Permissions::VIEW_CHANNEL
        | Permissions::CONNECT
        | Permissions::MUTE_MEMBERS
        | Permissions::REQUEST_TO_SPEAK
        | Permissions::CREATE_INSTANT_INVITE
        | Permissions::MANAGE_NICKNAMES
}

fn status(error: HttpError) -> Option<u16> {
    match error {
        HttpError::Api { status, .. } => Some(status),
        _ => None,
    }
}

/// Calls every guild-extras route through `http` (the SDK, through the proxy).
pub async fn guild_extras(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let g = Id::new(world.guild);
    let role = sandbox
        .add_role(world.guild, "extras-walker", permissions().bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));

    http.guild_preview(g).await.expect("the preview");
    assert_eq!(
        status(http.guild_preview(Id::new(1)).await.unwrap_err()),
        Some(404)
    );
    let counts = http.role_member_counts(g).await.expect("the counts");
    assert_eq!(counts.get(&Id::new(role)), Some(&1));

    let idle = sandbox.seed_members(world.guild, 2, "idle");
    for user in &idle {
        assert!(sandbox.set_inactive_days(world.guild, *user, Some(20)));
    }
    let estimate = http
        .prune_count(g, 14, &[Id::new(world.role)])
        .await
        .expect("the estimate");
    assert!(estimate >= 2, "{estimate}");
    let pruned = http
        .begin_prune(g, &BeginPrune::new(14), Some("walk"))
        .await
        .expect("pruned");
    assert!(pruned.pruned >= Some(2));

    let stage = sandbox
        .create_channel(world.guild, "walk-stage", 13)
        .expect("a stage");
    assert!(sandbox.join_voice(world.guild, sandbox.bot_user_id(), stage));
    assert!(sandbox.join_voice(world.guild, world.member, stage));
    http.current_voice_state(g).await.expect("the bot's state");
    http.voice_state(g, Id::new(world.member))
        .await
        .expect("a member's state");
    assert_eq!(
        status(http.voice_state(g, Id::new(world.owner)).await.unwrap_err()),
        Some(404)
    );
    http.edit_current_voice_state(
        g,
        &EditVoiceState::new(Id::new(stage)).request_to_speak(Some(Timestamp::now())),
    )
    .await
    .expect("asked to speak");
    http.edit_voice_state(g, Id::new(world.member), Id::new(stage), false)
        .await
        .expect("invited to speak");

    let newcomer = sandbox.add_user("walk-newcomer");
    let token = AccessToken::new(sandbox.grant_access_token(newcomer, &["guilds.join"]));
    let add = AddGuildMember::new(token).nick("walked in");
    let added = http
        .add_guild_member(g, Id::new(newcomer), &add)
        .await
        .expect("added");
    assert!(added.is_some(), "201");
    let again = http
        .add_guild_member(g, Id::new(newcomer), &add)
        .await
        .expect("already there");
    assert!(again.is_none(), "204");

    let app = Id::new(sandbox.application_id());
    let stored = http
        .upsert_command(
            app,
            Some(g),
            &serde_json::json!({"name": "walk-perms", "description": "Walks", "type": 1}),
        )
        .await
        .expect("a command");
    let command: u64 = stored["id"]
        .as_str()
        .expect("its id")
        .parse()
        .expect("a snowflake");
    assert_eq!(
        status(
            http.command_permissions_of(app, g, Id::new(command))
                .await
                .unwrap_err()
        ),
        Some(404)
    );
    assert!(sandbox.set_command_permissions(world.guild, command, &[(world.role, 1, true)]));
    http.command_permissions(app, g)
        .await
        .expect("the guild's command permissions");
    http.command_permissions_of(app, g, Id::new(command))
        .await
        .expect("one command's permissions");
}
