//! Discord's objects as a bot receives and sends them: typed ids, timestamps, bit sets, coded
//! enums, users, members, roles, channels, messages, embeds, components and interactions; what
//! a bot sends (messages, embeds, allowed mentions); and a permission calculator.
//!
//! Every model ignores fields it does not know, keeps enum values it does not know
//! (`Unknown(n)`) and bits it does not know, and [`decode_lenient`] drops one odd optional field
//! rather than fail a whole payload. Models and enums are `#[non_exhaustive]`, so new Discord
//! fields are not breaking changes.

pub(crate) mod enums;
mod flags;
mod id;
mod lenient;
mod serde_util;
mod timestamp;

mod channel;
mod component;
mod embed;
mod interaction;
mod message;
mod permission;
mod send;
mod user;

pub use channel::{
    AutoArchiveDuration, Channel, ChannelMention, ChannelType, DefaultReaction, ForumLayout,
    ForumTag, PartialChannel, PermissionOverwrite, PermissionOverwriteType, SortOrder,
    ThreadMember, ThreadMetadata, VideoQualityMode,
};
pub use component::{
    ActionRow, Button, ButtonStyle, Checkbox, CheckboxGroup, Component, ComponentType, Container,
    FileComponent, FileUpload, GroupOption, Label, MediaGallery, MediaGalleryItem, RadioGroup,
    Section, SelectDefaultValue, SelectDefaultValueType, SelectMenu, SelectOption, Separator,
    SeparatorSpacing, TextDisplay, TextInput, TextInputStyle, Thumbnail, UnfurledMedia,
    UnknownComponent,
};
pub use embed::{
    Embed, EmbedAuthor, EmbedBuilder, EmbedError, EmbedField, EmbedFooter, EmbedMedia,
    EmbedProblem, EmbedProvider, EmbedType, check_embeds,
};
pub use flags::{
    ActivityFlags, ApplicationFlags, AttachmentFlags, ChannelFlags, EmbedFlags, EmbedMediaFlags,
    Intents, MemberFlags, MessageFlags, Permissions, RoleFlags, SkuFlags, SystemChannelFlags,
    UnfurledMediaFlags, UserFlags,
};
pub use id::*;
pub use interaction::{
    CommandData, DataOption, Interaction, InteractionDataError, InteractionType, Resolved,
};
pub use lenient::{DecodeError, decode_lenient};
pub use message::{
    Attachment, AuthorizingIntegrationOwners, CreatePoll, CreatePollAnswer, Message,
    MessageActivity, MessageActivityType, MessageApplication, MessageCall, MessageInteraction,
    MessageInteractionMetadata, MessageReference, MessageReferenceType, MessageSnapshot,
    MessageType, Nonce, PartialEmoji, Poll, PollAnswer, PollAnswerCount, PollLayoutType, PollMedia,
    PollResults, Reaction, ReactionCountDetails, RoleSubscriptionData, SnapshotMessage,
    StickerFormatType, StickerItem,
};
pub use permission::PermissionCalculator;
pub use send::{
    AllowedMentions, AttachmentFile, AttachmentInfo, CreateMessage, CreateMessageError,
    MentionType, MessageProblem,
};
pub use timestamp::{Timestamp, TimestampParseError};
pub use user::{Member, PartialMember, Role, User};
