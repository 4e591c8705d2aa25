//! How far behind a consumer of events may fall before it lags: its [`Budget`].

use std::fmt;

/// How many events a consumer (a listener, a `wait_for` or `stream` waiter, an `events()`
/// stream) may hold before it lags: `events` dispatches or `bytes` of their wire text (the
/// length of each dispatch's `d`), whichever comes first.
///
/// An event counts against a consumer's budget from the moment its shard delivers it until the
/// consumer is done with it: a listener's call returned (a concurrent listener's calls count while
/// they run), a stream or waiter took it. A consumer within its budget gets every event of a shard
/// in the shard's order. Past it, the consumer **lags**: its oldest queued events are dropped,
/// counted in [`DispatchStats::lagged`](crate::event::DispatchStats::lagged), and reported to
/// `on_error` as [`EventFailure::Lagged`](crate::event::EventFailure::Lagged). The shard never
/// stops reading because of a consumer, so commands, waiters and the other consumers go on.
///
/// The default, [`Budget::DEFAULT`], is 16,384 events or 32 MiB. A shard (at most 2,500 guilds)
/// rarely sends more than a few hundred dispatches a second, so a consumer has minutes of slack
/// there; the count is set by the fastest a shard can read — about 150,000 dispatches a second
/// (the firehose benchmark, `BENCHMARKS.md`) — where it still covers 100 ms of a consumer that
/// was not scheduled, so a consumer that keeps up on average never lags. The byte cap bounds
/// what a burst of large dispatches (GUILD_CREATEs at start-up) can hold in memory. Events are
/// shared between consumers, not copied, so several consumers that keep up cost little more than
/// one. [`Budget::LOSSLESS`] is the opt-in for a consumer that must see everything: a hard cap of
/// 256 MiB of wire text, and the same lag past it.
///
/// ```
/// use bot_core::event::Budget;
/// let budget = Budget::new(100, 1 << 20);
/// assert_eq!(budget.events(), 100);
/// assert_eq!(Budget::DEFAULT.events(), 16_384);
/// assert_eq!(Budget::new(0, 0).events(), 1, "at least one event");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Budget {
    events: usize,
    bytes: usize,
}

impl Budget {
    /// 16,384 events or 32 MiB of wire text (see the type's documentation for why).
    pub const DEFAULT: Budget = Budget {
        events: 16_384,
        bytes: 32 << 20,
    };

    /// No limit on the number of events, a hard cap of 256 MiB of wire text.
    pub const LOSSLESS: Budget = Budget {
        events: usize::MAX,
        bytes: 256 << 20,
    };

    /// `events` events or `bytes` bytes, whichever comes first (each at least 1).
    pub const fn new(events: usize, bytes: usize) -> Budget {
        Budget {
            events: if events == 0 { 1 } else { events },
            bytes: if bytes == 0 { 1 } else { bytes },
        }
    }

    /// `events` events, with the default byte cap.
    pub const fn events_only(events: usize) -> Budget {
        Budget::new(events, Budget::DEFAULT.bytes)
    }

    /// How many events it allows.
    pub const fn events(&self) -> usize {
        self.events
    }

    /// How many bytes of wire text it allows.
    pub const fn bytes(&self) -> usize {
        self.bytes
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget::DEFAULT
    }
}

impl fmt::Debug for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Budget")
            .field("events", &self.events)
            .field("bytes", &self.bytes)
            .finish()
    }
}

/// A consumer fell more than its [`Budget`] behind and lost events: what `on_error` is told,
/// once per episode (see [`EventFailure::Lagged`](crate::event::EventFailure::Lagged)).
///
/// An episode begins with the first event dropped for a consumer from a shard, and ends when
/// the consumer takes its next event or when the bot's
/// [`lag_report_interval`](crate::BotBuilder::lag_report_interval) has passed (a consumer stuck
/// for good is reported at that pace, each report with the events dropped since the last).
///
/// ```
/// use bot_core::event::Lagged;
/// fn describe(lag: &Lagged) -> String {
///     format!("{} lost {} events of shard {}", lag.consumer, lag.dropped, lag.shard)
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Lagged {
    /// The consumer: a listener's name (a `#[listen]` function's path), or `wait_for #<id>`,
    /// `stream #<id>`, `events() #<id>`.
    pub consumer: String,
    /// The shard the events came from.
    pub shard: u64,
    /// How many events were dropped in this episode.
    pub dropped: u64,
    /// The sequence number of the first dropped event (`None` if it had none).
    pub first_seq: Option<u64>,
    /// The sequence number of the last dropped event.
    pub last_seq: Option<u64>,
}

impl fmt::Display for Lagged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` fell behind and lost {} events of shard {}",
            self.consumer, self.dropped, self.shard
        )?;
        match (self.first_seq, self.last_seq) {
            (Some(first), Some(last)) => write!(f, " (seq {first} to {last})"),
            _ => Ok(()),
        }
    }
}
