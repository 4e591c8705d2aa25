//! The flags of a message's parts: embeds, embed media and unfurled media items.

use super::flags_serde;

bitflags::bitflags! {
    /// An embed's flags.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct EmbedFlags: u64 {
        /// A fallback for a reply to an activity card.
        const IS_CONTENT_INVENTORY_ENTRY = 1 << 5;
    }
}
flags_serde!(EmbedFlags, u64, false);

bitflags::bitflags! {
    /// The flags of an embed's image, thumbnail or video.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct EmbedMediaFlags: u64 {
        /// The image is animated.
        const IS_ANIMATED = 1 << 5;
    }
}
flags_serde!(EmbedMediaFlags, u64, false);

bitflags::bitflags! {
    /// The flags of an unfurled media item (the media of thumbnails, galleries and files).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct UnfurledMediaFlags: u64 {
        /// The image is animated.
        const IS_ANIMATED = 1 << 0;
    }
}
flags_serde!(UnfurledMediaFlags, u64, false);
