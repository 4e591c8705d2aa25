//! How a client connects: the builder.

use crate::Dsn;
use std::time::Duration;

/// Settings of a [`crate::Client`]; see [`crate::Client::builder`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    pub(crate) dsn: Dsn,
    pub(crate) client_id: String,
    pub(crate) tags: Option<Vec<String>>,
    pub(crate) ip: Option<String>,
    pub(crate) reconnect: bool,
    pub(crate) allow_restricted: bool,
    pub(crate) backoff_initial: Duration,
    pub(crate) backoff_max: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) http_timeout: Duration,
    pub(crate) max_frame_size: usize,
    pub(crate) event_capacity: usize,
    pub(crate) send_queue: usize,
    pub(crate) send_timeout: Duration,
    pub(crate) tls: Option<bot_tls::Tls>,
}

/// The default frame limit: 16 MiB.
pub const DEFAULT_MAX_FRAME_SIZE: usize = 16 << 20;

/// The default capacity of the send queue: 1024 frames. While connected the queue empties as
/// fast as the socket takes frames, so only a burst larger than this fills it; during an
/// outage it bounds what waits for the next connection.
pub const DEFAULT_SEND_QUEUE: usize = 1024;

/// The default send deadline: 10 s, a few reconnect attempts at the default back-off, and
/// shorter than most callers' own request timeouts.
pub const DEFAULT_SEND_TIMEOUT: Duration = Duration::from_secs(10);

impl ClientBuilder {
    pub(crate) fn new(dsn: Dsn, client_id: String) -> ClientBuilder {
        ClientBuilder {
            dsn,
            client_id,
            tags: None,
            ip: None,
            reconnect: true,
            allow_restricted: false,
            backoff_initial: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(20),
            http_timeout: Duration::from_secs(30),
            max_frame_size: DEFAULT_MAX_FRAME_SIZE,
            event_capacity: 1024,
            send_queue: DEFAULT_SEND_QUEUE,
            send_timeout: DEFAULT_SEND_TIMEOUT,
            tls: None,
        }
    }

    /// Service-discovery tags sent in IDENTIFY (the server ignores them for restricted
    /// clients).
    pub fn tags(mut self, tags: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// The address the server proxies HTTP requests for this client to (`host:port`, or a
    /// URL starting with `http://`/`https://`); by default the server uses the peer address.
    pub fn ip(mut self, ip: impl Into<String>) -> Self {
        self.ip = Some(ip.into());
        self
    }

    /// Whether to reconnect after a GOODBYE, a dropped socket or a server close (default:
    /// yes). Without it the client stops at the first disconnect.
    pub fn reconnect(mut self, reconnect: bool) -> Self {
        self.reconnect = reconnect;
        self
    }

    /// Accepts a restricted session although a password was sent. By default that is taken
    /// as a wrong password and the client stops with [`crate::Error::AuthRejected`].
    pub fn allow_restricted(mut self, allow: bool) -> Self {
        self.allow_restricted = allow;
        self
    }

    /// The reconnect back-off: the first delay is at most `initial`, doubling up to `max`
    /// (defaults: 500 ms, 30 s).
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.backoff_initial = initial;
        self.backoff_max = max;
        self
    }

    /// How long a connection may take from the TCP connect to READY (default 20 s, as
    /// shinkei).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The timeout of HTTP API calls (default 30 s).
    pub fn http_timeout(mut self, timeout: Duration) -> Self {
        self.http_timeout = timeout;
        self
    }

    /// The largest frame the client sends or accepts (default [`DEFAULT_MAX_FRAME_SIZE`]).
    pub fn max_frame_size(mut self, bytes: usize) -> Self {
        self.max_frame_size = bytes;
        self
    }

    /// How many events a slow [`crate::Client::wait_for`], [`crate::Client::stream`] or
    /// [`crate::Subscription`] may fall behind before it misses some (default 1024, at least
    /// 1); it is then told which with [`crate::Error::Lagged`].
    pub fn event_capacity(mut self, capacity: usize) -> Self {
        self.event_capacity = capacity.max(1);
        self
    }

    /// How many frames may wait to be written (default [`DEFAULT_SEND_QUEUE`], at least 1).
    /// A send that finds the queue full fails at once with [`crate::Error::QueueFull`]; the
    /// memory held is at most this many frames of at most
    /// [`max_frame_size`](Self::max_frame_size) each.
    pub fn send_queue(mut self, capacity: usize) -> Self {
        self.send_queue = capacity.max(1);
        self
    }

    /// How long a send waits for its frame to be written (default
    /// [`DEFAULT_SEND_TIMEOUT`]): past it the frame is withdrawn, never sent, and the send
    /// fails with [`crate::Error::Disconnected`] (no connection) or [`crate::Error::Timeout`].
    /// [`crate::Client::with_send_timeout`] sets it per handle.
    pub fn send_timeout(mut self, timeout: Duration) -> Self {
        self.send_timeout = timeout;
        self
    }

    /// The TLS configuration of `ssingyeong://` (the WebSocket and the HTTP API alike; default:
    /// the back end's roots only). A bot hands the mesh its own with `bot.http().tls()`.
    pub fn tls(mut self, tls: bot_tls::Tls) -> Self {
        self.tls = Some(tls);
        self
    }

    /// Connects and waits for READY.
    pub async fn connect(self) -> Result<crate::Client, crate::Error> {
        crate::Client::start(self).await
    }
}
