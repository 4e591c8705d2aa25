//! Threads: start one (from a message, without one, in a forum or media channel), join, leave,
//! add and remove members, list members and archived threads (streams).

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::{encode, json, message_body};
use crate::model::{
    Channel, ChannelMarker, CreateForumThread, CreateThread, Id, MessageMarker, ThreadList,
    ThreadMember, Timestamp, UserMarker,
};

/// Which archived threads of a channel to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Archived {
    Public,
    Private,
    JoinedPrivate,
}

impl Http {
    /// `POST /channels/{channel}/messages/{message}/threads`: starts a thread from a message.
    pub async fn create_thread_from_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        thread: &CreateThread,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        thread.check()?;
        if thread.kind.is_some() {
            return Err(crate::model::RequestProblem::NotAllowed {
                field: "type",
                why: "a thread started from a message takes its type from the channel",
            }
            .into());
        }
        let path = format!("/channels/{channel}/messages/{message}/threads");
        self.typed_with_reason(Method::POST, &path, json(thread)?, reason)
            .await
    }

    /// `POST /channels/{channel}/threads`: starts a thread without a message (a private thread
    /// unless [`CreateThread::kind`] says otherwise: Discord's default).
    pub async fn create_thread(
        &self,
        channel: Id<ChannelMarker>,
        thread: &CreateThread,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        thread.check()?;
        let path = format!("/channels/{channel}/threads");
        self.typed_with_reason(Method::POST, &path, json(thread)?, reason)
            .await
    }

    /// `POST /channels/{channel}/threads` in a forum or media channel: a post with its first
    /// message (multipart when it carries files).
    pub async fn create_forum_thread(
        &self,
        channel: Id<ChannelMarker>,
        post: &CreateForumThread,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        post.check()?;
        post.message.check().map_err(HttpError::Invalid)?;
        let path = format!("/channels/{channel}/threads");
        let body = message_body(post, &post.message)?;
        self.typed_with_reason(Method::POST, &path, body, reason)
            .await
    }

    /// `PUT /channels/{thread}/thread-members/@me`: the bot joins a thread.
    pub async fn join_thread(&self, thread: Id<ChannelMarker>) -> Result<(), HttpError> {
        let path = format!("/channels/{thread}/thread-members/@me");
        self.unit(Method::PUT, &path, Body::Empty, None).await
    }

    /// `DELETE /channels/{thread}/thread-members/@me`: the bot leaves a thread.
    pub async fn leave_thread(&self, thread: Id<ChannelMarker>) -> Result<(), HttpError> {
        let path = format!("/channels/{thread}/thread-members/@me");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `PUT /channels/{thread}/thread-members/{user}`: adds a member to a thread.
    pub async fn add_thread_member(
        &self,
        thread: Id<ChannelMarker>,
        user: Id<UserMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{thread}/thread-members/{user}");
        self.unit(Method::PUT, &path, Body::Empty, None).await
    }

    /// `DELETE /channels/{thread}/thread-members/{user}`: removes a member from a thread.
    pub async fn remove_thread_member(
        &self,
        thread: Id<ChannelMarker>,
        user: Id<UserMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{thread}/thread-members/{user}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET /channels/{thread}/thread-members/{user}?with_member=`: one member of a thread.
    pub async fn thread_member(
        &self,
        thread: Id<ChannelMarker>,
        user: Id<UserMarker>,
        with_member: bool,
    ) -> Result<ThreadMember, HttpError> {
        let path = format!("/channels/{thread}/thread-members/{user}?with_member={with_member}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /channels/{thread}/thread-members?with_member=true` page by page (100 a page, by
    /// `after` the last user): at most `limit` members (`None`: all).
    pub fn thread_members(
        &self,
        thread: Id<ChannelMarker>,
        limit: Option<usize>,
    ) -> Paginated<ThreadMember> {
        let http = self.clone();
        paginate(
            None,
            limit,
            100,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!(
                    "/channels/{thread}/thread-members?with_member=true&limit={size}{after}"
                );
                async move {
                    let page: Vec<ThreadMember> =
                        http.typed(Method::GET, &path, Body::Empty).await?;
                    let next = page.last().and_then(|m| m.user_id).map(Some);
                    Ok((page, next))
                }
            },
        )
    }

    /// `GET /channels/{channel}/threads/archived/public` page by page (newest archive first, by
    /// `before` the last one's archive time): at most `limit` threads (`None`: all).
    pub fn public_archived_threads(
        &self,
        channel: Id<ChannelMarker>,
        limit: Option<usize>,
    ) -> Paginated<Channel> {
        self.archived_threads(channel, Archived::Public, limit)
    }

    /// `GET /channels/{channel}/threads/archived/private` (MANAGE_THREADS), as
    /// [`public_archived_threads`](Self::public_archived_threads).
    pub fn private_archived_threads(
        &self,
        channel: Id<ChannelMarker>,
        limit: Option<usize>,
    ) -> Paginated<Channel> {
        self.archived_threads(channel, Archived::Private, limit)
    }

    /// `GET /channels/{channel}/users/@me/threads/archived/private`: the archived private
    /// threads the bot joined, as [`public_archived_threads`](Self::public_archived_threads).
    pub fn joined_private_archived_threads(
        &self,
        channel: Id<ChannelMarker>,
        limit: Option<usize>,
    ) -> Paginated<Channel> {
        self.archived_threads(channel, Archived::JoinedPrivate, limit)
    }

    fn archived_threads(
        &self,
        channel: Id<ChannelMarker>,
        which: Archived,
        limit: Option<usize>,
    ) -> Paginated<Channel> {
        let http = self.clone();
        let base = match which {
            Archived::Public => format!("/channels/{channel}/threads/archived/public"),
            Archived::Private => format!("/channels/{channel}/threads/archived/private"),
            Archived::JoinedPrivate => {
                format!("/channels/{channel}/users/@me/threads/archived/private")
            }
        };
        paginate(None, limit, 100, move |before: Option<String>, size| {
            let http = http.clone();
            let before = before.map_or(String::new(), |b| format!("&before={b}"));
            let path = format!("{base}?limit={size}{before}");
            async move {
                let page: ThreadList = http.typed(Method::GET, &path, Body::Empty).await?;
                // The joined-private route pages by thread id, the others by archive time.
                let next = page.threads.last().filter(|_| page.has_more).map(|t| {
                    Some(match which {
                        Archived::JoinedPrivate => t.id.to_string(),
                        _ => encode(
                            &t.thread_metadata
                                .as_ref()
                                .and_then(|m| m.archive_timestamp)
                                .unwrap_or_else(|| Timestamp::from_unix_micros(0))
                                .to_string(),
                        ),
                    })
                });
                Ok((page.threads, next))
            }
        })
    }
}
