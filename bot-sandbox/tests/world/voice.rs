//! Voice states: members join, move between and leave voice channels, mute and deafen themselves,
//! and the bot mutes, deafens, moves and disconnects them over REST. Each change is a
//! VOICE_STATE_UPDATE (developers/resources/voice.mdx "Voice State Object", with `guild_id` and
//! the `member`) to sessions with GUILD_VOICE_STATES only, and GUILD_CREATE lists the guild's
//! voice states without `guild_id` (GE "Guild Create").

use crate::schema::Spec;
use crate::setup::*;
use reqwest::Method;
use serde_json::{Value, json};

/// The `channel_id`s of VOICE_STATE_UPDATEs, and their `(mute, deaf, self_mute, self_deaf)`.
fn voice_trail(seen: &[Value]) -> Vec<(Value, (bool, bool, bool, bool))> {
    data_of(seen, "VOICE_STATE_UPDATE")
        .into_iter()
        .map(|d| {
            let flag = |key: &str| d[key].as_bool().unwrap();
            (
                d["channel_id"].clone(),
                (
                    flag("mute"),
                    flag("deaf"),
                    flag("self_mute"),
                    flag("self_deaf"),
                ),
            )
        })
        .collect()
}

#[tokio::test]
async fn voice_states_follow_joins_moves_and_leaves() {
    let World {
        sandbox,
        rest,
        world,
        ..
    } = moderated().await;
    let spec = Spec::load();
    let (g, bob) = (world.guild, world.member);
    let lounge = sandbox.create_channel(g, "lounge", 2).unwrap();
    let stage = sandbox.create_channel(g, "stage", 13).unwrap();
    let (mut voice, _) = connect(&sandbox, GUILD_VOICE_STATES).await;
    let (mut guilds, _) = connect(&sandbox, GUILDS | GUILD_MEMBERS).await;

    assert!(sandbox.join_voice(g, bob, lounge));
    assert!(
        sandbox.join_voice(g, bob, lounge),
        "already there: nothing sent"
    );
    assert!(!sandbox.join_voice(g, bob, world.channel), "a text channel");
    assert!(!sandbox.join_voice(g, 1, lounge), "not a member");
    assert!(sandbox.set_voice_self(g, bob, true, false, false));
    let (_, fresh) = connect(&sandbox, GUILDS).await;
    let states = fresh[0]["voice_states"].as_array().unwrap().clone();
    assert_eq!(states.len(), 1, "{states:?}");
    assert_eq!(states[0]["user_id"], bob.to_string());
    assert_eq!(states[0]["channel_id"], lounge.to_string());
    assert_eq!(states[0]["self_mute"], true);
    assert!(
        states[0].get("guild_id").is_none(),
        "GUILD_CREATE's lack guild_id"
    );
    assert_eq!(sandbox.voice_states(g), states);

    let member = format!("/guilds/{g}/members/{bob}");
    let (status, edited) = rest
        .send(
            Method::PATCH,
            &member,
            Some(json!({"mute": true, "deaf": true})),
        )
        .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(
        (&edited["mute"], &edited["deaf"]),
        (&json!(true), &json!(true))
    );
    let (status, _) = rest
        .send(
            Method::PATCH,
            &member,
            Some(json!({"channel_id": stage.to_string()})),
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = rest
        .send(
            Method::PATCH,
            &member,
            Some(json!({"channel_id": world.channel.to_string()})),
        )
        .await;
    assert_eq!((status, code(&body)), (400, 50024), "not a voice channel");
    let (status, _) = rest
        .send(Method::PATCH, &member, Some(json!({"channel_id": null})))
        .await;
    assert_eq!(status, 200, "disconnected");
    let (status, body) = rest
        .send(Method::PATCH, &member, Some(json!({"channel_id": null})))
        .await;
    assert_eq!((status, code(&body)), (400, 40032));
    assert!(!sandbox.leave_voice(g, bob), "no longer connected");

    assert!(sandbox.join_voice(g, bob, lounge));
    assert!(sandbox.delete_channel(lounge), "disconnects bob");
    assert!(sandbox.join_voice(g, bob, stage));
    assert!(
        sandbox.remove_member(g, bob),
        "leaving the guild leaves voice"
    );
    fence(&sandbox).await;

    let seen = until_fence(&mut voice).await;
    let (lounge, stage) = (json!(lounge.to_string()), json!(stage.to_string()));
    assert_eq!(
        voice_trail(&seen),
        [
            (lounge.clone(), (false, false, false, false)),
            (lounge.clone(), (false, false, true, false)),
            (lounge.clone(), (true, true, true, false)),
            (stage.clone(), (true, true, true, false)),
            (Value::Null, (true, true, true, false)),
            (lounge.clone(), (true, true, false, false)),
            (Value::Null, (true, true, false, false)),
            (stage.clone(), (true, true, false, false)),
            (Value::Null, (true, true, false, false)),
        ]
    );
    let joined = &data_of(&seen, "VOICE_STATE_UPDATE")[0];
    spec.assert_valid("VoiceStateResponse", joined);
    assert_eq!(joined["guild_id"], g.to_string());
    assert_eq!(joined["member"]["user"]["id"], bob.to_string());
    assert_eq!(
        names(&seen)
            .into_iter()
            .filter(|n| *n != "VOICE_STATE_UPDATE")
            .count(),
        0,
        "GUILD_VOICE_STATES alone: nothing but voice states"
    );
    let others = until_fence(&mut guilds).await;
    assert!(
        !names(&others).contains(&"VOICE_STATE_UPDATE"),
        "{:?}",
        names(&others)
    );
    assert_eq!(
        names(&others),
        [
            "GUILD_MEMBER_UPDATE",
            "CHANNEL_DELETE",
            "GUILD_MEMBER_REMOVE"
        ],
        "the REST mute and deafen; the lounge; bob leaving"
    );
}
