//! A guild's roles as checks and buckets need them: from the cache when it has them, from
//! REST only on a miss.

use super::Context;
use crate::cache::ResourceType;
use crate::http::HttpError;
use crate::model::{GuildMarker, Id, Role, RoleMarker};
use std::sync::Arc;

impl Context {
    /// The guild's roles: the cached ones when the guild and its roles are cached, else
    /// fetched (`GET /guilds/{guild}/roles`).
    pub async fn guild_roles(&self, guild: Id<GuildMarker>) -> Result<Vec<Arc<Role>>, HttpError> {
        if let Some(roles) = self.cached_roles(guild) {
            return Ok(roles);
        }
        self.fetch_roles(guild).await
    }

    /// The roles `ids` of `guild`: from the cache when every one is there, else fetched.
    pub(crate) async fn roles_by_id(
        &self,
        guild: Id<GuildMarker>,
        ids: &[Id<RoleMarker>],
    ) -> Result<Vec<Arc<Role>>, HttpError> {
        let cache = self.cache();
        let cached: Vec<Arc<Role>> = ids.iter().filter_map(|id| cache.role(*id)).collect();
        if cached.len() == ids.len() {
            return Ok(cached);
        }
        let all = self.fetch_roles(guild).await?;
        Ok(all
            .into_iter()
            .filter(|role| ids.contains(&role.id))
            .collect())
    }

    /// The role of `guild` named `name`: the cached one, else fetched (a role created while
    /// the cache missed it is still found).
    pub(crate) async fn role_named(
        &self,
        guild: Id<GuildMarker>,
        name: &str,
    ) -> Result<Option<Arc<Role>>, HttpError> {
        if let Some(role) = self.cache().role_by_name(guild, name) {
            return Ok(Some(role));
        }
        let all = self.fetch_roles(guild).await?;
        Ok(all.into_iter().find(|role| role.name == name))
    }

    fn cached_roles(&self, guild: Id<GuildMarker>) -> Option<Vec<Arc<Role>>> {
        let cache = self.cache();
        (cache.config().keeps(ResourceType::ROLE) && cache.guild(guild).is_some())
            .then(|| cache.guild_roles(guild))
            .filter(|roles| !roles.is_empty())
    }

    async fn fetch_roles(&self, guild: Id<GuildMarker>) -> Result<Vec<Arc<Role>>, HttpError> {
        Ok(self
            .http()
            .guild_roles(guild)
            .await?
            .into_iter()
            .map(Arc::new)
            .collect())
    }
}
