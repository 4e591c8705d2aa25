//! Emojis, stickers, sounds, stage instances, scheduled events, presences and polls: kept from
//! GUILD_CREATE, changed by their events, gone with their guild, and not kept when turned off.

use super::tests::{GUILD, event, message};
use super::*;
use crate::event::Event;
use serde_json::{Value, json};

fn emoji(id: u64, name: &str) -> Value {
    json!({"id": id.to_string(), "name": name, "roles": [], "require_colons": true,
           "managed": false, "animated": false, "available": true})
}

fn sticker(id: u64) -> Value {
    json!({"id": id.to_string(), "name": "wave", "tags": "wave", "type": 2, "format_type": 1,
           "guild_id": GUILD.to_string()})
}

fn sound(id: u64, name: &str) -> Value {
    json!({"name": name, "sound_id": id.to_string(), "volume": 1.0,
           "guild_id": GUILD.to_string(), "available": true})
}

fn stage(id: u64, topic: &str) -> Value {
    json!({"id": id.to_string(), "guild_id": GUILD.to_string(), "channel_id": "30",
           "topic": topic, "privacy_level": 2, "discoverable_disabled": false})
}

fn scheduled(id: u64, name: &str) -> Value {
    json!({"id": id.to_string(), "guild_id": GUILD.to_string(), "channel_id": "30",
           "name": name, "scheduled_start_time": "2030-01-01T00:00:00+00:00",
           "privacy_level": 2, "status": 1, "entity_type": 2})
}

fn presence(user: u64, status: &str) -> Value {
    json!({"user": {"id": user.to_string()}, "guild_id": GUILD.to_string(), "status": status,
           "activities": [], "client_status": {"desktop": status}})
}

fn guild_with_objects() -> Arc<Event> {
    let mut data = crate::model::test_fixture("guild_create.composed.json", "/d");
    data["id"] = json!(GUILD.to_string());
    data["emojis"] = json!([emoji(1, "blob")]);
    data["stickers"] = json!([sticker(2)]);
    data["soundboard_sounds"] = json!([sound(3, "honk")]);
    data["stage_instances"] = json!([stage(4, "talk")]);
    data["guild_scheduled_events"] = json!([scheduled(5, "party")]);
    data["presences"] = json!([presence(80351110224678912, "online")]);
    event("GUILD_CREATE", data)
}

#[test]
fn guild_objects_are_kept_changed_and_dropped_with_their_guild() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_with_objects());
    let guild = GUILD.into();
    assert_eq!(cache.emoji(1.into()).unwrap().name.as_deref(), Some("blob"));
    assert_eq!(cache.guild_emojis(guild).len(), 1);
    assert!(cache.guild(guild).unwrap().emojis.is_empty(), "kept apart");
    assert_eq!(&*cache.sticker(2.into()).unwrap().name, "wave");
    assert_eq!(&*cache.sound(3.into()).unwrap().name, "honk");
    assert_eq!(&*cache.stage_instance(4.into()).unwrap().topic, "talk");
    assert_eq!(&*cache.scheduled_event(5.into()).unwrap().name, "party");
    let nelly = 80351110224678912.into();
    assert_eq!(
        cache.presence(guild, nelly).unwrap().status,
        crate::model::Status::Online
    );
    assert_eq!(
        cache
            .member(guild, nelly)
            .unwrap()
            .presence(&cache)
            .unwrap()
            .status,
        crate::model::Status::Online
    );

    cache.update(&event(
        "GUILD_EMOJIS_UPDATE",
        json!({"guild_id": GUILD.to_string(), "emojis": [emoji(6, "new")]}),
    ));
    assert!(cache.emoji(1.into()).is_none(), "replaced");
    assert_eq!(cache.guild_emojis(guild).len(), 1);
    cache.update(&event(
        "GUILD_STICKERS_UPDATE",
        json!({"guild_id": GUILD.to_string(), "stickers": []}),
    ));
    assert!(cache.stickers().is_empty());
    cache.update(&event("GUILD_SOUNDBOARD_SOUND_UPDATE", sound(3, "quack")));
    assert_eq!(&*cache.sound(3.into()).unwrap().name, "quack");
    cache.update(&event(
        "GUILD_SOUNDBOARD_SOUND_DELETE",
        json!({"sound_id": "3", "guild_id": GUILD.to_string()}),
    ));
    assert!(cache.sounds().is_empty());
    cache.update(&event("STAGE_INSTANCE_UPDATE", stage(4, "new topic")));
    assert_eq!(&*cache.stage_instance(4.into()).unwrap().topic, "new topic");
    cache.update(&event("STAGE_INSTANCE_DELETE", stage(4, "new topic")));
    assert!(cache.stage_instance(4.into()).is_none());
    cache.update(&event("GUILD_SCHEDULED_EVENT_CREATE", scheduled(7, "more")));
    assert_eq!(cache.guild_scheduled_events(guild).len(), 2);
    cache.update(&event(
        "GUILD_SCHEDULED_EVENT_DELETE",
        scheduled(5, "party"),
    ));
    assert_eq!(cache.guild_scheduled_events(guild).len(), 1);
    cache.update(&event(
        "PRESENCE_UPDATE",
        presence(80351110224678912, "idle"),
    ));
    assert_eq!(
        cache.presence(guild, nelly).unwrap().status,
        crate::model::Status::Idle
    );

    cache.update(&event("GUILD_DELETE", json!({"id": GUILD.to_string()})));
    assert!(cache.emojis().is_empty() && cache.scheduled_event(7.into()).is_none());
    assert!(cache.presence(guild, nelly).is_none());
}

#[test]
fn resources_turned_off_stay_empty_and_polls_are_read_from_messages() {
    let cache = Cache::new(
        CacheConfig::default()
            .resources(ResourceType::all() - ResourceType::EMOJI - ResourceType::PRESENCE),
    );
    cache.update(&guild_with_objects());
    assert!(cache.emojis().is_empty());
    assert!(
        cache
            .presence(GUILD.into(), 80351110224678912.into())
            .is_none()
    );
    assert!(cache.sticker(2.into()).is_some());
    cache.set_app_emojis([serde_json::from_value(emoji(9, "app")).unwrap()]);
    assert!(cache.app_emojis().is_empty());

    let all = Cache::new(CacheConfig::default());
    all.set_app_emojis([serde_json::from_value(emoji(9, "app")).unwrap()]);
    assert_eq!(all.app_emojis().len(), 1);
    assert!(all.emoji(9.into()).is_some());
    all.update(&message(40, "no poll"));
    let mut with_poll = crate::model::test_fixture("message_create.composed.json", "/d");
    with_poll["id"] = json!("41");
    with_poll["poll"] = json!({"question": {"text": "tea?"},
        "answers": [{"answer_id": 1, "poll_media": {"text": "yes"}}],
        "expiry": "2030-01-01T00:00:00+00:00", "allow_multiselect": false, "layout_type": 1});
    all.update(&event("MESSAGE_CREATE", with_poll));
    assert_eq!(all.polls().len(), 1);
    assert!(all.poll(41.into()).is_some());
    assert!(all.poll(40.into()).is_none());
}
