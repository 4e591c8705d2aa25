//! `wait_for` and `stream`: futures and streams over the client's events.

use super::Client;
use super::subscription::Subscription;
use crate::Error;
use crate::events::{Event, EventKind};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use std::time::Duration;

impl Client {
    /// A receiver of every event from now on (see [`Event`] and [`Subscription`]).
    pub fn subscribe(&self) -> Subscription {
        Subscription::new(self.shared.clone())
    }

    /// The next event of `kind` for which `check` is true; [`Error::Timeout`] after
    /// `timeout`; an error once the client has stopped. Works for events without data too
    /// (`Ready`, `Connect`, `Disconnect`). If the waiter fell more than
    /// [`event_capacity`](crate::ClientBuilder::event_capacity) events behind, the event it
    /// waits for may be among those it missed: it ends with [`Error::Lagged`] (which events)
    /// rather than wait for one that is gone.
    ///
    /// ```no_run
    /// # async fn demo(client: bot_mesh::Client) -> Result<(), bot_mesh::Error> {
    /// use bot_mesh::{Event, EventKind};
    /// use std::time::Duration;
    ///
    /// let reply = client
    ///     .wait_for(EventKind::Data, Some(Duration::from_secs(5)), |event| {
    ///         matches!(event, Event::Data(message) if message.nonce_str() == Some("n-1"))
    ///     })
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// The waiter is registered when `wait_for` is called, not when the future is first
    /// polled: create it before the action that triggers the event, await it after. It does
    /// not keep the client alive (see [`Client`]).
    pub fn wait_for<F>(
        &self,
        kind: EventKind,
        timeout: Option<Duration>,
        mut check: F,
    ) -> impl Future<Output = Result<Event, Error>> + Send + 'static
    where
        F: FnMut(&Event) -> bool + Send + 'static,
    {
        let mut events = self.subscribe();
        async move { next_matching(&mut events, kind, timeout, &mut check).await }
    }

    /// Events of `kind` that pass `check`, each within `timeout` of the previous one, at most
    /// `limit` of them, as shinkei's `stream`. A lag is an item of its own,
    /// `Err(Error::Lagged(..))` (how many events and which were missed), and the stream goes
    /// on; it ends after an error item when the client stops or a wait times out. It does not
    /// keep the client alive (see [`Client`]).
    ///
    /// ```no_run
    /// # async fn demo(client: bot_mesh::Client) {
    /// use bot_mesh::{Error, Event, EventKind};
    /// use futures_util::StreamExt;
    ///
    /// let mut votes = client.stream(EventKind::Data, None, Some(10), |event| {
    ///     matches!(event, Event::Data(message) if message.nonce_str() == Some("vote"))
    /// });
    /// while let Some(item) = votes.next().await {
    ///     match item {
    ///         Ok(vote) => println!("{vote:?}"),
    ///         Err(Error::Lagged(lag)) => eprintln!("votes lost: {lag}"),
    ///         Err(error) => eprintln!("stream ended: {error}"),
    ///     }
    /// }
    /// # }
    /// ```
    pub fn stream<F>(
        &self,
        kind: EventKind,
        timeout: Option<Duration>,
        limit: Option<usize>,
        check: F,
    ) -> BoxStream<'static, Result<Event, Error>>
    where
        F: FnMut(&Event) -> bool + Send + 'static,
    {
        let state = StreamState {
            events: self.subscribe(),
            check,
            taken: 0,
            ended: false,
        };
        futures_util::stream::unfold(state, move |mut state| async move {
            if state.ended || limit.is_some_and(|limit| state.taken >= limit) {
                return None;
            }
            let item = next_matching(&mut state.events, kind, timeout, &mut state.check).await;
            match &item {
                Ok(_) => state.taken += 1,
                Err(Error::Lagged(_)) => {}
                Err(_) => state.ended = true,
            }
            Some((item, state))
        })
        .boxed()
    }
}

struct StreamState<F> {
    events: Subscription,
    check: F,
    taken: usize,
    ended: bool,
}

/// The next event of `kind` that passes `check`, a lag report, or the error that ends it.
async fn next_matching<F>(
    events: &mut Subscription,
    kind: EventKind,
    timeout: Option<Duration>,
    check: &mut F,
) -> Result<Event, Error>
where
    F: FnMut(&Event) -> bool,
{
    let wait = async {
        loop {
            let event = events.recv().await?;
            if event.kind() == kind && check(&event) {
                return Ok(event);
            }
        }
    };
    match timeout {
        Some(limit) => tokio::time::timeout(limit, wait)
            .await
            .map_err(|_| Error::Timeout)?,
        None => wait.await,
    }
}
