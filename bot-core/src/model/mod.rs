//! Discord's objects as a bot receives them: ids, users, members, roles, channels, messages and
//! interactions. Unknown fields are ignored and unknown enum values kept, so new Discord fields
//! never break parsing.

mod channel;
pub(crate) mod id;
mod interaction;
mod user;

pub use channel::{Attachment, Message, PartialChannel};
pub use id::Id;
pub use interaction::{
    CommandData, DataOption, Interaction, InteractionDataError, InteractionType, Resolved,
};
pub use user::{Member, PartialMember, Role, User};
