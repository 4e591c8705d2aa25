use super::*;
use crate::model::{ActivityFlags, test_fixture};
use serde_json::json;

#[test]
fn documented_activities_decode() {
    // developers/events/gateway-events.mdx, "Example Activity" and "... with Rich Presence".
    let stream: Activity = serde_json::from_value(json!({
        "details": "24H RL Stream for Charity",
        "state": "Rocket League",
        "name": "Twitch",
        "type": 1,
        "url": "https://www.twitch.tv/discord"
    }))
    .unwrap();
    assert_eq!(stream.kind, ActivityType::Streaming);
    assert_eq!(stream.url.as_deref(), Some("https://www.twitch.tv/discord"));
    let rich: Activity = serde_json::from_value(json!({
        "name": "Rocket League",
        "type": 0,
        "application_id": "379286085710381999",
        "state": "In a Match",
        "details": "Ranked Duos: 2-1",
        "timestamps": {"start": 15112000660000_u64},
        "party": {"id": "9dd6594e-81b3-49f6-a6b5-a679e6a060d3", "size": [2, 2]},
        "assets": {
            "large_image": "351371005538729000", "large_text": "DFH Stadium",
            "small_image": "351371005538729111", "small_text": "Silver III"
        },
        "secrets": {
            "join": "025ed05c71f639de8bfaa0d679d7c94b2fdce12f",
            "spectate": "e7eb30d2ee025ed05c71ea495f770b76454ee4e0",
            "match": "4b2fdce12f639de8bfa7e3591b71a0d679d7c93f"
        },
        "flags": 3,
        "buttons": ["Watch", "Join"],
        "created_at": 1700000000000_u64,
        "some_new_field": {"a": 1}
    }))
    .unwrap();
    assert_eq!(rich.party.as_ref().unwrap().size, Some([2, 2]));
    assert_eq!(rich.timestamps.unwrap().start, Some(15112000660000));
    assert_eq!(
        rich.secrets.as_ref().unwrap().r#match.as_deref(),
        Some("4b2fdce12f639de8bfa7e3591b71a0d679d7c93f")
    );
    assert_eq!(
        rich.flags,
        Some(ActivityFlags::INSTANCE | ActivityFlags::JOIN)
    );
    assert_eq!(rich.buttons[1].label.as_ref(), "Join");
    assert!(rich.buttons[1].url.is_none());
    // What was decoded encodes back to the same, modulo the unknown field.
    let back: Activity = serde_json::from_value(serde_json::to_value(&rich).unwrap()).unwrap();
    assert_eq!(back, rich);
}

#[test]
fn presence_update_decodes_with_partial_user_and_unknown_values() {
    let presence: Presence = serde_json::from_value(json!({
        "user": {"id": "80351110224678912"},
        "guild_id": "197038439483310086",
        "status": "idle",
        "activities": [
            {"name": "Custom Status", "type": 4, "state": "coding",
             "emoji": {"name": "🦀"}, "created_at": 1},
            {"name": "Something new", "type": 9, "status_display_type": 7}
        ],
        "client_status": {"desktop": "idle", "mobile": "online", "watch": "online"}
    }))
    .unwrap();
    assert_eq!(presence.status, Status::Idle);
    assert_eq!(presence.user.username, None);
    assert_eq!(
        presence.activities[0].emoji.as_ref().unwrap().name.as_ref(),
        "🦀"
    );
    assert_eq!(presence.activities[1].kind, ActivityType::Unknown(9));
    assert_eq!(
        presence.activities[1].status_display_type,
        Some(StatusDisplayType::Unknown(7))
    );
    assert_eq!(presence.client_status.mobile, Some(Status::Online));
    assert_eq!(presence.client_status.web, None);
    let odd: Presence =
        serde_json::from_value(json!({"user": {"id": "1"}, "status": "napping"})).unwrap();
    assert_eq!(odd.status, Status::Unknown("napping".into()));
    assert_eq!(odd.status.as_str(), "napping");
}

#[test]
fn builders_make_what_a_bot_may_send() {
    let cases = [
        (
            Activity::playing("chess"),
            json!({"name": "chess", "type": 0}),
        ),
        (
            Activity::streaming("Rocket League", "https://twitch.tv/discord"),
            json!({"name": "Rocket League", "type": 1, "url": "https://twitch.tv/discord"}),
        ),
        (
            Activity::listening("rain"),
            json!({"name": "rain", "type": 2}),
        ),
        (Activity::watching("you"), json!({"name": "you", "type": 3})),
        (
            Activity::competing("a cup"),
            json!({"name": "a cup", "type": 5}),
        ),
        (
            Activity::custom("Fixing bugs"),
            json!({"name": "Custom Status", "type": 4, "state": "Fixing bugs"}),
        ),
    ];
    for (activity, expected) in cases {
        assert_eq!(serde_json::to_value(&activity).unwrap(), expected);
        let back: Activity = serde_json::from_value(expected).unwrap();
        assert_eq!(back, activity);
    }
}

#[test]
fn gateway_frames_round_trip() {
    // developers/events/gateway-events.mdx: the example op 3 and the full IDENTIFY's presence.
    for pointer in [
        "/presence_update/payload/d",
        "/identify_full/payload/d/presence",
    ] {
        let frame = test_fixture("gateway_frames.json", pointer);
        let presence: UpdatePresence = serde_json::from_value(frame.clone()).unwrap();
        assert_eq!(serde_json::to_value(&presence).unwrap(), frame, "{pointer}");
    }
    let presence = UpdatePresence::new(Status::Online)
        .activity(Activity::playing("Save the Oxford Comma"))
        .since(91879201);
    assert_eq!(
        serde_json::to_value(&presence).unwrap(),
        test_fixture("gateway_frames.json", "/presence_update/payload/d")
    );
    let from_activity = UpdatePresence::from(Activity::playing("x"));
    assert_eq!(from_activity.status, Status::Online);
    assert_eq!(
        serde_json::to_value(UpdatePresence::from(Status::Invisible).afk(true)).unwrap(),
        json!({"since": null, "activities": [], "status": "invisible", "afk": true})
    );
}

#[test]
fn sent_buttons_keep_their_urls() {
    let mut activity = Activity::playing("x");
    activity.buttons.push(
        serde_json::from_value(json!({"label": "Site", "url": "https://example.com"})).unwrap(),
    );
    let value = serde_json::to_value(&activity).unwrap();
    assert_eq!(
        value["buttons"],
        json!([{"label": "Site", "url": "https://example.com"}])
    );
    assert_eq!(serde_json::from_value::<Activity>(value).unwrap(), activity);
}
