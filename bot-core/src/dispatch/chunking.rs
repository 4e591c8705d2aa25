//! Chunking at start-up (Pycord's `chunk_guilds_at_startup`): the members of a guild that needs
//! it are requested as it arrives, and its shard is ready only once they are in.

use super::Dispatcher;

impl Dispatcher {
    /// Requests the members of a guild that needs it (Pycord's rule: chunking on, the members
    /// intent, not all its members cached, and not a small guild whose members came with
    /// presences); while starting, the shard waits for them.
    pub(super) fn chunk_if_needed(&self, shard: u64, guild: &crate::model::Guild) {
        let config = &self.config;
        if !config.chunk_guilds_at_startup
            || !crate::members::needs_chunking(
                guild,
                config.intents,
                self.cache.member_count(guild.id) as u64,
            )
        {
            return;
        }
        let Some(ctx) = self.ctx.upgrade(Some(shard)) else {
            return;
        };
        let id = guild.id;
        let waited = self.ready.expect_chunk(shard, id.get());
        let ready = self.ready.clone();
        tokio::spawn(async move {
            if let Err(error) = ctx.chunk_guild(id).await {
                tracing::warn!(shard, guild = %id, %error, "chunking the guild failed");
            }
            if waited {
                ready.chunked(shard, id.get());
            }
        });
    }
}
