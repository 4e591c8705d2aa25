//! GUILD_CREATE's `members`, `presences` and `large` as one session sees them (GE "Guild Create"
//! and "Request Guild Members"):
//!
//! - without GUILD_PRESENCES, or in a guild of more than 75 000 members, `members` holds only the
//!   bot and the members in voice;
//! - otherwise, in a guild of more than `large_threshold` members (IDENTIFY, 50–250, default 50:
//!   then `large` is `true`), only the members who are online, have a role, have a nickname or are
//!   in voice, and the bot;
//! - otherwise every member.
//!
//! `presences` holds the presences of the members kept who are not offline, and only with
//! GUILD_PRESENCES: the docs' caveat says that without the intent it holds at most the bot and the
//! users in voice; the sandbox sends none, as no presence is delivered without the intent.
//! `member_count` is always the whole guild.

use super::crowd::PresenceRecord;
use super::intents::GUILD_PRESENCES;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// IDENTIFY's `large_threshold` when it has none.
pub(crate) const DEFAULT_LARGE_THRESHOLD: u64 = 50;
/// The smallest `large_threshold` (a smaller one counts as this).
const MIN_LARGE_THRESHOLD: u64 = 50;
/// The largest `large_threshold` (a larger one counts as this).
const MAX_LARGE_THRESHOLD: u64 = 250;
/// Above this many members, GUILD_CREATE carries only the bot and the members in voice whatever
/// the intents.
const PRESENCE_MEMBER_LIMIT: u64 = 75_000;

/// IDENTIFY's `large_threshold`: the default when absent or not an integer, held to 50–250 (the
/// docs give the range, not what happens outside it: the sandbox clamps rather than closes).
pub(crate) fn large_threshold(identify: &Value) -> u64 {
    identify
        .get("large_threshold")
        .and_then(Value::as_u64)
        .map_or(DEFAULT_LARGE_THRESHOLD, |t| {
            t.clamp(MIN_LARGE_THRESHOLD, MAX_LARGE_THRESHOLD)
        })
}

/// What decides a session's view of a guild.
#[derive(Clone, Copy, Debug)]
pub(crate) struct View<'a> {
    /// The session's intents.
    pub(crate) intents: u64,
    /// Its IDENTIFY's `large_threshold`.
    pub(crate) large_threshold: u64,
    /// The bot user's id, as JSON has it.
    pub(crate) bot: &'a str,
    /// Every user's presence (absent: offline).
    pub(crate) presences: &'a HashMap<u64, PresenceRecord>,
}

/// A user id of a JSON object at `key` (`"user": {"id"}`) or directly (`"user_id"`).
fn user_id(value: &Value) -> Option<u64> {
    value
        .get("user")
        .and_then(|u| u.get("id"))
        .or_else(|| value.get("user_id"))
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
}

/// Whether a rendered member has a role or a nickname.
fn distinguished(member: &Value) -> bool {
    member
        .get("roles")
        .and_then(Value::as_array)
        .is_some_and(|roles| !roles.is_empty())
        || member.get("nick").and_then(Value::as_str).is_some()
}

/// Reshapes a full GUILD_CREATE (as the world renders it, every member listed) for `view`. A
/// payload without a `members` list (an unavailable guild) is left as it is.
pub(crate) fn shape(guild: &mut Value, view: &View<'_>) {
    let Some(fields) = guild.as_object_mut() else {
        return;
    };
    let Some(Value::Array(members)) = fields.remove("members") else {
        return;
    };
    let count = fields
        .get("member_count")
        .and_then(Value::as_u64)
        .unwrap_or(members.len() as u64);
    let large = count > view.large_threshold;
    let in_voice: HashSet<u64> = fields
        .get("voice_states")
        .and_then(Value::as_array)
        .map(|states| states.iter().filter_map(user_id).collect())
        .unwrap_or_default();
    let with_presences = view.intents & GUILD_PRESENCES != 0 && count <= PRESENCE_MEMBER_LIMIT;
    let bot: Option<u64> = view.bot.parse().ok();
    let online = |id: u64| view.presences.get(&id).is_some_and(|p| !p.offline());
    let kept: Vec<Value> = members
        .into_iter()
        .filter(|member| {
            let Some(id) = user_id(member) else {
                return false;
            };
            let always = in_voice.contains(&id) || Some(id) == bot;
            always || (with_presences && (!large || online(id) || distinguished(member)))
        })
        .collect();
    let presences: Vec<Value> = if with_presences {
        kept.iter()
            .filter_map(user_id)
            .filter_map(|id| {
                view.presences
                    .get(&id)
                    .filter(|p| !p.offline())
                    .map(|p| p.json(id))
            })
            .collect()
    } else {
        Vec::new()
    };
    fields.insert("members".to_owned(), Value::Array(kept));
    fields.insert("presences".to_owned(), Value::Array(presences));
    fields.insert("large".to_owned(), Value::Bool(large));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn member(id: u64, roles: &[&str], nick: Option<&str>) -> Value {
        json!({"user": {"id": id.to_string()}, "roles": roles, "nick": nick})
    }

    fn ids(guild: &Value, key: &str) -> Vec<u64> {
        guild[key]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(user_id)
            .collect()
    }

    /// A guild of `extra` plain offline members (ids 100..) beside the bot (1), a member in voice
    /// (2), one online (3), one with a role (4) and one with a nickname (5).
    fn guild(extra: u64) -> Value {
        let mut members = vec![
            member(1, &[], None),
            member(2, &[], None),
            member(3, &[], None),
            member(4, &["9"], None),
            member(5, &[], Some("five")),
        ];
        members.extend((0..extra).map(|n| member(100 + n, &[], None)));
        json!({"id": "9", "members": members, "member_count": 5 + extra,
               "voice_states": [{"user_id": "2", "channel_id": "8"}], "presences": [],
               "large": false})
    }

    fn view(intents: u64, presences: &HashMap<u64, PresenceRecord>) -> View<'_> {
        View {
            intents,
            large_threshold: 50,
            bot: "1",
            presences,
        }
    }

    #[test]
    fn without_presences_only_the_bot_and_voice() {
        let presences = HashMap::from([(3, PresenceRecord { status: "online" })]);
        let mut g = guild(10);
        shape(&mut g, &view(1, &presences));
        assert_eq!(ids(&g, "members"), [1, 2]);
        assert_eq!(g["presences"], json!([]));
        assert_eq!(g["member_count"], 15);
        assert_eq!(g["large"], false);
    }

    #[test]
    fn with_presences_everyone_unless_large() {
        let presences = HashMap::from([(3, PresenceRecord { status: "online" })]);
        let mut small = guild(10);
        shape(&mut small, &view(GUILD_PRESENCES, &presences));
        assert_eq!(ids(&small, "members").len(), 15);
        assert_eq!(ids(&small, "presences"), [3]);

        let mut large = guild(100);
        shape(&mut large, &view(GUILD_PRESENCES, &presences));
        assert_eq!(large["large"], true);
        assert_eq!(ids(&large, "members"), [1, 2, 3, 4, 5]);
        assert_eq!(large["member_count"], 105);
    }

    #[test]
    fn large_threshold_is_clamped() {
        assert_eq!(large_threshold(&json!({})), 50);
        assert_eq!(large_threshold(&json!({"large_threshold": 250})), 250);
        assert_eq!(large_threshold(&json!({"large_threshold": 9999})), 250);
        assert_eq!(large_threshold(&json!({"large_threshold": 3})), 50);
        assert_eq!(large_threshold(&json!({"large_threshold": "x"})), 50);
    }

    #[test]
    fn an_unavailable_guild_is_left_alone() {
        let mut g = json!({"id": "9", "unavailable": true});
        let presences = HashMap::new();
        shape(&mut g, &view(GUILD_PRESENCES, &presences));
        assert_eq!(g, json!({"id": "9", "unavailable": true}));
    }
}
