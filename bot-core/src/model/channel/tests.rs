use super::*;
use crate::model::PermissionOverwriteType as Kind;
use serde_json::json;

fn fixture(name: &str) -> serde_json::Value {
    crate::model::test_fixture(name, "")
}

#[test]
fn guild_create_channels_decode() {
    let payload = fixture("guild_create.composed.json");
    let channels: Vec<Channel> = serde_json::from_value(payload["d"]["channels"].clone()).unwrap();
    let general = &channels[0];
    assert_eq!(general.kind, ChannelType::GuildText);
    assert_eq!(general.name.as_deref(), Some("general"));
    assert_eq!(general.rate_limit_per_user, Some(2));
    assert!(general.nsfw);
    assert_eq!(
        general.default_auto_archive_duration,
        Some(AutoArchiveDuration::Hour)
    );
    assert_eq!(general.parent_id, Some(Id::new(399942396007890945)));
    let threads: Vec<Channel> = serde_json::from_value(payload["d"]["threads"].clone()).unwrap();
    assert!(threads.iter().all(Channel::is_thread));
}

#[test]
fn documented_examples_decode() {
    let voice: Channel = serde_json::from_value(json!({
        "id": "155101607195836416", "last_message_id": "174629835082649376", "type": 2,
        "name": "ROCKET CHEESE", "position": 5, "parent_id": null, "bitrate": 64000,
        "user_limit": 0, "rtc_region": null, "guild_id": "41771983423143937",
        "permission_overwrites": [], "rate_limit_per_user": 0, "nsfw": false
    }))
    .unwrap();
    assert_eq!(
        (voice.kind, voice.bitrate),
        (ChannelType::GuildVoice, Some(64000))
    );
    assert!(voice.is_text_based());

    let group: Channel = serde_json::from_value(json!({
        "name": "Some test channel", "icon": null,
        "recipients": [
            {"username": "test", "discriminator": "9999", "id": "82198898841029460", "avatar": null},
            {"username": "test2", "discriminator": "9999", "id": "82198810841029460", "avatar": null}
        ],
        "last_message_id": "3343820033257021450", "type": 3, "id": "319674150115710528",
        "owner_id": "82198810841029460"
    }))
    .unwrap();
    assert!(group.is_private());
    assert_eq!(group.recipients.len(), 2);
    assert_eq!(group.owner_id, Some(Id::new(82198810841029460)));

    let thread: Channel = serde_json::from_value(json!({
        "id": "41771983423143937", "guild_id": "41771983423143937",
        "parent_id": "41771983423143937", "owner_id": "41771983423143937",
        "name": "don't buy dota-2", "type": 11, "last_message_id": "155117677105512449",
        "message_count": 1, "member_count": 5, "rate_limit_per_user": 2,
        "thread_metadata": {
            "archived": false, "auto_archive_duration": 1440,
            "archive_timestamp": "2021-04-12T23:40:39.855793+00:00", "locked": false
        },
        "total_message_sent": 1,
        "member": {"id": "41771983423143937", "user_id": "1", "flags": 1,
                   "join_timestamp": "2021-04-12T23:40:39.855793+00:00"}
    }))
    .unwrap();
    let metadata = thread.thread_metadata.as_ref().unwrap();
    assert_eq!(metadata.auto_archive_duration, AutoArchiveDuration::Day);
    assert_eq!(metadata.auto_archive_duration.minutes(), 1440);
    assert_eq!(thread.member.as_ref().unwrap().user_id, Some(Id::new(1)));
    assert_eq!(thread.mention(), "<#41771983423143937>");
}

#[test]
fn forum_with_tags_overwrites_and_unknown_values() {
    let forum: Channel = serde_json::from_value(json!({
        "id": "1", "type": 15, "guild_id": "2", "name": "help", "position": 3, "flags": 16,
        "permission_overwrites": [
            {"id": "2", "type": 0, "allow": "0", "deny": "1024"},
            {"id": "9", "type": 1, "allow": "2048", "deny": "0"},
            {"id": "10", "type": 7, "allow": "0", "deny": "0"}
        ],
        "available_tags": [{"id": "5", "name": "bug", "moderated": true, "emoji_id": null,
                            "emoji_name": "🐛"}],
        "default_reaction_emoji": {"emoji_id": null, "emoji_name": "👍"},
        "default_sort_order": 1, "default_forum_layout": 9,
        "a_field_from_the_future": {"x": 1}
    }))
    .unwrap();
    assert!(forum.flags.contains(ChannelFlags::REQUIRE_TAG));
    assert!(!forum.is_text_based());
    let overwrites = &forum.permission_overwrites;
    assert_eq!(overwrites[0].kind, Kind::Role);
    assert_eq!(overwrites[0].deny, Permissions::VIEW_CHANNEL);
    assert_eq!(
        overwrites[1],
        PermissionOverwrite::member(Id::new(9), Permissions::SEND_MESSAGES, Permissions::empty())
    );
    assert_eq!(overwrites[2].kind, Kind::Unknown(7));
    assert_eq!(forum.available_tags[0].emoji_name.as_deref(), Some("🐛"));
    assert_eq!(
        forum.default_reaction_emoji,
        Some(DefaultReaction::unicode("👍"))
    );
    assert_eq!(forum.default_sort_order, Some(SortOrder::CreationDate));
    assert_eq!(forum.default_forum_layout, Some(ForumLayout::Unknown(9)));

    let unknown: Channel = serde_json::from_value(json!({"id": "1", "type": 99})).unwrap();
    assert_eq!(unknown.kind, ChannelType::Unknown(99));
    let again: Channel = serde_json::from_value(serde_json::to_value(&forum).unwrap()).unwrap();
    assert_eq!(again, forum);
}

#[test]
fn resolved_channels_decode() {
    let channel: PartialChannel = serde_json::from_value(json!({
        "id": "7", "type": 12, "name": "secret", "parent_id": "6", "permissions": "1024",
        "thread_metadata": {"archived": true, "auto_archive_duration": 60, "locked": true,
                            "archive_timestamp": "2021-04-12T23:40:39+00:00"}
    }))
    .unwrap();
    assert!(channel.is_thread());
    assert_eq!(channel.permissions, Some(Permissions::VIEW_CHANNEL));
    assert!(channel.thread_metadata.unwrap().locked);
}
