//! The client's events, numbered and broadcast to every receiver; a receiver that falls behind
//! the channel's capacity learns exactly which events it missed.

use crate::events::Event;
use crate::lag::Lag;
use std::sync::{Mutex, MutexGuard};
use tokio::sync::broadcast::{self, error::RecvError, error::TryRecvError};

/// The sending side: numbers each event and broadcasts it.
#[derive(Debug)]
pub(crate) struct Bus {
    sender: broadcast::Sender<(u64, Event)>,
    /// The number of the last event emitted; held while sending, so numbers follow the
    /// channel's order.
    emitted: Mutex<u64>,
}

/// Why a [`Cursor`] got no event.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// It fell behind: these events are gone for it.
    Lagged(Lag),
    /// The bus is gone.
    Closed,
}

/// One receiver, with the number of the last event it saw.
#[derive(Debug)]
pub(crate) struct Cursor {
    receiver: broadcast::Receiver<(u64, Event)>,
    position: u64,
}

impl Bus {
    /// A bus whose receivers may fall `capacity` events behind before they miss some.
    pub(crate) fn new(capacity: usize) -> Bus {
        Bus {
            sender: broadcast::channel(capacity.max(1)).0,
            emitted: Mutex::new(0),
        }
    }

    fn emitted(&self) -> MutexGuard<'_, u64> {
        self.emitted
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Numbers and broadcasts an event; with no receiver it is simply not kept.
    pub(crate) fn emit(&self, event: Event) {
        let mut emitted = self.emitted();
        *emitted += 1;
        let _ = self.sender.send((*emitted, event));
    }

    /// A receiver of every event from now on.
    pub(crate) fn subscribe(&self) -> Cursor {
        let emitted = self.emitted();
        Cursor {
            receiver: self.sender.subscribe(),
            position: *emitted,
        }
    }
}

impl Cursor {
    /// The number of the last event received or reported missed (0 before any).
    pub(crate) fn position(&self) -> u64 {
        self.position
    }

    fn lagged(&mut self, missed: u64) -> Gap {
        let lag = Lag::after(self.position, missed);
        self.position = lag.last;
        Gap::Lagged(lag)
    }

    /// The next event, or the gap before it.
    pub(crate) async fn recv(&mut self) -> Result<Event, Gap> {
        match self.receiver.recv().await {
            Ok((number, event)) => {
                self.position = number;
                Ok(event)
            }
            Err(RecvError::Lagged(missed)) => Err(self.lagged(missed)),
            Err(RecvError::Closed) => Err(Gap::Closed),
        }
    }

    /// The next event if one is waiting; `None` when none is.
    pub(crate) fn try_recv(&mut self) -> Option<Result<Event, Gap>> {
        match self.receiver.try_recv() {
            Ok((number, event)) => {
                self.position = number;
                Some(Ok(event))
            }
            Err(TryRecvError::Lagged(missed)) => Some(Err(self.lagged(missed))),
            Err(TryRecvError::Closed) => Some(Err(Gap::Closed)),
            Err(TryRecvError::Empty) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Disconnect;

    fn event(n: u16) -> Event {
        Event::Disconnect(Disconnect::ServerClosed(Some(n)))
    }

    #[tokio::test]
    async fn a_receiver_that_keeps_up_gets_every_event_numbered() {
        let bus = Bus::new(4);
        bus.emit(event(0)); // before the subscription: not seen
        let mut cursor = bus.subscribe();
        assert_eq!(cursor.position(), 1);
        for n in 1..=10 {
            bus.emit(event(n));
            assert_eq!(cursor.recv().await, Ok(event(n)));
            assert_eq!(cursor.position(), u64::from(n) + 1);
        }
        assert_eq!(cursor.try_recv(), None);
    }

    #[tokio::test]
    async fn a_receiver_that_falls_behind_is_told_the_count_and_the_range() {
        let bus = Bus::new(4);
        let mut slow = bus.subscribe();
        for n in 1..=10 {
            bus.emit(event(n));
        }
        let lag = Lag {
            missed: 6,
            first: 1,
            last: 6,
        };
        assert_eq!(slow.recv().await, Err(Gap::Lagged(lag)));
        assert_eq!(slow.position(), 6);
        for n in 7..=10 {
            assert_eq!(
                slow.recv().await,
                Ok(event(n)),
                "the retained events follow"
            );
        }
        // A second episode starts where the first left off.
        for n in 11..=20 {
            bus.emit(event(n));
        }
        let again = Lag {
            missed: 6,
            first: 11,
            last: 16,
        };
        assert_eq!(slow.try_recv(), Some(Err(Gap::Lagged(again))));
        assert_eq!(slow.try_recv(), Some(Ok(event(17))));
    }

    #[tokio::test]
    async fn a_dropped_bus_closes_its_receivers() {
        let bus = Bus::new(2);
        let mut cursor = bus.subscribe();
        bus.emit(event(1));
        drop(bus);
        assert_eq!(cursor.recv().await, Ok(event(1)));
        assert_eq!(cursor.recv().await, Err(Gap::Closed));
    }
}
