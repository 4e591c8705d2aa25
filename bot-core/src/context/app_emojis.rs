//! The application's emojis on a context, with Pycord's names (`Bot.fetch_emojis`,
//! `fetch_emoji`, `create_emoji`, `delete_emoji` are the application's in Pycord 2.6+), and
//! `edit_emoji` for `AppEmoji.edit`. Each asks Discord; with
//! [`CacheConfig::cache_app_emojis`](crate::cache::CacheConfig::cache_app_emojis) the cache
//! follows what was created and deleted.

use super::Context;
use crate::Error;
use crate::model::{ApplicationMarker, CreateEmoji, Emoji, EmojiMarker, Id};

impl Context {
    fn emoji_application(&self) -> Result<Id<ApplicationMarker>, Error> {
        self.application_id().ok_or_else(|| {
            Error::Config("log in first: the application's id is unknown".to_owned())
        })
    }

    /// The application's emojis (Pycord's `bot.fetch_emojis`).
    pub async fn fetch_emojis(&self) -> Result<Vec<Emoji>, Error> {
        let application = self.emoji_application()?;
        let emojis = self.http().application_emojis(application).await?;
        if self.cache().config().caches_app_emojis() {
            self.cache().set_app_emojis(emojis.iter().cloned());
        }
        Ok(emojis)
    }

    /// One of the application's emojis (Pycord's `bot.fetch_emoji`); an unknown one is 10014.
    pub async fn fetch_emoji(&self, id: Id<EmojiMarker>) -> Result<Emoji, Error> {
        let application = self.emoji_application()?;
        Ok(self.http().application_emoji(application, id).await?)
    }

    /// A new application emoji named `name` from an image's bytes (Pycord's
    /// `bot.create_emoji`): PNG, JPEG, GIF or WebP, at most 256 KiB, checked before sending.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::Error> {
    /// let image = std::fs::read("logo.png").unwrap_or_default();
    /// let emoji = ctx.create_emoji("logo", image).await?;
    /// println!("{}", emoji.mention());
    /// # Ok(()) }
    /// ```
    pub async fn create_emoji(&self, name: &str, image: Vec<u8>) -> Result<Emoji, Error> {
        let application = self.emoji_application()?;
        let emoji = self
            .http()
            .create_application_emoji(application, &CreateEmoji::new(name, image))
            .await?;
        self.keep_app_emojis(|emojis| emojis.push(emoji.clone()));
        Ok(emoji)
    }

    /// Renames one of the application's emojis (Pycord's `app_emoji.edit`).
    pub async fn edit_emoji(&self, id: Id<EmojiMarker>, name: &str) -> Result<Emoji, Error> {
        let application = self.emoji_application()?;
        let emoji = self
            .http()
            .edit_application_emoji(application, id, name)
            .await?;
        self.keep_app_emojis(|emojis| {
            emojis.retain(|e| e.id != id);
            emojis.push(emoji.clone());
        });
        Ok(emoji)
    }

    /// Deletes one of the application's emojis (Pycord's `bot.delete_emoji`).
    pub async fn delete_emoji(&self, id: Id<EmojiMarker>) -> Result<(), Error> {
        let application = self.emoji_application()?;
        self.http()
            .delete_application_emoji(application, id)
            .await?;
        self.keep_app_emojis(|emojis| emojis.retain(|e| e.id != id));
        Ok(())
    }

    /// Applies `change` to the cached application emojis, when the cache keeps them.
    fn keep_app_emojis(&self, change: impl FnOnce(&mut Vec<Emoji>)) {
        let cache = self.cache();
        if cache.config().caches_app_emojis() {
            let mut emojis: Vec<Emoji> = cache.app_emojis().iter().map(|e| (**e).clone()).collect();
            change(&mut emojis);
            cache.set_app_emojis(emojis);
        }
    }
}
