//! The events the cache derives, through the dispatcher against the sandbox: Pycord's
//! `on_message_edit(before, after)`, `on_message_delete(message)` and `on_reaction_add` fire
//! after their dispatch and only for what was cached (the dispatch itself always), and a
//! listener of every event gets the dispatches only.

mod common;

use bot_core::event::{
    Event, MessageDelete, MessageDeleted, MessageEdited, MessageUpdate, ReactionAdded,
};
use bot_core::model::{CreateMessage, Id};
use bot_core::{Context, Intents, listen};
use common::{eventually, message_bot_builder, started, stop};
use std::sync::Mutex;
use std::time::Duration;

/// Each edit `on_message_edit` got: the content before and after.
static EDITS: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
/// The content of each message `on_message_delete` got.
static DELETED: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// The derived events a listener of every event got (none, by design).
static DERIVED_TO_EVERY: Mutex<Vec<String>> = Mutex::new(Vec::new());

#[listen]
async fn on_message_edit(_ctx: &Context, edit: &MessageEdited) {
    EDITS
        .lock()
        .unwrap()
        .push((edit.before.content.clone(), edit.after.content.clone()));
}

#[listen]
async fn on_message_delete(_ctx: &Context, deleted: &MessageDeleted) {
    DELETED
        .lock()
        .unwrap()
        .push(deleted.message.content.clone());
}

#[listen]
async fn every_event(_ctx: &Context, event: &Event) {
    if event.kind().is_some_and(|kind| kind.is_derived()) {
        DERIVED_TO_EVERY
            .lock()
            .unwrap()
            .push(event.name().to_owned());
    }
}

#[tokio::test]
async fn derived_events_follow_their_dispatch_for_cached_objects_only() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    // GUILD_PRESENCES: GUILD_CREATE then lists every member of the small default guild (the
    // reacting member is cached); without it, only the bot and the members in voice.
    let bot = message_bot_builder(&sandbox)
        .intents(Intents::default() | Intents::MESSAGE_CONTENT | Intents::GUILD_PRESENCES)
        .build()
        .unwrap();
    let task = started(&bot).await;
    let channel = Id::new(world.channel);
    let http = bot.http();

    // The bot's own message reaches it (MESSAGE_CREATE) and is cached; its edit derives the
    // before and after.
    let sent = http
        .create_message(channel, &CreateMessage::new().content("before"))
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(5), || bot
            .get_message(sent.id)
            .is_some())
        .await
    );
    let raw_edit = bot.wait_for::<MessageUpdate>(|_| true, Duration::from_secs(5));
    http.edit_message(channel, sent.id, &CreateMessage::new().content("after"))
        .await
        .unwrap();
    raw_edit.await.expect("the dispatch always");
    assert!(eventually(Duration::from_secs(5), || !EDITS.lock().unwrap().is_empty()).await);
    assert_eq!(
        *EDITS.lock().unwrap(),
        [("before".to_owned(), "after".to_owned())]
    );

    // A reaction on the cached message: the count and the cached member who reacted.
    let reaction = bot.wait_for::<ReactionAdded>(|_| true, Duration::from_secs(5));
    assert!(sandbox.react(world.member, world.channel, sent.id.get(), "🔥"));
    let reaction = reaction.await.expect("a cached message's reaction");
    assert_eq!(reaction.reaction.count, 1);
    assert_eq!(reaction.user_id.get(), world.member);
    assert!(reaction.member.is_some(), "the member is cached");
    assert_eq!(bot.get_message(sent.id).unwrap().reactions().len(), 1);

    // A message the bot never saw (seeded, no event): its deletion is the raw dispatch only.
    let bot_user = sandbox.bot_user_id();
    let unseen = Id::new(sandbox.seed_messages(world.channel, bot_user, 1, "unseen")[0]);
    let raw_delete = bot.wait_for::<MessageDelete>(move |d| d.id == unseen, Duration::from_secs(5));
    http.delete_message(channel, unseen, None).await.unwrap();
    raw_delete.await.expect("the dispatch always");
    let raw_delete = bot.wait_for::<MessageDelete>(|_| true, Duration::from_secs(5));
    http.delete_message(channel, sent.id, None).await.unwrap();
    raw_delete.await.unwrap();
    assert!(
        eventually(Duration::from_secs(5), || !DELETED
            .lock()
            .unwrap()
            .is_empty())
        .await
    );
    assert_eq!(*DELETED.lock().unwrap(), ["after"], "the cached one only");
    assert!(bot.get_message(sent.id).is_none());

    stop(&bot, task).await;
    assert!(
        DERIVED_TO_EVERY.lock().unwrap().is_empty(),
        "a listener of every event gets dispatches only: {:?}",
        DERIVED_TO_EVERY.lock().unwrap()
    );
}

#[tokio::test]
async fn member_role_channel_and_voice_changes_carry_the_cached_state() {
    use bot_core::event::{
        ChannelDeleted, MemberRemoved, MemberUpdated, RoleDeleted, RoleUpdated, UserUpdated,
        VoiceStateUpdated,
    };
    use bot_core::prelude::Intents;
    use bot_sandbox::{MemberUpdate, ProfileUpdate, RoleUpdate};

    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let guild = world.guild;
    let role = sandbox
        .create_role(guild, RoleUpdate::default().name("crew"))
        .unwrap();
    let voice = sandbox.create_channel(guild, "lounge", 2).unwrap();
    let bot = message_bot_builder(&sandbox)
        .intents(
            Intents::default()
                | Intents::GUILD_MEMBERS
                | Intents::GUILD_VOICE_STATES
                | Intents::MESSAGE_CONTENT,
        )
        .build()
        .unwrap();
    let task = started(&bot).await;
    bot.wait_until_ready().await.unwrap();
    let within = Duration::from_secs(5);
    let member = world.member;
    assert!(bot.get_member(guild.into(), member.into()).is_some());

    let updated = bot.wait_for::<MemberUpdated>(|_| true, within);
    assert!(sandbox.update_member(guild, member, MemberUpdate::default().nick(Some("Bo"))));
    let updated = updated.await.expect("a cached member's update");
    assert_eq!(updated.before.nick(), None);
    assert_eq!(updated.after.nick(), Some("Bo"));
    assert_eq!(
        bot.get_member(guild.into(), member.into()).unwrap().nick(),
        Some("Bo")
    );

    let renamed = bot.wait_for::<UserUpdated>(|_| true, within);
    assert!(sandbox.update_profile(member, ProfileUpdate::default().username("bobby")));
    let renamed = renamed.await.expect("a cached user's update");
    assert_eq!(renamed.after.name(), "bobby");
    assert_ne!(renamed.before.name(), "bobby");

    let role_updated = bot.wait_for::<RoleUpdated>(|_| true, within);
    assert!(sandbox.update_role(guild, role, RoleUpdate::default().name("staff")));
    let role_updated = role_updated.await.unwrap();
    assert_eq!(
        (&*role_updated.before.name, &*role_updated.after.name),
        ("crew", "staff")
    );
    let role_deleted = bot.wait_for::<RoleDeleted>(|_| true, within);
    assert!(sandbox.delete_role(guild, role));
    assert_eq!(&*role_deleted.await.unwrap().role.name, "staff");
    assert!(bot.cache().role(role.into()).is_none());

    let joined = bot.wait_for::<VoiceStateUpdated>(|_| true, within);
    assert!(sandbox.join_voice(guild, member, voice));
    let joined = joined.await.unwrap();
    assert!(joined.before.is_none());
    assert_eq!(
        joined
            .after
            .as_ref()
            .and_then(|s| s.channel_id)
            .map(|c| c.get()),
        Some(voice)
    );
    let left = bot.wait_for::<VoiceStateUpdated>(|_| true, within);
    assert!(sandbox.leave_voice(guild, member));
    let left = left.await.unwrap();
    assert!(left.before.is_some() && left.after.is_none());

    let channel_deleted = bot.wait_for::<ChannelDeleted>(|_| true, within);
    assert!(sandbox.delete_channel(voice));
    assert_eq!(
        channel_deleted.await.unwrap().channel.name.as_deref(),
        Some("lounge")
    );
    assert!(bot.get_channel(voice.into()).is_none());

    let removed = bot.wait_for::<MemberRemoved>(|_| true, within);
    assert!(sandbox.remove_member(guild, member));
    assert_eq!(removed.await.unwrap().member.nick(), Some("Bo"));
    assert!(bot.get_member(guild.into(), member.into()).is_none());
    stop(&bot, task).await;
}
