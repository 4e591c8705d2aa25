//! Which type a listener or a waiter asks for: [`EventType`], one type per kind of dispatch (and
//! [`Event`] for all of them).

use super::{Event, EventKind};
use serde::{Deserialize, Serialize};

/// A type a listener, [`wait_for`](crate::Bot::wait_for) or [`stream`](crate::Bot::stream) can
/// ask for: the payload type of one kind of dispatch ([`MessageCreate`](super::MessageCreate),
/// [`MessageDelete`](super::MessageDelete), [`Ready`](super::Ready), …), or [`Event`] itself for
/// every event.
///
/// Each kind of dispatch has a type of its own, so the type alone says which event is meant:
///
/// ```
/// use bot_core::event::{Event, EventKind, EventType, MessageCreate, MessageUpdate};
/// assert_eq!(MessageCreate::KIND, Some(EventKind::MessageCreate));
/// assert_eq!(MessageUpdate::KIND, Some(EventKind::MessageUpdate));
/// assert_eq!(Event::KIND, None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not the type of a gateway event",
    label = "not an event type",
    note = "listeners take the event's own type by reference: `&MessageCreate`, `&GuildMemberAdd`, \
            `&Ready`, … (see `bot_core::event`), or `&Event` for every event"
)]
pub trait EventType: Send + Sync + 'static {
    /// The kind of dispatch this type is the payload of; `None` for [`Event`] (every event).
    const KIND: Option<EventKind>;

    /// This type's payload inside `event`, if the event is of this kind.
    fn extract(event: &Event) -> Option<&Self>;
}

impl EventType for Event {
    const KIND: Option<EventKind> = None;

    fn extract(event: &Event) -> Option<&Self> {
        Some(event)
    }
}

/// RESUMED: a shard's session resumed after a reconnect; the events it missed were replayed
/// before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Resumed {
    /// The shard.
    pub shard: u64,
}

impl Resumed {
    /// Shard `shard` resumed.
    pub fn new(shard: u64) -> Self {
        Resumed { shard }
    }
}

impl EventType for Resumed {
    const KIND: Option<EventKind> = Some(EventKind::Resumed);

    fn extract(event: &Event) -> Option<&Self> {
        match event {
            Event::Resumed(resumed) => Some(resumed),
            _ => None,
        }
    }
}
