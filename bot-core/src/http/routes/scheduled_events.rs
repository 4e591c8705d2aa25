//! A guild's scheduled events: list (with user counts), create, get, change, delete; the users
//! interested in one as a stream (100 a page, by `after`), their counts; the exceptions of a
//! recurring event (one occurrence moved or canceled). Bodies are checked before sending.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use crate::model::{
    CreateScheduledEvent, EditScheduledEvent, GenericMarker, GuildMarker, Id, RequestProblem,
    ScheduledEvent, ScheduledEventException, ScheduledEventExceptionEdit, ScheduledEventMarker,
    ScheduledEventUser, Timestamp, UserMarker,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most exceptions one count asks about.
pub const MAX_COUNTED_EXCEPTIONS: usize = 10;

/// How many users are interested in an event, and in some of its occurrences
/// (`GET .../users/counts`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEventUserCounts {
    /// Users interested in the event.
    pub guild_scheduled_event_count: u32,
    /// Users interested in each occurrence asked about, by exception id.
    #[serde(default)]
    pub guild_scheduled_event_exception_counts: BTreeMap<Id<GenericMarker>, u32>,
}

/// The id of an interested user (the cursor of the next page).
fn interested(user: &ScheduledEventUser) -> Option<Id<UserMarker>> {
    user.user_id.or(user.user.as_ref().map(|u| u.id))
}

fn user_count(with_user_count: bool) -> &'static str {
    if with_user_count {
        "?with_user_count=true"
    } else {
        ""
    }
}

impl Http {
    /// `GET /guilds/{guild}/scheduled-events`: the guild's events, each with `user_count`
    /// when asked.
    pub async fn guild_scheduled_events(
        &self,
        guild: Id<GuildMarker>,
        with_user_count: bool,
    ) -> Result<Vec<ScheduledEvent>, HttpError> {
        let path = format!(
            "/guilds/{guild}/scheduled-events{}",
            user_count(with_user_count)
        );
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/scheduled-events/{event}`: one event (10070 when unknown).
    pub async fn guild_scheduled_event(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        with_user_count: bool,
    ) -> Result<ScheduledEvent, HttpError> {
        let path = format!(
            "/guilds/{guild}/scheduled-events/{event}{}",
            user_count(with_user_count)
        );
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/scheduled-events`: a new event (GUILD_SCHEDULED_EVENT_CREATE);
    /// checked before sending.
    pub async fn create_guild_scheduled_event(
        &self,
        guild: Id<GuildMarker>,
        event: &CreateScheduledEvent,
        reason: Option<&str>,
    ) -> Result<ScheduledEvent, HttpError> {
        let body = Body::Json(event.to_json()?);
        let path = format!("/guilds/{guild}/scheduled-events");
        self.typed_with_reason(Method::POST, &path, body, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/scheduled-events/{event}`: changes, starts, ends or cancels an
    /// event (GUILD_SCHEDULED_EVENT_UPDATE).
    pub async fn edit_guild_scheduled_event(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        edit: &EditScheduledEvent,
        reason: Option<&str>,
    ) -> Result<ScheduledEvent, HttpError> {
        let body = Body::Json(edit.to_json()?);
        let path = format!("/guilds/{guild}/scheduled-events/{event}");
        self.typed_with_reason(Method::PATCH, &path, body, reason)
            .await
    }

    /// `DELETE /guilds/{guild}/scheduled-events/{event}`: deletes an event
    /// (GUILD_SCHEDULED_EVENT_DELETE).
    pub async fn delete_guild_scheduled_event(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/scheduled-events/{event}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET /guilds/{guild}/scheduled-events/{event}/users` page by page (100 a page, by
    /// `after` the last user): the users interested, oldest first, each with their member
    /// when `with_member`; at most `limit` (`None`: all).
    pub fn guild_scheduled_event_users(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        with_member: bool,
        limit: Option<usize>,
    ) -> Paginated<ScheduledEventUser> {
        let http = self.clone();
        paginate(
            None,
            limit,
            100,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!(
                    "/guilds/{guild}/scheduled-events/{event}/users?limit={size}&with_member={with_member}{after}"
                );
                async move {
                    let page: Option<Vec<ScheduledEventUser>> =
                        http.typed(Method::GET, &path, Body::Empty).await?;
                    let page = page.unwrap_or_default();
                    let next = page.last().and_then(interested).map(Some);
                    Ok((page, next))
                }
            },
        )
    }

    /// `GET /guilds/{guild}/scheduled-events/{event}/users/counts`: how many users are
    /// interested in the event, and in each of up to 10 of its occurrences.
    pub async fn guild_scheduled_event_user_counts(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        exceptions: &[Id<GenericMarker>],
    ) -> Result<ScheduledEventUserCounts, HttpError> {
        RequestProblem::check_count(
            "guild_scheduled_event_exception_ids",
            exceptions.len(),
            0,
            MAX_COUNTED_EXCEPTIONS,
        )?;
        let query: String = exceptions
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let sep = if i == 0 { '?' } else { '&' };
                format!("{sep}guild_scheduled_event_exception_ids={id}")
            })
            .collect();
        let path = format!("/guilds/{guild}/scheduled-events/{event}/users/counts{query}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/scheduled-events/{event}/exceptions`: moves or cancels the
    /// occurrence of a recurring event that starts at `original`.
    pub async fn create_guild_scheduled_event_exception(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        original: Timestamp,
        exception: &ScheduledEventExceptionEdit,
    ) -> Result<ScheduledEventException, HttpError> {
        let body = Body::Json(exception.to_json(Some(original))?);
        let path = format!("/guilds/{guild}/scheduled-events/{event}/exceptions");
        self.typed(Method::POST, &path, body).await
    }

    /// `PATCH /guilds/{guild}/scheduled-events/{event}/exceptions/{exception}`: changes an
    /// exception.
    pub async fn edit_guild_scheduled_event_exception(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        exception: Id<GenericMarker>,
        edit: &ScheduledEventExceptionEdit,
    ) -> Result<ScheduledEventException, HttpError> {
        let body = Body::Json(edit.to_json(None)?);
        let path = format!("/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}");
        self.typed(Method::PATCH, &path, body).await
    }

    /// `DELETE /guilds/{guild}/scheduled-events/{event}/exceptions/{exception}`: the
    /// occurrence is as the rule says again.
    pub async fn delete_guild_scheduled_event_exception(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        exception: Id<GenericMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET /guilds/{guild}/scheduled-events/{event}/{exception}/users` page by page (100 a
    /// page, by `after`): the users interested in one occurrence; at most `limit`.
    pub fn guild_scheduled_event_exception_users(
        &self,
        guild: Id<GuildMarker>,
        event: Id<ScheduledEventMarker>,
        exception: Id<GenericMarker>,
        limit: Option<usize>,
    ) -> Paginated<ScheduledEventUser> {
        let http = self.clone();
        paginate(
            None,
            limit,
            100,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!(
                    "/guilds/{guild}/scheduled-events/{event}/{exception}/users?limit={size}{after}"
                );
                async move {
                    let page: Option<Vec<ScheduledEventUser>> =
                        http.typed(Method::GET, &path, Body::Empty).await?;
                    let page = page.unwrap_or_default();
                    let next = page.last().and_then(interested).map(Some);
                    Ok((page, next))
                }
            },
        )
    }
}
