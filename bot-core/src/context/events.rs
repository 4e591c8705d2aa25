//! The events on a context: listeners, waiting for events, streams of them, readiness. The work
//! is the dispatcher's (`crate::dispatch`).

use super::Context;
use crate::dispatch::{Phase, Receiver, SlotGuard};
use crate::event::{
    Budget, DispatchStats, Event, EventType, ListenerId, ListenerOptions, ListenerOutput, Received,
    WaitError, new_listener,
};
use futures_util::Stream;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

impl Context {
    /// Adds a listener for events of type `E` (one kind of dispatch, or [`Event`] for every
    /// event) while the bot runs — as `#[listen]` does at build time. It is called for each
    /// event in its shard's order, one call at a time; a failure or panic (in the closure or
    /// in the future it returns) goes to `on_error` (by default, logged with the event's name)
    /// and the listener goes on. It gets every event while it keeps within its
    /// [`Budget`]; past it, it lags (see [`Budget`]).
    ///
    /// ```no_run
    /// # fn demo(bot: bot_core::Context) {
    /// use bot_core::event::{MessageCreate, Received};
    /// let id = bot.add_listener(|message: Received<MessageCreate>| async move {
    ///     if message.content == "!ping" {
    ///         message
    ///             .bot()
    ///             .http()
    ///             .create_message(message.channel_id, &"pong".into())
    ///             .await?;
    ///     }
    ///     Ok::<(), bot_core::Error>(())
    /// });
    /// bot.remove_listener(id);
    /// # }
    /// ```
    pub fn add_listener<E, F, Fut>(&self, listener: F) -> ListenerId
    where
        E: EventType,
        F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ListenerOutput,
    {
        self.add_listener_with(ListenerOptions::new(), listener)
    }

    /// [`add_listener`](Self::add_listener) with options: `once`, `concurrent`, its own
    /// [`Budget`], a name for the logs and lag reports.
    pub fn add_listener_with<E, F, Fut>(&self, options: ListenerOptions, listener: F) -> ListenerId
    where
        E: EventType,
        F: Fn(Received<E>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: ListenerOutput,
    {
        self.services
            .events
            .add_listener(new_listener::<E, F, Fut>(options, listener))
    }

    /// Removes a listener added with [`add_listener`](Self::add_listener); `false` when it was
    /// not there (already removed, or a `once` listener that ran). Events already queued for it
    /// are still handled.
    pub fn remove_listener(&self, id: ListenerId) -> bool {
        self.services.events.remove_slots(&[id.0])
    }

    /// Waits for the next event of type `E` that passes `check`, for at most `timeout` (`None`:
    /// no limit), as Pycord's `wait_for`. The waiter is registered when this is called, not
    /// when the future is first polled: an event that arrives in between is not missed.
    ///
    /// ```no_run
    /// # async fn demo(bot: bot_core::Context) -> Result<(), bot_core::event::WaitError> {
    /// use bot_core::event::MessageCreate;
    /// use std::time::Duration;
    /// let reply = bot
    ///     .wait_for::<MessageCreate>(|m| m.content == "yes", Duration::from_secs(30))
    ///     .await?;
    /// println!("{} said yes", reply.author.username);
    /// # Ok(()) }
    /// ```
    pub fn wait_for<E: EventType>(
        &self,
        check: impl Fn(&E) -> bool + Send + Sync + 'static,
        timeout: impl Into<Option<Duration>>,
    ) -> impl Future<Output = Result<Received<E>, WaitError>> + Send + 'static {
        let timeout = timeout.into();
        let (queue, guard) = self.subscribe::<E>("wait_for", check, Some(1));
        let ctx = self.clone();
        async move {
            let _guard = guard;
            let next = match timeout {
                None => queue.next().await,
                Some(after) => tokio::time::timeout(after, queue.next())
                    .await
                    .map_err(|_| WaitError::Timeout(after))?,
            };
            next.and_then(|(event, shard)| Received::new(event, ctx.on_shard(shard)))
                .ok_or(WaitError::Closed)
        }
    }

    /// The events of type `E` that pass `check`, as a stream, as shinkei's `stream`: it ends
    /// after `limit` events (`None`: no limit), or with one `Err(WaitError::Timeout)` when no
    /// event came within `timeout` of the previous one (or of the start), or with
    /// `Err(WaitError::Closed)` when the bot closes. It is registered when this is called, and
    /// keeps every event from then on within the bot's [`Budget`] (a stream not polled for
    /// long lags: it loses its oldest events, reported to `on_error`; the shard goes on).
    ///
    /// ```no_run
    /// # async fn demo(bot: bot_core::Context) {
    /// use bot_core::event::MessageCreate;
    /// use futures_util::StreamExt;
    /// use std::time::Duration;
    /// let mut votes = bot.stream::<MessageCreate>(|m| m.content.starts_with("vote "), Duration::from_secs(60), 10);
    /// while let Some(Ok(vote)) = votes.next().await {
    ///     println!("{}", vote.content);
    /// }
    /// # }
    /// ```
    pub fn stream<E: EventType>(
        &self,
        check: impl Fn(&E) -> bool + Send + Sync + 'static,
        timeout: impl Into<Option<Duration>>,
        limit: impl Into<Option<usize>>,
    ) -> impl Stream<Item = Result<Received<E>, WaitError>> + Send + Unpin + 'static {
        let timeout = timeout.into();
        let limit = limit.into();
        let (queue, guard) = self.subscribe::<E>("stream", check, limit);
        let state = StreamState {
            queue,
            guard: Some(guard),
            left: limit,
            ctx: self.clone(),
        };
        Box::pin(futures_util::stream::unfold(
            state,
            move |mut state| async move {
                if state.guard.is_none() || state.left == Some(0) {
                    return None;
                }
                let next = match timeout {
                    None => state.queue.next().await.ok_or(WaitError::Closed),
                    Some(after) => match tokio::time::timeout(after, state.queue.next()).await {
                        Ok(next) => next.ok_or(WaitError::Closed),
                        Err(_) => Err(WaitError::Timeout(after)),
                    },
                };
                let item = next.and_then(|(event, shard)| {
                    Received::new(event, state.ctx.on_shard(shard)).ok_or(WaitError::Closed)
                });
                match &item {
                    Ok(_) => state.left = state.left.map(|left| left - 1),
                    Err(_) => state.guard = None,
                }
                Some((item, state))
            },
        ))
    }

    fn subscribe<E: EventType>(
        &self,
        name: &str,
        check: impl Fn(&E) -> bool + Send + Sync + 'static,
        limit: Option<usize>,
    ) -> (Receiver, SlotGuard) {
        let filter = move |event: &Event| E::extract(event).is_some_and(&check);
        self.services.events.subscribe(
            name,
            E::KIND.map(|kind| vec![kind]),
            Phase::Waiter,
            Some(Box::new(filter)),
            limit,
            None,
        )
    }

    /// Every event from now on, after the listeners and waiters got it, within the bot's
    /// [`Budget`] ([`BotBuilder::event_budget`](crate::BotBuilder::event_budget)): a stream
    /// held but not polled lags — it loses its oldest events, counted and reported to
    /// `on_error` — and never holds its shard back. Dropping it unsubscribes. It ends when the
    /// bot closes.
    pub fn events(&self) -> impl Stream<Item = Event> + Send + Unpin + 'static {
        self.events_within(None)
    }

    /// [`events`](Self::events) with its own [`Budget`] (say [`Budget::LOSSLESS`] for a
    /// consumer that must see everything, up to its memory cap).
    pub fn events_with_budget(
        &self,
        budget: Budget,
    ) -> impl Stream<Item = Event> + Send + Unpin + 'static {
        self.events_within(Some(budget))
    }

    fn events_within(
        &self,
        budget: Option<Budget>,
    ) -> impl Stream<Item = Event> + Send + Unpin + 'static {
        let (queue, guard) =
            self.services
                .events
                .subscribe("events()", None, Phase::Events, None, None, budget);
        Box::pin(futures_util::stream::unfold(
            (queue, guard),
            |(queue, guard)| async move {
                let (event, _) = queue.next().await?;
                Some((Arc::unwrap_or_clone(event), (queue, guard)))
            },
        ))
    }

    /// Whether the bot is ready: every shard received READY and then every guild it listed (or
    /// waited [`guild_ready_timeout`](crate::BotBuilder::guild_ready_timeout) for the next).
    pub fn is_ready(&self) -> bool {
        self.services.events.is_ready()
    }

    /// Waits until [`is_ready`](Self::is_ready); `Err(WaitError::Closed)` if the bot closes
    /// first.
    pub async fn wait_until_ready(&self) -> Result<(), WaitError> {
        let mut ready = self.services.events.ready_watch();
        let mut shutdown = self.services.shutdown.subscribe();
        tokio::select! {
            biased;
            outcome = ready.wait_for(|ready| *ready) => outcome.map(|_| ()).map_err(|_| WaitError::Closed),
            _ = shutdown.wait_for(|closed| *closed) => Err(WaitError::Closed),
        }
    }

    /// The dispatcher's counters: events, events lost by consumers that lagged, lag reports,
    /// listener failures.
    pub fn dispatch_stats(&self) -> DispatchStats {
        self.services.events.stats()
    }

    /// How many listeners, waiters and streams take events now.
    pub fn event_consumers(&self) -> usize {
        self.services.events.consumers()
    }
}

/// A [`Context::stream`] between items.
struct StreamState {
    queue: Receiver,
    /// Dropped (unsubscribing) when the stream ends early.
    guard: Option<SlotGuard>,
    left: Option<usize>,
    ctx: Context,
}
