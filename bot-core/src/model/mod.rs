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

mod serde_util;

mod channel;
mod interaction;
mod member;
mod role;
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
pub use member::{Member, PartialMember};
pub use role::{Role, RoleColors, RoleTags};
pub use user::{
    AvatarDecoration, Collectibles, Nameplate, NameplatePalette, PartialUser, PremiumType,
    PrimaryGuild, User,
};

/// A payload from `../shared/fixtures/discord/`, at a JSON pointer.
#[cfg(test)]
pub(crate) fn test_fixture(file: &str, pointer: &str) -> serde_json::Value {
    let path = format!(
        "{}/../../shared/fixtures/discord/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{file}: nothing at {pointer}"))
        .clone()
}
