//! Installing and removing a bundle of cogs, commands and listeners at once: what `add_cog`
//! and the extensions do. A bundle goes in whole or not at all: its commands are checked with
//! the others (and for the state they ask for) before anything changes.

use super::{Cog, CogError, CogHandle, CogParts, LoadedCog};
use crate::Error;
use crate::command::RegisteredCommand;
use crate::context::Context;
use crate::event::{ListenerId, NewListener};
use std::sync::Arc;

/// A cog's instance, as the builder keeps it until the bot is built.
#[derive(Clone)]
pub(crate) struct CogInstance {
    cog: Arc<dyn Cog>,
    instance: Arc<dyn std::any::Any + Send + Sync>,
}

impl CogInstance {
    pub(crate) fn new<C: Cog>(cog: C) -> Self {
        let cog = Arc::new(cog);
        CogInstance {
            cog: cog.clone(),
            instance: cog,
        }
    }

    /// Its parts, ready to install.
    pub(crate) fn prepare(self) -> PreparedCog {
        PreparedCog {
            name: self.cog.name().into_owned(),
            parts: self.cog.clone().parts(),
            cog: self.cog,
            instance: self.instance,
        }
    }
}

impl std::fmt::Debug for CogInstance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Cog").field(&self.cog.name()).finish()
    }
}

/// A cog ready to install: its instance and its parts.
pub(crate) struct PreparedCog {
    name: String,
    cog: Arc<dyn Cog>,
    instance: Arc<dyn std::any::Any + Send + Sync>,
    parts: CogParts,
}

impl PreparedCog {
    pub(crate) fn new<C: Cog>(cog: C) -> Self {
        CogInstance::new(cog).prepare()
    }

    pub(crate) fn name(&self) -> &str {
        &self.name
    }
}

/// What goes in at once.
#[derive(Default)]
pub(crate) struct Bundle {
    pub(crate) cogs: Vec<PreparedCog>,
    pub(crate) commands: Vec<RegisteredCommand>,
    pub(crate) listeners: Vec<NewListener>,
}

/// What goes out in the same change.
#[derive(Default)]
pub(crate) struct Removal<'a> {
    /// Cogs of these names (those the bundle replaces).
    pub(crate) cogs: Vec<String>,
    /// Everything of this extension.
    pub(crate) extension: Option<&'a str>,
}

/// What an installation took out (to unload after) and the listeners it added outside cogs.
pub(crate) struct Installed {
    pub(crate) removed: Vec<LoadedCog>,
    pub(crate) listeners: Vec<ListenerId>,
}

/// Installs `bundle` as part of `extension` (if any), taking out `removal` in the same
/// registry change.
pub(crate) fn install(
    ctx: &Context,
    bundle: Bundle,
    extension: Option<&str>,
    removal: Removal<'_>,
) -> Result<Installed, Error> {
    let Bundle {
        cogs: prepared,
        commands,
        listeners,
    } = bundle;
    let tag: Option<Arc<str>> = extension.map(Arc::from);
    let services = ctx.services();
    let mut cogs = services.cogs.lock().unwrap_or_else(|p| p.into_inner());
    let goes = |loaded: &LoadedCog| {
        removal.cogs.contains(&loaded.name)
            || (removal.extension.is_some() && loaded.extension.as_deref() == removal.extension)
    };
    for cog in &prepared {
        let taken = cogs
            .iter()
            .any(|loaded| loaded.name == cog.name && !goes(loaded));
        let twice = prepared
            .iter()
            .filter(|other| other.name == cog.name)
            .count()
            > 1;
        if taken || twice {
            return Err(CogError::Exists {
                name: cog.name.clone(),
            }
            .into());
        }
    }
    // Every new command: the bundle's own, then each cog's, bound to its cog.
    let mut new_commands: Vec<RegisteredCommand> = commands
        .into_iter()
        .map(|command| command.in_extension(tag.clone()))
        .collect();
    let mut new_cogs = Vec::new();
    let mut cog_listeners = Vec::new();
    for cog in prepared {
        let mut layer = crate::invoke::CommandLayer::default();
        cog.cog.layer(&mut layer);
        let handle = Arc::new(CogHandle {
            name: cog.name.clone(),
            cog: cog.cog.clone(),
            layer,
        });
        new_commands.extend(
            cog.parts
                .commands
                .into_iter()
                .map(|command| command.in_cog(handle.clone()).in_extension(tag.clone())),
        );
        cog_listeners.push(cog.parts.listeners);
        new_cogs.push((cog.name, cog.cog, cog.instance));
    }
    check_state(ctx, &new_commands)?;
    let removed_names: Vec<String> = cogs
        .iter()
        .filter(|loaded| goes(loaded))
        .map(|loaded| loaded.name.clone())
        .collect();
    services.commands.change_registry(|registry| {
        let (mut changed, _) = registry.without(|c| {
            c.cog_name()
                .is_some_and(|name| removed_names.iter().any(|n| n == name))
                || (removal.extension.is_some() && c.extension() == removal.extension)
        });
        for command in new_commands {
            changed = changed.with(command)?;
        }
        Ok(changed)
    })?;
    // The registry took the change: from here on nothing fails.
    let (removed, kept): (Vec<LoadedCog>, Vec<LoadedCog>) = std::mem::take(&mut *cogs)
        .into_iter()
        .partition(|c| goes(c));
    *cogs = kept;
    let old: Vec<u64> = removed
        .iter()
        .flat_map(|loaded| loaded.listeners.iter().map(|id| id.0))
        .collect();
    services.events.remove_slots(&old);
    for ((name, cog, instance), listeners) in new_cogs.into_iter().zip(cog_listeners) {
        let listeners = listeners
            .into_iter()
            .map(|listener| services.events.add_listener(listener))
            .collect();
        cogs.push(LoadedCog {
            name,
            cog,
            instance,
            listeners,
            extension: tag.clone(),
        });
    }
    let listeners = listeners
        .into_iter()
        .map(|listener| services.events.add_listener(listener))
        .collect();
    Ok(Installed { removed, listeners })
}

/// Refuses commands asking for state the bot lacks, as `build()` does.
fn check_state(ctx: &Context, commands: &[RegisteredCommand]) -> Result<(), Error> {
    let missing: Vec<crate::command::MissingData> = commands
        .iter()
        .flat_map(|command| {
            command
                .state_requirements()
                .filter(|needed| !ctx.services().data.contains(needed.type_id()))
                .map(|needed| crate::command::MissingData {
                    type_name: needed.type_name(),
                    needed_by: match command.cog_name() {
                        Some(cog) => format!("command {} of cog `{cog}`", command.label()),
                        None => format!("command {}", command.label()),
                    },
                })
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::MissingData(missing))
    }
}
