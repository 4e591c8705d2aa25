//! More of the cache on a context, with Pycord's names: `emojis`, `app_emojis`, `get_emoji`,
//! `stickers`, `get_sticker`, `sounds`, `get_sound`, `get_stage_instance`, `polls`,
//! `get_poll`.

use super::Context;
use crate::cache::CachedMessage;
use crate::model::{
    Emoji, EmojiMarker, Id, MessageMarker, SoundboardSound, SoundboardSoundMarker, StageInstance,
    StageMarker, Sticker, StickerMarker,
};
use std::sync::Arc;

impl Context {
    /// Every cached emoji, the guilds' and the application's.
    pub fn emojis(&self) -> Vec<Arc<Emoji>> {
        self.cache().emojis()
    }

    /// The application's emojis, fetched at start-up.
    pub fn app_emojis(&self) -> Vec<Arc<Emoji>> {
        self.cache().app_emojis()
    }

    /// A cached emoji.
    pub fn get_emoji(&self, id: Id<EmojiMarker>) -> Option<Arc<Emoji>> {
        self.cache().emoji(id)
    }

    /// Every cached guild sticker.
    pub fn stickers(&self) -> Vec<Arc<Sticker>> {
        self.cache().stickers()
    }

    /// A cached sticker.
    pub fn get_sticker(&self, id: Id<StickerMarker>) -> Option<Arc<Sticker>> {
        self.cache().sticker(id)
    }

    /// Every cached soundboard sound, the guilds' and Discord's defaults.
    pub fn sounds(&self) -> Vec<Arc<SoundboardSound>> {
        self.cache().sounds()
    }

    /// A cached soundboard sound.
    pub fn get_sound(&self, id: Id<SoundboardSoundMarker>) -> Option<Arc<SoundboardSound>> {
        self.cache().sound(id)
    }

    /// A cached stage instance.
    pub fn get_stage_instance(&self, id: Id<StageMarker>) -> Option<Arc<StageInstance>> {
        self.cache().stage_instance(id)
    }

    /// The cached messages that carry a poll.
    pub fn polls(&self) -> Vec<CachedMessage> {
        self.cache().polls()
    }

    /// The cached message `id`, if it carries a poll.
    pub fn get_poll(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        self.cache().poll(id)
    }
}
