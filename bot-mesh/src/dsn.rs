//! Connection strings in singyeong's DSN form.

use percent_encoding::percent_decode_str;
use std::fmt;
use std::str::FromStr;
use url::Url;

/// Why a connection string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DsnError {
    /// The string is not a URL at all.
    #[error("not a URL: {0}")]
    NotAUrl(String),
    /// The scheme is neither `singyeong` nor `ssingyeong`.
    #[error("scheme `{0}` is not `singyeong` or `ssingyeong`")]
    Scheme(String),
    /// There is no application id (the user part of the URL).
    #[error("no application id: write singyeong://APP[:PASSWORD]@HOST[:PORT]")]
    NoApplication,
    /// There is no host.
    #[error("no host")]
    NoHost,
    /// A part is not valid UTF-8 once percent-decoded.
    #[error("the {0} is not valid UTF-8 once percent-decoded")]
    Encoding(&'static str),
    /// `?encoding=` names a wire encoding this client does not speak (only `json` is supported).
    #[error("encoding `{0}` is not supported: only json")]
    UnsupportedEncoding(String),
}

/// A parsed `singyeong://APP[:PASSWORD]@HOST[:PORT][/][?encoding=json]` string; `ssingyeong://`
/// means TLS.
///
/// ```
/// use bot_mesh::Dsn;
///
/// let dsn: Dsn = "singyeong://my-app:s3cret@127.0.0.1:4567".parse()?;
/// assert_eq!(dsn.application(), "my-app");
/// assert_eq!(dsn.password(), Some("s3cret"));
/// assert_eq!(dsn.gateway_url().as_str(), "ws://127.0.0.1:4567/gateway/websocket?encoding=json");
/// assert_eq!(dsn.api_base().as_str(), "http://127.0.0.1:4567/api");
/// # Ok::<(), bot_mesh::DsnError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Dsn {
    application: String,
    password: Option<String>,
    host: String,
    port: u16,
    tls: bool,
    gateway: Url,
    api: Url,
}

impl fmt::Debug for Dsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dsn")
            .field("application", &self.application)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .finish()
    }
}

impl FromStr for Dsn {
    type Err = DsnError;

    fn from_str(text: &str) -> Result<Self, DsnError> {
        let url = Url::parse(text).map_err(|error| DsnError::NotAUrl(error.to_string()))?;
        let tls = match url.scheme() {
            "singyeong" => false,
            "ssingyeong" => true,
            other => return Err(DsnError::Scheme(other.to_owned())),
        };
        let application = decode(url.username(), "application id")?;
        if application.is_empty() {
            return Err(DsnError::NoApplication);
        }
        let password = url
            .password()
            .map(|password| decode(password, "password"))
            .transpose()?;
        let host = url.host_str().filter(|host| !host.is_empty());
        let host = host.ok_or(DsnError::NoHost)?.to_owned();
        for (key, value) in url.query_pairs() {
            if key == "encoding" && value != "json" {
                return Err(DsnError::UnsupportedEncoding(value.into_owned()));
            }
        }
        let port = url.port().unwrap_or(if tls { 443 } else { 80 });
        let rebuild = |scheme: &str, path: &str| {
            Url::parse(&format!("{scheme}://{host}:{port}{path}"))
                .map_err(|error| DsnError::NotAUrl(error.to_string()))
        };
        let gateway = rebuild(
            if tls { "wss" } else { "ws" },
            "/gateway/websocket?encoding=json",
        )?;
        let api = rebuild(if tls { "https" } else { "http" }, "/api")?;
        Ok(Dsn {
            application,
            password,
            host,
            port,
            tls,
            gateway,
            api,
        })
    }
}

fn decode(part: &str, what: &'static str) -> Result<String, DsnError> {
    percent_decode_str(part)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| DsnError::Encoding(what))
}

impl Dsn {
    /// The application id (the URL's user part).
    pub fn application(&self) -> &str {
        &self.application
    }

    /// The password sent as IDENTIFY's `auth` and as the HTTP `Authorization` header.
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The host name or address.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port (80 by default, 443 for `ssingyeong://`).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Whether the connection uses TLS (`ssingyeong://`).
    pub fn tls(&self) -> bool {
        self.tls
    }

    /// `ws[s]://HOST:PORT/gateway/websocket?encoding=json`.
    pub fn gateway_url(&self) -> &Url {
        &self.gateway
    }

    /// `http[s]://HOST:PORT/api`, the base of the HTTP API.
    pub fn api_base(&self) -> &Url {
        &self.api
    }
}
