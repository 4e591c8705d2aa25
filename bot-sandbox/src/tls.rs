//! The TLS mode: a test root made at start, a server certificate it signed for `127.0.0.1` and
//! `localhost`, and a listener that serves REST and the gateway over TLS on one port.

use axum::serve::Listener;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// How long a client may take over its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The root a client must trust, and the server's configuration.
#[derive(Debug)]
pub(crate) struct TestPki {
    /// The root certificate, DER.
    pub(crate) root_der: Vec<u8>,
    /// The root certificate, PEM.
    pub(crate) root_pem: String,
    config: Arc<rustls::ServerConfig>,
    /// Handshakes that completed (a client that refuses the certificate completes none).
    handshakes: Arc<AtomicU64>,
}

fn other(error: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(error)
}

impl TestPki {
    /// A fresh root and a server certificate it signed (no two sandboxes share a root).
    pub(crate) fn new() -> io::Result<TestPki> {
        let mut root = CertificateParams::new(Vec::<String>::new()).map_err(other)?;
        root.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        root.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        root.distinguished_name
            .push(DnType::CommonName, "bot-sandbox test root");
        let root_key = KeyPair::generate().map_err(other)?;
        let root_cert = root.self_signed(&root_key).map_err(other)?;
        let issuer = Issuer::new(root, root_key);

        let mut server =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .map_err(other)?;
        server
            .distinguished_name
            .push(DnType::CommonName, "bot-sandbox");
        server.use_authority_key_identifier_extension = true;
        let server_key = KeyPair::generate().map_err(other)?;
        let server_cert = server.signed_by(&server_key, &issuer).map_err(other)?;

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
        let chain = vec![server_cert.der().clone(), root_cert.der().clone()];
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(other)?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(other)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        let root_der: CertificateDer<'static> = root_cert.der().clone();
        Ok(TestPki {
            root_der: root_der.to_vec(),
            root_pem: root_cert.pem(),
            config: Arc::new(config),
            handshakes: Arc::new(AtomicU64::new(0)),
        })
    }

    /// How many TLS handshakes completed.
    pub(crate) fn handshakes(&self) -> u64 {
        self.handshakes.load(Ordering::Relaxed)
    }

    /// Serves TLS on `listener`: handshakes run in tasks of their own, so a client that stalls
    /// or fails its handshake (one that does not trust the root) holds up no other.
    pub(crate) fn listen(&self, listener: TcpListener) -> io::Result<TlsListener> {
        let addr = listener.local_addr()?;
        let acceptor = TlsAcceptor::from(self.config.clone());
        let (tx, rx) = mpsc::channel(64);
        let handshakes = self.handshakes.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((tcp, peer)) = listener.accept().await else {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let acceptor = acceptor.clone();
                let tx = tx.clone();
                let handshakes = handshakes.clone();
                tokio::spawn(async move {
                    let handshake = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp));
                    if let Ok(Ok(stream)) = handshake.await {
                        handshakes.fetch_add(1, Ordering::Relaxed);
                        let _ = tx.send((stream, peer)).await;
                    }
                });
            }
        });
        Ok(TlsListener { rx, addr, task })
    }
}

/// Connections whose TLS handshake succeeded.
#[derive(Debug)]
pub(crate) struct TlsListener {
    rx: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TlsListener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.rx.recv().await {
            Some(accepted) => accepted,
            // The accept loop is gone only when the listener is dropped: wait for the abort.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.addr)
    }
}
