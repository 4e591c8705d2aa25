//! A guild's members: get, list (a stream by `after`), add one with their OAuth2 access token,
//! modify (nickname, roles, voice, timeout), the bot's own nickname, a role added or removed, a
//! kick.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{AddGuildMember, EditMember, GuildMarker, Id, Member, RoleMarker, UserMarker};
use serde_json::json as object;

impl Http {
    /// `GET /guilds/{guild}/members/{user}`: a member.
    pub async fn guild_member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
    ) -> Result<Member, HttpError> {
        let path = format!("/guilds/{guild}/members/{user}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/members` page by page (1 000 a page, by `after` the last member):
    /// the guild's members, at most `limit` (`None`: all). Needs the `GUILD_MEMBERS` intent
    /// enabled for the application.
    pub fn guild_members(&self, guild: Id<GuildMarker>, limit: Option<usize>) -> Paginated<Member> {
        let http = self.clone();
        paginate(
            None,
            limit,
            1000,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!("/guilds/{guild}/members?limit={size}{after}");
                async move {
                    let page: Vec<Member> = http.typed(Method::GET, &path, Body::Empty).await?;
                    let next = page.last().map(|member| Some(member.user.id));
                    Ok((page, next))
                }
            },
        )
    }

    /// `GET /guilds/{guild}/members/search`: the members whose username or nickname starts with
    /// `query`, at most `limit` (1–1000, checked before sending).
    pub async fn search_members(
        &self,
        guild: Id<GuildMarker>,
        query: &str,
        limit: usize,
    ) -> Result<Vec<Member>, HttpError> {
        super::in_range("limit", limit, 1, 1000)?;
        let path = format!(
            "/guilds/{guild}/members/search?query={}&limit={limit}",
            super::encode(query)
        );
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /guilds/{guild}/members/{user}`: changes a member (checked before sending: a
    /// nickname of at most 32 characters, a timeout at most 28 days ahead); `reason` goes to
    /// the audit log.
    pub async fn edit_member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        edit: &EditMember,
        reason: Option<&str>,
    ) -> Result<Member, HttpError> {
        edit.check()?;
        let path = format!("/guilds/{guild}/members/{user}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `PUT /guilds/{guild}/members/{user}`: adds `user` to the guild with their OAuth2 access
    /// token (scope `guilds.join`, granted to this application), checked before sending: the
    /// new member (`Some`), or `None` when they already were one. Needs CREATE_INSTANT_INVITE.
    /// The token is never shown in errors or logs.
    pub async fn add_guild_member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        add: &AddGuildMember,
    ) -> Result<Option<Member>, HttpError> {
        add.check()?;
        let path = format!("/guilds/{guild}/members/{user}");
        match self.request(Method::PUT, &path, json(add)?).await? {
            None => Ok(None),
            Some(value) => serde_json::from_value(value)
                .map(Some)
                .map_err(|e| HttpError::Decode(e.to_string())),
        }
    }

    /// `PATCH /guilds/{guild}/members/@me`: the bot's own nickname (`None`: removes it).
    pub async fn edit_current_member(
        &self,
        guild: Id<GuildMarker>,
        nick: Option<&str>,
        reason: Option<&str>,
    ) -> Result<Member, HttpError> {
        EditMember::new().nick(nick).check()?;
        let path = format!("/guilds/{guild}/members/@me");
        self.typed_with_reason(
            Method::PATCH,
            &path,
            Body::Json(object!({"nick": nick})),
            reason,
        )
        .await
    }

    /// `PUT /guilds/{guild}/members/{user}/roles/{role}`: gives a member a role.
    pub async fn add_member_role(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        role: Id<RoleMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/members/{user}/roles/{role}");
        self.unit(Method::PUT, &path, Body::Empty, reason).await
    }

    /// `DELETE /guilds/{guild}/members/{user}/roles/{role}`: takes a role from a member.
    pub async fn remove_member_role(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        role: Id<RoleMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/members/{user}/roles/{role}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `DELETE /guilds/{guild}/members/{user}`: kicks a member.
    pub async fn kick_member(
        &self,
        guild: Id<GuildMarker>,
        user: Id<UserMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/members/{user}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }
}
