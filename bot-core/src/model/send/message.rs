//! The message a bot sends (developers/resources/message.mdx, Create Message), with its files.

use super::{AllowedMentions, CreateMessageError, MessageProblem};
use crate::model::serde_util::is_false;
use crate::model::{
    Component, CreatePoll, Embed, Id, MessageFlags, MessageMarker, MessageReference, Nonce,
    StickerMarker, check_embeds,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A message to send. Its JSON is Discord's request body (`payload_json` when files go with
/// it); the files' bytes are kept out of the JSON, in [`files`](CreateMessage::files).
///
/// ```
/// use bot_core::model::{AllowedMentions, AttachmentFile, CreateMessage, EmbedBuilder, Id};
/// let message = CreateMessage::new()
///     .content("Here is the report")
///     .embed(EmbedBuilder::new().title("Report").build().unwrap())
///     .file(AttachmentFile::new("report.txt", b"all good".to_vec()))
///     .reply_to(Id::new(42))
///     .allowed_mentions(AllowedMentions::none());
/// message.check().unwrap();
/// let json = serde_json::to_value(&message).unwrap();
/// assert_eq!(json["attachments"][0]["filename"], "report.txt");
/// assert!(json.get("files").is_none());
/// assert_eq!(message.files[0].bytes, b"all good");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[must_use]
pub struct CreateMessage {
    /// The text (up to 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// A nonce, echoed back in MESSAGE_CREATE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<Nonce>,
    /// Whether a message with the same nonce, sent by the same user in the last minutes, is
    /// returned instead of sending a second one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub enforce_nonce: bool,
    /// Whether it is text-to-speech.
    #[serde(default, skip_serializing_if = "is_false")]
    pub tts: bool,
    /// The embeds (up to 10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// Whom it may notify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_mentions: Option<AllowedMentions>,
    /// The message it replies to or forwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_reference: Option<MessageReference>,
    /// The components.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// The stickers (up to 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sticker_ids: Vec<Id<StickerMarker>>,
    /// The files' metadata (the `n` of `files[n]` as `id`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentInfo>,
    /// The flags (`SUPPRESS_EMBEDS`, `SUPPRESS_NOTIFICATIONS`, `IS_VOICE_MESSAGE`,
    /// `IS_COMPONENTS_V2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
    /// A poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<CreatePoll>,
    /// The files to upload, in the order of `attachments`; not part of the JSON.
    #[serde(skip)]
    pub files: Vec<AttachmentFile>,
}

/// A file's metadata in a sent message (Discord's attachment request).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttachmentInfo {
    /// The `n` of the multipart part `files[n]`, or the id of an attachment kept on edit
    /// (a snowflake: written as a string, read from a string or an integer).
    #[serde(with = "attachment_id")]
    pub id: u64,
    /// The file's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// The file's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Alt text (up to 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The duration of a voice message, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_secs: Option<f64>,
    /// The sampled waveform of a voice message, base64-encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waveform: Option<String>,
    /// Whether it is blurred until clicked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_spoiler: bool,
}

/// A file to upload with a message.
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AttachmentFile {
    /// The file's name (`attachment://<name>` refers to it in embeds and components).
    pub filename: String,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Alt text.
    pub description: Option<String>,
    /// Whether it is blurred until clicked.
    pub spoiler: bool,
}

impl AttachmentFile {
    /// A file.
    pub fn new(filename: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        AttachmentFile {
            filename: filename.into(),
            bytes: bytes.into(),
            description: None,
            spoiler: false,
        }
    }

    /// With alt text.
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// Blurred until clicked, or not.
    #[must_use]
    pub fn spoiler(mut self, spoiler: bool) -> Self {
        self.spoiler = spoiler;
        self
    }
}

impl fmt::Debug for AttachmentFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttachmentFile")
            .field("filename", &self.filename)
            .field("bytes", &format_args!("[{} bytes]", self.bytes.len()))
            .field("description", &self.description)
            .field("spoiler", &self.spoiler)
            .finish()
    }
}

/// A message with this text.
///
/// ```
/// use bot_core::model::CreateMessage;
/// assert_eq!(CreateMessage::from("pong"), CreateMessage::new().content("pong"));
/// ```
impl From<&str> for CreateMessage {
    fn from(content: &str) -> Self {
        CreateMessage::new().content(content)
    }
}

/// A message with this text.
impl From<String> for CreateMessage {
    fn from(content: String) -> Self {
        CreateMessage::new().content(content)
    }
}

/// A message with this embed.
///
/// ```
/// use bot_core::model::{CreateMessage, EmbedBuilder};
/// let embed = EmbedBuilder::new().title("Report").build().unwrap();
/// assert_eq!(CreateMessage::from(embed.clone()).embeds, [embed]);
/// ```
impl From<Embed> for CreateMessage {
    fn from(embed: Embed) -> Self {
        CreateMessage::new().embed(embed)
    }
}

impl CreateMessage {
    /// Most characters of content.
    pub const CONTENT_LIMIT: usize = 2000;
    /// Most files.
    pub const ATTACHMENT_LIMIT: usize = 10;
    /// Most stickers.
    pub const STICKER_LIMIT: usize = 3;
    /// Most top-level action rows without `IS_COMPONENTS_V2`.
    pub const ACTION_ROW_LIMIT: usize = 5;
    /// Most components in all with `IS_COMPONENTS_V2`.
    pub const V2_COMPONENT_LIMIT: usize = 40;

    /// An empty message.
    pub fn new() -> Self {
        CreateMessage::default()
    }

    /// The text.
    pub fn content(mut self, content: impl Into<String>) -> Self {
        self.content = Some(content.into());
        self
    }

    /// Adds an embed.
    pub fn embed(mut self, embed: Embed) -> Self {
        self.embeds.push(embed);
        self
    }

    /// Adds embeds.
    pub fn embeds(mut self, embeds: impl IntoIterator<Item = Embed>) -> Self {
        self.embeds.extend(embeds);
        self
    }

    /// Whom it may notify.
    pub fn allowed_mentions(mut self, allowed: AllowedMentions) -> Self {
        self.allowed_mentions = Some(allowed);
        self
    }

    /// Adds a top-level component (an action row, or a layout component with
    /// `IS_COMPONENTS_V2`).
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }

    /// Adds a file.
    pub fn file(mut self, file: AttachmentFile) -> Self {
        self.attachments.push(AttachmentInfo {
            id: self.files.len() as u64,
            filename: Some(file.filename.clone()),
            description: file.description.clone(),
            is_spoiler: file.spoiler,
            ..AttachmentInfo::default()
        });
        self.files.push(file);
        self
    }

    /// A reply to a message of the same channel.
    pub fn reply_to(self, message_id: Id<MessageMarker>) -> Self {
        self.message_reference(MessageReference::reply(message_id))
    }

    /// A reply or forward.
    pub fn message_reference(mut self, reference: MessageReference) -> Self {
        self.message_reference = Some(reference);
        self
    }

    /// The flags.
    pub fn flags(mut self, flags: MessageFlags) -> Self {
        self.flags = Some(flags);
        self
    }

    /// Silent: delivered without a push or desktop notification (flag
    /// `SUPPRESS_NOTIFICATIONS`, Pycord's `silent=True`); the other flags stay.
    ///
    /// ```
    /// use bot_core::model::{CreateMessage, MessageFlags};
    /// let message = CreateMessage::new().content("nightly build: green").silent();
    /// assert_eq!(message.flags, Some(MessageFlags::SUPPRESS_NOTIFICATIONS));
    /// ```
    pub fn silent(self) -> Self {
        let flags = self.flags.unwrap_or_else(MessageFlags::empty);
        self.flags(flags | MessageFlags::SUPPRESS_NOTIFICATIONS)
    }

    /// Text-to-speech, or not.
    pub fn tts(mut self, tts: bool) -> Self {
        self.tts = tts;
        self
    }

    /// A nonce; with `enforce`, a second send with the same nonce returns the first message.
    pub fn nonce(mut self, nonce: impl Into<Nonce>, enforce: bool) -> Self {
        self.nonce = Some(nonce.into());
        self.enforce_nonce = enforce;
        self
    }

    /// A poll.
    pub fn poll(mut self, poll: CreatePoll) -> Self {
        self.poll = Some(poll);
        self
    }

    /// Adds a sticker.
    pub fn sticker(mut self, id: Id<StickerMarker>) -> Self {
        self.sticker_ids.push(id);
        self
    }

    /// Checks the message against Discord's limits; the error lists everything that is wrong.
    pub fn check(&self) -> Result<(), CreateMessageError> {
        super::check::check(self, true)
    }

    /// Checks the message as an edit: as [`check`](Self::check), except that it may be empty
    /// (an edit leaves out what it does not change).
    pub fn check_edit(&self) -> Result<(), CreateMessageError> {
        super::check::check(self, false)
    }
}

pub(super) fn embed_problems(embeds: &[Embed]) -> Vec<MessageProblem> {
    check_embeds(embeds)
        .err()
        .map(|e| e.problems.into_iter().map(MessageProblem::Embed).collect())
        .unwrap_or_default()
}

/// An attachment's id as the spec's `SnowflakeType`: written `"0"`, read from `"0"` or `0`.
mod attachment_id {
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(id: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(id)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        crate::model::serde_util::string_int::deserialize(deserializer)?
            .ok_or_else(|| serde::de::Error::custom("an attachment id"))
    }
}
