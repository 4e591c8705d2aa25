//! Dispatches (op 4) from clients: UPDATE_METADATA, SEND, BROADCAST, QUERY_NODES.

use super::gateway::{Connection, Reply, frame, invalid};
use super::store::Push;
use super::{MeshState, metadata, query, term};
use rand::seq::IndexedRandom;
use serde_json::{Map, Value, json};
use std::sync::Arc;
use tokio::sync::mpsc;

pub(crate) fn handle(conn: &mut Connection, t: &str, d: &Map<String, Value>) -> Reply {
    if conn.restricted && t != "UPDATE_METADATA" {
        return Reply {
            frames: vec![invalid(&format!(
                "invalid dispatch type {t} (are you restricted?)"
            ))],
            close: None,
        };
    }
    match t {
        "UPDATE_METADATA" => update_metadata(conn, d),
        "SEND" | "BROADCAST" => route(conn, t == "BROADCAST", d),
        // V2019 builds a reply it cannot send: nothing ever comes back.
        "QUERY_NODES" => Reply::default(),
        other => {
            let payload = format!(
                "%Singyeong.Gateway.Payload{{d: {}, op: 4, t: {}, ts: nil}}",
                term::inspect(&Value::Object(d.clone())),
                term::inspect(&Value::String(other.to_owned()))
            );
            Reply::fatal(&format!("invalid dispatch payload: {payload}"))
        }
    }
}

fn update_metadata(conn: &Connection, d: &Map<String, Value>) -> Reply {
    let Some(clean) = metadata::validate(d) else {
        return Reply::fatal("couldn't validate metadata");
    };
    if let Some((app, client)) = &conn.identity
        && let Some(record) = conn.state.store().client_mut(app, client)
    {
        record.metadata.extend(clean);
    }
    Reply::default()
}

fn route(conn: &Connection, broadcast: bool, d: &Map<String, Value>) -> Reply {
    let (Some(target), Some(payload)) = (d.get("target"), d.get("payload")) else {
        // A failed pattern match in the handler is rescued as an internal error.
        return Reply::fatal("internal server error");
    };
    let message = Routed {
        target: target.clone(),
        nonce: d.get("nonce").cloned().unwrap_or(Value::Null),
        payload: payload.clone(),
        broadcast,
    };
    match message.deliver(&conn.state) {
        Err(crash) => {
            // The query runs in a linked task whose crash takes the socket down.
            tracing::warn!(
                crash = crash.0,
                "mesh: a routing query crashed the connection"
            );
            Reply {
                frames: Vec::new(),
                close: Some(1011),
            }
        }
        Ok(true) => Reply::default(),
        Ok(false) => {
            tokio::spawn(message.retry(conn.state.clone(), conn.push.clone()));
            Reply::default()
        }
    }
}

/// A SEND or BROADCAST on its way.
struct Routed {
    target: Value,
    nonce: Value,
    payload: Value,
    broadcast: bool,
}

impl Routed {
    /// Delivers now; `Ok(false)` when nobody matched.
    fn deliver(&self, state: &MeshState) -> Result<bool, query::Crash> {
        let store = state.store();
        let matches = query::run(&store, &self.target, self.broadcast)?;
        let Some(app) = matches.app.filter(|_| !matches.clients.is_empty()) else {
            return Ok(false);
        };
        let chosen: Vec<&String> = if self.broadcast {
            matches.clients.iter().collect()
        } else {
            matches
                .clients
                .choose(&mut rand::rng())
                .into_iter()
                .collect()
        };
        let t = if self.broadcast { "BROADCAST" } else { "SEND" };
        let out = frame(
            4,
            Some(t),
            json!({"nonce": self.nonce, "payload": self.payload}),
        );
        for client in chosen {
            if let Some(record) = store.client(&app, client) {
                let _ = record.push.send(Push::Frame(out.clone()));
            }
        }
        Ok(true)
    }

    /// Retries as the server does (3 more times, 1 s apart by default), then tells the sender.
    async fn retry(self, state: Arc<MeshState>, sender: mpsc::UnboundedSender<Push>) {
        for _ in 0..state.config.no_route_retries {
            tokio::time::sleep(state.config.no_route_interval).await;
            match self.deliver(&state) {
                Ok(true) => return,
                Ok(false) => continue,
                // An unlinked retry process crashing is silent.
                Err(_) => return,
            }
        }
        let error = format!(
            "no nodes match query for query {}",
            term::inspect(&self.target)
        );
        let failure = frame(3, None, json!({"error": error, "d": {"nonce": self.nonce}}));
        let _ = sender.send(Push::Frame(failure));
    }
}
