//! The server's error strings, parsed into types: INVALID frames (op 3) and HTTP error bodies.

use serde_json::Value;

/// An INVALID (op 3) error of a V2019 server, one variant per string it sends.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// `"bad payload"`: `op` not an integer or `d` not an object.
    #[error("bad payload")]
    BadPayload,
    /// `"cannot decode payload"` or a decoder's message.
    #[error("cannot decode payload")]
    CannotDecode,
    /// `"invalid opcode/encoding combo: ..."`: a binary frame on a JSON socket.
    #[error("invalid opcode/encoding combo: {0}")]
    EncodingCombo(String),
    /// `"sent payload with non-identify opcode without identifying first"`.
    #[error("sent payload with non-identify opcode without identifying first")]
    NotIdentified,
    /// `"invalid client op N"`.
    #[error("invalid client op {0}")]
    InvalidOp(String),
    /// `"heartbeat took too long"`.
    #[error("heartbeat took too long")]
    HeartbeatTooLate,
    /// `"internal server error"`.
    #[error("internal server error")]
    Internal,
    /// `"payload has no data"`: IDENTIFY without a string `client_id` or `application_id`.
    #[error("payload has no data")]
    NoData,
    /// `"client id X already registered for application id Y"`.
    #[error("client id {client_id} already registered for application id {application_id}")]
    AlreadyRegistered {
        /// The client id.
        client_id: String,
        /// The application id.
        application_id: String,
    },
    /// `"invalid dispatch type T (are you restricted?)"`.
    #[error("invalid dispatch type {0} (are you restricted?)")]
    RestrictedDispatch(String),
    /// `"couldn't validate metadata"` or `"invalid metadata"`.
    #[error("couldn't validate metadata")]
    InvalidMetadata,
    /// `"invalid dispatch payload: ..."`: an unknown dispatch type.
    #[error("invalid dispatch payload: {0}")]
    InvalidDispatch(String),
    /// `"no nodes match query for query ..."`: a SEND or BROADCAST nobody matched.
    #[error("no nodes match query for query {query}")]
    NoRoute {
        /// The server's rendering of the query.
        query: String,
        /// The nonce of the unroutable message.
        nonce: Option<Value>,
    },
    /// A string this client does not know.
    #[error("{0}")]
    Other(String),
}

impl ServerError {
    /// Parses the `d` of an INVALID frame (`{"error": "...", "d": {"nonce": ...}}`).
    pub fn from_invalid(d: &Value) -> ServerError {
        let text = d.get("error").and_then(Value::as_str).unwrap_or_default();
        let nonce = d
            .get("d")
            .and_then(|inner| inner.get("nonce"))
            .filter(|nonce| !nonce.is_null())
            .cloned();
        ServerError::parse(text, nonce)
    }

    /// Parses an error string; `nonce` is kept for [`ServerError::NoRoute`].
    pub fn parse(text: &str, nonce: Option<Value>) -> ServerError {
        let rest = |prefix: &str| text.strip_prefix(prefix).map(str::to_owned);
        match text {
            "bad payload" => return ServerError::BadPayload,
            "cannot decode payload" => return ServerError::CannotDecode,
            "sent payload with non-identify opcode without identifying first" => {
                return ServerError::NotIdentified;
            }
            "heartbeat took too long" => return ServerError::HeartbeatTooLate,
            "internal server error" => return ServerError::Internal,
            "payload has no data" => return ServerError::NoData,
            "couldn't validate metadata" | "invalid metadata" => {
                return ServerError::InvalidMetadata;
            }
            _ => {}
        }
        if let Some(query) = rest("no nodes match query for query ") {
            return ServerError::NoRoute { query, nonce };
        }
        if let Some(op) = rest("invalid client op ") {
            return ServerError::InvalidOp(op);
        }
        if let Some(combo) = rest("invalid opcode/encoding combo: ") {
            return ServerError::EncodingCombo(combo);
        }
        if let Some(payload) = rest("invalid dispatch payload: ") {
            return ServerError::InvalidDispatch(payload);
        }
        if let Some(kind) = rest("invalid dispatch type ").and_then(|tail| {
            tail.strip_suffix(" (are you restricted?)")
                .map(str::to_owned)
        }) {
            return ServerError::RestrictedDispatch(kind);
        }
        if let Some((client_id, application_id)) = rest("client id ").and_then(|tail| {
            tail.split_once(" already registered for application id ")
                .map(|(c, a)| (c.to_owned(), a.to_owned()))
        }) {
            return ServerError::AlreadyRegistered {
                client_id,
                application_id,
            };
        }
        ServerError::Other(text.to_owned())
    }

    /// Whether the server closes the socket after sending it.
    pub fn closes_socket(&self) -> bool {
        !matches!(
            self,
            ServerError::RestrictedDispatch(_) | ServerError::NoRoute { .. }
        )
    }
}

/// An error answer of the HTTP API.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// 401 `"not authorized"`: the password is wrong.
    #[error("not authorized")]
    Unauthorized,
    /// 404 `"not found"`: the server has no such route (a server newer than V2019 has no
    /// `/discovery/tags`).
    #[error("not found")]
    NotFound,
    /// 400 `"no query parameter"` from discovery.
    #[error("no query parameter")]
    NoQueryParameter,
    /// 400 `{"method"|"route"|"query": ["no ... provided"]}` from the proxy.
    #[error("{field}: {message}")]
    MissingField {
        /// The missing field.
        field: String,
        /// The server's message.
        message: String,
    },
    /// 400 `"no matches"`: the proxy's query matched no client.
    #[error("no matches")]
    NoMatches,
    /// 400 `"... is not a valid method! ..."` or `"... is not a supported method! ..."`.
    #[error("{0}")]
    Method(String),
    /// 400 `"requires body but none given ..."` or `"no body required but one given ..."`.
    #[error("{0}")]
    Body(String),
    /// 400 with another message in `errors` (an upstream failure, `"no target ip"`).
    #[error("{0}")]
    Proxy(String),
    /// 500 `"Internal Server Error"`: the server crashed on the request.
    #[error("internal server error")]
    Internal,
    /// Any other non-success answer.
    #[error("status {status}: {body}")]
    Status {
        /// The HTTP status.
        status: u16,
        /// The response body.
        body: String,
    },
}

impl ApiError {
    /// Reads a singyeong error answer; `None` when the body is not one of singyeong's error
    /// shapes (for the proxy, such answers come from the target service).
    pub fn recognise(status: u16, body: &str) -> Option<ApiError> {
        let json: Value = serde_json::from_str(body).ok()?;
        let error = json.get("error").and_then(Value::as_str);
        match (status, error) {
            (401, Some("not authorized")) => return Some(ApiError::Unauthorized),
            (404, Some("not found")) => return Some(ApiError::NotFound),
            (400, Some("no query parameter")) => return Some(ApiError::NoQueryParameter),
            _ => {}
        }
        if status == 500 && json.pointer("/errors/detail").is_some() {
            return Some(ApiError::Internal);
        }
        if status != 400 {
            return None;
        }
        let object = json.as_object().filter(|object| object.len() == 1)?;
        let (field, messages) = object.iter().next()?;
        let message = messages.as_array()?.first()?.as_str()?.to_owned();
        Some(match field.as_str() {
            "errors" => ApiError::from_proxy_message(message),
            _ => ApiError::MissingField {
                field: field.clone(),
                message,
            },
        })
    }

    fn from_proxy_message(message: String) -> ApiError {
        if message == "no matches" {
            ApiError::NoMatches
        } else if message.contains(" is not a valid method! ")
            || message.contains(" is not a supported method! ")
        {
            ApiError::Method(message)
        } else if message.starts_with("requires body but none given")
            || message.starts_with("no body required but one given")
        {
            ApiError::Body(message)
        } else {
            ApiError::Proxy(message)
        }
    }

    /// Any non-success answer: a recognised error, else [`ApiError::Status`].
    pub fn from_response(status: u16, body: &str) -> ApiError {
        ApiError::recognise(status, body).unwrap_or_else(|| ApiError::Status {
            status,
            body: body.to_owned(),
        })
    }
}
