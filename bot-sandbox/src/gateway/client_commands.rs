//! What a client sends besides IDENTIFY, RESUME, heartbeats and member requests, as Discord
//! answers it: a presence update (op 3, recorded), a voice state update (op 4: the bot joins,
//! moves, mutes or leaves through the world, VOICE_STATE_UPDATE, and VOICE_SERVER_UPDATE when it
//! joins), Request Soundboard Sounds (op 31: a SOUNDBOARD_SOUNDS per guild of the shard); and
//! Discord's send limit on a connection (close 4008 past it).

use crate::Shared;
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// A command a client sent (op 3, 4 or 31), from
/// [`GatewayControl::commands_received`](super::GatewayControl::commands_received).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ClientCommand {
    /// When the sandbox read it.
    pub at: Instant,
    /// The shard of the session it came on.
    pub shard: u64,
    /// Its opcode.
    pub op: u64,
    /// Its `d`.
    pub data: Value,
}

/// The payloads a connection sent in the last window (a sliding log: Discord's limit holds for
/// any window of that length).
#[derive(Debug)]
pub(super) struct SendCounter {
    limit: u32,
    window: Duration,
    received: VecDeque<Instant>,
}

impl SendCounter {
    pub(super) fn new(limit: u32, window: Duration) -> Self {
        SendCounter {
            limit,
            window,
            received: VecDeque::new(),
        }
    }

    /// A payload arrived at `at`; `false` when it is past the limit.
    pub(super) fn arrived(&mut self, at: Instant) -> bool {
        while self
            .received
            .front()
            .is_some_and(|oldest| *oldest + self.window <= at)
        {
            self.received.pop_front();
        }
        self.received.push_back(at);
        self.received.len() <= self.limit as usize
    }
}

/// A snowflake in JSON (a string or a number).
fn snowflake(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::String(text) => text.parse().ok(),
        Value::Number(number) => number.as_u64(),
        _ => None,
    }
}

/// Notes a command of `session_id` for the tests.
pub(super) fn record(shared: &Shared, session_id: &str, op: u64, data: &Value) {
    let mut inner = shared.gateway.lock();
    let Some(shard) = inner.sessions.get(session_id).map(|s| s.shard.0) else {
        return;
    };
    inner.commands.push(ClientCommand {
        at: Instant::now(),
        shard,
        op,
        data: data.clone(),
    });
}

/// Presence Update (op 3): `status` must be one Discord knows and `activities` a list; `Err`
/// for a payload Discord refuses (4001 "Invalid payload").
pub(super) fn presence(data: &Value) -> Result<(), ()> {
    let status_ok = matches!(
        data.get("status").and_then(Value::as_str),
        Some("online" | "dnd" | "idle" | "invisible" | "offline")
    );
    let activities_ok = data
        .get("activities")
        .is_none_or(|a| a.is_array() || a.is_null());
    if status_ok && activities_ok {
        Ok(())
    } else {
        Err(())
    }
}

/// Voice State Update (op 4) of the bot in a guild of the session's shard: join or move
/// (`channel_id`), mute and deafen itself, or leave (`channel_id: null`). A join answers with
/// VOICE_SERVER_UPDATE on the session after the VOICE_STATE_UPDATE. `Err` for a payload without a
/// guild (4001); a guild, channel or membership the world refuses is ignored, as Discord does.
pub(super) fn voice_state(shared: &Shared, session_id: &str, data: &Value) -> Result<(), ()> {
    let guild = snowflake(data.get("guild_id")).ok_or(())?;
    let channel = match data.get("channel_id") {
        None | Some(Value::Null) => None,
        given => Some(snowflake(given).ok_or(())?),
    };
    let mute = data
        .get("self_mute")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let deaf = data
        .get("self_deaf")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let bot = shared.world().bot_id;
    let Some(channel) = channel else {
        let _ = shared.change(|world| world.voice_leave(guild, bot));
        return Ok(());
    };
    if shared
        .change(|world| world.voice_join(guild, bot, channel))
        .is_err()
    {
        return Ok(());
    }
    let _ = shared.change(|world| world.voice_self(guild, bot, (mute, deaf, false)));
    let token = format!("{:016x}", rand::random::<u64>());
    let server = json!({
        "token": token,
        "guild_id": guild.to_string(),
        "endpoint": "voice.sandbox.invalid:443",
    });
    if let Some(session) = shared.gateway.lock().sessions.get_mut(session_id) {
        session.dispatch("VOICE_SERVER_UPDATE", &server);
    }
    Ok(())
}

/// Request Soundboard Sounds (op 31): a SOUNDBOARD_SOUNDS for each guild asked for that the bot
/// is in on this session's shard. `Err` for a payload without a list of guilds (4001).
pub(super) fn soundboard_sounds(shared: &Shared, session_id: &str, data: &Value) -> Result<(), ()> {
    let guilds: Vec<u64> = data
        .get("guild_ids")
        .and_then(Value::as_array)
        .ok_or(())?
        .iter()
        .map(|id| snowflake(Some(id)).ok_or(()))
        .collect::<Result<_, _>>()?;
    let known: Vec<u64> = {
        let world = shared.world();
        guilds
            .into_iter()
            .filter(|id| world.guilds.contains_key(id))
            .collect()
    };
    let mut inner = shared.gateway.lock();
    let Some(session) = inner.sessions.get_mut(session_id) else {
        return Ok(());
    };
    let (index, count) = session.shard;
    for guild in known.into_iter().filter(|id| (id >> 22) % count == index) {
        // The sandbox keeps no guild sounds: each guild's list is empty.
        let answer = json!({"guild_id": guild.to_string(), "soundboard_sounds": []});
        session.dispatch("SOUNDBOARD_SOUNDS", &answer);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_refuses_the_payload_past_the_limit_in_any_window() {
        let mut counter = SendCounter::new(3, Duration::from_millis(100));
        let start = Instant::now();
        for i in 0..3 {
            assert!(counter.arrived(start + Duration::from_millis(i * 10)));
        }
        assert!(!counter.arrived(start + Duration::from_millis(50)));
        let mut counter = SendCounter::new(3, Duration::from_millis(100));
        for i in 0..10 {
            assert!(
                counter.arrived(start + Duration::from_millis(i * 34)),
                "one every 34 ms stays under 3 per 100 ms"
            );
        }
    }

    #[test]
    fn a_presence_needs_a_known_status() {
        assert!(presence(&json!({"status": "dnd", "activities": [], "since": null})).is_ok());
        assert!(presence(&json!({"status": "busy", "activities": []})).is_err());
        assert!(presence(&json!({"status": "idle", "activities": 3})).is_err());
    }
}
