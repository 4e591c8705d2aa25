//! Custom emojis: a guild's (list, get, create from an image, change, delete; the bot needs
//! CREATE_GUILD_EXPRESSIONS to create, MANAGE_GUILD_EXPRESSIONS to change or delete others')
//! and the application's (get, create, rename, delete; its list is with the start-up lists).
//! Names and images are checked before sending.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    ApplicationMarker, CreateEmoji, EditEmoji, Emoji, EmojiMarker, GuildMarker, Id, RequestProblem,
    check_emoji_name,
};
use serde_json::json as object;

impl Http {
    /// `GET /guilds/{guild}/emojis`: the guild's custom emojis.
    pub async fn guild_emojis(&self, guild: Id<GuildMarker>) -> Result<Vec<Emoji>, HttpError> {
        let path = format!("/guilds/{guild}/emojis");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/emojis/{emoji}`: one of them (10014 when unknown).
    pub async fn guild_emoji(
        &self,
        guild: Id<GuildMarker>,
        emoji: Id<EmojiMarker>,
    ) -> Result<Emoji, HttpError> {
        let path = format!("/guilds/{guild}/emojis/{emoji}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/emojis`: a new emoji (GUILD_EMOJIS_UPDATE). Its name and image
    /// (at most 256 KiB) are checked before sending.
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{CreateEmoji, Id};
    /// let image = std::fs::read("parrot.gif").unwrap_or_default();
    /// let emoji = http
    ///     .create_guild_emoji(Id::new(1), &CreateEmoji::new("parrot", image), Some("fun"))
    ///     .await?;
    /// println!("use it as {}", emoji.mention());
    /// # Ok(()) }
    /// ```
    pub async fn create_guild_emoji(
        &self,
        guild: Id<GuildMarker>,
        emoji: &CreateEmoji,
        reason: Option<&str>,
    ) -> Result<Emoji, HttpError> {
        let body = Body::Json(emoji.to_json()?);
        let path = format!("/guilds/{guild}/emojis");
        self.typed_with_reason(Method::POST, &path, body, reason)
            .await
    }

    /// `PATCH /guilds/{guild}/emojis/{emoji}`: renames an emoji or sets its roles.
    pub async fn edit_guild_emoji(
        &self,
        guild: Id<GuildMarker>,
        emoji: Id<EmojiMarker>,
        edit: &EditEmoji,
        reason: Option<&str>,
    ) -> Result<Emoji, HttpError> {
        edit.check()?;
        let path = format!("/guilds/{guild}/emojis/{emoji}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `DELETE /guilds/{guild}/emojis/{emoji}`: deletes an emoji.
    pub async fn delete_guild_emoji(
        &self,
        guild: Id<GuildMarker>,
        emoji: Id<EmojiMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/guilds/{guild}/emojis/{emoji}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `GET /applications/{application}/emojis/{emoji}`: one of the application's emojis
    /// (10014 when unknown).
    pub async fn application_emoji(
        &self,
        application: Id<ApplicationMarker>,
        emoji: Id<EmojiMarker>,
    ) -> Result<Emoji, HttpError> {
        let path = format!("/applications/{application}/emojis/{emoji}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /applications/{application}/emojis`: a new application emoji from an image's
    /// bytes (at most 2 000 per application). An application emoji has no roles: a
    /// [`CreateEmoji`] with roles is refused before sending.
    pub async fn create_application_emoji(
        &self,
        application: Id<ApplicationMarker>,
        emoji: &CreateEmoji,
    ) -> Result<Emoji, HttpError> {
        if !emoji.roles.is_empty() {
            return Err(RequestProblem::NotAllowed {
                field: "roles",
                why: "an application's emoji has no roles",
            }
            .into());
        }
        let body = Body::Json(emoji.to_json()?);
        let path = format!("/applications/{application}/emojis");
        self.typed(Method::POST, &path, body).await
    }

    /// `PATCH /applications/{application}/emojis/{emoji}`: renames an application emoji.
    pub async fn edit_application_emoji(
        &self,
        application: Id<ApplicationMarker>,
        emoji: Id<EmojiMarker>,
        name: &str,
    ) -> Result<Emoji, HttpError> {
        check_emoji_name(name)?;
        let path = format!("/applications/{application}/emojis/{emoji}");
        let body = Body::Json(object!({ "name": name }));
        self.typed(Method::PATCH, &path, body).await
    }

    /// `DELETE /applications/{application}/emojis/{emoji}`: deletes an application emoji.
    pub async fn delete_application_emoji(
        &self,
        application: Id<ApplicationMarker>,
        emoji: Id<EmojiMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/applications/{application}/emojis/{emoji}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }
}
