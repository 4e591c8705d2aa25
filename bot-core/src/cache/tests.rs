//! The cache's updates, event by event (pure: events in, lookups out).

use super::*;
use crate::event::Event;
use crate::model::test_fixture;
use serde_json::{Value, json};
use std::num::NonZeroUsize;

pub(super) const GUILD: u64 = 197038439483310086;
pub(super) const OTHER_GUILD: u64 = 5;
pub(super) const NELLY: u64 = 80351110224678912;

pub(super) fn event(name: &str, data: Value) -> Arc<Event> {
    let event = Event::from_dispatch_json(name, &data.to_string());
    assert!(
        !matches!(event, Event::Unknown(_)),
        "{name} decodes: {data}"
    );
    Arc::new(event)
}

pub(super) fn member(user: u64, name: &str, roles: &[u64]) -> Value {
    json!({
        "user": {"id": user.to_string(), "username": name, "discriminator": "0",
                 "avatar": "a_1269e74af4df7417b13759eae50c83dc", "global_name": null},
        "nick": null, "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2021-02-12T18:25:07.972000+00:00", "deaf": false, "mute": false,
    })
}

/// The fixture guild as `id`, with a role and `members` members more than Nelly.
pub(super) fn guild_create(id: u64, members: u64) -> Arc<Event> {
    let mut data = test_fixture("guild_create.composed.json", "/d");
    data["id"] = json!(id.to_string());
    data["roles"] = json!([
        {"id": id.to_string(), "name": "@everyone", "permissions": "1024", "position": 0,
         "color": 0, "hoist": false, "managed": false, "mentionable": false, "flags": 0},
        {"id": "77", "name": "mods", "permissions": "8", "position": 1, "color": 0,
         "hoist": false, "managed": false, "mentionable": false, "flags": 0},
    ]);
    for n in 0..members {
        data["members"]
            .as_array_mut()
            .unwrap()
            .push(member(1000 + n, &format!("user{n}"), &[77]));
    }
    for channel in data["channels"].as_array_mut().unwrap() {
        channel["guild_id"] = json!(id.to_string());
        channel["id"] = json!((id * 10).to_string());
    }
    event("GUILD_CREATE", data)
}

pub(super) fn message(id: u64, content: &str) -> Arc<Event> {
    let mut data = test_fixture("message_create.composed.json", "/d");
    data["id"] = json!(id.to_string());
    data["content"] = json!(content);
    event("MESSAGE_CREATE", data)
}

#[test]
fn a_guild_create_fills_guilds_channels_roles_members_and_users() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_create(GUILD, 3));
    let guild = cache.guild(GUILD.into()).expect("the guild");
    assert!(
        guild.members.is_empty() && guild.roles.is_empty(),
        "kept apart"
    );
    assert_eq!(cache.guild_roles(GUILD.into()).len(), 2);
    assert_eq!(
        cache.role_by_name(GUILD.into(), "mods").map(|r| r.id.get()),
        Some(77)
    );
    assert_eq!(cache.guild_channels(GUILD.into()).len(), 1);
    assert!(cache.channel_by_name(GUILD.into(), "general").is_some());
    assert_eq!(cache.members(GUILD.into()).len(), 4);
    let nelly = cache.member(GUILD.into(), NELLY.into()).expect("Nelly");
    assert_eq!(nelly.name(), "Nelly");
    assert_eq!(nelly.display_name(), "NOT API SUPPORT");
    assert_eq!(nelly.user().discriminator(), "1337");
    let one = cache.member(GUILD.into(), 1000.into()).expect("user0");
    assert!(one.has_role(77.into()));
    assert!(one.user().avatar().is_some_and(ImageHash::is_animated));
    assert_eq!(cache.users().len(), 4);
    // @everyone's 1024 (VIEW_CHANNEL) and mods' 8 (ADMINISTRATOR): everything.
    assert_eq!(
        cache.permissions(GUILD.into(), 1000.into(), None),
        Some(crate::model::Permissions::all())
    );
    assert_eq!(
        cache.permissions(GUILD.into(), NELLY.into(), None),
        Some(crate::model::Permissions::VIEW_CHANNEL)
    );
}

#[test]
fn members_update_and_leave_and_a_user_stays_while_a_guild_holds_them() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_create(GUILD, 1));
    cache.update(&guild_create(OTHER_GUILD, 1));
    assert_eq!(cache.users().len(), 2, "user0 and Nelly, each once");
    let mut update = member(1000, "renamed", &[]);
    update["guild_id"] = json!(GUILD.to_string());
    update["nick"] = json!("nick");
    cache.update(&event("GUILD_MEMBER_UPDATE", update));
    let updated = cache.member(GUILD.into(), 1000.into()).unwrap();
    assert_eq!(updated.nick(), Some("nick"));
    assert!(updated.role_ids().is_empty());
    assert_eq!(updated.name(), "renamed", "the user changed with it");
    let removed = json!({"guild_id": GUILD.to_string(),
        "user": {"id": "1000", "username": "renamed", "discriminator": "0"}});
    cache.update(&event("GUILD_MEMBER_REMOVE", removed));
    assert!(cache.member(GUILD.into(), 1000.into()).is_none());
    assert!(
        cache.user(1000.into()).is_some(),
        "still a member of the other guild"
    );
    cache.update(&event(
        "GUILD_DELETE",
        json!({"id": OTHER_GUILD.to_string()}),
    ));
    assert!(cache.guild(OTHER_GUILD.into()).is_none());
    assert!(
        cache.user(1000.into()).is_none(),
        "gone with their last member"
    );
    let mut added = member(2000, "newcomer", &[]);
    added["guild_id"] = json!(GUILD.to_string());
    cache.update(&event("GUILD_MEMBER_ADD", added));
    assert_eq!(
        cache.member(GUILD.into(), 2000.into()).unwrap().name(),
        "newcomer"
    );
}

#[test]
fn an_outage_marks_a_guild_unavailable_and_a_create_makes_it_available_again() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_create(GUILD, 0));
    cache.update(&event(
        "GUILD_DELETE",
        json!({"id": GUILD.to_string(), "unavailable": true}),
    ));
    assert!(cache.is_unavailable(GUILD.into()));
    cache.update(&guild_create(GUILD, 0));
    assert!(!cache.is_unavailable(GUILD.into()));
    assert!(cache.guild(GUILD.into()).is_some());
}

#[test]
fn the_message_ring_keeps_the_last_max_messages_and_deletes_leave_it() {
    let cache = Cache::new(CacheConfig::default().max_messages(NonZeroUsize::new(3)));
    for id in 1..=5 {
        cache.update(&message(id, &format!("m{id}")));
    }
    let kept: Vec<u64> = cache.messages().iter().map(|m| m.id.get()).collect();
    assert_eq!(kept, [3, 4, 5], "the oldest evicted first");
    assert!(cache.message(2.into()).is_none());
    let mut edited = test_fixture("message_create.composed.json", "/d");
    edited["id"] = json!("4");
    edited["content"] = json!("edited");
    cache.update(&event("MESSAGE_UPDATE", edited));
    assert_eq!(cache.message(4.into()).unwrap().content, "edited");
    let channel = cache.message(4.into()).unwrap().channel_id;
    cache.update(&event(
        "MESSAGE_DELETE_BULK",
        json!({"ids": ["3", "4"], "channel_id": channel.to_string()}),
    ));
    cache.update(&message(6, "m6"));
    let kept: Vec<u64> = cache.messages().iter().map(|m| m.id.get()).collect();
    assert_eq!(kept, [5, 6]);
}

#[test]
fn a_resource_turned_off_stays_empty_and_no_cache_keeps_nothing() {
    let cache = Cache::new(
        CacheConfig::default()
            .resources(ResourceType::GUILD | ResourceType::ROLE)
            .max_messages(None),
    );
    cache.update(&guild_create(GUILD, 2));
    cache.update(&message(1, "m1"));
    assert!(cache.guild(GUILD.into()).is_some());
    assert_eq!(cache.guild_roles(GUILD.into()).len(), 2);
    assert!(cache.members(GUILD.into()).is_empty());
    assert!(cache.users().is_empty() && cache.messages().is_empty());
    assert!(cache.guild_channels(GUILD.into()).is_empty());

    let none = Cache::new(CacheConfig::none());
    none.update(&guild_create(GUILD, 2));
    none.update(&message(1, "m1"));
    assert!(none.guilds().is_empty() && none.users().is_empty() && none.messages().is_empty());
}

#[test]
fn member_cache_flags_choose_which_members_are_kept() {
    let voice_only = Cache::new(CacheConfig::default().member_cache_flags(MemberCacheFlags::VOICE));
    voice_only.update(&guild_create(GUILD, 2));
    assert!(
        voice_only.members(GUILD.into()).is_empty(),
        "joined members not kept"
    );
    let mut state = json!({
        "guild_id": GUILD.to_string(), "channel_id": "9", "user_id": "1000",
        "session_id": "s", "deaf": false, "mute": false, "self_deaf": false,
        "self_mute": false, "self_video": false, "suppress": false, "request_to_speak_timestamp": null,
    });
    state["member"] = member(1000, "talker", &[]);
    voice_only.update(&event("VOICE_STATE_UPDATE", state.clone()));
    assert!(voice_only.member(GUILD.into(), 1000.into()).is_some());
    assert!(voice_only.voice_state(GUILD.into(), 1000.into()).is_some());
    state["channel_id"] = Value::Null;
    voice_only.update(&event("VOICE_STATE_UPDATE", state));
    assert!(
        voice_only.voice_state(GUILD.into(), 1000.into()).is_none(),
        "left voice"
    );
}

#[test]
fn dm_channels_are_bounded_least_recently_seen_first() {
    let cache = Cache::new(CacheConfig::default().max_private_channels(2));
    for id in [11u64, 12, 13] {
        cache.update(&event(
            "CHANNEL_CREATE",
            json!({"id": id.to_string(), "type": 1, "recipients": []}),
        ));
    }
    let kept: Vec<u64> = cache
        .private_channels()
        .iter()
        .map(|c| c.id.get())
        .collect();
    assert_eq!(kept, [12, 13]);
    assert!(cache.channel(11.into()).is_none());
}
