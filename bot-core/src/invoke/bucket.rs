//! Buckets: who shares a cooldown or a concurrency limit (Pycord's `BucketType`).

use crate::command::{ApplicationContext, CommandError};
use crate::model::Role;
use std::fmt;

/// Who shares one cooldown window or one set of concurrency slots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BucketType {
    /// Everyone shares one bucket.
    #[default]
    Default,
    /// One bucket per user, wherever they are.
    User,
    /// One bucket per member: per user in each guild (per user in DMs).
    Member,
    /// One bucket per guild (per user in DMs).
    Guild,
    /// One bucket per channel.
    Channel,
    /// One bucket per category: the channel's parent (the channel itself without one).
    Category,
    /// One bucket per top role: the invoking member's highest role (per channel in DMs). Finding
    /// it takes the guild's roles: one `GET /guilds/{id}/roles` per invocation (the cache will
    /// serve it).
    Role,
}

impl BucketType {
    /// The name in messages: "user", "guild", ...; `None` for [`BucketType::Default`].
    pub fn noun(self) -> Option<&'static str> {
        match self {
            BucketType::Default => None,
            BucketType::User => Some("user"),
            BucketType::Member => Some("member"),
            BucketType::Guild => Some("guild"),
            BucketType::Channel => Some("channel"),
            BucketType::Category => Some("category"),
            BucketType::Role => Some("role"),
        }
    }

    /// The bucket `ctx` falls in. Only [`BucketType::Role`] may need a request (the member's
    /// roles, to find its highest), and only when they are not all cached.
    pub(crate) async fn key(self, ctx: &ApplicationContext) -> Result<BucketKey, CommandError> {
        let user = ctx.author().map_or(0, |user| user.id.get());
        let channel = ctx.channel_id().map_or(0, |id| id.get());
        let guild = ctx.guild_id().map(|id| id.get());
        Ok(match self {
            BucketType::Default => BucketKey::Global,
            BucketType::User => BucketKey::One(user),
            BucketType::Member => BucketKey::Two(guild.unwrap_or(0), user),
            BucketType::Guild => BucketKey::One(guild.unwrap_or(user)),
            BucketType::Channel => BucketKey::One(channel),
            BucketType::Category => {
                let parent = ctx.interaction().channel.as_ref().and_then(|c| c.parent_id);
                BucketKey::One(parent.map_or(channel, |id| id.get()))
            }
            BucketType::Role => match (guild, &ctx.interaction().member) {
                (Some(guild), Some(member)) => {
                    let roles = if member.roles.is_empty() {
                        Vec::new()
                    } else {
                        ctx.bot()?
                            .roles_by_id(crate::model::Id::new(guild), &member.roles)
                            .await?
                    };
                    BucketKey::One(top_role(guild, &member.roles, &roles))
                }
                _ => BucketKey::One(channel),
            },
        })
    }
}

impl fmt::Display for BucketType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun().unwrap_or("default"))
    }
}

/// The highest of the member's roles (by position, then id as Discord orders ties), or
/// `@everyone` (whose id is the guild's).
fn top_role(
    guild: u64,
    member_roles: &[crate::model::Id<crate::model::RoleMarker>],
    roles: &[std::sync::Arc<Role>],
) -> u64 {
    roles
        .iter()
        .filter(|role| member_roles.contains(&role.id))
        .max_by_key(|role| (role.position, std::cmp::Reverse(role.id.get())))
        .map_or(guild, |role| role.id.get())
}

/// One bucket of a bucket type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum BucketKey {
    /// The one bucket of [`BucketType::Default`].
    Global,
    /// A bucket named by one id.
    One(u64),
    /// A bucket named by two ids (guild and user).
    Two(u64, u64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: u64, position: i64) -> std::sync::Arc<Role> {
        std::sync::Arc::new(
            serde_json::from_value(serde_json::json!({
                "id": id.to_string(), "name": "r", "position": position, "permissions": "0",
                "color": 0, "hoist": false, "managed": false, "mentionable": false
            }))
            .unwrap(),
        )
    }

    #[test]
    fn the_top_role_is_the_highest_the_member_has() {
        let roles = [role(10, 1), role(11, 3), role(12, 5)];
        let member = [crate::model::Id::new(10), crate::model::Id::new(11)];
        assert_eq!(top_role(1, &member, &roles), 11);
        assert_eq!(top_role(1, &[], &roles), 1, "no role: @everyone");
        assert_eq!(BucketType::Guild.to_string(), "guild");
    }
}
