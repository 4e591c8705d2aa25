//! A Request Guild Members and the checks Discord applies to it, made before sending.

use crate::gateway::{RequestGuildMembers, ShardCommandError};
use crate::model::{GuildMarker, Id, Intents, UserMarker};
use std::time::Duration;

/// Discord's cap on a query's results and on the user ids of one request.
pub const MAX_RESULTS: u32 = 100;
/// Discord's cap on a nonce, in bytes.
pub const MAX_NONCE: usize = 32;
/// How long an answer may take by default (Pycord waits 30 s for `query_members`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// What to ask Discord for: members whose username starts with a query, given users, or the
/// whole list; with their presences or not.
///
/// ```
/// use bot_core::members::RequestMembers;
/// use bot_core::model::Id;
/// let request = RequestMembers::query(Id::new(1), "ad").limit(10).presences(true);
/// assert_eq!(request.guild_id(), Id::new(1));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestMembers {
    guild_id: Id<GuildMarker>,
    query: Option<String>,
    limit: u32,
    user_ids: Vec<Id<UserMarker>>,
    presences: bool,
    nonce: Option<String>,
    timeout: Duration,
}

impl RequestMembers {
    fn new(guild_id: Id<GuildMarker>) -> Self {
        RequestMembers {
            guild_id,
            query: None,
            limit: MAX_RESULTS,
            user_ids: Vec::new(),
            presences: false,
            nonce: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Members whose username (or nickname) starts with `prefix`, at most
    /// [`limit`](Self::limit) of them (100 by default, Discord's cap).
    pub fn query(guild_id: Id<GuildMarker>, prefix: impl Into<String>) -> Self {
        RequestMembers {
            query: Some(prefix.into()),
            ..RequestMembers::new(guild_id)
        }
    }

    /// These users' members (at most 100; `not_found` lists those who are not members).
    pub fn user_ids(
        guild_id: Id<GuildMarker>,
        users: impl IntoIterator<Item = Id<UserMarker>>,
    ) -> Self {
        RequestMembers {
            user_ids: users.into_iter().collect(),
            ..RequestMembers::new(guild_id)
        }
    }

    /// Every member (`query: ""`, `limit: 0`; needs the `GUILD_MEMBERS` intent, and Discord
    /// allows one per guild every 30 s).
    pub fn all(guild_id: Id<GuildMarker>) -> Self {
        RequestMembers {
            query: Some(String::new()),
            limit: 0,
            ..RequestMembers::new(guild_id)
        }
    }

    /// At most `limit` results of a query (1 to 100).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = limit;
        self
    }

    /// Their presences too (needs the `GUILD_PRESENCES` intent).
    pub fn presences(mut self, presences: bool) -> Self {
        self.presences = presences;
        self
    }

    /// The nonce the chunks echo (at most 32 bytes; by default one the bot makes unique).
    pub fn nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }

    /// How long to wait for the whole answer (30 s by default).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The guild.
    pub fn guild_id(&self) -> Id<GuildMarker> {
        self.guild_id
    }

    /// Whether it asks for the whole list.
    pub fn is_full_list(&self) -> bool {
        self.query.as_deref() == Some("") && self.limit == 0 && self.user_ids.is_empty()
    }

    pub(crate) fn given_nonce(&self) -> Option<&str> {
        self.nonce.as_deref()
    }

    pub(crate) fn wait(&self) -> Duration {
        self.timeout
    }

    /// Discord's rules, checked with the bot's `intents` before anything is sent.
    pub(crate) fn check(&self, intents: Intents) -> Result<(), RequestMembersError> {
        if self.user_ids.len() > MAX_RESULTS as usize {
            return Err(RequestMembersError::TooManyUserIds(self.user_ids.len()));
        }
        if self.user_ids.is_empty()
            && !self.is_full_list()
            && !(1..=MAX_RESULTS).contains(&self.limit)
        {
            return Err(RequestMembersError::Limit(self.limit));
        }
        if let Some(nonce) = &self.nonce
            && nonce.len() > MAX_NONCE
        {
            return Err(RequestMembersError::NonceTooLong(nonce.len()));
        }
        if self.is_full_list() && !intents.contains(Intents::GUILD_MEMBERS) {
            return Err(RequestMembersError::MissingIntent(Intents::GUILD_MEMBERS));
        }
        if self.presences && !intents.contains(Intents::GUILD_PRESENCES) {
            return Err(RequestMembersError::MissingIntent(Intents::GUILD_PRESENCES));
        }
        Ok(())
    }

    /// The op 8 payload, with `nonce`.
    pub(crate) fn payload(&self, nonce: &str) -> RequestGuildMembers {
        RequestGuildMembers {
            guild_id: self.guild_id,
            query: if self.user_ids.is_empty() {
                self.query.clone()
            } else {
                None
            },
            limit: if self.user_ids.is_empty() {
                self.limit
            } else {
                0
            },
            presences: self.presences.then_some(true),
            user_ids: self.user_ids.clone(),
            nonce: Some(nonce.to_owned()),
        }
    }
}

/// Why a member request failed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestMembersError {
    /// The bot lacks an intent the request needs (refused before sending).
    #[error("the request needs the {0:?} intent")]
    MissingIntent(Intents),
    /// More than 100 user ids (refused before sending).
    #[error("{0} user ids; Discord takes at most 100")]
    TooManyUserIds(usize),
    /// A query's limit outside 1–100 (refused before sending; 0 is for the whole list only).
    #[error("a query's limit must be 1 to 100, not {0}")]
    Limit(u32),
    /// A nonce over 32 bytes (refused before sending).
    #[error("a nonce of {0} bytes; Discord takes at most 32")]
    NonceTooLong(usize),
    /// A request under way has the nonce given (refused before sending).
    #[error("a request under way has the nonce {0:?}")]
    NonceInUse(String),
    /// The bot is not connected (no shard runs the guild).
    #[error("the bot is not connected")]
    NotConnected,
    /// The shard could not take the request.
    #[error(transparent)]
    Command(#[from] ShardCommandError),
    /// Discord refused it for now (the whole list: once per guild every 30 s).
    #[error("rate limited; retry after {retry_after:?}")]
    RateLimited {
        /// How long to wait before asking again.
        retry_after: Duration,
    },
    /// The answer did not complete in time.
    #[error("{received} of {} chunks arrived in time", .expected.map_or("?".to_owned(), |n| n.to_string()))]
    Timeout {
        /// The chunks that arrived.
        received: u32,
        /// How many the answer has (`None`: none arrived).
        expected: Option<u32>,
    },
    /// The bot closed before the answer came.
    #[error("the bot closed")]
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discords_rules_are_checked_before_sending() {
        let guild = Id::new(1);
        let members = Intents::GUILD_MEMBERS;
        assert_eq!(
            RequestMembers::all(guild).check(Intents::GUILDS),
            Err(RequestMembersError::MissingIntent(Intents::GUILD_MEMBERS))
        );
        assert_eq!(RequestMembers::all(guild).check(members), Ok(()));
        assert_eq!(
            RequestMembers::query(guild, "a")
                .presences(true)
                .check(members),
            Err(RequestMembersError::MissingIntent(Intents::GUILD_PRESENCES))
        );
        assert_eq!(
            RequestMembers::query(guild, "a").check(Intents::GUILDS),
            Ok(())
        );
        assert_eq!(
            RequestMembers::query(guild, "a").limit(101).check(members),
            Err(RequestMembersError::Limit(101))
        );
        assert_eq!(
            RequestMembers::query(guild, "a").limit(0).check(members),
            Err(RequestMembersError::Limit(0)),
            "0 is for the whole list"
        );
        let many = (1..=101).map(Id::new);
        assert_eq!(
            RequestMembers::user_ids(guild, many).check(members),
            Err(RequestMembersError::TooManyUserIds(101))
        );
        assert_eq!(
            RequestMembers::all(guild)
                .nonce("x".repeat(33))
                .check(members),
            Err(RequestMembersError::NonceTooLong(33))
        );
        assert_eq!(
            RequestMembers::all(guild)
                .nonce("x".repeat(32))
                .check(members),
            Ok(())
        );
    }

    #[test]
    fn the_payload_is_discords() {
        let by_ids = RequestMembers::user_ids(Id::new(1), [Id::new(5)]).payload("n");
        let json = serde_json::to_value(&by_ids).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"guild_id": "1", "limit": 0, "user_ids": ["5"], "nonce": "n"})
        );
        let all = serde_json::to_value(RequestMembers::all(Id::new(1)).payload("n")).unwrap();
        assert_eq!(
            all,
            serde_json::json!({"guild_id": "1", "query": "", "limit": 0, "nonce": "n"})
        );
    }
}
