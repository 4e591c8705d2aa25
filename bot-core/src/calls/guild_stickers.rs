//! A guild's stickers and soundboard sounds, by the guild's id, with Pycord's names:
//! `fetch_stickers`, `fetch_sticker`, `create_sticker`, `edit_sticker`, `delete_sticker`,
//! `fetch_sounds`, `fetch_sound`, `create_sound`, `edit_sound`, `delete_sound`.

use super::Rest;
use crate::http::HttpError;
use crate::model::{
    CreateSoundboardSound, CreateSticker, EditSoundboardSound, EditSticker, GuildMarker, Id,
    SoundboardSound, SoundboardSoundMarker, Sticker, StickerMarker,
};

impl Id<GuildMarker> {
    /// The guild's stickers (Pycord's `guild.fetch_stickers`).
    pub async fn fetch_stickers(self, rest: &impl Rest) -> Result<Vec<Sticker>, HttpError> {
        rest.http().guild_stickers(self).await
    }

    /// One of the guild's stickers (Pycord's `guild.fetch_sticker`); an unknown one is 10060.
    pub async fn fetch_sticker(
        self,
        rest: &impl Rest,
        sticker: Id<StickerMarker>,
    ) -> Result<Sticker, HttpError> {
        rest.http().guild_sticker(self, sticker).await
    }

    /// A new sticker from a file (Pycord's `guild.create_sticker`). Needs
    /// CREATE_GUILD_EXPRESSIONS.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{CreateSticker, Id};
    /// let guild = Id::new(197038439483310086);
    /// let file = std::fs::read("wave.png").unwrap_or_default();
    /// let sticker = CreateSticker::new("Wave", "wave", "wave.png", file).description("Hi!");
    /// guild.create_sticker(ctx, sticker, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_sticker(
        self,
        rest: &impl Rest,
        sticker: CreateSticker,
        reason: Option<&str>,
    ) -> Result<Sticker, HttpError> {
        rest.http()
            .create_guild_sticker(self, &sticker, reason)
            .await
    }

    /// Changes one of the guild's stickers (Pycord's `sticker.edit`).
    pub async fn edit_sticker(
        self,
        rest: &impl Rest,
        sticker: Id<StickerMarker>,
        edit: EditSticker,
        reason: Option<&str>,
    ) -> Result<Sticker, HttpError> {
        rest.http()
            .edit_guild_sticker(self, sticker, &edit, reason)
            .await
    }

    /// Deletes one of the guild's stickers (Pycord's `guild.delete_sticker`).
    pub async fn delete_sticker(
        self,
        rest: &impl Rest,
        sticker: Id<StickerMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        rest.http()
            .delete_guild_sticker(self, sticker, reason)
            .await
    }

    /// The guild's soundboard sounds (Pycord's `guild.fetch_sounds`).
    pub async fn fetch_sounds(self, rest: &impl Rest) -> Result<Vec<SoundboardSound>, HttpError> {
        rest.http().guild_soundboard_sounds(self).await
    }

    /// One of the guild's sounds (Pycord's `guild.fetch_sound`).
    pub async fn fetch_sound(
        self,
        rest: &impl Rest,
        sound: Id<SoundboardSoundMarker>,
    ) -> Result<SoundboardSound, HttpError> {
        rest.http().guild_soundboard_sound(self, sound).await
    }

    /// A new soundboard sound (Pycord's `guild.create_sound`). Needs
    /// CREATE_GUILD_EXPRESSIONS.
    pub async fn create_sound(
        self,
        rest: &impl Rest,
        sound: CreateSoundboardSound,
        reason: Option<&str>,
    ) -> Result<SoundboardSound, HttpError> {
        rest.http()
            .create_guild_soundboard_sound(self, &sound, reason)
            .await
    }

    /// Changes one of the guild's sounds (Pycord's `sound.edit`).
    pub async fn edit_sound(
        self,
        rest: &impl Rest,
        sound: Id<SoundboardSoundMarker>,
        edit: EditSoundboardSound,
        reason: Option<&str>,
    ) -> Result<SoundboardSound, HttpError> {
        rest.http()
            .edit_guild_soundboard_sound(self, sound, &edit, reason)
            .await
    }

    /// Deletes one of the guild's sounds (Pycord's `sound.delete`).
    pub async fn delete_sound(
        self,
        rest: &impl Rest,
        sound: Id<SoundboardSoundMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        rest.http()
            .delete_guild_soundboard_sound(self, sound, reason)
            .await
    }
}
