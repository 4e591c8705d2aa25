//! What a request is keyed by: its route (for queues and learned buckets), its top-level
//! resource (for limits) and its label (for logs and errors). None of them holds a token in
//! clear: an interaction or webhook token becomes a keyed hash.

use reqwest::Method;
use std::hash::{BuildHasher, RandomState};

/// The keys of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RequestKeys {
    /// Method and path with every id and token replaced (`POST/webhooks/{id}/{token}`): the
    /// route's shape, shared by every request of that route. Discord's bucket of a route is the
    /// same whatever the ids, so learned buckets are kept per template (a bounded set).
    pub(crate) template: String,
    /// The top-level resource (`channels/1`, `guilds/2`, `webhooks/3/#hash`): Discord keys limits
    /// by bucket and this.
    pub(crate) major: String,
    /// For logs and errors: the template.
    pub(crate) label: String,
    /// Whether the route is authenticated by a token in its path (interaction callbacks and
    /// webhooks): no `Authorization` header, and not under the bot's global limit.
    pub(crate) token_route: bool,
}

/// Computes request keys with a per-client hash key, so a token's hash says nothing outside the
/// process.
#[derive(Clone, Debug, Default)]
pub(crate) struct Keyer {
    hasher: RandomState,
}

fn is_id(segment: &str) -> bool {
    !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit())
}

/// The placeholder of a free-text segment after `previous`: an emoji after `reactions`, a code
/// after `invites` or `templates`. Such segments vary without bound (1 000 emojis are 1 000
/// paths), so they never enter a template: the state kept per template stays bounded by the
/// routes in use.
fn free_text_after(previous: &str) -> Option<&'static str> {
    match previous {
        "reactions" => Some("{emoji}"),
        "invites" | "templates" => Some("{code}"),
        _ => None,
    }
}

impl Keyer {
    /// The keys of `method path` (`path` may carry a query, which is ignored).
    pub(crate) fn keys(&self, method: &Method, path: &str) -> RequestKeys {
        let path = path.split('?').next().unwrap_or(path);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        // The segment index of a token: after `webhooks/{id}` or `interactions/{id}`.
        let token_at = segments
            .iter()
            .position(|s| matches!(*s, "webhooks" | "interactions"))
            .map(|i| i + 2)
            .filter(|&i| i < segments.len());
        let mut template = method.to_string();
        for (i, segment) in segments.iter().enumerate() {
            template.push('/');
            let free_text = i
                .checked_sub(1)
                .and_then(|p| free_text_after(segments[p]))
                .filter(|_| !segment.starts_with('@') && !is_id(segment));
            if Some(i) == token_at {
                template.push_str("{token}");
            } else if let Some(placeholder) = free_text {
                template.push_str(placeholder);
            } else if is_id(segment) {
                template.push_str("{id}");
            } else {
                template.push_str(segment);
            }
        }
        let major = self.major(&segments, token_at);
        RequestKeys {
            label: template.clone(),
            template,
            major,
            token_route: token_at.is_some(),
        }
    }

    fn major(&self, segments: &[&str], token_at: Option<usize>) -> String {
        for (i, segment) in segments.iter().enumerate() {
            match *segment {
                "channels" | "guilds" => {
                    return segments
                        .get(i..i + 2)
                        .map(|s| s.join("/"))
                        .unwrap_or_default();
                }
                "webhooks" | "interactions" => {
                    let id = segments.get(i + 1).copied().unwrap_or_default();
                    return match token_at.and_then(|t| segments.get(t)) {
                        Some(token) => format!("{segment}/{id}/#{:016x}", self.hash(token)),
                        None => format!("{segment}/{id}"),
                    };
                }
                _ => {}
            }
        }
        String::new()
    }

    fn hash(&self, secret: &str) -> u64 {
        self.hasher.hash_one(secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(method: Method, path: &str) -> RequestKeys {
        Keyer::default().keys(&method, path)
    }

    #[test]
    fn templates_replace_ids_and_tokens() {
        assert_eq!(
            keys(Method::PATCH, "/channels/123/messages/456").template,
            "PATCH/channels/{id}/messages/{id}"
        );
        assert_eq!(
            keys(
                Method::GET,
                "/applications/9/guilds/8/commands?with_localizations=true"
            )
            .template,
            "GET/applications/{id}/guilds/{id}/commands"
        );
        assert_eq!(
            keys(Method::POST, "/interactions/123/secret-token/callback").template,
            "POST/interactions/{id}/{token}/callback"
        );
        assert_eq!(
            keys(Method::PATCH, "/webhooks/9/secret/messages/@original").label,
            "PATCH/webhooks/{id}/{token}/messages/@original"
        );
    }

    #[test]
    fn free_text_segments_leave_no_trace_in_templates() {
        let keyer = Keyer::default();
        let one = keyer.keys(
            &Method::PUT,
            "/channels/1/messages/2/reactions/%F0%9F%94%A5/@me",
        );
        let two = keyer.keys(
            &Method::PUT,
            "/channels/1/messages/2/reactions/name%3A9/@me",
        );
        assert_eq!(
            one.template,
            "PUT/channels/{id}/messages/{id}/reactions/{emoji}/@me"
        );
        assert_eq!(one.template, two.template);
        assert_eq!(
            keyer
                .keys(&Method::GET, "/invites/discord-developers")
                .template,
            "GET/invites/{code}"
        );
        assert_eq!(
            keyer
                .keys(&Method::DELETE, "/channels/1/messages/2/reactions")
                .template,
            "DELETE/channels/{id}/messages/{id}/reactions"
        );
    }

    #[test]
    fn the_major_parameter_is_the_top_level_resource_without_a_token_in_clear() {
        assert_eq!(
            keys(Method::POST, "/channels/1/messages").major,
            "channels/1"
        );
        assert_eq!(keys(Method::GET, "/guilds/2").major, "guilds/2");
        assert_eq!(keys(Method::GET, "/users/@me").major, "");
        let keyer = Keyer::default();
        let one = keyer.keys(&Method::POST, "/webhooks/9/secret-one");
        let again = keyer.keys(&Method::PATCH, "/webhooks/9/secret-one/messages/@original");
        let two = keyer.keys(&Method::POST, "/webhooks/9/secret-two");
        assert!(one.major.starts_with("webhooks/9/#"), "{}", one.major);
        assert!(!one.major.contains("secret"));
        assert_eq!(one.major, again.major, "one token, one resource");
        assert_ne!(one.major, two.major, "two tokens, two resources");
    }

    #[test]
    fn token_routes_are_recognised() {
        assert!(keys(Method::POST, "/interactions/1/tok/callback").token_route);
        assert!(keys(Method::POST, "/webhooks/1/tok").token_route);
        assert!(!keys(Method::GET, "/webhooks/1").token_route);
        assert!(!keys(Method::POST, "/channels/1/messages").token_route);
    }
}
