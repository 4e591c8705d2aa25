//! The walk of a guild's expressions and events (issue 28): every typed call for a guild's
//! emojis, the application's emojis, stickers, soundboard sounds, and scheduled events with their users, counts and
//! exceptions, once through the proxy — so that the SDK's requests and the sandbox's answers
//! are validated — with an error path each where the path can be wrong.

use bot_core::http::{Http, HttpError};
use bot_core::model::{
    CreateEmoji, CreateScheduledEvent, CreateSoundboardSound, CreateSticker, EditEmoji,
    EditScheduledEvent, EditSoundboardSound, EditSticker, Id, Permissions, RecurrenceFrequency,
    RecurrenceRule, ScheduledEventExceptionEdit, ScheduledEventStatus, Timestamp, Weekday,
};
use bot_sandbox::{DefaultGuild, SandboxHandle};
use futures_util::TryStreamExt;

/// A PNG's first bytes.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";

fn status(error: HttpError) -> Option<u16> {
    match error {
        HttpError::Api { status, .. } => Some(status),
        _ => None,
    }
}

/// A week from now, on a whole hour, and `hours` later.
fn next_week(hours: i64) -> Timestamp {
    let now = Timestamp::now().unix_seconds();
    Timestamp::from_unix_seconds(now - now % 3600 + 7 * 86_400 + hours * 3600)
}

/// Calls every emoji and scheduled-event route through `http` (the SDK, through the proxy).
pub async fn expressions(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let permissions = Permissions::VIEW_CHANNEL
        | Permissions::CONNECT
        | Permissions::from_bits_retain((1 << 30) | (1 << 43) | (1 << 33) | (1 << 44));
    let role = sandbox
        .add_role(world.guild, "expressions-walker", permissions.bits())
        .expect("the guild");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]));
    let guild = Id::new(world.guild);

    // A guild's emojis.
    let emoji = http
        .create_guild_emoji(
            guild,
            &CreateEmoji::new("walker", PNG.to_vec()),
            Some("walk"),
        )
        .await
        .expect("an emoji");
    http.guild_emojis(guild).await.expect("the emojis");
    http.guild_emoji(guild, emoji.id).await.expect("the emoji");
    http.edit_guild_emoji(
        guild,
        emoji.id,
        &EditEmoji::new()
            .name("walked")
            .roles(vec![Id::new(world.role)]),
        None,
    )
    .await
    .expect("edited");
    http.delete_guild_emoji(guild, emoji.id, None)
        .await
        .expect("deleted");
    assert_eq!(
        status(http.guild_emoji(guild, emoji.id).await.unwrap_err()),
        Some(404)
    );

    // The application's emojis.
    let application = Id::new(sandbox.application_id());
    let own = http
        .create_application_emoji(application, &CreateEmoji::new("app_walker", PNG.to_vec()))
        .await
        .expect("an application emoji");
    http.application_emoji(application, own.id)
        .await
        .expect("fetched");
    http.edit_application_emoji(application, own.id, "app_walked")
        .await
        .expect("renamed");
    http.delete_application_emoji(application, own.id)
        .await
        .expect("deleted");
    assert_eq!(
        status(
            http.application_emoji(application, own.id)
                .await
                .unwrap_err()
        ),
        Some(404)
    );

    // Stickers (a multipart upload) and soundboard sounds.
    let sticker = http
        .create_guild_sticker(
            guild,
            &CreateSticker::new("Walker", "walking", "walker.png", PNG.to_vec())
                .description("A walker"),
            Some("walk"),
        )
        .await
        .expect("a sticker");
    http.guild_stickers(guild).await.expect("the stickers");
    http.guild_sticker(guild, sticker.id)
        .await
        .expect("the sticker");
    http.sticker(sticker.id).await.expect("the sticker by id");
    http.edit_guild_sticker(guild, sticker.id, &EditSticker::new().name("Walked"), None)
        .await
        .expect("edited");
    http.delete_guild_sticker(guild, sticker.id, None)
        .await
        .expect("deleted");
    assert_eq!(
        status(http.guild_sticker(guild, sticker.id).await.unwrap_err()),
        Some(404)
    );
    let sound = http
        .create_guild_soundboard_sound(
            guild,
            &CreateSoundboardSound::new("Step", b"OggS\0\x02walk".to_vec())
                .volume(0.5)
                .emoji_name("👣"),
            Some("walk"),
        )
        .await
        .expect("a sound");
    http.guild_soundboard_sounds(guild)
        .await
        .expect("the sounds");
    http.guild_soundboard_sound(guild, sound.sound_id)
        .await
        .expect("the sound");
    http.edit_guild_soundboard_sound(
        guild,
        sound.sound_id,
        &EditSoundboardSound::new().volume(0.25),
        None,
    )
    .await
    .expect("edited");
    http.delete_guild_soundboard_sound(guild, sound.sound_id, None)
        .await
        .expect("deleted");
    assert_eq!(
        status(
            http.guild_soundboard_sound(guild, sound.sound_id)
                .await
                .unwrap_err()
        ),
        Some(404)
    );

    // Scheduled events.
    let voice = sandbox
        .create_channel(world.guild, "walk-voice", 2)
        .expect("a voice channel");
    let rule = RecurrenceRule::new(next_week(0), RecurrenceFrequency::Weekly, 1)
        .weekdays(vec![Weekday::Monday]);
    let event = http
        .create_guild_scheduled_event(
            guild,
            &CreateScheduledEvent::voice("Walk", Id::new(voice), next_week(0))
                .description("A walk")
                .image(PNG.to_vec())
                .recurrence(rule),
            Some("walk"),
        )
        .await
        .expect("an event");
    let external = http
        .create_guild_scheduled_event(
            guild,
            &CreateScheduledEvent::external("Picnic", "The park", next_week(1), next_week(3)),
            None,
        )
        .await
        .expect("an external event");
    assert!(sandbox.subscribe_to_event(world.member, event.id.get(), None));
    http.guild_scheduled_events(guild, true)
        .await
        .expect("the events");
    http.guild_scheduled_event(guild, event.id, true)
        .await
        .expect("the event");
    let users: Vec<_> = http
        .guild_scheduled_event_users(guild, event.id, true, None)
        .try_collect()
        .await
        .expect("the users");
    assert_eq!(users.len(), 1);
    let exception = http
        .create_guild_scheduled_event_exception(
            guild,
            event.id,
            next_week(7 * 24),
            &ScheduledEventExceptionEdit::moved(next_week(7 * 24 + 1), None),
        )
        .await
        .expect("an exception");
    http.edit_guild_scheduled_event_exception(
        guild,
        event.id,
        exception.event_exception_id,
        &ScheduledEventExceptionEdit::canceled(true),
    )
    .await
    .expect("edited");
    let occurrence: Vec<_> = http
        .guild_scheduled_event_exception_users(guild, event.id, exception.event_exception_id, None)
        .try_collect()
        .await
        .expect("the occurrence's users");
    assert_eq!(occurrence.len(), 1);
    http.guild_scheduled_event_user_counts(guild, event.id, &[exception.event_exception_id])
        .await
        .expect("the counts");
    http.delete_guild_scheduled_event_exception(guild, event.id, exception.event_exception_id)
        .await
        .expect("deleted");
    http.edit_guild_scheduled_event(
        guild,
        external.id,
        &EditScheduledEvent::new()
            .name("Picnic, moved")
            .status(ScheduledEventStatus::Active),
        Some("walk"),
    )
    .await
    .expect("started");
    http.delete_guild_scheduled_event(guild, external.id)
        .await
        .expect("deleted");
    assert_eq!(
        status(
            http.guild_scheduled_event(guild, external.id, false)
                .await
                .unwrap_err()
        ),
        Some(404)
    );
}
