//! [`Subscription`]: one receiver of the client's events, with typed lag reports.

use super::bus::{Cursor, Gap};
use super::{Shared, Stop};
use crate::Error;
use crate::events::Event;
use std::sync::Arc;
use tokio::sync::watch;

/// A receiver of every event the client emits from its creation on
/// ([`Client::subscribe`](crate::Client::subscribe)). It keeps up as long as it is never more
/// than [`event_capacity`](crate::ClientBuilder::event_capacity) events behind; past that,
/// the oldest events are gone for it and the next [`recv`](Self::recv) says so with
/// [`Error::Lagged`] (how many, and which), then goes on with the events still held — events
/// are never dropped silently.
///
/// It does not keep the client alive: once every [`Client`](crate::Client) handle is dropped
/// (or the client stops), it yields what was emitted before, then the stop's error.
pub struct Subscription {
    cursor: Cursor,
    shared: Arc<Shared>,
    stop: watch::Receiver<Option<Stop>>,
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("position", &self.cursor.position())
            .finish_non_exhaustive()
    }
}

impl Subscription {
    pub(crate) fn new(shared: Arc<Shared>) -> Subscription {
        Subscription {
            cursor: shared.bus.subscribe(),
            stop: shared.stop.subscribe(),
            shared,
        }
    }

    /// The number of the last event received or reported missed (events are numbered from 1 in
    /// the order the client emitted them; see [`crate::Lag`]).
    pub fn position(&self) -> u64 {
        self.cursor.position()
    }

    /// The next event; [`Error::Lagged`] once per episode of falling behind (the following
    /// calls go on with the events still held); after the client stopped, the events emitted
    /// before, then [`Error::Closed`] or [`Error::Stopped`]. Cancel-safe.
    pub async fn recv(&mut self) -> Result<Event, Error> {
        let received = tokio::select! {
            biased;
            received = self.cursor.recv() => Some(received),
            _ = self.stop.wait_for(Option::is_some) => self.cursor.try_recv(),
        };
        match received {
            Some(Ok(event)) => Ok(event),
            Some(Err(Gap::Lagged(lag))) => Err(Error::Lagged(lag)),
            Some(Err(Gap::Closed)) | None => Err(self.shared.stop_error()),
        }
    }
}
