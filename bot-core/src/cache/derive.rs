//! The events a dispatch derives: collected while the cache applies it, built only for the
//! kinds some consumer takes (an unused kind costs a lookup, not an allocation).

use crate::event::{Event, EventKind};

/// See the module's documentation.
pub(super) struct Derived<'a> {
    wants: &'a dyn Fn(EventKind) -> bool,
    events: Vec<Event>,
}

impl<'a> Derived<'a> {
    /// Collects the kinds `wants` says.
    pub(super) fn new(wants: &'a dyn Fn(EventKind) -> bool) -> Self {
        Derived {
            wants,
            events: Vec::new(),
        }
    }

    /// Whether some consumer takes `kind`.
    pub(super) fn wants(&self, kind: EventKind) -> bool {
        (self.wants)(kind)
    }

    /// Adds the event `make` builds, if `kind` is wanted.
    pub(super) fn emit(&mut self, kind: EventKind, make: impl FnOnce() -> Event) {
        if self.wants(kind) {
            let event = make();
            debug_assert_eq!(event.kind(), Some(kind));
            self.events.push(event);
        }
    }

    /// The events, in the order they were derived.
    pub(super) fn into_events(self) -> Vec<Event> {
        self.events
    }
}
