//! Pruning a guild's inactive members: how many a prune would remove, and the prune itself
//! (1–30 days of inactivity, members with roles only when their roles are all included; checked
//! before sending). Both need KICK_MEMBERS and MANAGE_GUILD.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{BeginPrune, GuildMarker, Id, RoleMarker, check_prune};
use serde::{Deserialize, Serialize};

/// The answer of a prune or its estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GuildPrune {
    /// How many members were (or would be) removed; `None` for a prune asked not to count.
    #[serde(default)]
    pub pruned: Option<u32>,
}

impl Http {
    /// `GET /guilds/{guild}/prune`: how many members inactive for `days` (1–30) a prune would
    /// remove, counting the members whose roles are all among `include_roles` (at most 100).
    /// Checked before sending.
    pub async fn prune_count(
        &self,
        guild: Id<GuildMarker>,
        days: u8,
        include_roles: &[Id<RoleMarker>],
    ) -> Result<u32, HttpError> {
        check_prune(days, include_roles)?;
        let mut path = format!("/guilds/{guild}/prune?days={days}");
        if !include_roles.is_empty() {
            let roles: Vec<String> = include_roles.iter().map(ToString::to_string).collect();
            path.push_str(&format!("&include_roles={}", roles.join(",")));
        }
        let answer: GuildPrune = self.typed(Method::GET, &path, Body::Empty).await?;
        Ok(answer.pruned.unwrap_or(0))
    }

    /// `POST /guilds/{guild}/prune`: removes the members `prune` selects (checked before
    /// sending); each leaves with GUILD_MEMBER_REMOVE, and the audit log records one
    /// MEMBER_PRUNE with `reason`. Answers how many went, unless asked not to count.
    pub async fn begin_prune(
        &self,
        guild: Id<GuildMarker>,
        prune: &BeginPrune,
        reason: Option<&str>,
    ) -> Result<GuildPrune, HttpError> {
        prune.check()?;
        let path = format!("/guilds/{guild}/prune");
        self.typed_with_reason(Method::POST, &path, json(prune)?, reason)
            .await
    }
}
