//! Who owns the application, as `is_owner` checks read it from `GET /applications/@me`: a user
//! (`owner`, `team: null`) or a team (`owner` the team's pseudo-user, `team` with its members and
//! their roles), in the shapes of developers/resources/application.mdx, developers/topics/teams.mdx
//! and the spec's `PrivateApplicationResponse`.

mod common;
mod schema;
mod support;

use bot_sandbox::{Sandbox, TeamRole};
use schema::Spec;
use serde_json::{Value, json};
use support::Rest;

const PATHS: [&str; 2] = ["/applications/@me", "/oauth2/applications/@me"];

async fn applications(rest: &Rest) -> Vec<Value> {
    let mut found = Vec::new();
    for path in PATHS {
        let (status, body) = rest.get(path).await;
        assert_eq!(status, 200, "{path}: {body}");
        found.push(body);
    }
    found
}

#[tokio::test]
async fn a_user_owned_application_names_its_owner_and_has_no_team() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let rest = Rest::new(&sandbox);
    let spec = Spec::load();
    for app in applications(&rest).await {
        assert_eq!(app["team"], Value::Null);
        assert_eq!(app["owner"]["id"], world.owner.to_string(), "by default");
        assert_eq!(app["owner"]["username"], "alice");
        spec.assert_valid("PrivateApplicationResponse", &app);
    }
    assert!(sandbox.set_application_owner(world.member));
    assert!(!sandbox.set_application_owner(1), "an unknown user");
    for app in applications(&rest).await {
        assert_eq!(app["team"], Value::Null);
        assert_eq!(app["owner"]["id"], world.member.to_string());
        assert_eq!(app["owner"]["username"], "bob");
        assert_eq!(app["owner"]["discriminator"], "0");
        assert_eq!(app["owner"]["flags"], 0, "a person, not a team");
        spec.assert_valid("PrivateApplicationResponse", &app);
    }
    let empty = Sandbox::builder().empty_world().start().await.unwrap();
    let carol = empty.add_user("carol");
    assert!(empty.set_application_owner(carol));
    let (_, app) = Rest::new(&empty).get("/applications/@me").await;
    assert_eq!(app["owner"]["id"], carol.to_string(), "no guild needed");
}

#[tokio::test]
async fn a_team_owned_application_lists_the_team_and_a_pseudo_user_owner() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let carol = sandbox.add_user("carol");
    let dave = sandbox.add_user("dave");
    let rest = Rest::new(&sandbox);
    let spec = Spec::load();
    assert!(
        !sandbox.set_team_member(carol, TeamRole::Admin),
        "no team yet"
    );
    assert_eq!(
        sandbox.set_team("Sandbox Devs", world.owner, &[1]),
        None,
        "an unknown member"
    );
    let team = sandbox
        .set_team(
            "Sandbox Devs",
            world.owner,
            &[world.member, carol, world.owner],
        )
        .expect("known users");
    for app in applications(&rest).await {
        spec.assert_valid("PrivateApplicationResponse", &app);
        let owner = &app["owner"];
        assert_eq!(owner["id"], team.to_string(), "the team's pseudo-user");
        assert_eq!(owner["username"], format!("team{team}"));
        assert_eq!(owner["discriminator"], "0000");
        assert_eq!(owner["flags"], 1024, "TEAM_PSEUDO_USER");
        assert_eq!(owner["public_flags"], 1024);
        assert_eq!(owner["avatar"], Value::Null);
        let listed = &app["team"];
        assert_eq!(listed["id"], team.to_string());
        assert_eq!(listed["name"], "Sandbox Devs");
        assert_eq!(listed["icon"], Value::Null);
        assert_eq!(listed["owner_user_id"], world.owner.to_string());
        let members = listed["members"].as_array().unwrap();
        assert_eq!(members.len(), 3, "the owner once, then bob and carol");
        for (member, (id, name, role)) in members.iter().zip([
            (world.owner, "alice", "admin"),
            (world.member, "bob", "developer"),
            (carol, "carol", "developer"),
        ]) {
            assert_eq!(member["membership_state"], 2, "ACCEPTED");
            assert_eq!(member["team_id"], team.to_string());
            assert_eq!(member["permissions"], json!(["*"]));
            assert_eq!(member["role"], role);
            assert_eq!(member["user"]["id"], id.to_string());
            assert_eq!(member["user"]["username"], name);
            for field in ["discriminator", "avatar", "global_name"] {
                assert!(member["user"].get(field).is_some(), "{field} in {member}");
            }
        }
    }
    assert!(sandbox.set_team_member(carol, TeamRole::ReadOnly));
    assert!(sandbox.set_team_member(dave, TeamRole::Admin));
    assert!(!sandbox.set_team_member(1, TeamRole::Developer));
    assert!(
        sandbox.set_application_owner(world.member),
        "a known user, though the team keeps owning the application"
    );
    let (_, app) = rest.get("/applications/@me").await;
    spec.assert_valid("PrivateApplicationResponse", &app);
    assert_eq!(app["owner"]["id"], team.to_string());
    let roles: Vec<(&str, &str)> = app["team"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["user"]["username"].as_str().unwrap(),
                m["role"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("alice", "admin"),
            ("bob", "developer"),
            ("carol", "read_only"),
            ("dave", "admin")
        ]
    );
}

// The checker these tests lean on does refuse what the spec refuses.
#[test]
fn the_spec_checker_refuses_a_team_member_without_permissions() {
    let spec = Spec::load();
    let user = json!({"id": "1", "username": "u", "avatar": null, "discriminator": "0",
                      "public_flags": 0, "flags": 0, "global_name": null, "primary_guild": null});
    let member = json!({"membership_state": 2, "team_id": "2", "user": user, "role": "admin",
                        "permissions": ["*"]});
    assert_eq!(
        spec.violations("TeamMemberResponse", &member),
        Vec::<String>::new()
    );
    let mut without = member.clone();
    without.as_object_mut().unwrap().remove("permissions");
    assert!(!spec.violations("TeamMemberResponse", &without).is_empty());
    let mut owner_role = member.clone();
    owner_role["role"] = json!("owner");
    assert!(
        !spec
            .violations("TeamMemberResponse", &owner_role)
            .is_empty(),
        "the owner is no role"
    );
    let mut bad_id = member;
    bad_id["team_id"] = json!("02");
    assert!(!spec.violations("TeamMemberResponse", &bad_id).is_empty());
}

#[test]
fn team_roles_are_the_docs_values() {
    assert_eq!(TeamRole::Admin.as_str(), "admin");
    assert_eq!(TeamRole::Developer.as_str(), "developer");
    assert_eq!(TeamRole::ReadOnly.as_str(), "read_only");
}
