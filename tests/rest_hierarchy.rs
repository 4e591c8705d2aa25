//! The role hierarchy "at", through the SDK against the sandbox: a member whose highest role is
//! the bot's own highest role stands level with the bot, not below it, so every moderation route
//! that keeps the hierarchy refuses it with 403 Missing Permissions (50013) — a nickname, a
//! timeout, a role given or taken, a kick, a ban — while the same call on a member below the bot
//! goes through.

use bot_core::http::{Http, HttpError, Token};
use bot_core::model::{EditMember, Id, Permissions, Timestamp};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};

/// A sandbox whose bot's highest role may do every moderation action, and two members: `level`
/// holds the bot's own highest role, `below` only a lower one.
struct Setup {
    sandbox: SandboxHandle,
    world: DefaultGuild,
    http: Http,
    bot_role: u64,
    lower_role: u64,
    level: u64,
    below: u64,
}

async fn setup() -> Setup {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let permissions = Permissions::KICK_MEMBERS
        | Permissions::BAN_MEMBERS
        | Permissions::MANAGE_NICKNAMES
        | Permissions::MANAGE_ROLES
        | Permissions::MODERATE_MEMBERS
        | Permissions::VIEW_CHANNEL;
    let lower_role = sandbox.add_role(world.guild, "lower", 0).unwrap();
    let bot_role = sandbox
        .add_role(world.guild, "moderators", permissions.bits())
        .unwrap();
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[bot_role]));
    let level = sandbox.add_user("level");
    assert!(sandbox.add_member(world.guild, level, &[lower_role, bot_role]));
    let below = sandbox.add_user("below");
    assert!(sandbox.add_member(world.guild, below, &[lower_role]));
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    Setup {
        sandbox,
        world,
        http,
        bot_role,
        lower_role,
        level,
        below,
    }
}

/// The typed error of a refusal for the hierarchy.
fn missing_permissions(result: Result<impl std::fmt::Debug, HttpError>, what: &str) {
    match result {
        Err(HttpError::Api {
            status,
            code,
            message,
            ..
        }) => assert_eq!(
            (status, code, message.as_str()),
            (403, 50013, "Missing Permissions"),
            "{what}"
        ),
        other => panic!("{what}: expected 403 Missing Permissions, got {other:?}"),
    }
}

#[tokio::test]
async fn a_nickname_at_the_bots_level_is_refused() {
    let s = setup().await;
    let guild = Id::new(s.world.guild);
    let nick = EditMember::new().nick(Some("renamed"));
    missing_permissions(
        s.http
            .edit_member(guild, Id::new(s.level), &nick, None)
            .await,
        "edit member at the bot's level",
    );
    let below = s
        .http
        .edit_member(guild, Id::new(s.below), &nick, None)
        .await;
    assert_eq!(below.unwrap().nick.as_deref(), Some("renamed"));
}

#[tokio::test]
async fn a_timeout_at_the_bots_level_is_refused() {
    let s = setup().await;
    let guild = Id::new(s.world.guild);
    let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3600);
    let timeout = EditMember::new().timeout_until(Some(in_an_hour));
    missing_permissions(
        s.http
            .edit_member(guild, Id::new(s.level), &timeout, None)
            .await,
        "timeout at the bot's level",
    );
    let below = s
        .http
        .edit_member(guild, Id::new(s.below), &timeout, None)
        .await
        .unwrap();
    assert!(below.communication_disabled_until.is_some());
}

#[tokio::test]
async fn the_bots_own_highest_role_is_neither_given_nor_taken() {
    let s = setup().await;
    let guild = Id::new(s.world.guild);
    missing_permissions(
        s.http
            .add_member_role(guild, Id::new(s.below), Id::new(s.bot_role), None)
            .await,
        "give the role at the bot's level",
    );
    missing_permissions(
        s.http
            .remove_member_role(guild, Id::new(s.level), Id::new(s.bot_role), None)
            .await,
        "take the role at the bot's level",
    );
    missing_permissions(
        s.http
            .edit_member(
                guild,
                Id::new(s.below),
                &EditMember::new().roles([Id::new(s.lower_role), Id::new(s.bot_role)]),
                None,
            )
            .await,
        "set roles including the one at the bot's level",
    );
    s.http
        .remove_member_role(guild, Id::new(s.below), Id::new(s.lower_role), None)
        .await
        .expect("a role below the bot's is taken");
    let member = s.sandbox.member(s.world.guild, s.below).unwrap();
    assert_eq!(member["roles"], serde_json::json!([]));
}

#[tokio::test]
async fn a_kick_at_the_bots_level_is_refused() {
    let s = setup().await;
    let guild = Id::new(s.world.guild);
    missing_permissions(
        s.http.kick_member(guild, Id::new(s.level), None).await,
        "kick at the bot's level",
    );
    assert!(s.sandbox.member(s.world.guild, s.level).is_some());
    s.http
        .kick_member(guild, Id::new(s.below), None)
        .await
        .expect("a member below is kicked");
}

#[tokio::test]
async fn a_ban_at_the_bots_level_is_refused() {
    let s = setup().await;
    let guild = Id::new(s.world.guild);
    missing_permissions(
        s.http.ban_member(guild, Id::new(s.level), None, None).await,
        "ban at the bot's level",
    );
    assert!(s.sandbox.member(s.world.guild, s.level).is_some());
    s.http
        .ban_member(guild, Id::new(s.below), None, None)
        .await
        .expect("a member below is banned");
}
