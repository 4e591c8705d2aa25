//! The calls on a guild, by id (Pycord's `Guild`): its members and bans as streams, a ban lifted,
//! a new role, a role changed, a new channel, a prune estimated or begun.

use super::Rest;
use crate::http::{HttpError, Paginated};
use crate::model::{
    Ban, BeginPrune, Channel, CreateGuildChannel, CreateRole, GuildMarker, Id, Member, Role,
    RoleMarker, UserMarker,
};

impl Id<GuildMarker> {
    /// The guild's members, read 1 000 at a time as the stream is used (Pycord's
    /// `guild.fetch_members`); at most `limit` (`None`: all).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// use futures_util::TryStreamExt;
    /// let guild = Id::new(197038439483310086);
    /// let first_2500: Vec<_> = guild.fetch_members(ctx, Some(2500)).try_collect().await?;
    /// # let _ = first_2500; Ok(()) }
    /// ```
    pub fn fetch_members(self, rest: &impl Rest, limit: Option<usize>) -> Paginated<Member> {
        rest.http().guild_members(self, limit)
    }

    /// Lifts the ban of `user` (Pycord's `guild.unban`).
    pub async fn unban(
        self,
        rest: &impl Rest,
        user: Id<UserMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        rest.http().unban_member(self, user, reason).await
    }

    /// The guild's bans, read 1 000 at a time (Pycord's `guild.bans`).
    pub fn bans(self, rest: &impl Rest, limit: Option<usize>) -> Paginated<Ban> {
        rest.http().guild_bans(self, limit)
    }

    /// The guild's audit log, newest first, read 100 entries at a time (Pycord's
    /// `guild.audit_logs`); at most `limit` (`None`: all).
    pub fn audit_logs(
        self,
        rest: &impl Rest,
        filter: crate::http::AuditLogFilter,
        limit: Option<usize>,
    ) -> Paginated<crate::model::AuditLogEntry> {
        rest.http().audit_log_entries(self, filter, limit)
    }

    /// Creates a role (Pycord's `guild.create_role`).
    pub async fn create_role(
        self,
        rest: &impl Rest,
        role: CreateRole,
        reason: Option<&str>,
    ) -> Result<Role, HttpError> {
        rest.http().create_role(self, &role, reason).await
    }

    /// Changes one of the guild's roles (Pycord's `role.edit`).
    pub async fn edit_role(
        self,
        rest: &impl Rest,
        role: Id<RoleMarker>,
        edit: CreateRole,
        reason: Option<&str>,
    ) -> Result<Role, HttpError> {
        rest.http().edit_role(self, role, &edit, reason).await
    }

    /// Creates a channel (Pycord's `guild.create_text_channel`, `create_voice_channel`, …).
    pub async fn create_channel(
        self,
        rest: &impl Rest,
        channel: CreateGuildChannel,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        rest.http()
            .create_guild_channel(self, &channel, reason)
            .await
    }

    /// How many members inactive for `days` (1–30) a prune would remove, with those whose roles
    /// are all among `roles` (Pycord's `guild.estimate_pruned_members`).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let guild = Id::new(197038439483310086);
    /// let idle = guild.estimate_pruned_members(ctx, 30, &[]).await?;
    /// # let _ = idle; Ok(()) }
    /// ```
    pub async fn estimate_pruned_members(
        self,
        rest: &impl Rest,
        days: u8,
        roles: &[Id<RoleMarker>],
    ) -> Result<u32, HttpError> {
        rest.http().prune_count(self, days, roles).await
    }

    /// Removes the members `prune` selects (Pycord's `guild.prune_members`): how many went,
    /// unless asked not to count.
    pub async fn prune_members(
        self,
        rest: &impl Rest,
        prune: BeginPrune,
        reason: Option<&str>,
    ) -> Result<Option<u32>, HttpError> {
        Ok(rest.http().begin_prune(self, &prune, reason).await?.pruned)
    }
}
