//! The guild extras of `Http` against the sandbox (issue 27, its last part): the guild's
//! preview, role member counts, a prune estimated and begun (its members gone with
//! GUILD_MEMBER_REMOVE, one MEMBER_PRUNE audit-log entry), voice states read and changed in a
//! stage, a user added with their OAuth2 access token, and command permissions read; each on its
//! success path and an error path.

mod common;

use bot_core::event::{GuildMemberAdd, GuildMemberRemove, VoiceStateUpdate};
use bot_core::http::{AuditLogFilter, Http, HttpError, Token};
use bot_core::model::{
    AccessToken, AddGuildMember, ApplicationCommandPermissionType, AuditLogEvent, BeginPrune,
    EditVoiceState, Id, Permissions, Timestamp,
};
use bot_core::prelude::*;
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};
use std::time::Duration;

/// What the bot may do here, besides what each test takes away.
fn moderator() -> Permissions {
    Permissions::KICK_MEMBERS
        | Permissions::MANAGE_GUILD
        | Permissions::VIEW_AUDIT_LOG
        | Permissions::VIEW_CHANNEL
        | Permissions::CONNECT
        | Permissions::MANAGE_NICKNAMES
        | Permissions::MANAGE_ROLES
        | Permissions::CREATE_INSTANT_INVITE
}

/// A sandbox whose bot has a role with `permissions` (above the roles made after it).
async fn start(permissions: Permissions) -> (SandboxHandle, DefaultGuild, Http, u64) {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", permissions.bits())
        .unwrap();
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    (sandbox, world, http, role)
}

/// A bot connected to the sandbox, with `intents`.
async fn connected(sandbox: &SandboxHandle, intents: Intents) -> (Bot, common::Running) {
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(intents)
        .registry(CommandRegistry::default())
        .build()
        .unwrap();
    let task = common::started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    (bot, task)
}

fn api_code(error: &HttpError) -> Option<u64> {
    match error {
        HttpError::Api { code, .. } => Some(*code),
        _ => None,
    }
}

const WITHIN: Duration = Duration::from_secs(5);

#[tokio::test]
async fn the_preview_shows_the_guild_and_role_counts_count_members() {
    let (sandbox, world, http, bot_role) = start(moderator()).await;
    let guild = Id::new(world.guild);
    let preview = http.guild_preview(guild).await.unwrap();
    assert_eq!(preview.id, guild);
    let members = sandbox.seed_members(world.guild, 3, "crowd").len() as u32 + 3;
    let preview = http.guild_preview(guild).await.unwrap();
    assert_eq!(
        preview.approximate_member_count, members,
        "owner, bot, member, crowd"
    );
    let unknown = http.guild_preview(Id::new(1)).await.unwrap_err();
    assert_eq!(api_code(&unknown), Some(10004), "Unknown Guild");

    let crew = sandbox.add_role(world.guild, "crew", 0).unwrap();
    let crowd = sandbox.seed_members(world.guild, 2, "crew");
    for user in &crowd {
        assert!(sandbox.set_member_roles(world.guild, *user, &[crew]));
    }
    let counts = http.role_member_counts(guild).await.unwrap();
    assert_eq!(counts.get(&Id::new(crew)), Some(&2));
    assert_eq!(
        counts.get(&Id::new(bot_role)),
        Some(&1),
        "the bot has its role"
    );
    assert!(
        !counts.contains_key(&Id::new(world.guild)),
        "@everyone is left out"
    );
    let unknown = http.role_member_counts(Id::new(1)).await.unwrap_err();
    assert_eq!(api_code(&unknown), Some(10004));
}

#[tokio::test]
async fn a_prune_counts_and_removes_the_inactive_and_is_audited_once() {
    let (sandbox, world, http, _) = start(moderator()).await;
    let guild = Id::new(world.guild);
    let crew = sandbox.add_role(world.guild, "crew", 0).unwrap();
    let idle = sandbox.seed_members(world.guild, 3, "idle");
    let (bare, crewed, recent) = (idle[0], idle[1], idle[2]);
    assert!(sandbox.set_member_roles(world.guild, crewed, &[crew]));
    assert!(sandbox.set_inactive_days(world.guild, bare, Some(10)));
    assert!(sandbox.set_inactive_days(world.guild, crewed, Some(10)));
    assert!(sandbox.set_inactive_days(world.guild, recent, Some(2)));

    assert_eq!(http.prune_count(guild, 7, &[]).await.unwrap(), 1, "no role");
    assert_eq!(
        http.prune_count(guild, 7, &[Id::new(crew)]).await.unwrap(),
        2,
        "the crew too"
    );
    assert_eq!(
        http.prune_count(guild, 1, &[Id::new(crew)]).await.unwrap(),
        3
    );
    assert_eq!(http.prune_count(guild, 30, &[]).await.unwrap(), 0);
    // Speaking makes a member active again.
    let talker = sandbox.seed_members(world.guild, 1, "talker")[0];
    assert!(sandbox.set_inactive_days(world.guild, talker, Some(10)));
    assert_eq!(http.prune_count(guild, 7, &[]).await.unwrap(), 2);
    sandbox
        .user(talker)
        .send_message(world.channel, "still here")
        .await
        .unwrap();
    assert_eq!(http.prune_count(guild, 7, &[]).await.unwrap(), 1);
    let zero = http.prune_count(guild, 0, &[]).await.unwrap_err();
    assert!(
        matches!(zero, HttpError::Refused(_)),
        "refused before sending"
    );
    let too_many = http
        .begin_prune(guild, &BeginPrune::new(31), None)
        .await
        .unwrap_err();
    assert!(matches!(too_many, HttpError::Refused(_)));

    let (bot, task) = connected(&sandbox, Intents::default() | Intents::GUILD_MEMBERS).await;
    let removed = bot.wait_for::<GuildMemberRemove>(move |e| e.user.id.get() == crewed, WITHIN);
    let pruned = guild
        .prune_members(
            &http,
            BeginPrune::new(7).include_roles([Id::new(crew)]),
            Some("spring cleaning"),
        )
        .await
        .unwrap();
    assert_eq!(pruned, Some(2));
    removed.await.expect("GUILD_MEMBER_REMOVE");
    for user in [bare, crewed] {
        let gone = http.guild_member(guild, Id::new(user)).await.unwrap_err();
        assert_eq!(api_code(&gone), Some(10007));
    }
    http.guild_member(guild, Id::new(recent)).await.unwrap();

    let log = http
        .audit_log(guild, AuditLogFilter::new(), 100)
        .await
        .unwrap();
    let prunes: Vec<_> = log
        .audit_log_entries
        .iter()
        .filter(|e| e.action_type == AuditLogEvent::MemberPrune)
        .collect();
    assert_eq!(prunes.len(), 1, "one entry for the prune");
    let options = prunes[0].options.as_ref().expect("its options");
    assert_eq!(options.delete_member_days, Some(7));
    assert_eq!(options.members_removed, Some(2));
    assert_eq!(prunes[0].reason.as_deref(), Some("spring cleaning"));
    assert!(
        !log.audit_log_entries
            .iter()
            .any(|e| e.action_type == AuditLogEvent::MemberKick),
        "no kick entries"
    );
    let uncounted = http
        .begin_prune(guild, &BeginPrune::new(1).count(false), None)
        .await
        .unwrap();
    assert_eq!(uncounted.pruned, None, "asked not to count");
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn a_prune_needs_manage_guild_besides_kick_members() {
    let (sandbox, world, http, _) = start(Permissions::KICK_MEMBERS).await;
    let guild = Id::new(world.guild);
    let idle = sandbox.seed_members(world.guild, 1, "idle")[0];
    assert!(sandbox.set_inactive_days(world.guild, idle, Some(40)));
    let count = http.prune_count(guild, 30, &[]).await.unwrap_err();
    assert_eq!(api_code(&count), Some(50013));
    let prune = http
        .begin_prune(guild, &BeginPrune::new(30), None)
        .await
        .unwrap_err();
    assert_eq!(api_code(&prune), Some(50013));
    http.guild_member(guild, Id::new(idle)).await.unwrap();
}

#[tokio::test]
async fn voice_states_are_read_and_changed_in_a_stage() {
    let (sandbox, world, http, bot_role) = start(moderator()).await;
    let guild = Id::new(world.guild);
    let bot_user = sandbox.bot_user_id();
    let stage = sandbox.create_channel(world.guild, "stage", 13).unwrap();
    let voice = sandbox.create_channel(world.guild, "voice", 2).unwrap();
    let absent = http.current_voice_state(guild).await.unwrap_err();
    assert_eq!(api_code(&absent), Some(10065), "Unknown Voice State");
    assert!(sandbox.join_voice(world.guild, bot_user, stage));
    assert!(sandbox.join_voice(world.guild, world.member, stage));

    let mine = http.current_voice_state(guild).await.unwrap();
    assert_eq!(mine.channel_id, Some(Id::new(stage)));
    assert!(mine.suppress, "an audience member at first");
    let theirs = http
        .voice_state(guild, Id::new(world.member))
        .await
        .unwrap();
    assert_eq!(theirs.user_id.get(), world.member);

    // Asking to speak needs REQUEST_TO_SPEAK; unsuppressing itself, MUTE_MEMBERS.
    let ask = EditVoiceState::new(Id::new(stage)).request_to_speak(Some(Timestamp::now()));
    let refused = http
        .edit_current_voice_state(guild, &ask)
        .await
        .unwrap_err();
    assert_eq!(api_code(&refused), Some(50013));
    let speak = EditVoiceState::new(Id::new(stage)).suppress(false);
    let refused = http
        .edit_current_voice_state(guild, &speak)
        .await
        .unwrap_err();
    assert_eq!(api_code(&refused), Some(50013));
    let more = moderator() | Permissions::REQUEST_TO_SPEAK | Permissions::MUTE_MEMBERS;
    assert!(sandbox.update_role(
        world.guild,
        bot_role,
        bot_sandbox::RoleUpdate::default().permissions(more.bits())
    ));

    let (bot, task) = connected(&sandbox, Intents::default()).await;
    let update = bot.wait_for::<VoiceStateUpdate>(
        move |e| e.user_id.get() == bot_user && e.request_to_speak_timestamp.is_some(),
        WITHIN,
    );
    http.edit_current_voice_state(guild, &ask).await.unwrap();
    update.await.expect("VOICE_STATE_UPDATE");
    http.edit_current_voice_state(guild, &speak).await.unwrap();
    let mine = http.current_voice_state(guild).await.unwrap();
    assert!(!mine.suppress, "a speaker");
    assert!(mine.request_to_speak_timestamp.is_some());

    http.edit_voice_state(guild, Id::new(world.member), Id::new(stage), false)
        .await
        .unwrap();
    let theirs = http
        .voice_state(guild, Id::new(world.member))
        .await
        .unwrap();
    assert!(!theirs.suppress);
    assert!(
        theirs.request_to_speak_timestamp.is_some(),
        "a user invited to speak is stamped"
    );
    http.edit_voice_state(guild, Id::new(world.member), Id::new(stage), true)
        .await
        .unwrap();
    let theirs = http
        .voice_state(guild, Id::new(world.member))
        .await
        .unwrap();
    assert!(theirs.suppress && theirs.request_to_speak_timestamp.is_none());

    // A voice channel is no stage; a member elsewhere cannot be changed here.
    assert!(sandbox.join_voice(world.guild, world.member, voice));
    let not_stage = http
        .edit_voice_state(guild, Id::new(world.member), Id::new(voice), true)
        .await
        .unwrap_err();
    assert_eq!(api_code(&not_stage), Some(50024));
    let elsewhere = http
        .edit_voice_state(guild, Id::new(world.member), Id::new(stage), true)
        .await
        .unwrap_err();
    assert_eq!(api_code(&elsewhere), Some(40032));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn a_user_is_added_with_their_access_token_which_never_shows() {
    let (sandbox, world, http, _) = start(moderator()).await;
    let guild = Id::new(world.guild);
    let newcomer = sandbox.add_user("newcomer");
    let token = sandbox.grant_access_token(newcomer, &["identify", "guilds.join"]);
    let add = AddGuildMember::new(AccessToken::new(token.clone())).nick("Newt");
    assert!(
        !format!("{add:?}").contains(&token),
        "Debug hides the token"
    );

    let (bot, task) = connected(&sandbox, Intents::default() | Intents::GUILD_MEMBERS).await;
    let joined =
        bot.wait_for::<GuildMemberAdd>(move |e| e.member.user.id.get() == newcomer, WITHIN);
    let member = http
        .add_guild_member(guild, Id::new(newcomer), &add)
        .await
        .unwrap()
        .expect("201 with the member");
    assert_eq!(member.nick.as_deref(), Some("Newt"));
    joined.await.expect("GUILD_MEMBER_ADD");
    let again = http
        .add_guild_member(guild, Id::new(newcomer), &add)
        .await
        .unwrap();
    assert_eq!(again, None, "204: already a member");

    let stranger = sandbox.add_user("stranger");
    let group_only = sandbox.grant_access_token(stranger, &["gdm.join"]);
    let refused = http
        .add_guild_member(
            guild,
            Id::new(stranger),
            &AddGuildMember::new(AccessToken::new(group_only.clone())),
        )
        .await
        .unwrap_err();
    assert_eq!(api_code(&refused), Some(50025), "no guilds.join");
    assert!(!format!("{refused} {refused:?}").contains(&group_only));
    let someone_elses = http
        .add_guild_member(guild, Id::new(stranger), &add)
        .await
        .unwrap_err();
    assert_eq!(
        api_code(&someone_elses),
        Some(50025),
        "not the user's token"
    );
    let long = AddGuildMember::new(AccessToken::new(token)).nick(&"n".repeat(33));
    let long = http
        .add_guild_member(guild, Id::new(stranger), &long)
        .await
        .unwrap_err();
    assert!(matches!(long, HttpError::Refused(_)));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn a_user_is_added_only_with_create_instant_invite() {
    let without = moderator() - Permissions::CREATE_INSTANT_INVITE;
    let (sandbox, world, http, _) = start(without).await;
    let newcomer = sandbox.add_user("newcomer");
    let token = sandbox.grant_access_token(newcomer, &["guilds.join"]);
    let refused = http
        .add_guild_member(
            Id::new(world.guild),
            Id::new(newcomer),
            &AddGuildMember::new(AccessToken::new(token)),
        )
        .await
        .unwrap_err();
    assert_eq!(api_code(&refused), Some(50013));
    assert!(sandbox.member(world.guild, newcomer).is_none());
}

#[tokio::test]
async fn command_permissions_are_read_once_an_admin_set_them() {
    let (sandbox, world, http, _) = start(moderator()).await;
    let guild = Id::new(world.guild);
    let app = Id::new(sandbox.application_id());
    let stored = http
        .upsert_command(
            app,
            Some(guild),
            &serde_json::json!({"name": "ban", "description": "Bans", "type": 1}),
        )
        .await
        .unwrap();
    let command: u64 = stored["id"].as_str().unwrap().parse().unwrap();
    let none = http
        .command_permissions_of(app, guild, Id::new(command))
        .await
        .unwrap_err();
    assert_eq!(api_code(&none), Some(10066), "none set yet");
    assert!(
        http.command_permissions(app, guild)
            .await
            .unwrap()
            .is_empty()
    );

    assert!(sandbox.set_command_permissions(
        world.guild,
        command,
        &[(world.role, 1, true), (world.member, 2, false)]
    ));
    assert!(!sandbox.set_command_permissions(world.guild, 1, &[(world.role, 1, true)]));
    let set = http
        .command_permissions_of(app, guild, Id::new(command))
        .await
        .unwrap();
    assert_eq!(set.id.get(), command);
    assert_eq!(set.permissions.len(), 2);
    assert_eq!(
        set.permissions[0].kind,
        ApplicationCommandPermissionType::Role
    );
    assert!(!set.permissions[1].permission);
    let all = http.command_permissions(app, guild).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].guild_id, guild);
}
