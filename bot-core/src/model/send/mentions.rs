//! Allowed mentions: whom a sent message may notify (developers/resources/message.mdx).

use crate::model::enums::str_enum;
use crate::model::serde_util::is_false;
use crate::model::{Id, RoleMarker, UserMarker};
use serde::{Deserialize, Serialize};

str_enum! {
    /// A kind of mention Discord parses from a message's content.
    pub enum MentionType {
        /// Role mentions.
        Roles = "roles",
        /// User mentions.
        Users = "users",
        /// `@everyone` and `@here`.
        Everyone = "everyone",
    }
}

/// Whom a message may notify. Without it, a regular message notifies everyone it mentions, and
/// an interaction response or webhook message only the users it mentions.
///
/// ```
/// use bot_core::model::{AllowedMentions, Id};
/// let only_ann = AllowedMentions::none().user(Id::new(1)).replied_user(true);
/// assert_eq!(
///     serde_json::to_string(&only_ann).unwrap(),
///     r#"{"parse":[],"users":["1"],"replied_user":true}"#
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AllowedMentions {
    /// The kinds of mentions parsed from the content (always written: an empty list parses
    /// none).
    #[serde(default)]
    pub parse: Vec<MentionType>,
    /// The users that may be mentioned (up to 100; not with `parse` holding `users`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<Id<UserMarker>>,
    /// The roles that may be mentioned (up to 100; not with `parse` holding `roles`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Id<RoleMarker>>,
    /// Whether a reply notifies the author of the message replied to.
    #[serde(default, skip_serializing_if = "is_false")]
    pub replied_user: bool,
}

impl AllowedMentions {
    /// No one is notified.
    pub fn none() -> Self {
        AllowedMentions::default()
    }

    /// Every mention notifies (roles, users, `@everyone`), and the replied-to user too.
    pub fn all() -> Self {
        AllowedMentions {
            parse: vec![
                MentionType::Roles,
                MentionType::Users,
                MentionType::Everyone,
            ],
            users: Vec::new(),
            roles: Vec::new(),
            replied_user: true,
        }
    }

    /// Parses this kind of mention from the content (a kind given once only; parsing users or
    /// roles clears the ids listed for them, which Discord rejects together).
    #[must_use]
    pub fn parse(mut self, kind: MentionType) -> Self {
        match kind {
            MentionType::Users => self.users.clear(),
            MentionType::Roles => self.roles.clear(),
            _ => {}
        }
        if !self.parse.contains(&kind) {
            self.parse.push(kind);
        }
        self
    }

    /// Lets this user be notified (and stops parsing every user mention).
    #[must_use]
    pub fn user(mut self, id: Id<UserMarker>) -> Self {
        self.parse.retain(|k| *k != MentionType::Users);
        if !self.users.contains(&id) {
            self.users.push(id);
        }
        self
    }

    /// Lets this role be notified (and stops parsing every role mention).
    #[must_use]
    pub fn role(mut self, id: Id<RoleMarker>) -> Self {
        self.parse.retain(|k| *k != MentionType::Roles);
        if !self.roles.contains(&id) {
            self.roles.push(id);
        }
        self
    }

    /// Whether a reply notifies the author of the message replied to.
    #[must_use]
    pub fn replied_user(mut self, notify: bool) -> Self {
        self.replied_user = notify;
        self
    }
}
