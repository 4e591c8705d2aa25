//! Discord's REST surface, its miscellaneous part (issue 26): invites by code (resolved with
//! counts, revoked with INVITE_DELETE reaching a listener, their target users), stage
//! instances with their events, stickers and sticker packs, the default soundboard sounds,
//! gateway discovery, a poll ended and its voters listed, and the bot's guilds as a stream
//! across pages and leaving one — through `Http` and Pycord's names on `Bot` and `Context`,
//! each on its success path and an error path.

mod common;

use bot_core::event::{InviteDelete, Received};
use bot_core::http::{GuildsFrom, Http, HttpError, Token};
use bot_core::model::{
    CreateInvite, CreateMessage, CreatePoll, CreateStageInstance, EditStageInstance, Id, Intents,
    StagePrivacyLevel, TargetUsersJobStatus,
};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle, Timings};
use futures_util::TryStreamExt;
use std::time::Duration;

/// VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY, CREATE_INSTANT_INVITE, MANAGE_CHANNELS,
/// MUTE_MEMBERS, MOVE_MEMBERS: what the bot's role gives it.
const BOT_PERMISSIONS: u64 =
    1 | (1 << 4) | (1 << 10) | (1 << 11) | (1 << 16) | (1 << 22) | (1 << 24);

async fn start() -> (SandboxHandle, DefaultGuild, u64) {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            message_create_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", BOT_PERMISSIONS)
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    (sandbox, world, role)
}

fn http_of(sandbox: &SandboxHandle) -> Http {
    Http::new(sandbox.rest_url(), Token::new(sandbox.token()))
}

fn code(result: Result<impl std::fmt::Debug, HttpError>) -> Option<u64> {
    result.expect_err("Discord refuses it").code()
}

fn refused_before_sending(result: Result<impl std::fmt::Debug, HttpError>) -> bool {
    matches!(result, Err(HttpError::Refused(_)))
}

#[tokio::test]
async fn an_invite_is_fetched_with_counts_and_revoked() {
    let (sandbox, world, role) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS | Intents::GUILD_INVITES);
    let (deleted_tx, mut deleted) = tokio::sync::mpsc::unbounded_channel();
    bot.add_listener(move |event: Received<InviteDelete>| {
        let deleted_tx = deleted_tx.clone();
        async move {
            let _ = deleted_tx.send(event.code.clone());
        }
    });
    let task = common::started(&bot).await;
    let channel = Id::new(world.channel);
    let invite = bot
        .http()
        .create_channel_invite(channel, &CreateInvite::new().max_age(3600), None)
        .await
        .expect("an invite");

    // Fetched by link through the bot, with counts; `with_expiration` sends nothing.
    let link = format!("https://discord.gg/{}", invite.code);
    let fetched = bot
        .fetch_invite(&link, true, false, None)
        .await
        .expect("the invite");
    assert_eq!(fetched.code, invite.code);
    assert_eq!(
        fetched.approximate_member_count,
        Some(3),
        "alice, bob, the bot"
    );
    assert_eq!(fetched.approximate_presence_count, Some(3));
    assert!(fetched.expires_at.is_some(), "expires_at comes anyway");
    assert_eq!(fetched.uses, None, "no metadata on Get Invite");
    let plain = bot
        .context()
        .fetch_invite(&invite.code, false, true, None)
        .await
        .expect("the invite, through the context");
    assert_eq!(plain.approximate_member_count, None);
    assert_eq!(
        code(bot.fetch_invite("nope1234", false, true, None).await),
        Some(10006)
    );
    assert!(refused_before_sending(
        bot.fetch_invite("https://discord.gg/", false, true, None)
            .await
    ));

    // Revoked with a reason: INVITE_DELETE reaches the listener, the audit log has it.
    let revoked = bot
        .delete_invite(&invite.code, Some("leaked"))
        .await
        .expect("revoked");
    assert_eq!(revoked.code, invite.code);
    let heard = tokio::time::timeout(Duration::from_secs(2), deleted.recv()).await;
    assert_eq!(heard.ok().flatten().as_deref(), Some(&*invite.code));
    assert!(sandbox.audit_reasons().contains(&(
        format!("DELETE /invites/{}", invite.code),
        "leaked".to_owned()
    )));
    assert_eq!(
        code(bot.fetch_invite(&invite.code, false, true, None).await),
        Some(10006)
    );

    // Without MANAGE_CHANNELS (nor MANAGE_GUILD): 50013.
    let other = bot
        .http()
        .create_channel_invite(channel, &CreateInvite::new().unique(true), None)
        .await
        .expect("another invite");
    assert!(sandbox.update_role(
        world.guild,
        role,
        bot_sandbox::RoleUpdate::default().permissions(1 | (1 << 10))
    ));
    assert_eq!(
        code(bot.context().delete_invite(&other.code, None).await),
        Some(50013)
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn an_invites_target_users_are_replaced_and_read_back() {
    let (sandbox, world, _) = start().await;
    let http = http_of(&sandbox);
    let invite = http
        .create_channel_invite(Id::new(world.channel), &CreateInvite::new(), None)
        .await
        .expect("an invite");
    assert_eq!(
        code(http.invite_target_users(&invite.code).await),
        Some(10006),
        "no target users yet"
    );
    let job = http
        .invite_target_users_job(&invite.code)
        .await
        .expect("no job yet");
    assert_eq!(job.status, TargetUsersJobStatus::Unspecified);
    let users = [Id::new(world.owner), Id::new(world.member)];
    http.set_invite_target_users(&invite.code, &users)
        .await
        .expect("replaced");
    let read = http
        .invite_target_users(&invite.code)
        .await
        .expect("the list");
    assert_eq!(read, users);
    let job = http
        .invite_target_users_job(&invite.code)
        .await
        .expect("the job");
    assert_eq!(
        (job.status, job.total_users, job.processed_users),
        (TargetUsersJobStatus::Completed, 2, 2)
    );
    assert!(job.completed_at.is_some());
    assert_eq!(
        code(
            http.set_invite_target_users(&invite.code, &[Id::new(1)])
                .await
        ),
        Some(50035),
        "an id of no user"
    );
    assert!(refused_before_sending(
        http.set_invite_target_users(&invite.code, &[]).await
    ));
}

#[tokio::test]
async fn a_stage_instance_is_started_edited_and_ended_with_its_events() {
    let (sandbox, world, role) = start().await;
    let stage_channel = sandbox
        .add_channel(world.guild, "town-hall", 13)
        .expect("a stage channel");
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let (task, mut events) = common::started_with_events(&bot).await;
    let channel = Id::new(stage_channel);
    let http = bot.http();

    let started = http
        .create_stage_instance(
            &CreateStageInstance::new(channel, "Town hall"),
            Some("weekly"),
        )
        .await
        .expect("a stage");
    assert_eq!(&*started.topic, "Town hall");
    assert_eq!(started.privacy_level, StagePrivacyLevel::GuildOnly);
    assert!(
        common::next_named(&mut events, "STAGE_INSTANCE_CREATE")
            .await
            .is_some()
    );
    let fetched = bot.fetch_stage_instance(channel).await.expect("live");
    assert_eq!(fetched.id, started.id);
    assert_eq!(
        code(
            http.create_stage_instance(&CreateStageInstance::new(channel, "again"), None)
                .await
        ),
        Some(150006),
        "one stage a channel"
    );
    assert_eq!(
        code(
            http.create_stage_instance(
                &CreateStageInstance::new(Id::new(world.channel), "in a text channel"),
                None
            )
            .await
        ),
        Some(50024)
    );
    let (served, _) = sandbox.request_counts();
    assert!(refused_before_sending(
        http.create_stage_instance(&CreateStageInstance::new(channel, ""), None)
            .await
    ));
    assert!(refused_before_sending(
        http.edit_stage_instance(
            channel,
            &EditStageInstance::new().topic("x".repeat(121)),
            None
        )
        .await
    ));
    assert_eq!(sandbox.request_counts().0, served, "nothing was sent");

    let edited = http
        .edit_stage_instance(channel, &EditStageInstance::new().topic("Q&A"), None)
        .await
        .expect("edited");
    assert_eq!(&*edited.topic, "Q&A");
    assert!(
        common::next_named(&mut events, "STAGE_INSTANCE_UPDATE")
            .await
            .is_some()
    );
    http.delete_stage_instance(channel, Some("done"))
        .await
        .expect("ended");
    assert!(
        common::next_named(&mut events, "STAGE_INSTANCE_DELETE")
            .await
            .is_some()
    );
    assert_eq!(
        code(bot.context().fetch_stage_instance(channel).await),
        Some(10067)
    );

    // Without MUTE_MEMBERS the bot is no moderator of the stage.
    assert!(sandbox.update_role(
        world.guild,
        role,
        bot_sandbox::RoleUpdate::default().permissions(BOT_PERMISSIONS & !(1 << 22))
    ));
    assert_eq!(
        code(
            http.create_stage_instance(&CreateStageInstance::new(channel, "again"), None)
                .await
        ),
        Some(50013)
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn stickers_packs_default_sounds_and_the_gateway_are_read() {
    let (sandbox, _, _) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let packs = bot.fetch_premium_sticker_packs().await.expect("the packs");
    assert!(packs.len() >= 2);
    let wumpus = packs
        .iter()
        .find(|p| &*p.name == "Wumpus Beyond")
        .expect("Wumpus Beyond");
    let wave = wumpus
        .stickers
        .iter()
        .find(|s| &*s.name == "Wave")
        .expect("Wave");
    let fetched = bot.fetch_sticker(wave.id).await.expect("the sticker");
    assert_eq!(fetched, *wave);
    assert_eq!(fetched.pack_id, Some(wumpus.id));
    assert_eq!(
        code(bot.context().fetch_sticker(Id::new(1)).await),
        Some(10060)
    );
    let pack = bot.http().sticker_pack(wumpus.id).await.expect("the pack");
    assert_eq!(pack, *wumpus);
    assert_eq!(code(bot.http().sticker_pack(Id::new(1)).await), Some(10061));
    assert_eq!(
        bot.context().fetch_premium_sticker_packs().await.unwrap(),
        packs
    );

    let sounds = bot.fetch_default_sounds().await.expect("the sounds");
    assert!(sounds.len() >= 5, "a realistic default set");
    assert!(sounds.iter().all(|s| s.guild_id.is_none() && s.available));
    let quack = sounds.iter().find(|s| &*s.name == "quack").expect("quack");
    assert_eq!(quack.emoji_name.as_deref(), Some("🦆"));
    assert_eq!(bot.context().fetch_default_sounds().await.unwrap(), sounds);

    // GET /gateway needs no valid token; GET /gateway/bot does.
    let stranger = Http::new(sandbox.rest_url(), Token::new("not.a.token"));
    let gateway = stranger.gateway().await.expect("the gateway URL");
    assert_eq!(gateway.url, bot.http().gateway().await.unwrap().url);
    assert_eq!(
        stranger.gateway_bot().await.unwrap_err().status(),
        Some(401)
    );
}

#[tokio::test]
async fn a_poll_is_voted_on_ended_and_its_voters_listed() {
    let (sandbox, world, _) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS | Intents::GUILD_MESSAGE_POLLS);
    let (task, mut events) = common::started_with_events(&bot).await;
    let channel = Id::new(world.channel);
    let message = bot
        .http()
        .create_message(
            channel,
            &CreateMessage::new().poll(CreatePoll::new("Lunch?").answer("pizza").answer("soup")),
        )
        .await
        .expect("a poll");
    let id = message.id.get();
    assert!(sandbox.vote_poll(world.owner, world.channel, id, 1));
    assert!(
        common::next_named(&mut events, "MESSAGE_POLL_VOTE_ADD")
            .await
            .is_some()
    );
    assert!(sandbox.vote_poll(world.member, world.channel, id, 1));
    assert!(sandbox.unvote_poll(world.member, world.channel, id, 1));
    assert!(sandbox.vote_poll(world.member, world.channel, id, 2));
    assert!(
        common::next_named(&mut events, "MESSAGE_POLL_VOTE_REMOVE")
            .await
            .is_some()
    );

    let ended = bot
        .http()
        .end_poll(channel, message.id)
        .await
        .expect("ended");
    let results = ended
        .poll
        .as_ref()
        .and_then(|p| p.results.as_ref())
        .expect("results");
    assert!(results.is_finalized);
    assert!(
        !sandbox.vote_poll(world.member, world.channel, id, 1),
        "ended"
    );
    let pizza: Vec<_> = bot
        .http()
        .poll_answer_voters(channel, message.id, 1, None)
        .try_collect()
        .await
        .expect("the voters");
    assert_eq!(
        pizza.iter().map(|u| u.id.get()).collect::<Vec<_>>(),
        [world.owner]
    );
    let soup: Vec<_> = bot
        .http()
        .poll_answer_voters(channel, message.id, 2, None)
        .try_collect()
        .await
        .expect("the voters");
    assert_eq!(
        soup.iter().map(|u| u.id.get()).collect::<Vec<_>>(),
        [world.member]
    );
    assert_eq!(
        code(bot.http().end_poll(channel, message.id).await),
        Some(520001),
        "already ended"
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn the_bots_guilds_are_streamed_across_pages() {
    let (sandbox, world, _) = start().await;
    for n in 0..450 {
        sandbox.add_guild(&format!("guild {n}"), world.owner);
    }
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let (before_requests, _) = sandbox.request_counts();
    let all: Vec<_> = bot
        .fetch_guilds(None, None, None, true)
        .try_collect()
        .await
        .expect("the guilds");
    assert_eq!(all.len(), 451);
    assert_eq!(
        sandbox.request_counts().0 - before_requests,
        3,
        "200 + 200 + 51"
    );
    assert!(all.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
    assert_eq!(all[0].id.get(), world.guild);
    assert_eq!(all[0].approximate_member_count, Some(3));
    let first: Vec<_> = bot
        .context()
        .fetch_guilds(Some(250), None, None, false)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(first.len(), 250);
    assert_eq!(first[0].approximate_member_count, None);
    // Back from `before`, newest first, across pages.
    let back: Vec<_> = bot
        .fetch_guilds(None, Some(all[300].id), None, false)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(back.len(), 300);
    assert_eq!(back[0].id, all[299].id);
    assert_eq!(back[299].id, all[0].id);
    // Between `after` and `before`.
    let between: Vec<_> = bot
        .fetch_guilds(None, Some(all[150].id), Some(all[100].id), false)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        between.iter().map(|g| g.id).collect::<Vec<_>>(),
        all[101..150].iter().map(|g| g.id).collect::<Vec<_>>()
    );
    // A page past Discord's 200 is refused by Discord.
    let raw = bot
        .http()
        .request(
            bot_core::http::Method::GET,
            "/users/@me/guilds?limit=201",
            bot_core::http::Body::Empty,
        )
        .await;
    assert_eq!(raw.unwrap_err().code(), Some(50035));
}

#[tokio::test]
async fn the_bot_leaves_a_guild() {
    let (sandbox, world, _) = start().await;
    let other = sandbox.add_guild("Elsewhere", world.owner);
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let (task, mut events) = common::started_with_events(&bot).await;
    assert!(
        common::eventually(Duration::from_secs(2), || bot
            .get_guild(Id::new(other))
            .is_some())
        .await,
        "the guild is cached"
    );
    bot.http().leave_guild(Id::new(other)).await.expect("left");
    assert!(
        common::next_named(&mut events, "GUILD_DELETE")
            .await
            .is_some(),
        "GUILD_DELETE reaches the bot's session"
    );
    assert!(
        sandbox.member(other, sandbox.bot_user_id()).is_none(),
        "no longer a member"
    );
    let left: Vec<_> = bot
        .http()
        .current_user_guilds(GuildsFrom::First, None, false)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        left.iter().map(|g| g.id.get()).collect::<Vec<_>>(),
        [world.guild]
    );
    assert_eq!(
        code(bot.http().leave_guild(Id::new(other)).await),
        Some(10004)
    );
    common::stop(&bot, task).await;
}
