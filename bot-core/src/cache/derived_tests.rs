//! The events the cache derives, each on py-cord's rule: with the previous state when it was
//! cached, nothing otherwise (pure: events in, derived events out).

use super::tests::{GUILD, NELLY, OTHER_GUILD, event, guild_create, member, message};
use super::*;
use crate::event::{Event, EventKind};
use serde_json::json;

/// The kinds of what `update` derived.
fn kinds(derived: &[Event]) -> Vec<EventKind> {
    derived.iter().filter_map(Event::kind).collect()
}

const CHANNEL: u64 = 290926798999357250;
const FIXTURE_GUILD: u64 = 290926798626357999;

fn reaction(name: &str, message: u64, user: u64, emoji: &str) -> Arc<Event> {
    event(
        name,
        json!({"user_id": user.to_string(), "channel_id": CHANNEL.to_string(),
               "message_id": message.to_string(), "guild_id": FIXTURE_GUILD.to_string(),
               "emoji": {"id": null, "name": emoji}, "burst": false, "type": 0}),
    )
}

#[test]
fn message_edits_and_deletes_carry_the_cached_message_and_only_then() {
    let cache = Cache::new(CacheConfig::default());
    let mut edit = crate::model::test_fixture("message_create.composed.json", "/d");
    edit["id"] = json!("9");
    edit["content"] = json!("after");
    assert!(
        cache
            .update(&event("MESSAGE_UPDATE", edit.clone()))
            .is_empty(),
        "not cached: the raw event only"
    );
    cache.update(&message(10, "before"));
    edit["id"] = json!("10");
    let derived = cache.update(&event("MESSAGE_UPDATE", edit));
    let [Event::MessageEdited(edited)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(
        (&*edited.before.content, &*edited.after.content),
        ("before", "after")
    );
    let delete = |id: u64| {
        event(
            "MESSAGE_DELETE",
            json!({"id": id.to_string(), "channel_id": CHANNEL.to_string()}),
        )
    };
    let derived = cache.update(&delete(10));
    let [Event::MessageDeleted(deleted)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(&*deleted.message.content, "after");
    assert!(cache.update(&delete(10)).is_empty(), "gone: raw only");

    cache.update(&message(11, "a"));
    cache.update(&message(12, "b"));
    let bulk = event(
        "MESSAGE_DELETE_BULK",
        json!({"ids": ["12", "11", "13"], "channel_id": CHANNEL.to_string()}),
    );
    let derived = cache.update(&bulk);
    let [Event::MessagesBulkDeleted(bulk)] = &derived[..] else {
        panic!("{derived:?}")
    };
    let ids: Vec<u64> = bulk.messages.iter().map(|m| m.id.get()).collect();
    assert_eq!(ids, [11, 12], "the cached ones, oldest first");
}

#[test]
fn reactions_on_a_cached_message_keep_its_counts() {
    let cache = Cache::new(CacheConfig::default());
    assert!(
        cache
            .update(&reaction("MESSAGE_REACTION_ADD", 20, 1, "🔥"))
            .is_empty()
    );
    cache.update(&message(20, "react to me"));
    let derived = cache.update(&reaction("MESSAGE_REACTION_ADD", 20, 1, "🔥"));
    let [Event::ReactionAdded(added)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(added.reaction.count, 2, "the fixture's one and this");
    assert_eq!(added.user_id.get(), 1);
    assert!(added.user.is_none(), "user 1 is not cached");
    cache.update(&reaction("MESSAGE_REACTION_ADD", 20, 2, "👍"));
    let cached = cache.message(20.into()).unwrap();
    assert_eq!(cached.reactions().len(), 2);
    assert_eq!(
        cached.reactions.len(),
        1,
        "the message as sent is unchanged"
    );

    let derived = cache.update(&reaction("MESSAGE_REACTION_REMOVE", 20, 2, "👍"));
    let [Event::ReactionRemoved(removed)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(removed.reaction.count, 0);
    assert_eq!(removed.message.reactions().len(), 1, "the last one left");
    assert!(
        cache
            .update(&reaction("MESSAGE_REACTION_REMOVE", 20, 2, "👍"))
            .is_empty(),
        "a reaction it did not have"
    );

    let emoji = event(
        "MESSAGE_REACTION_REMOVE_EMOJI",
        json!({"channel_id": CHANNEL.to_string(), "message_id": "20",
               "emoji": {"id": null, "name": "🔥"}}),
    );
    let derived = cache.update(&emoji);
    let [Event::ReactionEmojiCleared(cleared)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(cleared.reaction.count, 2);
    assert!(cleared.message.reactions().is_empty());

    cache.update(&reaction("MESSAGE_REACTION_ADD", 20, 3, "🎉"));
    let all = event(
        "MESSAGE_REACTION_REMOVE_ALL",
        json!({"channel_id": CHANNEL.to_string(), "message_id": "20"}),
    );
    let derived = cache.update(&all);
    let [Event::ReactionsCleared(cleared)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(cleared.reactions.len(), 1);
    assert!(cache.message(20.into()).unwrap().reactions().is_empty());
}

#[test]
fn member_updates_and_removals_carry_the_cached_member_and_users_change_once() {
    let cache = Cache::new(CacheConfig::default());
    let mut update = member(1000, "user0", &[]);
    update["guild_id"] = json!(GUILD.to_string());
    update["nick"] = json!("nick");
    assert!(
        cache
            .update(&event("GUILD_MEMBER_UPDATE", update.clone()))
            .is_empty(),
        "no guild cached"
    );
    cache.update(&guild_create(GUILD, 1));
    cache.update(&guild_create(OTHER_GUILD, 1));
    let derived = cache.update(&event("GUILD_MEMBER_UPDATE", update));
    let [Event::MemberUpdated(updated)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(
        (updated.before.nick(), updated.after.nick()),
        (None, Some("nick"))
    );
    assert_eq!(updated.before.role_ids().len(), 1);
    assert!(updated.after.role_ids().is_empty());

    // A new username reaches the bot once per shared guild; the user changes once.
    let mut renamed = member(1000, "renamed", &[77]);
    renamed["guild_id"] = json!(GUILD.to_string());
    let derived = cache.update(&event("GUILD_MEMBER_UPDATE", renamed.clone()));
    assert_eq!(
        kinds(&derived),
        [EventKind::UserUpdated, EventKind::MemberUpdated]
    );
    let Event::UserUpdated(user) = &derived[0] else {
        unreachable!()
    };
    assert_eq!(
        (user.before.name(), user.after.name()),
        ("user0", "renamed")
    );
    renamed["guild_id"] = json!(OTHER_GUILD.to_string());
    let derived = cache.update(&event("GUILD_MEMBER_UPDATE", renamed));
    assert_eq!(kinds(&derived), [EventKind::MemberUpdated]);

    let remove = |guild: u64| {
        event(
            "GUILD_MEMBER_REMOVE",
            json!({"guild_id": guild.to_string(),
                   "user": {"id": "1000", "username": "renamed", "discriminator": "0"}}),
        )
    };
    let derived = cache.update(&remove(GUILD));
    let [Event::MemberRemoved(removed)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert!(removed.member.has_role(77.into()));
    assert_eq!(removed.member.name(), "renamed");
    assert!(
        cache.update(&remove(GUILD)).is_empty(),
        "not cached any more"
    );
}

#[test]
fn guilds_are_joined_available_updated_unavailable_and_removed() {
    let cache = Cache::new(CacheConfig::default());
    assert_eq!(
        kinds(&cache.update(&guild_create(GUILD, 0))),
        [EventKind::GuildJoined]
    );
    let mut ready = crate::model::test_fixture("ready.composed.json", "/d");
    ready["application"]["id"] = json!("1");
    ready["guilds"] = json!([{"id": OTHER_GUILD.to_string(), "unavailable": true}]);
    cache.update(&event("READY", ready));
    assert_eq!(
        kinds(&cache.update(&guild_create(OTHER_GUILD, 0))),
        [EventKind::GuildAvailable],
        "listed by READY"
    );
    let mut renamed = crate::model::test_fixture("guild_create.composed.json", "/d");
    renamed["id"] = json!(GUILD.to_string());
    renamed["name"] = json!("renamed");
    let derived = cache.update(&event("GUILD_UPDATE", renamed));
    let [Event::GuildUpdated(updated)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(&*updated.after.name, "renamed");
    assert_ne!(updated.before.name, updated.after.name);

    let outage = event(
        "GUILD_DELETE",
        json!({"id": GUILD.to_string(), "unavailable": true}),
    );
    assert_eq!(kinds(&cache.update(&outage)), [EventKind::GuildUnavailable]);
    assert!(
        cache.update(&outage).is_empty(),
        "not cached while unavailable"
    );
    assert_eq!(
        kinds(&cache.update(&guild_create(GUILD, 0))),
        [EventKind::GuildAvailable],
        "back after the outage"
    );
    let left = event("GUILD_DELETE", json!({"id": GUILD.to_string()}));
    let derived = cache.update(&left);
    let [Event::GuildRemoved(removed)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(removed.guild.id.get(), GUILD);
    assert!(cache.update(&left).is_empty());
}

#[test]
fn channel_and_role_changes_carry_the_cached_object() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_create(GUILD, 0));
    let channel = cache.guild_channels(GUILD.into())[0].clone();
    let mut data = serde_json::to_value(&*channel).unwrap();
    data["name"] = json!("renamed");
    let derived = cache.update(&event("CHANNEL_UPDATE", data.clone()));
    let [Event::ChannelUpdated(updated)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(
        (
            updated.before.name.as_deref(),
            updated.after.name.as_deref()
        ),
        (Some("general"), Some("renamed"))
    );
    let derived = cache.update(&event("CHANNEL_DELETE", data.clone()));
    assert_eq!(kinds(&derived), [EventKind::ChannelDeleted]);
    assert!(cache.update(&event("CHANNEL_DELETE", data)).is_empty());

    let role = json!({"guild_id": GUILD.to_string(), "role": {"id": "77", "name": "admins",
        "permissions": "8", "position": 1, "color": 0, "hoist": false, "managed": false,
        "mentionable": false, "flags": 0}});
    let derived = cache.update(&event("GUILD_ROLE_UPDATE", role));
    let [Event::RoleUpdated(updated)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(
        (&*updated.before.name, &*updated.after.name),
        ("mods", "admins")
    );
    let delete = event(
        "GUILD_ROLE_DELETE",
        json!({"guild_id": GUILD.to_string(), "role_id": "77"}),
    );
    let derived = cache.update(&delete);
    let [Event::RoleDeleted(deleted)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(&*deleted.role.name, "admins");
    assert!(cache.update(&delete).is_empty());
}

fn thread(id: u64, parent: u64, archived: bool) -> serde_json::Value {
    json!({"id": id.to_string(), "guild_id": GUILD.to_string(), "parent_id": parent.to_string(),
           "type": 11, "name": format!("thread {id}"), "owner_id": NELLY.to_string(),
           "thread_metadata": {"archived": archived, "auto_archive_duration": 60,
                               "archive_timestamp": "2024-01-01T00:00:00+00:00", "locked": false}})
}

#[test]
fn threads_are_joined_updated_removed_and_their_members_followed() {
    let cache = Cache::new(CacheConfig::default());
    let mut ready = crate::model::test_fixture("ready.composed.json", "/d");
    ready["user"]["id"] = json!("4");
    ready["application"]["id"] = json!("1");
    ready["guilds"] = json!([]);
    cache.update(&event("READY", ready));
    cache.update(&guild_create(GUILD, 0));
    let parent = GUILD * 10;
    let sync = |threads: Vec<serde_json::Value>| {
        event(
            "THREAD_LIST_SYNC",
            json!({"guild_id": GUILD.to_string(), "channel_ids": [parent.to_string()],
                   "threads": threads,
                   "members": [{"id": "501", "user_id": "4",
                                "join_timestamp": "2024-01-01T00:00:00+00:00", "flags": 0}]}),
        )
    };
    let derived = cache.update(&sync(vec![
        thread(501, parent, false),
        thread(502, parent, false),
    ]));
    assert_eq!(
        kinds(&derived),
        [EventKind::ThreadJoined, EventKind::ThreadJoined]
    );
    assert!(cache.thread_member(501.into(), 4.into()).is_some());
    let derived = cache.update(&sync(vec![thread(501, parent, false)]));
    let [Event::ThreadRemoved(removed)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert_eq!(removed.thread.id.get(), 502, "no longer listed");
    assert!(cache.channel(502.into()).is_none());

    let members = |added: &[u64], removed: &[u64]| {
        event(
            "THREAD_MEMBERS_UPDATE",
            json!({"id": "501", "guild_id": GUILD.to_string(), "member_count": 2,
                   "added_members": added.iter().map(|user| json!({"id": "501",
                       "user_id": user.to_string(),
                       "join_timestamp": "2024-01-01T00:00:00+00:00", "flags": 0}))
                       .collect::<Vec<_>>(),
                   "removed_member_ids": removed.iter().map(u64::to_string).collect::<Vec<_>>()}),
        )
    };
    assert_eq!(
        kinds(&cache.update(&members(&[7], &[]))),
        [EventKind::ThreadMemberJoined]
    );
    assert_eq!(cache.thread_members(501.into()).len(), 2);
    assert_eq!(
        kinds(&cache.update(&members(&[], &[7, 8]))),
        [EventKind::ThreadMemberRemoved],
        "8 was not cached"
    );
    assert_eq!(
        kinds(&cache.update(&members(&[], &[4]))),
        [EventKind::ThreadRemoved],
        "the bot left"
    );

    let derived = cache.update(&event("THREAD_UPDATE", thread(501, parent, true)));
    assert_eq!(kinds(&derived), [EventKind::ThreadUpdated]);
    assert!(
        cache.channel(501.into()).is_none(),
        "archived threads leave"
    );
    assert_eq!(
        kinds(&cache.update(&event("THREAD_UPDATE", thread(503, parent, false)))),
        [EventKind::ThreadJoined],
        "an update of a thread not cached"
    );
    let delete = event(
        "THREAD_DELETE",
        json!({"id": "503", "guild_id": GUILD.to_string(), "parent_id": parent.to_string(),
               "type": 11}),
    );
    assert_eq!(kinds(&cache.update(&delete)), [EventKind::ThreadDeleted]);
    assert!(cache.update(&delete).is_empty());
}

#[test]
fn voice_state_updates_carry_the_state_before_and_after() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_create(GUILD, 1));
    let state = |channel: Option<u64>| {
        event(
            "VOICE_STATE_UPDATE",
            json!({"guild_id": GUILD.to_string(),
                   "channel_id": channel.map(|c| c.to_string()), "user_id": "1000",
                   "member": member(1000, "user0", &[77]), "session_id": "s",
                   "deaf": false, "mute": false, "self_deaf": false, "self_mute": false,
                   "self_video": false, "suppress": false, "request_to_speak_timestamp": null}),
        )
    };
    let derived = cache.update(&state(Some(30)));
    let [Event::VoiceStateUpdated(joined)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert!(joined.before.is_none());
    assert_eq!(
        joined
            .after
            .as_ref()
            .and_then(|s| s.channel_id)
            .map(|c| c.get()),
        Some(30)
    );
    assert_eq!(joined.member.name(), "user0");
    let derived = cache.update(&state(None));
    let [Event::VoiceStateUpdated(left)] = &derived[..] else {
        panic!("{derived:?}")
    };
    assert!(left.before.is_some() && left.after.is_none());
}

#[test]
fn nothing_is_derived_with_the_cache_off_or_for_kinds_no_one_takes() {
    let off = Cache::new(CacheConfig::none());
    off.update(&message(30, "a"));
    assert!(off.update(&message(30, "b")).is_empty());

    let cache = Cache::new(CacheConfig::default());
    cache.update(&message(31, "a"));
    let mut edit = crate::model::test_fixture("message_create.composed.json", "/d");
    edit["id"] = json!("31");
    let wanted = cache.update_for(&event("MESSAGE_UPDATE", edit), &|kind| {
        kind != EventKind::MessageEdited
    });
    assert!(wanted.is_empty());
    assert!(
        cache.message(31.into()).is_some(),
        "the cache still updated"
    );
}
