//! Listeners: what a `#[listen]` function or a run-time listener is to the dispatcher, its
//! options, and what it may return.

use super::{Budget, Event, EventKind, EventType, Received};
use crate::context::Context;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What a listener may fail with: any error.
pub type ListenerError = Box<dyn std::error::Error + Send + Sync>;

/// What a listener's future resolves to.
pub type ListenerFuture = Pin<Box<dyn Future<Output = Result<(), ListenerError>> + Send>>;

/// What a listener returns: nothing, or a `Result` whose error is reported to `on_error` (logged
/// with the event's name).
#[diagnostic::on_unimplemented(
    message = "a listener returns `()` or `Result<(), E>`, not `{Self}`",
    label = "not a listener's return type"
)]
pub trait ListenerOutput {
    /// The outcome.
    fn into_result(self) -> Result<(), ListenerError>;
}

impl ListenerOutput for () {
    fn into_result(self) -> Result<(), ListenerError> {
        Ok(())
    }
}

impl<E: Into<ListenerError>> ListenerOutput for Result<(), E> {
    fn into_result(self) -> Result<(), ListenerError> {
        self.map_err(Into::into)
    }
}

/// Identifies a listener added with [`Context::add_listener`], to remove it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListenerId(pub(crate) u64);

/// How a listener is called.
///
/// ```
/// use bot_core::event::ListenerOptions;
/// use bot_core::event::Budget;
/// let options = ListenerOptions::new().once().budget(Budget::events_only(64));
/// assert!(options.is_once());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListenerOptions {
    pub(crate) once: bool,
    pub(crate) concurrent: bool,
    pub(crate) budget: Option<super::Budget>,
    pub(crate) name: Option<String>,
}

impl ListenerOptions {
    /// Called for every event of its type, one at a time, in the shard's order.
    pub fn new() -> Self {
        ListenerOptions::default()
    }

    /// Called for the first matching event only, then removed.
    pub fn once(mut self) -> Self {
        self.once = true;
        self
    }

    /// Each event on a task of its own (as Pycord does), so slow calls overlap and their order
    /// is not kept.
    pub fn concurrent(mut self) -> Self {
        self.concurrent = true;
        self
    }

    /// How far behind it may fall before it lags (default: the bot's,
    /// [`BotBuilder::event_budget`](crate::BotBuilder::event_budget)); see
    /// [`Budget`](super::Budget).
    pub fn budget(mut self, budget: super::Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// The name it is reported under, in logs and lag reports (default: `listener #<id>`).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Whether it is called once only.
    pub fn is_once(&self) -> bool {
        self.once
    }
}

/// A listener defined with `#[listen]`, collected with `inventory` (what the macro emits).
#[doc(hidden)]
#[derive(Debug)]
pub struct ListenerDef {
    /// The function's path (`my_bot::listeners::count`).
    pub path: &'static str,
    /// The kind its parameter type is (`None`: every event, or the kinds of `name`).
    pub event: Option<EventKind>,
    /// Pycord's name it was given (`on_message`), if any.
    pub name: Option<&'static str>,
    /// Called for the first matching event only.
    pub once: bool,
    /// One task per event.
    pub concurrent: bool,
    /// Calls the function with the event (the call does nothing for another kind).
    pub call: fn(Context, Arc<Event>) -> ListenerFuture,
    /// The types of state its `State<T>` parameters ask for.
    pub state: &'static [crate::command::StateRequirement],
}

inventory::collect!(ListenerDef);

impl ListenerDef {
    /// Every listener the program defines with `#[listen]`.
    pub(crate) fn all() -> impl Iterator<Item = &'static ListenerDef> {
        inventory::iter::<ListenerDef>.into_iter()
    }
}

/// Calls a listener with an event (a `#[listen]` function's glue or a run-time closure).
pub(crate) type Callback = Arc<dyn Fn(Context, Arc<Event>) -> ListenerFuture + Send + Sync>;

/// A listener to add: what it takes, how it is called.
pub(crate) struct NewListener {
    pub(crate) name: Option<String>,
    pub(crate) kinds: Option<Vec<EventKind>>,
    pub(crate) once: bool,
    pub(crate) concurrent: bool,
    pub(crate) budget: Option<Budget>,
    pub(crate) callback: Callback,
}

impl NewListener {
    /// A `#[listen]` function: the kinds its parameter or Pycord name says.
    pub(crate) fn from_def(def: &'static ListenerDef) -> NewListener {
        let kinds = match (def.event, def.name) {
            (Some(kind), _) => Some(vec![kind]),
            (None, Some(name)) => Some(EventKind::all_with_pycord_name(name).collect()),
            (None, None) => None,
        };
        NewListener {
            name: Some(def.path.to_owned()),
            kinds,
            once: def.once,
            concurrent: def.concurrent,
            budget: None,
            callback: Arc::new(def.call),
        }
    }
}

/// A listener of events of type `E`, called with each as a [`Received<E>`].
pub(crate) fn new_listener<E, F, Fut>(options: ListenerOptions, listener: F) -> NewListener
where
    E: EventType,
    F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: ListenerOutput,
{
    let callback = move |ctx: Context, event: Arc<Event>| -> ListenerFuture {
        match Received::<E>::new(event, ctx) {
            Some(received) => {
                let call = listener(received);
                Box::pin(async move { call.await.into_result() })
            }
            None => Box::pin(async { Ok(()) }),
        }
    };
    NewListener {
        name: options.name,
        kinds: E::KIND.map(|kind| vec![kind]),
        once: options.once,
        concurrent: options.concurrent,
        budget: options.budget,
        callback: Arc::new(callback),
    }
}

/// Fails the build when a listener's Pycord name does not fit its parameter's type (used by
/// `#[listen("on_...")]`).
#[doc(hidden)]
pub const fn check_listener_name(kind: Option<EventKind>, name: &str) {
    match kind {
        Some(kind) => {
            if !kind.has_pycord_name(name) {
                panic!(
                    "this Pycord event name is not the name of the parameter's event type \
                     (see `EventKind::pycord_names`)"
                );
            }
        }
        None => {
            if !EventKind::is_pycord_name(name) {
                panic!("no gateway event has this Pycord name (see `EventKind::pycord_names`)");
            }
        }
    }
}
