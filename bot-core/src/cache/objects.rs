//! A store of one kind of guild object (emojis, stickers, sounds, stage instances, scheduled
//! events): each by id, and the ids of each guild, so a guild's list and a guild's removal cost
//! what the guild has.

use super::{Hasher, Map};
use crate::model::{GuildMarker, Id};
use std::collections::HashSet;
use std::hash::Hash;
use std::sync::Arc;

/// See the module's documentation. Objects of no guild (the application's emojis, Discord's
/// default sounds) are kept under `None`.
pub(super) struct GuildObjects<K, V> {
    by_id: Map<K, Arc<V>>,
    by_guild: Map<Option<Id<GuildMarker>>, HashSet<K, Hasher>>,
}

impl<K: Copy + Eq + Hash, V> Default for GuildObjects<K, V> {
    fn default() -> Self {
        GuildObjects {
            by_id: Map::default(),
            by_guild: Map::default(),
        }
    }
}

impl<K: Copy + Eq + Hash, V> GuildObjects<K, V> {
    /// Keeps `value` as `id` of `guild`; the one it replaced.
    pub(super) fn put(&self, guild: Option<Id<GuildMarker>>, id: K, value: V) -> Option<Arc<V>> {
        self.by_guild.entry(guild).or_default().insert(id);
        self.by_id.insert(id, Arc::new(value))
    }

    /// Removes `id` of `guild`; it, if it was kept.
    pub(super) fn remove(&self, guild: Option<Id<GuildMarker>>, id: K) -> Option<Arc<V>> {
        if let Some(mut ids) = self.by_guild.get_mut(&guild) {
            ids.remove(&id);
        }
        self.by_id.remove(&id).map(|(_, value)| value)
    }

    /// Replaces every object of `guild` with `values`.
    pub(super) fn replace(
        &self,
        guild: Option<Id<GuildMarker>>,
        values: impl IntoIterator<Item = (K, V)>,
    ) {
        self.remove_guild(guild);
        for (id, value) in values {
            self.put(guild, id, value);
        }
    }

    /// Removes every object of `guild`.
    pub(super) fn remove_guild(&self, guild: Option<Id<GuildMarker>>) {
        if let Some((_, ids)) = self.by_guild.remove(&guild) {
            for id in ids {
                self.by_id.remove(&id);
            }
        }
    }

    pub(super) fn get(&self, id: K) -> Option<Arc<V>> {
        self.by_id.get(&id).map(|value| value.clone())
    }

    /// The objects of `guild`.
    pub(super) fn of_guild(&self, guild: Option<Id<GuildMarker>>) -> Vec<Arc<V>> {
        let ids: Vec<K> = match self.by_guild.get(&guild) {
            Some(ids) => ids.iter().copied().collect(),
            None => return Vec::new(),
        };
        ids.into_iter().filter_map(|id| self.get(id)).collect()
    }

    /// Every object kept.
    pub(super) fn all(&self) -> Vec<Arc<V>> {
        self.by_id.iter().map(|value| value.clone()).collect()
    }

    pub(super) fn len(&self) -> usize {
        self.by_id.len()
    }
}
