//! Errors of building a TLS configuration and of opening a WebSocket.

/// A TLS configuration could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TlsError {
    /// The PEM text holds no `CERTIFICATE` block, or a malformed one.
    #[error("no certificate in the PEM text")]
    InvalidPem,
    /// The TLS library refused a root certificate (not a valid X.509 DER certificate).
    #[error("the TLS library refused a root certificate: {0}")]
    InvalidCertificate(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The TLS library could not start (for rustls: the provider offers no safe protocol
    /// version; for native-tls: the platform library failed).
    #[error("the TLS back end could not start: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// A WebSocket could not be opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebSocketError {
    /// A `wss://` URL in a build without a TLS feature (`rustls-ring`, `rustls-aws-lc` or
    /// `native-tls`): nothing was sent.
    #[error("a wss:// URL needs a TLS feature (rustls-ring, rustls-aws-lc or native-tls)")]
    NoTlsBackend,
    /// The URL is not a `ws://` or `wss://` URL with a host.
    #[error("not a ws:// or wss:// URL with a host")]
    InvalidUrl,
    /// The TCP connection, the TLS handshake (a certificate no root vouches for included) or
    /// the WebSocket upgrade failed, or the open socket broke.
    #[error(transparent)]
    Transport(#[from] tokio_websockets::Error),
}
