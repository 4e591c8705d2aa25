//! Roles change through one API whether a test scripts the change or the bot calls REST: the
//! member-role and role routes answer as Discord does (bodies valid against Discord's OpenAPI
//! description; 50013 without MANAGE_ROLES, for a permission the bot lacks or a role not below its
//! highest; 10007 / 10011 for unknown members and roles; 50035 for bad fields), and
//! GUILD_MEMBER_UPDATE (GUILD_MEMBERS) and GUILD_ROLE_CREATE / UPDATE / DELETE (GUILDS) reach the
//! sessions with their intent only.

use crate::schema::Spec;
use crate::setup::*;
use bot_sandbox::RoleUpdate;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn member_roles_need_manage_roles_and_a_role_below_the_bots() {
    let World {
        sandbox,
        rest,
        world,
        bot_role,
    } = moderated().await;
    let (g, bob) = (world.guild, world.member);
    let (mut members, _) = connect(&sandbox, GUILD_MEMBERS).await;
    let path = |role: u64| format!("/guilds/{g}/members/{bob}/roles/{role}");

    let (status, _) = rest.send(Method::PUT, &path(world.role), None).await;
    assert_eq!(status, 204);
    let (status, _) = rest.send(Method::PUT, &path(world.role), None).await;
    assert_eq!(status, 204, "again: no change, no event");
    let (status, body) = rest.send(Method::PUT, &path(1), None).await;
    assert_eq!((status, code(&body)), (404, 10011));
    let (status, body) = rest.send(Method::PUT, &path(bot_role), None).await;
    assert_eq!(
        (status, code(&body)),
        (403, 50013),
        "the bot's own highest role is not below it"
    );
    let (status, body) = rest
        .send(
            Method::PUT,
            &format!("/guilds/{g}/members/1/roles/{}", world.role),
            None,
        )
        .await;
    assert_eq!((status, code(&body)), (404, 10007));
    let (status, _) = rest.send(Method::DELETE, &path(world.role), None).await;
    assert_eq!(status, 204);
    assert!(sandbox.update_role(g, bot_role, RoleUpdate::default().permissions(VIEW_CHANNEL)));
    let (status, body) = rest.send(Method::PUT, &path(world.role), None).await;
    assert_eq!((status, code(&body)), (403, 50013), "without MANAGE_ROLES");
    fence(&sandbox).await;

    let seen = until_fence(&mut members).await;
    assert_eq!(names(&seen), ["GUILD_MEMBER_UPDATE", "GUILD_MEMBER_UPDATE"]);
    assert_eq!(seen[0]["d"]["roles"], json!([world.role.to_string()]));
    assert_eq!(seen[1]["d"]["roles"], json!([]));
}

#[tokio::test]
async fn role_routes_create_modify_and_delete_with_role_events() {
    let World {
        sandbox,
        rest,
        world,
        bot_role,
    } = moderated().await;
    let spec = Spec::load();
    let g = world.guild;
    let (mut guilds, _) = connect(&sandbox, GUILDS).await;
    let (mut none, _) = connect(&sandbox, GUILD_MEMBERS).await;
    let roles = format!("/guilds/{g}/roles");

    let (status, role) = rest
        .send(
            Method::POST,
            &roles,
            Some(
                json!({"name": "helpers", "permissions": "1024", "color": 0x3498db,
                        "hoist": true, "mentionable": true}),
            ),
        )
        .await;
    assert_eq!(status, 200, "{role}");
    spec.assert_valid("GuildRoleResponse", &role);
    assert_eq!(
        (
            &role["name"],
            &role["permissions"],
            &role["position"],
            &role["hoist"]
        ),
        (&json!("helpers"), &json!("1024"), &json!(1), &json!(true))
    );
    let id: u64 = role["id"].as_str().unwrap().parse().unwrap();
    let (status, fetched) = rest.get(&format!("{roles}/{id}")).await;
    assert_eq!((status, &fetched), (200, &role));
    let (status, body) = rest
        .send(
            Method::POST,
            &roles,
            Some(json!({"name": "admins", "permissions": ADMINISTRATOR.to_string()})),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (403, 50013),
        "a permission the bot lacks"
    );
    let (status, body) = rest
        .send(Method::POST, &roles, Some(json!({"name": "x".repeat(101)})))
        .await;
    assert_eq!((status, code(&body)), (400, 50035));
    assert!(body["errors"]["name"]["_errors"].is_array(), "{body}");

    let (status, edited) = rest
        .send(
            Method::PATCH,
            &format!("{roles}/{id}"),
            Some(json!({"name": "helpers+"})),
        )
        .await;
    assert_eq!(status, 200, "{edited}");
    spec.assert_valid("GuildRoleResponse", &edited);
    assert_eq!(edited["name"], "helpers+");
    let (status, body) = rest
        .send(
            Method::PATCH,
            &format!("{roles}/1"),
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!((status, code(&body)), (404, 10011));
    let (status, body) = rest
        .send(
            Method::PATCH,
            &format!("{roles}/{bot_role}"),
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!((status, code(&body)), (403, 50013), "not below the bot's");

    assert!(sandbox.set_member_roles(g, world.member, &[id]));
    let (status, _) = rest
        .send(Method::DELETE, &format!("{roles}/{id}"), None)
        .await;
    assert_eq!(status, 204);
    let (status, body) = rest
        .send(Method::DELETE, &format!("{roles}/{g}"), None)
        .await;
    assert_eq!((status, code(&body)), (400, 50028), "@everyone stays");
    let (status, member) = rest
        .get(&format!("/guilds/{g}/members/{}", world.member))
        .await;
    assert_eq!((status, &member["roles"]), (200, &json!([])));
    fence(&sandbox).await;

    let seen = until_fence(&mut guilds).await;
    assert_eq!(
        names(&seen),
        [
            "GUILD_ROLE_CREATE",
            "GUILD_ROLE_UPDATE",
            "GUILD_ROLE_DELETE"
        ],
        "no GUILD_MEMBER_UPDATE for the member who lost the deleted role"
    );
    assert_eq!(
        seen[0]["d"],
        json!({"guild_id": g.to_string(), "role": role})
    );
    assert_eq!(
        seen[1]["d"],
        json!({"guild_id": g.to_string(), "role": edited})
    );
    assert_eq!(
        seen[2]["d"],
        json!({"guild_id": g.to_string(), "role_id": id.to_string()})
    );
    assert_eq!(
        names(&until_fence(&mut none).await),
        ["GUILD_MEMBER_UPDATE"],
        "GUILD_MEMBERS alone: the scripted role change, no role event"
    );
}
