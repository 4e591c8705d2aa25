//! Gateway dispatch events as types. An event the SDK does not model, or one that does not
//! parse, arrives as [`Event::Unknown`]: it never stops the shard.

use crate::model::{ApplicationMarker, GuildMarker, Id, Interaction, Message, User};
use serde::Deserialize;
use serde_json::Value;

/// The READY event: the session and what the bot is.
#[derive(Clone, Debug, PartialEq)]
pub struct Ready {
    /// The shard `[index, count]`.
    pub shard: [u64; 2],
    /// The bot user.
    pub user: User,
    /// The application's id (from READY, never the user's id).
    pub application_id: Option<Id<ApplicationMarker>>,
    /// The guilds the shard will receive GUILD_CREATE for.
    pub guilds: Vec<Id<GuildMarker>>,
}

/// A guild the bot is in (GUILD_CREATE), with the fields the SDK models; `raw` has the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct GuildCreate {
    /// The guild's id.
    pub id: Id<GuildMarker>,
    /// The guild's name.
    pub name: String,
    /// The whole payload.
    pub raw: Value,
}

/// A gateway event.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// A new session began.
    Ready(Box<Ready>),
    /// A session resumed after a reconnect; missed events were replayed before it.
    Resumed {
        /// The shard.
        shard: u64,
    },
    /// The session ended (INVALID_SESSION `false`, close 4007 or 4009): a new one follows with a
    /// new READY, and events between the two were lost.
    SessionInvalidated {
        /// The shard.
        shard: u64,
    },
    /// A guild became available.
    GuildCreate(Box<GuildCreate>),
    /// A message was sent.
    MessageCreate(Box<Message>),
    /// An interaction arrived.
    InteractionCreate(Box<Interaction>),
    /// A dispatch the SDK does not model (or could not read), kept as JSON.
    Unknown {
        /// The event name.
        name: String,
        /// Its data.
        data: Value,
    },
}

#[derive(Deserialize)]
struct ReadyWire {
    user: User,
    #[serde(default)]
    shard: Option<[u64; 2]>,
    #[serde(default)]
    application: Option<ApplicationWire>,
    #[serde(default)]
    guilds: Vec<GuildIdWire>,
}

#[derive(Deserialize)]
struct ApplicationWire {
    id: Id<ApplicationMarker>,
}

#[derive(Deserialize)]
struct GuildIdWire {
    id: Id<GuildMarker>,
}

impl Event {
    /// The event of a dispatch; never fails: what does not parse becomes [`Event::Unknown`].
    pub fn from_dispatch(name: &str, mut data: Value) -> Event {
        let parsed = match name {
            "READY" => ReadyWire::deserialize(&data).ok().map(|ready| {
                Event::Ready(Box::new(Ready {
                    shard: ready.shard.unwrap_or([0, 1]),
                    user: ready.user,
                    application_id: ready.application.map(|a| a.id),
                    guilds: ready.guilds.into_iter().map(|g| g.id).collect(),
                }))
            }),
            "GUILD_CREATE" => {
                let id = data.get("id").and_then(|v| Id::deserialize(v).ok());
                let name = data.get("name").and_then(Value::as_str).map(str::to_owned);
                id.map(|id| {
                    Event::GuildCreate(Box::new(GuildCreate {
                        id,
                        name: name.unwrap_or_default(),
                        raw: data.clone(),
                    }))
                })
            }
            "MESSAGE_CREATE" => Message::deserialize(&data)
                .ok()
                .map(|m| Event::MessageCreate(Box::new(m))),
            "INTERACTION_CREATE" => match Interaction::deserialize(&data) {
                Ok(interaction) => Some(Event::InteractionCreate(Box::new(interaction))),
                Err(error) => {
                    unreadable_interaction(&error, &mut data);
                    None
                }
            },
            _ => None,
        };
        parsed.unwrap_or_else(|| Event::Unknown {
            name: name.to_owned(),
            data,
        })
    }
}

/// Logs an INTERACTION_CREATE the SDK cannot read, and takes its token out of the data that goes
/// on as [`Event::Unknown`]: neither the log nor the event shows it.
fn unreadable_interaction(error: &serde_json::Error, data: &mut Value) {
    let token = data
        .get("token")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let mut why = error.to_string();
    if let Some(token) = &token {
        why = why.replace(token.as_str(), "[redacted]");
    }
    if let Some(map) = data.as_object_mut()
        && map.contains_key("token")
    {
        map.insert("token".to_owned(), Value::from("[redacted]"));
    }
    let id = data.get("id").and_then(Value::as_str).unwrap_or("?");
    let kind = data.get("type").map(Value::to_string).unwrap_or_default();
    tracing::warn!(
        id,
        kind,
        "an INTERACTION_CREATE the SDK cannot read ({why}); not answered"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_and_malformed_events_stay_raw() {
        let event = Event::from_dispatch("SOMETHING_NEW", json!({"x": 1}));
        assert!(matches!(event, Event::Unknown { ref name, .. } if name == "SOMETHING_NEW"));
        let broken = Event::from_dispatch("MESSAGE_CREATE", json!({"id": "not a number"}));
        assert!(matches!(broken, Event::Unknown { .. }));
    }

    #[test]
    fn ready_reads_the_application_id() {
        let event = Event::from_dispatch(
            "READY",
            json!({"v": 10, "user": {"id": "1", "username": "bot"}, "session_id": "s",
                   "shard": [0, 1], "application": {"id": "2", "flags": 0},
                   "guilds": [{"id": "3", "unavailable": true}], "new_field": true}),
        );
        let Event::Ready(ready) = event else {
            panic!("READY parses")
        };
        assert_eq!(ready.application_id, Some(Id::new(2)));
        assert_eq!(ready.guilds, [Id::new(3)]);
    }

    #[test]
    fn an_unreadable_interaction_keeps_no_token() {
        let event = Event::from_dispatch(
            "INTERACTION_CREATE",
            json!({"id": "5", "type": "not a number", "token": "aW50ZXJhY3Rpb24.secret"}),
        );
        let Event::Unknown { name, data } = &event else {
            panic!("an unreadable interaction stays raw")
        };
        assert_eq!(name, "INTERACTION_CREATE");
        assert_eq!(data["id"], "5");
        assert!(!format!("{event:?}").contains("aW50ZXJhY3Rpb24.secret"));
    }
}
