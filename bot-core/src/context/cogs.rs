//! Cogs on a running bot: add, remove, look up, as Pycord's `add_cog`, `remove_cog`, `get_cog`, `cogs`.
//! A change on a started bot ends with one sync (the registry's rule, see `commands.rs`).

use super::Context;
use crate::Error;
use crate::cog::{Bundle, Cog, PreparedCog, Removal, install};
use crate::sync::SyncReport;
use std::sync::Arc;

impl Context {
    /// Adds a cog: its commands (checked with the others, and for the state they ask for; an
    /// error changes nothing) and its listeners. A cog of the same name is an error
    /// ([`CogError::Exists`](crate::cog::CogError::Exists)) unless `override_existing`, which replaces it (its `cog_unload`
    /// runs). On a started bot with `auto_sync_commands` on, one sync follows and its report is
    /// returned.
    pub async fn add_cog<C: Cog>(
        &self,
        cog: C,
        override_existing: bool,
    ) -> Result<Option<SyncReport>, Error> {
        let cog = PreparedCog::new(cog);
        let removal = Removal {
            cogs: if override_existing {
                vec![cog.name().to_owned()]
            } else {
                Vec::new()
            },
            extension: None,
        };
        let bundle = Bundle {
            cogs: vec![cog],
            ..Bundle::default()
        };
        let installed = install(self, bundle, None, removal)?;
        for old in installed.removed {
            old.cog.cog_unload().await;
        }
        self.sync_after_change().await
    }

    /// Removes the cog named `name`: its commands, its listeners, then runs its `cog_unload`;
    /// `false` when there is none (nothing changes). Syncs as [`add_cog`](Self::add_cog).
    pub async fn remove_cog(&self, name: &str) -> Result<bool, Error> {
        if !self.cogs().iter().any(|loaded| loaded == name) {
            return Ok(false);
        }
        let removal = Removal {
            cogs: vec![name.to_owned()],
            extension: None,
        };
        let installed = install(self, Bundle::default(), None, removal)?;
        let removed = !installed.removed.is_empty();
        for old in installed.removed {
            old.cog.cog_unload().await;
        }
        self.sync_after_change().await?;
        Ok(removed)
    }

    /// The cog of type `T`, if the bot holds one.
    pub fn get_cog<T: Cog>(&self) -> Option<Arc<T>> {
        let cogs = self.services.cogs.lock().unwrap_or_else(|p| p.into_inner());
        cogs.iter()
            .find_map(|loaded| loaded.instance.clone().downcast::<T>().ok())
    }

    /// The names of the cogs the bot holds, in the order they were added.
    pub fn cogs(&self) -> Vec<String> {
        let cogs = self.services.cogs.lock().unwrap_or_else(|p| p.into_inner());
        cogs.iter().map(|loaded| loaded.name.clone()).collect()
    }
}
