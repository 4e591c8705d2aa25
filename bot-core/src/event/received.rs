//! [`Received`]: an event handed to a run-time listener, a waiter or a stream, shared (not
//! copied) between everyone who gets it.

use super::{Event, EventType};
use crate::context::Context;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::Arc;

/// An event of type `E` as delivered: it derefs to `E`, and [`bot`](Self::bot) reaches the bot
/// that received it (its [`Context`], on the shard that delivered it). Cloning it is cheap (the event is shared by every listener).
///
/// ```no_run
/// # async fn demo(bot: bot_core::Context) {
/// use bot_core::event::{MessageCreate, Received};
/// bot.add_listener(|message: Received<MessageCreate>| async move {
///     println!("{} in {}", message.content, message.channel_id);
/// });
/// # }
/// ```
pub struct Received<E: EventType> {
    event: Arc<Event>,
    ctx: Context,
    payload: PhantomData<fn() -> E>,
}

impl<E: EventType> Received<E> {
    /// `event` as an `E`, if it is of that kind.
    pub(crate) fn new(event: Arc<Event>, ctx: Context) -> Option<Self> {
        E::extract(&event)?;
        Some(Received {
            event,
            ctx,
            payload: PhantomData,
        })
    }

    /// The bot that received the event, on the shard that delivered it.
    pub fn bot(&self) -> &Context {
        &self.ctx
    }

    /// The whole event.
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The payload (as `*received`).
    pub fn get(&self) -> &E {
        match E::extract(&self.event) {
            Some(payload) => payload,
            // `new` checked the kind, and the event cannot change behind the `Arc`.
            None => unreachable!("a Received<E> holds an event of kind E"),
        }
    }
}

impl<E: EventType + Clone> Received<E> {
    /// A copy of the payload, owned.
    pub fn to_owned_payload(&self) -> E {
        self.get().clone()
    }
}

impl<E: EventType> Deref for Received<E> {
    type Target = E;

    fn deref(&self) -> &E {
        self.get()
    }
}

impl<E: EventType> Clone for Received<E> {
    fn clone(&self) -> Self {
        Received {
            event: self.event.clone(),
            ctx: self.ctx.clone(),
            payload: PhantomData,
        }
    }
}

impl<E: EventType + fmt::Debug> fmt::Debug for Received<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}
