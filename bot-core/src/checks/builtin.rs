//! The built-in checks, as Pycord's `commands.is_owner()`, `guild_only()`, `dm_only()`,
//! `has_permissions(...)`, `bot_has_permissions(...)`, `has_role(...)`, `has_any_role(...)` and
//! `is_nsfw()`.

use super::{Check, CheckFailure, CheckFailureKind, CheckFuture};
use crate::command::{ApplicationContext, CommandError};
use crate::model::{Id, Permissions, RoleMarker};
use std::borrow::Cow;
use std::fmt;

/// What a member has in a DM: Discord's permissions of a private channel.
const DM_PERMISSIONS: Permissions = Permissions::VIEW_CHANNEL
    .union(Permissions::SEND_MESSAGES)
    .union(Permissions::READ_MESSAGE_HISTORY)
    .union(Permissions::EMBED_LINKS)
    .union(Permissions::ATTACH_FILES)
    .union(Permissions::ADD_REACTIONS)
    .union(Permissions::USE_EXTERNAL_EMOJIS);

fn fail(check: &str, kind: CheckFailureKind) -> Result<(), CommandError> {
    Err(CommandError::CheckFailed(CheckFailure::new(check, kind)))
}

/// What of `wanted` is missing from `have` (an administrator misses nothing).
fn missing(have: Permissions, wanted: Permissions) -> Permissions {
    if have.contains(Permissions::ADMINISTRATOR) {
        Permissions::empty()
    } else {
        wanted.difference(have)
    }
}

/// Only the bot's owners: its owner, or every member of the team that owns the application
/// (or the ids given with [`BotBuilder::owner_ids`](crate::BotBuilder::owner_ids)).
pub fn is_owner() -> IsOwner {
    IsOwner
}

/// The check of [`is_owner`].
#[derive(Clone, Copy, Debug)]
pub struct IsOwner;

impl Check for IsOwner {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("is_owner")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            let user = ctx.author().map(|user| user.id);
            let owner = match (user, ctx.bot()) {
                (Some(user), Ok(bot)) => bot.is_owner(user),
                _ => false,
            };
            if owner {
                Ok(())
            } else {
                fail("is_owner", CheckFailureKind::NotOwner)
            }
        })
    }
}

/// Only in a guild (Pycord's `guild_only`).
pub fn guild_only() -> GuildOnly {
    GuildOnly
}

/// The check of [`guild_only`].
#[derive(Clone, Copy, Debug)]
pub struct GuildOnly;

impl Check for GuildOnly {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("guild_only")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            match ctx.guild_id() {
                Some(_) => Ok(()),
                None => fail("guild_only", CheckFailureKind::NoPrivateMessage),
            }
        })
    }
}

/// Only in a DM (Pycord's `dm_only`).
pub fn dm_only() -> DmOnly {
    DmOnly
}

/// The check of [`dm_only`].
#[derive(Clone, Copy, Debug)]
pub struct DmOnly;

impl Check for DmOnly {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("dm_only")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            match ctx.guild_id() {
                None => Ok(()),
                Some(_) => fail("dm_only", CheckFailureKind::PrivateMessageOnly),
            }
        })
    }
}

/// Only for users who have every one of `permissions` in the channel (the member's permissions
/// as the interaction carries them, overwrites included; an administrator has all).
pub fn has_permissions(permissions: Permissions) -> HasPermissions {
    HasPermissions(permissions)
}

/// The check of [`has_permissions`].
#[derive(Clone, Copy, Debug)]
pub struct HasPermissions(Permissions);

impl Check for HasPermissions {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("has_permissions")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            let interaction = ctx.interaction();
            let have = match (&interaction.member, interaction.guild_id) {
                (Some(member), Some(_)) => member.permissions.unwrap_or_default(),
                _ => DM_PERMISSIONS,
            };
            match missing(have, self.0) {
                none if none.is_empty() => Ok(()),
                lacking => fail(
                    "has_permissions",
                    CheckFailureKind::MissingPermissions(lacking),
                ),
            }
        })
    }
}

/// Only when the bot has every one of `permissions` in the channel (the interaction's
/// `app_permissions`).
pub fn bot_has_permissions(permissions: Permissions) -> BotHasPermissions {
    BotHasPermissions(permissions)
}

/// The check of [`bot_has_permissions`].
#[derive(Clone, Copy, Debug)]
pub struct BotHasPermissions(Permissions);

impl Check for BotHasPermissions {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("bot_has_permissions")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            let have = ctx.interaction().app_permissions.unwrap_or(DM_PERMISSIONS);
            match missing(have, self.0) {
                none if none.is_empty() => Ok(()),
                lacking => fail(
                    "bot_has_permissions",
                    CheckFailureKind::BotMissingPermissions(lacking),
                ),
            }
        })
    }
}

/// A role, by id or by name (exact, as Pycord compares).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleRef {
    /// The role with this id.
    Id(Id<RoleMarker>),
    /// The role with this name.
    Name(Cow<'static, str>),
}

impl fmt::Display for RoleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoleRef::Id(id) => write!(f, "<@&{id}>"),
            RoleRef::Name(name) => write!(f, "'{name}'"),
        }
    }
}

impl From<Id<RoleMarker>> for RoleRef {
    fn from(id: Id<RoleMarker>) -> Self {
        RoleRef::Id(id)
    }
}

impl From<u64> for RoleRef {
    fn from(id: u64) -> Self {
        RoleRef::Id(Id::new(id))
    }
}

impl From<&'static str> for RoleRef {
    fn from(name: &'static str) -> Self {
        RoleRef::Name(Cow::Borrowed(name))
    }
}

impl From<String> for RoleRef {
    fn from(name: String) -> Self {
        RoleRef::Name(Cow::Owned(name))
    }
}

/// Whether the invoking member has each of `wanted`. Roles named by id are read from the
/// interaction; a name is looked up in the cached guild's roles, and fetched only on a miss.
async fn member_has(
    ctx: &ApplicationContext,
    check: &str,
    wanted: &[RoleRef],
) -> Result<Vec<bool>, CommandError> {
    let interaction = ctx.interaction();
    let (Some(member), Some(guild)) = (&interaction.member, interaction.guild_id) else {
        return Err(CommandError::CheckFailed(CheckFailure::new(
            check,
            CheckFailureKind::NoPrivateMessage,
        )));
    };
    let mut has = Vec::with_capacity(wanted.len());
    for want in wanted {
        has.push(match want {
            RoleRef::Id(id) => member.roles.contains(id),
            RoleRef::Name(name) => ctx
                .bot()?
                .role_named(guild, name)
                .await?
                .is_some_and(|role| member.roles.contains(&role.id)),
        });
    }
    Ok(has)
}

/// Only for members with the role `role` (an id or a name); fails in a DM (Pycord's
/// `has_role`).
pub fn has_role(role: impl Into<RoleRef>) -> HasRole {
    HasRole(role.into())
}

/// The check of [`has_role`].
#[derive(Clone, Debug)]
pub struct HasRole(RoleRef);

impl Check for HasRole {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("has_role")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            let has = member_has(ctx, "has_role", std::slice::from_ref(&self.0)).await?;
            if has.iter().all(|has| *has) {
                Ok(())
            } else {
                fail("has_role", CheckFailureKind::MissingRole(self.0.clone()))
            }
        })
    }
}

/// Only for members with at least one of `roles`; fails in a DM (Pycord's `has_any_role`).
pub fn has_any_role<R: Into<RoleRef>>(roles: impl IntoIterator<Item = R>) -> HasAnyRole {
    HasAnyRole(roles.into_iter().map(Into::into).collect())
}

/// The check of [`has_any_role`].
#[derive(Clone, Debug)]
pub struct HasAnyRole(Vec<RoleRef>);

impl Check for HasAnyRole {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("has_any_role")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            let has = member_has(ctx, "has_any_role", &self.0).await?;
            if has.iter().any(|has| *has) {
                Ok(())
            } else {
                fail(
                    "has_any_role",
                    CheckFailureKind::MissingAnyRole(self.0.clone()),
                )
            }
        })
    }
}

/// Only in an age-restricted channel, or in a DM (Pycord's `is_nsfw`).
pub fn is_nsfw() -> IsNsfw {
    IsNsfw
}

/// The check of [`is_nsfw`].
#[derive(Clone, Copy, Debug)]
pub struct IsNsfw;

impl Check for IsNsfw {
    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("is_nsfw")
    }

    fn check<'a>(&'a self, ctx: &'a ApplicationContext) -> CheckFuture<'a> {
        Box::pin(async move {
            let interaction = ctx.interaction();
            let nsfw = interaction.guild_id.is_none()
                || interaction.channel.as_ref().is_some_and(|c| c.nsfw);
            if nsfw {
                Ok(())
            } else {
                fail("is_nsfw", CheckFailureKind::NsfwChannelRequired)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_administrator_misses_nothing() {
        let admin = Permissions::ADMINISTRATOR;
        assert!(missing(admin, Permissions::BAN_MEMBERS).is_empty());
        let some = Permissions::KICK_MEMBERS;
        assert_eq!(
            missing(some, Permissions::KICK_MEMBERS | Permissions::BAN_MEMBERS),
            Permissions::BAN_MEMBERS
        );
    }

    #[test]
    fn roles_read_as_ids_or_names() {
        assert_eq!(RoleRef::from(5), RoleRef::Id(Id::new(5)));
        assert_eq!(RoleRef::from("Mod").to_string(), "'Mod'");
        assert_eq!(RoleRef::from(5).to_string(), "<@&5>");
    }
}
