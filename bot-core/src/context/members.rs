//! Member requests on a context: Request Guild Members (op 8) through the guild's shard, the
//! answer awaited whole (Pycord's `Guild.query_members` and `Guild.chunk`).

use super::Context;
use crate::gateway::GatewayPayload;
use crate::members::{Members, RequestMembers, RequestMembersError};
use crate::model::{GuildMarker, Id};

impl Context {
    /// Asks Discord for members of a guild and waits for the whole answer, however many
    /// GUILD_MEMBERS_CHUNKs it comes in. Discord's rules are checked first (intents, at most
    /// 100 results or user ids, a nonce of at most 32 bytes); the members also go to the cache,
    /// as [`CacheConfig`](crate::cache::CacheConfig) says.
    pub async fn request_members(
        &self,
        request: RequestMembers,
    ) -> Result<Members, RequestMembersError> {
        let link = &self.services().gateway;
        request.check(link.intents)?;
        let guild = request.guild_id();
        let shard = link
            .shards
            .shard_of(guild)
            .ok_or(RequestMembersError::NotConnected)?;
        let nonce = match request.given_nonce() {
            Some(nonce) => nonce.to_owned(),
            None => link.members.new_nonce(),
        };
        let answer = link
            .members
            .expect(&nonce, guild)
            .ok_or_else(|| RequestMembersError::NonceInUse(nonce.clone()))?;
        let payload = GatewayPayload::RequestGuildMembers(request.payload(&nonce));
        if let Err(error) = link.shards.send(shard, payload) {
            link.members.forget(&nonce);
            return Err(error.into());
        }
        match tokio::time::timeout(request.wait(), answer).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(_)) => Err(RequestMembersError::Closed),
            Err(_) => {
                let (received, expected) = link.members.forget(&nonce);
                Err(RequestMembersError::Timeout { received, expected })
            }
        }
    }

    /// Every member of `guild` (Pycord's `Guild.chunk`): [`RequestMembers::all`].
    pub async fn chunk_guild(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<Members, RequestMembersError> {
        self.request_members(RequestMembers::all(guild)).await
    }
}
