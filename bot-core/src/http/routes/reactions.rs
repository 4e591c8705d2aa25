//! Reactions: add, remove the bot's or a user's, list who reacted (a stream), clear all or one
//! emoji.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::encode;
use crate::model::{ChannelMarker, EmojiMarker, Id, MessageMarker, PartialEmoji, User, UserMarker};

/// An emoji of a reaction route: a unicode emoji, or a custom one by name and id.
///
/// ```
/// use bot_core::http::ReactionEmoji;
/// use bot_core::model::Id;
/// assert_eq!(ReactionEmoji::from("🔥").path_segment(), "%F0%9F%94%A5");
/// assert_eq!(ReactionEmoji::custom("blob", Id::new(42)).path_segment(), "blob%3A42");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReactionEmoji {
    /// A unicode emoji.
    Unicode(String),
    /// A custom emoji.
    Custom {
        /// Its name.
        name: String,
        /// Its id.
        id: Id<EmojiMarker>,
    },
}

impl ReactionEmoji {
    /// A custom emoji.
    pub fn custom(name: impl Into<String>, id: Id<EmojiMarker>) -> Self {
        ReactionEmoji::Custom {
            name: name.into(),
            id,
        }
    }

    /// How it goes in a route: percent-encoded, `name:id` for a custom emoji.
    pub fn path_segment(&self) -> String {
        match self {
            ReactionEmoji::Unicode(emoji) => encode(emoji),
            ReactionEmoji::Custom { name, id } => encode(&format!("{name}:{id}")),
        }
    }
}

impl From<&str> for ReactionEmoji {
    fn from(emoji: &str) -> Self {
        ReactionEmoji::Unicode(emoji.to_owned())
    }
}

impl From<String> for ReactionEmoji {
    fn from(emoji: String) -> Self {
        ReactionEmoji::Unicode(emoji)
    }
}

impl From<&PartialEmoji> for ReactionEmoji {
    fn from(emoji: &PartialEmoji) -> Self {
        let name = emoji.name.clone().unwrap_or_else(|| "_".to_owned());
        match emoji.id {
            Some(id) => ReactionEmoji::Custom { name, id },
            None => ReactionEmoji::Unicode(name),
        }
    }
}

fn reactions_path(channel: Id<ChannelMarker>, message: Id<MessageMarker>) -> String {
    format!("/channels/{channel}/messages/{message}/reactions")
}

impl Http {
    /// `PUT .../reactions/{emoji}/@me`: the bot reacts.
    pub async fn add_reaction(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        emoji: &ReactionEmoji,
    ) -> Result<(), HttpError> {
        let path = format!(
            "{}/{}/@me",
            reactions_path(channel, message),
            emoji.path_segment()
        );
        self.unit(Method::PUT, &path, Body::Empty, None).await
    }

    /// `DELETE .../reactions/{emoji}/@me`: the bot takes its reaction back.
    pub async fn remove_own_reaction(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        emoji: &ReactionEmoji,
    ) -> Result<(), HttpError> {
        let path = format!(
            "{}/{}/@me",
            reactions_path(channel, message),
            emoji.path_segment()
        );
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `DELETE .../reactions/{emoji}/{user}`: removes a user's reaction (MANAGE_MESSAGES).
    pub async fn remove_user_reaction(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        emoji: &ReactionEmoji,
        user: Id<UserMarker>,
    ) -> Result<(), HttpError> {
        let path = format!(
            "{}/{}/{user}",
            reactions_path(channel, message),
            emoji.path_segment()
        );
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET .../reactions/{emoji}` page by page (100 a page, by `after` the last user): the
    /// users who reacted, at most `limit` (`None`: all).
    pub fn reaction_users(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        emoji: &ReactionEmoji,
        limit: Option<usize>,
    ) -> Paginated<User> {
        let http = self.clone();
        let base = format!(
            "{}/{}",
            reactions_path(channel, message),
            emoji.path_segment()
        );
        paginate(
            None,
            limit,
            100,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let path = match after {
                    Some(after) => format!("{base}?limit={size}&after={after}"),
                    None => format!("{base}?limit={size}"),
                };
                async move {
                    let page: Vec<User> = http.typed(Method::GET, &path, Body::Empty).await?;
                    let next = page.last().map(|u| Some(u.id));
                    Ok((page, next))
                }
            },
        )
    }

    /// `DELETE .../reactions`: removes every reaction of a message.
    pub async fn clear_reactions(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
    ) -> Result<(), HttpError> {
        let path = reactions_path(channel, message);
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `DELETE .../reactions/{emoji}`: removes every reaction of one emoji.
    pub async fn clear_reaction(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        emoji: &ReactionEmoji,
    ) -> Result<(), HttpError> {
        let path = format!(
            "{}/{}",
            reactions_path(channel, message),
            emoji.path_segment()
        );
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }
}
