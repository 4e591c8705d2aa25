//! More of Pycord's `fetch_*` on the bot: one-line delegations to their
//! [`Context`](crate::Context) namesakes (`fetch_invite`, `delete_invite`, `fetch_sticker`,
//! `fetch_premium_sticker_packs`, `fetch_stage_instance`, `fetch_default_sounds`,
//! `fetch_guilds`).

use super::Bot;
use crate::http::{HttpError, Paginated};
use crate::model::{
    ChannelMarker, GuildMarker, Id, Invite, PartialGuild, ScheduledEventMarker, SoundboardSound,
    StageInstance, Sticker, StickerMarker, StickerPack,
};

/// Invites, stickers, stages, default sounds and the bot's guilds, from Discord.
impl Bot {
    /// An invite by its code or link ([`Context::fetch_invite`](crate::Context::fetch_invite);
    /// `with_expiration` sends nothing: Discord always returns `expires_at` now).
    pub async fn fetch_invite(
        &self,
        code: &str,
        with_counts: bool,
        with_expiration: bool,
        event_id: Option<Id<ScheduledEventMarker>>,
    ) -> Result<Invite, HttpError> {
        self.context
            .fetch_invite(code, with_counts, with_expiration, event_id)
            .await
    }

    /// Revokes an invite ([`Context::delete_invite`](crate::Context::delete_invite)).
    pub async fn delete_invite(
        &self,
        code: &str,
        reason: Option<&str>,
    ) -> Result<Invite, HttpError> {
        self.context.delete_invite(code, reason).await
    }

    /// A sticker ([`Context::fetch_sticker`](crate::Context::fetch_sticker)).
    pub async fn fetch_sticker(&self, id: Id<StickerMarker>) -> Result<Sticker, HttpError> {
        self.context.fetch_sticker(id).await
    }

    /// Discord's sticker packs
    /// ([`Context::fetch_premium_sticker_packs`](crate::Context::fetch_premium_sticker_packs)).
    pub async fn fetch_premium_sticker_packs(&self) -> Result<Vec<StickerPack>, HttpError> {
        self.context.fetch_premium_sticker_packs().await
    }

    /// A live stage
    /// ([`Context::fetch_stage_instance`](crate::Context::fetch_stage_instance)).
    pub async fn fetch_stage_instance(
        &self,
        channel: Id<ChannelMarker>,
    ) -> Result<StageInstance, HttpError> {
        self.context.fetch_stage_instance(channel).await
    }

    /// Discord's default soundboard sounds
    /// ([`Context::fetch_default_sounds`](crate::Context::fetch_default_sounds)).
    pub async fn fetch_default_sounds(&self) -> Result<Vec<SoundboardSound>, HttpError> {
        self.context.fetch_default_sounds().await
    }

    /// The bot's guilds as a stream
    /// ([`Context::fetch_guilds`](crate::Context::fetch_guilds)).
    pub fn fetch_guilds(
        &self,
        limit: Option<usize>,
        before: Option<Id<GuildMarker>>,
        after: Option<Id<GuildMarker>>,
        with_counts: bool,
    ) -> Paginated<PartialGuild> {
        self.context.fetch_guilds(limit, before, after, with_counts)
    }
}
