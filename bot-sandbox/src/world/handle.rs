//! What a test seeds and changes through the handle: message history, reactions by users, channels
//! of any type, permission overwrites; and what it reads back (a message as REST shows it, the
//! audit-log reasons received, uploaded bytes). Changes go through the world's one change API,
//! so the bot receives the same events as for the REST calls.

use crate::SandboxHandle;
use serde_json::Value;

impl SandboxHandle {
    /// Gives the application an emoji named `name` (`GET /applications/{id}/emojis` lists
    /// it); its id.
    pub fn add_application_emoji(&self, name: &str) -> u64 {
        let mut world = self.shared.world();
        let id = world.ids.next();
        let creator = world.bot_id;
        world.app_emojis.push(super::emojis::EmojiRecord {
            id,
            name: name.to_owned(),
            roles: Vec::new(),
            animated: false,
            creator,
        });
        id
    }

    /// Seeds `count` messages by `author` in `channel` (content `"{prefix}{n}"`, oldest first)
    /// and returns their ids, oldest first. No event is sent: it is history that existed before
    /// the bot looked, and seeding thousands stays fast. Empty for an unknown channel or user.
    pub fn seed_messages(&self, channel: u64, author: u64, count: usize, prefix: &str) -> Vec<u64> {
        let mut world = self.shared.world();
        if !world.channel_exists(channel) || !world.users.contains_key(&author) {
            return Vec::new();
        }
        world.seed_messages(channel, author, count, prefix)
    }

    /// A message as `GET /channels/{channel}/messages/{id}` shows it (reactions, `pinned`).
    pub fn message(&self, channel: u64, message: u64) -> Option<Value> {
        let world = self.shared.world();
        world
            .find_message(channel, message)
            .map(|m| world.render_message(m))
    }

    /// `user` reacts to a message with a unicode emoji (or `name:id`), and the bot receives
    /// MESSAGE_REACTION_ADD as for any reaction; `false` if Discord would refuse it.
    pub fn react(&self, user: u64, channel: u64, message: u64, emoji: &str) -> bool {
        self.shared
            .change(|world| world.add_reaction(channel, message, user, emoji))
            .is_ok()
    }

    /// Adds a channel of any type to a guild (5 announcement, 15 forum, ...); returns its id.
    /// Sends no CHANNEL_CREATE: seed it before the bot connects (or use
    /// [`SandboxHandle::create_channel`], which sends it).
    pub fn add_channel(&self, guild: u64, name: &str, kind: u8) -> Option<u64> {
        self.shared.world().add_channel(guild, name, kind)
    }

    /// Sets a permission overwrite on a channel (`kind` 0 for a role, 1 for a member), as an
    /// administrator would, and sends CHANNEL_UPDATE; `false` for an unknown guild channel.
    pub fn set_overwrite(&self, channel: u64, id: u64, kind: u8, allow: u64, deny: u64) -> bool {
        self.shared
            .change(|world| world.write_overwrite(channel, id, Some((kind, allow, deny))))
            .is_ok()
    }

    /// The `X-Audit-Log-Reason`s received, decoded, each with its request's method and path
    /// (`"DELETE /channels/1/messages/2"`), in order.
    pub fn audit_reasons(&self) -> Vec<(String, String)> {
        self.shared.world().audit_reasons.clone()
    }

    /// The bytes of an uploaded attachment, as received.
    pub fn attachment_bytes(&self, attachment: u64) -> Option<Vec<u8>> {
        self.shared
            .world()
            .files
            .get(&attachment)
            .map(|f| f.bytes.clone())
    }

    /// A thread's member ids.
    pub fn thread_members(&self, thread: u64) -> Vec<u64> {
        self.shared
            .world()
            .guild_channel(thread)
            .and_then(|(_, c)| c.thread.as_ref())
            .map(|t| t.members.iter().map(|(u, _)| *u).collect())
            .unwrap_or_default()
    }
}
