//! How far the answer to one interaction has got, shared by every clone of its context and by
//! the auto-defer watchdog. The initial response is *claimed* atomically before its request is
//! sent, so two responders never both send one (Discord's 40060); the others wait for the
//! claim to settle, then edit or follow up.

use super::ResponseError;
use super::deferral::{AutoDefer, INITIAL_RESPONSE_WINDOW};
use crate::http::HttpError;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::watch;
use tokio::time::Instant;

/// Discord's "Unknown interaction": the token's initial-response window has passed.
const UNKNOWN_INTERACTION: u64 = 10062;
/// Discord's "Interaction has already been acknowledged".
const ALREADY_ACKNOWLEDGED: u64 = 40060;

/// How far the answer has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Nothing sent yet.
    #[default]
    Unanswered,
    /// An initial response (or deferral) is being sent.
    Sending,
    /// Deferred: the answer edits "thinking…" (or, for a component, its message).
    Deferred,
    /// A message (or a modal) answered it.
    Answered,
    /// The window closed with nothing sent: Discord accepts no answer any more.
    Expired,
}

/// What a responder does next, once no initial response is in flight.
pub(crate) enum Turn<'a> {
    /// Send the initial response, holding this claim.
    Initial(Claim<'a>),
    /// Edit the original response (it was deferred).
    Deferred,
    /// Send a follow-up (it was answered).
    Answered,
}

/// The answer's state. One per interaction.
#[derive(Debug)]
pub(crate) struct Answer {
    stage: watch::Sender<Stage>,
    received: Instant,
    first_response: OnceLock<std::time::Instant>,
    expiry_logged: AtomicBool,
    auto_defer: OnceLock<AutoDefer>,
}

impl Answer {
    /// The answer of an interaction received at `received`.
    pub(crate) fn new(received: Instant) -> Self {
        Answer {
            stage: watch::channel(Stage::Unanswered).0,
            received,
            first_response: OnceLock::new(),
            expiry_logged: AtomicBool::new(false),
            auto_defer: OnceLock::new(),
        }
    }

    pub(crate) fn stage(&self) -> Stage {
        let stage = *self.stage.borrow();
        if stage == Stage::Unanswered && self.window_closed() {
            Stage::Expired
        } else {
            stage
        }
    }

    /// When the interaction was received.
    pub(crate) fn received(&self) -> Instant {
        self.received
    }

    /// When the first response (or deferral) was sent, if it was.
    pub(crate) fn first_response_at(&self) -> Option<std::time::Instant> {
        self.first_response.get().copied()
    }

    /// The auto-defer setting of the invoked command, once the pipeline resolved it.
    pub(crate) fn auto_defer(&self) -> Option<AutoDefer> {
        self.auto_defer.get().copied()
    }

    pub(crate) fn set_auto_defer(&self, setting: AutoDefer) {
        let _ = self.auto_defer.set(setting);
    }

    fn window_closed(&self) -> bool {
        Instant::now() >= self.received + INITIAL_RESPONSE_WINDOW
    }

    /// [`ResponseError::Expired`], logged the first time only.
    pub(crate) fn expired(&self) -> ResponseError {
        if !self.expiry_logged.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                waited_ms = self.received.elapsed().as_millis() as u64,
                "the interaction was not answered within Discord's 3 s; no response can be \
                 sent any more"
            );
        }
        ResponseError::Expired
    }

    /// Claims the initial response if nothing was sent and the window is open; `Err(stage)`
    /// (without waiting) otherwise.
    pub(crate) fn try_claim(&self) -> Result<Claim<'_>, Stage> {
        let closed = self.window_closed();
        let mut seen = Stage::Unanswered;
        let claimed = self.stage.send_if_modified(|stage| {
            seen = *stage;
            if *stage == Stage::Unanswered && !closed {
                *stage = Stage::Sending;
                true
            } else {
                false
            }
        });
        if claimed {
            Ok(Claim {
                answer: self,
                settled: false,
            })
        } else if seen == Stage::Unanswered {
            Err(Stage::Expired)
        } else {
            Err(seen)
        }
    }

    /// What to do next: waits while another initial response is in flight, then claims the
    /// initial response, or says it was deferred or answered. [`ResponseError::Expired`] when
    /// the window closed with nothing sent.
    pub(crate) async fn turn(&self) -> Result<Turn<'_>, ResponseError> {
        loop {
            match self.try_claim() {
                Ok(claim) => return Ok(Turn::Initial(claim)),
                Err(Stage::Sending) => {
                    let mut settled = self.stage.subscribe();
                    let _ = settled.wait_for(|stage| *stage != Stage::Sending).await;
                }
                Err(Stage::Deferred) => return Ok(Turn::Deferred),
                Err(Stage::Answered) => return Ok(Turn::Answered),
                Err(Stage::Expired | Stage::Unanswered) => return Err(self.expired()),
            }
        }
    }

    /// The stage once no initial response is in flight.
    pub(crate) async fn settled(&self) -> Stage {
        let mut stage = self.stage.subscribe();
        let _ = stage.wait_for(|stage| *stage != Stage::Sending).await;
        self.stage()
    }

    /// Marks the answer given without a claim (an edit of the original response).
    pub(crate) fn mark_answered(&self) {
        self.stage.send_if_modified(|stage| {
            let change = *stage == Stage::Deferred;
            if change {
                *stage = Stage::Answered;
            }
            change
        });
    }
}

/// The right to send the initial response. Settle it with the request's outcome; dropped
/// unsettled (the request's future was dropped), it is released so another responder may try.
#[derive(Debug)]
pub(crate) struct Claim<'a> {
    answer: &'a Answer,
    settled: bool,
}

impl Claim<'_> {
    /// Records the outcome of the initial response's request: `done` on success; on a failure
    /// the stage Discord's error implies (expired on 10062, answered on 40060), else released.
    pub(crate) fn settle<T>(mut self, result: &Result<T, HttpError>, done: Stage) {
        let next = match result {
            Ok(_) => {
                let _ = self.answer.first_response.set(std::time::Instant::now());
                done
            }
            Err(error) => match error.code() {
                Some(UNKNOWN_INTERACTION) => Stage::Expired,
                Some(ALREADY_ACKNOWLEDGED) => Stage::Answered,
                _ => Stage::Unanswered,
            },
        };
        self.answer.stage.send_replace(next);
        self.settled = true;
    }
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        if !self.settled {
            self.answer.stage.send_replace(Stage::Unanswered);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn api(code: u64) -> Result<(), HttpError> {
        Err(HttpError::Api {
            status: 400,
            code,
            message: String::new(),
            errors: None,
        })
    }

    #[tokio::test(start_paused = true)]
    async fn one_claim_at_a_time_and_the_others_wait_for_it() {
        let answer = std::sync::Arc::new(Answer::new(Instant::now()));
        let claim = answer.try_claim().unwrap();
        assert_eq!(answer.try_claim().unwrap_err(), Stage::Sending);
        let waiting = tokio::spawn({
            let answer = answer.clone();
            async move {
                match answer.turn().await {
                    Ok(Turn::Deferred) => "deferred",
                    Ok(Turn::Answered) => "answered",
                    Ok(Turn::Initial(_)) => "initial",
                    Err(_) => "error",
                }
            }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            !waiting.is_finished(),
            "it waits while the claim is in flight"
        );
        claim.settle(&Ok::<(), HttpError>(()), Stage::Deferred);
        assert_eq!(waiting.await.unwrap(), "deferred");
        assert!(answer.first_response_at().is_some());
        answer.mark_answered();
        assert_eq!(answer.stage(), Stage::Answered);
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_or_dropped_claim_is_released_and_discord_errors_set_the_stage() {
        let answer = Answer::new(Instant::now());
        answer
            .try_claim()
            .unwrap()
            .settle(&api(50035), Stage::Answered);
        assert_eq!(answer.stage(), Stage::Unanswered, "released");
        drop(answer.try_claim().unwrap());
        assert_eq!(answer.stage(), Stage::Unanswered, "dropped: released");
        answer
            .try_claim()
            .unwrap()
            .settle(&api(40060), Stage::Deferred);
        assert_eq!(answer.stage(), Stage::Answered, "someone else answered");
        let late = Answer::new(Instant::now());
        late.try_claim()
            .unwrap()
            .settle(&api(10062), Stage::Answered);
        assert_eq!(late.stage(), Stage::Expired);
        assert!(matches!(late.turn().await, Err(ResponseError::Expired)));
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_is_claimed_once_the_window_closed() {
        let answer = Answer::new(Instant::now());
        tokio::time::sleep(INITIAL_RESPONSE_WINDOW - Duration::from_millis(1)).await;
        assert_eq!(answer.stage(), Stage::Unanswered);
        tokio::time::sleep(Duration::from_millis(1)).await;
        assert_eq!(answer.stage(), Stage::Expired);
        assert_eq!(answer.try_claim().unwrap_err(), Stage::Expired);
        assert!(matches!(answer.turn().await, Err(ResponseError::Expired)));
        // A deferred answer stays editable after the window.
        let deferred = Answer::new(Instant::now());
        deferred
            .try_claim()
            .unwrap()
            .settle(&Ok::<(), HttpError>(()), Stage::Deferred);
        tokio::time::sleep(INITIAL_RESPONSE_WINDOW * 2).await;
        assert!(matches!(deferred.turn().await, Ok(Turn::Deferred)));
    }
}
