//! What a bot sends to a webhook: changes to the webhook (Modify Webhook), and a message sent
//! through it (Execute Webhook) — a [`CreateMessage`] with the webhook's own options (the name
//! and avatar shown for this message, the thread it goes to, a new forum post's name, whether
//! to wait for the message).

use super::CreateMessage;
use super::problem::{self, RequestProblem};
use crate::model::{ChannelMarker, Id, TagMarker};
use serde::Serialize;

/// Changes to a webhook (Modify Webhook); what is left unset stays as it is.
///
/// ```
/// use bot_core::model::{EditWebhook, Id};
/// let edit = EditWebhook::new().name("Deploys").channel(Id::new(41771983423143937));
/// edit.check().unwrap();
/// assert!(EditWebhook::new().name("").check().is_err());
/// let json = serde_json::to_value(&edit).unwrap();
/// assert_eq!(json["channel_id"], "41771983423143937");
/// assert!(json.get("avatar").is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct EditWebhook {
    /// The default name (1–80 characters, without "clyde" or "discord").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The default avatar as a data URI (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Option<String>>,
    /// The channel of the same guild to move it to (only with the bot's token, not with the
    /// webhook's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Id<ChannelMarker>>,
}

impl EditWebhook {
    /// Changes nothing yet.
    pub fn new() -> Self {
        EditWebhook::default()
    }

    /// The default name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The default avatar as a data URI, or `None` to remove it.
    pub fn avatar(mut self, data_uri: Option<String>) -> Self {
        self.avatar = Some(data_uri);
        self
    }

    /// Moves the webhook to another channel of its guild.
    pub fn channel(mut self, channel: Id<ChannelMarker>) -> Self {
        self.channel_id = Some(channel);
        self
    }

    /// Checks Discord's limits.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.name {
            problem::length("name", name, 1, 80)?;
            if !is_webhook_name_allowed(name) {
                return Err(RequestProblem::NotAllowed {
                    field: "name",
                    why: "a webhook's name may not contain \"clyde\" or \"discord\"",
                });
            }
        }
        Ok(())
    }
}

/// A message sent through a webhook (Execute Webhook): the [`CreateMessage`] it carries, with
/// the name and avatar shown for this message only, the thread it goes to, the name of the
/// forum post it starts, and whether to wait for Discord to answer the message.
///
/// A webhook's message takes no reply reference, stickers or nonce: they are refused before
/// sending. Components go with `with_components=true`, so that Discord keeps them.
///
/// ```
/// use bot_core::model::{ExecuteWebhook, Id};
/// let send = ExecuteWebhook::new("Build 812 is green")
///     .username("CI")
///     .avatar_url("https://example.com/ci.png")
///     .thread(Id::new(41771983423143937))
///     .wait(true);
/// send.check().unwrap();
/// let json = serde_json::to_value(&send).unwrap();
/// assert_eq!(json["content"], "Build 812 is green");
/// assert_eq!(json["username"], "CI");
/// assert!(json.get("thread_id").is_none(), "a query parameter, not part of the body");
/// assert_eq!(send.query(), "?wait=true&thread_id=41771983423143937");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[must_use]
pub struct ExecuteWebhook {
    /// The message.
    #[serde(flatten)]
    pub message: CreateMessage,
    /// The name shown for this message instead of the webhook's (1–80 characters, without
    /// "clyde" or "discord").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The avatar shown for this message instead of the webhook's (a URL, up to 2048
    /// characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// In a forum or media channel: the name of the post this message starts (up to 100
    /// characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_name: Option<String>,
    /// In a forum or media channel: the tags of the post this message starts (up to 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applied_tags: Vec<Id<TagMarker>>,
    /// The thread of the webhook's channel to send to (the `thread_id` query parameter).
    #[serde(skip)]
    pub thread_id: Option<Id<ChannelMarker>>,
    /// Whether Discord answers the message it made (`wait=true`) or nothing (204).
    #[serde(skip)]
    pub wait: bool,
}

/// Whether Discord takes `name` as a webhook's: it may not contain "clyde" or "discord".
pub(super) fn is_webhook_name_allowed(name: &str) -> bool {
    let lower = name.to_lowercase();
    !lower.contains("clyde") && !lower.contains("discord")
}

/// A message with this text.
impl From<&str> for ExecuteWebhook {
    fn from(content: &str) -> Self {
        ExecuteWebhook::new(content)
    }
}

/// A message with this text.
impl From<String> for ExecuteWebhook {
    fn from(content: String) -> Self {
        ExecuteWebhook::new(content)
    }
}

/// This message, with the webhook's own name and avatar.
impl From<CreateMessage> for ExecuteWebhook {
    fn from(message: CreateMessage) -> Self {
        ExecuteWebhook::new(message)
    }
}

impl ExecuteWebhook {
    /// Most characters of a name.
    pub const USERNAME_LIMIT: usize = 80;
    /// Most characters of an avatar URL.
    pub const AVATAR_URL_LIMIT: usize = 2048;
    /// Most characters of a forum post's name.
    pub const THREAD_NAME_LIMIT: usize = 100;

    /// `message`, shown with the webhook's own name and avatar, not waited for.
    pub fn new(message: impl Into<CreateMessage>) -> Self {
        ExecuteWebhook {
            message: message.into(),
            ..ExecuteWebhook::default()
        }
    }

    /// The name shown for this message.
    pub fn username(mut self, name: impl Into<String>) -> Self {
        self.username = Some(name.into());
        self
    }

    /// The avatar shown for this message (a URL).
    pub fn avatar_url(mut self, url: impl Into<String>) -> Self {
        self.avatar_url = Some(url.into());
        self
    }

    /// Sends to this thread of the webhook's channel.
    pub fn thread(mut self, thread: Id<ChannelMarker>) -> Self {
        self.thread_id = Some(thread);
        self
    }

    /// Starts a forum post with this name (the webhook's channel must be a forum or media
    /// channel).
    pub fn thread_name(mut self, name: impl Into<String>) -> Self {
        self.thread_name = Some(name.into());
        self
    }

    /// Adds a tag to the forum post this message starts.
    pub fn tag(mut self, tag: Id<TagMarker>) -> Self {
        self.applied_tags.push(tag);
        self
    }

    /// Whether to wait for the message Discord made (Pycord's `wait=True`).
    pub fn wait(mut self, wait: bool) -> Self {
        self.wait = wait;
        self
    }

    /// The query string of the request: `wait`, `thread_id`, and `with_components` when the
    /// message has components (else Discord drops them).
    pub fn query(&self) -> String {
        let mut query = format!("?wait={}", self.wait);
        if let Some(thread) = self.thread_id {
            query.push_str(&format!("&thread_id={thread}"));
        }
        if !self.message.components.is_empty() {
            query.push_str("&with_components=true");
        }
        query
    }

    /// Checks the webhook's options against Discord's limits, and that the message has nothing
    /// a webhook cannot send (a reply reference, stickers, a nonce). The message's own limits
    /// are [`CreateMessage::check`]'s.
    pub fn check(&self) -> Result<(), RequestProblem> {
        if let Some(name) = &self.username {
            problem::length("username", name, 1, Self::USERNAME_LIMIT)?;
            if !is_webhook_name_allowed(name) {
                return Err(RequestProblem::NotAllowed {
                    field: "username",
                    why: "a webhook's name may not contain \"clyde\" or \"discord\"",
                });
            }
        }
        if let Some(url) = &self.avatar_url {
            problem::length("avatar_url", url, 1, Self::AVATAR_URL_LIMIT)?;
        }
        if let Some(name) = &self.thread_name {
            problem::length("thread_name", name, 0, Self::THREAD_NAME_LIMIT)?;
        }
        if self.thread_name.is_some() && self.thread_id.is_some() {
            return Err(RequestProblem::NotAllowed {
                field: "thread_name",
                why: "a message goes to a thread or starts a forum post, not both",
            });
        }
        problem::count("applied_tags", self.applied_tags.len(), 0, 5)?;
        let unsupported = [
            (
                "message_reference",
                self.message.message_reference.is_some(),
            ),
            ("sticker_ids", !self.message.sticker_ids.is_empty()),
            ("nonce", self.message.nonce.is_some()),
        ];
        if let Some((field, _)) = unsupported.into_iter().find(|(_, set)| *set) {
            return Err(RequestProblem::NotAllowed {
                field,
                why: "a webhook's message takes no reply reference, stickers or nonce",
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageReference;

    #[test]
    fn webhook_options_are_checked_before_sending() {
        assert!(
            ExecuteWebhook::new("hi")
                .username("Discord bot")
                .check()
                .is_err()
        );
        assert!(ExecuteWebhook::new("hi").username("").check().is_err());
        assert!(
            ExecuteWebhook::new("hi")
                .username("x".repeat(81))
                .check()
                .is_err()
        );
        assert!(
            ExecuteWebhook::new("hi")
                .thread_name("x".repeat(101))
                .check()
                .is_err()
        );
        assert!(
            ExecuteWebhook::new("hi")
                .thread_name("post")
                .thread(Id::new(5))
                .check()
                .is_err()
        );
        let reply = CreateMessage::new()
            .content("hi")
            .message_reference(MessageReference::reply(Id::new(1)));
        assert_eq!(
            ExecuteWebhook::new(reply).check(),
            Err(RequestProblem::NotAllowed {
                field: "message_reference",
                why: "a webhook's message takes no reply reference, stickers or nonce",
            })
        );
        let tags = (1..=6).fold(ExecuteWebhook::new("hi"), |e, t| e.tag(Id::new(t)));
        assert!(tags.check().is_err());
        ExecuteWebhook::new("hi")
            .username("CI")
            .thread_name("Release 1.2")
            .check()
            .unwrap();
    }

    #[test]
    fn the_body_is_the_message_with_the_webhooks_fields() {
        let send = ExecuteWebhook::new("hi").username("CI").wait(true);
        let json = serde_json::to_value(&send).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"content": "hi", "username": "CI"}),
            "no query parameter in the body"
        );
        assert_eq!(send.query(), "?wait=true");
        assert_eq!(ExecuteWebhook::from("hi").query(), "?wait=false");
    }

    #[test]
    fn edits_are_checked() {
        assert!(EditWebhook::new().name("clyde").check().is_err());
        assert!(EditWebhook::new().name("x".repeat(81)).check().is_err());
        let removed = serde_json::to_value(EditWebhook::new().avatar(None)).unwrap();
        assert_eq!(removed, serde_json::json!({"avatar": null}));
    }
}
