//! A guild, its roles and its channels: get and modify the guild, its preview, get, create,
//! modify, move and delete roles, count their members, list, create and move channels, its
//! active threads.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    Channel, ChannelMarker, CreateGuildChannel, CreateRole, EditGuild, Guild, GuildMarker,
    GuildPreview, Id, Role, RoleMarker, ThreadList,
};
use std::collections::HashMap;

impl Http {
    /// `GET /guilds/{guild}`: the guild (`with_counts`: its approximate member and presence
    /// counts too).
    pub async fn guild(
        &self,
        guild: Id<GuildMarker>,
        with_counts: bool,
    ) -> Result<Guild, HttpError> {
        let path = format!("/guilds/{guild}?with_counts={with_counts}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/preview`: what anyone may see of the guild (its name, emojis,
    /// stickers, features, approximate counts). Discord answers for a guild the bot is in and
    /// for a discoverable one; 10004 Unknown Guild otherwise.
    pub async fn guild_preview(&self, guild: Id<GuildMarker>) -> Result<GuildPreview, HttpError> {
        let path = format!("/guilds/{guild}/preview");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/roles/member-counts`: how many members have each role (@everyone
    /// left out).
    pub async fn role_member_counts(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<HashMap<Id<RoleMarker>, u32>, HttpError> {
        let path = format!("/guilds/{guild}/roles/member-counts");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /guilds/{guild}`: changes the guild (checked before sending); answers it.
    pub async fn edit_guild(
        &self,
        guild: Id<GuildMarker>,
        edit: &EditGuild,
        reason: Option<&str>,
    ) -> Result<Guild, HttpError> {
        edit.check()?;
        let path = format!("/guilds/{guild}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/channels`: moves channels (`(channel, position)`).
    pub async fn edit_channel_positions(
        &self,
        guild: Id<GuildMarker>,
        positions: &[(Id<ChannelMarker>, u32)],
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let body: Vec<_> = positions
            .iter()
            .map(|(id, position)| serde_json::json!({"id": id, "position": position}))
            .collect();
        let path = format!("/guilds/{guild}/channels");
        self.unit(Method::PATCH, &path, Body::Json(body.into()), reason)
            .await
    }

    /// `GET /guilds/{guild}/threads/active`: the guild's active threads the bot can see, and
    /// its memberships of them.
    pub async fn active_threads(&self, guild: Id<GuildMarker>) -> Result<ThreadList, HttpError> {
        let path = format!("/guilds/{guild}/threads/active");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/roles/{role}`: a role.
    pub async fn guild_role(
        &self,
        guild: Id<GuildMarker>,
        role: Id<RoleMarker>,
    ) -> Result<Role, HttpError> {
        let path = format!("/guilds/{guild}/roles/{role}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/roles`: a new role (checked before sending).
    pub async fn create_role(
        &self,
        guild: Id<GuildMarker>,
        role: &CreateRole,
        reason: Option<&str>,
    ) -> Result<Role, HttpError> {
        role.check()?;
        let path = format!("/guilds/{guild}/roles");
        self.typed_with_reason(Method::POST, &path, json(role)?, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/roles/{role}`: changes a role (checked before sending).
    pub async fn edit_role(
        &self,
        guild: Id<GuildMarker>,
        role: Id<RoleMarker>,
        edit: &CreateRole,
        reason: Option<&str>,
    ) -> Result<Role, HttpError> {
        edit.check()?;
        let path = format!("/guilds/{guild}/roles/{role}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/roles`: moves roles (`(role, position)`, each below the bot's
    /// highest); answers every role of the guild.
    pub async fn edit_role_positions(
        &self,
        guild: Id<GuildMarker>,
        positions: &[(Id<RoleMarker>, u32)],
        reason: Option<&str>,
    ) -> Result<Vec<Role>, HttpError> {
        let body: Vec<_> = positions
            .iter()
            .map(|(id, position)| serde_json::json!({"id": id, "position": position}))
            .collect();
        let path = format!("/guilds/{guild}/roles");
        self.typed_with_reason(Method::PATCH, &path, Body::Json(body.into()), reason)
            .await
    }

    /// `DELETE /guilds/{guild}/roles/{role}`: deletes a role.
    pub async fn delete_role(
        &self,
        guild: Id<GuildMarker>,
        role: Id<RoleMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/roles/{role}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `GET /guilds/{guild}/channels`: the guild's channels (not its threads).
    pub async fn guild_channels(&self, guild: Id<GuildMarker>) -> Result<Vec<Channel>, HttpError> {
        let path = format!("/guilds/{guild}/channels");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/channels`: a new channel (checked before sending).
    pub async fn create_guild_channel(
        &self,
        guild: Id<GuildMarker>,
        channel: &CreateGuildChannel,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        channel.check()?;
        let path = format!("/guilds/{guild}/channels");
        self.typed_with_reason(Method::POST, &path, json(channel)?, reason)
            .await
    }
}
