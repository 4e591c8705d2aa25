//! Who is connected: applications, their clients, metadata, tags and proxy addresses.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use tokio::sync::mpsc;

/// What the gateway can push to one socket.
#[derive(Debug, Clone)]
pub(crate) enum Push {
    /// A frame to send as is.
    Frame(Value),
    /// Send GOODBYE (op 7).
    Goodbye,
    /// Drop the TCP connection without a close frame.
    Drop,
}

/// One identified client.
#[derive(Debug)]
pub(crate) struct ClientRecord {
    /// The socket that registered it.
    pub(crate) conn: u64,
    pub(crate) metadata: Map<String, Value>,
    pub(crate) tags: Vec<String>,
    pub(crate) ip: Option<String>,
    pub(crate) restricted: bool,
    pub(crate) push: mpsc::UnboundedSender<Push>,
}

/// Every client by application, in client-id order (the order routing and hashing use).
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(crate) apps: BTreeMap<String, BTreeMap<String, ClientRecord>>,
    /// Live sockets identified as `(app, client)`, by connection id.
    pub(crate) live: HashMap<(String, String), Vec<u64>>,
    /// How many IDENTIFYs succeeded per `(app, client)`.
    pub(crate) identifies: HashMap<(String, String), u64>,
}

impl Store {
    pub(crate) fn client(&self, app: &str, client: &str) -> Option<&ClientRecord> {
        self.apps.get(app).and_then(|clients| clients.get(client))
    }

    pub(crate) fn client_mut(&mut self, app: &str, client: &str) -> Option<&mut ClientRecord> {
        self.apps
            .get_mut(app)
            .and_then(|clients| clients.get_mut(client))
    }

    pub(crate) fn register(&mut self, app: &str, client: &str, record: ClientRecord) {
        let key = (app.to_owned(), client.to_owned());
        self.live.entry(key.clone()).or_default().push(record.conn);
        *self.identifies.entry(key).or_default() += 1;
        self.apps
            .entry(app.to_owned())
            .or_default()
            .insert(client.to_owned(), record);
    }

    /// A socket closed: it is no longer live, and its record goes if it still owns it (a
    /// record re-registered by a newer socket stays).
    pub(crate) fn remove(&mut self, app: &str, client: &str, conn: u64) {
        let key = (app.to_owned(), client.to_owned());
        if let Some(conns) = self.live.get_mut(&key) {
            conns.retain(|live| *live != conn);
        }
        if let Some(clients) = self.apps.get_mut(app) {
            if clients
                .get(client)
                .is_some_and(|record| record.conn == conn)
            {
                clients.remove(client);
            }
            if clients.is_empty() {
                self.apps.remove(app);
            }
        }
    }

    /// Apps whose unrestricted clients together carry every tag, in id order (`[]` for none).
    pub(crate) fn apps_with_tags(&self, tags: &[String]) -> Vec<String> {
        if tags.is_empty() {
            return Vec::new();
        }
        self.apps
            .iter()
            .filter(|(_, clients)| {
                tags.iter().all(|tag| {
                    clients
                        .values()
                        .any(|record| !record.restricted && record.tags.contains(tag))
                })
            })
            .map(|(app, _)| app.clone())
            .collect()
    }

    /// Every push channel, for faults injected into all sockets.
    pub(crate) fn pushes(&self) -> Vec<mpsc::UnboundedSender<Push>> {
        self.apps
            .values()
            .flat_map(|clients| clients.values().map(|record| record.push.clone()))
            .collect()
    }
}
