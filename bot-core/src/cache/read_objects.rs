//! Reading emojis, stickers, soundboard sounds, stage instances, scheduled events, presences
//! and polls (Pycord's `emojis`, `get_emoji`, `stickers`, `get_sticker`, `sounds`,
//! `get_sound`, `get_stage_instance`, `polls`, `get_poll`, a member's status and activities).

use super::{Cache, CachedMessage, MemberRef};
use crate::model::{
    Emoji, EmojiMarker, GuildMarker, Id, MessageMarker, Presence, ScheduledEvent,
    ScheduledEventMarker, SoundboardSound, SoundboardSoundMarker, StageInstance, StageMarker,
    Sticker, StickerMarker, UserMarker,
};
use std::sync::Arc;

impl Cache {
    /// A cached emoji, of a guild or of the application.
    pub fn emoji(&self, id: Id<EmojiMarker>) -> Option<Arc<Emoji>> {
        self.emojis.get(id)
    }

    /// Every cached emoji: the guilds' and the application's (Pycord's `emojis`).
    pub fn emojis(&self) -> Vec<Arc<Emoji>> {
        self.emojis.all()
    }

    /// A guild's emojis (Pycord's `guild.emojis`).
    pub fn guild_emojis(&self, guild: Id<GuildMarker>) -> Vec<Arc<Emoji>> {
        self.emojis.of_guild(Some(guild))
    }

    /// The application's emojis, fetched at start-up (Pycord's `app_emojis`; see
    /// [`CacheConfig::cache_app_emojis`](super::CacheConfig::cache_app_emojis)).
    pub fn app_emojis(&self) -> Vec<Arc<Emoji>> {
        self.emojis.of_guild(None)
    }

    /// Keeps the application's emojis (as fetched).
    pub fn set_app_emojis(&self, emojis: impl IntoIterator<Item = Emoji>) {
        if self.config.keeps(super::ResourceType::EMOJI) {
            self.emojis
                .replace(None, emojis.into_iter().map(|emoji| (emoji.id, emoji)));
        }
    }

    /// A cached guild sticker.
    pub fn sticker(&self, id: Id<StickerMarker>) -> Option<Arc<Sticker>> {
        self.stickers.get(id)
    }

    /// Every cached sticker (Pycord's `stickers`).
    pub fn stickers(&self) -> Vec<Arc<Sticker>> {
        self.stickers.all()
    }

    /// A guild's stickers.
    pub fn guild_stickers(&self, guild: Id<GuildMarker>) -> Vec<Arc<Sticker>> {
        self.stickers.of_guild(Some(guild))
    }

    /// A cached soundboard sound, of a guild or one of Discord's defaults.
    pub fn sound(&self, id: Id<SoundboardSoundMarker>) -> Option<Arc<SoundboardSound>> {
        self.sounds.get(id)
    }

    /// Every cached soundboard sound (Pycord's `sounds`).
    pub fn sounds(&self) -> Vec<Arc<SoundboardSound>> {
        self.sounds.all()
    }

    /// A guild's soundboard sounds.
    pub fn guild_sounds(&self, guild: Id<GuildMarker>) -> Vec<Arc<SoundboardSound>> {
        self.sounds.of_guild(Some(guild))
    }

    /// Discord's default sounds, fetched at start-up (see
    /// [`CacheConfig::cache_default_sounds`](super::CacheConfig::cache_default_sounds)).
    pub fn default_sounds(&self) -> Vec<Arc<SoundboardSound>> {
        self.sounds.of_guild(None)
    }

    /// Keeps Discord's default sounds (as fetched).
    pub fn set_default_sounds(&self, sounds: impl IntoIterator<Item = SoundboardSound>) {
        if self.config.keeps(super::ResourceType::SOUNDBOARD_SOUND) {
            self.sounds.replace(
                None,
                sounds.into_iter().map(|sound| (sound.sound_id, sound)),
            );
        }
    }

    /// A cached stage instance.
    pub fn stage_instance(&self, id: Id<StageMarker>) -> Option<Arc<StageInstance>> {
        self.stage_instances.get(id)
    }

    /// A guild's stage instances.
    pub fn guild_stage_instances(&self, guild: Id<GuildMarker>) -> Vec<Arc<StageInstance>> {
        self.stage_instances.of_guild(Some(guild))
    }

    /// A cached scheduled event.
    pub fn scheduled_event(&self, id: Id<ScheduledEventMarker>) -> Option<Arc<ScheduledEvent>> {
        self.scheduled_events.get(id)
    }

    /// A guild's scheduled events.
    pub fn guild_scheduled_events(&self, guild: Id<GuildMarker>) -> Vec<Arc<ScheduledEvent>> {
        self.scheduled_events.of_guild(Some(guild))
    }

    /// A member's presence (with the `GUILD_PRESENCES` intent).
    pub fn presence(&self, guild: Id<GuildMarker>, user: Id<UserMarker>) -> Option<Arc<Presence>> {
        self.presences.get(&(guild, user)).map(|p| p.clone())
    }

    /// The cached messages that carry a poll (Pycord's `polls`).
    pub fn polls(&self) -> Vec<CachedMessage> {
        self.messages()
            .into_iter()
            .filter(|message| message.poll.is_some())
            .collect()
    }

    /// The cached message `id`, if it carries a poll (Pycord's `get_poll`).
    pub fn poll(&self, id: Id<MessageMarker>) -> Option<CachedMessage> {
        self.message(id).filter(|message| message.poll.is_some())
    }
}

impl MemberRef {
    /// The member's presence — status, activities, per-platform status (Pycord's `status`,
    /// `raw_status`, `activity`, `activities`, `mobile_status`, `desktop_status`,
    /// `web_status`, `is_on_mobile`), with the `GUILD_PRESENCES` intent.
    pub fn presence(&self, cache: &Cache) -> Option<Arc<Presence>> {
        cache.presence(self.guild_id, self.user.id())
    }
}
