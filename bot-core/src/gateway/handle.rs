//! [`ShardHandle`]: one shard of the bot as Pycord's `ShardInfo` shows it — its latency, whether
//! it is connected or held back by the send limit, its connection to close, replace or open
//! again, and the gateway commands sent through it.

use super::commands::{ShardCommandError, queue};
use super::payload::{
    GatewayPayload, RequestGuildMembers, RequestSoundboardSounds, UpdateVoiceState,
};
use super::status::ShardStatus;
use crate::model::UpdatePresence;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// One shard this process runs: what [`Bot::shards`](crate::Bot::shards) and
/// [`Bot::get_shard`](crate::Bot::get_shard) give (Pycord's `ShardInfo`). Cheap to clone; a
/// handle stays valid while the bot runs.
///
/// ```no_run
/// # async fn demo(bot: bot_core::Bot) -> Result<(), bot_core::gateway::ShardCommandError> {
/// for shard in bot.shards() {
///     println!("shard {} of {}: {:?}", shard.id(), shard.shard_count(), shard.latency());
/// }
/// if let Some(shard) = bot.get_shard(0) {
///     shard.reconnect()?;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct ShardHandle {
    status: Arc<ShardStatus>,
    count: u64,
    sender: mpsc::Sender<GatewayPayload>,
}

impl fmt::Debug for ShardHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShardHandle")
            .field("id", &self.id())
            .field("shard_count", &self.count)
            .field("closed", &self.is_closed())
            .field("latency", &self.latency())
            .finish()
    }
}

impl ShardHandle {
    pub(crate) fn new(
        status: Arc<ShardStatus>,
        count: u64,
        sender: mpsc::Sender<GatewayPayload>,
    ) -> Self {
        ShardHandle {
            status,
            count,
            sender,
        }
    }

    /// The shard's id.
    pub fn id(&self) -> u64 {
        self.status.id
    }

    /// How many shards the bot has in all (in every process).
    pub fn shard_count(&self) -> u64 {
        self.count
    }

    /// The round trip of the last acknowledged heartbeat on the shard's current connection;
    /// `None` before the first ACK (a new connection starts without one, as Pycord's `inf`).
    pub fn latency(&self) -> Option<Duration> {
        self.status.latency()
    }

    /// Whether the shard has no open connection (between connections, after
    /// [`disconnect`](Self::disconnect), or once it stopped).
    pub fn is_closed(&self) -> bool {
        !self.status.is_open()
    }

    /// Whether the bot's commands on this shard wait for Discord's send limit now (120 payloads
    /// per 60 s a connection, heartbeats included): when true, Request Guild Members is better
    /// done over REST, as Pycord advises.
    pub fn is_ws_ratelimited(&self) -> bool {
        self.status.is_ratelimited()
    }

    /// Closes the shard's connection with code 1000 (its session ends) and keeps it closed
    /// until [`connect`](Self::connect) or [`reconnect`](Self::reconnect); resolves once the
    /// connection is closed. Does nothing more when it already is.
    ///
    /// # Errors
    ///
    /// [`ShardCommandError::Stopped`] when the shard's task has ended.
    pub async fn disconnect(&self) -> Result<(), ShardCommandError> {
        self.running()?;
        self.status.want_connected(false);
        self.status.closed().await;
        Ok(())
    }

    /// Replaces the shard's connection: the open one is closed (keeping the session, which the
    /// new connection resumes: no event is lost); a disconnected shard connects again.
    ///
    /// # Errors
    ///
    /// [`ShardCommandError::Stopped`] when the shard's task has ended.
    pub fn reconnect(&self) -> Result<(), ShardCommandError> {
        self.running()?;
        self.status.want_reconnect();
        Ok(())
    }

    /// Connects a shard [`disconnect`](Self::disconnect) closed (a new session, through the
    /// identify queue); does nothing when it is connected or connecting.
    ///
    /// # Errors
    ///
    /// [`ShardCommandError::Stopped`] when the shard's task has ended.
    pub fn connect(&self) -> Result<(), ShardCommandError> {
        self.running()?;
        self.status.want_connected(true);
        Ok(())
    }

    /// Changes the bot's presence on this shard (op 3); later IDENTIFYs of this shard send it
    /// too. Queued while the shard is not connected, sent within the send limit.
    ///
    /// # Errors
    ///
    /// [`ShardCommandError::Full`] when the shard's queue is full,
    /// [`ShardCommandError::Stopped`] when its task has ended.
    pub fn change_presence(&self, presence: UpdatePresence) -> Result<(), ShardCommandError> {
        self.status.set_presence(presence.clone());
        self.send(GatewayPayload::PresenceUpdate(presence))
    }

    /// Joins, moves or leaves voice in a guild of this shard (op 4). Discord answers with
    /// VOICE_STATE_UPDATE and, when joining, VOICE_SERVER_UPDATE (given to the bot's
    /// [`VoiceGatewayManager`](super::VoiceGatewayManager), if it has one).
    ///
    /// # Errors
    ///
    /// As [`change_presence`](Self::change_presence).
    pub fn update_voice_state(&self, update: UpdateVoiceState) -> Result<(), ShardCommandError> {
        self.send(GatewayPayload::VoiceStateUpdate(update))
    }

    /// Asks for the soundboard sounds of guilds of this shard (op 31); each guild's come in a
    /// SOUNDBOARD_SOUNDS dispatch ([`SoundboardSounds`](crate::event::SoundboardSounds)).
    ///
    /// # Errors
    ///
    /// As [`change_presence`](Self::change_presence).
    pub fn request_soundboard_sounds(
        &self,
        request: RequestSoundboardSounds,
    ) -> Result<(), ShardCommandError> {
        self.send(GatewayPayload::RequestSoundboardSounds(request))
    }

    /// Asks for members of a guild of this shard (op 8); the answer comes in
    /// GUILD_MEMBERS_CHUNK dispatches. [`Context::request_members`](crate::Context::request_members)
    /// does this and gathers the answer.
    ///
    /// # Errors
    ///
    /// As [`change_presence`](Self::change_presence).
    pub fn request_guild_members(
        &self,
        request: RequestGuildMembers,
    ) -> Result<(), ShardCommandError> {
        self.send(GatewayPayload::RequestGuildMembers(request))
    }

    fn send(&self, payload: GatewayPayload) -> Result<(), ShardCommandError> {
        self.running()?;
        queue(self.id(), &self.sender, payload)
    }

    fn running(&self) -> Result<(), ShardCommandError> {
        if self.status.is_stopped() {
            return Err(ShardCommandError::Stopped(self.id()));
        }
        Ok(())
    }
}
