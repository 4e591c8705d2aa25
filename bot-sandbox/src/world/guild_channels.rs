//! Creating guild channels (developers/resources/guild.mdx "Create Guild Channel"): the channel,
//! and CHANNEL_CREATE to the bots that can see it (GE "Channel Create": "relevant to the current
//! user").

use super::change::{Changed, Refusal};
use super::channels::{MANAGE_CHANNELS, MANAGE_ROLES, Overwrite};
use super::{ChannelRecord, World};
use serde_json::Value;

/// The channel types a guild channel may be created with: text, voice, category, announcement,
/// stage, directory, forum, media.
pub(crate) const CREATABLE: [u8; 8] = [0, 2, 4, 5, 13, 14, 15, 16];

/// A new guild channel's fields.
#[derive(Clone, Debug, Default)]
pub(crate) struct NewChannel {
    pub(crate) name: String,
    pub(crate) kind: u8,
    pub(crate) topic: Option<String>,
    pub(crate) nsfw: bool,
    pub(crate) parent_id: Option<u64>,
    pub(crate) position: Option<u32>,
    pub(crate) rate_limit_per_user: u32,
    pub(crate) overwrites: Vec<Overwrite>,
}

impl World {
    /// Creates a channel in `guild` (at the end unless `position` says): CHANNEL_CREATE with the
    /// channel, sent to bots that may see it. 10004; a `parent_id` that is not one of the guild's
    /// categories is 50035 from the REST route, and 10003 here.
    pub(crate) fn create_guild_channel(
        &mut self,
        guild: u64,
        new: NewChannel,
    ) -> Result<Changed<Value>, Refusal> {
        let id = self.ids.next();
        let record = self
            .guilds
            .get_mut(&guild)
            .ok_or_else(|| Refusal::unknown(10004, "Guild"))?;
        if let Some(parent) = new.parent_id
            && record.channel(parent).is_none_or(|c| c.kind != 4)
        {
            return Err(Refusal::unknown(10003, "Channel"));
        }
        let position = new.position.unwrap_or(record.channels.len() as u32);
        let channel = ChannelRecord {
            id,
            name: new.name,
            kind: new.kind,
            position,
            nsfw: new.nsfw,
            topic: new.topic,
            parent_id: new.parent_id,
            rate_limit_per_user: new.rate_limit_per_user,
            overwrites: new.overwrites,
            thread: None,
        };
        record.channels.push(channel.clone());
        let json = self.guild_channel_json(guild, &channel);
        Ok(Changed::quiet(json.clone()).emit("CHANNEL_CREATE", Some(guild), Some(id), json))
    }

    /// What `POST /guilds/{guild}/channels` needs: MANAGE_CHANNELS, and overwrites that allow or
    /// deny only permissions the bot has (MANAGE_ROLES only for an administrator): else 50013.
    pub(crate) fn check_channel_create(
        &self,
        guild: u64,
        overwrites: &[Overwrite],
    ) -> Result<(), Refusal> {
        self.require_guild(guild, MANAGE_CHANNELS)?;
        let have = self.acting_guild(guild)?.permissions_of(self.bot_id);
        let admin = have & super::ADMINISTRATOR != 0;
        let asked = overwrites.iter().fold(0, |acc, o| acc | o.allow | o.deny);
        if (!admin && asked & MANAGE_ROLES != 0) || asked & !have != 0 {
            return Err(Refusal::missing_permissions());
        }
        Ok(())
    }
}
