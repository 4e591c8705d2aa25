//! Cogs on a bot: add, remove, look up, as Pycord's `add_cog`, `remove_cog`, `get_cog`, `cogs`.
//! A change on a started bot ends with one sync (the registry's rule, see `commands.rs`).

use super::Bot;
use crate::Error;
use crate::cog::{Cog, LoadedCog};
use crate::sync::SyncReport;
use std::sync::Arc;

impl Bot {
    /// Adds a cog: its commands (checked with the others, and for the state they ask for; an
    /// error changes nothing) and its listeners. A cog of the same name is an error ([`Error::CogExists`]) unless
    /// `override_existing`, which replaces it (its `cog_unload` runs). On a started bot with
    /// `auto_sync_commands` on, one sync follows and its report is returned.
    pub async fn add_cog<C: Cog>(
        &self,
        cog: C,
        override_existing: bool,
    ) -> Result<Option<SyncReport>, Error> {
        let cog = Arc::new(cog);
        let name = cog.name().into_owned();
        let dynamic: Arc<dyn Cog> = cog.clone();
        let parts = dynamic.clone().parts();
        // A command asking for state the bot lacks is refused now, as `build()` does.
        let missing: Vec<crate::command::MissingData> = parts
            .commands
            .iter()
            .flat_map(|command| {
                command
                    .state_requirements()
                    .filter(|needed| !self.inner.data.contains(needed.type_id()))
                    .map(|needed| crate::command::MissingData {
                        type_name: needed.type_name(),
                        needed_by: format!("command {} of cog `{name}`", command.label()),
                    })
            })
            .collect();
        if !missing.is_empty() {
            return Err(Error::MissingData(missing));
        }
        let replaced = {
            let mut cogs = self.inner.cogs.lock().unwrap_or_else(|p| p.into_inner());
            let existing = cogs.iter().position(|loaded| loaded.name == name);
            if existing.is_some() && !override_existing {
                return Err(Error::CogExists { name });
            }
            let mut layer = crate::invoke::CommandLayer::default();
            dynamic.layer(&mut layer);
            let handle = Arc::new(crate::cog::CogHandle {
                name: name.clone(),
                cog: dynamic.clone(),
                layer,
            });
            let commands = parts
                .commands
                .into_iter()
                .map(|command| command.in_cog(handle.clone()));
            self.change_registry(|registry| {
                let (mut changed, _) = registry.without(|c| c.cog_name() == Some(name.as_str()));
                for command in commands {
                    changed = changed.with(command)?;
                }
                Ok(changed)
            })?;
            let replaced = existing.map(|index| cogs.remove(index));
            if let Some(old) = &replaced {
                let ids: Vec<u64> = old.listeners.iter().map(|id| id.0).collect();
                self.inner.dispatch.remove_slots(&ids);
            }
            let listeners = parts
                .listeners
                .into_iter()
                .map(|listener| self.inner.dispatch.add_listener(listener))
                .collect();
            cogs.push(LoadedCog {
                name,
                cog: dynamic,
                instance: cog,
                listeners,
            });
            replaced
        };
        if let Some(old) = replaced {
            old.cog.cog_unload().await;
        }
        self.sync_after_change().await
    }

    /// Removes the cog named `name`: its commands, its listeners, then runs its `cog_unload`;
    /// `false` when there is none (nothing changes). Syncs as [`add_cog`](Self::add_cog).
    pub async fn remove_cog(&self, name: &str) -> Result<bool, Error> {
        let removed = {
            let mut cogs = self.inner.cogs.lock().unwrap_or_else(|p| p.into_inner());
            let Some(index) = cogs.iter().position(|loaded| loaded.name == name) else {
                return Ok(false);
            };
            self.change_registry(|registry| {
                Ok(registry.without(|c| c.cog_name() == Some(name)).0)
            })?;
            let removed = cogs.remove(index);
            let ids: Vec<u64> = removed.listeners.iter().map(|id| id.0).collect();
            self.inner.dispatch.remove_slots(&ids);
            removed
        };
        removed.cog.cog_unload().await;
        self.sync_after_change().await?;
        Ok(true)
    }

    /// The cog of type `T`, if the bot holds one.
    pub fn get_cog<T: Cog>(&self) -> Option<Arc<T>> {
        let cogs = self.inner.cogs.lock().unwrap_or_else(|p| p.into_inner());
        cogs.iter()
            .find_map(|loaded| loaded.instance.clone().downcast::<T>().ok())
    }

    /// The names of the cogs the bot holds, in the order they were added.
    pub fn cogs(&self) -> Vec<String> {
        let cogs = self.inner.cogs.lock().unwrap_or_else(|p| p.into_inner());
        cogs.iter().map(|loaded| loaded.name.clone()).collect()
    }
}
