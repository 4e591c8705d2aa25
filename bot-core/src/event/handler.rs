//! What the bot's event handlers are given — [`Connected`], [`Disconnected`], [`EventError`] —
//! and what an `#[event]` function is to the dispatcher ([`EventHandlerDef`], collected with
//! `inventory`).
//!
//! Each handler has a default (it logs); an `#[event]` function replaces it.

use super::ListenerFuture;
use super::budget::Lagged;
use super::listener::ListenerError;
use crate::context::Context;
use std::fmt;

/// A shard's session started (READY) or resumed (RESUMED): what `on_connect` is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Connected {
    /// The shard.
    pub shard: u64,
    /// Whether the session resumed (RESUMED: the events missed meanwhile were replayed) rather
    /// than started anew (READY).
    pub resumed: bool,
}

/// A shard's connection ended: what `on_disconnect` is given.
///
/// Only connections the shard had opened end; an attempt that fails before the WebSocket
/// handshake completes is logged, not reported here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Disconnected {
    /// The shard.
    pub shard: u64,
    /// The close code the gateway sent (`4000`, `4009`, …); `None` when the connection broke
    /// without one or the bot closed it (to reconnect, or on [`Context::close`](crate::Context::close)).
    pub code: Option<u16>,
    /// Whether the shard connects again (after its back-off, unless [`Context::close`](crate::Context::close) comes
    /// first): `false` after [`Context::close`](crate::Context::close) or a close code after which reconnecting cannot
    /// help.
    pub reconnect: bool,
    /// Whether the next connection resumes the session (the events meanwhile are replayed);
    /// `false` when it starts a new one (they are lost) or does not reconnect.
    pub resume: bool,
}

/// How a listener (or an `#[event]` handler) failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum EventFailure {
    /// It returned this error.
    Error(ListenerError),
    /// It panicked with this message (`"a panic without a message"` when the panic's payload
    /// was not a string).
    Panic(String),
    /// It fell more than its [`Budget`](super::Budget) behind and lost events (reported once
    /// per episode; the consumer goes on with the events after those).
    Lagged(Lagged),
}

impl fmt::Display for EventFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventFailure::Error(error) => write!(f, "{error}"),
            EventFailure::Panic(message) => write!(f, "panicked: {message}"),
            EventFailure::Lagged(lag) => write!(f, "{lag}"),
        }
    }
}

/// A listener failed: what `on_error` is given.
///
/// ```
/// # use bot_core::event::EventError;
/// fn describe(error: &EventError) -> String {
///     format!("{} failed on {}: {}", error.listener, error.event, error.failure)
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct EventError {
    /// The listener: a `#[listen]` function's path (`my_bot::listeners::greet`), the name given
    /// with [`ListenerOptions::name`](super::ListenerOptions::name), or `listener #<id>`. When
    /// an `#[event]` handler other than `on_error` failed, that function's path.
    pub listener: String,
    /// The event's name: the dispatch's (`MESSAGE_CREATE`), or the handler's (`on_ready`,
    /// `on_connect`, `on_disconnect`) when a handler failed. For a lag, the name of the last
    /// dispatch dropped.
    pub event: String,
    /// What went wrong.
    pub failure: EventFailure,
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.failure {
            EventFailure::Error(error) => {
                write!(f, "`{}` failed on {}: {error}", self.listener, self.event)
            }
            EventFailure::Panic(message) => write!(
                f,
                "`{}` panicked on {}: {message}",
                self.listener, self.event
            ),
            EventFailure::Lagged(lag) => write!(f, "{lag}, the last a {}", self.event),
        }
    }
}

impl std::error::Error for EventError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.failure {
            EventFailure::Error(error) => Some(error.as_ref()),
            EventFailure::Panic(_) | EventFailure::Lagged(_) => None,
        }
    }
}

/// An `#[event]` function, collected with `inventory` (what the macro emits).
#[doc(hidden)]
#[derive(Debug)]
pub struct EventHandlerDef {
    /// The function's path (`my_bot::events::on_ready`).
    pub path: &'static str,
    /// The event it handles, and how it is called.
    pub call: EventHandlerCall,
}

inventory::collect!(EventHandlerDef);

impl EventHandlerDef {
    /// Every `#[event]` function of the program.
    pub(crate) fn all() -> impl Iterator<Item = &'static EventHandlerDef> {
        inventory::iter::<EventHandlerDef>.into_iter()
    }

    /// The first event (in the order of [`EVENTS`]) that two or more of `defs` handle, with
    /// their paths sorted.
    pub(crate) fn first_duplicate<'a>(
        defs: impl IntoIterator<Item = &'a EventHandlerDef>,
    ) -> Option<(&'static str, Vec<&'static str>)> {
        let defs: Vec<&EventHandlerDef> = defs.into_iter().collect();
        EVENTS.into_iter().find_map(|event| {
            let mut paths: Vec<&'static str> = defs
                .iter()
                .filter(|def| def.call.name() == event)
                .map(|def| def.path)
                .collect();
            paths.sort_unstable();
            (paths.len() > 1).then_some((event, paths))
        })
    }
}

/// The events a program may define a handler for, in the order duplicates are reported.
const EVENTS: [&str; 5] = [
    "on_ready",
    "on_connect",
    "on_disconnect",
    "on_error",
    "on_application_command_error",
];

/// How an `#[event]` function is called, per event.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum EventHandlerCall {
    /// `on_ready(ctx: &Context)`.
    Ready(fn(Context) -> ListenerFuture),
    /// `on_connect(ctx: &Context, connected: &Connected)`.
    Connect(fn(Context, Connected) -> ListenerFuture),
    /// `on_disconnect(ctx: &Context, disconnected: &Disconnected)`.
    Disconnect(fn(Context, Disconnected) -> ListenerFuture),
    /// `on_error(ctx: &Context, error: &EventError)`.
    Error(fn(Context, EventError) -> ListenerFuture),
    /// `on_application_command_error(ctx: &ApplicationContext, error: &CommandError)`.
    CommandError(
        for<'a> fn(
            &'a crate::command::ApplicationContext,
            &'a crate::command::CommandError,
        ) -> crate::invoke::HookFuture<'a>,
    ),
}

impl EventHandlerCall {
    /// The event's name: the function's.
    pub fn name(&self) -> &'static str {
        match self {
            EventHandlerCall::Ready(_) => "on_ready",
            EventHandlerCall::Connect(_) => "on_connect",
            EventHandlerCall::Disconnect(_) => "on_disconnect",
            EventHandlerCall::Error(_) => "on_error",
            EventHandlerCall::CommandError(_) => "on_application_command_error",
        }
    }
}
