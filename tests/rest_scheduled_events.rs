//! Discord's REST surface, guild scheduled events (issue 28): created (external and in a voice
//! channel), listed with user counts, fetched, started and completed, deleted — with
//! GUILD_SCHEDULED_EVENT_* reaching the bot and audit-log entries — scripted users subscribing
//! (USER_ADD / USER_REMOVE) and listed as a stream across pages, their counts, and the
//! exceptions of a recurring event; each on its success path and an error path.

mod common;

use bot_core::http::{AuditLogFilter, Http, HttpError, Token};
use bot_core::model::{
    AuditLogEvent, CreateScheduledEvent, EditScheduledEvent, Id, Intents, RecurrenceFrequency,
    RecurrenceRule, ScheduledEventEntityType, ScheduledEventExceptionEdit, ScheduledEventStatus,
    Timestamp, Weekday,
};
use bot_core::prelude::*;
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle};
use futures_util::TryStreamExt;

/// VIEW_CHANNEL, CONNECT, CREATE_EVENTS, VIEW_AUDIT_LOG.
const CREATOR: u64 = (1 << 10) | (1 << 20) | (1 << 44) | (1 << 7);
/// MANAGE_EVENTS.
const MANAGE_EVENTS: u64 = 1 << 33;

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

/// `days` days and `hours` hours from now, on a whole hour.
fn later(days: i64, hours: i64) -> Timestamp {
    let now = Timestamp::now().unix_seconds();
    Timestamp::from_unix_seconds(now - now % 3600 + days * 86_400 + hours * 3600)
}

fn code<T: std::fmt::Debug>(result: Result<T, HttpError>) -> Option<u64> {
    result.expect_err("Discord refuses it").code()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_lives_from_creation_to_completion_with_its_gateway_events() {
    let (sandbox, world, _) = start(CREATOR).await;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .registry(CommandRegistry::default())
        .intents(Intents::GUILDS | Intents::GUILD_SCHEDULED_EVENTS)
        .build()
        .expect("a bot");
    let (task, mut events) = common::started_with_events(&bot).await;
    let guild = Id::new(world.guild);
    let ctx = bot.context();

    let picnic = guild
        .create_scheduled_event(
            ctx,
            CreateScheduledEvent::external("Picnic", "The park", later(1, 0), later(1, 3))
                .description("Bring snacks"),
            Some("summer"),
        )
        .await
        .expect("an event");
    assert_eq!(picnic.entity_type, ScheduledEventEntityType::External);
    assert_eq!(picnic.status, ScheduledEventStatus::Scheduled);
    assert_eq!(picnic.scheduled_start_time, later(1, 0));
    assert_eq!(
        picnic
            .entity_metadata
            .as_ref()
            .and_then(|m| m.location.as_deref()),
        Some("The park")
    );
    assert_eq!(
        picnic.creator_id.map(|id| id.get()),
        Some(sandbox.bot_user_id())
    );
    let Some(Event::GuildScheduledEventCreate(created)) =
        common::next_named(&mut events, "GUILD_SCHEDULED_EVENT_CREATE").await
    else {
        panic!("GUILD_SCHEDULED_EVENT_CREATE reached the bot");
    };
    assert_eq!(created.0, picnic);

    // Two members subscribe; the bot sees them come and go, and counts them.
    assert!(sandbox.subscribe_to_event(world.member, picnic.id.get(), None));
    assert!(sandbox.subscribe_to_event(world.owner, picnic.id.get(), None));
    let Some(Event::GuildScheduledEventUserAdd(added)) =
        common::next_named(&mut events, "GUILD_SCHEDULED_EVENT_USER_ADD").await
    else {
        panic!("USER_ADD reached the bot");
    };
    assert_eq!(added.0.user_id.get(), world.member);
    assert!(
        !sandbox.subscribe_to_event(world.member, 1, None),
        "an unknown event"
    );
    let listed = guild
        .fetch_scheduled_events(ctx, true)
        .await
        .expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].user_count, Some(2));
    let fetched = guild
        .fetch_scheduled_event(ctx, picnic.id, false)
        .await
        .expect("fetched");
    assert_eq!(fetched.user_count, None);
    let subscribers: Vec<_> = guild
        .scheduled_event_subscribers(ctx, picnic.id, true, None)
        .try_collect()
        .await
        .expect("the subscribers");
    let mut ids: Vec<u64> = subscribers
        .iter()
        .map(|s| s.user.as_ref().expect("the user").id.get())
        .collect();
    ids.sort_unstable();
    let mut expected = vec![world.member, world.owner];
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert!(subscribers.iter().all(|s| s.member.is_some()));
    assert!(sandbox.unsubscribe_from_event(world.owner, picnic.id.get(), None));
    assert!(
        common::next_named(&mut events, "GUILD_SCHEDULED_EVENT_USER_REMOVE")
            .await
            .is_some()
    );
    let counts = bot
        .http()
        .guild_scheduled_event_user_counts(guild, picnic.id, &[])
        .await
        .expect("the counts");
    assert_eq!(counts.guild_scheduled_event_count, 1);

    // Started, then completed; an ended event stays ended.
    let active = guild
        .edit_scheduled_event(
            ctx,
            picnic.id,
            EditScheduledEvent::new().status(ScheduledEventStatus::Active),
            None,
        )
        .await
        .expect("started");
    assert_eq!(active.status, ScheduledEventStatus::Active);
    assert!(
        common::next_named(&mut events, "GUILD_SCHEDULED_EVENT_UPDATE")
            .await
            .is_some()
    );
    assert_eq!(
        code(
            guild
                .edit_scheduled_event(
                    ctx,
                    picnic.id,
                    EditScheduledEvent::new().status(ScheduledEventStatus::Canceled),
                    None
                )
                .await
        ),
        Some(50035),
        "an active event is completed, not canceled"
    );
    guild
        .edit_scheduled_event(
            ctx,
            picnic.id,
            EditScheduledEvent::new().status(ScheduledEventStatus::Completed),
            Some("done"),
        )
        .await
        .expect("completed");
    assert_eq!(
        code(
            guild
                .edit_scheduled_event(
                    ctx,
                    picnic.id,
                    EditScheduledEvent::new().name("again"),
                    None
                )
                .await
        ),
        Some(180000)
    );
    guild
        .delete_scheduled_event(ctx, picnic.id)
        .await
        .expect("deleted");
    assert!(
        common::next_named(&mut events, "GUILD_SCHEDULED_EVENT_DELETE")
            .await
            .is_some()
    );
    assert_eq!(
        code(guild.fetch_scheduled_event(ctx, picnic.id, false).await),
        Some(10070)
    );

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
            AuditLogEvent::GuildScheduledEventDelete,
            AuditLogEvent::GuildScheduledEventUpdate,
            AuditLogEvent::GuildScheduledEventUpdate,
            AuditLogEvent::GuildScheduledEventCreate,
        ]
    );
    assert_eq!(entries[1].reason.as_deref(), Some("done"));
    assert_eq!(entries[3].reason.as_deref(), Some("summer"));
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn events_are_checked_before_sending_and_by_discords_rules() {
    let (sandbox, world, _) = start(CREATOR).await;
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let guild = Id::new(world.guild);
    let (served, _) = sandbox.request_counts();
    let voice = Id::new(world.channel);
    for event in [
        CreateScheduledEvent::external("", "Here", later(1, 0), later(1, 1)),
        CreateScheduledEvent::external("Backwards", "Here", later(1, 1), later(1, 0)),
        CreateScheduledEvent::external("Nowhere", "", later(1, 0), later(1, 1)),
        CreateScheduledEvent::voice("Long", voice, later(1, 0)).description("x".repeat(1001)),
        CreateScheduledEvent::voice("Cover", voice, later(1, 0)).image(b"not an image".to_vec()),
    ] {
        assert!(
            matches!(
                http.create_guild_scheduled_event(guild, &event, None).await,
                Err(HttpError::Refused(_))
            ),
            "{event:?} is refused"
        );
    }
    assert!(matches!(
        http.guild_scheduled_event_user_counts(guild, Id::new(1), &[Id::new(2); 11])
            .await,
        Err(HttpError::Refused(_))
    ));
    assert_eq!(sandbox.request_counts().0, served, "nothing was sent");

    // A voice event needs a voice channel; a start in the past is refused.
    assert_eq!(
        code(
            http.create_guild_scheduled_event(
                guild,
                &CreateScheduledEvent::voice("Text", voice, later(1, 0)),
                None
            )
            .await
        ),
        Some(50035)
    );
    assert_eq!(
        code(
            http.create_guild_scheduled_event(
                guild,
                &CreateScheduledEvent::external("Past", "Here", later(-1, 0), later(-1, 1)),
                None
            )
            .await
        ),
        Some(50035)
    );
    let channel = sandbox
        .create_channel(world.guild, "voice", 2)
        .expect("a voice channel");
    let meeting = http
        .create_guild_scheduled_event(
            guild,
            &CreateScheduledEvent::voice("Meeting", Id::new(channel), later(2, 0)),
            None,
        )
        .await
        .expect("a voice event");
    assert_eq!(meeting.channel_id.map(|c| c.get()), Some(channel));
    // With CREATE_EVENTS the bot changes its own event; without any events permission,
    // nothing.
    http.edit_guild_scheduled_event(
        guild,
        meeting.id,
        &EditScheduledEvent::new().external("The park", later(2, 2)),
        None,
    )
    .await
    .expect("moved outside");
    assert!(sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[]));
    assert_eq!(
        code(http.delete_guild_scheduled_event(guild, meeting.id).await),
        Some(50013)
    );
    assert_eq!(
        code(
            http.create_guild_scheduled_event(
                guild,
                &CreateScheduledEvent::external("No", "Here", later(1, 0), later(1, 1)),
                None
            )
            .await
        ),
        Some(50013)
    );
    assert_eq!(
        code(http.guild_scheduled_events(Id::new(1), false).await),
        Some(10004)
    );
}

#[tokio::test]
async fn subscribers_stream_across_pages_and_a_recurring_events_occurrences_are_excepted() {
    let (sandbox, world, _) = start(CREATOR | MANAGE_EVENTS).await;
    let http = Http::new(sandbox.rest_url(), Token::new(sandbox.token()));
    let guild = Id::new(world.guild);
    let weekly = RecurrenceRule::new(later(7, 0), RecurrenceFrequency::Weekly, 1)
        .weekdays(vec![Weekday::Monday]);
    let event = http
        .create_guild_scheduled_event(
            guild,
            &CreateScheduledEvent::external("Club", "Library", later(7, 0), later(7, 2))
                .recurrence(weekly),
            None,
        )
        .await
        .expect("a recurring event");
    assert_eq!(
        event.recurrence_rule.as_ref().map(|r| r.frequency),
        Some(RecurrenceFrequency::Weekly)
    );
    let mut users = Vec::new();
    for n in 0..150 {
        let user = sandbox.add_user(&format!("fan{n}"));
        assert!(sandbox.add_member(world.guild, user, &[]));
        assert!(sandbox.subscribe_to_event(user, event.id.get(), None));
        users.push(user);
    }
    let streamed: Vec<u64> = http
        .guild_scheduled_event_users(guild, event.id, false, None)
        .map_ok(|u| u.user_id.expect("the user's id").get())
        .try_collect()
        .await
        .expect("every subscriber");
    assert_eq!(streamed, users, "150 users over two pages, by id");
    let first: Vec<_> = http
        .guild_scheduled_event_users(guild, event.id, false, Some(10))
        .try_collect()
        .await
        .expect("ten");
    assert_eq!(first.len(), 10);

    // The second occurrence is moved, the third canceled.
    let second = http
        .create_guild_scheduled_event_exception(
            guild,
            event.id,
            later(14, 0),
            &ScheduledEventExceptionEdit::moved(later(14, 1), Some(later(14, 3))),
        )
        .await
        .expect("moved");
    assert_eq!(second.scheduled_start_time, Some(later(14, 1)));
    let third = http
        .create_guild_scheduled_event_exception(
            guild,
            event.id,
            later(21, 0),
            &ScheduledEventExceptionEdit::canceled(true),
        )
        .await
        .expect("canceled");
    assert!(third.is_canceled);
    assert_eq!(
        code(
            http.create_guild_scheduled_event_exception(
                guild,
                event.id,
                later(21, 0),
                &ScheduledEventExceptionEdit::canceled(true)
            )
            .await
        ),
        Some(50035),
        "one exception an occurrence"
    );
    let extra = sandbox.add_user("just_once");
    assert!(sandbox.add_member(world.guild, extra, &[]));
    assert!(sandbox.subscribe_to_event(
        extra,
        event.id.get(),
        Some(second.event_exception_id.get())
    ));
    let counts = http
        .guild_scheduled_event_user_counts(
            guild,
            event.id,
            &[second.event_exception_id, third.event_exception_id],
        )
        .await
        .expect("the counts");
    assert_eq!(counts.guild_scheduled_event_count, 150);
    assert_eq!(
        counts.guild_scheduled_event_exception_counts[&second.event_exception_id],
        151
    );
    assert_eq!(
        counts.guild_scheduled_event_exception_counts[&third.event_exception_id],
        0
    );
    let occurrence: Vec<_> = http
        .guild_scheduled_event_exception_users(guild, event.id, second.event_exception_id, None)
        .try_collect()
        .await
        .expect("the occurrence's users");
    assert_eq!(occurrence.len(), 151);
    let restored = http
        .edit_guild_scheduled_event_exception(
            guild,
            event.id,
            third.event_exception_id,
            &ScheduledEventExceptionEdit::canceled(false),
        )
        .await
        .expect("restored");
    assert!(!restored.is_canceled);
    http.delete_guild_scheduled_event_exception(guild, event.id, second.event_exception_id)
        .await
        .expect("deleted");
    assert_eq!(
        code(
            http.delete_guild_scheduled_event_exception(guild, event.id, second.event_exception_id)
                .await
        ),
        Some(10070)
    );
    let fetched = http
        .guild_scheduled_event(guild, event.id, false)
        .await
        .expect("the event");
    assert_eq!(fetched.guild_scheduled_event_exceptions.len(), 1);

    // A one-off event takes no exceptions.
    let once = http
        .create_guild_scheduled_event(
            guild,
            &CreateScheduledEvent::external("Once", "Here", later(3, 0), later(3, 1)),
            None,
        )
        .await
        .expect("an event");
    assert_eq!(
        code(
            http.create_guild_scheduled_event_exception(
                guild,
                once.id,
                later(3, 0),
                &ScheduledEventExceptionEdit::canceled(true)
            )
            .await
        ),
        Some(50035)
    );
}
