//! The client handle: a cheap `Clone` around the state shared with the connection task, and
//! the owner token whose last drop closes the connection.

mod bus;
mod connection;
mod handshake;
mod http;
mod outbox;
mod subscription;
mod waiters;

pub use http::{ApiVersion, ProxyMethod, ProxyResponse};
pub use subscription::Subscription;

use crate::config::ClientBuilder;
use crate::events::Event;
use crate::metadata::Metadata;
use crate::protocol::{self, Opcode};
use crate::query::Query;
use crate::{Dsn, Error};
use bus::Bus;
use outbox::{Failure, Outbox};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::Instant;

/// A singyeong client (shinkei's `Client`/`BotClient`): connected, heartbeating, and
/// reconnecting with its metadata until [`Client::close`].
///
/// ```no_run
/// use bot_mesh::{Client, Metadata, Query};
///
/// # async fn demo() -> Result<(), bot_mesh::Error> {
/// let client = Client::builder("singyeong://my-app:s3cret@127.0.0.1:4567", "worker-1")?
///     .tags(["music"])
///     .connect()
///     .await?;
/// client.update_metadata(Metadata::new().with("shard_id", 3), true).await?;
/// let target = Query::new("my-app").eq("shard_id", 3);
/// client.send(&serde_json::json!({"hello": "world"}), &target, Some("n-1")).await?;
/// client.close().await;
/// # Ok(()) }
/// ```
///
/// # Lifetime
///
/// Clones are handles to the same connection. When the last handle is dropped the connection
/// closes (code 1000, no GOODBYE needed): the server unregisters the client at once and it no
/// longer reconnects. [`Client::close`] is the graceful way: it writes the frames already
/// queued first, and waits for the close. Streams, waiters and [`Subscription`]s do not keep
/// the client alive; they end with [`Error::Closed`] when it goes.
///
/// # Sending
///
/// [`send`](Client::send), [`broadcast`](Client::broadcast) and
/// [`update_metadata`](Client::update_metadata) put a frame in a bounded queue
/// ([`ClientBuilder::send_queue`]) that the connection writes in order, and wait until it is
/// written or until the send deadline ([`ClientBuilder::send_timeout`],
/// [`Client::with_send_timeout`]). `Ok(())` means *written to the socket*: V2019 has no
/// acknowledgement, so the frame may still be lost if the connection breaks right after, and a
/// SEND that matches nobody comes back later as an [`Event::Error`]. While the client
/// reconnects, frames wait in the queue for the next connection. Every error but
/// [`Error::Interrupted`] means the frame was never written and never will be:
///
/// - [`Error::QueueFull`]: the queue was full; refused at once.
/// - [`Error::Disconnected`]: no connection came back before the deadline; withdrawn.
/// - [`Error::Timeout`]: connected, but the frame was still queued at the deadline; withdrawn.
/// - [`Error::Closed`] / [`Error::Stopped`]: the client stopped first.
///
/// Dropping a send's future (with `tokio::time::timeout`, say) withdraws its frame the same
/// way, unless the connection already took it for writing.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
    owner: Arc<Owner>,
    send_timeout: Duration,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("application", &self.shared.config.dsn.application())
            .field("client_id", &self.shared.config.client_id)
            .field("closed", &self.is_closed())
            .field("queued", &self.queued())
            .field("send_timeout", &self.send_timeout)
            .finish()
    }
}

/// Held only by [`Client`] handles: when the last one goes, the close channel closes and the
/// connection task closes the socket.
#[derive(Debug)]
struct Owner {
    closes: mpsc::UnboundedSender<oneshot::Sender<()>>,
}

/// Why the client stopped.
#[derive(Debug, Clone)]
pub(crate) enum Stop {
    Closed,
    Failed(Arc<Error>),
}

/// What the handles, the receivers of events and the connection task share. It holds no
/// close channel, so the task does not keep the client alive.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: ClientBuilder,
    pub(crate) http: reqwest::Client,
    pub(crate) outbox: Arc<Outbox>,
    pub(crate) bus: Bus,
    pub(crate) stop: watch::Sender<Option<Stop>>,
    pub(crate) restricted: AtomicBool,
    pub(crate) latency: Mutex<Option<Duration>>,
    pub(crate) cache: Mutex<Metadata>,
    pub(crate) api_version: tokio::sync::OnceCell<ApiVersion>,
}

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub(crate) fn emit(&self, event: Event) {
        self.bus.emit(event);
    }

    fn stop_error(&self) -> Error {
        match &*self.stop.borrow() {
            Some(Stop::Failed(reason)) => Error::Stopped(reason.clone()),
            _ => Error::Closed,
        }
    }
}

impl Client {
    /// Starts configuring a client of the application and server named by `dsn`
    /// (`singyeong://APP[:PASSWORD]@HOST[:PORT]`, `ssingyeong://` for TLS).
    pub fn builder(dsn: &str, client_id: impl Into<String>) -> Result<ClientBuilder, Error> {
        let dsn: Dsn = dsn.parse()?;
        Ok(ClientBuilder::new(dsn, client_id.into()))
    }

    pub(crate) async fn start(config: ClientBuilder) -> Result<Client, Error> {
        let tls = match &config.tls {
            Some(tls) => tls.clone(),
            None => bot_tls::Tls::new(&[]).map_err(Error::Tls)?,
        };
        let http = tls
            .reqwest(reqwest::Client::builder())
            .timeout(config.http_timeout)
            .build()?;
        let mut config = config;
        config.tls = Some(tls);
        let (closes, receiver) = mpsc::unbounded_channel();
        let send_timeout = config.send_timeout;
        let shared = Arc::new(Shared {
            outbox: Arc::new(Outbox::new(config.send_queue)),
            bus: Bus::new(config.event_capacity),
            config,
            http,
            stop: watch::Sender::new(None),
            restricted: AtomicBool::new(false),
            latency: Mutex::new(None),
            cache: Mutex::new(Metadata::new()),
            api_version: tokio::sync::OnceCell::new(),
        });
        // Made before the task starts: if this future is dropped while connecting, the task
        // sees the close channel close and closes the socket.
        let owner = Arc::new(Owner { closes });
        let (ready, first) = oneshot::channel();
        tokio::spawn(connection::run(shared.clone(), receiver, ready));
        match first.await {
            Ok(Ok(())) => Ok(Client {
                shared,
                owner,
                send_timeout,
            }),
            Ok(Err(error)) => Err(error),
            Err(_) => Err(shared.stop_error()),
        }
    }

    /// The application id.
    pub fn application_id(&self) -> &str {
        self.shared.config.dsn.application()
    }

    /// This client's id.
    pub fn client_id(&self) -> &str {
        &self.shared.config.client_id
    }

    /// Whether the server restricted this client (READY's `restricted`).
    pub fn restricted(&self) -> bool {
        self.shared.restricted.load(Ordering::Acquire)
    }

    /// The time between the last heartbeat and its acknowledgement; `None` before the first.
    pub fn latency(&self) -> Option<Duration> {
        *lock(&self.shared.latency)
    }

    /// The metadata re-sent after every reconnect (what `update_metadata(.., true)` cached).
    pub fn cached_metadata(&self) -> Metadata {
        lock(&self.shared.cache).clone()
    }

    /// Whether the client stopped (closed, or ended by a fatal error).
    pub fn is_closed(&self) -> bool {
        self.shared.stop.borrow().is_some()
    }

    /// Waits until the client stops; the error that stopped it, `None` after [`Client::close`].
    pub async fn stopped(&self) -> Option<Arc<Error>> {
        let mut stop = self.shared.stop.subscribe();
        let reason = match stop.wait_for(Option::is_some).await {
            Ok(reason) => reason.clone(),
            Err(_) => None,
        };
        match reason {
            Some(Stop::Failed(error)) => Some(error),
            _ => None,
        }
    }

    /// How many frames wait in the send queue, at most
    /// [`send_queue`](ClientBuilder::send_queue)'s capacity.
    pub fn queued(&self) -> usize {
        self.shared.outbox.len()
    }

    /// The send deadline of this handle (by default
    /// [`ClientBuilder::send_timeout`]).
    pub fn send_timeout(&self) -> Duration {
        self.send_timeout
    }

    /// Another handle to the same client whose sends wait at most `timeout` (see
    /// [Sending](Client#sending)); the other handles keep theirs.
    pub fn with_send_timeout(&self, timeout: Duration) -> Client {
        Client {
            send_timeout: timeout,
            ..self.clone()
        }
    }

    /// Writes the frames already queued, closes the socket with code 1000 and stops
    /// reconnecting. Queued frames the connection could not write (it was down) fail with
    /// [`Error::Closed`].
    pub async fn close(&self) {
        let (done, closed) = oneshot::channel();
        if self.owner.closes.send(done).is_ok() {
            let _ = closed.await;
        }
        self.shared.stop.send_if_modified(|stop| {
            let was_running = stop.is_none();
            if was_running {
                *stop = Some(Stop::Closed);
            }
            was_running
        });
    }

    /// Sends `payload` to one client matching `target` (SEND). Returns once the frame is
    /// written to the socket; while reconnecting it waits in the send queue for the next
    /// connection, until the send deadline (see [Sending](Client#sending) for what each error
    /// means). Nothing comes back: replies are messages of their own, matched by `nonce`.
    pub async fn send<T: Serialize + ?Sized>(
        &self,
        payload: &T,
        target: &Query,
        nonce: Option<&str>,
    ) -> Result<(), Error> {
        self.route("SEND", payload, target, nonce).await
    }

    /// Sends `payload` to every client matching `target` (BROADCAST), as
    /// [`send`](Client::send) does.
    pub async fn broadcast<T: Serialize + ?Sized>(
        &self,
        payload: &T,
        target: &Query,
        nonce: Option<&str>,
    ) -> Result<(), Error> {
        self.route("BROADCAST", payload, target, nonce).await
    }

    async fn route<T: Serialize + ?Sized>(
        &self,
        kind: &'static str,
        payload: &T,
        target: &Query,
        nonce: Option<&str>,
    ) -> Result<(), Error> {
        if self.restricted() {
            return Err(Error::Restricted(kind));
        }
        target.validate()?;
        #[derive(Serialize)]
        struct Route<'a, T: Serialize + ?Sized> {
            nonce: Option<&'a str>,
            target: &'a Query,
            sender: &'a str,
            payload: &'a T,
        }
        let d = Route {
            nonce,
            target,
            sender: self.client_id(),
            payload,
        };
        self.write(protocol::encode(Opcode::Dispatch, Some(kind), &d).map_err(Error::Serialize)?)
            .await
    }

    /// Sets metadata (merged key by key on the server). With `cache`, it is also kept and
    /// re-sent after every reconnect — even when this call fails during an outage, the next
    /// connection applies it. Reserved keys and invalid values are refused before anything is
    /// sent. The frame is queued as [`send`](Client::send)'s is.
    pub async fn update_metadata(&self, metadata: Metadata, cache: bool) -> Result<(), Error> {
        metadata.validate()?;
        let frame = protocol::encode(Opcode::Dispatch, Some("UPDATE_METADATA"), &metadata)
            .map_err(Error::Serialize)?;
        self.check_size(&frame)?;
        if cache {
            lock(&self.shared.cache).merge(&metadata);
        }
        self.write(frame).await
    }

    fn check_size(&self, frame: &str) -> Result<(), Error> {
        let limit = self.shared.config.max_frame_size;
        if frame.len() > limit {
            return Err(Error::FrameTooLarge {
                size: frame.len(),
                limit,
            });
        }
        Ok(())
    }

    async fn write(&self, text: String) -> Result<(), Error> {
        self.check_size(&text)?;
        if self.is_closed() {
            return Err(self.shared.stop_error());
        }
        // A deadline too far to represent is no deadline.
        let deadline = Instant::now().checked_add(self.send_timeout);
        let ticket = self
            .shared
            .outbox
            .push(text)
            .map_err(|failure| self.failure(failure))?;
        ticket
            .wait(deadline)
            .await
            .map_err(|failure| self.failure(failure))
    }

    fn failure(&self, failure: Failure) -> Error {
        match failure {
            Failure::Full(capacity) => Error::QueueFull { capacity },
            Failure::Disconnected => Error::Disconnected,
            Failure::Timeout => Error::Timeout,
            Failure::Interrupted => Error::Interrupted,
            Failure::Stopped => self.shared.stop_error(),
        }
    }
}
