//! Opening a WebSocket over [`Tls`], never in clear text for a `wss://` URL.

use crate::{Tls, WebSocketError};
use tokio::net::TcpStream;
use tokio_websockets::{ClientBuilder, Config, Limits, MaybeTlsStream, WebSocketStream};

/// An open WebSocket, over TLS or not.
pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Opens `url` (`ws://` or `wss://`) with these read limits and write settings.
///
/// # Errors
///
/// [`WebSocketError::NoTlsBackend`] for `wss://` in a build without TLS,
/// [`WebSocketError::InvalidUrl`] for another scheme, [`WebSocketError::Transport`] if the
/// connection, the TLS handshake or the upgrade fails.
pub async fn connect_websocket(
    tls: &Tls,
    url: &str,
    limits: Limits,
    config: Config,
) -> Result<Socket, WebSocketError> {
    let builder = ClientBuilder::new()
        .uri(url)
        .map_err(|_| WebSocketError::InvalidUrl)?
        .limits(limits)
        .config(config);
    let scheme = url.split_once("://").map(|(scheme, _)| scheme);
    let builder = match scheme {
        Some(s) if s.eq_ignore_ascii_case("wss") => {
            builder.connector(tls.websocket().ok_or(WebSocketError::NoTlsBackend)?)
        }
        Some(s) if s.eq_ignore_ascii_case("ws") => builder,
        _ => return Err(WebSocketError::InvalidUrl),
    };
    let (socket, _) = builder.connect().await?;
    Ok(socket)
}
