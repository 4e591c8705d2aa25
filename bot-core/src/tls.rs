//! TLS for REST, the gateway and the mesh: one certificate store, one explicit crypto provider.
//!
//! The back end is chosen with one of the crate's features:
//!
//! | feature | library | roots |
//! |---|---|---|
//! | `rustls-ring` (default) | rustls with the `ring` provider | Mozilla's (`webpki-roots`) |
//! | `rustls-aws-lc` | rustls with the `aws-lc-rs` provider | Mozilla's (`webpki-roots`) |
//! | `native-tls` | the platform's (OpenSSL on Linux: `libssl-dev` to build) | the system's |
//!
//! With several on, `native-tls` wins over `rustls-aws-lc`, which wins over `rustls-ring` (so
//! adding one to the default chooses it). REST and the gateway use the same [`Tls`]: the same
//! roots, plus those given with [`BotBuilder::add_root_certificate`](crate::BotBuilder::add_root_certificate).
//! The rustls provider is handed to rustls explicitly, never read from or installed as the
//! process default: a dependency graph that enables both of rustls's providers does not make
//! connecting panic.
//!
//! ```
//! use bot_core::tls::{Backend, Certificate, Tls};
//! let tls = Tls::new(&[]).unwrap();
//! assert_eq!(tls.backend(), Backend::ACTIVE);
//! assert!(Certificate::from_pem(b"not PEM").is_err());
//! ```

pub use bot_tls::{Backend, Certificate, Tls, TlsError};
