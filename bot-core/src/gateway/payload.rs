//! The gateway's opcodes and the payloads around the dispatches (GE "Send Events" and "Receive
//! Events"): what a shard sends ([`GatewayPayload`]) and the data it reads from HELLO. A frame is
//! read once, by the shard; a dispatch's data is decoded by [`crate::event::Event`].

use crate::model::Token;
use crate::model::enums::int_enum;
use crate::model::{ChannelMarker, GuildMarker, Id, Intents, UpdatePresence, UserMarker};
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

/// VOICE_STATE_UPDATE's data (op 4): join, move within or leave a guild's voice channels.
///
/// ```
/// use bot_core::gateway::{GatewayPayload, UpdateVoiceState};
/// use bot_core::model::Id;
/// let join = UpdateVoiceState::join(Id::new(41771983423143937), Id::new(127121515262115840))
///     .self_deaf(true);
/// assert_eq!(
///     GatewayPayload::VoiceStateUpdate(join).to_json().unwrap(),
///     serde_json::json!({"op": 4, "d": {
///         "guild_id": "41771983423143937",
///         "channel_id": "127121515262115840",
///         "self_mute": false,
///         "self_deaf": true
///     }})
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateVoiceState {
    /// The guild.
    pub guild_id: Id<GuildMarker>,
    /// The voice channel to join or move to; `None` leaves voice.
    pub channel_id: Option<Id<ChannelMarker>>,
    /// Whether the bot mutes itself.
    pub self_mute: bool,
    /// Whether the bot deafens itself.
    pub self_deaf: bool,
}

impl UpdateVoiceState {
    /// Joins (or moves to) `channel` of `guild`, neither muted nor deafened.
    pub fn join(guild: Id<GuildMarker>, channel: Id<ChannelMarker>) -> Self {
        UpdateVoiceState {
            guild_id: guild,
            channel_id: Some(channel),
            self_mute: false,
            self_deaf: false,
        }
    }

    /// Leaves voice in `guild`.
    pub fn leave(guild: Id<GuildMarker>) -> Self {
        UpdateVoiceState {
            guild_id: guild,
            channel_id: None,
            self_mute: false,
            self_deaf: false,
        }
    }

    /// Mutes (or unmutes) the bot.
    pub fn self_mute(mut self, mute: bool) -> Self {
        self.self_mute = mute;
        self
    }

    /// Deafens (or undeafens) the bot.
    pub fn self_deaf(mut self, deaf: bool) -> Self {
        self.self_deaf = deaf;
        self
    }
}

/// REQUEST_SOUNDBOARD_SOUNDS's data (op 31): the guilds whose sounds to send, each answered by a
/// SOUNDBOARD_SOUNDS dispatch ([`SoundboardSounds`](crate::event::SoundboardSounds)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestSoundboardSounds {
    /// The guilds.
    pub guild_ids: Vec<Id<GuildMarker>>,
}

impl RequestSoundboardSounds {
    /// The sounds of `guilds`.
    pub fn new(guilds: impl IntoIterator<Item = Id<GuildMarker>>) -> Self {
        RequestSoundboardSounds {
            guild_ids: guilds.into_iter().collect(),
        }
    }
}

/// A payload a shard sends, with its opcode: what [`to_json`](Self::to_json) writes as
/// `{"op": .., "d": ..}`. What a shard receives is read straight from the frame's text (a dispatch
/// by [`Event::from_dispatch_json`](crate::event::Event::from_dispatch_json)).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum GatewayPayload {
    /// A heartbeat with the last sequence number received.
    Heartbeat(Option<u64>),
    /// IDENTIFY.
    Identify(Box<Identify>),
    /// A presence update.
    PresenceUpdate(UpdatePresence),
    /// RESUME.
    Resume(Resume),
    /// REQUEST_GUILD_MEMBERS.
    RequestGuildMembers(RequestGuildMembers),
    /// VOICE_STATE_UPDATE: join, move or leave voice.
    VoiceStateUpdate(UpdateVoiceState),
    /// REQUEST_SOUNDBOARD_SOUNDS.
    RequestSoundboardSounds(RequestSoundboardSounds),
}

impl GatewayPayload {
    /// The payload's opcode.
    pub fn op(&self) -> OpCode {
        match self {
            GatewayPayload::Heartbeat(_) => OpCode::Heartbeat,
            GatewayPayload::Identify(_) => OpCode::Identify,
            GatewayPayload::PresenceUpdate(_) => OpCode::PresenceUpdate,
            GatewayPayload::Resume(_) => OpCode::Resume,
            GatewayPayload::RequestGuildMembers(_) => OpCode::RequestGuildMembers,
            GatewayPayload::VoiceStateUpdate(_) => OpCode::VoiceStateUpdate,
            GatewayPayload::RequestSoundboardSounds(_) => OpCode::RequestSoundboardSounds,
        }
    }

    /// The frame to send, `{"op": .., "d": ..}`.
    ///
    /// ```
    /// use bot_core::gateway::GatewayPayload;
    /// let beat = GatewayPayload::Heartbeat(Some(251)).to_json().unwrap();
    /// assert_eq!(beat, serde_json::json!({"op": 1, "d": 251}));
    /// ```
    ///
    /// # Errors
    ///
    /// The data's serialization error (none of the SDK's payload types has one).
    pub fn to_json(&self) -> Result<Value, serde_json::Error> {
        let data = match self {
            GatewayPayload::Heartbeat(seq) => serde_json::to_value(seq),
            GatewayPayload::Identify(identify) => serde_json::to_value(identify),
            GatewayPayload::PresenceUpdate(presence) => serde_json::to_value(presence),
            GatewayPayload::Resume(resume) => serde_json::to_value(resume),
            GatewayPayload::RequestGuildMembers(request) => serde_json::to_value(request),
            GatewayPayload::VoiceStateUpdate(update) => serde_json::to_value(update),
            GatewayPayload::RequestSoundboardSounds(request) => serde_json::to_value(request),
        }?;
        let mut frame = serde_json::Map::with_capacity(2);
        frame.insert("op".to_owned(), Value::from(self.op().value()));
        frame.insert("d".to_owned(), data);
        Ok(Value::Object(frame))
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
    use super::super::frame::Frame;
    use super::*;
    use crate::model::test_fixture;

    /// A fixture's frame as the shard reads it.
    fn parse(frame: &str) -> Frame<'_> {
        Frame::parse(frame.as_bytes()).unwrap_or_else(|| panic!("not a gateway payload: {frame}"))
    }

    /// `data` as `T`, panicking with the frame's name.
    fn data<T: serde::de::DeserializeOwned>(name: &str, data: &str) -> T {
        serde_json::from_str(data).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    #[test]
    fn every_documented_frame_has_a_named_opcode_and_sent_ones_encode_as_documented() {
        let frames = test_fixture("gateway_frames.json", "");
        let mut read = 0;
        for (name, entry) in frames.as_object().unwrap() {
            if name.starts_with("get_gateway") {
                continue;
            }
            let text = entry["payload"].to_string();
            let frame = parse(&text);
            let sent = match frame.op {
                OpCode::Heartbeat => GatewayPayload::Heartbeat(data(name, frame.data())),
                OpCode::Identify => GatewayPayload::Identify(data(name, frame.data())),
                OpCode::PresenceUpdate => GatewayPayload::PresenceUpdate(data(name, frame.data())),
                OpCode::Resume => GatewayPayload::Resume(data(name, frame.data())),
                OpCode::RequestGuildMembers => {
                    GatewayPayload::RequestGuildMembers(data(name, frame.data()))
                }
                OpCode::VoiceStateUpdate => {
                    GatewayPayload::VoiceStateUpdate(data(name, frame.data()))
                }
                OpCode::RequestSoundboardSounds => {
                    GatewayPayload::RequestSoundboardSounds(data(name, frame.data()))
                }
                OpCode::Hello => {
                    let hello: Hello = data(name, frame.data());
                    assert_eq!(hello.heartbeat_interval, 45_000);
                    read += 1;
                    continue;
                }
                OpCode::InvalidSession => {
                    assert_eq!(frame.data(), "false", "{name}");
                    read += 1;
                    continue;
                }
                OpCode::Reconnect | OpCode::HeartbeatAck => {
                    assert_eq!(frame.data(), "null", "{name}");
                    read += 1;
                    continue;
                }
                other => panic!("{name}: {other:?} is not a documented frame's opcode"),
            };
            assert_eq!(sent.op(), frame.op, "{name}");
            let encoded = sent.to_json().unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(encoded, entry["payload"], "{name} encodes as documented");
            read += 1;
        }
        assert_eq!(read, 12);
        let identify = test_fixture("gateway_frames.json", "/identify_full/payload/d");
        let identify: Identify = serde_json::from_value(identify).unwrap();
        assert!(!format!("{identify:?}").contains("my_token"));
        let resume = test_fixture("gateway_frames.json", "/resume/payload/d");
        let resume: Resume = serde_json::from_value(resume).unwrap();
        assert!(!format!("{resume:?}").contains("my_token"));
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
