//! The lists the cache fetches at start-up: the application's emojis and Discord's default
//! soundboard sounds.

use super::super::{Body, Http, HttpError, Method};
use crate::model::{ApplicationEmojis, ApplicationMarker, Emoji, Id, SoundboardSound};

impl Http {
    /// `GET /applications/{application}/emojis`: the application's emojis.
    pub async fn application_emojis(
        &self,
        application: Id<ApplicationMarker>,
    ) -> Result<Vec<Emoji>, HttpError> {
        let path = format!("/applications/{application}/emojis");
        let list: ApplicationEmojis = self.typed(Method::GET, &path, Body::Empty).await?;
        Ok(list.items)
    }

    /// `GET /soundboard-default-sounds`: Discord's default soundboard sounds.
    pub async fn default_soundboard_sounds(&self) -> Result<Vec<SoundboardSound>, HttpError> {
        self.typed(Method::GET, "/soundboard-default-sounds", Body::Empty)
            .await
    }
}
