//! Users: the bot user, any user, the bot's changes, DMs, the bot's guilds (a stream, and
//! leaving one) and connections.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    Channel, Connection, EditCurrentUser, GuildMarker, Id, PartialGuild, User, UserMarker,
};
use serde_json::json as object;

/// The most guilds of one page.
const PAGE: usize = 200;

/// Where a list of the bot's guilds starts, and which way it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GuildsFrom {
    /// From the oldest guild on (oldest first).
    First,
    /// From just after this guild on (oldest first).
    After(Id<GuildMarker>),
    /// From just before this guild back (newest first).
    Before(Id<GuildMarker>),
}

impl Http {
    /// `GET /users/@me`: the bot user.
    pub async fn current_user(&self) -> Result<User, HttpError> {
        self.typed(Method::GET, "/users/@me", Body::Empty).await
    }

    /// `GET /users/{user}`: a user as anyone sees them.
    pub async fn user(&self, user: Id<UserMarker>) -> Result<User, HttpError> {
        self.typed(Method::GET, &format!("/users/{user}"), Body::Empty)
            .await
    }

    /// `PATCH /users/@me`: changes the bot user (checked before sending).
    pub async fn edit_current_user(&self, edit: &EditCurrentUser) -> Result<User, HttpError> {
        edit.check()?;
        self.typed(Method::PATCH, "/users/@me", json(edit)?).await
    }

    /// `POST /users/@me/channels`: the DM channel with a user (the same one every time).
    pub async fn create_dm(&self, recipient: Id<UserMarker>) -> Result<Channel, HttpError> {
        let body = Body::Json(object!({ "recipient_id": recipient.to_string() }));
        self.typed(Method::POST, "/users/@me/channels", body).await
    }

    /// `GET /users/@me/guilds` page by page (200 a page): the bot's guilds, at most `limit`
    /// (`None`: all), from where `from` says — oldest first from [`GuildsFrom::First`] and
    /// [`GuildsFrom::After`], newest first from [`GuildsFrom::Before`]. `with_counts` adds
    /// each guild's approximate member and presence counts.
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::http::GuildsFrom;
    /// use futures_util::TryStreamExt;
    /// let guilds: Vec<_> = http
    ///     .current_user_guilds(GuildsFrom::First, None, true)
    ///     .try_collect()
    ///     .await?;
    /// println!("in {} guilds", guilds.len());
    /// # Ok(()) }
    /// ```
    pub fn current_user_guilds(
        &self,
        from: GuildsFrom,
        limit: Option<usize>,
        with_counts: bool,
    ) -> Paginated<PartialGuild> {
        let http = self.clone();
        paginate(from, limit, PAGE, move |from, size| {
            let http = http.clone();
            let cursor = match from {
                GuildsFrom::First => String::new(),
                GuildsFrom::After(id) => format!("&after={id}"),
                GuildsFrom::Before(id) => format!("&before={id}"),
            };
            let path = format!("/users/@me/guilds?limit={size}&with_counts={with_counts}{cursor}");
            async move {
                let mut page: Vec<PartialGuild> =
                    http.typed(Method::GET, &path, Body::Empty).await?;
                // Discord answers in id order either way.
                page.sort_by_key(|g| g.id);
                let next = match from {
                    GuildsFrom::Before(_) => {
                        page.reverse();
                        page.last().map(|g| GuildsFrom::Before(g.id))
                    }
                    _ => page.last().map(|g| GuildsFrom::After(g.id)),
                };
                Ok((page, next))
            }
        })
    }

    /// `DELETE /users/@me/guilds/{guild}`: the bot leaves a guild (its sessions get
    /// GUILD_DELETE).
    pub async fn leave_guild(&self, guild: Id<GuildMarker>) -> Result<(), HttpError> {
        let path = format!("/users/@me/guilds/{guild}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET /users/@me/connections`: the bot user's connected accounts.
    pub async fn current_user_connections(&self) -> Result<Vec<Connection>, HttpError> {
        let list: Option<Vec<Connection>> = self
            .typed(Method::GET, "/users/@me/connections", Body::Empty)
            .await?;
        Ok(list.unwrap_or_default())
    }
}
