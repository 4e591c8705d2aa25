//! Request Guild Members (gateway op 8): a request checked as Discord checks it before it is
//! sent ([`RequestMembers`]), sent through the guild's shard, and the GUILD_MEMBERS_CHUNK
//! dispatches that answer it gathered by their nonce into one awaited [`Members`].
//!
//! The chunks are gathered on the shard's path, beside the cache (which keeps the members as
//! [`CacheConfig`](crate::cache::CacheConfig) says), never by a consumer that could lag. A
//! chunk for an unknown nonce is ignored; an answer that does not complete in time ends with
//! [`RequestMembersError::Timeout`], saying how many chunks came; Discord's `RATE_LIMITED`
//! dispatch becomes [`RequestMembersError::RateLimited`] with its `retry_after`.
//!
//! ```no_run
//! # async fn run(ctx: bot_core::Context, guild: bot_core::model::Id<bot_core::model::GuildMarker>) -> Result<(), Box<dyn std::error::Error>> {
//! use bot_core::members::RequestMembers;
//! let found = ctx.request_members(RequestMembers::query(guild, "ad").limit(10)).await?;
//! for member in found.members() {
//!     println!("{}", member.user.username);
//! }
//! # Ok(()) }
//! ```

mod gather;
mod request;

use crate::model::{Guild, Intents};

/// Whether the members of `guild` (`cached` of them cached) should be requested at start-up,
/// py-cord's rule: the members intent, not every member cached, and not a guild whose members
/// all came with GUILD_CREATE (presences on and the guild not large).
pub(crate) fn needs_chunking(guild: &Guild, intents: Intents, cached: u64) -> bool {
    intents.contains(Intents::GUILD_MEMBERS)
        && (guild.large || !intents.contains(Intents::GUILD_PRESENCES))
        && guild.member_count.is_some_and(|count| count > cached)
}

pub(crate) use gather::MemberRequests;
pub use gather::Members;
pub use request::{RequestMembers, RequestMembersError};

#[cfg(test)]
mod tests {
    use super::*;

    fn guild(large: bool, member_count: u64) -> Guild {
        let mut data = crate::model::test_fixture("guild_create.composed.json", "/d");
        data["large"] = serde_json::json!(large);
        data["member_count"] = serde_json::json!(member_count);
        serde_json::from_value(data).unwrap()
    }

    #[test]
    fn guilds_need_chunking_on_pycords_rule() {
        let members = Intents::GUILDS | Intents::GUILD_MEMBERS;
        let presences = members | Intents::GUILD_PRESENCES;
        assert!(needs_chunking(&guild(false, 10), members, 1));
        assert!(
            !needs_chunking(&guild(false, 10), members, 10),
            "all cached"
        );
        assert!(
            !needs_chunking(&guild(false, 10), Intents::GUILDS, 1),
            "no intent"
        );
        assert!(
            !needs_chunking(&guild(false, 10), presences, 1),
            "a small guild's members came with it"
        );
        assert!(
            needs_chunking(&guild(true, 10), presences, 1),
            "a large one's did not"
        );
    }
}
