//! The client handle: a cheap `Clone` around the state shared with the connection task.

mod connection;
mod handshake;
mod http;
mod waiters;

pub use http::{ApiVersion, ProxyMethod, ProxyResponse};

use crate::config::ClientBuilder;
use crate::events::Event;
use crate::metadata::Metadata;
use crate::protocol::{self, Opcode};
use crate::query::Query;
use crate::{Dsn, Error};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, oneshot, watch};

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
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("application", &self.shared.config.dsn.application())
            .field("client_id", &self.shared.config.client_id)
            .field("closed", &self.is_closed())
            .finish()
    }
}

/// Why the client stopped.
#[derive(Debug, Clone)]
pub(crate) enum Stop {
    Closed,
    Failed(Arc<Error>),
}

/// A frame for the connection task, with a channel that says when it was written.
#[derive(Debug)]
pub(crate) enum Command {
    Frame {
        text: String,
        written: oneshot::Sender<()>,
    },
    Close {
        done: oneshot::Sender<()>,
    },
}

/// What the handle and the connection task share.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: ClientBuilder,
    pub(crate) http: reqwest::Client,
    pub(crate) commands: mpsc::UnboundedSender<Command>,
    pub(crate) events: broadcast::Sender<Event>,
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
        // No receiver is fine: nobody waits for this kind of event.
        let _ = self.events.send(event);
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
        let http = reqwest::Client::builder()
            .timeout(config.http_timeout)
            .build()?;
        let (commands, receiver) = mpsc::unbounded_channel();
        let (events, _) = broadcast::channel(config.event_capacity);
        let shared = Arc::new(Shared {
            config,
            http,
            commands,
            events,
            stop: watch::Sender::new(None),
            restricted: AtomicBool::new(false),
            latency: Mutex::new(None),
            cache: Mutex::new(Metadata::new()),
            api_version: tokio::sync::OnceCell::new(),
        });
        let (ready, first) = oneshot::channel();
        tokio::spawn(connection::run(shared.clone(), receiver, ready));
        match first.await {
            Ok(Ok(())) => Ok(Client { shared }),
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

    /// Closes the socket with code 1000 and stops reconnecting.
    pub async fn close(&self) {
        let (done, closed) = oneshot::channel();
        if self.shared.commands.send(Command::Close { done }).is_ok() {
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

    /// Sends `payload` to one client matching `target` (SEND). Returns once the frame is on
    /// the socket; while reconnecting it waits for the next connection. Nothing comes back:
    /// replies are messages of their own, matched by `nonce`.
    pub async fn send<T: Serialize + ?Sized>(
        &self,
        payload: &T,
        target: &Query,
        nonce: Option<&str>,
    ) -> Result<(), Error> {
        self.route("SEND", payload, target, nonce).await
    }

    /// Sends `payload` to every client matching `target` (BROADCAST).
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
    /// re-sent after every reconnect. Reserved keys and invalid values are refused before
    /// anything is sent.
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
        let (written, done) = oneshot::channel();
        self.shared
            .commands
            .send(Command::Frame { text, written })
            .map_err(|_| self.shared.stop_error())?;
        done.await.map_err(|_| self.shared.stop_error())
    }
}
