//! The walk of the guild routes: every typed guild call of the SDK once through the proxy —
//! the guild, members (get, list, search, modify, the bot's nickname, roles, kick), bans (one,
//! many, lifted, bulk), roles (get, create, modify, move, delete), channels (list, create,
//! move), active threads, the audit log and one application command — so that its requests and
//! the sandbox's answers are validated, each error path where the path can be wrong.

use bot_core::http::{AuditLogFilter, Http, HttpError};
use bot_core::model::{
    ChannelType, CreateGuildChannel, CreateRole, EditGuild, EditMember, Id, Permissions,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};
use futures_util::TryStreamExt;

/// What the bot may do in the walk's guild.
fn moderator() -> Permissions {
    Permissions::KICK_MEMBERS
        | Permissions::BAN_MEMBERS
        | Permissions::MANAGE_GUILD
        | Permissions::MANAGE_CHANNELS
        | Permissions::VIEW_AUDIT_LOG
        | Permissions::VIEW_CHANNEL
        | Permissions::CHANGE_NICKNAME
        | Permissions::MANAGE_NICKNAMES
        | Permissions::MANAGE_ROLES
}

fn status(error: HttpError) -> Option<u16> {
    match error {
        HttpError::Api { status, .. } => Some(status),
        _ => None,
    }
}

/// Calls every guild route through `http` (the SDK, through the proxy).
pub async fn guild(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let g = Id::new(world.guild);
    let role = sandbox
        .add_role(world.guild, "guild-walker", moderator().bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let member = Id::new(world.member);

    http.guild(g, true).await.expect("the guild");
    http.edit_guild(
        g,
        &EditGuild::new().description(Some("walked")),
        Some("walk"),
    )
    .await
    .expect("modified");

    http.guild_member(g, member).await.expect("a member");
    assert_eq!(
        status(http.guild_member(g, Id::new(1)).await.unwrap_err()),
        Some(404)
    );
    let listed: Vec<_> = http
        .guild_members(g, Some(10))
        .try_collect()
        .await
        .expect("listed");
    assert!(!listed.is_empty());
    http.search_members(g, "a", 10).await.expect("searched");
    http.edit_member(g, member, &EditMember::new().nick(Some("walked")), None)
        .await
        .expect("modified");
    http.edit_current_member(g, Some("walker"), None)
        .await
        .expect("the bot's nickname");
    http.add_member_role(g, member, Id::new(world.role), None)
        .await
        .expect("a role given");
    http.remove_member_role(g, member, Id::new(world.role), None)
        .await
        .expect("a role taken");
    assert_eq!(
        status(
            http.add_member_role(g, member, Id::new(1), None)
                .await
                .unwrap_err()
        ),
        Some(404)
    );
    let leaver = sandbox.add_user("leaver");
    assert!(sandbox.add_member(world.guild, leaver, &[]));
    http.kick_member(g, Id::new(leaver), Some("walk"))
        .await
        .expect("kicked");
    assert_eq!(
        status(
            http.kick_member(g, Id::new(world.owner), None)
                .await
                .unwrap_err()
        ),
        Some(403)
    );

    let banned = sandbox.add_user("banned");
    http.ban_member(g, Id::new(banned), Some(60), Some("walk"))
        .await
        .expect("banned");
    http.guild_ban(g, Id::new(banned)).await.expect("the ban");
    let bans: Vec<_> = http
        .guild_bans(g, None)
        .try_collect()
        .await
        .expect("the bans");
    assert_eq!(bans.len(), 1);
    http.unban_member(g, Id::new(banned), None)
        .await
        .expect("lifted");
    assert_eq!(
        status(http.guild_ban(g, Id::new(banned)).await.unwrap_err()),
        Some(404)
    );
    let crowd = sandbox.seed_members(world.guild, 2, "bulk");
    let ids: Vec<_> = crowd.into_iter().map(Id::new).collect();
    http.bulk_ban(g, &ids, None, None)
        .await
        .expect("bulk banned");

    http.guild_roles(g).await.expect("the roles");
    let walkers = http
        .create_role(g, &CreateRole::new("walkers").color(1).hoist(true), None)
        .await
        .expect("created");
    http.guild_role(g, walkers.id).await.expect("the role");
    http.edit_role(g, walkers.id, &CreateRole::edit().name("walkers!"), None)
        .await
        .expect("modified");
    http.edit_role_positions(g, &[(walkers.id, 1)], None)
        .await
        .expect("moved");
    http.delete_role(g, walkers.id, None)
        .await
        .expect("deleted");
    assert_eq!(
        status(http.guild_role(g, walkers.id).await.unwrap_err()),
        Some(404)
    );

    http.guild_channels(g).await.expect("the channels");
    let walked = http
        .create_guild_channel(
            g,
            &CreateGuildChannel::new("walked", ChannelType::GuildText).topic("by the walk"),
            None,
        )
        .await
        .expect("created");
    http.edit_channel_positions(g, &[(walked.id, 0)], None)
        .await
        .expect("moved");
    http.active_threads(g).await.expect("the active threads");

    let log = http
        .audit_log(g, AuditLogFilter::new(), 50)
        .await
        .expect("the audit log");
    assert!(!log.audit_log_entries.is_empty());

    let app = Id::new(sandbox.application_id());
    let stored = http
        .upsert_command(
            app,
            Some(g),
            &serde_json::json!({"name": "walk", "description": "Walks", "type": 1}),
        )
        .await
        .expect("a command");
    let id = Id::new(
        stored["id"]
            .as_str()
            .expect("its id")
            .parse()
            .expect("a snowflake"),
    );
    http.command(app, Some(g), id).await.expect("the command");
    http.edit_command(
        app,
        Some(g),
        id,
        &serde_json::json!({"description": "Walks on"}),
    )
    .await
    .expect("modified");
    http.command(app, None, id).await.unwrap_err();
}
