//! The walk of the guild routes the SDK has no call for yet, by hand: members (get, list,
//! modify, kick, add and remove a role), roles (create, get, modify, delete) and guild channels
//! (list, create), each with a success and, where the path can be wrong, a 404 or 403.

use super::walk::Raw;
use bot_sandbox::{DefaultGuild, SandboxHandle};
use reqwest::Method;
use serde_json::json;

/// KICK_MEMBERS, MANAGE_CHANNELS, VIEW_CHANNEL, CHANGE_NICKNAME, MANAGE_NICKNAMES, MANAGE_ROLES.
const MODERATION: u64 = (1 << 1) | (1 << 4) | (1 << 10) | (1 << 26) | (1 << 27) | (1 << 28);

/// Calls every member, role and guild-channel route through `raw`.
pub async fn guild(sandbox: &SandboxHandle, world: DefaultGuild, raw: &Raw) {
    let g = world.guild;
    let role = sandbox
        .add_role(g, "guild-walker", MODERATION)
        .expect("the guild");
    assert!(sandbox.set_member_roles(g, sandbox.bot_user_id(), &[role]));
    let leaver = sandbox.add_user("leaver");
    assert!(sandbox.add_member(g, leaver, &[]));
    let member = format!("/guilds/{g}/members/{}", world.member);
    let member_role = format!("{member}/roles/{}", world.role);
    let roles = format!("/guilds/{g}/roles");

    for (method, path, body, status) in [
        (Method::GET, member.clone(), None, 200),
        (
            Method::GET,
            format!("/guilds/{g}/members?limit=10"),
            None,
            200,
        ),
        (
            Method::PATCH,
            member.clone(),
            Some(json!({"nick": "walked"})),
            200,
        ),
        (
            Method::PATCH,
            format!("/guilds/{g}/members/@me"),
            Some(json!({"nick": "walker"})),
            200,
        ),
        (Method::PUT, member_role.clone(), None, 204),
        (Method::DELETE, member_role.clone(), None, 204),
        (Method::GET, format!("/guilds/{g}/members/1"), None, 404),
        (Method::PUT, format!("{member}/roles/1"), None, 404),
        (
            Method::DELETE,
            format!("/guilds/{g}/members/{}", world.owner),
            None,
            403,
        ),
        (
            Method::DELETE,
            format!("/guilds/{g}/members/{leaver}"),
            None,
            204,
        ),
        (Method::GET, format!("/guilds/{g}/channels"), None, 200),
        (
            Method::POST,
            format!("/guilds/{g}/channels"),
            Some(json!({"name": "walked", "type": 0, "topic": "by hand"})),
            201,
        ),
        (Method::GET, format!("{roles}/1"), None, 404),
    ] {
        let (got, answer) = raw.send(method.clone(), &path, body).await;
        assert_eq!(got, status, "{method} {path}: {answer}");
    }

    let (status, created) = raw
        .send(
            Method::POST,
            &roles,
            Some(json!({"name": "walkers", "permissions": 1024, "color": 1, "hoist": true})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_str().expect("the role's id").to_owned();
    let one = format!("{roles}/{id}");
    let (status, _) = raw.send(Method::GET, &one, None).await;
    assert_eq!(status, 200);
    let (status, _) = raw
        .send(Method::PATCH, &one, Some(json!({"name": "walkers!"})))
        .await;
    assert_eq!(status, 200);
    let (status, _) = raw.send(Method::DELETE, &one, None).await;
    assert_eq!(status, 204);
}
