//! What runs around one level of a command — the command itself, a group, a subcommand: its
//! checks, cooldown, concurrency limit, hooks, error handler and autocomplete callbacks.

use super::bucket::BucketType;
use super::hooks::{ErrorHook, InvokeHook};
use super::limits::{LayerConcurrency, LayerCooldown};
use crate::checks::Check;
use crate::command::{AutoDefer, AutocompleteHandler, Cooldown};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// One level's checks, limits, hooks and callbacks. A command macro's `checks = [...]`,
/// `cooldown(...)`, `max_concurrency(...)`, `auto_defer`, `before_invoke`, `after_invoke`,
/// `on_error` and `#[autocomplete]` fill it; so do [`RegisteredCommand`](crate::command::RegisteredCommand)'s
/// methods of the same names.
#[derive(Default)]
pub struct CommandLayer {
    pub(crate) checks: Vec<Arc<dyn Check>>,
    pub(crate) cooldown: Option<LayerCooldown>,
    pub(crate) concurrency: Option<LayerConcurrency>,
    pub(crate) before: Option<Arc<dyn InvokeHook>>,
    pub(crate) after: Option<Arc<dyn InvokeHook>>,
    pub(crate) on_error: Option<Arc<dyn ErrorHook>>,
    pub(crate) autocomplete: Vec<(String, Arc<dyn AutocompleteHandler>)>,
    pub(crate) auto_defer: Option<AutoDefer>,
}

impl fmt::Debug for CommandLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let checks: Vec<_> = self.checks.iter().map(|check| check.name()).collect();
        let autocomplete: Vec<_> = self.autocomplete.iter().map(|(name, _)| name).collect();
        f.debug_struct("CommandLayer")
            .field("checks", &checks)
            .field("cooldown", &self.cooldown)
            .field("concurrency", &self.concurrency)
            .field("before", &self.before.is_some())
            .field("after", &self.after.is_some())
            .field("on_error", &self.on_error.is_some())
            .field("autocomplete", &autocomplete)
            .field("auto_defer", &self.auto_defer)
            .finish()
    }
}

impl CommandLayer {
    /// Adds a check (run after the ones added before it).
    pub fn check(&mut self, check: impl Check) -> &mut Self {
        self.checks.push(Arc::new(check));
        self
    }

    /// At most `rate` uses per `per` in each bucket.
    pub fn cooldown(&mut self, rate: u32, per: Duration, bucket: BucketType) -> &mut Self {
        self.cooldown = Some(LayerCooldown::new(Cooldown::new(rate, per), bucket));
        self
    }

    /// At most `limit` invocations at once in each bucket; with `wait`, the next one waits for
    /// a slot, else it fails with `MaxConcurrencyReached`.
    pub fn max_concurrency(&mut self, limit: usize, bucket: BucketType, wait: bool) -> &mut Self {
        self.concurrency = Some(LayerConcurrency::new(limit, bucket, wait));
        self
    }

    /// When the SDK defers an invocation of this level that its handler has not answered (the
    /// innermost level that sets it wins over outer ones and over
    /// [`BotBuilder::auto_defer`](crate::BotBuilder::auto_defer)); [`AutoDefer::off`] for a
    /// command that may open a modal.
    pub fn auto_defer(&mut self, setting: AutoDefer) -> &mut Self {
        self.auto_defer = Some(setting);
        self
    }

    /// Runs `hook` before the handler (after checks and limits).
    pub fn before_invoke(&mut self, hook: impl InvokeHook) -> &mut Self {
        self.before = Some(Arc::new(hook));
        self
    }

    /// Runs `hook` after the handler, even when it failed.
    pub fn after_invoke(&mut self, hook: impl InvokeHook) -> &mut Self {
        self.after = Some(Arc::new(hook));
        self
    }

    /// Handles the errors of invocations of this level (first in the error chain).
    pub fn on_error(&mut self, handler: impl ErrorHook) -> &mut Self {
        self.on_error = Some(Arc::new(handler));
        self
    }

    /// Answers autocomplete requests for the option `option`.
    pub fn autocomplete(
        &mut self,
        option: impl Into<String>,
        handler: impl AutocompleteHandler,
    ) -> &mut Self {
        self.autocomplete.push((option.into(), Arc::new(handler)));
        self
    }
}

/// The layers of one command: the command's own (path `[]`), and one per group and subcommand
/// below it (path `["group"]`, `["group", "sub"]`).
#[derive(Debug, Default)]
pub struct CommandLayers {
    layers: Vec<(Vec<String>, CommandLayer)>,
}

impl CommandLayers {
    /// The layer at `path` (below the command's name), made if new.
    pub fn layer(&mut self, path: &[&str]) -> &mut CommandLayer {
        let index = match self.layers.iter().position(|(at, _)| at == path) {
            Some(index) => index,
            None => {
                let at = path.iter().map(|part| (*part).to_owned()).collect();
                self.layers.push((at, CommandLayer::default()));
                self.layers.len() - 1
            }
        };
        &mut self.layers[index].1
    }

    /// The layers an invocation of the subcommand at `below` (the group and subcommand names
    /// after the command's) goes through, outermost first.
    pub(crate) fn chain<'a>(&'a self, below: &[&str]) -> Vec<&'a CommandLayer> {
        let mut chain: Vec<(usize, &CommandLayer)> = self
            .layers
            .iter()
            .filter(|(at, _)| at.len() <= below.len() && at.iter().zip(below).all(|(a, b)| a == b))
            .map(|(at, layer)| (at.len(), layer))
            .collect();
        chain.sort_by_key(|(depth, _)| *depth);
        chain.into_iter().map(|(_, layer)| layer).collect()
    }
}

/// The autocomplete callback for `option` in `chain` (outermost first): the innermost layer's.
pub(crate) fn autocomplete_in(
    chain: &[&CommandLayer],
    option: &str,
) -> Option<Arc<dyn AutocompleteHandler>> {
    chain.iter().rev().find_map(|layer| {
        layer
            .autocomplete
            .iter()
            .find(|(name, _)| name == option)
            .map(|(_, handler)| handler.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invocation_goes_through_its_layers_outermost_first() {
        let mut layers = CommandLayers::default();
        layers
            .layer(&["user", "get"])
            .check(crate::checks::dm_only());
        layers.layer(&[]).check(crate::checks::guild_only());
        layers.layer(&["user"]).check(crate::checks::is_nsfw());
        layers.layer(&["role"]).check(crate::checks::is_owner());
        let names: Vec<_> = layers
            .chain(&["user", "get"])
            .iter()
            .flat_map(|layer| layer.checks.iter().map(|check| check.name()))
            .collect();
        assert_eq!(names, ["guild_only", "is_nsfw", "dm_only"]);
    }
}
