//! Derived thread events.

use crate::model::{Channel, ThreadMember};
use std::sync::Arc;

/// A cached thread changed (Pycord's `on_thread_update(before, after)`), after the
/// [`ThreadUpdate`](crate::event::ThreadUpdate) dispatch. An archived thread leaves the cache,
/// as in Pycord.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ThreadUpdated {
    /// The thread as it was cached.
    pub before: Arc<Channel>,
    /// The thread now.
    pub after: Arc<Channel>,
}

/// A cached thread was deleted (Pycord's `on_thread_delete(thread)`), after the
/// [`ThreadDelete`](crate::event::ThreadDelete) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ThreadDeleted {
    /// The thread, as it was cached.
    pub thread: Arc<Channel>,
}

/// The bot gained a thread (Pycord's `on_thread_join(thread)`), on py-cord's rule: a
/// [`ThreadCreate`](crate::event::ThreadCreate) of a thread already cached, a
/// [`ThreadUpdate`](crate::event::ThreadUpdate) of one not cached, a
/// [`ThreadListSync`](crate::event::ThreadListSync) listing one not cached, or a
/// [`ThreadMembersUpdate`](crate::event::ThreadMembersUpdate) adding the bot.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ThreadJoined {
    /// The thread.
    pub thread: Arc<Channel>,
}

/// The bot lost a cached thread (Pycord's `on_thread_remove(thread)`): a
/// [`ThreadListSync`](crate::event::ThreadListSync) of its channels no longer listing it, or a
/// [`ThreadMembersUpdate`](crate::event::ThreadMembersUpdate) removing the bot.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ThreadRemoved {
    /// The thread, as it was cached.
    pub thread: Arc<Channel>,
}

/// A user (not the bot) joined a cached thread (Pycord's `on_thread_member_join(member)`),
/// after the [`ThreadMembersUpdate`](crate::event::ThreadMembersUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ThreadMemberJoined {
    /// The thread.
    pub thread: Arc<Channel>,
    /// The thread member.
    pub member: Arc<ThreadMember>,
}

/// A cached thread member (not the bot) left a cached thread (Pycord's
/// `on_thread_member_remove(member)`), after the
/// [`ThreadMembersUpdate`](crate::event::ThreadMembersUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ThreadMemberRemoved {
    /// The thread.
    pub thread: Arc<Channel>,
    /// The thread member, as it was cached.
    pub member: Arc<ThreadMember>,
}
