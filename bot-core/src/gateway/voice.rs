//! The hook a voice crate plugs into (as serenity's `VoiceGatewayManager`, so a songbird-like
//! crate can drive voice connections): it is told of the bot's shards, sends op 4 through them,
//! and is given every VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE. The SDK itself carries no
//! audio.

use super::handle::ShardHandle;
use crate::event::VoiceServerUpdate;
use crate::model::{Id, UserMarker, VoiceState};

/// What a voice crate implements to be driven by the bot's gateway, given with
/// [`BotBuilder::voice_manager`](crate::BotBuilder::voice_manager).
///
/// Its methods are called on the shard's task, in the shard's order, before the event reaches
/// any listener: they must not block (spawn a task for anything slow).
///
/// ```
/// use bot_core::event::VoiceServerUpdate;
/// use bot_core::gateway::{ShardHandle, VoiceGatewayManager};
/// use bot_core::model::{Id, UserMarker, VoiceState};
/// use std::sync::Mutex;
///
/// /// Remembers where the voice servers are; a real crate would connect to them.
/// #[derive(Default)]
/// struct Voice {
///     shards: Mutex<Vec<ShardHandle>>,
///     servers: Mutex<Vec<(u64, Option<String>)>>,
/// }
///
/// impl VoiceGatewayManager for Voice {
///     fn initialise(&self, _shard_count: u64, _user: Option<Id<UserMarker>>) {}
///     fn register_shard(&self, shard: ShardHandle) {
///         self.shards.lock().unwrap().push(shard);
///     }
///     fn deregister_shard(&self, shard_id: u64) {
///         self.shards.lock().unwrap().retain(|s| s.id() != shard_id);
///     }
///     fn server_update(&self, update: &VoiceServerUpdate) {
///         let server = (update.guild_id.get(), update.endpoint.clone());
///         self.servers.lock().unwrap().push(server);
///     }
///     fn state_update(&self, _state: &VoiceState) {}
/// }
/// ```
pub trait VoiceGatewayManager: Send + Sync + 'static {
    /// The bot connects: how many shards it has in all, and its user (`None` when it connects
    /// without logging in; READY's user is in the first
    /// [`state_update`](Self::state_update) of its own then).
    fn initialise(&self, shard_count: u64, user: Option<Id<UserMarker>>);

    /// A shard of this process starts: op 4 goes through
    /// [`ShardHandle::update_voice_state`].
    fn register_shard(&self, shard: ShardHandle);

    /// A shard of this process stopped for good.
    fn deregister_shard(&self, shard_id: u64);

    /// A VOICE_SERVER_UPDATE: where to connect for a guild's voice, with its token.
    fn server_update(&self, update: &VoiceServerUpdate);

    /// A VOICE_STATE_UPDATE of a guild (every user's; the bot's own carries the voice
    /// `session_id`).
    fn state_update(&self, state: &VoiceState);
}

/// The builder's voice manager (`Debug` without requiring it of the manager).
#[derive(Clone)]
pub(crate) struct VoiceHook(pub(crate) std::sync::Arc<dyn VoiceGatewayManager>);

impl std::fmt::Debug for VoiceHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VoiceGatewayManager")
    }
}
