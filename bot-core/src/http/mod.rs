//! The REST client: `Authorization: Bot`, Discord's User-Agent, rate limits from the
//! `X-RateLimit-*` headers, retries after 429s, and typed errors.

mod client;
mod error;
mod routes;
mod token;

pub use client::{Body, Http};
pub use error::HttpError;
pub use token::Token;
