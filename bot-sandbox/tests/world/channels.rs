//! Guild channels are created and deleted through one API whether a test scripts the change or
//! the bot calls REST (developers/resources/guild.mdx "Create Guild Channel"): 201 with a channel
//! valid against Discord's OpenAPI description, 50035 for bad fields, 50013 without
//! MANAGE_CHANNELS, and CHANNEL_CREATE / CHANNEL_DELETE to sessions with GUILDS only.

use crate::schema::Spec;
use crate::setup::*;
use bot_sandbox::RoleUpdate;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn guild_channels_are_created_and_deleted_with_channel_events() {
    let World {
        sandbox,
        rest,
        world,
        bot_role,
    } = moderated().await;
    let spec = Spec::load();
    let g = world.guild;
    let (mut guilds, _) = connect(&sandbox, GUILDS).await;
    let (mut members, _) = connect(&sandbox, GUILD_MEMBERS).await;
    let channels = format!("/guilds/{g}/channels");

    let (status, created) = rest
        .send(
            Method::POST,
            &channels,
            Some(json!({"name": "lobby", "type": 2})),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    spec.assert_valid("GuildChannelResponse", &created);
    assert_eq!(
        (&created["type"], &created["bitrate"]),
        (&json!(2), &json!(64000))
    );
    let (status, listed) = rest.get(&channels).await;
    assert_eq!(status, 200);
    assert!(listed.as_array().unwrap().contains(&created), "{listed}");
    for (body, field) in [
        (json!({"type": 0}), "name"),
        (json!({"name": "t", "type": 11}), "type"),
        (
            json!({"name": "t", "parent_id": world.channel.to_string()}),
            "parent_id",
        ),
        (
            json!({"name": "t", "rate_limit_per_user": 30000}),
            "rate_limit_per_user",
        ),
    ] {
        let (status, error) = rest.send(Method::POST, &channels, Some(body.clone())).await;
        assert_eq!((status, code(&error)), (400, 50035), "{body}");
        assert!(error["errors"][field]["_errors"].is_array(), "{error}");
    }
    let id = created["id"].as_str().unwrap();
    let (status, deleted) = rest
        .send(Method::DELETE, &format!("/channels/{id}"), None)
        .await;
    assert_eq!((status, &deleted["id"]), (200, &created["id"]));
    let scripted = sandbox.create_channel(g, "stage", 13).unwrap();
    assert!(sandbox.delete_channel(scripted));
    assert!(!sandbox.delete_channel(scripted));
    assert!(sandbox.update_role(g, bot_role, RoleUpdate::default().permissions(VIEW_CHANNEL)));
    let (status, body) = rest
        .send(Method::POST, &channels, Some(json!({"name": "nope"})))
        .await;
    assert_eq!(
        (status, code(&body)),
        (403, 50013),
        "without MANAGE_CHANNELS"
    );
    fence(&sandbox).await;

    let seen = until_fence(&mut guilds).await;
    assert_eq!(
        names(&seen),
        [
            "CHANNEL_CREATE",
            "CHANNEL_DELETE",
            "CHANNEL_CREATE",
            "CHANNEL_DELETE",
            "GUILD_ROLE_UPDATE"
        ]
    );
    assert_eq!(seen[0]["d"], created);
    assert_eq!(seen[2]["d"]["id"], scripted.to_string());
    assert_eq!(names(&until_fence(&mut members).await), Vec::<&str>::new());
}
