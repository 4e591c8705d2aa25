//! Request Guild Members (op 8), answered as Discord does (GE "Request Guild Members", "Guild
//! Members Chunk", "Rate Limited"; the change log's "Introducing Rate Limit When Requesting All
//! Guild Members"):
//!
//! - `guild_id` (one snowflake) and one of `query` (with `limit`) or `user_ids` are required; a
//!   payload without them, or with a field of the wrong type, is an invalid payload for the opcode:
//!   the connection is closed with 4001 (OP "Gateway Close Event Codes"). With both, `user_ids`
//!   counts (the docs say "one of").
//! - `query` is a prefix of the username, matched case-insensitively (the docs: "string that
//!   username starts with"; nicknames are not matched). A query returns at most 100 members: a
//!   `limit` of 0 or above 100 counts as 100, except `query: ""` with `limit: 0`, the whole list.
//! - `query: ""` needs GUILD_MEMBERS (the docs: "required to request the entire member list");
//!   without it the request is ignored and nothing is answered, as a client then sees from
//!   Discord (its request times out).
//! - `user_ids` (one snowflake or a list) returns at most 100 members: the first 100 distinct ids
//!   count, and those that are not members are listed in `not_found` (as strings).
//! - `presences: true` needs GUILD_PRESENCES ("otherwise, it will always be false"); then each
//!   chunk carries the presences of its members who are not offline.
//! - The answer is `ceil(n / 1000)` GUILD_MEMBERS_CHUNKs (at least one), each with `guild_id`,
//!   `members`, `chunk_index`, `chunk_count`, `not_found` and the `nonce`. A nonce longer than 32
//!   bytes, or not a string, is ignored and the chunks carry none.
//! - The whole list (`query: ""`, `limit: 0`) is limited to one request per guild per bot per
//!   [`Timings::full_member_list_window`](crate::Timings::full_member_list_window) (Discord: 30 s),
//!   across the bot's sessions; one inside the window is answered with the dispatch
//!   `RATE_LIMITED {opcode: 8, retry_after, meta: {guild_id, nonce}}` and the connection stays.
//! - A guild the bot is not in, or that is not on the session's shard, gets no answer.

use super::GatewayState;
use super::intents::{GUILD_MEMBERS, GUILD_PRESENCES};
use crate::Shared;
use serde_json::{Map, Value, json};
use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// The most members in one GUILD_MEMBERS_CHUNK.
pub(crate) const CHUNK_SIZE: usize = 1000;
/// The most members a query or a list of ids returns.
const MAX_RESULTS: usize = 100;
/// The longest nonce echoed, in bytes.
const MAX_NONCE: usize = 32;
/// How many requests [`GatewayState`] remembers for
/// [`GatewayControl::member_requests`](crate::GatewayControl::member_requests).
pub(crate) const REQUEST_RECORDS: usize = 1000;

/// The payload of op 8 is not one Discord accepts (close 4001).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Invalid;

/// Which members a request asks for.
#[derive(Debug, PartialEq, Eq)]
enum Select {
    /// Usernames starting with `prefix` (case-insensitive), at most `limit` (0: see the module).
    Query { prefix: String, limit: u64 },
    /// These users (at most 100, distinct).
    Ids(Vec<u64>),
}

/// A parsed Request Guild Members.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    guild: u64,
    select: Select,
    presences: bool,
    /// The nonce to echo: `None` when absent or invalid.
    nonce: Option<String>,
}

/// A snowflake as JSON carries it: a string of digits or a number.
fn snowflake(value: &Value) -> Option<u64> {
    match value {
        Value::String(text) => text.parse().ok(),
        Value::Number(number) => number.as_u64(),
        _ => None,
    }
}

/// A field, with `null` counted as absent.
fn field<'a>(data: &'a Value, key: &str) -> Option<&'a Value> {
    data.get(key).filter(|v| !v.is_null())
}

impl Request {
    fn parse(data: &Value) -> Result<Request, Invalid> {
        let guild = field(data, "guild_id").and_then(snowflake).ok_or(Invalid)?;
        let select = match (field(data, "user_ids"), field(data, "query")) {
            (Some(ids), _) => {
                let list = match ids {
                    Value::Array(list) => list.iter().map(snowflake).collect::<Option<Vec<_>>>(),
                    one => snowflake(one).map(|id| vec![id]),
                };
                let mut seen = HashSet::new();
                let mut ids = list.ok_or(Invalid)?;
                ids.retain(|id| seen.insert(*id));
                ids.truncate(MAX_RESULTS);
                Select::Ids(ids)
            }
            (None, Some(query)) => Select::Query {
                prefix: query.as_str().ok_or(Invalid)?.to_owned(),
                limit: field(data, "limit")
                    .and_then(Value::as_u64)
                    .ok_or(Invalid)?,
            },
            (None, None) => return Err(Invalid),
        };
        let presences = match field(data, "presences") {
            None => false,
            Some(value) => value.as_bool().ok_or(Invalid)?,
        };
        let nonce = field(data, "nonce")
            .and_then(Value::as_str)
            .filter(|n| n.len() <= MAX_NONCE)
            .map(str::to_owned);
        Ok(Request {
            guild,
            select,
            presences,
            nonce,
        })
    }

    /// `query: ""` with `limit: 0`: the rate-limited full list.
    fn full_list(&self) -> bool {
        matches!(&self.select, Select::Query { prefix, limit: 0 } if prefix.is_empty())
    }

    /// `query: ""`, which needs GUILD_MEMBERS.
    fn whole_list(&self) -> bool {
        matches!(&self.select, Select::Query { prefix, .. } if prefix.is_empty())
    }
}

/// The members a request selects, rendered, and the ids not found.
struct Selected {
    members: Vec<(u64, Value)>,
    not_found: Vec<u64>,
}

/// The matching members of `guild`, or `None` for a guild the world does not have.
fn select(shared: &Shared, request: &Request) -> Option<Selected> {
    let world = shared.world();
    let guild = world.guilds.get(&request.guild)?;
    let render = |m: &crate::world::MemberRecord| (m.user_id, world.member_json(m, true));
    Some(match &request.select {
        Select::Ids(ids) => {
            let mut selected = Selected {
                members: Vec::new(),
                not_found: Vec::new(),
            };
            for id in ids {
                match guild.member(*id) {
                    Some(member) => selected.members.push(render(member)),
                    None => selected.not_found.push(*id),
                }
            }
            selected
        }
        Select::Query { prefix, limit } => {
            let cap = match (*limit, prefix.is_empty()) {
                (0, true) => usize::MAX,
                (0, false) => MAX_RESULTS,
                (limit, _) => usize::try_from(limit).map_or(MAX_RESULTS, |l| l.min(MAX_RESULTS)),
            };
            let prefix = prefix.to_lowercase();
            let matches = |m: &&crate::world::MemberRecord| {
                prefix.is_empty()
                    || world
                        .users
                        .get(&m.user_id)
                        .is_some_and(|u| u.username.to_lowercase().starts_with(&prefix))
            };
            Selected {
                members: guild
                    .members
                    .iter()
                    .filter(matches)
                    .take(cap)
                    .map(render)
                    .collect(),
                not_found: Vec::new(),
            }
        }
    })
}

/// Answers one op 8 on the session `session_id`: chunks, RATE_LIMITED or nothing (see the
/// module). `Err` when the payload is invalid (the caller closes with 4001).
pub(crate) fn answer(shared: &Shared, session_id: &str, data: &Value) -> Result<(), Invalid> {
    let gateway = &shared.gateway;
    gateway.record_member_request(data);
    let request = Request::parse(data)?;
    let intents = {
        let inner = gateway.lock();
        match inner.sessions.get(session_id) {
            Some(session) if session.covers(Some(request.guild)) => session.intents,
            _ => return Ok(()),
        }
    };
    if request.whole_list() && intents & GUILD_MEMBERS == 0 {
        return Ok(());
    }
    if !shared.world().guilds.contains_key(&request.guild) {
        return Ok(());
    }
    if request.full_list() && rate_limited(shared, session_id, &request) {
        return Ok(());
    }
    let Some(selected) = select(shared, &request) else {
        return Ok(());
    };
    let presences = request.presences && intents & GUILD_PRESENCES != 0;
    let mut inner = gateway.lock();
    let mut chunks = chunks(&request, selected, presences.then_some(&inner.presences));
    if gateway
        .withhold_last_chunk
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
    {
        chunks.pop();
    }
    if let Some(session) = inner.sessions.get_mut(session_id) {
        for chunk in &chunks {
            session.dispatch("GUILD_MEMBERS_CHUNK", chunk);
        }
    }
    Ok(())
}

/// Whether a full-list request comes inside the window of the last one for its guild: then
/// RATE_LIMITED is sent on the session. Otherwise the request opens a new window.
fn rate_limited(shared: &Shared, session_id: &str, request: &Request) -> bool {
    let window = shared.timings.full_member_list_window;
    if window.is_zero() {
        return false;
    }
    let now = Instant::now();
    let mut inner = shared.gateway.lock();
    let elapsed = inner
        .full_lists
        .get(&request.guild)
        .map(|last| now.duration_since(*last))
        .filter(|elapsed| *elapsed < window);
    let Some(elapsed) = elapsed else {
        inner.full_lists.insert(request.guild, now);
        return false;
    };
    let mut meta = json!({"guild_id": request.guild.to_string()});
    if let Some(nonce) = &request.nonce {
        meta["nonce"] = json!(nonce);
    }
    let retry_after = (window - elapsed).as_secs_f64();
    if let Some(session) = inner.sessions.get_mut(session_id) {
        session.dispatch(
            "RATE_LIMITED",
            &json!({"opcode": 8, "retry_after": retry_after, "meta": meta}),
        );
    }
    true
}

/// The GUILD_MEMBERS_CHUNKs of an answer: at most [`CHUNK_SIZE`] members each, at least one.
/// `presences`: the presences to look up, when the chunks carry them.
fn chunks(
    request: &Request,
    selected: Selected,
    presences: Option<&std::collections::HashMap<u64, super::crowd::PresenceRecord>>,
) -> Vec<Value> {
    let Selected { members, not_found } = selected;
    let count = members.len().div_ceil(CHUNK_SIZE).max(1);
    let not_found: Vec<String> = not_found.iter().map(u64::to_string).collect();
    let mut members = members.into_iter();
    (0..count)
        .map(|index| {
            let part: Vec<(u64, Value)> = members.by_ref().take(CHUNK_SIZE).collect();
            let mut chunk = Map::new();
            chunk.insert("guild_id".into(), json!(request.guild.to_string()));
            if let Some(presences) = presences {
                let list: Vec<Value> = part
                    .iter()
                    .filter_map(|(id, _)| {
                        presences
                            .get(id)
                            .filter(|p| !p.offline())
                            .map(|p| p.json(*id))
                    })
                    .collect();
                chunk.insert("presences".into(), Value::Array(list));
            }
            let part: Vec<Value> = part.into_iter().map(|(_, m)| m).collect();
            chunk.insert("members".into(), Value::Array(part));
            chunk.insert("chunk_index".into(), json!(index));
            chunk.insert("chunk_count".into(), json!(count));
            chunk.insert("not_found".into(), json!(not_found));
            if let Some(nonce) = &request.nonce {
                chunk.insert("nonce".into(), json!(nonce));
            }
            Value::Object(chunk)
        })
        .collect()
}

impl GatewayState {
    /// Keeps the `d` of an op 8 received, for
    /// [`GatewayControl::member_requests`](crate::GatewayControl::member_requests).
    fn record_member_request(&self, data: &Value) {
        let mut inner = self.lock();
        inner.member_requests.push_back(data.clone());
        while inner.member_requests.len() > REQUEST_RECORDS {
            inner.member_requests.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(data: Value) -> Result<Request, Invalid> {
        Request::parse(&data)
    }

    #[test]
    fn requests_parse_as_the_docs_describe_them() {
        let full = parse(json!({"guild_id": "5", "query": "", "limit": 0})).unwrap();
        assert!(full.full_list() && full.whole_list());
        assert_eq!(full.nonce, None);
        let query = parse(json!({"guild_id": 5, "query": "Al", "limit": 3, "nonce": "n"})).unwrap();
        assert!(!query.full_list() && !query.whole_list());
        assert_eq!(query.nonce.as_deref(), Some("n"));
        let one = parse(json!({"guild_id": "5", "user_ids": "7"})).unwrap();
        assert_eq!(one.select, Select::Ids(vec![7]));
        let many = parse(json!({"guild_id": "5", "user_ids": (0..150).map(|n| n.to_string()).chain(["3".to_owned()]).collect::<Vec<_>>(), "query": "x", "limit": 1})).unwrap();
        assert_eq!(many.select, Select::Ids((0..100).collect()));
        let long = "x".repeat(33);
        assert_eq!(
            parse(json!({"guild_id": "5", "user_ids": [], "nonce": long}))
                .unwrap()
                .nonce,
            None
        );
        let thirty_two = "y".repeat(32);
        assert_eq!(
            parse(json!({"guild_id": "5", "user_ids": [], "nonce": thirty_two.clone()}))
                .unwrap()
                .nonce,
            Some(thirty_two)
        );
    }

    #[test]
    fn invalid_payloads_are_refused_without_panicking() {
        for bad in [
            json!(null),
            json!([]),
            json!({}),
            json!({"guild_id": "x", "query": "", "limit": 0}),
            json!({"guild_id": ["5"], "query": "", "limit": 0}),
            json!({"guild_id": "5"}),
            json!({"guild_id": "5", "query": ""}),
            json!({"guild_id": "5", "query": "", "limit": -1}),
            json!({"guild_id": "5", "query": 3, "limit": 0}),
            json!({"guild_id": "5", "user_ids": ["a"]}),
            json!({"guild_id": "5", "user_ids": {}}),
            json!({"guild_id": "5", "user_ids": [], "presences": "yes"}),
        ] {
            assert_eq!(parse(bad.clone()), Err(Invalid), "{bad}");
        }
    }

    #[test]
    fn chunks_hold_at_most_a_thousand_and_at_least_one() {
        let request =
            parse(json!({"guild_id": "5", "query": "", "limit": 0, "nonce": "n"})).unwrap();
        let selected = |n: u64| Selected {
            members: (0..n)
                .map(|id| (id, json!({"user": {"id": id.to_string()}})))
                .collect(),
            not_found: Vec::new(),
        };
        let sizes = |chunks: &[Value]| -> Vec<(usize, u64, u64)> {
            chunks
                .iter()
                .map(|c| {
                    (
                        c["members"].as_array().unwrap().len(),
                        c["chunk_index"].as_u64().unwrap(),
                        c["chunk_count"].as_u64().unwrap(),
                    )
                })
                .collect()
        };
        let three = chunks(&request, selected(2500), None);
        assert_eq!(sizes(&three), [(1000, 0, 3), (1000, 1, 3), (500, 2, 3)]);
        assert!(
            three
                .iter()
                .all(|c| c["nonce"] == "n" && c.get("presences").is_none())
        );
        assert_eq!(
            sizes(&chunks(&request, selected(1000), None)),
            [(1000, 0, 1)]
        );
        assert_eq!(sizes(&chunks(&request, selected(0), None)), [(0, 0, 1)]);
    }
}
