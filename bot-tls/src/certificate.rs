//! A root certificate the application trusts besides the back end's own roots.

use crate::TlsError;
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use std::fmt;

/// A trusted root certificate, in DER form (a self-signed test root, a company's CA).
#[derive(Clone, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
}

impl Certificate {
    /// A certificate from its DER bytes. The bytes are checked when a [`crate::Tls`] is built.
    pub fn from_der(der: impl Into<Vec<u8>>) -> Self {
        Certificate { der: der.into() }
    }

    /// The first `CERTIFICATE` block of PEM text.
    ///
    /// # Errors
    ///
    /// [`TlsError::InvalidPem`] if the text holds none, or a malformed one.
    pub fn from_pem(pem: &[u8]) -> Result<Self, TlsError> {
        let der = CertificateDer::from_pem_slice(pem).map_err(|_| TlsError::InvalidPem)?;
        Ok(Certificate::from_der(der.to_vec()))
    }

    /// The DER bytes.
    pub fn der(&self) -> &[u8] {
        &self.der
    }
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("der_len", &self.der.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_without_a_certificate_is_a_typed_error() {
        assert!(matches!(
            Certificate::from_pem(b"no pem here"),
            Err(TlsError::InvalidPem)
        ));
    }

    #[test]
    fn pem_decodes_to_its_der_bytes() {
        let pem = b"-----BEGIN CERTIFICATE-----\nAQIDBA==\n-----END CERTIFICATE-----\n";
        assert_eq!(Certificate::from_pem(pem).unwrap().der(), &[1, 2, 3, 4]);
    }
}
