//! The cache on a context, with Pycord's names: `get_guild`, `get_channel`, `get_user`,
//! `get_message`, `guilds`, `users`, `cached_messages`, `private_channels`,
//! `get_all_channels`, `get_all_members`, `get_partial_messageable`.

use super::Context;
use crate::cache::{Cache, CachedMessage, CachedUser, MemberRef};
use crate::http::Http;
use crate::model::{
    Channel, ChannelMarker, CreateMessage, Guild, GuildMarker, Id, Message, MessageMarker,
    UserMarker,
};
use std::sync::Arc;

impl Context {
    /// The cache (updated before any handler gets an event).
    pub fn cache(&self) -> &Cache {
        &self.services().cache
    }

    /// A cached guild; `None` when it is not cached.
    pub fn get_guild(&self, id: Id<GuildMarker>) -> Option<Arc<Guild>> {
        self.cache().guild(id)
    }

    /// A cached channel, thread or DM channel.
    pub fn get_channel(&self, id: Id<ChannelMarker>) -> Option<Arc<Channel>> {
        self.cache().channel(id)
    }

    /// A cached user.
    pub fn get_user(&self, id: Id<UserMarker>) -> Option<Arc<CachedUser>> {
        self.cache().user(id)
    }

    /// A cached message.
    pub fn get_message(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        self.cache().message(id)
    }

    /// A cached member of a guild.
    pub fn get_member(&self, guild: Id<GuildMarker>, user: Id<UserMarker>) -> Option<MemberRef> {
        self.cache().member(guild, user)
    }

    /// The cached guilds.
    pub fn guilds(&self) -> Vec<Arc<Guild>> {
        self.cache().guilds()
    }

    /// The cached users.
    pub fn users(&self) -> Vec<Arc<CachedUser>> {
        self.cache().users()
    }

    /// The cached messages, oldest first.
    pub fn cached_messages(&self) -> Vec<CachedMessage> {
        self.cache().messages()
    }

    /// The cached DM channels.
    pub fn private_channels(&self) -> Vec<Arc<Channel>> {
        self.cache().private_channels()
    }

    /// Every cached guild channel and thread, guild by guild (a lazy iterator).
    pub fn get_all_channels(&self) -> impl Iterator<Item = Arc<Channel>> + '_ {
        self.cache().all_channels()
    }

    /// Every cached member of every guild, guild by guild (a lazy iterator).
    pub fn get_all_members(&self) -> impl Iterator<Item = MemberRef> + '_ {
        self.cache().all_members()
    }

    /// A channel to send to by id, cached or not (Pycord's `get_partial_messageable`).
    pub fn get_partial_messageable(&self, id: Id<ChannelMarker>) -> PartialMessageable {
        PartialMessageable {
            id,
            http: self.http().clone(),
        }
    }
}

/// A channel known by its id only: enough to send to it (Pycord's `PartialMessageable`).
#[derive(Clone, Debug)]
pub struct PartialMessageable {
    id: Id<ChannelMarker>,
    http: Http,
}

impl PartialMessageable {
    /// The channel's id.
    pub fn id(&self) -> Id<ChannelMarker> {
        self.id
    }

    /// Sends `message` to the channel.
    pub async fn send(
        &self,
        message: impl Into<CreateMessage>,
    ) -> Result<Message, crate::http::HttpError> {
        self.http.create_message(self.id, &message.into()).await
    }
}
