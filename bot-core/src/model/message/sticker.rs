//! The stickers a message carries, as sticker items (developers/resources/sticker.mdx).

use crate::model::enums::int_enum;
use crate::model::{Id, StickerMarker};
use serde::{Deserialize, Serialize};

int_enum! {
    /// A sticker's file format.
    pub enum StickerFormatType: u8 {
        /// PNG (1).
        Png = 1,
        /// Animated PNG (2).
        Apng = 2,
        /// Lottie (3).
        Lottie = 3,
        /// GIF (4).
        Gif = 4,
    }
}

/// The smallest form of a sticker: what a message's `sticker_items` hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StickerItem {
    /// The sticker's id.
    pub id: Id<StickerMarker>,
    /// Its name.
    pub name: String,
    /// Its format.
    pub format_type: StickerFormatType,
}
