//! The calls on a cached member (Pycord's `Member`): edit, roles, timeout, kick. Each is one
//! [`Http`](crate::http::Http) call with an optional audit-log reason.

use super::Rest;
use crate::cache::MemberRef;
use crate::http::HttpError;
use crate::model::{EditMember, Id, Member, RoleMarker, Timestamp};

impl MemberRef {
    /// Changes the member (Pycord's `member.edit`): nickname, roles, voice, timeout.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context, member: &bot_core::cache::MemberRef) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::EditMember;
    /// member.edit(ctx, EditMember::new().nick(Some("Ada")), Some("asked for it")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn edit(
        &self,
        rest: &impl Rest,
        edit: EditMember,
        reason: Option<&str>,
    ) -> Result<Member, HttpError> {
        rest.http()
            .edit_member(self.guild_id(), self.id(), &edit, reason)
            .await
    }

    /// Gives the member each of `roles` (Pycord's `member.add_roles`), one request each.
    pub async fn add_roles(
        &self,
        rest: &impl Rest,
        roles: impl IntoIterator<Item = Id<RoleMarker>>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        for role in roles {
            rest.http()
                .add_member_role(self.guild_id(), self.id(), role, reason)
                .await?;
        }
        Ok(())
    }

    /// Takes each of `roles` from the member (Pycord's `member.remove_roles`), one request
    /// each.
    pub async fn remove_roles(
        &self,
        rest: &impl Rest,
        roles: impl IntoIterator<Item = Id<RoleMarker>>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        for role in roles {
            rest.http()
                .remove_member_role(self.guild_id(), self.id(), role, reason)
                .await?;
        }
        Ok(())
    }

    /// Times the member out until `until` (Pycord's `member.timeout`; `None` ends it). At most
    /// 28 days ahead, checked before sending; Discord refuses an administrator or the owner.
    pub async fn timeout(
        &self,
        rest: &impl Rest,
        until: Option<Timestamp>,
        reason: Option<&str>,
    ) -> Result<Member, HttpError> {
        self.edit(rest, EditMember::new().timeout_until(until), reason)
            .await
    }

    /// Bans the member (Pycord's `member.ban`), deleting their messages of the last
    /// `delete_message_seconds` (at most 7 days, checked before sending).
    pub async fn ban(
        &self,
        rest: &impl Rest,
        delete_message_seconds: Option<u32>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        rest.http()
            .ban_member(self.guild_id(), self.id(), delete_message_seconds, reason)
            .await
    }

    /// Kicks the member (Pycord's `member.kick`).
    pub async fn kick(&self, rest: &impl Rest, reason: Option<&str>) -> Result<(), HttpError> {
        rest.http()
            .kick_member(self.guild_id(), self.id(), reason)
            .await
    }
}
