//! The typing indicator kept up while a guard lives.

use crate::http::HttpError;
use crate::model::{ChannelMarker, Id};
use std::fmt;
use std::future::Future;
use std::time::Duration;

/// How often a [`Typing`] guard re-sends the indicator: Discord's lasts 10 seconds, so 8 keep
/// it on without a gap.
pub const TYPING_INTERVAL: Duration = Duration::from_secs(8);

/// "The bot is typing…" in a channel, kept up until this guard is dropped (or
/// [`stop`](Self::stop)ped): what [`Id::typing`](crate::model::Id::typing) returns. The
/// indicator itself fades within 10 s of the last send, or as soon as the bot sends a message.
#[must_use = "the indicator stops being re-sent when the guard is dropped"]
pub struct Typing {
    channel: Id<ChannelMarker>,
    task: tokio::task::JoinHandle<()>,
}

impl Typing {
    /// Re-sends with `send` every [`TYPING_INTERVAL`] from now (the first send is the
    /// caller's) until dropped, or until a send fails.
    pub(crate) fn keep<F, Fut>(channel: Id<ChannelMarker>, mut send: F) -> Typing
    where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), HttpError>> + Send + 'static,
    {
        let first = tokio::time::Instant::now() + TYPING_INTERVAL;
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval_at(first, TYPING_INTERVAL);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                if let Err(error) = send().await {
                    tracing::warn!(%channel, %error, "the typing indicator could not be re-sent");
                    return;
                }
            }
        });
        Typing { channel, task }
    }

    /// The channel it types in.
    pub fn channel(&self) -> Id<ChannelMarker> {
        self.channel
    }

    /// Stops re-sending (as dropping it does).
    pub fn stop(self) {}

    /// Whether it still re-sends: `false` once a re-send failed.
    pub fn is_active(&self) -> bool {
        !self.task.is_finished()
    }
}

impl Drop for Typing {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl fmt::Debug for Typing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Typing")
            .field("channel", &self.channel)
            .field("active", &self.is_active())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tokio::time::{Instant, advance};

    /// A guard whose sends are recorded (as seconds since `start`); from the `fail_from`th on,
    /// they fail.
    fn recorded(start: Instant, sends: Arc<Mutex<Vec<u64>>>, fail_from: Option<usize>) -> Typing {
        Typing::keep(Id::new(1), move || {
            let sends = sends.clone();
            async move {
                let mut sends = sends.lock().unwrap();
                sends.push(start.elapsed().as_secs());
                match fail_from {
                    Some(n) if sends.len() >= n => Err(HttpError::Decode("refused".to_owned())),
                    _ => Ok(()),
                }
            }
        })
    }

    /// Lets the clock run `secs` seconds, one at a time, so the guard's task gets to run.
    async fn run_for(secs: u64) {
        for _ in 0..secs {
            advance(Duration::from_secs(1)).await;
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn re_sends_every_eight_seconds_until_dropped() {
        let start = Instant::now();
        let sends = Arc::new(Mutex::new(Vec::new()));
        let typing = recorded(start, sends.clone(), None);
        run_for(7).await;
        assert!(
            sends.lock().unwrap().is_empty(),
            "the first send is the caller's"
        );
        run_for(20).await;
        assert_eq!(*sends.lock().unwrap(), [8, 16, 24]);
        assert!(typing.is_active());
        drop(typing);
        run_for(40).await;
        assert_eq!(
            *sends.lock().unwrap(),
            [8, 16, 24],
            "nothing after the drop"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_re_send_ends_the_re_sending() {
        let start = Instant::now();
        let sends = Arc::new(Mutex::new(Vec::new()));
        let typing = recorded(start, sends.clone(), Some(2));
        run_for(40).await;
        assert_eq!(*sends.lock().unwrap(), [8, 16]);
        assert!(!typing.is_active());
        typing.stop();
    }
}
