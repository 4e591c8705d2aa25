//! Answering an interaction: the first response, deferral, follow-ups and edits (RR L266-494).

use super::answer::Answer;
use crate::http::{Http, HttpError};
use crate::model::{
    AllowedMentions, ApplicationMarker, AttachmentFile, Component, CreateMessage,
    CreateMessageError, Embed, Id, MessageFlags,
};
use std::fmt;
use std::sync::Arc;

/// A message to send in reply: text, embeds, components (a view), files, allowed mentions,
/// flags, ephemeral or not. A thin builder over [`CreateMessage`]; anything that converts into
/// it (text, a [`CreateMessage`], an [`Embed`]) works where a reply is taken.
///
/// Its limits are checked before sending: a reply over Discord's limits fails with
/// [`ResponseError::Invalid`] and no request is made.
///
/// ```
/// use bot_core::command::Reply;
/// use bot_core::model::{ActionRow, AllowedMentions, Button, EmbedBuilder};
/// let reply = Reply::new("Only you can see this").ephemeral();
/// assert!(reply.is_ephemeral());
/// let plain: Reply = "pong".into();
/// assert_eq!(plain.content(), Some("pong"));
/// let rich = Reply::new("Pick one")
///     .embed(EmbedBuilder::new().title("Poll").build().unwrap())
///     .component(ActionRow::buttons([Button::primary("yes", "Yes"), Button::danger("no", "No")]))
///     .allowed_mentions(AllowedMentions::none());
/// assert_eq!(rich.message().embeds.len(), 1);
/// rich.message().check().unwrap();
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[must_use]
pub struct Reply {
    message: CreateMessage,
}

impl Reply {
    /// A reply with text.
    pub fn new(content: impl Into<String>) -> Self {
        Reply {
            message: CreateMessage::new().content(content),
        }
    }

    /// The text.
    pub fn content(&self) -> Option<&str> {
        self.message.content.as_deref()
    }

    /// Replaces the text.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.message.content = Some(content.into());
        self
    }

    /// Only the invoking user sees it (flag `EPHEMERAL`).
    pub fn ephemeral(self) -> Self {
        let flags = self.message.flags.unwrap_or_else(MessageFlags::empty);
        self.flags(flags | MessageFlags::EPHEMERAL)
    }

    /// Adds an embed.
    pub fn embed(mut self, embed: Embed) -> Self {
        self.message = self.message.embed(embed);
        self
    }

    /// Adds embeds.
    pub fn embeds(mut self, embeds: impl IntoIterator<Item = Embed>) -> Self {
        self.message = self.message.embeds(embeds);
        self
    }

    /// Adds a top-level component: an [`ActionRow`](crate::model::ActionRow) of buttons or a
    /// select menu (or a layout component with `IS_COMPONENTS_V2`).
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        self.message = self.message.component(component);
        self
    }

    /// Adds top-level components.
    pub fn components<C: Into<Component>>(
        mut self,
        components: impl IntoIterator<Item = C>,
    ) -> Self {
        for component in components {
            self.message = self.message.component(component);
        }
        self
    }

    /// Whom it may notify (otherwise the bot's default, see
    /// [`BotBuilder::allowed_mentions`](crate::BotBuilder::allowed_mentions)).
    pub fn allowed_mentions(mut self, allowed: AllowedMentions) -> Self {
        self.message = self.message.allowed_mentions(allowed);
        self
    }

    /// Adds a file.
    pub fn file(mut self, file: AttachmentFile) -> Self {
        self.message = self.message.file(file);
        self
    }

    /// Adds files.
    pub fn files(mut self, files: impl IntoIterator<Item = AttachmentFile>) -> Self {
        for file in files {
            self.message = self.message.file(file);
        }
        self
    }

    /// Sets the flags (`EPHEMERAL`, `SUPPRESS_EMBEDS`, `SUPPRESS_NOTIFICATIONS`,
    /// `IS_COMPONENTS_V2`).
    pub fn flags(mut self, flags: MessageFlags) -> Self {
        self.message = self.message.flags(flags);
        self
    }

    /// Silent: no push or desktop notification (flag `SUPPRESS_NOTIFICATIONS`).
    pub fn silent(mut self) -> Self {
        self.message = self.message.silent();
        self
    }

    /// Text-to-speech, or not.
    pub fn tts(mut self, tts: bool) -> Self {
        self.message = self.message.tts(tts);
        self
    }

    /// Whether only the invoking user sees it.
    pub fn is_ephemeral(&self) -> bool {
        self.message
            .flags
            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
    }

    /// The message it sends.
    pub fn message(&self) -> &CreateMessage {
        &self.message
    }

    /// The message, with `default_mentions` where it sets none.
    pub(crate) fn into_message(self, default_mentions: Option<&AllowedMentions>) -> CreateMessage {
        let mut message = self.message;
        if message.allowed_mentions.is_none() {
            message.allowed_mentions = default_mentions.cloned();
        }
        message
    }
}

impl From<&str> for Reply {
    fn from(content: &str) -> Self {
        Reply::new(content)
    }
}

impl From<String> for Reply {
    fn from(content: String) -> Self {
        Reply::new(content)
    }
}

impl From<CreateMessage> for Reply {
    fn from(message: CreateMessage) -> Self {
        Reply { message }
    }
}

impl From<Embed> for Reply {
    fn from(embed: Embed) -> Self {
        Reply::from(CreateMessage::from(embed))
    }
}

impl From<Reply> for CreateMessage {
    fn from(reply: Reply) -> Self {
        reply.message
    }
}

/// Why a response could not be sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum ResponseError {
    /// The context has no connection to Discord (built by hand, e.g. in a unit test).
    NotConnected,
    /// `defer` (or `send_modal`) after the interaction was already answered.
    AlreadyAnswered,
    /// `send_modal` after the interaction was deferred (by the handler or by auto-defer): a
    /// modal must be the first response. Give a command that may open one `auto_defer = false`.
    ModalAfterDefer,
    /// Discord's initial-response window (3 s after receipt) passed with nothing sent: no
    /// response, deferral, edit or follow-up can be sent any more. Returned without a request,
    /// and logged once per interaction.
    Expired,
    /// The message breaks Discord's limits: refused before sending.
    Invalid(CreateMessageError),
    /// Discord refused the request.
    Http(HttpError),
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::NotConnected => {
                f.write_str("this context has no connection to respond through")
            }
            ResponseError::AlreadyAnswered => f.write_str("the interaction was already answered"),
            ResponseError::ModalAfterDefer => f.write_str(
                "a modal must be the first response, and the interaction was already deferred",
            ),
            ResponseError::Expired => f.write_str(
                "the interaction was not answered within Discord's 3 s and can no longer be",
            ),
            ResponseError::Invalid(error) => write!(f, "{error}"),
            ResponseError::Http(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ResponseError {}

impl From<CreateMessageError> for ResponseError {
    fn from(error: CreateMessageError) -> Self {
        ResponseError::Invalid(error)
    }
}

impl From<HttpError> for ResponseError {
    /// A message refused before sending becomes [`ResponseError::Invalid`].
    fn from(error: HttpError) -> Self {
        match error {
            HttpError::Invalid(error) => ResponseError::Invalid(error),
            error => ResponseError::Http(error),
        }
    }
}

/// The connection a context responds through.
#[derive(Clone)]
pub(crate) struct Responder {
    pub(crate) http: Http,
    pub(crate) application_id: Id<ApplicationMarker>,
    pub(crate) allowed_mentions: Option<AllowedMentions>,
    /// How far the answer has got, shared by every clone of the context.
    pub(crate) answer: Arc<Answer>,
}

impl fmt::Debug for Responder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Responder")
            .field("application_id", &self.application_id)
            .field("stage", &self.answer.stage())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EmbedBuilder, Id};

    #[test]
    fn the_default_mentions_apply_only_where_the_reply_sets_none() {
        let default = AllowedMentions::none();
        let plain = Reply::new("hi").into_message(Some(&default));
        assert_eq!(plain.allowed_mentions, Some(AllowedMentions::none()));
        let own = AllowedMentions::none().user(Id::new(1));
        let set = Reply::new("hi")
            .allowed_mentions(own.clone())
            .into_message(Some(&default));
        assert_eq!(set.allowed_mentions, Some(own));
        assert_eq!(Reply::new("hi").into_message(None).allowed_mentions, None);
    }

    #[test]
    fn ephemeral_keeps_the_other_flags_and_conversions_keep_the_message() {
        let reply = Reply::new("quiet")
            .flags(MessageFlags::SUPPRESS_EMBEDS)
            .ephemeral();
        assert!(reply.is_ephemeral());
        assert_eq!(
            reply.message().flags,
            Some(MessageFlags::SUPPRESS_EMBEDS | MessageFlags::EPHEMERAL)
        );
        let embed = EmbedBuilder::new().title("t").build().unwrap();
        let from_embed = Reply::from(embed.clone());
        assert_eq!(
            (from_embed.content(), &from_embed.message().embeds[..]),
            (None, &[embed][..])
        );
        let message = CreateMessage::new().content("c").tts(true);
        assert_eq!(CreateMessage::from(Reply::from(message.clone())), message);
        let json = serde_json::to_value(Reply::new("x").ephemeral().message()).unwrap();
        assert_eq!(json, serde_json::json!({"content": "x", "flags": 64}));
    }
}
