//! Where a webhook's message goes: a thread of the webhook's channel (`thread_id`), or a new
//! post of its forum or media channel (`thread_name`), owned by the webhook.

use super::change::Refusal;
use super::channels::{ThreadRecord, is_thread};
use super::webhooks::WebhookRecord;
use super::{ChannelRecord, World};
use crate::rest::now_iso;
use serde_json::{Value, json};

/// Forum and media channels: messages go to their posts.
pub(super) fn is_forum(kind: u8) -> bool {
    matches!(kind, 15 | 16)
}

impl World {
    /// The channel a webhook message goes to or is in: the thread `thread` of the webhook's
    /// channel (10003 for any other), else the webhook's channel.
    pub(super) fn webhook_target(
        &self,
        webhook: &WebhookRecord,
        thread: Option<u64>,
    ) -> Result<u64, Refusal> {
        let Some(thread) = thread else {
            return Ok(webhook.channel_id);
        };
        match self.guild_channel(thread) {
            Some((_, record))
                if is_thread(record.kind) && record.parent_id == Some(webhook.channel_id) =>
            {
                Ok(thread)
            }
            _ => Err(Refusal::unknown(10003, "Channel")),
        }
    }

    /// Starts a forum post named `name` in `forum`, owned by the webhook: its id, and the
    /// THREAD_CREATE to emit.
    pub(super) fn webhook_post(
        &mut self,
        forum: u64,
        webhook: &WebhookRecord,
        name: &str,
    ) -> Result<(u64, Value), Refusal> {
        let length = name.chars().count();
        if !(1..=100).contains(&length) {
            return Err(Refusal::bad_request(
                50035,
                "Invalid Form Body (thread_name: Must be between 1 and 100 in length.)",
            ));
        }
        let id = self.ids.next();
        let now = now_iso();
        let record = ChannelRecord {
            id,
            name: name.to_owned(),
            kind: 11,
            position: 0,
            nsfw: false,
            topic: None,
            parent_id: Some(forum),
            rate_limit_per_user: 0,
            overwrites: Vec::new(),
            thread: Some(ThreadRecord {
                owner_id: webhook.id,
                archived: false,
                locked: false,
                auto_archive_duration: 4320,
                archive_timestamp: now.clone(),
                created: now,
                invitable: true,
                members: Vec::new(),
            }),
        };
        let guild = webhook.guild_id;
        let guild_record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        guild_record.channels.push(record.clone());
        let mut created = self.guild_channel_json(guild, &record);
        created["newly_created"] = json!(true);
        Ok((id, created))
    }
}
