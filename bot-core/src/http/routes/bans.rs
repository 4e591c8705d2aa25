//! A guild's bans: list (a stream by `after`), get, ban (with up to 7 days of the user's
//! messages deleted), lift, and bulk ban (at most 200 users). Each checked before sending.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use crate::model::{Ban, GuildMarker, Id, RequestProblem, UserMarker};
use serde::{Deserialize, Serialize};
use serde_json::json as object;

/// The longest a ban may reach back to delete the user's messages: 7 days, in seconds.
pub const MAX_BAN_DELETE_SECONDS: u32 = 604_800;
/// The most users one bulk ban takes.
pub const MAX_BULK_BAN: usize = 200;

/// The answer to a bulk ban.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BulkBan {
    /// The users banned.
    #[serde(default)]
    pub banned_users: Vec<Id<UserMarker>>,
    /// The users who could not be (already banned, above the bot, the owner).
    #[serde(default)]
    pub failed_users: Vec<Id<UserMarker>>,
}

fn check_delete_seconds(seconds: Option<u32>) -> Result<(), HttpError> {
    match seconds {
        Some(seconds) if seconds > MAX_BAN_DELETE_SECONDS => Err(RequestProblem::OutOfRange {
            field: "delete_message_seconds",
            value: seconds.into(),
            min: 0,
            max: MAX_BAN_DELETE_SECONDS.into(),
        }
        .into()),
        _ => Ok(()),
    }
}

impl Http {
    /// `GET /guilds/{guild}/bans` page by page (1 000 a page, by `after` the last user): the
    /// guild's bans, at most `limit` (`None`: all). Needs BAN_MEMBERS.
    pub fn guild_bans(&self, guild: Id<GuildMarker>, limit: Option<usize>) -> Paginated<Ban> {
        let http = self.clone();
        paginate(
            None,
            limit,
            1000,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!("/guilds/{guild}/bans?limit={size}{after}");
                async move {
                    let page: Vec<Ban> = http.typed(Method::GET, &path, Body::Empty).await?;
                    let next = page.last().map(|ban| Some(ban.user.id));
                    Ok((page, next))
                }
            },
        )
    }

    /// `GET /guilds/{guild}/bans/{user}`: one ban (10026 when there is none).
    pub async fn guild_ban(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
    ) -> Result<Ban, HttpError> {
        let path = format!("/guilds/{guild}/bans/{user}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PUT /guilds/{guild}/bans/{user}`: bans a user (a member below the bot, or anyone not a
    /// member), deleting their messages of the last `delete_message_seconds` (at most 7 days,
    /// checked before sending).
    pub async fn ban_member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        delete_message_seconds: Option<u32>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        check_delete_seconds(delete_message_seconds)?;
        let path = format!("/guilds/{guild}/bans/{user}");
        let body = match delete_message_seconds {
            Some(seconds) => Body::Json(object!({"delete_message_seconds": seconds})),
            None => Body::Empty,
        };
        self.unit(Method::PUT, &path, body, reason).await
    }

    /// `DELETE /guilds/{guild}/bans/{user}`: lifts a ban.
    pub async fn unban_member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/bans/{user}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `POST /guilds/{guild}/bulk-ban`: bans 1 to 200 different users at once (checked before
    /// sending). Needs BAN_MEMBERS and MANAGE_GUILD.
    pub async fn bulk_ban(
        &self,
        guild: Id<GuildMarker>,
        users: &[Id<UserMarker>],
        delete_message_seconds: Option<u32>,
        reason: Option<&str>,
    ) -> Result<BulkBan, HttpError> {
        RequestProblem::check_count("user_ids", users.len(), 1, MAX_BULK_BAN)?;
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = users.iter().find(|user| !seen.insert(**user)) {
            return Err(RequestProblem::Duplicate {
                field: "user_ids",
                id: twice.get(),
            }
            .into());
        }
        check_delete_seconds(delete_message_seconds)?;
        let mut body = object!({"user_ids": users});
        if let Some(seconds) = delete_message_seconds {
            body["delete_message_seconds"] = seconds.into();
        }
        let path = format!("/guilds/{guild}/bulk-ban");
        self.typed_with_reason(Method::POST, &path, Body::Json(body), reason)
            .await
    }
}
