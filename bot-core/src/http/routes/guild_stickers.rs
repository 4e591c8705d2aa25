//! A guild's stickers (list, get, create from a file — a multipart upload — change, delete) and
//! soundboard sounds (list, get, create from an MP3 or Ogg file, change, delete). The bot needs
//! CREATE_GUILD_EXPRESSIONS to create, MANAGE_GUILD_EXPRESSIONS to change or delete others'.
//! Bodies are checked before sending.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    CreateSoundboardSound, CreateSticker, EditSoundboardSound, EditSticker, GuildMarker,
    GuildSoundboardSounds, Id, SoundboardSound, SoundboardSoundMarker, Sticker, StickerMarker,
    sticker_type,
};

impl Http {
    /// `GET /guilds/{guild}/stickers`: the guild's stickers.
    pub async fn guild_stickers(&self, guild: Id<GuildMarker>) -> Result<Vec<Sticker>, HttpError> {
        let path = format!("/guilds/{guild}/stickers");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/stickers/{sticker}`: one of them (10060 when unknown).
    pub async fn guild_sticker(
        &self,
        guild: Id<GuildMarker>,
        sticker: Id<StickerMarker>,
    ) -> Result<Sticker, HttpError> {
        let path = format!("/guilds/{guild}/stickers/{sticker}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/stickers`: a new sticker, uploaded as `multipart/form-data`
    /// (GUILD_STICKERS_UPDATE).
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{CreateSticker, Id};
    /// let file = std::fs::read("wave.png").unwrap_or_default();
    /// let sticker = CreateSticker::new("Wave", "wave", "wave.png", file);
    /// http.create_guild_sticker(Id::new(1), &sticker, Some("new sticker")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_guild_sticker(
        &self,
        guild: Id<GuildMarker>,
        sticker: &CreateSticker,
        reason: Option<&str>,
    ) -> Result<Sticker, HttpError> {
        sticker.check()?;
        let body = Body::Form {
            fields: vec![
                ("name", sticker.name.clone()),
                ("tags", sticker.tags.clone()),
                ("description", sticker.description.clone()),
            ],
            field: "file",
            filename: sticker.filename.clone(),
            content_type: sticker_type(&sticker.file).unwrap_or("application/octet-stream"),
            bytes: sticker.file.clone(),
        };
        let path = format!("/guilds/{guild}/stickers");
        self.typed_with_reason(Method::POST, &path, body, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/stickers/{sticker}`: renames a sticker or changes its tags or
    /// description.
    pub async fn edit_guild_sticker(
        &self,
        guild: Id<GuildMarker>,
        sticker: Id<StickerMarker>,
        edit: &EditSticker,
        reason: Option<&str>,
    ) -> Result<Sticker, HttpError> {
        edit.check()?;
        let path = format!("/guilds/{guild}/stickers/{sticker}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `DELETE /guilds/{guild}/stickers/{sticker}`: deletes a sticker.
    pub async fn delete_guild_sticker(
        &self,
        guild: Id<GuildMarker>,
        sticker: Id<StickerMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/stickers/{sticker}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `GET /guilds/{guild}/soundboard-sounds`: the guild's soundboard sounds.
    pub async fn guild_soundboard_sounds(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<Vec<SoundboardSound>, HttpError> {
        let path = format!("/guilds/{guild}/soundboard-sounds");
        let list: GuildSoundboardSounds = self.typed(Method::GET, &path, Body::Empty).await?;
        Ok(list.items)
    }

    /// `GET /guilds/{guild}/soundboard-sounds/{sound}`: one of them (10097 when unknown).
    pub async fn guild_soundboard_sound(
        &self,
        guild: Id<GuildMarker>,
        sound: Id<SoundboardSoundMarker>,
    ) -> Result<SoundboardSound, HttpError> {
        let path = format!("/guilds/{guild}/soundboard-sounds/{sound}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/soundboard-sounds`: a new sound (GUILD_SOUNDBOARD_SOUND_CREATE).
    pub async fn create_guild_soundboard_sound(
        &self,
        guild: Id<GuildMarker>,
        sound: &CreateSoundboardSound,
        reason: Option<&str>,
    ) -> Result<SoundboardSound, HttpError> {
        let body = Body::Json(sound.to_json()?);
        let path = format!("/guilds/{guild}/soundboard-sounds");
        self.typed_with_reason(Method::POST, &path, body, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/soundboard-sounds/{sound}`: changes a sound
    /// (GUILD_SOUNDBOARD_SOUND_UPDATE).
    pub async fn edit_guild_soundboard_sound(
        &self,
        guild: Id<GuildMarker>,
        sound: Id<SoundboardSoundMarker>,
        edit: &EditSoundboardSound,
        reason: Option<&str>,
    ) -> Result<SoundboardSound, HttpError> {
        let body = Body::Json(edit.to_json()?);
        let path = format!("/guilds/{guild}/soundboard-sounds/{sound}");
        self.typed_with_reason(Method::PATCH, &path, body, reason)
            .await
    }

    /// `DELETE /guilds/{guild}/soundboard-sounds/{sound}`: deletes a sound
    /// (GUILD_SOUNDBOARD_SOUND_DELETE).
    pub async fn delete_guild_soundboard_sound(
        &self,
        guild: Id<GuildMarker>,
        sound: Id<SoundboardSoundMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/soundboard-sounds/{sound}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }
}
