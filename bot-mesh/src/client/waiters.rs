//! `wait_for` and `stream`: futures and streams over the client's events.

use super::Client;
use crate::Error;
use crate::events::{Event, EventKind};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};

impl Client {
    /// A receiver of every event from now on (see [`Event`]).
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.shared.events.subscribe()
    }

    /// The next event of `kind` for which `check` is true; [`Error::Timeout`] after
    /// `timeout`; an error once the client has stopped. Works for events without data too
    /// (`Ready`, `Connect`, `Disconnect`).
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
    /// polled: create it before the action that triggers the event, await it after.
    pub fn wait_for<F>(
        &self,
        kind: EventKind,
        timeout: Option<Duration>,
        check: F,
    ) -> impl Future<Output = Result<Event, Error>> + Send + 'static
    where
        F: FnMut(&Event) -> bool + Send + 'static,
    {
        let mut receiver = self.subscribe();
        let client = self.clone();
        async move {
            client
                .next_matching(&mut receiver, kind, timeout, check)
                .await
        }
    }

    async fn next_matching<F>(
        &self,
        receiver: &mut broadcast::Receiver<Event>,
        kind: EventKind,
        timeout: Option<Duration>,
        mut check: F,
    ) -> Result<Event, Error>
    where
        F: FnMut(&Event) -> bool,
    {
        let mut stop = self.shared.stop.subscribe();
        let wait = async {
            loop {
                tokio::select! {
                    biased;
                    received = receiver.recv() => match received {
                        Ok(event) if event.kind() == kind && check(&event) => return Ok(event),
                        Ok(_) => continue,
                        Err(RecvError::Lagged(skipped)) => return Err(Error::Lagged(skipped)),
                        Err(RecvError::Closed) => return Err(self.shared.stop_error()),
                    },
                    _ = stop.wait_for(Option::is_some) => {
                        // Deliver what was sent before the stop first.
                        while let Ok(event) = receiver.try_recv() {
                            if event.kind() == kind && check(&event) {
                                return Ok(event);
                            }
                        }
                        return Err(self.shared.stop_error());
                    }
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

    /// Events of `kind`, each within `timeout`, at most `limit` of them. The stream ends with
    /// an error item when the client stops or a wait times out.
    pub fn stream(
        &self,
        kind: EventKind,
        timeout: Option<Duration>,
        limit: Option<usize>,
    ) -> BoxStream<'static, Result<Event, Error>> {
        let client = self.clone();
        let receiver = self.subscribe();
        let state = (client, receiver, 0usize, false);
        futures_util::stream::unfold(
            state,
            move |(client, mut receiver, count, done)| async move {
                if done || limit.is_some_and(|limit| count >= limit) {
                    return None;
                }
                let item = client
                    .next_matching(&mut receiver, kind, timeout, |_| true)
                    .await;
                let failed = item.is_err();
                Some((item, (client, receiver, count + 1, failed)))
            },
        )
        .boxed()
    }
}
