//! Stickers by id, and Discord's packs of standard stickers.

use super::super::{Body, Http, HttpError, Method};
use crate::model::{Id, Sticker, StickerMarker, StickerPack, StickerPackMarker, StickerPacks};

impl Http {
    /// `GET /stickers/{sticker}`: a standard sticker or a guild's (10060 when unknown).
    pub async fn sticker(&self, sticker: Id<StickerMarker>) -> Result<Sticker, HttpError> {
        let path = format!("/stickers/{sticker}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /sticker-packs`: Discord's packs of standard stickers.
    pub async fn sticker_packs(&self) -> Result<Vec<StickerPack>, HttpError> {
        let packs: StickerPacks = self
            .typed(Method::GET, "/sticker-packs", Body::Empty)
            .await?;
        Ok(packs.sticker_packs)
    }

    /// `GET /sticker-packs/{pack}`: one pack of standard stickers.
    pub async fn sticker_pack(
        &self,
        pack: Id<StickerPackMarker>,
    ) -> Result<StickerPack, HttpError> {
        let path = format!("/sticker-packs/{pack}");
        self.typed(Method::GET, &path, Body::Empty).await
    }
}
