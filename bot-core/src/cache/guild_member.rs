//! What Pycord's `Member` computes from its guild — its roles in order, the top one, its
//! colour, its permissions, its voice state — read from the cache for a [`MemberRef`].

use super::{Cache, MemberRef};
use crate::model::{ChannelMarker, Id, Permissions, Role, RoleMarker, VoiceState};
use std::sync::Arc;

impl MemberRef {
    /// The member's cached roles, lowest first, the guild's `@everyone` included (Pycord's
    /// `roles`).
    pub fn roles(&self, cache: &Cache) -> Vec<Arc<Role>> {
        let mut roles: Vec<Arc<Role>> = std::iter::once(self.guild_id.cast())
            .chain(self.role_ids().iter().copied())
            .filter_map(|id| cache.role(id))
            .collect();
        roles.sort_by_key(|role| (role.position, role.id));
        roles
    }

    /// One of the member's roles, if it has it and the role is cached (Pycord's `get_role`).
    pub fn get_role(&self, cache: &Cache, id: Id<RoleMarker>) -> Option<Arc<Role>> {
        (self.has_role(id) || id == self.guild_id.cast())
            .then(|| cache.role(id))
            .flatten()
    }

    /// The member's highest role (`@everyone` when it has none; Pycord's `top_role`).
    pub fn top_role(&self, cache: &Cache) -> Option<Arc<Role>> {
        self.roles(cache).pop()
    }

    /// The colour its name is shown in: its highest role's with a colour, else 0 (Pycord's
    /// `colour`).
    pub fn colour(&self, cache: &Cache) -> u32 {
        self.roles(cache)
            .iter()
            .rev()
            .map(|role| role.color)
            .find(|color| *color != 0)
            .unwrap_or(0)
    }

    /// Its permissions in the guild, overwrites left out (Pycord's `guild_permissions`);
    /// `None` when the guild or its roles are not cached.
    pub fn guild_permissions(&self, cache: &Cache) -> Option<Permissions> {
        cache.permissions(self.guild_id, self.user.id(), None)
    }

    /// Its permissions in a channel, with the channel's overwrites (Pycord's
    /// `permissions_in`).
    pub fn permissions_in(&self, cache: &Cache, channel: Id<ChannelMarker>) -> Option<Permissions> {
        cache.permissions(self.guild_id, self.user.id(), Some(channel))
    }

    /// Its voice state, while in a voice channel (Pycord's `voice`).
    pub fn voice(&self, cache: &Cache) -> Option<Arc<VoiceState>> {
        cache.voice_state(self.guild_id, self.user.id())
    }
}
