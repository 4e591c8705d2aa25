//! The application's emojis on the bot, with Pycord's names: one-line delegations to their
//! [`Context`](crate::Context) namesakes.

use super::Bot;
use crate::Error;
use crate::model::{Emoji, EmojiMarker, Id};

impl Bot {
    /// The application's emojis ([`Context::fetch_emojis`](crate::Context::fetch_emojis)).
    pub async fn fetch_emojis(&self) -> Result<Vec<Emoji>, Error> {
        self.context.fetch_emojis().await
    }

    /// One of the application's emojis
    /// ([`Context::fetch_emoji`](crate::Context::fetch_emoji)).
    pub async fn fetch_emoji(&self, id: Id<EmojiMarker>) -> Result<Emoji, Error> {
        self.context.fetch_emoji(id).await
    }

    /// A new application emoji from an image's bytes
    /// ([`Context::create_emoji`](crate::Context::create_emoji)).
    pub async fn create_emoji(&self, name: &str, image: Vec<u8>) -> Result<Emoji, Error> {
        self.context.create_emoji(name, image).await
    }

    /// Renames an application emoji ([`Context::edit_emoji`](crate::Context::edit_emoji)).
    pub async fn edit_emoji(&self, id: Id<EmojiMarker>, name: &str) -> Result<Emoji, Error> {
        self.context.edit_emoji(id, name).await
    }

    /// Deletes an application emoji
    /// ([`Context::delete_emoji`](crate::Context::delete_emoji)).
    pub async fn delete_emoji(&self, id: Id<EmojiMarker>) -> Result<(), Error> {
        self.context.delete_emoji(id).await
    }
}
