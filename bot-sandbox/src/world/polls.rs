//! Polls of messages: a message created with a `poll` keeps its answers and their votes; users
//! vote through the test handle (MESSAGE_POLL_VOTE_ADD / _REMOVE, GUILD_MESSAGE_POLLS), REST
//! lists an answer's voters, and the bot ends its own poll early (MESSAGE_UPDATE with
//! `poll.results.is_finalized`).

use super::World;
use super::change::{Changed, Refusal};
use super::channels::READ_MESSAGE_HISTORY;
use super::invites::{iso_of, unix_now};
use serde_json::{Value, json};

/// A poll's answers and votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PollRecord {
    /// The answers' ids (1, 2, …).
    pub(crate) answers: Vec<u32>,
    pub(crate) allow_multiselect: bool,
    /// When it ends, in seconds since the Unix epoch.
    pub(crate) expiry: u64,
    /// Ended, its votes counted.
    pub(crate) finalized: bool,
    /// The votes: answer and user, in order.
    pub(crate) votes: Vec<(u32, u64)>,
}

/// 400 / 50035 with the field's error as its message.
fn invalid(message: &str) -> Refusal {
    Refusal::bad_request(50035, &format!("poll.{message}"))
}

fn text_of(media: &Value, max: usize, field: &str) -> Result<String, Refusal> {
    let text = media
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(&format!("{field}.text: This field is required")))?;
    if !(1..=max).contains(&text.chars().count()) {
        return Err(invalid(&format!(
            "{field}.text: Must be between 1 and {max} in length."
        )));
    }
    Ok(text.to_owned())
}

/// Reads a create body's `poll` (question of 1–300 characters, 1–10 answers of 1–55, a
/// duration of 1–768 hours, 24 by default): the record and the message's `poll` object.
pub(crate) fn poll_of(poll: &Value) -> Result<(PollRecord, Value), Refusal> {
    let question = text_of(&poll["question"], 300, "question")?;
    let answers = poll
        .get("answers")
        .and_then(Value::as_array)
        .filter(|a| (1..=10).contains(&a.len()))
        .ok_or_else(|| invalid("answers: Must be between 1 and 10 in length."))?;
    let mut rendered = Vec::new();
    for (n, answer) in answers.iter().enumerate() {
        let media = &answer["poll_media"];
        let text = text_of(media, 55, &format!("answers.{n}.poll_media"))?;
        let mut media_json = json!({"text": text});
        if let Some(emoji) = media.get("emoji").filter(|e| e.is_object()) {
            media_json["emoji"] = emoji.clone();
        }
        rendered.push(json!({"answer_id": n + 1, "poll_media": media_json}));
    }
    let hours = match poll.get("duration") {
        None | Some(Value::Null) => 24,
        Some(value) => value
            .as_u64()
            .filter(|h| (1..=768).contains(h))
            .ok_or_else(|| invalid("duration: Must be between 1 and 768."))?,
    };
    let allow_multiselect = poll
        .get("allow_multiselect")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let record = PollRecord {
        answers: (1..=answers.len() as u32).collect(),
        allow_multiselect,
        expiry: unix_now() + hours * 3600,
        finalized: false,
        votes: Vec::new(),
    };
    let value = json!({
        "question": {"text": question},
        "answers": rendered,
        "expiry": iso_of(record.expiry),
        "allow_multiselect": allow_multiselect,
        "layout_type": 1,
        "results": {"answer_counts": [], "is_finalized": false},
    });
    Ok((record, value))
}

impl PollRecord {
    /// `results` as the message carries it: the count of each answer voted for, and whether
    /// the bot voted for it.
    pub(crate) fn results(&self, bot: u64) -> Value {
        let counts: Vec<Value> = self
            .answers
            .iter()
            .filter_map(|answer| {
                let voters: Vec<u64> = self
                    .votes
                    .iter()
                    .filter(|(a, _)| a == answer)
                    .map(|(_, u)| *u)
                    .collect();
                (!voters.is_empty()).then(|| {
                    json!({"id": answer, "count": voters.len(), "me_voted": voters.contains(&bot)})
                })
            })
            .collect();
        json!({"answer_counts": counts, "is_finalized": self.finalized})
    }
}

impl World {
    /// The poll of a message the bot may read, or 10008 for an unknown message.
    fn poll_target(&self, channel: u64, message: u64) -> Result<&PollRecord, Refusal> {
        self.require(channel, READ_MESSAGE_HISTORY)?;
        self.find_message(channel, message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?;
        self.polls
            .get(&message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))
    }

    /// The users who voted for `answer`, in id order, `after` an id, at most `limit`.
    pub(crate) fn poll_voters(
        &self,
        channel: u64,
        message: u64,
        answer: u32,
        after: u64,
        limit: usize,
    ) -> Result<Vec<Value>, Refusal> {
        let poll = self.poll_target(channel, message)?;
        if !poll.answers.contains(&answer) {
            return Err(Refusal::unknown(10008, "Message"));
        }
        let mut users: Vec<u64> = poll
            .votes
            .iter()
            .filter(|(a, _)| *a == answer)
            .map(|(_, u)| *u)
            .collect();
        users.sort_unstable();
        Ok(users
            .into_iter()
            .filter(|u| *u > after)
            .take(limit)
            .filter_map(|u| self.public_user_json_by_id(u))
            .collect())
    }

    fn vote_event(&self, channel: u64, message: u64, user: u64, answer: u32) -> Value {
        let mut data = json!({
            "user_id": user.to_string(),
            "channel_id": channel.to_string(),
            "message_id": message.to_string(),
            "answer_id": answer,
        });
        if let Some(guild) = self.guild_id_of(channel) {
            data["guild_id"] = json!(guild.to_string());
        }
        data
    }

    /// `user` votes for (`add`) or takes back a vote for `answer`: MESSAGE_POLL_VOTE_ADD or
    /// _REMOVE. An ended poll refuses it (520001); a second answer of a poll without
    /// multiselect replaces the first (a REMOVE, then an ADD, as the client sends it).
    pub(crate) fn poll_vote(
        &mut self,
        channel: u64,
        message: u64,
        user: u64,
        answer: u32,
        add: bool,
    ) -> Result<Changed<()>, Refusal> {
        if !self.can(user, channel, READ_MESSAGE_HISTORY) {
            return Err(Refusal::missing_access());
        }
        let poll = self.poll_target(channel, message)?;
        if !poll.answers.contains(&answer) {
            return Err(Refusal::bad_request(50035, "answer_id: Unknown answer"));
        }
        if poll.finalized || poll.expiry <= unix_now() {
            return Err(Refusal::bad_request(520001, "Poll expired"));
        }
        let multiselect = poll.allow_multiselect;
        let guild = self.guild_id_of(channel);
        let mut changed = Changed::quiet(());
        let Some(poll) = self.polls.get_mut(&message) else {
            return Err(Refusal::unknown(10008, "Message"));
        };
        let mut removed = Vec::new();
        if add {
            if poll.votes.contains(&(answer, user)) {
                return Ok(changed);
            }
            if !multiselect {
                poll.votes.retain(|(a, u)| {
                    let other = *u == user;
                    if other {
                        removed.push(*a);
                    }
                    !other
                });
            }
            poll.votes.push((answer, user));
        } else {
            let before = poll.votes.len();
            poll.votes.retain(|v| *v != (answer, user));
            if poll.votes.len() == before {
                return Ok(changed);
            }
        }
        for old in removed {
            let data = self.vote_event(channel, message, user, old);
            changed = changed.emit("MESSAGE_POLL_VOTE_REMOVE", guild, Some(channel), data);
        }
        let data = self.vote_event(channel, message, user, answer);
        let event = if add {
            "MESSAGE_POLL_VOTE_ADD"
        } else {
            "MESSAGE_POLL_VOTE_REMOVE"
        };
        Ok(changed.emit(event, guild, Some(channel), data))
    }

    /// The bot ends its own poll now: MESSAGE_UPDATE with `poll.results.is_finalized`. Another
    /// user's message is refused (50005), a message without a poll too (520006), an ended poll
    /// with 520001.
    pub(crate) fn end_poll(
        &mut self,
        channel: u64,
        message: u64,
    ) -> Result<Changed<Value>, Refusal> {
        self.require(channel, READ_MESSAGE_HISTORY)?;
        let stored = self
            .find_message(channel, message)
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?;
        if stored["author"]["id"].as_str() != Some(self.bot_id.to_string().as_str()) {
            return Err(Refusal {
                status: 403,
                code: 50005,
                message: "Cannot edit a message authored by another user".to_owned(),
            });
        }
        let Some(poll) = self.polls.get_mut(&message) else {
            return Err(Refusal::bad_request(
                520006,
                "Cannot expire a non-poll message",
            ));
        };
        if poll.finalized {
            return Err(Refusal::bad_request(520001, "Poll expired"));
        }
        poll.finalized = true;
        poll.expiry = unix_now();
        let stored = self
            .find_message(channel, message)
            .cloned()
            .ok_or_else(|| Refusal::unknown(10008, "Message"))?;
        let rendered = self.render_message(&stored);
        let guild = self.guild_id_of(channel);
        Ok(Changed::quiet(rendered.clone()).emit("MESSAGE_UPDATE", guild, Some(channel), rendered))
    }

    /// Adds the poll's current `results` and `expiry` to a rendered message.
    pub(crate) fn render_poll(&self, message: u64, value: &mut Value) {
        if let Some(poll) = self.polls.get(&message)
            && value.get("poll").is_some_and(Value::is_object)
        {
            value["poll"]["results"] = poll.results(self.bot_id);
            value["poll"]["expiry"] = json!(iso_of(poll.expiry));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polls_are_checked() {
        let ok = json!({"question": {"text": "Tea?"},
                        "answers": [{"poll_media": {"text": "yes"}}, {"poll_media": {"text": "no"}}]});
        let (record, value) = poll_of(&ok).expect("a poll");
        assert_eq!(record.answers, vec![1, 2]);
        assert_eq!(value["answers"][1]["answer_id"], 2);
        assert!(poll_of(&json!({"question": {"text": "?"}, "answers": []})).is_err());
        let mut long = ok.clone();
        long["duration"] = json!(769);
        assert!(poll_of(&long).is_err());
    }
}
