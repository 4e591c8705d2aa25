//! Users: the bot user, any user, the bot's changes, DMs, the bot's guilds and connections.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    Channel, Connection, EditCurrentUser, GuildMarker, Id, PartialGuild, User, UserMarker,
};
use serde_json::json as object;

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

    /// `GET /users/@me/guilds` page by page (200 a page, by `after` the last guild): the
    /// bot's guilds, at most `limit` (`None`: all).
    pub fn current_user_guilds(&self, limit: Option<usize>) -> Paginated<PartialGuild> {
        let http = self.clone();
        paginate(
            None,
            limit,
            200,
            move |after: Option<Id<GuildMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!("/users/@me/guilds?limit={size}{after}");
                async move {
                    let page: Vec<PartialGuild> =
                        http.typed(Method::GET, &path, Body::Empty).await?;
                    let next = page.last().map(|g| Some(g.id));
                    Ok((page, next))
                }
            },
        )
    }

    /// `DELETE /users/@me/guilds/{guild}`: the bot leaves a guild.
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
