//! A guild's audit log: one page with its users, or the entries as a stream, newest first,
//! filtered by who acted and what they did.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use crate::model::{
    AuditLog, AuditLogEntry, AuditLogEntryMarker, AuditLogEvent, GuildMarker, Id, UserMarker,
};

/// Which entries of an audit log to read.
///
/// ```
/// use bot_core::http::AuditLogFilter;
/// use bot_core::model::{AuditLogEvent, Id};
/// let bans_by_me = AuditLogFilter::new().user(Id::new(1)).action(AuditLogEvent::MemberBanAdd);
/// # let _ = bans_by_me;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuditLogFilter {
    /// Only the entries of this user's actions.
    pub user_id: Option<Id<UserMarker>>,
    /// Only this kind of action.
    pub action_type: Option<AuditLogEvent>,
}

impl AuditLogFilter {
    /// Every entry.
    pub fn new() -> Self {
        AuditLogFilter::default()
    }

    /// Only `user`'s actions.
    pub fn user(mut self, user: Id<UserMarker>) -> Self {
        self.user_id = Some(user);
        self
    }

    /// Only actions of `action`'s kind.
    pub fn action(mut self, action: AuditLogEvent) -> Self {
        self.action_type = Some(action);
        self
    }

    fn query(&self) -> String {
        let mut query = String::new();
        if let Some(user) = self.user_id {
            query.push_str(&format!("&user_id={user}"));
        }
        if let Some(action) = self.action_type {
            query.push_str(&format!("&action_type={}", action.value()));
        }
        query
    }
}

impl Http {
    /// `GET /guilds/{guild}/audit-logs`: the newest `limit` entries (1–100, checked before
    /// sending) that `filter` keeps, with the users, threads and webhooks they name. Needs
    /// VIEW_AUDIT_LOG.
    pub async fn audit_log(
        &self,
        guild: Id<GuildMarker>,
        filter: AuditLogFilter,
        limit: usize,
    ) -> Result<AuditLog, HttpError> {
        super::in_range("limit", limit, 1, 100)?;
        let path = format!("/guilds/{guild}/audit-logs?limit={limit}{}", filter.query());
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// The entries `filter` keeps, newest first, read 100 at a time by `before` the last one, at
    /// most `limit` (`None`: all).
    pub fn audit_log_entries(
        &self,
        guild: Id<GuildMarker>,
        filter: AuditLogFilter,
        limit: Option<usize>,
    ) -> Paginated<AuditLogEntry> {
        let http = self.clone();
        paginate(
            None,
            limit,
            100,
            move |before: Option<Id<AuditLogEntryMarker>>, size| {
                let http = http.clone();
                let before = before.map_or(String::new(), |id| format!("&before={id}"));
                let path = format!(
                    "/guilds/{guild}/audit-logs?limit={size}{before}{}",
                    filter.query()
                );
                async move {
                    let page: AuditLog = http.typed(Method::GET, &path, Body::Empty).await?;
                    let entries = page.audit_log_entries;
                    let next = entries.last().map(|entry| Some(entry.id));
                    Ok((entries, next))
                }
            },
        )
    }
}
