//! Messages: get, list (history as a stream, `around` as one call), create with files, edit,
//! delete, bulk delete, crosspost, and pins.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::{encode, in_range, message_body};
use crate::model::{
    ChannelMarker, CreateMessage, Id, Message, MessageMarker, MessagePin, MessagePins,
    RequestProblem, Timestamp,
};
use serde_json::json as object;
use std::collections::HashSet;

/// Where a history starts, and which way it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessagesFrom {
    /// From the newest message back in time.
    Latest,
    /// From just before this message back in time (newest first).
    Before(Id<MessageMarker>),
    /// From just after this message forward in time (oldest first).
    After(Id<MessageMarker>),
}

/// The most messages of one page.
const PAGE: usize = 100;
/// How old a message a bulk delete may remove: 14 days.
const BULK_DELETE_AGE_MS: u64 = 14 * 24 * 60 * 60 * 1000;

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl Http {
    /// `GET /channels/{channel}/messages/{message}`.
    pub async fn message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
    ) -> Result<Message, HttpError> {
        let path = format!("/channels/{channel}/messages/{message}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /channels/{channel}/messages` page by page (100 a page, by `before` or `after`): at
    /// most `limit` messages (`None`: the whole history). Newest first from
    /// [`MessagesFrom::Latest`] and [`MessagesFrom::Before`]; oldest first from
    /// [`MessagesFrom::After`].
    pub fn messages(
        &self,
        channel: Id<ChannelMarker>,
        from: MessagesFrom,
        limit: Option<usize>,
    ) -> Paginated<Message> {
        let http = self.clone();
        paginate(from, limit, PAGE, move |from, size| {
            let http = http.clone();
            async move {
                let query = match from {
                    MessagesFrom::Latest => String::new(),
                    MessagesFrom::Before(id) => format!("&before={id}"),
                    MessagesFrom::After(id) => format!("&after={id}"),
                };
                let path = format!("/channels/{channel}/messages?limit={size}{query}");
                let mut page: Vec<Message> = http.typed(Method::GET, &path, Body::Empty).await?;
                // Discord answers newest first either way.
                page.sort_by_key(|m| std::cmp::Reverse(m.id));
                let next = match from {
                    MessagesFrom::After(_) => {
                        page.reverse();
                        page.last().map(|m| MessagesFrom::After(m.id))
                    }
                    _ => page.last().map(|m| MessagesFrom::Before(m.id)),
                };
                Ok((page, next))
            }
        })
    }

    /// `GET /channels/{channel}/messages?around=`: up to `limit` (1–100) messages around one,
    /// newest first, in one call.
    pub async fn messages_around(
        &self,
        channel: Id<ChannelMarker>,
        around: Id<MessageMarker>,
        limit: usize,
    ) -> Result<Vec<Message>, HttpError> {
        in_range("limit", limit, 1, PAGE)?;
        let path = format!("/channels/{channel}/messages?around={around}&limit={limit}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /channels/{channel}/messages`: sends a message (multipart when it carries files).
    /// A message over Discord's limits is refused before sending ([`HttpError::Invalid`]).
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{CreateMessage, EmbedBuilder, Id};
    /// let report = EmbedBuilder::new().title("Nightly build").build().unwrap();
    /// let sent = http
    ///     .create_message(Id::new(381870553235193857), &CreateMessage::new().embed(report))
    ///     .await?;
    /// println!("sent {}", sent.id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_message(
        &self,
        channel: Id<ChannelMarker>,
        message: &CreateMessage,
    ) -> Result<Message, HttpError> {
        message.check().map_err(HttpError::Invalid)?;
        let path = format!("/channels/{channel}/messages");
        self.typed(Method::POST, &path, message_body(message, message)?)
            .await
    }

    /// `PATCH /channels/{channel}/messages/{message}`: edits a message; what `edit` leaves
    /// out stays as it is (checked as an edit before sending).
    pub async fn edit_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        edit: &CreateMessage,
    ) -> Result<Message, HttpError> {
        edit.check_edit().map_err(HttpError::Invalid)?;
        let path = format!("/channels/{channel}/messages/{message}");
        self.typed(Method::PATCH, &path, message_body(edit, edit)?)
            .await
    }

    /// `DELETE /channels/{channel}/messages/{message}`; `reason` goes to the audit log when
    /// the message is someone else's.
    pub async fn delete_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/messages/{message}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `POST /channels/{channel}/messages/bulk-delete`: deletes 2 to 100 different messages,
    /// none older than 14 days (checked from their ids before sending).
    pub async fn delete_messages(
        &self,
        channel: Id<ChannelMarker>,
        messages: &[Id<MessageMarker>],
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        crate::model::RequestProblem::check_count("messages", messages.len(), 2, PAGE)?;
        let mut seen = HashSet::new();
        let oldest = now_ms().saturating_sub(BULK_DELETE_AGE_MS);
        for id in messages {
            if !seen.insert(*id) {
                return Err(RequestProblem::Duplicate {
                    field: "messages",
                    id: id.get(),
                }
                .into());
            }
            if id.timestamp_ms() < oldest {
                return Err(RequestProblem::TooOld { id: id.get() }.into());
            }
        }
        let path = format!("/channels/{channel}/messages/bulk-delete");
        let ids: Vec<String> = messages.iter().map(ToString::to_string).collect();
        self.unit(
            Method::POST,
            &path,
            Body::Json(object!({ "messages": ids })),
            reason,
        )
        .await
    }

    /// `POST /channels/{channel}/messages/{message}/crosspost`: publishes a message of an
    /// announcement channel to the channels following it.
    pub async fn crosspost_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
    ) -> Result<Message, HttpError> {
        let path = format!("/channels/{channel}/messages/{message}/crosspost");
        self.typed(Method::POST, &path, Body::Empty).await
    }

    /// `GET /channels/{channel}/messages/pins` page by page (50 a page, newest first, by
    /// `before` the last pin's time): at most `limit` pins (`None`: all).
    pub fn pins(&self, channel: Id<ChannelMarker>, limit: Option<usize>) -> Paginated<MessagePin> {
        let http = self.clone();
        paginate(None, limit, 50, move |before: Option<Timestamp>, size| {
            let http = http.clone();
            async move {
                let before = before.map_or(String::new(), |t| {
                    format!("&before={}", encode(&t.to_string()))
                });
                let path = format!("/channels/{channel}/messages/pins?limit={size}{before}");
                let page: MessagePins = http.typed(Method::GET, &path, Body::Empty).await?;
                let next = page
                    .items
                    .last()
                    .filter(|_| page.has_more)
                    .map(|pin| Some(pin.pinned_at));
                Ok((page.items, next))
            }
        })
    }

    /// `PUT /channels/{channel}/messages/pins/{message}`: pins a message (at most 250 a
    /// channel).
    pub async fn pin_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/messages/pins/{message}");
        self.unit(Method::PUT, &path, Body::Empty, reason).await
    }

    /// `DELETE /channels/{channel}/messages/pins/{message}`: unpins a message.
    pub async fn unpin_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/messages/pins/{message}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }
}
