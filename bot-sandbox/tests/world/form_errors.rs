//! Bad bodies and queries of the member, role and guild-channel routes never reach the world and
//! never panic: each is 400 / 50035 Invalid Form Body with the error under the field's name
//! (developers/reference.mdx "Error Messages").

use crate::setup::*;
use reqwest::Method;
use serde_json::{Value, json};

// Bad bodies and queries never reach the world: each is 400 / 50035 with the error under the
// field (developers/reference.mdx "Error Messages"), or under `_errors` for a body that is not an
// object.
#[tokio::test]
async fn bad_fields_are_invalid_form_bodies_under_their_name() {
    let World {
        sandbox: _sandbox,
        rest,
        world,
        ..
    } = moderated().await;
    let (g, bob) = (world.guild, world.member);
    let member = format!("/guilds/{g}/members/{bob}");
    let cases: Vec<(Method, String, Option<Value>, &str)> = vec![
        (
            Method::PATCH,
            member.clone(),
            Some(json!("nick")),
            "_errors",
        ),
        (
            Method::PATCH,
            member.clone(),
            Some(json!({"roles": ["99999999999999999999999"]})),
            "roles",
        ),
        (
            Method::PATCH,
            member.clone(),
            Some(json!({"channel_id": {}})),
            "channel_id",
        ),
        (
            Method::PATCH,
            member.clone(),
            Some(json!({"deaf": 1})),
            "deaf",
        ),
        (
            Method::PATCH,
            member.clone(),
            Some(json!({"communication_disabled_until": "2024-02-30T99:00:00+99:99"})),
            "communication_disabled_until",
        ),
        (
            Method::PATCH,
            format!("/guilds/{g}/members/@me"),
            Some(json!({"avatar": 5})),
            "avatar",
        ),
        (
            Method::GET,
            format!("/guilds/{g}/members?limit=-1"),
            None,
            "limit",
        ),
        (
            Method::GET,
            format!("/guilds/{g}/members?after=abc"),
            None,
            "after",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/roles"),
            Some(json!({"color": -1})),
            "color",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/roles"),
            Some(json!({"colors": "red"})),
            "colors",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/roles"),
            Some(json!({"permissions": "abc"})),
            "permissions",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/roles"),
            Some(json!([])),
            "_errors",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/channels"),
            Some(json!({"name": "x", "type": "voice"})),
            "type",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/channels"),
            Some(json!({"name": "x", "position": 99_999_999_999u64})),
            "position",
        ),
        (
            Method::POST,
            format!("/guilds/{g}/channels"),
            Some(json!({"name": "x", "permission_overwrites": [{"id": "x"}]})),
            "permission_overwrites",
        ),
    ];
    for (method, path, body, field) in cases {
        let (status, error) = rest.send(method.clone(), &path, body.clone()).await;
        assert_eq!(
            (status, code(&error)),
            (400, 50035),
            "{method} {path} {body:?}: {error}"
        );
        let errors = if field == "_errors" {
            &error["errors"]["_errors"]
        } else {
            &error["errors"][field]["_errors"]
        };
        assert!(errors.is_array(), "{method} {path}: {error}");
    }
    let (status, member) = rest.get(&member).await;
    assert_eq!(
        (status, &member["nick"], &member["roles"]),
        (200, &Value::Null, &json!([]))
    );
}
