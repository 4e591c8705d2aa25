//! Derived member, user and voice events.

use crate::cache::{CachedUser, MemberRef};
use crate::model::VoiceState;
use std::sync::Arc;

/// A cached member changed (Pycord's `on_member_update(before, after)`: nickname, roles,
/// guild avatar, timeout, …), after the
/// [`GuildMemberUpdate`](crate::event::GuildMemberUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MemberUpdated {
    /// The member as it was cached.
    pub before: MemberRef,
    /// The member now.
    pub after: MemberRef,
}

/// A cached user's profile changed (Pycord's `on_user_update(before, after)`: name, global
/// name, avatar, …), after the [`GuildMemberUpdate`](crate::event::GuildMemberUpdate) dispatch
/// that carried it. Fires once per change, in the first guild that reports it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UserUpdated {
    /// The user as it was cached.
    pub before: Arc<CachedUser>,
    /// The user now.
    pub after: Arc<CachedUser>,
}

/// A cached member left or was removed (Pycord's `on_member_remove(member)`), after the
/// [`GuildMemberRemove`](crate::event::GuildMemberRemove) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MemberRemoved {
    /// The member, as it was cached.
    pub member: MemberRef,
}

/// A member joined, left or moved in voice, or changed its voice state, in a cached guild
/// (Pycord's `on_voice_state_update(member, before, after)`), after the
/// [`VoiceStateUpdate`](crate::event::VoiceStateUpdate) dispatch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct VoiceStateUpdated {
    /// The member (from the cache, else from the dispatch).
    pub member: MemberRef,
    /// The voice state before: `None` when it was not in a voice channel (or voice states are
    /// not cached).
    pub before: Option<Arc<VoiceState>>,
    /// The voice state now: `None` when it left voice.
    pub after: Option<Arc<VoiceState>>,
}
