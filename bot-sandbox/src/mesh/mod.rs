//! A singyeong-compatible mesh server (the V2019 dialect shinkei 0.1.6 speaks) on its own port:
//! the gateway at `/gateway/websocket`, `/api/version`, `/api/v1/discovery/tags` and
//! `/api/v1/proxy`.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use bot_sandbox::mesh::{MeshConfig, MeshServer};
//!
//! let mesh = MeshServer::start(MeshConfig::default().password("s3cret")).await?;
//! println!("connect to {}", mesh.dsn("my-app"));
//! # Ok(()) }
//! ```

mod dispatch;
mod gateway;
mod http;
mod metadata;
mod proxy;
mod query;
mod store;
mod term;

use serde_json::{Map, Value};
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use store::{Push, Store};
use tokio::sync::watch;

/// How the mesh server behaves; the defaults are singyeong's.
#[derive(Debug, Clone)]
pub struct MeshConfig {
    port: u16,
    password: Option<String>,
    heartbeat_interval: Duration,
    idle_timeout: Duration,
    no_route_retries: u32,
    no_route_interval: Duration,
    max_frame_size: usize,
    proxy_timeout: Duration,
    log_traffic: bool,
}

impl Default for MeshConfig {
    fn default() -> Self {
        MeshConfig {
            port: 0,
            password: None,
            heartbeat_interval: Duration::from_millis(45_000),
            idle_timeout: Duration::from_secs(60),
            no_route_retries: 3,
            no_route_interval: Duration::from_secs(1),
            max_frame_size: 16 << 20,
            proxy_timeout: Duration::from_secs(5),
            log_traffic: false,
        }
    }
}

impl MeshConfig {
    /// Listens on this port (0, the default, picks a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// The server password (singyeong's `AUTH`): clients whose IDENTIFY `auth` differs are
    /// restricted, and `/api/v1/*` needs it as `Authorization`. Without one, a client that
    /// sends an `auth` is restricted (as in V2019).
    pub fn password(mut self, password: &str) -> Self {
        self.password = Some(password.to_owned());
        self
    }

    /// HELLO's `heartbeat_interval` (45 s); a client later than 1.5 intervals is closed.
    pub fn heartbeat_interval(mut self, interval: Duration) -> Self {
        self.heartbeat_interval = interval;
        self
    }

    /// Closes a socket (code 1000) that sent nothing for this long (60 s, Phoenix's default).
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = timeout;
        self
    }

    /// How an unroutable SEND/BROADCAST is retried before INVALID (3 more times, 1 s apart).
    pub fn no_route_retries(mut self, retries: u32, interval: Duration) -> Self {
        self.no_route_retries = retries;
        self.no_route_interval = interval;
        self
    }

    /// The largest frame accepted (16 MiB); a larger one ends the socket.
    pub fn max_frame_size(mut self, bytes: usize) -> Self {
        self.max_frame_size = bytes;
        self
    }

    /// The timeout of proxied requests (5 s, as HTTPoison's in V2019).
    pub fn proxy_timeout(mut self, timeout: Duration) -> Self {
        self.proxy_timeout = timeout;
        self
    }

    /// Logs every frame with `tracing`.
    pub fn log_traffic(mut self, on: bool) -> Self {
        self.log_traffic = on;
        self
    }
}

/// State shared by the gateway, the HTTP API and the handle.
#[derive(Debug)]
pub(crate) struct MeshState {
    pub(crate) config: MeshConfig,
    pub(crate) store: Mutex<Store>,
    pub(crate) next_conn: AtomicU64,
    /// `true` stops every socket (the server is going away).
    pub(crate) shutdown: watch::Sender<bool>,
    pub(crate) http: reqwest::Client,
}

impl MeshState {
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Starts mesh servers.
#[derive(Debug)]
pub struct MeshServer;

impl MeshServer {
    /// Binds 127.0.0.1 and serves until the handle is dropped.
    pub async fn start(config: MeshConfig) -> std::io::Result<MeshHandle> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let http = reqwest::Client::builder()
            .timeout(config.proxy_timeout)
            .build()
            .map_err(std::io::Error::other)?;
        let state = Arc::new(MeshState {
            config,
            store: Mutex::new(Store::default()),
            next_conn: AtomicU64::new(1),
            shutdown: watch::Sender::new(false),
            http,
        });
        let app = http::router(state.clone());
        let mut stopped = state.shutdown.subscribe();
        let server = tokio::spawn(async move {
            let service = app.into_make_service_with_connect_info::<SocketAddr>();
            let _ = axum::serve(listener, service)
                .with_graceful_shutdown(async move {
                    let _ = stopped.wait_for(|stop| *stop).await;
                })
                .await;
        });
        Ok(MeshHandle {
            state,
            addr,
            server,
        })
    }
}

/// A running mesh server. Dropping it stops the server and drops every socket.
#[derive(Debug)]
pub struct MeshHandle {
    state: Arc<MeshState>,
    addr: SocketAddr,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for MeshHandle {
    fn drop(&mut self) {
        self.state.shutdown.send_replace(true);
        self.server.abort();
    }
}

impl MeshHandle {
    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL shinkei takes: `singyeong://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("singyeong://{}", self.addr)
    }

    /// A DSN for an application: `singyeong://APP[:PASSWORD]@127.0.0.1:PORT`.
    pub fn dsn(&self, application: &str) -> String {
        match &self.state.config.password {
            Some(password) => format!("singyeong://{application}:{password}@{}", self.addr),
            None => format!("singyeong://{application}@{}", self.addr),
        }
    }

    /// Stops this server (every socket drops without a close frame, as when the process
    /// dies) and starts a fresh one on the same port with the same settings: nothing
    /// survives, as with singyeong.
    pub async fn restart(&mut self) -> std::io::Result<()> {
        self.state.shutdown.send_replace(true);
        self.server.abort();
        let _ = (&mut self.server).await;
        let config = self.state.config.clone().port(self.addr.port());
        let fresh = MeshServer::start(config).await?;
        let old = std::mem::replace(self, fresh);
        drop(old);
        Ok(())
    }

    fn push_all(&self, push: Push) -> usize {
        let pushes = self.state.store().pushes();
        pushes
            .iter()
            .filter(|channel| channel.send(push.clone()).is_ok())
            .count()
    }

    /// Sends GOODBYE (op 7, which singyeong defines but never sends) to every identified
    /// client; returns how many.
    pub fn goodbye_all(&self) -> usize {
        self.push_all(Push::Goodbye)
    }

    /// Drops the TCP connection of every identified client without a close frame; returns how
    /// many.
    pub fn drop_connections(&self) -> usize {
        self.push_all(Push::Drop)
    }

    /// The clients of an application, in id order.
    pub fn clients(&self, application: &str) -> Vec<String> {
        let store = self.state.store();
        let clients = store.apps.get(application);
        clients
            .map(|clients| clients.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// A client's metadata as the server stores it (plain values, reserved keys included).
    pub fn metadata(&self, application: &str, client: &str) -> Option<Map<String, Value>> {
        let store = self.state.store();
        store
            .client(application, client)
            .map(|record| record.metadata.clone())
    }

    /// How many open sockets are identified as this client right now (more than one means it
    /// registered twice).
    pub fn sockets_of(&self, application: &str, client: &str) -> usize {
        let key = (application.to_owned(), client.to_owned());
        self.state.store().live.get(&key).map_or(0, Vec::len)
    }

    /// How many IDENTIFYs of this client succeeded since the server started.
    pub fn identify_count(&self, application: &str, client: &str) -> u64 {
        let key = (application.to_owned(), client.to_owned());
        self.state
            .store()
            .identifies
            .get(&key)
            .copied()
            .unwrap_or(0)
    }
}
