//! The gateway's payloads by opcode (GE "Send Events" and "Receive Events"): what a shard sends
//! and receives around the dispatches. A dispatch's data is decoded by [`crate::event::Event`].

use crate::model::Token;
use crate::model::enums::int_enum;
use crate::model::{GuildMarker, Id, Intents, UpdatePresence, UserMarker};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

int_enum! {
    /// A gateway opcode (OP L11-29).
    pub enum OpCode: u8 {
        /// A dispatch (receive).
        Dispatch = 0,
        /// A heartbeat (both ways).
        Heartbeat = 1,
        /// Start a session (send).
        Identify = 2,
        /// Update the bot's presence (send).
        PresenceUpdate = 3,
        /// Join, move or leave voice (send).
        VoiceStateUpdate = 4,
        /// Resume a session (send).
        Resume = 6,
        /// Reconnect and resume (receive).
        Reconnect = 7,
        /// Ask for guild members (send).
        RequestGuildMembers = 8,
        /// The session is invalid (receive).
        InvalidSession = 9,
        /// The heartbeat interval (receive, first).
        Hello = 10,
        /// A heartbeat was received (receive).
        HeartbeatAck = 11,
        /// Ask for channel info (send).
        RequestChannelInfo = 43,
        /// Ask for soundboard sounds (send).
        RequestSoundboardSounds = 31,
    }
}

/// HELLO's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hello {
    /// Milliseconds between heartbeats.
    pub heartbeat_interval: u64,
}

/// IDENTIFY's `properties`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConnectionProperties {
    /// The operating system.
    pub os: String,
    /// The library's name.
    pub browser: String,
    /// The library's name.
    pub device: String,
}

impl ConnectionProperties {
    /// This SDK on this operating system.
    pub fn of_this_sdk() -> Self {
        ConnectionProperties {
            os: std::env::consts::OS.to_owned(),
            browser: "bot-core".to_owned(),
            device: "bot-core".to_owned(),
        }
    }
}

/// IDENTIFY's data. `Debug` hides the token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Identify {
    /// The bot token.
    #[serde(with = "token_text")]
    pub token: Token,
    /// Who connects.
    pub properties: ConnectionProperties,
    /// Payload compression (not the transport's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compress: Option<bool>,
    /// Members of a guild above which only online ones are sent (50 to 250).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_threshold: Option<u8>,
    /// `[index, count]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<[u64; 2]>,
    /// The presence to start with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<UpdatePresence>,
    /// The intents.
    pub intents: Intents,
}

impl fmt::Debug for Identify {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Identify")
            .field("token", &self.token)
            .field("shard", &self.shard)
            .field("intents", &self.intents)
            .finish_non_exhaustive()
    }
}

/// RESUME's data. `Debug` hides the token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Resume {
    /// The bot token.
    #[serde(with = "token_text")]
    pub token: Token,
    /// The session to resume.
    pub session_id: String,
    /// The last sequence number received.
    pub seq: Option<u64>,
}

impl fmt::Debug for Resume {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resume")
            .field("token", &self.token)
            .field("session_id", &self.session_id)
            .field("seq", &self.seq)
            .finish()
    }
}

/// REQUEST_GUILD_MEMBERS's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestGuildMembers {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// Usernames starting with this (`""`: everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// At most this many (0: no limit, with `query: ""`).
    pub limit: u32,
    /// Their presences too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presences: Option<bool>,
    /// These users.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_ids: Vec<Id<UserMarker>>,
    /// Echoed in the chunks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

/// One gateway payload: its opcode and data (and, for dispatches, its sequence and name).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum GatewayPayload {
    /// A dispatch: sequence, name and data (decoded by [`crate::event::Event::from_dispatch`]).
    Dispatch {
        /// The sequence number.
        seq: Option<u64>,
        /// The event name.
        name: String,
        /// The data.
        data: Value,
    },
    /// A heartbeat with the last sequence number.
    Heartbeat(Option<u64>),
    /// IDENTIFY.
    Identify(Box<Identify>),
    /// A presence update.
    PresenceUpdate(UpdatePresence),
    /// RESUME.
    Resume(Resume),
    /// RECONNECT.
    Reconnect,
    /// REQUEST_GUILD_MEMBERS.
    RequestGuildMembers(RequestGuildMembers),
    /// INVALID_SESSION: whether the session can be resumed.
    InvalidSession(bool),
    /// HELLO.
    Hello(Hello),
    /// HEARTBEAT_ACK.
    HeartbeatAck,
    /// An opcode this version does not model, with its data.
    Other {
        /// The opcode.
        op: OpCode,
        /// The data.
        data: Value,
    },
}

/// The wire form `{op, d, s, t}`.
#[derive(Deserialize)]
struct Frame {
    op: OpCode,
    #[serde(default)]
    d: Value,
    #[serde(default)]
    s: Option<u64>,
    #[serde(default)]
    t: Option<String>,
}

impl GatewayPayload {
    /// Decodes a frame's JSON; an opcode whose data does not fit is an error.
    pub fn from_json(frame: Value) -> Result<Self, serde_json::Error> {
        let frame = Frame::deserialize(frame)?;
        let data = frame.d;
        Ok(match frame.op {
            OpCode::Dispatch => GatewayPayload::Dispatch {
                seq: frame.s,
                name: frame.t.unwrap_or_default(),
                data,
            },
            OpCode::Heartbeat => GatewayPayload::Heartbeat(Option::deserialize(data)?),
            OpCode::Identify => GatewayPayload::Identify(Box::new(Identify::deserialize(data)?)),
            OpCode::PresenceUpdate => {
                GatewayPayload::PresenceUpdate(UpdatePresence::deserialize(data)?)
            }
            OpCode::Resume => GatewayPayload::Resume(Resume::deserialize(data)?),
            OpCode::Reconnect => GatewayPayload::Reconnect,
            OpCode::RequestGuildMembers => {
                GatewayPayload::RequestGuildMembers(RequestGuildMembers::deserialize(data)?)
            }
            OpCode::InvalidSession => {
                GatewayPayload::InvalidSession(Option::<bool>::deserialize(data)?.unwrap_or(false))
            }
            OpCode::Hello => GatewayPayload::Hello(Hello::deserialize(data)?),
            OpCode::HeartbeatAck => GatewayPayload::HeartbeatAck,
            op => GatewayPayload::Other { op, data },
        })
    }

    /// The frame to send, `{"op": .., "d": ..}` (`None` for payloads a client only receives).
    pub fn to_json(&self) -> Option<Value> {
        let (op, data) = match self {
            GatewayPayload::Heartbeat(seq) => (OpCode::Heartbeat, serde_json::to_value(seq)),
            GatewayPayload::Identify(identify) => {
                (OpCode::Identify, serde_json::to_value(identify))
            }
            GatewayPayload::PresenceUpdate(presence) => {
                (OpCode::PresenceUpdate, serde_json::to_value(presence))
            }
            GatewayPayload::Resume(resume) => (OpCode::Resume, serde_json::to_value(resume)),
            GatewayPayload::RequestGuildMembers(request) => {
                (OpCode::RequestGuildMembers, serde_json::to_value(request))
            }
            _ => return None,
        };
        data.ok()
            .map(|d| serde_json::json!({"op": op.value(), "d": d}))
    }
}

/// The token as plain text on the wire (and only there).
mod token_text {
    use crate::model::Token;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        token: &Token,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(token.expose())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Token, D::Error> {
        String::deserialize(deserializer).map(Token::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_fixture;

    #[test]
    fn every_documented_frame_decodes_and_sent_ones_encode_back() {
        let frames = test_fixture("gateway_frames.json", "");
        let mut decoded = 0;
        for (name, entry) in frames.as_object().unwrap() {
            if name.starts_with("get_gateway") {
                continue;
            }
            let frame = entry["payload"].clone();
            let payload =
                GatewayPayload::from_json(frame.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!matches!(payload, GatewayPayload::Other { .. }), "{name}");
            if let Some(sent) = payload.to_json() {
                let again = GatewayPayload::from_json(sent).unwrap();
                assert_eq!(again, payload, "{name} round-trips");
            }
            decoded += 1;
        }
        assert_eq!(decoded, 10);
        let identify = GatewayPayload::from_json(test_fixture(
            "gateway_frames.json",
            "/identify_full/payload",
        ))
        .unwrap();
        assert!(!format!("{identify:?}").contains("my_token"));
    }

    #[test]
    fn the_gateway_discovery_answers_decode() {
        let gateway: crate::model::Gateway = serde_json::from_value(test_fixture(
            "gateway_frames.json",
            "/get_gateway_response/payload",
        ))
        .unwrap();
        assert_eq!(gateway.url, "wss://gateway.discord.gg/");
        let bot: crate::model::GatewayBot = serde_json::from_value(test_fixture(
            "gateway_frames.json",
            "/get_gateway_bot_response/payload",
        ))
        .unwrap();
        assert_eq!(bot.shards, 9);
    }
}
