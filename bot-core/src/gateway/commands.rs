//! The shards' outbound command channels: what the bot asks a shard to send (op 3 presence,
//! op 4 voice state, op 8 Request Guild Members, op 31 Request Soundboard Sounds), and each
//! shard's shared state, which its [`ShardHandle`]s read. A command waits in its shard's queue while the shard is not
//! connected and is sent once the session is live (after READY or RESUMED); the queue is
//! bounded, and a full one is a typed error rather than a wait.

use super::handle::ShardHandle;
use super::limiter::SendLimit;
use super::payload::GatewayPayload;
use super::status::ShardStatus;
use crate::model::{GuildMarker, Id, UpdatePresence};
use std::sync::{Arc, RwLock};
use tokio::sync::mpsc;

/// Commands a shard's queue holds before [`ShardCommands::send`] refuses more.
pub(crate) const QUEUE: usize = 256;

/// Why a command was not queued.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShardCommandError {
    /// This process runs no such shard (the bot has not connected, the index is past its count,
    /// or another process runs that shard).
    #[error("shard {shard} is not running in this process (the bot has {count} shards)")]
    NoShard {
        /// The shard asked for.
        shard: u64,
        /// How many shards the bot runs.
        count: u64,
    },
    /// The shard's queue is full: it is not connected, or commands come faster than it sends.
    #[error("shard {0}'s command queue is full")]
    Full(u64),
    /// The shard has stopped.
    #[error("shard {0} has stopped")]
    Stopped(u64),
}

/// A shard of this process: its command queue and its shared state.
#[derive(Debug, Clone)]
struct ShardLink {
    sender: mpsc::Sender<GatewayPayload>,
    status: Arc<ShardStatus>,
}

/// What a shard of this process is given when the bot connects.
#[derive(Debug)]
pub(crate) struct ShardPorts {
    /// The commands the bot sends through it.
    pub(crate) commands: mpsc::Receiver<GatewayPayload>,
    /// Its state, shared with its handles.
    pub(crate) status: Arc<ShardStatus>,
}

/// The shards this process runs, by index (set when the bot connects); `None` for the shards
/// other processes run.
#[derive(Debug, Default)]
pub(crate) struct ShardCommands {
    links: RwLock<Vec<Option<ShardLink>>>,
}

impl ShardCommands {
    /// New queues and states for the shards `ids` of `count`, each starting with `presence` and
    /// keeping `limit`; their ports, in the order of `ids`.
    pub(crate) fn open(
        &self,
        count: u64,
        ids: &[u64],
        presence: Option<UpdatePresence>,
        limit: SendLimit,
    ) -> Vec<ShardPorts> {
        let mut links: Vec<Option<ShardLink>> = (0..count).map(|_| None).collect();
        let mut ports = Vec::with_capacity(ids.len());
        for &id in ids {
            if let Some(slot) = usize::try_from(id).ok().and_then(|i| links.get_mut(i)) {
                let (sender, commands) = mpsc::channel(QUEUE);
                let status = Arc::new(ShardStatus::new(id, presence.clone(), limit));
                *slot = Some(ShardLink {
                    sender,
                    status: status.clone(),
                });
                ports.push(ShardPorts { commands, status });
            }
        }
        *self.links.write().unwrap_or_else(|p| p.into_inner()) = links;
        ports
    }

    /// How many shards the bot has in all (0 before it connects).
    pub(crate) fn count(&self) -> u64 {
        self.links.read().unwrap_or_else(|p| p.into_inner()).len() as u64
    }

    /// The shard of `guild`: `(guild_id >> 22) % shard_count`, Discord's rule.
    pub(crate) fn shard_of(&self, guild: Id<GuildMarker>) -> Option<u64> {
        match self.count() {
            0 => None,
            count => Some((guild.get() >> 22) % count),
        }
    }

    /// A handle on each shard this process runs, by ascending id.
    pub(crate) fn handles(&self) -> Vec<ShardHandle> {
        let links = self.links.read().unwrap_or_else(|p| p.into_inner());
        let count = links.len() as u64;
        links
            .iter()
            .flatten()
            .map(|link| ShardHandle::new(link.status.clone(), count, link.sender.clone()))
            .collect()
    }

    /// A handle on shard `id`, if this process runs it.
    pub(crate) fn handle(&self, id: u64) -> Option<ShardHandle> {
        let links = self.links.read().unwrap_or_else(|p| p.into_inner());
        let count = links.len() as u64;
        let link = usize::try_from(id)
            .ok()
            .and_then(|index| links.get(index))?
            .as_ref()?;
        Some(ShardHandle::new(
            link.status.clone(),
            count,
            link.sender.clone(),
        ))
    }

    /// Queues `payload` on `shard`.
    pub(crate) fn send(
        &self,
        shard: u64,
        payload: GatewayPayload,
    ) -> Result<(), ShardCommandError> {
        let links = self.links.read().unwrap_or_else(|p| p.into_inner());
        let count = links.len() as u64;
        let link = usize::try_from(shard)
            .ok()
            .and_then(|index| links.get(index))
            .and_then(Option::as_ref)
            .ok_or(ShardCommandError::NoShard { shard, count })?;
        queue(shard, &link.sender, payload)
    }
}

/// Queues `payload` on `shard`'s `sender`.
pub(super) fn queue(
    shard: u64,
    sender: &mpsc::Sender<GatewayPayload>,
    payload: GatewayPayload,
) -> Result<(), ShardCommandError> {
    sender.try_send(payload).map_err(|error| match error {
        mpsc::error::TrySendError::Full(_) => ShardCommandError::Full(shard),
        mpsc::error::TrySendError::Closed(_) => ShardCommandError::Stopped(shard),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::RequestGuildMembers;

    fn receivers(ports: Vec<ShardPorts>) -> Vec<mpsc::Receiver<GatewayPayload>> {
        ports.into_iter().map(|port| port.commands).collect()
    }

    fn request(guild: u64) -> GatewayPayload {
        GatewayPayload::RequestGuildMembers(RequestGuildMembers {
            guild_id: Id::new(guild),
            query: Some(String::new()),
            limit: 0,
            presences: None,
            user_ids: Vec::new(),
            nonce: None,
        })
    }

    #[test]
    fn guilds_go_to_their_shard_and_full_or_missing_queues_are_errors() {
        let commands = ShardCommands::default();
        assert_eq!(commands.shard_of(Id::new(1 << 22)), None, "not connected");
        assert_eq!(
            commands.send(0, request(1)),
            Err(ShardCommandError::NoShard { shard: 0, count: 0 })
        );
        let mut receivers = receivers(commands.open(2, &[0, 1], None, SendLimit::DISCORD));
        assert_eq!(commands.shard_of(Id::new(3 << 22)), Some(1));
        assert_eq!(commands.shard_of(Id::new(4 << 22)), Some(0));
        commands.send(1, request(1)).unwrap();
        assert_eq!(receivers[1].try_recv().unwrap(), request(1));
        for _ in 0..QUEUE {
            commands.send(0, request(2)).unwrap();
        }
        assert_eq!(
            commands.send(0, request(2)),
            Err(ShardCommandError::Full(0))
        );
        receivers.truncate(1);
        assert_eq!(
            commands.send(1, request(1)),
            Err(ShardCommandError::Stopped(1))
        );
    }

    #[test]
    fn shards_of_other_processes_have_no_queue_here() {
        let commands = ShardCommands::default();
        let mut receivers = receivers(commands.open(4, &[2, 3], None, SendLimit::DISCORD));
        assert_eq!(
            commands
                .handles()
                .iter()
                .map(ShardHandle::id)
                .collect::<Vec<_>>(),
            [2, 3]
        );
        assert!(commands.handle(1).is_none());
        assert_eq!(commands.handle(3).map(|h| h.shard_count()), Some(4));
        assert_eq!(commands.shard_of(Id::new(5 << 22)), Some(1), "of 4 shards");
        assert_eq!(
            commands.send(1, request(5)),
            Err(ShardCommandError::NoShard { shard: 1, count: 4 })
        );
        commands.send(3, request(7)).unwrap();
        assert_eq!(receivers[1].try_recv().unwrap(), request(7));
    }
}
