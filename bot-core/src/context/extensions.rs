//! Extensions on a running bot: load, unload, reload, list — as Pycord's `load_extension` and friends.
//! Each is atomic: a failed setup changes nothing and writes nothing.

use super::Context;
use crate::Error;
use crate::cog::{Bundle, Removal, install};
use crate::extension::LoadError;
use crate::extension::{Extension, ExtensionDef, LoadedExtension};
use crate::sync::SyncReport;

impl Context {
    /// Runs the setup of the extension `name` and installs what it gave, at once (one sync on
    /// a started bot). An [`Error::Extension`]: [`LoadError::NotFound`] when the program has
    /// none of that name, [`LoadError::AlreadyLoaded`], [`LoadError::Failed`] when its setup
    /// fails or what it gave cannot be installed (the bot is then as it was).
    pub async fn load_extension(&self, name: &str) -> Result<Option<SyncReport>, Error> {
        let def = ExtensionDef::find(name).ok_or_else(|| LoadError::NotFound {
            name: name.to_owned(),
            known: ExtensionDef::names(),
        })?;
        if self.is_loaded(name) {
            return Err(LoadError::AlreadyLoaded {
                name: name.to_owned(),
            }
            .into());
        }
        self.set_up(def, false).await?;
        self.sync_after_change().await
    }

    /// Loads each extension in turn; stops at the first error (the ones before stay loaded).
    pub async fn load_extensions(&self, names: &[&str]) -> Result<(), Error> {
        for name in names {
            self.load_extension(name).await?;
        }
        Ok(())
    }

    /// Takes out everything the extension `name` installed (its cogs' `cog_unload` run), then
    /// runs its teardown; one sync on a started bot. [`LoadError::NotLoaded`] when it is
    /// not loaded.
    pub async fn unload_extension(&self, name: &str) -> Result<Option<SyncReport>, Error> {
        let Some(loaded) = self.take_loaded(name) else {
            return Err(LoadError::NotLoaded {
                name: name.to_owned(),
            }
            .into());
        };
        let removal = Removal {
            cogs: Vec::new(),
            extension: Some(name),
        };
        let installed = match install(self, Bundle::default(), None, removal) {
            Ok(installed) => installed,
            Err(error) => {
                self.put_loaded(loaded);
                return Err(error);
            }
        };
        let ids: Vec<u64> = loaded.listeners.iter().map(|id| id.0).collect();
        self.services.events.remove_slots(&ids);
        for cog in installed.removed {
            cog.cog.cog_unload().await;
        }
        if let Some(teardown) = loaded.def.teardown {
            teardown(self).await;
        }
        self.sync_after_change().await
    }

    /// Runs the extension's teardown, then its setup again, and swaps the new parts in for the
    /// old in one change (one sync on a started bot; commands that did not change are not
    /// written, and keep their ids). When the setup fails, the old parts stay installed and
    /// [`LoadError::Failed`] is returned.
    pub async fn reload_extension(&self, name: &str) -> Result<Option<SyncReport>, Error> {
        let def = match self.loaded_def(name) {
            Some(def) => def,
            None => {
                return Err(LoadError::NotLoaded {
                    name: name.to_owned(),
                }
                .into());
            }
        };
        if let Some(teardown) = def.teardown {
            teardown(self).await;
        }
        self.set_up(def, true).await?;
        self.sync_after_change().await
    }

    /// The names of the loaded extensions, in the order they were loaded.
    pub fn extensions(&self) -> Vec<&'static str> {
        let loaded = self
            .services
            .extensions
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        loaded.iter().map(|ext| ext.def.name).collect()
    }

    /// Runs `def`'s setup and installs its parts, replacing its old ones with `replace`.
    async fn set_up(&self, def: &'static ExtensionDef, replace: bool) -> Result<(), Error> {
        let failed = |error: crate::extension::ExtensionError| LoadError::Failed {
            name: def.name.to_owned(),
            error,
        };
        let mut extension = Extension::new(def.name, self.clone());
        match crate::panic::catch((def.setup)(&mut extension)).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => return Err(failed(error).into()),
            Err(panic) => return Err(failed(format!("its setup panicked: {panic}").into()).into()),
        }
        let removal = Removal {
            cogs: Vec::new(),
            extension: replace.then_some(def.name),
        };
        let installed = install(self, extension.bundle, Some(def.name), removal)
            .map_err(|error| failed(Box::new(error)))?;
        let old = if replace {
            self.take_loaded(def.name)
        } else {
            None
        };
        if let Some(old) = &old {
            let ids: Vec<u64> = old.listeners.iter().map(|id| id.0).collect();
            self.services.events.remove_slots(&ids);
        }
        self.put_loaded(LoadedExtension {
            def,
            listeners: installed.listeners,
        });
        for cog in installed.removed {
            cog.cog.cog_unload().await;
        }
        Ok(())
    }

    fn is_loaded(&self, name: &str) -> bool {
        self.loaded_def(name).is_some()
    }

    fn loaded_def(&self, name: &str) -> Option<&'static ExtensionDef> {
        let loaded = self
            .services
            .extensions
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        loaded
            .iter()
            .find(|ext| ext.def.name == name)
            .map(|ext| ext.def)
    }

    fn take_loaded(&self, name: &str) -> Option<LoadedExtension> {
        let mut loaded = self
            .services
            .extensions
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let index = loaded.iter().position(|ext| ext.def.name == name)?;
        Some(loaded.remove(index))
    }

    fn put_loaded(&self, extension: LoadedExtension) {
        self.services
            .extensions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(extension);
    }
}
