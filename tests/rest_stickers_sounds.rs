//! Discord's REST surface, a guild's stickers and soundboard sounds (issue 28): a sticker
//! uploaded as a multipart file, listed, fetched (by the guild and by id), changed and deleted
//! with GUILD_STICKERS_UPDATE; a sound created from an Ogg file, changed and deleted with
//! GUILD_SOUNDBOARD_SOUND_*; audit entries for each; each on its success path and error paths.

mod common;

use bot_core::http::{AuditLogFilter, Http, HttpError, Token};
use bot_core::model::{
    AuditLogEvent, CreateSoundboardSound, CreateSticker, EditSoundboardSound, EditSticker, Id,
    Intents, MAX_STICKER_BYTES, StickerFormatType, StickerType,
};
use bot_core::prelude::*;
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};
use futures_util::TryStreamExt;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
const GIF: &[u8] = b"GIF89a\x01\0\x01\0\0\0\0;";
const OGG: &[u8] = b"OggS\0\x02\0\0\0\0\0\0\0\0";
/// CREATE_GUILD_EXPRESSIONS, MANAGE_GUILD_EXPRESSIONS, VIEW_AUDIT_LOG.
const EXPRESSIONS: u64 = (1 << 43) | (1 << 30) | (1 << 7);

async fn start(permissions: u64) -> (SandboxHandle, DefaultGuild) {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let role = sandbox
        .add_role(world.guild, "bot", permissions)
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    (sandbox, world)
}

fn code<T: std::fmt::Debug>(result: Result<T, HttpError>) -> Option<u64> {
    result.expect_err("Discord refuses it").code()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stickers_and_sounds_are_made_changed_and_deleted_with_their_events() {
    let (sandbox, world) = start(EXPRESSIONS).await;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .intents(Intents::GUILDS | Intents::GUILD_EXPRESSIONS)
        .build()
        .expect("a bot");
    let (task, mut events) = common::started_with_events(&bot).await;
    let guild = Id::new(world.guild);
    let ctx = bot.context();

    let sticker = guild
        .create_sticker(
            ctx,
            CreateSticker::new("Wave", "wave", "wave.png", PNG.to_vec()).description("Hello!"),
            Some("new"),
        )
        .await
        .expect("a sticker");
    assert_eq!(
        (sticker.kind, sticker.format_type),
        (StickerType::Guild, Some(StickerFormatType::Png))
    );
    assert_eq!(sticker.guild_id, Some(guild));
    assert_eq!(&*sticker.tags, "wave");
    let Some(Event::GuildStickersUpdate(update)) =
        common::next_named(&mut events, "GUILD_STICKERS_UPDATE").await
    else {
        panic!("GUILD_STICKERS_UPDATE reached the bot");
    };
    assert_eq!(update.stickers, std::slice::from_ref(&sticker));
    let gif = guild
        .create_sticker(
            ctx,
            CreateSticker::new("Dance", "dance", "d.gif", GIF.to_vec()),
            None,
        )
        .await
        .expect("a GIF sticker");
    assert_eq!(gif.format_type, Some(StickerFormatType::Gif));
    assert_eq!(guild.fetch_stickers(ctx).await.expect("listed").len(), 2);
    assert_eq!(
        guild.fetch_sticker(ctx, sticker.id).await.expect("one"),
        sticker
    );
    assert_eq!(bot.fetch_sticker(sticker.id).await.expect("by id"), sticker);
    let edited = guild
        .edit_sticker(
            ctx,
            sticker.id,
            EditSticker::new().name("Waving").description(None),
            None,
        )
        .await
        .expect("edited");
    assert_eq!(
        (&*edited.name, edited.description.as_deref()),
        ("Waving", None)
    );
    guild
        .delete_sticker(ctx, gif.id, Some("old"))
        .await
        .expect("deleted");
    assert_eq!(code(guild.fetch_sticker(ctx, gif.id).await), Some(10060));

    let sound = guild
        .create_sound(
            ctx,
            CreateSoundboardSound::new("Yay", OGG.to_vec())
                .volume(0.5)
                .emoji_name("🎉"),
            None,
        )
        .await
        .expect("a sound");
    assert_eq!(
        (sound.volume, sound.emoji_name.as_deref()),
        (0.5, Some("🎉"))
    );
    let Some(Event::GuildSoundboardSoundCreate(created)) =
        common::next_named(&mut events, "GUILD_SOUNDBOARD_SOUND_CREATE").await
    else {
        panic!("GUILD_SOUNDBOARD_SOUND_CREATE reached the bot");
    };
    assert_eq!(created.0, sound);
    assert_eq!(
        guild.fetch_sounds(ctx).await.expect("listed"),
        std::slice::from_ref(&sound)
    );
    let quieter = guild
        .edit_sound(
            ctx,
            sound.sound_id,
            EditSoundboardSound::new().volume(0.1),
            None,
        )
        .await
        .expect("edited");
    assert_eq!(quieter.volume, 0.1);
    assert!(
        common::next_named(&mut events, "GUILD_SOUNDBOARD_SOUND_UPDATE")
            .await
            .is_some()
    );
    guild
        .delete_sound(ctx, sound.sound_id, None)
        .await
        .expect("deleted");
    assert!(
        common::next_named(&mut events, "GUILD_SOUNDBOARD_SOUND_DELETE")
            .await
            .is_some()
    );
    assert_eq!(
        code(guild.fetch_sound(ctx, sound.sound_id).await),
        Some(10097)
    );

    let entries: Vec<_> = bot
        .http()
        .audit_log_entries(guild, AuditLogFilter::new(), None)
        .try_collect()
        .await
        .expect("the audit log");
    let kinds: Vec<u16> = entries.iter().map(|e| e.action_type.value()).collect();
    assert_eq!(kinds, [132, 131, 130, 92, 91, 90, 90]);
    assert_eq!(entries[3].reason.as_deref(), Some("old"));
    assert_eq!(entries[6].action_type, AuditLogEvent::StickerCreate);
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn bad_stickers_and_sounds_are_refused() {
    let (sandbox, world) = start(1 << 43).await;
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let guild = Id::new(world.guild);
    let (served, _) = sandbox.request_counts();
    for sticker in [
        CreateSticker::new("W", "wave", "w.png", PNG.to_vec()),
        CreateSticker::new("Wave", "", "w.png", PNG.to_vec()),
        CreateSticker::new("Wave", "wave", "w.png", PNG.to_vec()).description("x"),
        CreateSticker::new("Text", "t", "t.txt", b"plain text".to_vec()),
        CreateSticker::new(
            "Big",
            "b",
            "b.png",
            [PNG, &vec![0; MAX_STICKER_BYTES]].concat(),
        ),
    ] {
        assert!(
            matches!(
                http.create_guild_sticker(guild, &sticker, None).await,
                Err(HttpError::Refused(_))
            ),
            "{sticker:?} is refused"
        );
    }
    for sound in [
        CreateSoundboardSound::new("Y", OGG.to_vec()),
        CreateSoundboardSound::new("Loud", OGG.to_vec()).volume(1.5),
        CreateSoundboardSound::new("Wav", b"RIFF....WAVE".to_vec()),
    ] {
        assert!(
            matches!(
                http.create_guild_soundboard_sound(guild, &sound, None)
                    .await,
                Err(HttpError::Refused(_))
            ),
            "{sound:?} is refused"
        );
    }
    assert_eq!(sandbox.request_counts().0, served, "nothing was sent");

    // Discord's rules: Lottie needs a verified guild; five stickers; the expression
    // permissions.
    assert_eq!(
        code(
            http.create_guild_sticker(
                guild,
                &CreateSticker::new("Lottie", "l", "l.json", b"{\"v\":\"5.5.2\"}".to_vec()),
                None
            )
            .await
        ),
        Some(50035)
    );
    for n in 0..5 {
        http.create_guild_sticker(
            guild,
            &CreateSticker::new(format!("S{n}"), "s", "s.png", PNG.to_vec()),
            None,
        )
        .await
        .expect("a sticker");
    }
    assert_eq!(
        code(
            http.create_guild_sticker(
                guild,
                &CreateSticker::new("Sixth", "s", "s.png", PNG.to_vec()),
                None
            )
            .await
        ),
        Some(30039)
    );
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[]));
    assert_eq!(
        code(
            http.create_guild_soundboard_sound(
                guild,
                &CreateSoundboardSound::new("Nope", OGG.to_vec()),
                None
            )
            .await
        ),
        Some(50013)
    );
    let stickers = http.guild_stickers(guild).await.expect("listed");
    assert!(
        stickers[0].user.is_none(),
        "no uploader without the permissions"
    );
    assert_eq!(
        code(http.delete_guild_sticker(guild, stickers[0].id, None).await),
        Some(50013)
    );
    assert_eq!(
        code(http.guild_soundboard_sounds(Id::new(1)).await),
        Some(10004)
    );
}
