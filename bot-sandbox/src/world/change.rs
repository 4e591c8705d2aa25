//! The one way the world changes: a change runs on the world under its lock and returns the
//! gateway events Discord emits for it; [`Shared::change`] then sends each event to the sessions
//! whose intents ask for it and whose bot may see the channel (VIEW_CHANNEL). REST handlers and
//! the test handle's scripted changes both go through it, so a change made either way reaches
//! the bot the same way.

use super::World;
use crate::Shared;
use serde_json::Value;

/// Discord's refusal of a change: the status, JSON code and message of its error body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) status: u16,
    pub(crate) code: u32,
    pub(crate) message: String,
}

impl Refusal {
    /// 404 with a 10xxx code: `Unknown {what}`.
    pub(crate) fn unknown(code: u32, what: &str) -> Self {
        Refusal {
            status: 404,
            code,
            message: format!("Unknown {what}"),
        }
    }

    /// 403 / 50013 Missing Permissions.
    pub(crate) fn missing_permissions() -> Self {
        Refusal {
            status: 403,
            code: 50013,
            message: "Missing Permissions".to_owned(),
        }
    }

    /// 403 / 50001 Missing Access (the channel cannot be seen).
    pub(crate) fn missing_access() -> Self {
        Refusal {
            status: 403,
            code: 50001,
            message: "Missing Access".to_owned(),
        }
    }

    /// 400 with a code and message.
    pub(crate) fn bad_request(code: u32, message: &str) -> Self {
        Refusal {
            status: 400,
            code,
            message: message.to_owned(),
        }
    }
}

/// An event a change emits: its name, its data, and where it happens.
#[derive(Clone, Debug)]
pub(crate) struct Emitted {
    pub(crate) event: &'static str,
    pub(crate) data: Value,
    /// The guild (`None`: a DM or an event of no guild, on shard 0).
    pub(crate) guild: Option<u64>,
    /// The channel, when the bot must see it (VIEW_CHANNEL) to receive the event.
    pub(crate) channel: Option<u64>,
}

/// The result of a change and the events it emits, in order.
#[derive(Debug)]
pub(crate) struct Changed<T> {
    pub(crate) value: T,
    pub(crate) events: Vec<Emitted>,
}

impl<T> Changed<T> {
    /// A result with no event.
    pub(crate) fn quiet(value: T) -> Self {
        Changed {
            value,
            events: Vec::new(),
        }
    }

    /// Appends the events of `next`, a change made after this one.
    pub(crate) fn then<U>(mut self, next: Changed<U>) -> Self {
        self.events.extend(next.events);
        self
    }

    /// The same events with another result.
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Changed<U> {
        Changed {
            value: f(self.value),
            events: self.events,
        }
    }

    /// Adds an event in `channel` (of `guild`).
    pub(crate) fn emit(
        mut self,
        event: &'static str,
        guild: Option<u64>,
        channel: Option<u64>,
        data: Value,
    ) -> Self {
        self.events.push(Emitted {
            event,
            data,
            guild,
            channel,
        });
        self
    }
}

impl Shared {
    /// Runs `change` on the world, then sends the events it emitted (filtered by intents in the
    /// gateway, and by the bot's VIEW_CHANNEL here).
    pub(crate) fn change<T>(
        &self,
        change: impl FnOnce(&mut World) -> Result<Changed<T>, Refusal>,
    ) -> Result<T, Refusal> {
        let (value, events) = {
            let mut world = self.world();
            let Changed { value, mut events } = change(&mut world)?;
            // A change made over REST is a moderator's: the audit log records it.
            if let Ok((route, reason)) = super::audit::REST_REQUEST.try_with(Clone::clone) {
                let entries = world.audit(&events, &route, reason.as_deref());
                events.extend(entries);
            }
            let bot = world.bot_id;
            let seen: Vec<Emitted> = events
                .into_iter()
                .filter(|e| {
                    e.channel
                        .is_none_or(|c| world.can(bot, c, super::channels::VIEW_CHANNEL))
                })
                .collect();
            (value, seen)
        };
        for event in events {
            self.gateway
                .dispatch_to_guild(self, event.guild, event.event, event.data);
        }
        Ok(value)
    }
}
