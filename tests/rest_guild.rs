//! The guild calls of `Http` and their Pycord-style calls against the sandbox (issue 27, its
//! member, role and channel part): each on its success path and an error path — a missing
//! permission, the role hierarchy, the owner, an administrator's timeout, an unknown member, a
//! limit refused before sending — members listed past 1 000 across pages, each action's
//! audit-log reason recorded, and the events reaching the cache.

mod common;

use bot_core::http::{Http, HttpError, Token};
use bot_core::model::{
    ChannelType, CreateGuildChannel, CreateRole, EditMember, Id, Permissions, Timestamp,
};
use bot_core::prelude::*;
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};
use futures_util::TryStreamExt;

/// KICK_MEMBERS, BAN_MEMBERS, MANAGE_GUILD, MANAGE_CHANNELS, CHANGE_NICKNAME, MANAGE_NICKNAMES,
/// MANAGE_ROLES, MODERATE_MEMBERS, and VIEW_CHANNEL.
fn moderator() -> Permissions {
    Permissions::KICK_MEMBERS
        | Permissions::BAN_MEMBERS
        | Permissions::MANAGE_GUILD
        | Permissions::CHANGE_NICKNAME
        | Permissions::MANAGE_CHANNELS
        | Permissions::MANAGE_NICKNAMES
        | Permissions::MANAGE_ROLES
        | Permissions::MODERATE_MEMBERS
        | Permissions::VIEW_CHANNEL
}

/// A sandbox whose bot has a moderator's role (above the roles made after it).
async fn start() -> (SandboxHandle, DefaultGuild, Http) {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", moderator().bits())
        .unwrap();
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    (sandbox, world, http)
}

fn api_code(error: &HttpError) -> Option<u64> {
    match error {
        HttpError::Api { code, .. } => Some(*code),
        _ => None,
    }
}

#[tokio::test]
async fn members_are_read_listed_changed_given_roles_and_kicked() {
    let (sandbox, world, http) = start().await;
    let guild = Id::new(world.guild);
    let member = Id::new(world.member);
    let fetched = http.guild_member(guild, member).await.unwrap();
    assert_eq!(fetched.user.id, member);
    let unknown = http.guild_member(guild, Id::new(1)).await.unwrap_err();
    assert_eq!(api_code(&unknown), Some(10007), "Unknown Member");

    // Past 1 000 members, across pages.
    sandbox.seed_members(world.guild, 1_200, "crowd");
    let all: Vec<_> = http.guild_members(guild, None).try_collect().await.unwrap();
    assert!(all.len() >= 1_202, "{} members", all.len());
    let first: Vec<_> = http
        .guild_members(guild, Some(1_100))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(first.len(), 1_100);

    let edited = http
        .edit_member(
            guild,
            member,
            &EditMember::new().nick(Some("Bo")),
            Some("renamed"),
        )
        .await
        .unwrap();
    assert_eq!(edited.nick.as_deref(), Some("Bo"));
    let too_long = http
        .edit_member(
            guild,
            member,
            &EditMember::new().nick(Some(&"n".repeat(33))),
            None,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(too_long, HttpError::Refused(_)),
        "refused before sending"
    );
    let me = http
        .edit_current_member(guild, Some("walker"), None)
        .await
        .unwrap();
    assert_eq!(me.nick.as_deref(), Some("walker"));

    let crew = http
        .create_role(guild, &CreateRole::new("crew"), Some("a crew"))
        .await
        .unwrap();
    http.add_member_role(guild, member, crew.id, Some("joined the crew"))
        .await
        .unwrap();
    assert!(
        http.guild_member(guild, member)
            .await
            .unwrap()
            .roles
            .contains(&crew.id)
    );
    http.remove_member_role(guild, member, crew.id, None)
        .await
        .unwrap();
    assert!(
        !http
            .guild_member(guild, member)
            .await
            .unwrap()
            .roles
            .contains(&crew.id)
    );

    // Timeouts: at most 28 days (refused before sending), never the owner.
    let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3_600);
    let timed = http
        .edit_member(
            guild,
            member,
            &EditMember::new().timeout_until(Some(in_an_hour)),
            None,
        )
        .await
        .unwrap();
    assert!(timed.communication_disabled_until.is_some());
    let in_a_month = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 29 * 86_400);
    let too_far = http
        .edit_member(
            guild,
            member,
            &EditMember::new().timeout_until(Some(in_a_month)),
            None,
        )
        .await
        .unwrap_err();
    assert!(matches!(too_far, HttpError::Refused(_)));
    let owner = http
        .edit_member(
            guild,
            Id::new(world.owner),
            &EditMember::new().timeout_until(Some(in_an_hour)),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(api_code(&owner), Some(50013), "not the owner");

    // Kicks: a member, not the owner.
    let leaver = sandbox.add_user("leaver");
    assert!(sandbox.add_member(world.guild, leaver, &[]));
    http.kick_member(guild, Id::new(leaver), Some("spam"))
        .await
        .unwrap();
    assert_eq!(
        api_code(&http.guild_member(guild, Id::new(leaver)).await.unwrap_err()),
        Some(10007)
    );
    let kick_owner = http
        .kick_member(guild, Id::new(world.owner), None)
        .await
        .unwrap_err();
    assert_eq!(api_code(&kick_owner), Some(50013));

    let reasons: Vec<String> = sandbox
        .audit_reasons()
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    for reason in ["renamed", "a crew", "joined the crew", "spam"] {
        assert!(
            reasons.iter().any(|r| r == reason),
            "{reason} in {reasons:?}"
        );
    }
}

#[tokio::test]
async fn roles_and_channels_are_created_changed_and_deleted() {
    let (sandbox, world, http) = start().await;
    let guild = Id::new(world.guild);
    let role = http
        .create_role(
            guild,
            &CreateRole::new("helpers").color(0x00ff00).mentionable(true),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        http.guild_role(guild, role.id).await.unwrap().name,
        "helpers"
    );
    let renamed = http
        .edit_role(guild, role.id, &CreateRole::edit().name("staff"), None)
        .await
        .unwrap();
    assert_eq!(renamed.name, "staff");
    let above_the_bot = http
        .create_role(
            guild,
            &CreateRole::new("admins").permissions(Permissions::ADMINISTRATOR),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(
        api_code(&above_the_bot),
        Some(50013),
        "a permission the bot lacks"
    );
    assert!(matches!(
        http.create_role(guild, &CreateRole::new(""), None)
            .await
            .unwrap_err(),
        HttpError::Refused(_)
    ));
    http.delete_role(guild, role.id, Some("tidy"))
        .await
        .unwrap();
    assert_eq!(
        api_code(&http.guild_role(guild, role.id).await.unwrap_err()),
        Some(10011),
        "Unknown Role"
    );

    let before = http.guild_channels(guild).await.unwrap().len();
    let lounge = http
        .create_guild_channel(
            guild,
            &CreateGuildChannel::new("lounge", ChannelType::GuildVoice).user_limit(5),
            Some("a place to talk"),
        )
        .await
        .unwrap();
    assert_eq!(lounge.name.as_deref(), Some("lounge"));
    assert_eq!(http.guild_channels(guild).await.unwrap().len(), before + 1);
    let thread = CreateGuildChannel::new("t", ChannelType::PublicThread);
    assert!(matches!(
        http.create_guild_channel(guild, &thread, None)
            .await
            .unwrap_err(),
        HttpError::Refused(_)
    ));
    let fetched = http.guild(guild, true).await.unwrap();
    assert_eq!(fetched.id, guild);
    assert_eq!(
        api_code(&http.guild(Id::new(1), false).await.unwrap_err()),
        Some(10004),
        "Unknown Guild"
    );
    drop(sandbox);
}

#[tokio::test]
async fn pycord_style_calls_change_a_cached_member_and_the_cache_follows() {
    let (sandbox, world, _) = start().await;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::GUILD_MEMBERS)
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = common::started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let guild = Id::new(world.guild);
    let ctx = bot.context();
    let member = bot
        .get_member(guild, Id::new(world.member))
        .expect("chunked at start-up");
    let crew = guild
        .create_role(ctx, CreateRole::new("crew"), None)
        .await
        .unwrap();
    member
        .add_roles(ctx, [crew.id], Some("welcome"))
        .await
        .unwrap();
    let has_role = || {
        bot.get_member(guild, Id::new(world.member))
            .is_some_and(|m| m.has_role(crew.id))
    };
    assert!(common::eventually(std::time::Duration::from_secs(5), has_role).await);
    let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3_600);
    member
        .timeout(ctx, Some(in_an_hour), Some("cool down"))
        .await
        .unwrap();
    let timed_out = || {
        bot.get_member(guild, Id::new(world.member))
            .is_some_and(|m| m.timed_out())
    };
    assert!(common::eventually(std::time::Duration::from_secs(5), timed_out).await);
    member.remove_roles(ctx, [crew.id], None).await.unwrap();
    let members: Vec<_> = guild.fetch_members(ctx, None).try_collect().await.unwrap();
    assert!(members.iter().any(|m| m.user.id.get() == world.member));
    let fetched = bot.fetch_guild(guild, false).await.unwrap();
    assert_eq!(fetched.id, guild);
    member.kick(ctx, Some("bye")).await.unwrap();
    let gone = || bot.get_member(guild, Id::new(world.member)).is_none();
    assert!(common::eventually(std::time::Duration::from_secs(5), gone).await);
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn bans_are_made_listed_lifted_and_bulk_and_reach_listeners() {
    use bot_core::event::{GuildBanAdd, GuildBanRemove};
    let (sandbox, world, http) = start().await;
    let guild = Id::new(world.guild);
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::GUILD_MODERATION)
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = common::started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let within = std::time::Duration::from_secs(5);

    let added = bot.wait_for::<GuildBanAdd>(|_| true, within);
    http.ban_member(guild, Id::new(world.member), Some(3_600), Some("spam"))
        .await
        .unwrap();
    assert_eq!(
        added.await.expect("GUILD_BAN_ADD").user.id.get(),
        world.member
    );
    let ban = http.guild_ban(guild, Id::new(world.member)).await.unwrap();
    assert_eq!(ban.reason.as_deref(), Some("spam"));
    assert_eq!(
        api_code(
            &http
                .guild_member(guild, Id::new(world.member))
                .await
                .unwrap_err()
        ),
        Some(10007),
        "the member left"
    );
    let too_far = http
        .ban_member(guild, Id::new(world.member), Some(604_801), None)
        .await
        .unwrap_err();
    assert!(
        matches!(too_far, HttpError::Refused(_)),
        "refused before sending"
    );
    let owner = http
        .ban_member(guild, Id::new(world.owner), None, None)
        .await
        .unwrap_err();
    assert_eq!(api_code(&owner), Some(50013), "not the owner");

    let crowd = sandbox.seed_members(world.guild, 3, "crowd");
    let ids: Vec<_> = crowd.iter().map(|id| Id::new(*id)).collect();
    let bulk = http
        .bulk_ban(guild, &ids, None, Some("raid"))
        .await
        .unwrap();
    assert_eq!(bulk.banned_users, ids);
    assert!(bulk.failed_users.is_empty());
    let twice = http
        .bulk_ban(guild, &[ids[0], ids[0]], None, None)
        .await
        .unwrap_err();
    assert!(matches!(twice, HttpError::Refused(_)));
    let listed: Vec<_> = http.guild_bans(guild, None).try_collect().await.unwrap();
    assert_eq!(listed.len(), 4);

    let removed = bot.wait_for::<GuildBanRemove>(|_| true, within);
    guild
        .unban(bot.context(), Id::new(world.member), Some("forgiven"))
        .await
        .unwrap();
    assert_eq!(
        removed.await.expect("GUILD_BAN_REMOVE").user.id.get(),
        world.member
    );
    assert_eq!(
        api_code(
            &http
                .guild_ban(guild, Id::new(world.member))
                .await
                .unwrap_err()
        ),
        Some(10026),
        "Unknown Ban"
    );
    let from_guild: Vec<_> = guild.bans(bot.context(), None).try_collect().await.unwrap();
    assert_eq!(from_guild.len(), 3);
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn each_moderation_action_writes_an_audit_log_entry_with_its_reason() {
    use bot_core::event::AuditLogEntryCreate;
    use bot_core::http::AuditLogFilter;
    use bot_core::model::AuditLogEvent;
    let (sandbox, world, http) = start().await;
    let guild = Id::new(world.guild);
    let no_access = http
        .audit_log(guild, AuditLogFilter::new(), 10)
        .await
        .unwrap_err();
    assert_eq!(api_code(&no_access), Some(50013), "VIEW_AUDIT_LOG needed");
    let viewer = sandbox
        .add_role(world.guild, "auditor", Permissions::VIEW_AUDIT_LOG.bits())
        .unwrap();
    let roles: Vec<u64> = http
        .guild_member(guild, Id::new(sandbox.bot_user_id()))
        .await
        .unwrap()
        .roles
        .iter()
        .map(|r| r.get())
        .chain([viewer])
        .collect();
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &roles));
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::GUILD_MODERATION)
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = common::started(&bot).await;
    bot.wait_until_ready().await.unwrap();

    let created = bot.wait_for::<AuditLogEntryCreate>(|_| true, std::time::Duration::from_secs(5));
    let role = http
        .create_role(guild, &CreateRole::new("crew"), Some("a crew"))
        .await
        .unwrap();
    let entry = created.await.expect("GUILD_AUDIT_LOG_ENTRY_CREATE");
    assert_eq!(entry.entry.action_type, AuditLogEvent::RoleCreate);
    assert_eq!(entry.entry.reason.as_deref(), Some("a crew"));
    http.add_member_role(guild, Id::new(world.member), role.id, Some("joined"))
        .await
        .unwrap();
    http.edit_member(
        guild,
        Id::new(world.member),
        &EditMember::new().nick(Some("Bo")),
        Some("rename"),
    )
    .await
    .unwrap();
    let leaver = sandbox.add_user("leaver");
    assert!(sandbox.add_member(world.guild, leaver, &[]));
    http.kick_member(guild, Id::new(leaver), Some("spam"))
        .await
        .unwrap();
    http.ban_member(guild, Id::new(world.member), None, Some("worse spam"))
        .await
        .unwrap();

    let log = http
        .audit_log(guild, AuditLogFilter::new(), 100)
        .await
        .unwrap();
    let seen: Vec<(AuditLogEvent, Option<&str>)> = log
        .audit_log_entries
        .iter()
        .map(|e| (e.action_type, e.reason.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (AuditLogEvent::MemberBanAdd, Some("worse spam")),
            (AuditLogEvent::MemberKick, Some("spam")),
            (AuditLogEvent::MemberUpdate, Some("rename")),
            (AuditLogEvent::MemberRoleUpdate, Some("joined")),
            (AuditLogEvent::RoleCreate, Some("a crew")),
        ],
        "newest first, one per action (the ban's removal is the ban's)"
    );
    assert!(
        log.users
            .iter()
            .any(|u| u.id.get() == sandbox.bot_user_id())
    );
    let kicks: Vec<_> = guild
        .audit_logs(
            bot.context(),
            AuditLogFilter::new().action(AuditLogEvent::MemberKick),
            None,
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(kicks.len(), 1);
    assert_eq!(kicks[0].target_id.map(|t| t.get()), Some(leaver));
    let paged: Vec<_> = http
        .audit_log_entries(guild, AuditLogFilter::new(), Some(4))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(paged.len(), 4);
    assert!(matches!(
        http.audit_log(guild, AuditLogFilter::new(), 101)
            .await
            .unwrap_err(),
        HttpError::Refused(_)
    ));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn one_command_is_read_and_edited_globally_and_in_a_guild() {
    let (sandbox, world, http) = start().await;
    let app = Id::new(sandbox.application_id());
    let guild = Id::new(world.guild);
    for scope in [None, Some(guild)] {
        let stored = http
            .upsert_command(
                app,
                scope,
                &serde_json::json!({"name": "hello", "description": "Says hello", "type": 1}),
            )
            .await
            .unwrap();
        let id = Id::new(stored["id"].as_str().unwrap().parse().unwrap());
        let fetched = http.command(app, scope, id).await.unwrap();
        assert_eq!(fetched["name"], "hello");
        let edited = http
            .edit_command(
                app,
                scope,
                id,
                &serde_json::json!({"description": "Says hi"}),
            )
            .await
            .unwrap();
        assert_eq!(edited["description"], "Says hi");
        assert_eq!(edited["name"], "hello", "what the edit leaves out stays");
        let unknown = http.command(app, scope, Id::new(1)).await.unwrap_err();
        assert_eq!(
            api_code(&unknown),
            Some(10063),
            "Unknown Application Command"
        );
    }
}

#[tokio::test]
async fn members_are_searched_and_roles_moved() {
    let (sandbox, world, http) = start().await;
    let guild = Id::new(world.guild);
    sandbox.seed_members(world.guild, 30, "crowd");
    let found = http.search_members(guild, "CROWD1", 50).await.unwrap();
    assert_eq!(found.len(), 11, "crowd1 and crowd10-19");
    assert!(found.iter().all(|m| m.user.username.starts_with("crowd1")));
    assert_eq!(
        http.search_members(guild, "crowd", 5).await.unwrap().len(),
        5
    );
    assert!(matches!(
        http.search_members(guild, "crowd", 1001).await.unwrap_err(),
        HttpError::Refused(_)
    ));

    let low = http
        .create_role(guild, &CreateRole::new("low"), None)
        .await
        .unwrap();
    let high = http
        .create_role(guild, &CreateRole::new("high"), None)
        .await
        .unwrap();
    let (low_at, high_at) = (low.position, high.position);
    let roles = http
        .edit_role_positions(
            guild,
            &[(low.id, high_at as u32), (high.id, low_at as u32)],
            Some("swap"),
        )
        .await
        .unwrap();
    let position = |id| roles.iter().find(|r| r.id == id).map(|r| r.position);
    assert_eq!(
        (position(low.id), position(high.id)),
        (Some(high_at), Some(low_at))
    );
    let bot_role = http
        .guild_member(guild, Id::new(sandbox.bot_user_id()))
        .await
        .unwrap()
        .roles[0];
    let above = http
        .edit_role_positions(guild, &[(low.id, 100)], None)
        .await
        .unwrap_err();
    assert_eq!(api_code(&above), Some(50013), "not above the bot's own");
    let own = http
        .edit_role_positions(guild, &[(bot_role, 1)], None)
        .await
        .unwrap_err();
    assert_eq!(api_code(&own), Some(50013), "not its own highest role");
}

#[tokio::test]
async fn the_guild_is_renamed_its_channels_moved_and_its_active_threads_listed() {
    use bot_core::model::{CreateThread, EditGuild};
    let (sandbox, world, http) = start().await;
    let guild = Id::new(world.guild);
    let renamed = http
        .edit_guild(
            guild,
            &EditGuild::new()
                .name("Rustaceans")
                .description(Some("We write Rust")),
            Some("rebrand"),
        )
        .await
        .unwrap();
    assert_eq!(&*renamed.name, "Rustaceans");
    assert_eq!(renamed.description.as_deref(), Some("We write Rust"));
    assert!(matches!(
        http.edit_guild(guild, &EditGuild::new().name("x"), None)
            .await
            .unwrap_err(),
        HttpError::Refused(_)
    ));
    let counted = http.guild(guild, true).await.unwrap();
    assert!(counted.approximate_member_count.is_some_and(|n| n >= 2));

    let second = http
        .create_guild_channel(
            guild,
            &CreateGuildChannel::new("second", ChannelType::GuildText),
            None,
        )
        .await
        .unwrap();
    http.edit_channel_positions(guild, &[(second.id, 0), (Id::new(world.channel), 1)], None)
        .await
        .unwrap();
    let channels = http.guild_channels(guild).await.unwrap();
    let position = |id| {
        channels
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.position)
    };
    assert_eq!(position(second.id), Some(0));
    assert_eq!(position(Id::new(world.channel)), Some(1));
    let stranger = http
        .edit_channel_positions(guild, &[(Id::new(1), 0)], None)
        .await
        .unwrap_err();
    assert_eq!(api_code(&stranger), Some(50035));

    let thread = http
        .create_thread(Id::new(world.channel), &CreateThread::new("talk"), None)
        .await
        .unwrap();
    let active = http.active_threads(guild).await.unwrap();
    assert!(active.threads.iter().any(|t| t.id == thread.id));
    drop(sandbox);
}

/// A timeout never reaches an administrator, even one whose roles sit below the bot's, nor the
/// owner; a plain member below the bot is timed out.
#[tokio::test]
async fn an_administrator_and_the_owner_are_never_timed_out() {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    // Roles made later sit higher: the administrators' role is below the bot's.
    let admins = sandbox
        .add_role(world.guild, "admins", Permissions::ADMINISTRATOR.bits())
        .unwrap();
    let bot_role = sandbox
        .add_role(world.guild, "bot", moderator().bits())
        .unwrap();
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[bot_role]));
    let admin = sandbox.add_user("admin");
    assert!(sandbox.add_member(world.guild, admin, &[admins]));
    let plain = sandbox.add_user("plain");
    assert!(sandbox.add_member(world.guild, plain, &[]));
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let guild = Id::new(world.guild);
    let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3_600);
    let timeout = EditMember::new().timeout_until(Some(in_an_hour));
    for (who, user) in [("an administrator", admin), ("the owner", world.owner)] {
        let refused = http
            .edit_member(guild, Id::new(user), &timeout, None)
            .await
            .unwrap_err();
        assert_eq!(api_code(&refused), Some(50013), "{who}: {refused:?}");
    }
    let timed = http
        .edit_member(guild, Id::new(plain), &timeout, None)
        .await
        .unwrap();
    assert!(timed.communication_disabled_until.is_some());
}

/// Listing a guild's members needs the GUILD_MEMBERS privileged intent enabled for the
/// application (403 Missing Access, 50001), whatever the bot's permissions; one member is still
/// read by id.
#[tokio::test]
async fn members_are_listed_only_with_the_privileged_intent_enabled() {
    let sandbox = Sandbox::builder()
        .allowed_privileged_intents(0)
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let guild = Id::new(world.guild);
    let refused = http
        .guild_members(guild, None)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    match &refused {
        HttpError::Api { status, code, .. } => assert_eq!((*status, *code), (403, 50001)),
        other => panic!("expected 403 Missing Access, got {other:?}"),
    }
    let one = http
        .guild_member(guild, Id::new(world.member))
        .await
        .unwrap();
    assert_eq!(one.user.id, Id::new(world.member));
}
