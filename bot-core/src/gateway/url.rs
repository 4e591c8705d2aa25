//! The URL a shard connects to: the gateway URL Discord gave (`url` of `GET /gateway/bot`, or
//! `resume_gateway_url` of READY) with the API version, encoding and compression set.
//!
//! Discord and proxies hand out every shape: `wss://gateway.discord.gg` (no path),
//! `wss://gateway.discord.gg/`, a path, a query of their own. The URL is parsed and its query
//! edited with [`url::Url`], never concatenated, so the request line is always well formed
//! (`GET /?v=10&encoding=json&compress=zlib-stream HTTP/1.1`).

use super::GatewayError;
use url::Url;

/// The query parameters every connection sets, replacing any the URL already had.
const PARAMETERS: [(&str, &str); 3] = [
    ("v", "10"),
    ("encoding", "json"),
    ("compress", "zlib-stream"),
];

/// The connect URL for a gateway URL of any shape.
///
/// Keeps the URL's scheme, host, port, path and its own query parameters; sets `v`, `encoding`
/// and `compress` (once each). A URL without a path gets `/`.
pub(crate) fn connect_url(gateway: &str) -> Result<Url, GatewayError> {
    let invalid = |why: String| GatewayError::InvalidUrl {
        url: gateway.to_owned(),
        why,
    };
    let mut url = Url::parse(gateway.trim()).map_err(|e| invalid(e.to_string()))?;
    if !matches!(url.scheme(), "ws" | "wss") {
        return Err(invalid(format!(
            "the scheme is `{}`, expected ws or wss",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("no host".to_owned()));
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(key, _)| !PARAMETERS.iter().any(|(name, _)| key == name))
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    url.set_fragment(None);
    {
        let mut query = url.query_pairs_mut();
        query.clear();
        query.extend_pairs(kept);
        query.extend_pairs(PARAMETERS);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::connect_url;

    fn connect(url: &str) -> String {
        connect_url(url)
            .map(|u| u.to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    /// What tungstenite writes on the request line: the path and query.
    fn request_target(url: &str) -> String {
        let url = connect_url(url).expect("a valid URL");
        format!("{}?{}", url.path(), url.query().unwrap_or(""))
    }

    #[test]
    fn a_url_without_a_path_gets_the_root_path() {
        assert_eq!(
            connect("wss://gateway.discord.gg"),
            "wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream"
        );
        assert_eq!(
            request_target("ws://127.0.0.1:9000"),
            "/?v=10&encoding=json&compress=zlib-stream"
        );
    }

    #[test]
    fn a_trailing_slash_is_not_doubled() {
        assert_eq!(
            connect("wss://gateway.discord.gg/"),
            "wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream"
        );
    }

    #[test]
    fn a_path_is_kept() {
        assert_eq!(
            request_target("ws://127.0.0.1:9000/gateway"),
            "/gateway?v=10&encoding=json&compress=zlib-stream"
        );
        assert_eq!(
            request_target("wss://proxy.example/discord/gateway/"),
            "/discord/gateway/?v=10&encoding=json&compress=zlib-stream"
        );
    }

    #[test]
    fn a_query_is_kept_and_our_parameters_replace_theirs() {
        assert_eq!(
            request_target("wss://proxy.example/?shard_hint=3&v=9&compress=none"),
            "/?shard_hint=3&v=10&encoding=json&compress=zlib-stream"
        );
        assert_eq!(
            request_target("wss://proxy.example?region=eu"),
            "/?region=eu&v=10&encoding=json&compress=zlib-stream"
        );
    }

    #[test]
    fn urls_that_cannot_be_a_gateway_are_typed_errors() {
        for bad in ["", "gateway.discord.gg", "https://discord.com/api", "ws://"] {
            assert!(
                connect_url(bad).is_err(),
                "`{bad}` should be refused, got {}",
                connect(bad)
            );
        }
    }
}
