//! Every field Pycord's `Member` and `User` expose (py-cord 2.8.1), read from a cached member:
//! the table below names each and reads it; the presence fields (`status`, `activities`, …)
//! through [`MemberRef::presence`].

use super::tests::{GUILD, event, guild_create};
use super::*;
use crate::model::{Message, Timestamp};
use serde_json::json;

/// Pycord's `Member` attributes and properties, with the `User` ones it flattens in.
const PYCORD_MEMBER: &[&str] = &[
    // User (BaseUser, User)
    "id",
    "name",
    "discriminator",
    "global_name",
    "bot",
    "system",
    "avatar",
    "banner",
    "accent_colour",
    "accent_color",
    "public_flags",
    "avatar_decoration",
    "primary_guild",
    "collectibles",
    "nameplate",
    "default_avatar",
    "display_avatar",
    "mention",
    "created_at",
    "display_name",
    "is_migrated",
    "jump_url",
    // Member
    "joined_at",
    "premium_since",
    "pending",
    "nick",
    "communication_disabled_until",
    "flags",
    "guild",
    "guild_avatar",
    "guild_banner",
    "guild_avatar_decoration",
    "display_banner",
    "display_avatar_decoration",
    "colour",
    "color",
    "roles",
    "top_role",
    "guild_permissions",
    "voice",
    "timed_out",
    "mentioned_in",
    "get_role",
];

/// Read from the member's cached presence.
const PRESENCE_FIELDS: &[&str] = &[
    "status",
    "raw_status",
    "mobile_status",
    "desktop_status",
    "web_status",
    "is_on_mobile",
    "activity",
    "activities",
];

#[test]
fn a_cached_member_reads_every_field_pycord_exposes() {
    let cache = Cache::new(CacheConfig::default());
    cache.update(&guild_create(GUILD, 0));
    let role = |id: u64, name: &str, position: i64, color: u32| {
        event(
            "GUILD_ROLE_CREATE",
            json!({"guild_id": GUILD.to_string(), "role": {"id": id.to_string(), "name": name,
                "permissions": "2048", "position": position, "color": color, "hoist": false,
                "managed": false, "mentionable": false, "flags": 0}}),
        )
    };
    cache.update(&role(81, "red", 2, 0xff0000));
    cache.update(&role(82, "plain top", 3, 0));
    let user_id: u64 = 175928847299117063;
    let until = Timestamp::from_unix_micros(Timestamp::now().unix_micros() + 3_600_000_000);
    cache.update(&event(
        "GUILD_MEMBER_ADD",
        json!({"guild_id": GUILD.to_string(), "nick": "nick", "roles": ["81", "82"],
               "avatar": "a_0123456789abcdef0123456789abcdef",
               "banner": "0123456789abcdef0123456789abcdef",
               "joined_at": "2021-02-12T18:25:07.972000+00:00",
               "premium_since": "2022-01-01T00:00:00.000000+00:00",
               "communication_disabled_until": until.to_string(),
               "deaf": false, "mute": true, "pending": true, "flags": 2,
               "avatar_decoration_data": {"asset": "member_deco", "sku_id": "1"},
               "user": {"id": user_id.to_string(), "username": "ada", "discriminator": "0",
                        "global_name": "Ada", "avatar": "fedcba9876543210fedcba9876543210",
                        "banner": "11111111111111111111111111111111", "accent_color": 255,
                        "public_flags": 64, "bot": false, "system": false,
                        "avatar_decoration_data": {"asset": "user_deco", "sku_id": "2"},
                        "collectibles": {"nameplate": {"sku_id": "3", "asset": "plate",
                                          "label": "Plate", "palette": "crimson"}},
                        "primary_guild": {"identity_guild_id": GUILD.to_string(),
                                          "identity_enabled": true, "tag": "ADA",
                                          "badge": "badge"}}}),
    ));
    cache.update(&event(
        "VOICE_STATE_UPDATE",
        json!({"guild_id": GUILD.to_string(), "channel_id": "30", "user_id": user_id.to_string(),
               "session_id": "s", "deaf": false, "mute": true, "self_deaf": false,
               "self_mute": false, "self_video": false, "suppress": false,
               "request_to_speak_timestamp": null}),
    ));
    cache.update(&event(
        "PRESENCE_UPDATE",
        json!({"user": {"id": user_id.to_string()}, "guild_id": GUILD.to_string(),
               "status": "idle", "client_status": {"mobile": "idle", "web": "online"},
               "activities": [{"name": "chess", "type": 0}]}),
    ));
    let m = cache.member(GUILD.into(), user_id.into()).expect("cached");
    let presence = m.presence(&cache).expect("its presence");
    let status =
        |s: &Option<crate::model::Status>| s.as_ref().map(|s| format!("{s:?}")).unwrap_or_default();
    let presence_read: Vec<(&str, String)> = vec![
        ("status", format!("{:?}", presence.status)),
        (
            "raw_status",
            serde_json::to_value(&presence.status)
                .unwrap()
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        ),
        ("mobile_status", status(&presence.client_status.mobile)),
        ("desktop_status", status(&presence.client_status.desktop)),
        ("web_status", status(&presence.client_status.web)),
        (
            "is_on_mobile",
            presence.client_status.mobile.is_some().to_string(),
        ),
        (
            "activity",
            presence
                .activities
                .first()
                .map(|a| a.name.to_string())
                .unwrap_or_default(),
        ),
        ("activities", presence.activities.len().to_string()),
    ];
    assert_eq!(
        presence_read,
        [
            ("status", "Idle".to_owned()),
            ("raw_status", "idle".to_owned()),
            ("mobile_status", "Idle".to_owned()),
            ("desktop_status", String::new()),
            ("web_status", "Online".to_owned()),
            ("is_on_mobile", "true".to_owned()),
            ("activity", "chess".to_owned()),
            ("activities", "1".to_owned()),
        ]
    );
    let presence_listed: Vec<&str> = presence_read.iter().map(|(name, _)| *name).collect();
    assert_eq!(presence_listed, PRESENCE_FIELDS);
    let mut message: Message = serde_json::from_value(crate::model::test_fixture(
        "message_create.composed.json",
        "/d",
    ))
    .unwrap();
    message.mention_roles = vec![81.into()];

    let hash = |h: Option<&ImageHash>| h.map(ToString::to_string).unwrap_or_default();
    let read: Vec<(&str, String)> = vec![
        ("id", m.id().to_string()),
        ("name", m.name().to_owned()),
        ("discriminator", m.user().discriminator()),
        (
            "global_name",
            m.global_name().unwrap_or_default().to_owned(),
        ),
        ("bot", m.bot().to_string()),
        ("system", m.user().system().to_string()),
        ("avatar", hash(m.user().avatar())),
        ("banner", hash(m.user().banner())),
        ("accent_colour", format!("{:?}", m.user().accent_color())),
        ("accent_color", format!("{:?}", m.user().accent_color())),
        ("public_flags", m.user().public_flags().bits().to_string()),
        (
            "avatar_decoration",
            m.user()
                .avatar_decoration()
                .map(|d| d.asset.to_string())
                .unwrap_or_default(),
        ),
        (
            "primary_guild",
            m.user()
                .primary_guild()
                .and_then(|g| g.tag.as_deref())
                .unwrap_or_default()
                .to_owned(),
        ),
        (
            "collectibles",
            m.user().collectibles().is_some().to_string(),
        ),
        (
            "nameplate",
            m.user()
                .collectibles()
                .and_then(|c| c.nameplate.as_ref())
                .map(|n| n.label.to_string())
                .unwrap_or_default(),
        ),
        (
            "default_avatar",
            m.user().default_avatar_index().to_string(),
        ),
        ("display_avatar", hash(m.display_avatar())),
        ("mention", m.mention()),
        ("created_at", m.created_at().to_string()),
        ("display_name", m.display_name().to_owned()),
        ("is_migrated", m.user().is_migrated().to_string()),
        ("jump_url", m.user().jump_url()),
        (
            "joined_at",
            m.joined_at().map(|t| t.to_string()).unwrap_or_default(),
        ),
        ("premium_since", m.premium_since().is_some().to_string()),
        ("pending", m.pending().to_string()),
        ("nick", m.nick().unwrap_or_default().to_owned()),
        (
            "communication_disabled_until",
            (m.communication_disabled_until() == Some(until)).to_string(),
        ),
        ("flags", m.flags().bits().to_string()),
        ("guild", m.guild_id().to_string()),
        ("guild_avatar", hash(m.guild_avatar())),
        ("guild_banner", hash(m.guild_banner())),
        (
            "guild_avatar_decoration",
            m.guild_avatar_decoration()
                .map(|d| d.asset.to_string())
                .unwrap_or_default(),
        ),
        ("display_banner", hash(m.display_banner())),
        (
            "display_avatar_decoration",
            m.display_avatar_decoration()
                .map(|d| d.asset.to_string())
                .unwrap_or_default(),
        ),
        ("colour", format!("{:06x}", m.colour(&cache))),
        ("color", format!("{:06x}", m.colour(&cache))),
        (
            "roles",
            m.roles(&cache)
                .iter()
                .map(|r| r.name.clone())
                .collect::<Vec<_>>()
                .join(","),
        ),
        (
            "top_role",
            m.top_role(&cache)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
        ),
        (
            "guild_permissions",
            m.guild_permissions(&cache)
                .map(|p| p.bits().to_string())
                .unwrap_or_default(),
        ),
        (
            "voice",
            m.voice(&cache)
                .and_then(|v| v.channel_id)
                .map(|c| c.to_string())
                .unwrap_or_default(),
        ),
        ("timed_out", m.timed_out().to_string()),
        ("mentioned_in", m.mentioned_in(&message).to_string()),
        (
            "get_role",
            m.get_role(&cache, 81.into())
                .map(|r| r.name.clone())
                .unwrap_or_default(),
        ),
    ];
    let expected = [
        ("id", user_id.to_string()),
        ("name", "ada".to_owned()),
        ("discriminator", "0".to_owned()),
        ("global_name", "Ada".to_owned()),
        ("bot", "false".to_owned()),
        ("system", "false".to_owned()),
        ("avatar", "fedcba9876543210fedcba9876543210".to_owned()),
        ("banner", "11111111111111111111111111111111".to_owned()),
        ("accent_colour", "Some(255)".to_owned()),
        ("accent_color", "Some(255)".to_owned()),
        ("public_flags", "64".to_owned()),
        ("avatar_decoration", "user_deco".to_owned()),
        ("primary_guild", "ADA".to_owned()),
        ("collectibles", "true".to_owned()),
        ("nameplate", "Plate".to_owned()),
        ("default_avatar", ((user_id >> 22) % 6).to_string()),
        (
            "display_avatar",
            "a_0123456789abcdef0123456789abcdef".to_owned(),
        ),
        ("mention", format!("<@{user_id}>")),
        (
            "created_at",
            crate::model::Id::<crate::model::UserMarker>::new(user_id)
                .created_at()
                .to_string(),
        ),
        ("display_name", "nick".to_owned()),
        ("is_migrated", "true".to_owned()),
        ("jump_url", format!("https://discord.com/users/{user_id}")),
        (
            "joined_at",
            "2021-02-12T18:25:07.972000+00:00"
                .parse::<Timestamp>()
                .unwrap()
                .to_string(),
        ),
        ("premium_since", "true".to_owned()),
        ("pending", "true".to_owned()),
        ("nick", "nick".to_owned()),
        ("communication_disabled_until", "true".to_owned()),
        ("flags", "2".to_owned()),
        ("guild", GUILD.to_string()),
        (
            "guild_avatar",
            "a_0123456789abcdef0123456789abcdef".to_owned(),
        ),
        (
            "guild_banner",
            "0123456789abcdef0123456789abcdef".to_owned(),
        ),
        ("guild_avatar_decoration", "member_deco".to_owned()),
        (
            "display_banner",
            "0123456789abcdef0123456789abcdef".to_owned(),
        ),
        ("display_avatar_decoration", "member_deco".to_owned()),
        ("colour", "ff0000".to_owned()),
        ("color", "ff0000".to_owned()),
        ("roles", "@everyone,red,plain top".to_owned()),
        ("top_role", "plain top".to_owned()),
        // Timed out: Discord leaves VIEW_CHANNEL (1024) of @everyone's and red's 1024 | 2048.
        ("guild_permissions", 1024u64.to_string()),
        ("voice", "30".to_owned()),
        ("timed_out", "true".to_owned()),
        ("mentioned_in", "true".to_owned()),
        ("get_role", "red".to_owned()),
    ];
    for ((name, got), (expected_name, want)) in read.iter().zip(&expected) {
        assert_eq!(name, expected_name);
        assert_eq!(got, want, "{name}");
    }
    let listed: Vec<&str> = read.iter().map(|(name, _)| *name).collect();
    for name in PYCORD_MEMBER {
        assert!(listed.contains(name), "{name} is not read");
    }
    assert_eq!(listed.len(), PYCORD_MEMBER.len());
    assert!(PRESENCE_FIELDS.iter().all(|name| !listed.contains(name)));
}
