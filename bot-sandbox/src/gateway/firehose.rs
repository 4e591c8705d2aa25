//! Bursts of pre-built dispatches: each `d` is serialized once when the burst is queued, and the
//! writer of each connection builds the frames (`t`, `s`, `op`, `d`) one by one as the socket
//! takes them, so a burst of 200,000 costs its serialized payloads and nothing per frame.

use super::intents;
use serde_json::Value;
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::watch;

/// The text of one dispatch from its parts, each already JSON (`event` with its quotes), keys in
/// Discord's order.
pub(crate) fn dispatch_text(seq: u64, event: &str, data: &str) -> String {
    format!(r#"{{"t":{event},"s":{seq},"op":0,"d":{data}}}"#)
}

/// An event name as JSON (quoted and escaped), ready for [`dispatch_text`].
pub(crate) fn event_json(event: &str) -> String {
    Value::from(event).to_string()
}

/// How the connections a burst was queued to got on.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    /// Connections it was queued to.
    queued: usize,
    /// Connections that wrote and flushed every frame.
    complete: usize,
    /// Connections that ended (or were gone) before writing every frame.
    cut_short: usize,
}

impl Tally {
    fn finished(&self) -> bool {
        self.complete + self.cut_short >= self.queued
    }
}

/// What the writers report as they go.
#[derive(Debug)]
struct Progress {
    frames: usize,
    written: AtomicU64,
    tally: watch::Sender<Tally>,
}

/// One burst's payloads, shared by the connections it goes to.
#[derive(Debug)]
pub(crate) struct BurstData {
    /// The event name as JSON.
    event: String,
    /// Every `d`, serialized, one after another.
    text: String,
    /// Where each `d` ends in `text`.
    ends: Vec<usize>,
    progress: Arc<Progress>,
}

/// A burst's payloads as one `String` and where each ends.
#[derive(Debug, Default)]
struct Texts {
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    fn with_capacity(count: usize) -> Self {
        Texts {
            text: String::new(),
            ends: Vec::with_capacity(count),
        }
    }

    fn push(&mut self, payload: &Value) {
        // Writing to a `String` cannot fail.
        let _ = write!(self.text, "{payload}");
        self.ends.push(self.text.len());
    }
}

/// Which messages of a burst a session without MESSAGE_CONTENT sees blanked: every one but the
/// bot's own, those that mention it, and all of them in a DM (see [`intents::keeps_content`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct BlankRule<'a> {
    /// The bot user's id.
    pub(crate) bot: &'a str,
    /// The burst goes to a DM (no guild).
    pub(crate) in_dm: bool,
}

impl BlankRule<'_> {
    fn apply(self, payload: &mut Value) {
        intents::hide_content(payload, self.bot, self.in_dm);
    }
}

impl BurstData {
    /// Serializes every payload once; with `blank`, also each payload as a session without
    /// MESSAGE_CONTENT sees it, in the same pass, as a second burst that shares the first one's
    /// progress (one [`Burst`] tells about both).
    pub(crate) fn new(
        event: &str,
        payloads: impl IntoIterator<Item = Value>,
        blank: Option<BlankRule<'_>>,
    ) -> (Self, Option<Self>) {
        let payloads = payloads.into_iter();
        let count = payloads.size_hint().0;
        let mut full = Texts::with_capacity(count);
        let mut blanked = blank.map(|_| Texts::with_capacity(count));
        for mut payload in payloads {
            full.push(&payload);
            if let (Some(rule), Some(blanked)) = (blank, blanked.as_mut()) {
                rule.apply(&mut payload);
                blanked.push(&payload);
            }
        }
        let progress = Arc::new(Progress {
            frames: full.ends.len(),
            written: AtomicU64::new(0),
            tally: watch::channel(Tally::default()).0,
        });
        let event = event_json(event);
        let blanked = blanked.map(|texts| BurstData {
            event: event.clone(),
            text: texts.text,
            ends: texts.ends,
            progress: progress.clone(),
        });
        let full = BurstData {
            event,
            text: full.text,
            ends: full.ends,
            progress,
        };
        (full, blanked)
    }

    /// This burst as a session without MESSAGE_CONTENT sees it, from the serialized payloads,
    /// sharing this one's progress (for a session that identified after [`BurstData::new`] was
    /// told none lacked the intent).
    pub(crate) fn blanked(&self, rule: BlankRule<'_>) -> Self {
        let mut texts = Texts::with_capacity(self.len());
        for index in 0..self.len() {
            let mut payload = self
                .payload(index)
                .and_then(|text| serde_json::from_str(text).ok())
                .unwrap_or(Value::Null);
            rule.apply(&mut payload);
            texts.push(&payload);
        }
        BurstData {
            event: self.event.clone(),
            text: texts.text,
            ends: texts.ends,
            progress: self.progress.clone(),
        }
    }

    /// How many dispatches it holds.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text of dispatch `index` numbered `seq` (`d: null` past the end: never asked for).
    pub(crate) fn frame(&self, index: usize, seq: u64) -> String {
        dispatch_text(seq, &self.event, self.payload(index).unwrap_or("null"))
    }

    /// The serialized `d` of dispatch `index`.
    fn payload(&self, index: usize) -> Option<&str> {
        self.ends.get(index).and_then(|&end| {
            let start = index.checked_sub(1).map_or(0, |i| self.ends[i]);
            self.text.get(start..end)
        })
    }

    /// The handle a test keeps.
    pub(crate) fn handle(&self) -> Burst {
        Burst {
            progress: self.progress.clone(),
        }
    }
}

/// One connection's share of a burst: the writer takes frames from it in order. Dropping it
/// before [`Delivery::finish`] counts the connection as cut short.
#[derive(Debug)]
pub(crate) struct Delivery {
    burst: Arc<BurstData>,
    first_seq: u64,
    next: usize,
    flushed: bool,
}

impl Delivery {
    /// Counts one more connection for the burst; its dispatches are numbered from `first_seq`.
    pub(crate) fn new(burst: Arc<BurstData>, first_seq: u64) -> Self {
        burst.progress.tally.send_modify(|t| t.queued += 1);
        Delivery {
            burst,
            first_seq,
            next: 0,
            flushed: false,
        }
    }

    /// The event name (for the traffic log) and how many dispatches are left.
    pub(crate) fn describe(&self) -> (&str, usize) {
        (&self.burst.event, self.burst.len() - self.next)
    }

    /// The text of the next frame, if any is left (call [`Delivery::advance`] once it is written).
    pub(crate) fn next_frame(&self) -> Option<String> {
        (self.next < self.burst.len()).then(|| {
            self.burst
                .frame(self.next, self.first_seq + self.next as u64)
        })
    }

    /// The frame from [`Delivery::next_frame`] was handed to the socket.
    pub(crate) fn advance(&mut self) {
        self.next += 1;
        self.burst.progress.written.fetch_add(1, Ordering::Relaxed);
    }

    /// Every frame was written and flushed.
    pub(crate) fn finish(&mut self) {
        self.flushed = self.next == self.burst.len();
    }
}

impl Drop for Delivery {
    fn drop(&mut self) {
        let complete = self.flushed;
        self.burst.progress.tally.send_modify(|t| {
            if complete {
                t.complete += 1;
            } else {
                t.cut_short += 1;
            }
        });
    }
}

/// A burst queued by [`crate::GatewayControl::firehose`]: how far the sandbox got writing it.
///
/// The frames are built and written by each connection's writer as fast as its socket takes them;
/// the caller is never blocked. Anything queued after the burst on the same connection (heartbeat
/// ACKs, other dispatches, [`crate::GatewayControl::close_all`], ...) goes out after it.
#[derive(Clone, Debug)]
pub struct Burst {
    progress: Arc<Progress>,
}

impl Burst {
    /// How many live connections the burst was queued to.
    pub fn sessions(&self) -> usize {
        self.progress.tally.borrow().queued
    }

    /// How many dispatches each connection gets.
    pub fn frames(&self) -> usize {
        self.progress.frames
    }

    /// Frames handed to the sockets so far, summed over the connections. The last ones of a
    /// connection may sit in its WebSocket write buffer (128 KiB) until the burst is flushed.
    pub fn written(&self) -> u64 {
        self.progress.written.load(Ordering::Relaxed)
    }

    /// How many connections ended before the whole burst was written to them.
    pub fn cut_short(&self) -> usize {
        self.progress.tally.borrow().cut_short
    }

    /// Whether every connection is done with the burst: wrote and flushed all of it, or ended.
    pub fn is_finished(&self) -> bool {
        self.progress.tally.borrow().finished()
    }

    /// Waits up to `timeout` until every connection is done with the burst; `true` when every
    /// frame was written and flushed to every connection's socket (the client may not have read
    /// them yet), `false` on a timeout or when a connection ended first.
    pub async fn wait_written(&self, timeout: Duration) -> bool {
        let mut rx = self.progress.tally.subscribe();
        match tokio::time::timeout(timeout, rx.wait_for(Tally::finished)).await {
            Ok(Ok(tally)) => tally.cut_short == 0,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn frames_are_built_from_the_serialized_payloads_in_order() {
        let burst = Arc::new(
            BurstData::new(
                "MESSAGE_CREATE",
                (0..3).map(|i| json!({"id": i.to_string(), "content": "a \"quote\""})),
                None,
            )
            .0,
        );
        let handle = burst.handle();
        let mut delivery = Delivery::new(burst.clone(), 7);
        let mut seen = Vec::new();
        while let Some(text) = delivery.next_frame() {
            seen.push(serde_json::from_str::<Value>(&text).unwrap());
            delivery.advance();
        }
        assert_eq!(seen.len(), 3);
        for (i, frame) in seen.iter().enumerate() {
            assert_eq!(frame["op"], 0);
            assert_eq!(frame["s"], 7 + i as u64);
            assert_eq!(frame["t"], "MESSAGE_CREATE");
            assert_eq!(frame["d"]["id"], i.to_string());
            assert_eq!(frame["d"]["content"], "a \"quote\"");
        }
        assert_eq!((handle.sessions(), handle.written()), (1, 3));
        assert!(!handle.is_finished());
        delivery.finish();
        drop(delivery);
        assert!(handle.is_finished());
        assert_eq!(handle.cut_short(), 0);
    }

    #[test]
    fn a_delivery_dropped_early_is_cut_short() {
        let burst = Arc::new(BurstData::new("X", vec![json!(1), json!(2)], None).0);
        let handle = burst.handle();
        let mut delivery = Delivery::new(burst, 1);
        delivery.advance();
        delivery.finish();
        drop(delivery);
        assert!(handle.is_finished());
        assert_eq!(handle.cut_short(), 1);
    }

    #[test]
    fn an_empty_burst_is_finished_at_once() {
        let burst = BurstData::new("X", Vec::new(), None).0;
        assert_eq!(burst.len(), 0);
        assert!(burst.handle().is_finished());
    }

    #[test]
    fn a_blanked_burst_shares_the_progress_and_keeps_the_exceptions() {
        let rule = BlankRule {
            bot: "42",
            in_dm: false,
        };
        let payloads = || {
            vec![
                json!({"author": {"id": "7"}, "content": "secret", "mentions": []}),
                json!({"author": {"id": "42"}, "content": "mine", "mentions": []}),
                json!({"author": {"id": "7"}, "content": "hey <@42>", "mentions": [{"id": "42"}]}),
            ]
        };
        let (full, blanked) = BurstData::new("MESSAGE_CREATE", payloads(), Some(rule));
        let blanked = blanked.expect("asked for");
        let contents = |burst: &BurstData| -> Vec<Value> {
            (0..burst.len())
                .map(|i| {
                    serde_json::from_str::<Value>(&burst.frame(i, 1)).unwrap()["d"]["content"]
                        .clone()
                })
                .collect()
        };
        assert_eq!(
            contents(&full),
            [json!("secret"), json!("mine"), json!("hey <@42>")]
        );
        assert_eq!(
            contents(&blanked),
            [json!(""), json!("mine"), json!("hey <@42>")]
        );
        assert_eq!(contents(&full.blanked(rule)), contents(&blanked));
        let in_dm = BlankRule {
            in_dm: true,
            ..rule
        };
        assert_eq!(contents(&full.blanked(in_dm)), contents(&full));

        let (full, blanked) = (Arc::new(full), Arc::new(blanked));
        let handle = full.handle();
        for burst in [full, blanked] {
            let mut delivery = Delivery::new(burst, 1);
            while delivery.next_frame().is_some() {
                delivery.advance();
            }
            delivery.finish();
        }
        assert_eq!(
            (handle.sessions(), handle.frames(), handle.written()),
            (2, 3, 6)
        );
        assert!(handle.is_finished() && handle.cut_short() == 0);
        assert!(BurstData::new("X", payloads(), None).1.is_none());
    }
}
