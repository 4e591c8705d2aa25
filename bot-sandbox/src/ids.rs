//! Snowflakes, tokens and their redaction.

use base64::Engine;
use rand::RngExt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Discord's epoch (2015-01-01) in milliseconds since the Unix epoch.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// The last snowflake made in this process, by any sandbox: ids are unique across the
/// sandboxes of one process (tests run several at once, and key what they record by id), as
/// Discord's are across its workers.
static LAST: AtomicU64 = AtomicU64::new(0);

/// Makes unique snowflakes: the current time in the top bits, a counter in the low 22.
#[derive(Debug, Default)]
pub(crate) struct Snowflakes;

impl Snowflakes {
    /// A new id, larger than every earlier one of this process.
    pub(crate) fn next(&self) -> u64 {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(DISCORD_EPOCH_MS);
        let candidate = now.saturating_sub(DISCORD_EPOCH_MS) << 22;
        let mut last = LAST.load(Ordering::Relaxed);
        loop {
            let next = candidate.max(last + 1);
            match LAST.compare_exchange(last, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return next,
                Err(seen) => last = seen,
            }
        }
    }
}

impl Snowflakes {
    /// A new id, larger than every earlier one, that shard `shard` of `shards` holds:
    /// `(id >> 22) % shards == shard` (its timestamp is moved ahead by less than `shards` ms).
    pub(crate) fn next_on_shard(&self, shard: u64, shards: u64) -> u64 {
        let shards = shards.max(1);
        let shard = shard % shards;
        let mut last = LAST.load(Ordering::Relaxed);
        loop {
            let floor = self.next_candidate().max(last + 1);
            let mut stamp = floor >> 22;
            if stamp << 22 < floor {
                stamp += 1;
            }
            stamp += (shard + shards - stamp % shards) % shards;
            let next = stamp << 22;
            match LAST.compare_exchange(last, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return next,
                Err(seen) => last = seen,
            }
        }
    }

    /// The id the current time makes (before uniqueness).
    fn next_candidate(&self) -> u64 {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(DISCORD_EPOCH_MS);
        now.saturating_sub(DISCORD_EPOCH_MS) << 22
    }
}

fn random_text(len: usize, alphabet: &[u8]) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect()
}

const URL_SAFE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A bot token shaped like Discord's: `base64(bot id).xxxxxx.yyyy...`.
pub(crate) fn bot_token(bot_id: u64) -> String {
    let id = base64::engine::general_purpose::STANDARD_NO_PAD.encode(bot_id.to_string());
    format!(
        "{id}.{}.{}",
        random_text(6, URL_SAFE),
        random_text(38, URL_SAFE)
    )
}

/// An interaction token (long, opaque).
pub(crate) fn interaction_token() -> String {
    format!("aW50ZXJhY3Rpb24{}", random_text(120, URL_SAFE))
}

/// A session id (32 hex characters).
pub(crate) fn session_id() -> String {
    random_text(32, b"0123456789abcdef")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflakes_increase_and_carry_the_time() {
        let ids = Snowflakes;
        let a = ids.next();
        let b = ids.next();
        assert!(b > a);
        let ms = (a >> 22) + DISCORD_EPOCH_MS;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        assert!(now.abs_diff(ms) < 5_000);
    }

    #[test]
    fn two_sandboxes_of_one_process_never_make_the_same_id() {
        // Each sandbox has its own generator; within one millisecond they used to give the
        // same ids, and tests running side by side mixed up what they keyed by id.
        let (one, two) = (Snowflakes, Snowflakes);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            assert!(seen.insert(one.next()), "a duplicate id");
            assert!(seen.insert(two.next()), "a duplicate id");
        }
    }

    #[test]
    fn ids_on_a_shard_land_on_it_and_stay_unique() {
        let ids = Snowflakes;
        let mut seen = std::collections::HashSet::new();
        for round in 0..50 {
            for shard in 0..16 {
                let id = ids.next_on_shard(shard, 16);
                assert_eq!((id >> 22) % 16, shard, "round {round}");
                assert!(seen.insert(id));
            }
            assert!(seen.insert(ids.next()));
        }
    }

    #[test]
    fn tokens_look_like_discord_tokens() {
        let token = bot_token(80351110224678912);
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decoded = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(parts[0])
            .unwrap();
        assert_eq!(decoded, b"80351110224678912");
    }
}
