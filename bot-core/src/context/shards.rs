//! The shards on a context, as Pycord's `AutoShardedBot`: handles on each, their latencies and
//! mean, the presence for one shard or all, and the gateway commands routed to a guild's shard
//! (voice state, soundboard sounds).

use super::Context;
use crate::gateway::{RequestSoundboardSounds, ShardCommandError, ShardHandle, UpdateVoiceState};
use crate::model::{Activity, GuildMarker, Id, Status, UpdatePresence};
use std::collections::BTreeMap;
use std::time::Duration;

/// Milliseconds since the Unix epoch (0 if the clock is before it).
fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
        })
}

/// The presence Pycord's `change_presence(activity, status)` sends: online when no status is
/// given, invisible for offline (Discord refuses "offline" from a bot), idle since now.
fn presence_of(activity: Option<Activity>, status: Option<Status>) -> UpdatePresence {
    let status = match status {
        None => Status::Online,
        Some(Status::Offline) => Status::Invisible,
        Some(status) => status,
    };
    let idle = status == Status::Idle;
    let mut presence = UpdatePresence::new(status);
    if idle {
        presence = presence.since(unix_ms());
    }
    match activity {
        Some(activity) => presence.activity(activity),
        None => presence,
    }
}

impl Context {
    /// A handle on each shard this process runs, by ascending id (Pycord's `shards`); empty
    /// before the bot connects.
    pub fn shards(&self) -> Vec<ShardHandle> {
        self.services().gateway.shards.handles()
    }

    /// A handle on shard `id`, if this process runs it (Pycord's `get_shard`).
    pub fn get_shard(&self, id: u64) -> Option<ShardHandle> {
        self.services().gateway.shards.handle(id)
    }

    /// How many shards the bot has in all, in every process (Pycord's `shard_count`); `None`
    /// before it connects.
    pub fn shard_count(&self) -> Option<u64> {
        match self.services().gateway.shards.count() {
            0 => None,
            count => Some(count),
        }
    }

    /// Each shard's latency, by shard id (Pycord's `latencies`): the last heartbeat's round
    /// trip on its current connection, `None` before its first ACK (a replaced connection
    /// starts without one).
    pub fn latencies(&self) -> BTreeMap<u64, Option<Duration>> {
        self.shards()
            .iter()
            .map(|shard| (shard.id(), shard.latency()))
            .collect()
    }

    /// The shards' mean latency (Pycord's `latency`); `None` before the bot connects or while a
    /// shard has none yet (Pycord's `nan` and `inf`).
    pub fn latency(&self) -> Option<Duration> {
        let latencies = self.latencies();
        let count = u32::try_from(latencies.len()).ok().filter(|n| *n > 0)?;
        let mut sum = Duration::ZERO;
        for latency in latencies.into_values() {
            sum = sum.checked_add(latency?)?;
        }
        Some(sum / count)
    }

    /// Whether any shard's commands wait for Discord's send limit now (Pycord's
    /// `is_ws_ratelimited`; see [`ShardHandle::is_ws_ratelimited`] for one shard).
    pub fn is_ws_ratelimited(&self) -> bool {
        self.shards().iter().any(ShardHandle::is_ws_ratelimited)
    }

    /// Changes the bot's presence (op 3), as Pycord's `change_presence(activity, status,
    /// shard_id)`: on `shard_id`, or on every shard of this process when `None`. No status is
    /// online; [`Status::Offline`] is sent as invisible; idle is idle since now. The shards'
    /// later IDENTIFYs send it too, and for every shard it becomes [`activity`](Self::activity)
    /// and [`status`](Self::status) (before the bot connects, that is all it does: the shards
    /// identify with it).
    ///
    /// ```no_run
    /// # fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::gateway::ShardCommandError> {
    /// use bot_core::model::{Activity, Status};
    /// ctx.change_presence(Some(Activity::playing("chess")), Some(Status::Dnd), None)?;
    /// ctx.change_presence(None, Some(Status::Idle), Some(0))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    ///
    /// [`ShardCommandError::NoShard`] for a `shard_id` this process does not run (or any before
    /// the bot connects), [`ShardCommandError::Full`] / [`ShardCommandError::Stopped`] as
    /// [`ShardHandle::change_presence`]; for every shard, the first error after trying each.
    pub fn change_presence(
        &self,
        activity: Option<Activity>,
        status: Option<Status>,
        shard_id: Option<u64>,
    ) -> Result<(), ShardCommandError> {
        let presence = presence_of(activity, status);
        let link = &self.services().gateway;
        match shard_id {
            Some(id) => self
                .get_shard(id)
                .ok_or(ShardCommandError::NoShard {
                    shard: id,
                    count: link.shards.count(),
                })?
                .change_presence(presence),
            None => {
                *link.presence.lock().unwrap_or_else(|p| p.into_inner()) = Some(presence.clone());
                let mut outcome = Ok(());
                for shard in self.shards() {
                    let sent = shard.change_presence(presence.clone());
                    if outcome.is_ok() {
                        outcome = sent;
                    }
                }
                outcome
            }
        }
    }

    /// The bot's activity (Pycord's `activity`): the builder's, or the last one
    /// [`change_presence`](Self::change_presence) set for every shard.
    pub fn activity(&self) -> Option<Activity> {
        self.services()
            .gateway
            .presence
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .and_then(|presence| presence.activities.first().cloned())
    }

    /// The bot's status (Pycord's `status`): the builder's, or the last one
    /// [`change_presence`](Self::change_presence) set for every shard; online by default.
    pub fn status(&self) -> Status {
        self.services()
            .gateway
            .presence
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map_or(Status::Online, |presence| presence.status.clone())
    }

    /// Joins, moves or leaves voice in a guild (op 4 through the guild's shard), as Pycord's
    /// `Guild.change_voice_state`. Discord answers with VOICE_STATE_UPDATE and, when joining,
    /// VOICE_SERVER_UPDATE — given to the bot's
    /// [`VoiceGatewayManager`](crate::gateway::VoiceGatewayManager) too.
    ///
    /// # Errors
    ///
    /// [`ShardCommandError::NoShard`] when the bot is not connected or another process runs
    /// the guild's shard; [`ShardCommandError::Full`] / [`ShardCommandError::Stopped`].
    pub fn update_voice_state(&self, update: UpdateVoiceState) -> Result<(), ShardCommandError> {
        self.guild_shard(update.guild_id)?
            .update_voice_state(update)
    }

    /// Asks for the soundboard sounds of `guilds` (op 31, through each guild's shard); each
    /// guild's arrive in a SOUNDBOARD_SOUNDS dispatch
    /// ([`SoundboardSounds`](crate::event::SoundboardSounds)).
    ///
    /// # Errors
    ///
    /// As [`update_voice_state`](Self::update_voice_state), for the first guild that fails.
    pub fn request_soundboard_sounds(
        &self,
        guilds: impl IntoIterator<Item = Id<GuildMarker>>,
    ) -> Result<(), ShardCommandError> {
        let mut by_shard: BTreeMap<u64, (ShardHandle, Vec<Id<GuildMarker>>)> = BTreeMap::new();
        for guild in guilds {
            let shard = self.guild_shard(guild)?;
            by_shard
                .entry(shard.id())
                .or_insert_with(|| (shard, Vec::new()))
                .1
                .push(guild);
        }
        for (shard, guilds) in by_shard.into_values() {
            shard.request_soundboard_sounds(RequestSoundboardSounds::new(guilds))?;
        }
        Ok(())
    }

    /// The handle on `guild`'s shard.
    fn guild_shard(&self, guild: Id<GuildMarker>) -> Result<ShardHandle, ShardCommandError> {
        let shards = &self.services().gateway.shards;
        let count = shards.count();
        let id = shards
            .shard_of(guild)
            .ok_or(ShardCommandError::NoShard { shard: 0, count })?;
        self.get_shard(id)
            .ok_or(ShardCommandError::NoShard { shard: id, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_as_pycord_sends_it() {
        assert_eq!(presence_of(None, None), UpdatePresence::new(Status::Online));
        assert_eq!(
            presence_of(None, Some(Status::Offline)).status,
            Status::Invisible
        );
        let idle = presence_of(Some(Activity::playing("chess")), Some(Status::Idle));
        assert!(idle.since.is_some_and(|since| since > 1_600_000_000_000));
        assert_eq!(idle.activities, [Activity::playing("chess")]);
        assert_eq!(presence_of(None, Some(Status::Dnd)).since, None);
    }

    #[test]
    fn before_connecting_there_is_no_shard_and_no_latency() {
        let ctx = Context::for_tests();
        assert!(ctx.shards().is_empty());
        assert_eq!(ctx.latency(), None);
        assert_eq!(ctx.shard_count(), None);
        assert!(!ctx.is_ws_ratelimited());
        assert_eq!(
            ctx.change_presence(None, None, Some(2)),
            Err(ShardCommandError::NoShard { shard: 2, count: 0 })
        );
        assert_eq!(ctx.status(), Status::Online);
        assert_eq!(ctx.activity(), None);
        ctx.change_presence(Some(Activity::playing("go")), Some(Status::Dnd), None)
            .unwrap();
        assert_eq!(
            ctx.status(),
            Status::Dnd,
            "what the shards will identify with"
        );
        assert_eq!(ctx.activity(), Some(Activity::playing("go")));
    }
}
