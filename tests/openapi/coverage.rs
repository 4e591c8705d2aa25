//! Coverage of Discord's REST operations, observed: an operation is covered when the recording
//! proxy saw a typed method of the SDK send it and the sandbox answer it with a 2xx. Every one
//! of the spec's operations is covered, excluded (with its reason), or not yet covered.

use super::proxy::{Exchange, Sender};
use super::spec::best_template;
use serde_json::Value;
use std::collections::BTreeSet;

/// Families of operations a bot SDK leaves out, by path prefix, with the reason.
pub const EXCLUDED_FAMILIES: &[(&str, &str)] = &[
    (
        "/lobbies",
        "the Social SDK's lobbies: for game clients, not bots",
    ),
    (
        "/partner-sdk",
        "the Social SDK's partner routes: for game clients, not bots",
    ),
];

/// Single operations left out, with the reason.
pub const EXCLUDED_OPERATIONS: &[(&str, &str, &str)] = &[
    (
        "GET",
        "/channels/{channel_id}/pins",
        "deprecated: replaced by GET /channels/{channel_id}/messages/pins",
    ),
    (
        "PUT",
        "/channels/{channel_id}/pins/{message_id}",
        "deprecated: replaced by PUT /channels/{channel_id}/messages/pins/{message_id}",
    ),
    (
        "DELETE",
        "/channels/{channel_id}/pins/{message_id}",
        "deprecated: replaced by DELETE /channels/{channel_id}/messages/pins/{message_id}",
    ),
    (
        "PUT",
        "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}/permissions",
        "a user's Bearer token only (applications.commands.permissions.update): Discord \
         refuses a bot token, though the spec lists BotToken",
    ),
    // The application (issue 28): OAuth2 routes the spec marks BotToken that answer a user's
    // Bearer token only.
    (
        "GET",
        "/oauth2/@me",
        "a user's Bearer token only: it describes the current OAuth2 authorization \
         (developers/topics/oauth2.mdx, \"Get Current Authorization Information\")",
    ),
    (
        "GET",
        "/oauth2/userinfo",
        "OpenID Connect's userinfo: a user's Bearer token with the `openid` scope only",
    ),
    (
        "POST",
        "/webhooks/{webhook_id}/{webhook_token}/slack",
        "Slack's payload format, for Slack integrations pointed at Discord: not a bot SDK's",
    ),
    (
        "POST",
        "/webhooks/{webhook_id}/{webhook_token}/github",
        "GitHub's event payloads, for GitHub's webhook settings pointed at Discord: not a bot \
         SDK's",
    ),
];

/// Where one operation stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    Covered,
    Excluded(String),
    NotYet,
}

/// The standing of every operation of the spec.
pub struct Coverage {
    pub operations: Vec<(String, String, Standing)>,
}

impl Coverage {
    /// Reads the spec's operations and the exchanges the SDK made.
    pub fn of(spec_path: &std::path::Path, exchanges: &[Exchange]) -> Coverage {
        let text = std::fs::read_to_string(spec_path).expect("the spec");
        let spec: Value = serde_json::from_str(&text).expect("JSON");
        let paths = spec["paths"].as_object().expect("paths");
        let templates: Vec<&str> = paths.keys().map(String::as_str).collect();
        let seen: BTreeSet<(String, String)> = exchanges
            .iter()
            .filter(|e| e.sender == Sender::Sdk && (200..300).contains(&e.status))
            .filter_map(|e| {
                let template = best_template(templates.iter().copied(), &e.path)?;
                paths[template].get(e.method.to_ascii_lowercase())?;
                Some((e.method.clone(), template.to_owned()))
            })
            .collect();
        let mut operations = Vec::new();
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                let Some(operation) = item.get(method) else {
                    continue;
                };
                let method = method.to_ascii_uppercase();
                let standing = if seen.contains(&(method.clone(), path.clone())) {
                    Standing::Covered
                } else if let Some(reason) = exclusion(&method, path, operation) {
                    Standing::Excluded(reason)
                } else {
                    Standing::NotYet
                };
                operations.push((method, path.clone(), standing));
            }
        }
        Coverage { operations }
    }

    fn count(&self, wanted: fn(&Standing) -> bool) -> usize {
        self.operations.iter().filter(|(_, _, s)| wanted(s)).count()
    }

    /// The README's line.
    pub fn readme_line(&self) -> String {
        let covered = self.count(|s| *s == Standing::Covered);
        let excluded = self.count(|s| matches!(s, Standing::Excluded(_)));
        format!(
            "REST coverage: {covered} of Discord's {} REST operations have a typed call tested \
             against the sandbox; {excluded} are excluded (OAuth2-only, the Social SDK, deprecated, \
             other services' payload formats).",
            self.operations.len()
        )
    }
}

/// Why an operation is excluded, if it is: OAuth2-only by the spec's `security`, a named
/// family, or a named operation.
fn exclusion(method: &str, path: &str, operation: &Value) -> Option<String> {
    if let Some((_, why)) = EXCLUDED_FAMILIES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
    {
        return Some((*why).to_owned());
    }
    if let Some((_, _, why)) = EXCLUDED_OPERATIONS
        .iter()
        .find(|(m, p, _)| *m == method && *p == path)
    {
        return Some((*why).to_owned());
    }
    let security = operation.get("security").and_then(Value::as_array)?;
    let bot = security
        .iter()
        .any(|s| s.get("BotToken").is_some() || s.as_object().is_some_and(|o| o.is_empty()));
    (!bot).then(|| "OAuth2 user token only (the spec's `security` has no BotToken)".to_owned())
}
