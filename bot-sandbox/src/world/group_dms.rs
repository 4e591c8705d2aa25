//! Group DMs the bot made (type 3): a bot makes one for users who authorized it with OAuth2's
//! `gdm.join` (their access tokens), and adds or removes recipients the same way. The test
//! handle grants those tokens and makes the group; REST adds and removes recipients.

use super::World;
use super::change::{Changed, Refusal};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Channel type GROUP_DM.
const GROUP_DM: u8 = 3;

/// A group DM and who is in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GroupDmRecord {
    pub(crate) id: u64,
    /// Who made it (the bot, for the groups of the sandbox).
    pub(crate) owner: u64,
    /// The users in it besides the owner, in the order they were added.
    pub(crate) recipients: Vec<u64>,
    /// The nicknames the owner gave recipients.
    pub(crate) nicks: BTreeMap<u64, String>,
}

impl GroupDmRecord {
    /// Whether `user` is in the group (its owner or a recipient).
    pub(crate) fn has(&self, user: u64) -> bool {
        self.owner == user || self.recipients.contains(&user)
    }
}

impl World {
    /// A group DM owned by the bot with these recipients (known users, not bots); `None` if
    /// one is not.
    pub(crate) fn add_group_dm(&mut self, recipients: &[u64]) -> Option<u64> {
        if recipients
            .iter()
            .any(|u| self.users.get(u).is_none_or(|u| u.bot))
        {
            return None;
        }
        let id = self.ids.next();
        let mut unique = Vec::new();
        for user in recipients {
            if !unique.contains(user) {
                unique.push(*user);
            }
        }
        let group = GroupDmRecord {
            id,
            owner: self.bot_id,
            recipients: unique,
            nicks: BTreeMap::new(),
        };
        self.group_dms.insert(id, group);
        Some(id)
    }

    /// A group DM as `GET /channels/{id}` returns it (the spec's `PrivateGroupChannelResponse`):
    /// `recipients` holds everyone but the bot.
    pub(crate) fn group_dm_json(&self, channel: u64) -> Option<Value> {
        let group = self.group_dms.get(&channel)?;
        let last = self
            .messages
            .get(&channel)
            .and_then(|list| list.last())
            .and_then(|m| m.get("id").cloned())
            .unwrap_or(Value::Null);
        let recipients: Vec<Value> = group
            .recipients
            .iter()
            .chain(std::iter::once(&group.owner))
            .filter(|u| **u != self.bot_id)
            .filter_map(|u| self.public_user_json_by_id(*u))
            .collect();
        let owned_by_bot = group.owner == self.bot_id;
        Some(json!({
            "id": channel.to_string(),
            "type": GROUP_DM,
            "last_message_id": last,
            "flags": 0,
            "recipients": recipients,
            "name": null,
            "icon": null,
            "owner_id": group.owner.to_string(),
            "managed": owned_by_bot,
            "application_id": owned_by_bot.then(|| self.application_id.to_string()),
        }))
    }

    /// The group DM of a recipient route: 10003 for an unknown channel, 50024 for a channel
    /// that is not a group DM, 50013 unless the bot owns it.
    fn owned_group(&self, channel: u64) -> Result<&GroupDmRecord, Refusal> {
        match self.group_dms.get(&channel) {
            Some(group) if group.owner == self.bot_id => Ok(group),
            Some(_) => Err(Refusal::missing_permissions()),
            None if self.channel_exists(channel) => Err(Refusal::bad_request(
                50024,
                "Cannot execute action on this channel type",
            )),
            None => Err(Refusal::unknown(10003, "Channel")),
        }
    }

    /// Adds `user` to the bot's group DM with their `gdm.join` access token (else 50025):
    /// the group (`Some`) when added, `None` when they already were in it.
    pub(crate) fn add_group_recipient(
        &mut self,
        channel: u64,
        user: u64,
        token: &str,
        nick: Option<String>,
    ) -> Result<Changed<Option<Value>>, Refusal> {
        self.owned_group(channel)?;
        if !self.users.contains_key(&user) {
            return Err(Refusal::unknown(10013, "User"));
        }
        if !self.grant_allows(token, user, "gdm.join") {
            return Err(Refusal::bad_request(50025, "Invalid OAuth2 access token"));
        }
        let Some(group) = self.group_dms.get_mut(&channel) else {
            return Err(Refusal::unknown(10003, "Channel"));
        };
        if let Some(nick) = nick {
            group.nicks.insert(user, nick);
        }
        if group.has(user) {
            return Ok(Changed::quiet(None));
        }
        group.recipients.push(user);
        Ok(Changed::quiet(self.group_dm_json(channel)))
    }

    /// Removes `user` from the bot's group DM (10013 when they are not in it).
    pub(crate) fn remove_group_recipient(
        &mut self,
        channel: u64,
        user: u64,
    ) -> Result<Changed<()>, Refusal> {
        self.owned_group(channel)?;
        let Some(group) = self.group_dms.get_mut(&channel) else {
            return Err(Refusal::unknown(10003, "Channel"));
        };
        if !group.recipients.contains(&user) {
            return Err(Refusal::unknown(10013, "User"));
        }
        group.recipients.retain(|u| *u != user);
        group.nicks.remove(&user);
        Ok(Changed::quiet(()))
    }
}
