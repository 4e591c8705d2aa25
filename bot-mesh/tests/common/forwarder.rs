//! A TCP forwarder between a client and the mesh server that can be shut (every connection
//! through it dropped, new ones refused after accept) and restored: an outage on demand.

use std::net::SocketAddr;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// Forwards every connection to `target` while open; dropping it stops forwarding.
pub struct Forwarder {
    addr: SocketAddr,
    open: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Forwarder {
    pub async fn start(target: SocketAddr) -> Forwarder {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let open = watch::Sender::new(true);
        let state = open.clone();
        let task = tokio::spawn(async move {
            while let Ok((inbound, _)) = listener.accept().await {
                if !*state.borrow() {
                    // Shut: the client sees its connection end before HELLO.
                    drop(inbound);
                    continue;
                }
                tokio::spawn(forward(inbound, target, state.subscribe()));
            }
        });
        Forwarder { addr, open, task }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Drops every forwarded connection and refuses new ones.
    pub fn shut(&self) {
        self.open.send_replace(false);
    }

    /// Forwards new connections again.
    pub fn restore(&self) {
        self.open.send_replace(true);
    }
}

impl Drop for Forwarder {
    fn drop(&mut self) {
        self.open.send_replace(false);
        self.task.abort();
    }
}

async fn forward(mut inbound: TcpStream, target: SocketAddr, mut open: watch::Receiver<bool>) {
    let Ok(mut outbound) = TcpStream::connect(target).await else {
        return;
    };
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
        _ = open.wait_for(|open| !*open) => {}
    }
}
