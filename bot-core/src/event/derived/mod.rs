//! The events the [cache](crate::cache) derives from a dispatch, with the state the dispatch
//! replaced: Pycord's `on_message_edit(before, after)`, `on_member_update(before, after)`,
//! `on_message_delete(message)` and their kin.
//!
//! Each follows its dispatch (which every consumer gets first, as Pycord's `on_raw_*` comes
//! first), and fires on py-cord 2.8.1's rule: only when what it carries was cached. A message
//! edited before the bot saw it gives a [`MessageUpdate`](super::MessageUpdate) and no
//! [`MessageEdited`]. With the cache off, or the resource not kept
//! ([`CacheConfig`](crate::cache::CacheConfig)), none fires. They are built only when some
//! consumer takes them, so an unused kind costs nothing.
//!
//! Their names are past tense (`MessageEdited`), the dispatches' are Discord's
//! (`MessageUpdate`): a listener's parameter type says which it gets.
//!
//! ```no_run
//! use bot_core::event::{MemberUpdated, MessageEdited};
//! use bot_core::{Context, listen};
//!
//! #[listen]
//! async fn on_message_edit(_ctx: &Context, edit: &MessageEdited) {
//!     println!("{:?} became {:?}", edit.before.content, edit.after.content);
//! }
//!
//! #[listen]
//! async fn on_member_update(_ctx: &Context, update: &MemberUpdated) {
//!     if update.before.nick() != update.after.nick() {
//!         println!("{} is now {}", update.before.display_name(), update.after.display_name());
//!     }
//! }
//! ```

mod guilds;
mod members;
mod messages;
mod threads;

pub use guilds::{
    ChannelDeleted, ChannelUpdated, GuildAvailable, GuildJoined, GuildRemoved, GuildUnavailable,
    GuildUpdated, RoleDeleted, RoleUpdated,
};
pub use members::{MemberRemoved, MemberUpdated, UserUpdated, VoiceStateUpdated};
pub use messages::{
    MessageDeleted, MessageEdited, MessagesBulkDeleted, ReactionAdded, ReactionEmojiCleared,
    ReactionRemoved, ReactionsCleared,
};
pub use threads::{
    ThreadDeleted, ThreadJoined, ThreadMemberJoined, ThreadMemberRemoved, ThreadRemoved,
    ThreadUpdated,
};
