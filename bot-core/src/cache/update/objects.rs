//! Emojis, stickers, soundboard sounds, stage instances, scheduled events and presences.

use super::super::{Cache, ResourceType};
use crate::event::Event;
use crate::model::{
    Guild, GuildMarker, Id, Presence, ScheduledEvent, SoundboardSound, StageInstance,
};
use std::sync::Arc;

impl Cache {
    /// GUILD_CREATE's lists of these objects.
    pub(super) fn guild_objects(&self, guild: &Guild) {
        let id = Some(guild.id);
        if self.config.keeps(ResourceType::EMOJI) {
            self.emojis
                .replace(id, guild.emojis.iter().map(|e| (e.id, e.clone())));
        }
        if self.config.keeps(ResourceType::STICKER) {
            self.stickers
                .replace(id, guild.stickers.iter().map(|s| (s.id, s.clone())));
        }
        if self.config.keeps(ResourceType::SOUNDBOARD_SOUND) {
            self.sounds.replace(
                id,
                guild
                    .soundboard_sounds
                    .iter()
                    .map(|s| (s.sound_id, s.clone())),
            );
        }
        if self.config.keeps(ResourceType::STAGE_INSTANCE) {
            self.stage_instances
                .replace(id, guild.stage_instances.iter().map(|s| (s.id, s.clone())));
        }
        if self.config.keeps(ResourceType::SCHEDULED_EVENT) {
            self.scheduled_events.replace(
                id,
                guild
                    .guild_scheduled_events
                    .iter()
                    .map(|e| (e.id, e.clone())),
            );
        }
        for presence in &guild.presences {
            self.put_presence(guild.id, presence);
        }
    }

    pub(super) fn remove_guild_objects(&self, guild: Id<GuildMarker>) {
        let id = Some(guild);
        self.emojis.remove_guild(id);
        self.stickers.remove_guild(id);
        self.sounds.remove_guild(id);
        self.stage_instances.remove_guild(id);
        self.scheduled_events.remove_guild(id);
        self.presences.retain(|(of, _), _| *of != guild);
    }

    /// The events that change these objects; whether `event` was one.
    pub(super) fn object_event(&self, event: &Event) -> bool {
        let keeps = |resource| self.config.keeps(resource);
        match event {
            Event::GuildEmojisUpdate(update) if keeps(ResourceType::EMOJI) => {
                let emojis = update.emojis.iter().map(|e| (e.id, e.clone()));
                self.emojis.replace(Some(update.guild_id), emojis);
            }
            Event::GuildStickersUpdate(update) if keeps(ResourceType::STICKER) => {
                let stickers = update.stickers.iter().map(|s| (s.id, s.clone()));
                self.stickers.replace(Some(update.guild_id), stickers);
            }
            Event::GuildSoundboardSoundCreate(sound) => self.put_sound(&sound.0),
            Event::GuildSoundboardSoundUpdate(sound) => self.put_sound(&sound.0),
            Event::GuildSoundboardSoundDelete(deleted) => {
                self.sounds.remove(Some(deleted.guild_id), deleted.sound_id);
            }
            Event::GuildSoundboardSoundsUpdate(sounds) if keeps(ResourceType::SOUNDBOARD_SOUND) => {
                let all = sounds
                    .soundboard_sounds
                    .iter()
                    .map(|s| (s.sound_id, s.clone()));
                self.sounds.replace(Some(sounds.guild_id), all);
            }
            Event::SoundboardSounds(sounds) if keeps(ResourceType::SOUNDBOARD_SOUND) => {
                let all = sounds
                    .soundboard_sounds
                    .iter()
                    .map(|s| (s.sound_id, s.clone()));
                self.sounds.replace(Some(sounds.guild_id), all);
            }
            Event::StageInstanceCreate(stage) => self.put_stage(&stage.0),
            Event::StageInstanceUpdate(stage) => self.put_stage(&stage.0),
            Event::StageInstanceDelete(stage) => {
                self.stage_instances.remove(Some(stage.guild_id), stage.id);
            }
            Event::GuildScheduledEventCreate(scheduled) => self.put_scheduled(&scheduled.0),
            Event::GuildScheduledEventUpdate(scheduled) => self.put_scheduled(&scheduled.0),
            Event::GuildScheduledEventDelete(scheduled) => {
                self.scheduled_events
                    .remove(Some(scheduled.guild_id), scheduled.id);
            }
            Event::PresenceUpdate(presence) => {
                if let Some(guild) = presence.guild_id {
                    self.put_presence(guild, presence);
                }
            }
            _ => return false,
        }
        true
    }

    fn put_sound(&self, sound: &SoundboardSound) {
        if self.config.keeps(ResourceType::SOUNDBOARD_SOUND) {
            self.sounds
                .put(sound.guild_id, sound.sound_id, sound.clone());
        }
    }

    fn put_stage(&self, stage: &StageInstance) {
        if self.config.keeps(ResourceType::STAGE_INSTANCE) {
            self.stage_instances
                .put(Some(stage.guild_id), stage.id, stage.clone());
        }
    }

    fn put_scheduled(&self, scheduled: &ScheduledEvent) {
        if self.config.keeps(ResourceType::SCHEDULED_EVENT) {
            self.scheduled_events
                .put(Some(scheduled.guild_id), scheduled.id, scheduled.clone());
        }
    }

    fn put_presence(&self, guild: Id<GuildMarker>, presence: &Presence) {
        if !self.config.keeps(ResourceType::PRESENCE) {
            return;
        }
        let mut presence = presence.clone();
        presence.guild_id = Some(guild);
        self.presences
            .insert((guild, presence.user.id), Arc::new(presence));
    }
}
