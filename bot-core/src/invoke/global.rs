//! What runs around every command: the program's `#[check]`, `#[check_once]`,
//! `#[before_invoke]` and `#[after_invoke]` functions, and what the builder and
//! [`Bot::add_check`](crate::Bot::add_check) add.

use super::hooks::{InvokeHook, MacroHook};
use crate::Error;
use crate::checks::{Check, MacroCheck};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// A `#[check]` or `#[check_once]` function, as the macro registers it.
#[doc(hidden)]
#[derive(Debug)]
pub struct GlobalCheckDef {
    /// `module::function`.
    pub path: &'static str,
    /// `#[check_once]`: once per interaction, before everything else.
    pub once: bool,
    /// The check.
    pub check: MacroCheck,
}

inventory::collect!(GlobalCheckDef);

/// A `#[before_invoke]` or `#[after_invoke]` function, as the macro registers it.
#[doc(hidden)]
#[derive(Debug)]
pub struct GlobalHookDef {
    /// `module::function`.
    pub path: &'static str,
    /// `#[after_invoke]` (else `#[before_invoke]`).
    pub after: bool,
    /// The hook.
    pub hook: MacroHook,
}

inventory::collect!(GlobalHookDef);

/// The handle of a check added with [`Bot::add_check`](crate::Bot::add_check), to remove it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CheckId(u64);

struct GlobalCheck {
    id: CheckId,
    once: bool,
    check: Arc<dyn Check>,
}

/// The global checks and hooks of one bot.
pub(crate) struct Globals {
    checks: RwLock<Vec<GlobalCheck>>,
    next: AtomicU64,
    pub(crate) before: Option<Arc<dyn InvokeHook>>,
    pub(crate) after: Option<Arc<dyn InvokeHook>>,
    pub(crate) error_reply: ErrorReplyFn,
    /// When commands that set none are deferred for their handler.
    pub(crate) auto_defer: crate::command::AutoDefer,
}

/// How the default error handler answers an error (`None`: it does not).
pub(crate) type ErrorReplyFn =
    Arc<dyn Fn(&crate::command::CommandError) -> Option<crate::command::Reply> + Send + Sync>;

/// What the builder gathered.
#[derive(Clone, Default)]
pub(crate) struct GlobalConfig {
    pub(crate) checks: Vec<(bool, Arc<dyn Check>)>,
    pub(crate) before: Option<Arc<dyn InvokeHook>>,
    pub(crate) after: Option<Arc<dyn InvokeHook>>,
    pub(crate) error_reply: Option<ErrorReplyFn>,
    pub(crate) auto_defer: Option<crate::command::AutoDefer>,
}

impl std::fmt::Debug for GlobalConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let checks: Vec<_> = self
            .checks
            .iter()
            .map(|(once, check)| (check.name(), *once))
            .collect();
        f.debug_struct("GlobalConfig")
            .field("checks", &checks)
            .field("before", &self.before.is_some())
            .field("after", &self.after.is_some())
            .field("error_reply", &self.error_reply.is_some())
            .field("auto_defer", &self.auto_defer)
            .finish()
    }
}

/// The one hook of a kind: the program's function or the builder's, never both.
fn one_hook(
    kind: &'static str,
    defined: Vec<&'static GlobalHookDef>,
    given: Option<Arc<dyn InvokeHook>>,
) -> Result<Option<Arc<dyn InvokeHook>>, Error> {
    let mut paths: Vec<&'static str> = defined.iter().map(|def| def.path).collect();
    if given.is_some() {
        paths.push("BotBuilder");
    }
    if paths.len() > 1 {
        paths.sort_unstable();
        return Err(Error::DuplicateEventHandler { event: kind, paths });
    }
    Ok(match (defined.first(), given) {
        (Some(def), _) => Some(Arc::new(def.hook)),
        (None, given) => given,
    })
}

impl Globals {
    /// The program's functions (checks in the order of their paths), then the builder's.
    pub(crate) fn collect(config: GlobalConfig) -> Result<Globals, Error> {
        let mut defs: Vec<&'static GlobalCheckDef> =
            inventory::iter::<GlobalCheckDef>.into_iter().collect();
        defs.sort_by_key(|def| def.path);
        let macro_checks = defs
            .into_iter()
            .map(|def| (def.once, Arc::new(def.check) as Arc<dyn Check>));
        let checks: Vec<GlobalCheck> = macro_checks
            .chain(config.checks)
            .enumerate()
            .map(|(i, (once, check))| GlobalCheck {
                id: CheckId(i as u64),
                once,
                check,
            })
            .collect();
        let hooks: Vec<&'static GlobalHookDef> =
            inventory::iter::<GlobalHookDef>.into_iter().collect();
        let (after, before): (Vec<_>, Vec<_>) = hooks.into_iter().partition(|def| def.after);
        Ok(Globals {
            next: AtomicU64::new(checks.len() as u64),
            checks: RwLock::new(checks),
            before: one_hook("before_invoke", before, config.before)?,
            after: one_hook("after_invoke", after, config.after)?,
            error_reply: config
                .error_reply
                .unwrap_or_else(|| Arc::new(super::default_error_reply)),
            auto_defer: config.auto_defer.unwrap_or_default(),
        })
    }

    /// Adds a check; `once` for a check run once per interaction.
    pub(crate) fn add(&self, check: Arc<dyn Check>, once: bool) -> CheckId {
        let id = CheckId(self.next.fetch_add(1, Ordering::Relaxed));
        self.checks
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .push(GlobalCheck { id, once, check });
        id
    }

    /// Removes the check `id`; `false` when there is none.
    pub(crate) fn remove(&self, id: CheckId) -> bool {
        let mut checks = self.checks.write().unwrap_or_else(|p| p.into_inner());
        let before = checks.len();
        checks.retain(|check| check.id != id);
        checks.len() != before
    }

    /// The checks of one kind (`once` or not), in order: a snapshot.
    pub(crate) fn checks(&self, once: bool) -> Vec<Arc<dyn Check>> {
        self.checks
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|check| check.once == once)
            .map(|check| check.check.clone())
            .collect()
    }
}
