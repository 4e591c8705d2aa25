//! The stickers a message carries, as sticker items (developers/resources/sticker.mdx).

use crate::model::{Id, StickerFormatType, StickerMarker};
use serde::{Deserialize, Serialize};

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
