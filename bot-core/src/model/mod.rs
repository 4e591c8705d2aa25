//! Discord's objects as a bot receives and sends them: typed ids, timestamps, bit sets, coded
//! enums, users, members, roles, channels, messages and interactions.
//!
//! Every model ignores fields it does not know, keeps enum values it does not know
//! (`Unknown(n)`) and bits it does not know, and [`decode_lenient`] drops one odd optional field
//! rather than fail a whole payload. Models and enums are `#[non_exhaustive]`, so new Discord
//! fields are not breaking changes.

pub(crate) mod enums;
mod flags;
mod id;
mod lenient;
mod timestamp;

mod channel;
mod interaction;
mod user;

pub use channel::{Attachment, Message, PartialChannel};
pub use flags::{
    ActivityFlags, ApplicationFlags, AttachmentFlags, ChannelFlags, Intents, MemberFlags,
    MessageFlags, Permissions, RoleFlags, SkuFlags, SystemChannelFlags, UserFlags,
};
pub use id::*;
pub use interaction::{
    CommandData, DataOption, Interaction, InteractionDataError, InteractionType, Resolved,
};
pub use lenient::{DecodeError, decode_lenient};
pub use timestamp::{Timestamp, TimestampParseError};
pub use user::{Member, PartialMember, Role, User};
