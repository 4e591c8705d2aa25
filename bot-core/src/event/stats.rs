//! What the dispatcher counts, as the bot reports it.

/// Counters of the dispatcher, from [`Bot::dispatch_stats`](crate::Bot::dispatch_stats).
///
/// A shard never waits for a consumer: one that falls more than its
/// [`Budget`](crate::event::Budget) behind loses its oldest queued events. Each one lost is
/// counted in `lagged`, and each episode is reported to `on_error`
/// ([`EventFailure::Lagged`](crate::event::EventFailure::Lagged)) and counted in `lag_reports`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DispatchStats {
    /// Events dispatched, from every shard.
    pub events: u64,
    /// Events dropped for consumers past their budget (one per consumer that lost it).
    pub lagged: u64,
    /// Lag episodes reported to `on_error`.
    pub lag_reports: u64,
    /// Listener calls that returned an error or panicked.
    pub listener_failures: u64,
    /// GUILD_MEMBERS_CHUNKs of no member request under way (late, or another's nonce): the
    /// cache still took their members.
    pub member_chunks_ignored: u64,
}
