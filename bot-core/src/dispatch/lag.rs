//! Lag episodes: the events a consumer lost, per shard, until they are reported.

use crate::event::Lagged;

/// The events dropped for one consumer from one shard since the episode began.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Episode {
    shard: u64,
    dropped: u64,
    first_seq: Option<u64>,
    last_seq: Option<u64>,
    last_event: &'static str,
}

/// The open episodes of one consumer (one per shard that dropped events for it).
#[derive(Debug, Default)]
pub(super) struct Episodes {
    open: Vec<Episode>,
}

impl Episodes {
    /// Notes an event dropped from `shard`; `true` when it opened the consumer's first episode
    /// (the caller then schedules a report).
    pub(super) fn dropped(&mut self, shard: u64, seq: Option<u64>, event: &'static str) -> bool {
        let first = self.open.is_empty();
        match self.open.iter_mut().find(|e| e.shard == shard) {
            Some(episode) => {
                episode.dropped += 1;
                episode.last_seq = seq.or(episode.last_seq);
                episode.last_event = event;
            }
            None => self.open.push(Episode {
                shard,
                dropped: 1,
                first_seq: seq,
                last_seq: seq,
                last_event: event,
            }),
        }
        first
    }

    /// Whether an episode is open.
    pub(super) fn is_open(&self) -> bool {
        !self.open.is_empty()
    }

    /// Ends every open episode: the reports, each with the name of its last dropped event.
    pub(super) fn close(&mut self, consumer: &str) -> Vec<(Lagged, &'static str)> {
        self.open
            .drain(..)
            .map(|episode| {
                (
                    Lagged {
                        consumer: consumer.to_owned(),
                        shard: episode.shard,
                        dropped: episode.dropped,
                        first_seq: episode.first_seq,
                        last_seq: episode.last_seq,
                    },
                    episode.last_event,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_add_up_per_shard_until_closed_and_only_the_first_opens_an_episode() {
        let mut episodes = Episodes::default();
        assert!(episodes.dropped(0, Some(5), "MESSAGE_CREATE"));
        assert!(!episodes.dropped(0, Some(6), "MESSAGE_CREATE"));
        assert!(!episodes.dropped(1, None, "TYPING_START"));
        assert!(!episodes.dropped(0, Some(9), "MESSAGE_UPDATE"));
        assert!(episodes.is_open());
        let reports = episodes.close("slow");
        assert_eq!(
            reports,
            [
                (
                    Lagged {
                        consumer: "slow".to_owned(),
                        shard: 0,
                        dropped: 3,
                        first_seq: Some(5),
                        last_seq: Some(9),
                    },
                    "MESSAGE_UPDATE"
                ),
                (
                    Lagged {
                        consumer: "slow".to_owned(),
                        shard: 1,
                        dropped: 1,
                        first_seq: None,
                        last_seq: None,
                    },
                    "TYPING_START"
                ),
            ]
        );
        assert!(!episodes.is_open());
        assert!(episodes.close("slow").is_empty());
        assert!(
            episodes.dropped(0, Some(10), "MESSAGE_CREATE"),
            "a new episode"
        );
    }
}
