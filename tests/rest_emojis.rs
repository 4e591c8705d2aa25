//! Discord's REST surface, custom emojis (issue 28): a guild's emojis created from an image's
//! bytes, listed, fetched, renamed and deleted — with GUILD_EMOJIS_UPDATE reaching the bot and
//! an audit-log entry for each change — and the application's emojis through Pycord's
//! `Bot.fetch_emojis`, `fetch_emoji`, `create_emoji`, `delete_emoji`; each on its success path
//! and an error path (refused before sending, or by Discord).

mod common;

use bot_core::http::{AuditLogFilter, Http, HttpError, Token};
use bot_core::model::{AuditLogEvent, CreateEmoji, EditEmoji, Id, Intents, MAX_EMOJI_BYTES};
use bot_core::prelude::*;
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};
use futures_util::TryStreamExt;

/// A PNG's first bytes: the sandbox, as Discord, checks the type, not the picture.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
/// A GIF's first bytes (an animated emoji).
const GIF: &[u8] = b"GIF89a\x01\0\x01\0\0\0\0;";
/// CREATE_GUILD_EXPRESSIONS.
const CREATE_EXPRESSIONS: u64 = 1 << 43;
/// MANAGE_GUILD_EXPRESSIONS.
const MANAGE_EXPRESSIONS: u64 = 1 << 30;
/// VIEW_AUDIT_LOG.
const VIEW_AUDIT_LOG: u64 = 1 << 7;

async fn start(permissions: u64) -> (SandboxHandle, DefaultGuild, u64) {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", permissions)
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    (sandbox, world, role)
}

fn bot_of(sandbox: &SandboxHandle, intents: Intents) -> Bot {
    Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .intents(intents)
        .build()
        .expect("a bot")
}

fn code<T: std::fmt::Debug>(result: Result<T, HttpError>) -> Option<u64> {
    result.expect_err("Discord refuses it").code()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guilds_emojis_are_created_listed_edited_and_deleted_with_their_events() {
    let (sandbox, world, _) = start(CREATE_EXPRESSIONS | MANAGE_EXPRESSIONS | VIEW_AUDIT_LOG).await;
    let bot = bot_of(&sandbox, Intents::GUILDS | Intents::GUILD_EXPRESSIONS);
    let (task, mut events) = common::started_with_events(&bot).await;
    let guild = Id::new(world.guild);
    let ctx = bot.context();

    let emoji = guild
        .create_custom_emoji(
            ctx,
            "wave",
            PNG.to_vec(),
            &[Id::new(world.role)],
            Some("fun"),
        )
        .await
        .expect("an emoji");
    assert_eq!(emoji.name.as_deref(), Some("wave"));
    assert_eq!(emoji.roles, [Id::new(world.role)]);
    assert!(!emoji.animated);
    assert_eq!(
        emoji.user.as_ref().map(|u| u.id.get()),
        Some(sandbox.bot_user_id()),
        "the uploader is shown to a bot with the expression permissions"
    );
    let Some(Event::GuildEmojisUpdate(update)) =
        common::next_named(&mut events, "GUILD_EMOJIS_UPDATE").await
    else {
        panic!("GUILD_EMOJIS_UPDATE reached the bot");
    };
    assert_eq!(update.guild_id, guild);
    assert_eq!(update.emojis, std::slice::from_ref(&emoji));
    let animated = bot
        .http()
        .create_guild_emoji(guild, &CreateEmoji::new("dance", GIF.to_vec()), None)
        .await
        .expect("an animated emoji");
    assert!(animated.animated);
    assert!(
        common::next_named(&mut events, "GUILD_EMOJIS_UPDATE")
            .await
            .is_some()
    );
    assert_eq!(animated.mention(), format!("<a:dance:{}>", animated.id));

    let listed = guild.fetch_emojis(ctx).await.expect("the emojis");
    assert_eq!(listed, [emoji.clone(), animated.clone()]);
    assert_eq!(guild.fetch_emoji(ctx, emoji.id).await.expect("one"), emoji);

    let renamed = guild
        .edit_emoji(
            ctx,
            emoji.id,
            EditEmoji::new().name("hello").roles(vec![]),
            None,
        )
        .await
        .expect("renamed");
    assert_eq!(renamed.name.as_deref(), Some("hello"));
    assert!(renamed.roles.is_empty());
    assert!(
        common::next_named(&mut events, "GUILD_EMOJIS_UPDATE")
            .await
            .is_some()
    );

    guild
        .delete_emoji(ctx, animated.id, Some("cleanup"))
        .await
        .expect("deleted");
    let Some(Event::GuildEmojisUpdate(update)) =
        common::next_named(&mut events, "GUILD_EMOJIS_UPDATE").await
    else {
        panic!("GUILD_EMOJIS_UPDATE after the delete");
    };
    assert_eq!(update.emojis.len(), 1);
    assert_eq!(code(guild.fetch_emoji(ctx, animated.id).await), Some(10014));
    assert_eq!(
        code(guild.delete_emoji(ctx, animated.id, None).await),
        Some(10014)
    );

    // The audit log has each change, with its reason.
    let entries: Vec<_> = bot
        .http()
        .audit_log_entries(guild, AuditLogFilter::new(), None)
        .try_collect()
        .await
        .expect("the audit log");
    let kinds: Vec<_> = entries.iter().map(|e| e.action_type).collect();
    assert_eq!(
        kinds,
        [
            AuditLogEvent::EmojiDelete,
            AuditLogEvent::EmojiUpdate,
            AuditLogEvent::EmojiCreate,
            AuditLogEvent::EmojiCreate
        ]
    );
    assert_eq!(entries[0].reason.as_deref(), Some("cleanup"));
    assert_eq!(entries[3].reason.as_deref(), Some("fun"));
    assert_eq!(
        entries[0].target_id.map(|id| id.get()),
        Some(animated.id.get())
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn bad_emojis_are_refused_before_sending_and_the_permissions_are_discords() {
    let (sandbox, world, role) = start(CREATE_EXPRESSIONS).await;
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let guild = Id::new(world.guild);
    let (served, _) = sandbox.request_counts();
    for emoji in [
        CreateEmoji::new("a", PNG.to_vec()),
        CreateEmoji::new("has space", PNG.to_vec()),
        CreateEmoji::new("text", b"just text".to_vec()),
        CreateEmoji::new("huge", [PNG, &vec![0; MAX_EMOJI_BYTES]].concat()),
        CreateEmoji::new("twice", PNG.to_vec())
            .role(Id::new(world.role))
            .role(Id::new(world.role)),
    ] {
        assert!(
            matches!(
                http.create_guild_emoji(guild, &emoji, None).await,
                Err(HttpError::Refused(_))
            ),
            "{emoji:?} is refused"
        );
    }
    assert!(matches!(
        http.edit_guild_emoji(guild, Id::new(1), &EditEmoji::new().name("x"), None)
            .await,
        Err(HttpError::Refused(_))
    ));
    assert_eq!(sandbox.request_counts().0, served, "nothing was sent");

    // CREATE_GUILD_EXPRESSIONS lets the bot change its own emojis.
    let own = http
        .create_guild_emoji(guild, &CreateEmoji::new("mine", PNG.to_vec()), None)
        .await
        .expect("created with CREATE_GUILD_EXPRESSIONS");
    http.edit_guild_emoji(guild, own.id, &EditEmoji::new().name("still_mine"), None)
        .await
        .expect("its own emoji");
    // Without the expression permissions: 50013, and no uploader shown.
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[]));
    assert_eq!(
        code(
            http.create_guild_emoji(guild, &CreateEmoji::new("nope", PNG.to_vec()), None)
                .await
        ),
        Some(50013)
    );
    assert_eq!(
        code(http.delete_guild_emoji(guild, own.id, None).await),
        Some(50013)
    );
    let listed = http.guild_emojis(guild).await.expect("listed");
    assert!(listed[0].user.is_none());
    // An unknown guild, and a role of another guild.
    assert_eq!(code(http.guild_emojis(Id::new(1)).await), Some(10004));
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    assert_eq!(
        code(
            http.create_guild_emoji(
                guild,
                &CreateEmoji::new("roles", PNG.to_vec()).role(Id::new(1)),
                None
            )
            .await
        ),
        Some(50035)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_applications_emojis_have_pycords_names_on_the_bot() {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let bot = bot_of(&sandbox, Intents::GUILDS);
    assert!(
        matches!(bot.fetch_emojis().await, Err(bot_core::Error::Config(_))),
        "before login the application's id is unknown"
    );
    let task = common::started(&bot).await;

    let emoji = bot
        .create_emoji("logo", PNG.to_vec())
        .await
        .expect("an application emoji");
    assert_eq!(emoji.name.as_deref(), Some("logo"));
    assert_eq!(
        bot.fetch_emojis().await.expect("listed"),
        std::slice::from_ref(&emoji)
    );
    assert_eq!(bot.fetch_emoji(emoji.id).await.expect("fetched"), emoji);
    let renamed = bot.edit_emoji(emoji.id, "brand").await.expect("renamed");
    assert_eq!(renamed.name.as_deref(), Some("brand"));
    assert!(
        matches!(
            bot.create_emoji("brand", PNG.to_vec()).await,
            Err(bot_core::Error::Http(HttpError::Api { code: 50035, .. }))
        ),
        "names are unique in an application"
    );
    assert!(matches!(
        bot.create_emoji("not_an_image", b"hello".to_vec()).await,
        Err(bot_core::Error::Http(HttpError::Refused(_)))
    ));
    let application = bot.application_id().expect("logged in");
    assert!(
        matches!(
            bot.http()
                .create_application_emoji(
                    application,
                    &CreateEmoji::new("roles", PNG.to_vec()).role(Id::new(1))
                )
                .await,
            Err(HttpError::Refused(_))
        ),
        "an application emoji has no roles"
    );

    bot.delete_emoji(emoji.id).await.expect("deleted");
    assert!(bot.fetch_emojis().await.expect("listed").is_empty());
    assert!(matches!(
        bot.fetch_emoji(emoji.id).await,
        Err(bot_core::Error::Http(HttpError::Api { code: 10014, .. }))
    ));
    assert_eq!(
        code(
            bot.http()
                .delete_application_emoji(application, emoji.id)
                .await
        ),
        Some(10014)
    );
    assert_eq!(
        code(bot.http().application_emoji(Id::new(1), emoji.id).await),
        Some(10002),
        "another application"
    );
    common::stop(&bot, task).await;
}
