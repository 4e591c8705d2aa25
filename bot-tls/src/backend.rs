//! Building one TLS configuration per back end: one store of roots, one explicit provider.

use crate::{Certificate, TlsError};
use std::fmt;
use std::sync::Arc;

/// Which TLS library this build uses, chosen by the crate's features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Backend {
    /// rustls with the `ring` provider (feature `rustls-ring`).
    RustlsRing,
    /// rustls with the `aws-lc-rs` provider (feature `rustls-aws-lc`).
    RustlsAwsLc,
    /// The platform's TLS library (feature `native-tls`).
    NativeTls,
    /// No TLS feature: `http://` and `ws://` only.
    None,
}

impl Backend {
    /// The back end of this build: `native-tls`, else `rustls-aws-lc`, else `rustls-ring`, else
    /// none.
    pub const ACTIVE: Backend = if cfg!(feature = "native-tls") {
        Backend::NativeTls
    } else if cfg!(feature = "rustls-aws-lc") {
        Backend::RustlsAwsLc
    } else if cfg!(feature = "rustls-ring") {
        Backend::RustlsRing
    } else {
        Backend::None
    };
}

/// The TLS configuration of REST and WebSockets: built once, cheap to clone.
#[derive(Clone)]
pub struct Tls {
    inner: Arc<Inner>,
}

struct Inner {
    roots: usize,
    kind: Kind,
    /// What WebSockets use (for rustls: the same verifier as REST, without ALPN).
    websocket: tokio_websockets::Connector,
}

enum Kind {
    Plain,
    #[cfg(feature = "__rustls")]
    Rustls(Box<rustls::ClientConfig>),
    #[cfg(feature = "native-tls")]
    Native(native_tls::TlsConnector),
}

impl Tls {
    /// The back end's roots plus `extra_roots`, for [`Backend::ACTIVE`].
    ///
    /// # Errors
    ///
    /// [`TlsError::InvalidCertificate`] if the library refuses one of `extra_roots`,
    /// [`TlsError::Backend`] if it cannot start.
    pub fn new(extra_roots: &[Certificate]) -> Result<Tls, TlsError> {
        let (kind, websocket) = match Backend::ACTIVE {
            #[cfg(feature = "native-tls")]
            Backend::NativeTls => native(extra_roots)?,
            #[cfg(feature = "__rustls")]
            Backend::RustlsAwsLc | Backend::RustlsRing => rustls_configs(extra_roots)?,
            _ => (Kind::Plain, tokio_websockets::Connector::Plain),
        };
        Ok(Tls {
            inner: Arc::new(Inner {
                roots: extra_roots.len(),
                kind,
                websocket,
            }),
        })
    }

    /// The back end in use.
    pub fn backend(&self) -> Backend {
        match self.inner.kind {
            Kind::Plain => Backend::None,
            #[allow(unreachable_patterns, reason = "no other kind in a build without TLS")]
            _ => Backend::ACTIVE,
        }
    }

    /// Hands this configuration to a `reqwest` client builder (with rustls, its ALPN offers
    /// HTTP/2 and HTTP/1.1).
    pub fn reqwest(&self, builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        match &self.inner.kind {
            Kind::Plain => builder,
            #[cfg(feature = "__rustls")]
            Kind::Rustls(config) => builder.tls_backend_preconfigured((**config).clone()),
            #[cfg(feature = "native-tls")]
            Kind::Native(connector) => builder.tls_backend_preconfigured(connector.clone()),
        }
    }

    /// The WebSocket connector; `None` without a TLS back end.
    pub(crate) fn websocket(&self) -> Option<&tokio_websockets::Connector> {
        match self.inner.kind {
            Kind::Plain => None,
            #[allow(unreachable_patterns, reason = "no other kind in a build without TLS")]
            _ => Some(&self.inner.websocket),
        }
    }
}

impl fmt::Debug for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tls")
            .field("backend", &self.backend())
            .field("extra_roots", &self.inner.roots)
            .finish()
    }
}

/// The provider of this build, handed to rustls explicitly (never the process default).
#[cfg(feature = "__rustls")]
fn provider() -> rustls::crypto::CryptoProvider {
    #[cfg(feature = "rustls-aws-lc")]
    {
        rustls::crypto::aws_lc_rs::default_provider()
    }
    #[cfg(not(feature = "rustls-aws-lc"))]
    {
        rustls::crypto::ring::default_provider()
    }
}

/// One verifier (Mozilla's roots and the extra ones) shared by REST's and the WebSockets'
/// configurations.
#[cfg(feature = "__rustls")]
fn rustls_configs(
    extra_roots: &[Certificate],
) -> Result<(Kind, tokio_websockets::Connector), TlsError> {
    use rustls::client::WebPkiServerVerifier;
    let provider = Arc::new(provider());
    let mut store = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    for root in extra_roots {
        store
            .add(rustls_pki_types::CertificateDer::from(root.der().to_vec()))
            .map_err(|error| TlsError::InvalidCertificate(Box::new(error)))?;
    }
    let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(store), provider.clone())
        .build()
        .map_err(|error| TlsError::Backend(Box::new(error)))?;
    let config = |alpn: &[&[u8]]| -> Result<rustls::ClientConfig, TlsError> {
        let mut config = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|error| TlsError::Backend(Box::new(error)))?
            .with_webpki_verifier(verifier.clone())
            .with_no_client_auth();
        config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
        Ok(config)
    };
    let rest = config(&[b"h2", b"http/1.1"])?;
    // A WebSocket upgrade is HTTP/1.1: no ALPN, so a server never picks h2 for it.
    let websocket = tokio_rustls::TlsConnector::from(Arc::new(config(&[])?));
    Ok((
        Kind::Rustls(Box::new(rest)),
        tokio_websockets::Connector::Rustls(websocket),
    ))
}

/// One connector (the system's roots and the extra ones) for REST and the WebSockets.
#[cfg(feature = "native-tls")]
fn native(extra_roots: &[Certificate]) -> Result<(Kind, tokio_websockets::Connector), TlsError> {
    let mut builder = native_tls::TlsConnector::builder();
    for root in extra_roots {
        let certificate = native_tls::Certificate::from_der(root.der())
            .map_err(|error| TlsError::InvalidCertificate(Box::new(error)))?;
        builder.add_root_certificate(certificate);
    }
    let connector = builder
        .build()
        .map_err(|error| TlsError::Backend(Box::new(error)))?;
    let websocket = tokio_native_tls::TlsConnector::from(connector.clone());
    Ok((
        Kind::Native(connector),
        tokio_websockets::Connector::NativeTls(websocket),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_root_that_is_not_a_certificate_is_a_typed_error() {
        let garbage = Certificate::from_der(vec![0x30, 0x03, 0x01, 0x01, 0xff]);
        let built = Tls::new(&[garbage]);
        if Backend::ACTIVE == Backend::None {
            assert!(built.is_ok(), "no back end checks roots");
        } else {
            assert!(
                matches!(built, Err(TlsError::InvalidCertificate(_))),
                "{built:?}"
            );
        }
    }

    #[test]
    fn debug_names_the_back_end() {
        let tls = Tls::new(&[]).unwrap();
        assert_eq!(tls.backend(), Backend::ACTIVE);
        assert!(format!("{tls:?}").contains(&format!("{:?}", Backend::ACTIVE)));
    }
}
