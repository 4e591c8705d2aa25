//! The message ring: the last `max_messages` messages, the oldest evicted first, each found by
//! id in O(1).

use crate::event::Event;
use crate::model::{GuildMarker, Id, Message, MessageMarker, Reaction};
use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::ops::Deref;
use std::sync::{Arc, Mutex};

/// A cached message: the MESSAGE_CREATE (or MESSAGE_UPDATE) event every consumer got, shared
/// rather than copied, and its reactions as the reaction events since have changed them. It
/// derefs to the [`Message`] as Discord sent it; [`reactions`](Self::reactions) are the current
/// ones. Cloning it is two reference counts.
#[derive(Clone)]
pub struct CachedMessage {
    event: Arc<Event>,
    /// The reactions, once a reaction event changed them (else the message's own).
    reactions: Option<Arc<[Reaction]>>,
}

impl CachedMessage {
    /// The message `event` carries, if it is a MESSAGE_CREATE or MESSAGE_UPDATE.
    pub(super) fn of(event: Arc<Event>) -> Option<CachedMessage> {
        matches!(&*event, Event::MessageCreate(_) | Event::MessageUpdate(_)).then_some(
            CachedMessage {
                event,
                reactions: None,
            },
        )
    }

    /// The message, as Discord last sent it.
    pub fn message(&self) -> &Message {
        match &*self.event {
            Event::MessageCreate(created) => created,
            Event::MessageUpdate(updated) => updated,
            // `of` keeps only these two, and the event cannot change behind the `Arc`.
            _ => unreachable!("a CachedMessage holds a message event"),
        }
    }

    /// Its reactions now: the message's, changed by every reaction event since (Pycord's
    /// `Message.reactions`).
    pub fn reactions(&self) -> &[Reaction] {
        match &self.reactions {
            Some(reactions) => reactions,
            None => &self.message().reactions,
        }
    }

    /// The same message with `reactions`.
    pub(super) fn with_reactions(&self, reactions: Vec<Reaction>) -> CachedMessage {
        CachedMessage {
            event: self.event.clone(),
            reactions: Some(reactions.into()),
        }
    }
}

impl PartialEq for CachedMessage {
    fn eq(&self, other: &Self) -> bool {
        (Arc::ptr_eq(&self.event, &other.event) || self.message() == other.message())
            && self.reactions() == other.reactions()
    }
}

impl Deref for CachedMessage {
    type Target = Message;

    fn deref(&self) -> &Message {
        self.message()
    }
}

impl std::fmt::Debug for CachedMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.message(), f)
    }
}

/// See the module's documentation.
pub(super) struct Messages {
    by_id: super::Map<Id<MessageMarker>, CachedMessage>,
    /// Ids in arrival order.
    order: Mutex<VecDeque<Id<MessageMarker>>>,
    max: usize,
}

impl Messages {
    pub(super) fn new(max: Option<NonZeroUsize>) -> Self {
        Messages {
            by_id: super::Map::default(),
            order: Mutex::new(VecDeque::new()),
            max: max.map_or(0, NonZeroUsize::get),
        }
    }

    /// Keeps `message`, evicting the oldest past the bound; a message already kept is replaced
    /// in place (an edit) and answered.
    pub(super) fn put(&self, message: CachedMessage) -> Option<CachedMessage> {
        if self.max == 0 {
            return None;
        }
        let id = message.id;
        // Writers (one per shard) change both under the ring's lock; readers take no lock for
        // a lookup.
        let mut order = self.order.lock().unwrap_or_else(|p| p.into_inner());
        let previous = self.by_id.insert(id, message);
        if previous.is_none() {
            order.push_back(id);
            while order.len() > self.max {
                match order.pop_front() {
                    Some(oldest) => {
                        self.by_id.remove(&oldest);
                    }
                    None => break,
                }
            }
        }
        previous
    }

    pub(super) fn get(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        self.by_id.get(&id).map(|m| m.clone())
    }

    pub(super) fn remove(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        let mut order = self.order.lock().unwrap_or_else(|p| p.into_inner());
        let (_, message) = self.by_id.remove(&id)?;
        if let Some(at) = order.iter().rposition(|kept| *kept == id) {
            order.remove(at);
        }
        Some(message)
    }

    /// Removes every message of `guild`.
    pub(super) fn remove_guild(&self, guild: Id<GuildMarker>) {
        let mut order = self.order.lock().unwrap_or_else(|p| p.into_inner());
        self.by_id
            .retain(|_, message| message.guild_id != Some(guild));
        order.retain(|id| self.by_id.contains_key(id));
    }

    /// The kept messages, oldest first.
    pub(super) fn all(&self) -> Vec<CachedMessage> {
        let order = self.order.lock().unwrap_or_else(|p| p.into_inner());
        order.iter().filter_map(|id| self.get(*id)).collect()
    }

    pub(super) fn len(&self) -> usize {
        self.by_id.len()
    }
}
