//! The HTTP API: version, discovery by tags, and proxied requests.

use super::Client;
use crate::Error;
use crate::query::Query;
use crate::server_error::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// `GET /api/version`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ApiVersion {
    /// The API version, `v1`.
    pub api: String,
    /// The server's version (always `0.0.1` for singyeong).
    pub singyeong: String,
}

/// The methods a proxied request may use (shinkei's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProxyMethod {
    /// `GET`.
    Get,
    /// `HEAD`.
    Head,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
    /// `MOVE`: listed by shinkei, but singyeong refuses it as not a valid method.
    Move,
}

impl ProxyMethod {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            ProxyMethod::Get => "GET",
            ProxyMethod::Head => "HEAD",
            ProxyMethod::Post => "POST",
            ProxyMethod::Put => "PUT",
            ProxyMethod::Patch => "PATCH",
            ProxyMethod::Delete => "DELETE",
            ProxyMethod::Move => "MOVE",
        }
    }

    /// Whether the server requires a body (an empty string is sent when none is given).
    pub fn takes_body(self) -> bool {
        !matches!(self, ProxyMethod::Get | ProxyMethod::Head)
    }
}

impl fmt::Display for ProxyMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The target service's answer to a proxied request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyResponse {
    /// Its status code.
    pub status: u16,
    /// Its headers (names in lower case).
    pub headers: Vec<(String, String)>,
    /// Its body as text.
    pub body: String,
}

impl ProxyResponse {
    /// The body parsed as JSON.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(&self.body)
    }

    /// The first header of this name (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Serialize)]
struct ProxyBody<'a> {
    method: &'static str,
    route: &'a str,
    query: &'a Query,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<Value>,
    headers: Map<String, Value>,
}

#[derive(Deserialize)]
struct Discovery {
    result: Vec<String>,
}

impl Client {
    fn authorize(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match self.shared.config.dsn.password() {
            Some(password) => request.header(reqwest::header::AUTHORIZATION, password),
            None => request,
        }
    }

    /// The server's versions (`GET /api/version`), asked once and remembered.
    pub async fn version(&self) -> Result<ApiVersion, Error> {
        let version = self
            .shared
            .api_version
            .get_or_try_init(|| async {
                let url = format!("{}/version", self.shared.config.dsn.api_base());
                let (status, body) = self.fetch(self.shared.http.get(url)).await?;
                if status != 200 {
                    return Err(Error::Api(ApiError::from_response(status, &body)));
                }
                serde_json::from_str::<ApiVersion>(&body)
                    .map_err(|error| Error::Protocol(format!("/api/version: {error}")))
            })
            .await?;
        Ok(version.clone())
    }

    async fn endpoint(&self, path: &str) -> Result<url::Url, Error> {
        let version = self.version().await?;
        let text = format!(
            "{}/{}/{path}",
            self.shared.config.dsn.api_base(),
            version.api
        );
        url::Url::parse(&text).map_err(|error| Error::Protocol(format!("API URL {text}: {error}")))
    }

    async fn fetch(&self, request: reqwest::RequestBuilder) -> Result<(u16, String), Error> {
        let response = self.authorize(request).send().await?;
        let status = response.status().as_u16();
        Ok((status, response.text().await?))
    }

    /// The applications whose clients together have all of `tags`
    /// (`GET /api/v1/discovery/tags`).
    pub async fn discover(
        &self,
        tags: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Result<Vec<String>, Error> {
        let tags: Vec<String> = tags.into_iter().map(|t| t.as_ref().to_owned()).collect();
        let mut url = self.endpoint("discovery/tags").await?;
        let q = serde_json::to_string(&tags).map_err(Error::Serialize)?;
        url.query_pairs_mut().append_pair("q", &q);
        let (status, body) = self.fetch(self.shared.http.get(url)).await?;
        if status != 200 {
            return Err(Error::Api(ApiError::from_response(status, &body)));
        }
        serde_json::from_str::<Discovery>(&body)
            .map(|discovery| discovery.result)
            .map_err(|error| Error::Protocol(format!("discovery answer: {error}")))
    }

    /// Has the server make an HTTP request to a client matching `target`, at the address that
    /// client gave as `ip` (`POST /api/v1/proxy`). The body is sent as JSON (a string as is),
    /// headers are kept. GET and HEAD take no body; the other methods send an empty string
    /// when none is given. The server joins `ip + "/" + route`, so a leading `/` of `route`
    /// is dropped (`/users/1` reaches `/users/1`, not `//users/1`).
    ///
    /// singyeong's own refusals are [`Error::Api`]; any answer of the target service, error
    /// statuses included, is a [`ProxyResponse`].
    pub async fn proxy_request(
        &self,
        method: ProxyMethod,
        route: &str,
        target: &Query,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Result<ProxyResponse, Error> {
        target.validate()?;
        let body = match (method.takes_body(), body) {
            (false, Some(_)) => return Err(Error::BodyNotAllowed(method)),
            (false, None) => None,
            (true, body) => Some(body.unwrap_or_else(|| Value::String(String::new()))),
        };
        let headers = headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), Value::String((*value).to_owned())))
            .collect();
        let payload = ProxyBody {
            method: method.as_str(),
            route: route.trim_start_matches('/'),
            query: target,
            body,
            headers,
        };
        let json = serde_json::to_vec(&payload).map_err(Error::Serialize)?;
        let url = self.endpoint("proxy").await?;
        let request = self
            .shared
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(json);
        let response = self.authorize(request).send().await?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        let body = response.text().await?;
        if let Some(error) = ApiError::recognise(status, &body) {
            return Err(Error::Api(error));
        }
        Ok(ProxyResponse {
            status,
            headers,
            body,
        })
    }
}
