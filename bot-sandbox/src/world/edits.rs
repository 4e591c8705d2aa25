//! Changes to guilds already in the world: age restriction of channels. Each returns what the bot
//! is told through the gateway, as Discord tells it (see `change.rs`).

use super::World;
use super::change::{Changed, Refusal};

impl World {
    /// Marks a guild channel age-restricted or not: CHANNEL_UPDATE with the whole channel. 10003
    /// for a channel in no guild.
    pub(crate) fn set_channel_nsfw(
        &mut self,
        channel: u64,
        nsfw: bool,
    ) -> Result<Changed<()>, Refusal> {
        let guild = self
            .guilds
            .values_mut()
            .find(|g| g.channel(channel).is_some())
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        let id = guild.id;
        let record = guild
            .channels
            .iter_mut()
            .find(|c| c.id == channel)
            .ok_or_else(|| Refusal::unknown(10003, "Channel"))?;
        record.nsfw = nsfw;
        let json = super::channel_json(id, record);
        Ok(Changed::quiet(()).emit("CHANNEL_UPDATE", Some(id), Some(channel), json))
    }
}
