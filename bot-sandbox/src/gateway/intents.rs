//! Gateway intents as Discord applies them (GW "Gateway Intents", "List of Intents", "Caveats",
//! "Message Content Intent"): which intents deliver each dispatch, and what a session without
//! MESSAGE_CONTENT sees of a message.

use serde_json::Value;

pub(crate) use crate::{GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT};

/// GUILDS (1 << 0).
pub(crate) const GUILDS: u64 = 1 << 0;
/// GUILD_MODERATION (1 << 2).
const GUILD_MODERATION: u64 = 1 << 2;
/// GUILD_EXPRESSIONS (1 << 3).
const GUILD_EXPRESSIONS: u64 = 1 << 3;
/// GUILD_INTEGRATIONS (1 << 4).
const GUILD_INTEGRATIONS: u64 = 1 << 4;
/// GUILD_WEBHOOKS (1 << 5).
const GUILD_WEBHOOKS: u64 = 1 << 5;
/// GUILD_INVITES (1 << 6).
const GUILD_INVITES: u64 = 1 << 6;
/// GUILD_VOICE_STATES (1 << 7).
const GUILD_VOICE_STATES: u64 = 1 << 7;
/// GUILD_MESSAGES (1 << 9).
const GUILD_MESSAGES: u64 = 1 << 9;
/// GUILD_MESSAGE_REACTIONS (1 << 10).
const GUILD_MESSAGE_REACTIONS: u64 = 1 << 10;
/// GUILD_MESSAGE_TYPING (1 << 11).
const GUILD_MESSAGE_TYPING: u64 = 1 << 11;
/// DIRECT_MESSAGES (1 << 12).
const DIRECT_MESSAGES: u64 = 1 << 12;
/// DIRECT_MESSAGE_REACTIONS (1 << 13).
const DIRECT_MESSAGE_REACTIONS: u64 = 1 << 13;
/// DIRECT_MESSAGE_TYPING (1 << 14).
const DIRECT_MESSAGE_TYPING: u64 = 1 << 14;
/// GUILD_SCHEDULED_EVENTS (1 << 16).
const GUILD_SCHEDULED_EVENTS: u64 = 1 << 16;
/// AUTO_MODERATION_CONFIGURATION (1 << 20).
const AUTO_MODERATION_CONFIGURATION: u64 = 1 << 20;
/// AUTO_MODERATION_EXECUTION (1 << 21).
const AUTO_MODERATION_EXECUTION: u64 = 1 << 21;
/// GUILD_MESSAGE_POLLS (1 << 24).
const GUILD_MESSAGE_POLLS: u64 = 1 << 24;
/// DIRECT_MESSAGE_POLLS (1 << 25).
const DIRECT_MESSAGE_POLLS: u64 = 1 << 25;

/// Which sessions a dispatch goes to: those whose intents hold any of `any`, or all of them when
/// `any` is 0 (events listed under no intent are always sent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Needs {
    any: u64,
}

impl Needs {
    /// Sent whatever the intents.
    pub(crate) const ALWAYS: Needs = Needs { any: 0 };

    /// Whether a session identified with `intents` gets the dispatch.
    pub(crate) fn met_by(self, intents: u64) -> bool {
        self.any == 0 || intents & self.any != 0
    }

    /// What `event` needs by the docs' table alone. `in_guild`: the event belongs to a guild (the
    /// guild intents) rather than to a DM (the direct-message ones).
    pub(crate) fn of_event(event: &str, in_guild: bool) -> Needs {
        let guild_or_dm = |guild: u64, dm: u64| if in_guild { guild } else { dm };
        let any = match event {
            "GUILD_CREATE"
            | "GUILD_UPDATE"
            | "GUILD_DELETE"
            | "GUILD_ROLE_CREATE"
            | "GUILD_ROLE_UPDATE"
            | "GUILD_ROLE_DELETE"
            | "CHANNEL_CREATE"
            | "CHANNEL_UPDATE"
            | "CHANNEL_DELETE"
            | "THREAD_CREATE"
            | "THREAD_UPDATE"
            | "THREAD_DELETE"
            | "THREAD_LIST_SYNC"
            | "THREAD_MEMBER_UPDATE"
            | "STAGE_INSTANCE_CREATE"
            | "STAGE_INSTANCE_UPDATE"
            | "STAGE_INSTANCE_DELETE"
            | "VOICE_CHANNEL_STATUS_UPDATE"
            | "VOICE_CHANNEL_START_TIME_UPDATE" => GUILDS,
            "CHANNEL_PINS_UPDATE" => guild_or_dm(GUILDS, DIRECT_MESSAGES),
            // Listed under both; which one is held decides what it contains (and, without
            // GUILD_MEMBERS, whether it is sent: see `Needs::of_dispatch`).
            "THREAD_MEMBERS_UPDATE" => GUILDS | GUILD_MEMBERS,
            "GUILD_MEMBER_ADD" | "GUILD_MEMBER_UPDATE" | "GUILD_MEMBER_REMOVE" => GUILD_MEMBERS,
            "GUILD_AUDIT_LOG_ENTRY_CREATE" | "GUILD_BAN_ADD" | "GUILD_BAN_REMOVE" => {
                GUILD_MODERATION
            }
            "GUILD_EMOJIS_UPDATE"
            | "GUILD_STICKERS_UPDATE"
            | "GUILD_SOUNDBOARD_SOUND_CREATE"
            | "GUILD_SOUNDBOARD_SOUND_UPDATE"
            | "GUILD_SOUNDBOARD_SOUND_DELETE"
            | "GUILD_SOUNDBOARD_SOUNDS_UPDATE" => GUILD_EXPRESSIONS,
            "GUILD_INTEGRATIONS_UPDATE"
            | "INTEGRATION_CREATE"
            | "INTEGRATION_UPDATE"
            | "INTEGRATION_DELETE" => GUILD_INTEGRATIONS,
            "WEBHOOKS_UPDATE" => GUILD_WEBHOOKS,
            "INVITE_CREATE" | "INVITE_DELETE" => GUILD_INVITES,
            "VOICE_CHANNEL_EFFECT_SEND" | "VOICE_STATE_UPDATE" => GUILD_VOICE_STATES,
            "PRESENCE_UPDATE" => GUILD_PRESENCES,
            "MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE" => {
                guild_or_dm(GUILD_MESSAGES, DIRECT_MESSAGES)
            }
            "MESSAGE_DELETE_BULK" => GUILD_MESSAGES,
            "MESSAGE_REACTION_ADD"
            | "MESSAGE_REACTION_REMOVE"
            | "MESSAGE_REACTION_REMOVE_ALL"
            | "MESSAGE_REACTION_REMOVE_EMOJI" => {
                guild_or_dm(GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGE_REACTIONS)
            }
            "TYPING_START" => guild_or_dm(GUILD_MESSAGE_TYPING, DIRECT_MESSAGE_TYPING),
            "GUILD_SCHEDULED_EVENT_CREATE"
            | "GUILD_SCHEDULED_EVENT_UPDATE"
            | "GUILD_SCHEDULED_EVENT_DELETE"
            | "GUILD_SCHEDULED_EVENT_USER_ADD"
            | "GUILD_SCHEDULED_EVENT_USER_REMOVE" => GUILD_SCHEDULED_EVENTS,
            "AUTO_MODERATION_RULE_CREATE"
            | "AUTO_MODERATION_RULE_UPDATE"
            | "AUTO_MODERATION_RULE_DELETE" => AUTO_MODERATION_CONFIGURATION,
            "AUTO_MODERATION_ACTION_EXECUTION" => AUTO_MODERATION_EXECUTION,
            "MESSAGE_POLL_VOTE_ADD" | "MESSAGE_POLL_VOTE_REMOVE" => {
                guild_or_dm(GUILD_MESSAGE_POLLS, DIRECT_MESSAGE_POLLS)
            }
            _ => 0,
        };
        Needs { any }
    }

    /// What one dispatch needs, with the docs' caveats that depend on its payload: GUILD_MEMBER_UPDATE
    /// about the bot itself is sent whatever the intents, and without GUILD_MEMBERS
    /// THREAD_MEMBERS_UPDATE is sent only when the bot was added to or removed from the thread
    /// (then GUILDS delivers it).
    pub(crate) fn of_dispatch(event: &str, in_guild: bool, data: &Value, bot: &str) -> Needs {
        match event {
            "GUILD_MEMBER_UPDATE" if id_at(data, &["user", "id"]) == Some(bot) => Needs::ALWAYS,
            "THREAD_MEMBERS_UPDATE" if !thread_members_include(data, bot) => {
                Needs { any: GUILD_MEMBERS }
            }
            _ => Needs::of_event(event, in_guild),
        }
    }
}

/// The string at `path` in `value`.
fn id_at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter()
        .try_fold(value, |value, key| value.get(key))
        .and_then(Value::as_str)
}

/// Whether a THREAD_MEMBERS_UPDATE adds or removes `user`.
fn thread_members_include(data: &Value, user: &str) -> bool {
    let added = data
        .get("added_members")
        .and_then(Value::as_array)
        .is_some_and(|members| {
            members
                .iter()
                .any(|m| m.get("user_id").and_then(Value::as_str) == Some(user))
        });
    let removed = data
        .get("removed_member_ids")
        .and_then(Value::as_array)
        .is_some_and(|ids| ids.iter().any(|id| id.as_str() == Some(user)));
    added || removed
}

/// Whether `event` carries a message whose content MESSAGE_CONTENT guards.
pub(crate) fn carries_message(event: &str) -> bool {
    // An auto-moderation execution's `content` and `matched_content` are guarded too.
    matches!(
        event,
        "MESSAGE_CREATE" | "MESSAGE_UPDATE" | "AUTO_MODERATION_ACTION_EXECUTION"
    )
}

/// Whether a message keeps its content for an application without MESSAGE_CONTENT: the bot sent
/// it, it is in a DM with the bot (`in_dm`), or it mentions the bot (the bot is in its
/// `mentions`). The fourth exception, the target of a message command, is an interaction's
/// `resolved` data, which is never blanked.
pub(crate) fn keeps_content(message: &Value, bot: &str, in_dm: bool) -> bool {
    in_dm
        || id_at(message, &["author", "id"]) == Some(bot)
        || message
            .get("mentions")
            .and_then(Value::as_array)
            .is_some_and(|users| {
                users
                    .iter()
                    .any(|u| u.get("id").and_then(Value::as_str) == Some(bot))
            })
}

/// Empties what MESSAGE_CONTENT guards in a message (MSG "Message Object" warning): `content`,
/// `embeds`, `attachments` and `components` become empty and `poll` is left out. Only the fields
/// present are touched (a MESSAGE_UPDATE may be partial).
pub(crate) fn blank_content(message: &mut Value) {
    let Some(fields) = message.as_object_mut() else {
        return;
    };
    for key in ["content", "matched_content"] {
        if let Some(content) = fields.get_mut(key) {
            *content = Value::from("");
        }
    }
    for key in ["embeds", "attachments", "components"] {
        if let Some(list) = fields.get_mut(key) {
            *list = Value::Array(Vec::new());
        }
    }
    fields.remove("poll");
}

/// Makes a message what an application without MESSAGE_CONTENT sees: blanked (see
/// [`blank_content`]) unless an exception keeps it (see [`keeps_content`]).
pub(crate) fn hide_content(message: &mut Value, bot: &str, in_dm: bool) {
    if !keeps_content(message, bot, in_dm) {
        blank_content(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn events_map_to_the_intents_of_the_docs_table() {
        let needs = |event, in_guild| Needs::of_event(event, in_guild);
        assert!(needs("GUILD_CREATE", true).met_by(GUILDS));
        assert!(!needs("GUILD_CREATE", true).met_by(GUILD_MESSAGES));
        assert!(needs("MESSAGE_CREATE", true).met_by(GUILD_MESSAGES));
        assert!(!needs("MESSAGE_CREATE", true).met_by(DIRECT_MESSAGES));
        assert!(needs("MESSAGE_CREATE", false).met_by(DIRECT_MESSAGES));
        assert!(!needs("MESSAGE_CREATE", false).met_by(GUILD_MESSAGES | MESSAGE_CONTENT));
        assert!(needs("CHANNEL_PINS_UPDATE", false).met_by(DIRECT_MESSAGES));
        assert!(needs("TYPING_START", true).met_by(GUILD_MESSAGE_TYPING));
        assert!(!needs("TYPING_START", true).met_by(GUILD_MESSAGES));
        assert!(needs("GUILD_MEMBER_UPDATE", true).met_by(GUILD_MEMBERS));
        assert!(!needs("GUILD_MEMBER_UPDATE", true).met_by(GUILDS));
        assert!(needs("THREAD_MEMBERS_UPDATE", true).met_by(GUILDS));
        assert!(needs("MESSAGE_POLL_VOTE_ADD", false).met_by(DIRECT_MESSAGE_POLLS));
        for always in [
            "READY",
            "RESUMED",
            "INTERACTION_CREATE",
            "GUILD_MEMBERS_CHUNK",
        ] {
            assert_eq!(needs(always, true), Needs::ALWAYS);
            assert!(needs(always, true).met_by(0));
        }
    }

    #[test]
    fn payload_caveats_about_the_bot_itself() {
        let bot = "42";
        let own = json!({"user": {"id": "42"}, "roles": []});
        let other = json!({"user": {"id": "7"}, "roles": []});
        assert!(Needs::of_dispatch("GUILD_MEMBER_UPDATE", true, &own, bot).met_by(0));
        assert!(!Needs::of_dispatch("GUILD_MEMBER_UPDATE", true, &other, bot).met_by(GUILDS));
        let added = json!({"added_members": [{"user_id": "42"}]});
        let removed = json!({"removed_member_ids": ["42"]});
        let others = json!({"added_members": [{"user_id": "7"}]});
        for data in [&added, &removed] {
            assert!(Needs::of_dispatch("THREAD_MEMBERS_UPDATE", true, data, bot).met_by(GUILDS));
        }
        let needs = Needs::of_dispatch("THREAD_MEMBERS_UPDATE", true, &others, bot);
        assert!(!needs.met_by(GUILDS) && needs.met_by(GUILD_MEMBERS));
    }

    #[test]
    fn content_is_blanked_unless_an_exception_keeps_it() {
        let seen = |mut message: Value, in_dm| {
            hide_content(&mut message, "42", in_dm);
            message
        };
        let message = json!({
            "author": {"id": "7"}, "content": "hi", "embeds": [{"title": "t"}],
            "attachments": [{"id": "1"}], "components": [{"type": 1}], "poll": {},
            "mentions": [], "id": "9",
        });
        assert_eq!(
            seen(message.clone(), false),
            json!({"author": {"id": "7"}, "content": "", "embeds": [], "attachments": [],
                   "components": [], "mentions": [], "id": "9"})
        );
        assert_eq!(seen(message.clone(), true), message);
        let mut own = message.clone();
        own["author"]["id"] = json!("42");
        assert_eq!(seen(own.clone(), false), own);
        let mut mentioning = message.clone();
        mentioning["mentions"] = json!([{"id": "42"}]);
        assert_eq!(seen(mentioning.clone(), false), mentioning);
        let partial = json!({"id": "9", "embeds": [{"title": "t"}]});
        assert_eq!(seen(partial, false), json!({"id": "9", "embeds": []}));
    }
}
