//! Discord's gateway close codes (OP L30-51) as a type: what each means and what a shard does
//! after it.

use std::fmt;

/// A close code the gateway sent, with its meaning. Codes Discord does not document for the main
/// gateway (1000, 1006, 4006, ...) are [`CloseCode::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloseCode {
    /// 4000: unknown error; reconnect and resume.
    UnknownError,
    /// 4001: an unknown opcode or a payload invalid for its opcode.
    UnknownOpcode,
    /// 4002: a payload the gateway could not decode (also: one over 4096 bytes).
    DecodeError,
    /// 4003: a payload sent before IDENTIFY.
    NotAuthenticated,
    /// 4004: the token is wrong. Fatal.
    AuthenticationFailed,
    /// 4005: a second IDENTIFY.
    AlreadyAuthenticated,
    /// 4007: RESUME with a sequence the gateway does not have; a new session follows.
    InvalidSeq,
    /// 4008: more than 120 payloads a minute.
    RateLimited,
    /// 4009: the session timed out; a new session follows.
    SessionTimedOut,
    /// 4010: an invalid shard in IDENTIFY. Fatal.
    InvalidShard,
    /// 4011: the bot is in too many guilds for one shard. Fatal.
    ShardingRequired,
    /// 4012: an invalid API version. Fatal.
    InvalidApiVersion,
    /// 4013: invalid intents. Fatal.
    InvalidIntents,
    /// 4014: privileged intents that are not enabled for the application. Fatal.
    DisallowedIntents,
    /// Any other code (WebSocket codes such as 1000 or 1006, or one Discord adds later): the
    /// shard reconnects and resumes.
    Other(u16),
}

impl CloseCode {
    /// The code of a number.
    pub fn from_code(code: u16) -> CloseCode {
        match code {
            4000 => CloseCode::UnknownError,
            4001 => CloseCode::UnknownOpcode,
            4002 => CloseCode::DecodeError,
            4003 => CloseCode::NotAuthenticated,
            4004 => CloseCode::AuthenticationFailed,
            4005 => CloseCode::AlreadyAuthenticated,
            4007 => CloseCode::InvalidSeq,
            4008 => CloseCode::RateLimited,
            4009 => CloseCode::SessionTimedOut,
            4010 => CloseCode::InvalidShard,
            4011 => CloseCode::ShardingRequired,
            4012 => CloseCode::InvalidApiVersion,
            4013 => CloseCode::InvalidIntents,
            4014 => CloseCode::DisallowedIntents,
            other => CloseCode::Other(other),
        }
    }

    /// The number.
    pub fn code(self) -> u16 {
        match self {
            CloseCode::UnknownError => 4000,
            CloseCode::UnknownOpcode => 4001,
            CloseCode::DecodeError => 4002,
            CloseCode::NotAuthenticated => 4003,
            CloseCode::AuthenticationFailed => 4004,
            CloseCode::AlreadyAuthenticated => 4005,
            CloseCode::InvalidSeq => 4007,
            CloseCode::RateLimited => 4008,
            CloseCode::SessionTimedOut => 4009,
            CloseCode::InvalidShard => 4010,
            CloseCode::ShardingRequired => 4011,
            CloseCode::InvalidApiVersion => 4012,
            CloseCode::InvalidIntents => 4013,
            CloseCode::DisallowedIntents => 4014,
            CloseCode::Other(code) => code,
        }
    }

    /// Whether reconnecting cannot help (4004, 4010–4014): the shard stops with
    /// [`GatewayError::Fatal`](super::GatewayError::Fatal).
    pub fn is_fatal(self) -> bool {
        matches!(
            self,
            CloseCode::AuthenticationFailed
                | CloseCode::InvalidShard
                | CloseCode::ShardingRequired
                | CloseCode::InvalidApiVersion
                | CloseCode::InvalidIntents
                | CloseCode::DisallowedIntents
        )
    }

    /// Whether the session is gone (4007, 4009): the shard identifies anew instead of resuming.
    pub fn ends_session(self) -> bool {
        matches!(self, CloseCode::InvalidSeq | CloseCode::SessionTimedOut)
    }

    /// What the code means, for people.
    pub fn description(self) -> &'static str {
        match self {
            CloseCode::UnknownError => "unknown error",
            CloseCode::UnknownOpcode => "unknown opcode or invalid payload",
            CloseCode::DecodeError => "decode error: a payload was invalid or over 4096 bytes",
            CloseCode::NotAuthenticated => "a payload was sent before IDENTIFY",
            CloseCode::AuthenticationFailed => {
                "authentication failed: the token is wrong, or Discord reset it (it does when the \
                 day's session starts are overrun); copy the current one from the developer portal"
            }
            CloseCode::AlreadyAuthenticated => "IDENTIFY was sent twice",
            CloseCode::InvalidSeq => "invalid sequence on RESUME",
            CloseCode::RateLimited => "rate limited: too many payloads",
            CloseCode::SessionTimedOut => "the session timed out",
            CloseCode::InvalidShard => {
                "invalid shard: a shard id must be below the shard count (and the count a \
                 multiple of the one Discord assigns to large bots)"
            }
            CloseCode::ShardingRequired => {
                "sharding required: a shard would hold more than 2500 guilds; run more shards \
                 (leave shard_count automatic to use Discord's recommendation)"
            }
            CloseCode::InvalidApiVersion => "invalid API version: the gateway wants another `v`",
            CloseCode::InvalidIntents => "invalid intents: a bit Discord does not define is set",
            CloseCode::DisallowedIntents => {
                "disallowed intents: enable the privileged intents in the developer portal"
            }
            CloseCode::Other(_) => "not a Discord gateway close code",
        }
    }
}

impl From<u16> for CloseCode {
    fn from(code: u16) -> Self {
        CloseCode::from_code(code)
    }
}

impl fmt::Display for CloseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code(), self.description())
    }
}

#[cfg(test)]
mod tests {
    use super::CloseCode;

    #[test]
    fn fatal_codes_are_the_documented_ones() {
        for code in [4004, 4010, 4011, 4012, 4013, 4014] {
            assert!(CloseCode::from(code).is_fatal(), "{code}");
        }
        for code in [1000, 1001, 1006, 4000, 4002, 4006, 4007, 4008, 4009] {
            assert!(!CloseCode::from(code).is_fatal(), "{code}");
        }
    }

    #[test]
    fn codes_round_trip_and_only_4007_and_4009_end_the_session() {
        for code in (999..=1011).chain(3999..=4020) {
            let typed = CloseCode::from(code);
            assert_eq!(typed.code(), code);
            assert_eq!(typed.ends_session(), matches!(code, 4007 | 4009), "{code}");
        }
    }
}
