//! The REST routes the sandbox serves, and a check that this list is the router's.

/// Every REST route of `bot-sandbox/src/rest/mod.rs` (`api()`), as method and axum template.
pub const SANDBOX_ROUTES: &[(&str, &str)] = &[
    ("GET", "/users/{id}"),
    ("GET", "/users/@me"),
    ("PATCH", "/users/@me"),
    ("POST", "/users/@me/channels"),
    ("GET", "/users/@me/guilds"),
    ("DELETE", "/users/@me/guilds/{guild}"),
    ("GET", "/users/@me/connections"),
    ("PATCH", "/channels/{channel}"),
    ("DELETE", "/channels/{channel}"),
    ("PUT", "/channels/{channel}/permissions/{id}"),
    ("DELETE", "/channels/{channel}/permissions/{id}"),
    ("POST", "/channels/{channel}/typing"),
    ("GET", "/channels/{channel}/invites"),
    ("POST", "/channels/{channel}/invites"),
    ("GET", "/channels/{channel}/webhooks"),
    ("POST", "/channels/{channel}/webhooks"),
    ("POST", "/channels/{channel}/followers"),
    ("PUT", "/channels/{channel}/recipients/{user}"),
    ("DELETE", "/channels/{channel}/recipients/{user}"),
    (
        "GET",
        "/channels/{channel}/polls/{message}/answers/{answer}",
    ),
    ("POST", "/channels/{channel}/polls/{message}/expire"),
    ("PUT", "/channels/{channel}/voice-status"),
    ("POST", "/channels/{channel}/send-soundboard-sound"),
    ("POST", "/channels/{channel}/messages/bulk-delete"),
    ("GET", "/channels/{channel}/messages/pins"),
    ("PUT", "/channels/{channel}/messages/pins/{message}"),
    ("DELETE", "/channels/{channel}/messages/pins/{message}"),
    ("GET", "/channels/{channel}/messages/{message}"),
    ("PATCH", "/channels/{channel}/messages/{message}"),
    ("DELETE", "/channels/{channel}/messages/{message}"),
    ("POST", "/channels/{channel}/messages/{message}/crosspost"),
    ("DELETE", "/channels/{channel}/messages/{message}/reactions"),
    (
        "GET",
        "/channels/{channel}/messages/{message}/reactions/{emoji}",
    ),
    (
        "DELETE",
        "/channels/{channel}/messages/{message}/reactions/{emoji}",
    ),
    (
        "PUT",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
    ),
    (
        "DELETE",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
    ),
    (
        "DELETE",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/{user}",
    ),
    ("POST", "/channels/{channel}/messages/{message}/threads"),
    ("POST", "/channels/{channel}/threads"),
    ("GET", "/channels/{channel}/thread-members"),
    ("PUT", "/channels/{channel}/thread-members/@me"),
    ("DELETE", "/channels/{channel}/thread-members/@me"),
    ("GET", "/channels/{channel}/thread-members/{user}"),
    ("PUT", "/channels/{channel}/thread-members/{user}"),
    ("DELETE", "/channels/{channel}/thread-members/{user}"),
    ("GET", "/channels/{channel}/threads/archived/public"),
    ("GET", "/channels/{channel}/threads/archived/private"),
    ("GET", "/applications/@me"),
    ("GET", "/applications/{app}/emojis"),
    ("GET", "/oauth2/applications/@me"),
    ("GET", "/gateway/bot"),
    ("GET", "/guilds/{guild}"),
    ("GET", "/guilds/{guild}/roles"),
    ("POST", "/guilds/{guild}/roles"),
    ("GET", "/guilds/{guild}/roles/{role}"),
    ("PATCH", "/guilds/{guild}/roles/{role}"),
    ("DELETE", "/guilds/{guild}/roles/{role}"),
    ("PATCH", "/guilds/{guild}/roles"),
    ("PATCH", "/guilds/{guild}"),
    ("PATCH", "/guilds/{guild}/channels"),
    ("GET", "/guilds/{guild}/threads/active"),
    ("GET", "/guilds/{guild}/members/search"),
    ("GET", "/guilds/{guild}/bans"),
    ("GET", "/guilds/{guild}/bans/{user}"),
    ("PUT", "/guilds/{guild}/bans/{user}"),
    ("DELETE", "/guilds/{guild}/bans/{user}"),
    ("POST", "/guilds/{guild}/bulk-ban"),
    ("GET", "/guilds/{guild}/audit-logs"),
    ("GET", "/guilds/{guild}/channels"),
    ("POST", "/guilds/{guild}/channels"),
    ("GET", "/guilds/{guild}/members"),
    ("PATCH", "/guilds/{guild}/members/@me"),
    ("GET", "/guilds/{guild}/members/{user}"),
    ("PATCH", "/guilds/{guild}/members/{user}"),
    ("DELETE", "/guilds/{guild}/members/{user}"),
    ("PUT", "/guilds/{guild}/members/{user}/roles/{role}"),
    ("DELETE", "/guilds/{guild}/members/{user}/roles/{role}"),
    ("GET", "/guilds/{guild}/preview"),
    ("GET", "/guilds/{guild}/roles/member-counts"),
    ("GET", "/guilds/{guild}/prune"),
    ("POST", "/guilds/{guild}/prune"),
    ("GET", "/guilds/{guild}/voice-states/{user}"),
    ("PATCH", "/guilds/{guild}/voice-states/{user}"),
    ("PUT", "/guilds/{guild}/members/{user}"),
    (
        "GET",
        "/applications/{app}/guilds/{guild}/commands/permissions",
    ),
    (
        "GET",
        "/applications/{app}/guilds/{guild}/commands/{id}/permissions",
    ),
    ("GET", "/channels/{channel}"),
    ("GET", "/applications/{app}/commands"),
    ("PUT", "/applications/{app}/commands"),
    ("POST", "/applications/{app}/commands"),
    ("GET", "/applications/{app}/commands/{id}"),
    ("PATCH", "/applications/{app}/commands/{id}"),
    ("DELETE", "/applications/{app}/commands/{id}"),
    ("GET", "/applications/{app}/guilds/{guild}/commands"),
    ("PUT", "/applications/{app}/guilds/{guild}/commands"),
    ("POST", "/applications/{app}/guilds/{guild}/commands"),
    ("GET", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("PATCH", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("DELETE", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("GET", "/channels/{channel}/messages"),
    ("POST", "/channels/{channel}/messages"),
    ("GET", "/gateway"),
    ("GET", "/invites/{code}"),
    ("DELETE", "/invites/{code}"),
    ("GET", "/invites/{code}/target-users"),
    ("PUT", "/invites/{code}/target-users"),
    ("GET", "/invites/{code}/target-users/job-status"),
    ("POST", "/stage-instances"),
    ("GET", "/stage-instances/{channel}"),
    ("PATCH", "/stage-instances/{channel}"),
    ("DELETE", "/stage-instances/{channel}"),
    ("GET", "/stickers/{sticker}"),
    ("GET", "/sticker-packs"),
    ("GET", "/sticker-packs/{pack}"),
    // Issue 28: emojis, stickers, soundboard sounds and scheduled events.
    ("GET", "/guilds/{guild}/stickers"),
    ("POST", "/guilds/{guild}/stickers"),
    ("GET", "/guilds/{guild}/stickers/{sticker}"),
    ("PATCH", "/guilds/{guild}/stickers/{sticker}"),
    ("DELETE", "/guilds/{guild}/stickers/{sticker}"),
    ("GET", "/guilds/{guild}/soundboard-sounds"),
    ("POST", "/guilds/{guild}/soundboard-sounds"),
    ("GET", "/guilds/{guild}/soundboard-sounds/{sound}"),
    ("PATCH", "/guilds/{guild}/soundboard-sounds/{sound}"),
    ("DELETE", "/guilds/{guild}/soundboard-sounds/{sound}"),
    ("GET", "/guilds/{guild}/emojis"),
    ("POST", "/guilds/{guild}/emojis"),
    ("GET", "/guilds/{guild}/emojis/{emoji}"),
    ("PATCH", "/guilds/{guild}/emojis/{emoji}"),
    ("DELETE", "/guilds/{guild}/emojis/{emoji}"),
    ("POST", "/applications/{app}/emojis"),
    ("GET", "/applications/{app}/emojis/{emoji}"),
    ("PATCH", "/applications/{app}/emojis/{emoji}"),
    ("DELETE", "/applications/{app}/emojis/{emoji}"),
    ("GET", "/guilds/{guild}/scheduled-events"),
    ("POST", "/guilds/{guild}/scheduled-events"),
    ("GET", "/guilds/{guild}/scheduled-events/{event}"),
    ("PATCH", "/guilds/{guild}/scheduled-events/{event}"),
    ("DELETE", "/guilds/{guild}/scheduled-events/{event}"),
    ("GET", "/guilds/{guild}/scheduled-events/{event}/users"),
    (
        "GET",
        "/guilds/{guild}/scheduled-events/{event}/users/counts",
    ),
    (
        "GET",
        "/guilds/{guild}/scheduled-events/{event}/{exception}/users",
    ),
    (
        "POST",
        "/guilds/{guild}/scheduled-events/{event}/exceptions",
    ),
    (
        "PATCH",
        "/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}",
    ),
    (
        "DELETE",
        "/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}",
    ),
    ("GET", "/soundboard-default-sounds"),
    ("POST", "/interactions/{id}/{token}/callback"),
    ("GET", "/guilds/{guild}/webhooks"),
    ("GET", "/webhooks/{webhook}"),
    ("PATCH", "/webhooks/{webhook}"),
    ("DELETE", "/webhooks/{webhook}"),
    ("GET", "/webhooks/{webhook}/{token}"),
    ("POST", "/webhooks/{webhook}/{token}"),
    ("PATCH", "/webhooks/{webhook}/{token}"),
    ("DELETE", "/webhooks/{webhook}/{token}"),
    ("GET", "/webhooks/{webhook}/{token}/messages/{message}"),
    ("PATCH", "/webhooks/{webhook}/{token}/messages/{message}"),
    ("DELETE", "/webhooks/{webhook}/{token}/messages/{message}"),
    // The application (issue 28).
    ("PATCH", "/applications/@me"),
    ("GET", "/applications/{app}"),
    ("PATCH", "/applications/{app}"),
    ("GET", "/applications/{app}/activity-instances/{instance}"),
    ("POST", "/applications/{app}/attachment"),
    ("GET", "/applications/{app}/role-connections/metadata"),
    ("PUT", "/applications/{app}/role-connections/metadata"),
    ("GET", "/applications/{app}/skus"),
    ("GET", "/applications/{app}/entitlements"),
    ("POST", "/applications/{app}/entitlements"),
    ("GET", "/applications/{app}/entitlements/{id}"),
    ("DELETE", "/applications/{app}/entitlements/{id}"),
    ("POST", "/applications/{app}/entitlements/{id}/consume"),
    ("GET", "/skus/{sku}/subscriptions"),
    ("GET", "/skus/{sku}/subscriptions/{id}"),
    // Guild administration (issue 28).
    ("GET", "/guilds/{guild}/auto-moderation/rules"),
    ("POST", "/guilds/{guild}/auto-moderation/rules"),
    ("GET", "/guilds/{guild}/auto-moderation/rules/{rule}"),
    ("PATCH", "/guilds/{guild}/auto-moderation/rules/{rule}"),
    ("DELETE", "/guilds/{guild}/auto-moderation/rules/{rule}"),
    ("GET", "/guilds/{guild}/widget"),
    ("PATCH", "/guilds/{guild}/widget"),
    ("GET", "/guilds/{guild}/widget.json"),
    ("GET", "/guilds/{guild}/vanity-url"),
    ("GET", "/guilds/{guild}/regions"),
    ("GET", "/voice/regions"),
    ("GET", "/guilds/{guild}/invites"),
    ("PUT", "/guilds/{guild}/incident-actions"),
    ("GET", "/guilds/templates/{code}"),
    ("GET", "/guilds/{guild}/templates"),
    ("POST", "/guilds/{guild}/templates"),
    ("PUT", "/guilds/{guild}/templates/{code}"),
    ("PATCH", "/guilds/{guild}/templates/{code}"),
    ("DELETE", "/guilds/{guild}/templates/{code}"),
];

const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

/// The routes declared in the body of `fn api(` in the sandbox's REST module source: each
/// `.route("TEMPLATE", get(..).put(..))` gives one route per method call at the top level of
/// the second argument. A route added to the router without being added to
/// [`SANDBOX_ROUTES`] (and so to the walk) shows up as a difference.
pub fn declared_in_source(source: &str) -> Vec<(String, String)> {
    let start = source
        .find("fn api(")
        .expect("bot-sandbox's rest/mod.rs defines `fn api(`");
    let body = &source[start..];
    let end = body.find("\n}\n").map_or(body.len(), |i| i + 2);
    let body = &body[..end];
    let mut routes = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find(".route(") {
        rest = &rest[at + ".route(".len()..];
        let Some(open) = rest.find('"') else { break };
        let Some(close) = rest[open + 1..].find('"') else {
            break;
        };
        let template = &rest[open + 1..open + 1 + close];
        let args = &rest[open + 1 + close + 1..];
        // The rest of this `.route(` call: up to its closing parenthesis.
        let mut depth = 1usize;
        let mut end = args.len();
        for (i, c) in args.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        for method in top_level_calls(&args[..end]) {
            routes.push((method.to_ascii_uppercase(), template.to_owned()));
        }
        rest = &args[end..];
    }
    routes
}

/// The names of the method-router calls (`get`, `.put`, ...) at parenthesis depth 0.
fn top_level_calls(args: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut word_start = None;
    for (i, c) in args.char_indices() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word_start.get_or_insert(i);
            continue;
        }
        if c == '(' {
            if let Some(start) = word_start
                && depth == 0
                && METHODS.contains(&&args[start..i])
                && !args[..start].ends_with("::")
            {
                found.push(&args[start..i]);
            }
            depth += 1;
        } else if c == ')' {
            depth = depth.saturating_sub(1);
        }
        word_start = None;
    }
    found
}

#[test]
fn the_source_reader_finds_chained_methods() {
    let source = "fn api() -> R {\n    Router::new()\n        .route(\"/a/{x}\", get(m::list)\n            .put(m::bulk))\n        .route(\"/b\", post(h::callback));\n}\n";
    assert_eq!(
        declared_in_source(source),
        vec![
            ("GET".to_owned(), "/a/{x}".to_owned()),
            ("PUT".to_owned(), "/a/{x}".to_owned()),
            ("POST".to_owned(), "/b".to_owned()),
        ]
    );
}
