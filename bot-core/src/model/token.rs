//! The bot token, kept out of every `Debug` and `Display`.

use std::fmt;

/// A secret token. `Debug` and `Display` print `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Wraps a token (a leading `Bot ` is dropped).
    pub fn new(token: impl Into<String>) -> Self {
        let token = token.into();
        Token(
            token
                .strip_prefix("Bot ")
                .map(str::to_owned)
                .unwrap_or(token),
        )
    }

    /// The token itself, for the `Authorization` header and IDENTIFY only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token([redacted])")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}
