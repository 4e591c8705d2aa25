//! The bot's event handlers — `on_ready`, `on_connect`, `on_disconnect`, `on_error` — each the
//! program's `#[event]` function (at most one per event, checked by `build()`) or the default,
//! which logs.
//!
//! A program's handler runs on a task of its own. When `on_ready`, `on_connect` or
//! `on_disconnect` fails or panics, the failure goes to `on_error`; when `on_error` itself does,
//! the failure is logged (with the error it was handling), never handed to `on_error` again.

use super::runner::guarded;
use crate::Error;
use crate::context::{Context, WeakContext};
use crate::event::{
    Connected, Disconnected, EventError, EventFailure, EventHandlerCall, EventHandlerDef,
    ListenerFuture,
};
use std::sync::Arc;

/// A program's handler: its path and its call.
type Defined<F> = Option<(&'static str, F)>;

/// The program's `#[event]` functions, at most one per event.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct HandlerSet {
    ready: Defined<fn(Context) -> ListenerFuture>,
    connect: Defined<fn(Context, Connected) -> ListenerFuture>,
    disconnect: Defined<fn(Context, Disconnected) -> ListenerFuture>,
    error: Defined<fn(Context, EventError) -> ListenerFuture>,
}

impl HandlerSet {
    /// Every `#[event]` function of the program; an error when two handle the same event.
    pub(crate) fn collect() -> Result<HandlerSet, Error> {
        let defs: Vec<&EventHandlerDef> = EventHandlerDef::all().collect();
        HandlerSet::from_defs(defs)
    }

    /// The set of `defs`; an error naming every function of the first event defined twice.
    /// (`on_application_command_error` is the command service's, not the dispatcher's.)
    fn from_defs<'a>(
        defs: impl IntoIterator<Item = &'a EventHandlerDef> + Clone,
    ) -> Result<HandlerSet, Error> {
        if let Some((event, paths)) = EventHandlerDef::first_duplicate(defs.clone()) {
            return Err(Error::DuplicateEventHandler { event, paths });
        }
        let mut set = HandlerSet::default();
        for def in defs {
            match def.call {
                EventHandlerCall::Ready(call) => set.ready = Some((def.path, call)),
                EventHandlerCall::Connect(call) => set.connect = Some((def.path, call)),
                EventHandlerCall::Disconnect(call) => set.disconnect = Some((def.path, call)),
                EventHandlerCall::Error(call) => set.error = Some((def.path, call)),
                EventHandlerCall::CommandError(_) => {}
            }
        }
        Ok(set)
    }
}

/// Runs the handlers for the dispatcher (and the shards, through it).
pub(crate) struct EventHandlers {
    ctx: WeakContext,
    set: HandlerSet,
}

impl EventHandlers {
    pub(crate) fn new(ctx: WeakContext, set: HandlerSet) -> Arc<EventHandlers> {
        Arc::new(EventHandlers { ctx, set })
    }

    /// The bot became ready (once).
    pub(crate) fn ready(self: &Arc<Self>) {
        let replaced = self
            .set
            .ready
            .is_some_and(|(path, call)| self.spawn(path, "on_ready", None, call));
        if !replaced {
            tracing::info!("ready");
        }
    }

    /// A shard's session started or resumed.
    pub(crate) fn connected(self: &Arc<Self>, connected: Connected) {
        let replaced = self.set.connect.is_some_and(|(path, call)| {
            self.spawn(path, "on_connect", Some(connected.shard), move |ctx| {
                call(ctx, connected)
            })
        });
        if !replaced {
            tracing::info!(
                shard = connected.shard,
                resumed = connected.resumed,
                "connected"
            );
        }
    }

    /// A shard's connection ended.
    pub(crate) fn disconnected(self: &Arc<Self>, disconnected: Disconnected) {
        let replaced = self.set.disconnect.is_some_and(|(path, call)| {
            self.spawn(
                path,
                "on_disconnect",
                Some(disconnected.shard),
                move |ctx| call(ctx, disconnected),
            )
        });
        if !replaced {
            tracing::debug!(
                shard = disconnected.shard,
                code = disconnected.code,
                reconnect = disconnected.reconnect,
                resume = disconnected.resume,
                "disconnected"
            );
        }
    }

    /// A listener or a handler failed.
    pub(crate) fn error(&self, error: EventError) {
        let runtime = tokio::runtime::Handle::try_current();
        match (self.set.error, self.ctx.upgrade(None), runtime) {
            (Some((path, call)), Some(ctx), Ok(runtime)) => {
                let handling = error.to_string();
                let call = guarded(call(ctx, error));
                runtime.spawn(async move {
                    if let Err(failure) = call.await {
                        log_failed_on_error(path, &handling, &failure);
                    }
                });
            }
            _ => log_error(&error),
        }
    }

    /// Runs the program's handler at `path` on a task of its own, its failure going to
    /// `on_error`; `false` when it cannot run (the bot is gone, or no runtime).
    fn spawn(
        self: &Arc<Self>,
        path: &'static str,
        event: &'static str,
        shard: Option<u64>,
        call: impl FnOnce(Context) -> ListenerFuture,
    ) -> bool {
        let (Some(ctx), Ok(runtime)) = (
            self.ctx.upgrade(shard),
            tokio::runtime::Handle::try_current(),
        ) else {
            return false;
        };
        let handlers = self.clone();
        let call = guarded(call(ctx));
        runtime.spawn(async move {
            if let Err(failure) = call.await {
                handlers.error(EventError {
                    listener: path.to_owned(),
                    event: event.to_owned(),
                    failure,
                });
            }
        });
        true
    }
}

/// The default `on_error`: logs the listener, the event's name and what went wrong.
fn log_error(error: &EventError) {
    let listener = error.listener.as_str();
    let event = error.event.as_str();
    match &error.failure {
        EventFailure::Error(error) => tracing::error!(
            listener,
            event,
            %error,
            "a listener failed"
        ),
        EventFailure::Panic(message) => tracing::error!(
            listener,
            event,
            panic = message.as_str(),
            "a listener panicked"
        ),
        EventFailure::Lagged(lag) => tracing::warn!(
            consumer = listener,
            last_event = event,
            shard = lag.shard,
            dropped = lag.dropped,
            first_seq = lag.first_seq,
            last_seq = lag.last_seq,
            "a consumer fell behind its budget and lost events (see `Budget`)"
        ),
    }
}

/// The program's `on_error` failed while handling `handling`: logged, not handled again.
fn log_failed_on_error(path: &str, handling: &str, failure: &EventFailure) {
    match failure {
        EventFailure::Error(error) => tracing::error!(
            handler = path,
            handling,
            %error,
            "the on_error handler failed"
        ),
        EventFailure::Panic(message) => tracing::error!(
            handler = path,
            handling,
            panic = message.as_str(),
            "the on_error handler panicked"
        ),
        EventFailure::Lagged(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn ready_a(_: Context) -> ListenerFuture {
        Box::pin(async { Ok(()) })
    }

    fn connect_a(_: Context, _: Connected) -> ListenerFuture {
        Box::pin(async { Ok(()) })
    }

    fn def(path: &'static str, call: EventHandlerCall) -> EventHandlerDef {
        EventHandlerDef { path, call }
    }

    #[test]
    fn one_handler_per_event_is_a_set_and_a_second_one_an_error_naming_both() {
        let defs = [
            def("app::on_ready", EventHandlerCall::Ready(ready_a)),
            def("app::on_connect", EventHandlerCall::Connect(connect_a)),
        ];
        let set = HandlerSet::from_defs(&defs).unwrap();
        assert_eq!(set.ready.map(|(path, _)| path), Some("app::on_ready"));
        assert_eq!(set.connect.map(|(path, _)| path), Some("app::on_connect"));
        assert!(set.disconnect.is_none() && set.error.is_none());

        let defs = [
            def("b::on_connect", EventHandlerCall::Connect(connect_a)),
            def("z::on_ready", EventHandlerCall::Ready(ready_a)),
            def("a::on_connect", EventHandlerCall::Connect(connect_a)),
            def("a::on_ready", EventHandlerCall::Ready(ready_a)),
        ];
        let error = HandlerSet::from_defs(&defs).unwrap_err();
        let Error::DuplicateEventHandler { event, paths } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(*event, "on_ready", "the first event in order");
        assert_eq!(paths, &["a::on_ready", "z::on_ready"]);
        assert_eq!(
            error.to_string(),
            "2 `#[event]` functions handle `on_ready`: `a::on_ready`, `z::on_ready`; keep one"
        );
    }

    /// What the test handlers saw (one test uses them: statics are shared).
    static ERRORS: Mutex<Vec<String>> = Mutex::new(Vec::new());
    static ON_ERROR_CALLS: AtomicUsize = AtomicUsize::new(0);

    fn failing_ready(_: Context) -> ListenerFuture {
        Box::pin(async { Err("not today".into()) })
    }

    fn panicking_connect(_: Context, connected: Connected) -> ListenerFuture {
        Box::pin(async move { panic!("shard {} exploded", connected.shard) })
    }

    /// Records the error, then panics on a listener's: that panic must not come back here.
    fn on_error(_: Context, error: EventError) -> ListenerFuture {
        Box::pin(async move {
            ON_ERROR_CALLS.fetch_add(1, Ordering::SeqCst);
            ERRORS.lock().unwrap().push(error.to_string());
            if error.listener == "greet" {
                panic!("on_error exploded too");
            }
            Ok(())
        })
    }

    async fn calls_reach(n: usize) -> bool {
        tokio::time::timeout(Duration::from_secs(5), async {
            while ON_ERROR_CALLS.load(Ordering::SeqCst) < n {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
        .await
        .is_ok()
    }

    #[tokio::test]
    async fn handler_failures_go_to_on_error_and_its_own_failure_is_not_handled_again() {
        let ctx = Context::for_tests();
        let defs = [
            def("app::on_ready", EventHandlerCall::Ready(failing_ready)),
            def(
                "app::on_connect",
                EventHandlerCall::Connect(panicking_connect),
            ),
            def("app::on_error", EventHandlerCall::Error(on_error)),
        ];
        let handlers = EventHandlers::new(ctx.downgrade(), HandlerSet::from_defs(&defs).unwrap());
        handlers.ready();
        assert!(calls_reach(1).await);
        handlers.connected(Connected {
            shard: 3,
            resumed: true,
        });
        assert!(calls_reach(2).await);
        handlers.error(EventError {
            listener: "greet".to_owned(),
            event: "MESSAGE_CREATE".to_owned(),
            failure: EventFailure::Error("no channel".into()),
        });
        assert!(calls_reach(3).await);
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(
            ON_ERROR_CALLS.load(Ordering::SeqCst),
            3,
            "its panic is not handled"
        );
        assert_eq!(
            *ERRORS.lock().unwrap(),
            [
                "`app::on_ready` failed on on_ready: not today",
                "`app::on_connect` panicked on on_connect: shard 3 exploded",
                "`greet` failed on MESSAGE_CREATE: no channel",
            ]
        );
        drop(ctx);
        handlers.error(EventError {
            listener: "late".to_owned(),
            event: "MESSAGE_CREATE".to_owned(),
            failure: EventFailure::Panic("gone".to_owned()),
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(
            ON_ERROR_CALLS.load(Ordering::SeqCst),
            3,
            "without the services, the default logs it"
        );
    }
}
