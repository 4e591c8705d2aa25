//! Members change through one API whether a test scripts the change or the bot calls REST: each
//! member route answers as Discord does (bodies valid against Discord's OpenAPI description;
//! 50013 without the permission or below the role hierarchy, 10007 for unknown members, 50035 for
//! bad fields, under the field's name), and GUILD_MEMBER_ADD / UPDATE / REMOVE reach a raw gateway
//! session with GUILD_MEMBERS and not one without (GE "Guild Member Add/Update/Remove"), but for
//! updates about the bot itself.

use crate::schema::Spec;
use crate::setup::*;
use bot_sandbox::{MemberUpdate, ProfileUpdate, RoleUpdate};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

/// An ISO 8601 time `ahead` from now, as Discord writes them.
fn iso_in(ahead: Duration) -> String {
    humantime::format_rfc3339_micros(SystemTime::now() + ahead)
        .to_string()
        .replace('Z', "+00:00")
}

#[tokio::test]
async fn member_routes_answer_as_discord_and_emit_member_events() {
    let World {
        sandbox,
        rest,
        world,
        ..
    } = moderated().await;
    let spec = Spec::load();
    let (g, bob, alice) = (world.guild, world.member, world.owner);
    let (mut members, _) = connect(&sandbox, GUILD_MEMBERS).await;
    let (mut guilds, _) = connect(&sandbox, GUILDS).await;

    let (status, member) = rest.get(&format!("/guilds/{g}/members/{bob}")).await;
    assert_eq!(status, 200, "{member}");
    spec.assert_valid("GuildMemberResponse", &member);
    assert_eq!(member["user"]["id"], bob.to_string());
    let (status, body) = rest.get(&format!("/guilds/{g}/members/1")).await;
    assert_eq!((status, code(&body)), (404, 10007));

    let (status, all) = rest.get(&format!("/guilds/{g}/members?limit=1000")).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["user"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "alice, bob and the bot");
    assert!(
        ids.windows(2)
            .all(|w| w[0].parse::<u64>().unwrap() < w[1].parse().unwrap())
    );
    for member in all.as_array().unwrap() {
        spec.assert_valid("GuildMemberResponse", member);
    }
    let (_, first) = rest.get(&format!("/guilds/{g}/members")).await;
    assert_eq!(
        first.as_array().map(Vec::len),
        Some(1),
        "limit defaults to 1"
    );
    let (_, next) = rest
        .get(&format!("/guilds/{g}/members?limit=1&after={}", ids[0]))
        .await;
    assert_eq!(next[0]["user"]["id"], ids[1]);
    let (status, body) = rest.get(&format!("/guilds/{g}/members?limit=0")).await;
    assert_eq!((status, code(&body)), (400, 50035));
    assert!(body["errors"]["limit"]["_errors"].is_array(), "{body}");

    let path = format!("/guilds/{g}/members/{bob}");
    let (status, edited) = rest
        .send(Method::PATCH, &path, Some(json!({"nick": "bobby"})))
        .await;
    assert_eq!(status, 200, "{edited}");
    spec.assert_valid("GuildMemberResponse", &edited);
    assert_eq!(edited["nick"], "bobby");
    let (status, body) = rest
        .send(Method::PATCH, &path, Some(json!({"nick": "b".repeat(33)})))
        .await;
    assert_eq!((status, code(&body)), (400, 50035));
    assert!(body["errors"]["nick"]["_errors"].is_array(), "{body}");
    let (status, body) = rest
        .send(
            Method::PATCH,
            &format!("/guilds/{g}/members/{alice}"),
            Some(json!({"nick": "boss"})),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (403, 50013),
        "the owner is above the bot"
    );
    let until = iso_in(Duration::from_secs(3600));
    let (status, timed_out) = rest
        .send(
            Method::PATCH,
            &path,
            Some(json!({"communication_disabled_until": until})),
        )
        .await;
    assert_eq!(status, 200, "{timed_out}");
    assert_eq!(timed_out["communication_disabled_until"], until);
    let too_long = iso_in(Duration::from_secs(29 * 86_400));
    let (status, body) = rest
        .send(
            Method::PATCH,
            &path,
            Some(json!({"communication_disabled_until": too_long})),
        )
        .await;
    assert_eq!((status, code(&body)), (400, 50035));
    for bad in [json!({"mute": "yes"}), json!({"roles": "all"}), json!([1])] {
        let (status, body) = rest.send(Method::PATCH, &path, Some(bad.clone())).await;
        assert_eq!((status, code(&body)), (400, 50035), "{bad}: {body}");
    }
    let (status, body) = rest
        .send(Method::PATCH, &path, Some(json!({"mute": true})))
        .await;
    assert_eq!(
        (status, code(&body)),
        (400, 40032),
        "bob is in no voice channel"
    );

    let (status, _) = rest.send(Method::DELETE, &path, None).await;
    assert_eq!(status, 204);
    let (status, body) = rest.send(Method::DELETE, &path, None).await;
    assert_eq!((status, code(&body)), (404, 10007));
    let (status, body) = rest
        .send(
            Method::DELETE,
            &format!("/guilds/{g}/members/{alice}"),
            None,
        )
        .await;
    assert_eq!((status, code(&body)), (403, 50013));
    fence(&sandbox).await;

    let seen = until_fence(&mut members).await;
    assert_eq!(
        names(&seen),
        [
            "GUILD_MEMBER_UPDATE",
            "GUILD_MEMBER_UPDATE",
            "GUILD_MEMBER_REMOVE"
        ]
    );
    let update = &seen[0]["d"];
    assert_eq!(update["guild_id"], g.to_string());
    assert_eq!(update["nick"], "bobby");
    assert_eq!(update["user"]["id"], bob.to_string());
    spec.assert_valid("GuildMemberResponse", update);
    assert_eq!(seen[1]["d"]["communication_disabled_until"], until);
    assert_eq!(
        seen[2]["d"],
        json!({"guild_id": g.to_string(), "user": member["user"]})
    );
    assert_eq!(names(&until_fence(&mut guilds).await), Vec::<&str>::new());
}

#[tokio::test]
async fn scripted_member_changes_reach_sessions_with_guild_members_only() {
    let World { sandbox, world, .. } = moderated().await;
    let spec = Spec::load();
    let g = world.guild;
    let (mut members, _) = connect(&sandbox, GUILD_MEMBERS).await;
    let (mut guilds, _) = connect(&sandbox, GUILDS).await;
    let carol = sandbox.add_user("carol");

    assert!(sandbox.join_member(g, carol, &[world.role]));
    assert!(!sandbox.join_member(g, 1, &[]), "an unknown user");
    assert!(!sandbox.join_member(g, carol, &[1]), "an unknown role");
    let update = MemberUpdate::default()
        .nick(Some("caz"))
        .avatar(Some("a_1269e74af4df7417b13759eae50c83dc"));
    assert!(sandbox.update_member(g, carol, update));
    assert!(!sandbox.update_member(g, 1, MemberUpdate::default().nick(None)));
    let profile = ProfileUpdate::default()
        .global_name(Some("Carol C."))
        .avatar(Some("8342729096ea3675442027381ff50dfe"));
    assert!(sandbox.update_profile(carol, profile));
    assert!(!sandbox.update_profile(1, ProfileUpdate::default()));
    assert!(sandbox.remove_member(g, carol));
    assert!(!sandbox.remove_member(g, carol), "not a member any more");
    assert!(
        !sandbox.remove_member(g, world.owner),
        "the owner cannot leave"
    );
    fence(&sandbox).await;

    let seen = until_fence(&mut members).await;
    assert_eq!(
        names(&seen),
        [
            "GUILD_MEMBER_ADD",
            "GUILD_MEMBER_UPDATE",
            "GUILD_MEMBER_UPDATE",
            "GUILD_MEMBER_REMOVE"
        ]
    );
    let added = &seen[0]["d"];
    assert_eq!(added["guild_id"], g.to_string());
    assert_eq!(added["user"]["username"], "carol");
    assert_eq!(added["roles"], json!([world.role.to_string()]));
    spec.assert_valid("GuildMemberResponse", added);
    let updated = &seen[1]["d"];
    for key in [
        "guild_id",
        "roles",
        "user",
        "nick",
        "avatar",
        "banner",
        "joined_at",
        "premium_since",
        "deaf",
        "mute",
        "pending",
        "communication_disabled_until",
        "flags",
    ] {
        assert!(
            updated.get(key).is_some(),
            "GUILD_MEMBER_UPDATE lacks {key}: {updated}"
        );
    }
    assert_eq!(
        (&updated["nick"], &updated["avatar"]),
        (&json!("caz"), &json!("a_1269e74af4df7417b13759eae50c83dc"))
    );
    assert_eq!(updated["joined_at"], added["joined_at"]);
    let profile = &seen[2]["d"]["user"];
    assert_eq!(
        (&profile["global_name"], &profile["avatar"]),
        (
            &json!("Carol C."),
            &json!("8342729096ea3675442027381ff50dfe")
        )
    );
    assert_eq!(
        seen[3]["d"],
        json!({"guild_id": g.to_string(), "user": profile})
    );
    assert_eq!(names(&until_fence(&mut guilds).await), Vec::<&str>::new());
    assert_eq!(sandbox.member(g, carol), None);
}

#[tokio::test]
async fn the_bots_own_profile_is_a_user_update() {
    let World { sandbox, world, .. } = moderated().await;
    let (mut client, _) = connect(&sandbox, GUILDS).await;
    let bot = sandbox.bot_user_id();
    assert!(sandbox.update_profile(bot, ProfileUpdate::default().username("Renamed")));
    fence(&sandbox).await;
    let seen = until_fence(&mut client).await;
    assert_eq!(names(&seen), ["USER_UPDATE", "GUILD_MEMBER_UPDATE"]);
    assert_eq!(seen[0]["d"]["username"], "Renamed");
    let member: &Value = &seen[1]["d"];
    assert_eq!(
        (&member["guild_id"], &member["user"]["username"]),
        (&json!(world.guild.to_string()), &json!("Renamed")),
        "about the bot itself, sent whatever the intents"
    );
}

#[tokio::test]
async fn the_bot_edits_its_own_member_with_change_nickname() {
    let World {
        sandbox,
        rest,
        world,
        bot_role,
    } = moderated().await;
    let spec = Spec::load();
    let g = world.guild;
    let (mut client, _) = connect(&sandbox, GUILDS).await;
    let me = format!("/guilds/{g}/members/@me");
    let (status, body) = rest
        .send(Method::PATCH, &me, Some(json!({"nick": "Moderator"})))
        .await;
    assert_eq!(
        (status, code(&body)),
        (403, 50013),
        "without CHANGE_NICKNAME"
    );
    assert!(sandbox.update_role(
        g,
        bot_role,
        RoleUpdate::default().permissions(MODERATION | CHANGE_NICKNAME)
    ));
    let avatar = "data:image/png;base64,iVBORw0KGgo=";
    let (status, edited) = rest
        .send(
            Method::PATCH,
            &me,
            Some(json!({"nick": "Moderator", "avatar": avatar})),
        )
        .await;
    assert_eq!(status, 200, "{edited}");
    spec.assert_valid("PrivateGuildMemberResponse", &edited);
    assert_eq!(edited["nick"], "Moderator");
    let hash = edited["avatar"].as_str().expect("a hash");
    assert!(
        hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{hash}"
    );
    let (status, body) = rest
        .send(Method::PATCH, &me, Some(json!({"avatar": "not an image"})))
        .await;
    assert_eq!((status, code(&body)), (400, 50035));
    assert!(body["errors"]["avatar"]["_errors"].is_array(), "{body}");
    fence(&sandbox).await;
    let seen = until_fence(&mut client).await;
    assert_eq!(names(&seen), ["GUILD_ROLE_UPDATE", "GUILD_MEMBER_UPDATE"]);
    assert_eq!(
        (&seen[1]["d"]["user"]["id"], &seen[1]["d"]["nick"]),
        (
            &json!(sandbox.bot_user_id().to_string()),
            &json!("Moderator")
        ),
        "about the bot itself: sent whatever the intents"
    );
}
