//! State without statics: values given to the bot with
//! [`BotBuilder::data`](crate::BotBuilder::data), one per type, reached by a handler through a
//! [`State<T>`] parameter (checked before the bot starts) or [`ApplicationContext::state`].
//!
//! [`ApplicationContext::state`]: super::ApplicationContext::state

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A value the bot was given with [`BotBuilder::data`](crate::BotBuilder::data), shared by
/// every invocation (wrap what changes in a `Mutex` or an atomic). As a command parameter it is
/// not an option: the macro fills it in, and [`Bot::builder().build()`](crate::BotBuilder::build)
/// refuses to build a bot that lacks a type some command asks for.
///
/// ```standalone_crate
/// use bot_core::command::State;
/// use bot_core::prelude::*;
/// use std::sync::atomic::{AtomicU64, Ordering};
///
/// #[derive(Default)]
/// struct Hits(AtomicU64);
///
/// /// Counts its uses.
/// #[slash_command]
/// async fn hits(ctx: &ApplicationContext, hits: State<Hits>) -> CommandResult {
///     let n = hits.0.fetch_add(1, Ordering::Relaxed) + 1;
///     ctx.respond(format!("{n} uses")).await?;
///     Ok(())
/// }
///
/// let bot = Bot::builder().token("x.y.z").data(Hits::default()).build();
/// assert!(bot.is_ok());
/// let without = Bot::builder().token("x.y.z").build();
/// assert!(without.unwrap_err().to_string().contains("Hits"));
/// ```
///
/// State is shared between tasks, so its type must be `Send + Sync`:
///
/// ```compile_fail,E0277
/// use bot_core::command::State;
/// use bot_core::prelude::*;
///
/// /// Not thread-safe.
/// #[slash_command]
/// async fn cell(ctx: &ApplicationContext, value: State<std::cell::Cell<u8>>) -> CommandResult {
///     let _ = (ctx, value);
///     Ok(())
/// }
/// ```
pub struct State<T: ?Sized>(Arc<T>);

impl<T: ?Sized> State<T> {
    /// The shared value.
    pub fn arc(&self) -> &Arc<T> {
        &self.0
    }
}

impl<T: ?Sized> Deref for State<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> Clone for State<T> {
    fn clone(&self) -> Self {
        State(self.0.clone())
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for State<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("State").field(&&*self.0).finish()
    }
}

/// The values a bot was given, one per type.
#[derive(Clone, Default)]
pub(crate) struct DataMap(HashMap<TypeId, (Arc<dyn Any + Send + Sync>, &'static str)>);

impl DataMap {
    /// Adds `value`, replacing one of the same type.
    pub(crate) fn insert<T: Send + Sync + 'static>(&mut self, value: T) {
        self.0.insert(
            TypeId::of::<T>(),
            (Arc::new(value), std::any::type_name::<T>()),
        );
    }

    pub(crate) fn get<T: Send + Sync + 'static>(&self) -> Option<State<T>> {
        let (value, _) = self.0.get(&TypeId::of::<T>())?;
        value.clone().downcast::<T>().ok().map(State)
    }

    pub(crate) fn contains(&self, type_id: TypeId) -> bool {
        self.0.contains_key(&type_id)
    }
}

impl fmt::Debug for DataMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.0.values().map(|(_, name)| name))
            .finish()
    }
}

/// A type of state a handler asks for (what the macros record of a `State<T>` parameter).
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct StateRequirement {
    type_id: fn() -> TypeId,
    type_name: fn() -> &'static str,
}

impl StateRequirement {
    /// The requirement of a `State<T>` parameter.
    pub const fn of<T: ?Sized + 'static>() -> Self {
        StateRequirement {
            type_id: TypeId::of::<T>,
            type_name: std::any::type_name::<T>,
        }
    }

    pub(crate) fn type_id(&self) -> TypeId {
        (self.type_id)()
    }

    /// The type's name.
    pub fn type_name(&self) -> &'static str {
        (self.type_name)()
    }
}

impl fmt::Debug for StateRequirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.type_name())
    }
}

/// A handler asked for state the bot does not have: the context has no bot (built with
/// [`ApplicationContext::new`](super::ApplicationContext::new)), or the bot was not given the
/// type (only possible for [`ApplicationContext::state`](super::ApplicationContext::state): the
/// `State<T>` parameters are checked when the bot is built).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingState {
    /// The type asked for.
    pub type_name: &'static str,
}

impl fmt::Display for MissingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no state of type `{}`: give it with `Bot::builder().data(...)`",
            self.type_name
        )
    }
}

impl std::error::Error for MissingState {}

/// What [`BotBuilder::build`](crate::BotBuilder::build) found missing: a type and who asks for
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingData {
    /// The type asked for.
    pub type_name: &'static str,
    /// The command (its name and where it is defined) that asks for it.
    pub needed_by: String,
}

impl fmt::Display for MissingData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} needs `State<{}>`", self.needed_by, self.type_name)
    }
}
