//! More of Pycord's `fetch_*` on a context: invites (`fetch_invite`, `delete_invite`),
//! stickers (`fetch_sticker`, `fetch_premium_sticker_packs`), a live stage
//! (`fetch_stage_instance`), Discord's default soundboard sounds (`fetch_default_sounds`) and
//! the bot's guilds as a stream (`fetch_guilds`). Each asks Discord, never the cache.

use super::Context;
use crate::http::{GuildsFrom, HttpError, Paginated};
use crate::model::{
    ChannelMarker, GuildMarker, Id, Invite, PartialGuild, ScheduledEventMarker, SoundboardSound,
    StageInstance, Sticker, StickerMarker, StickerPack,
};
use futures_util::StreamExt;

impl Context {
    /// An invite by its code or link (Pycord's `fetch_invite`): `with_counts` adds the guild's
    /// approximate member and presence counts, `event_id` the scheduled event it is for. An
    /// unknown or expired invite is Discord's 10006.
    ///
    /// `with_expiration` is kept for parity with Pycord and sends nothing: Discord dropped the
    /// `with_expiration` query parameter and always returns `expires_at` now.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// let invite = ctx.fetch_invite("https://discord.gg/abc123", true, true, None).await?;
    /// println!("{:?} members", invite.approximate_member_count);
    /// # Ok(()) }
    /// ```
    pub async fn fetch_invite(
        &self,
        code: &str,
        with_counts: bool,
        with_expiration: bool,
        event_id: Option<Id<ScheduledEventMarker>>,
    ) -> Result<Invite, HttpError> {
        let _ = with_expiration;
        self.http().invite(code, with_counts, event_id).await
    }

    /// Revokes an invite by its code or link (Pycord's `delete_invite`; MANAGE_CHANNELS in
    /// its channel, or MANAGE_GUILD), with an audit-log reason; the invite as it was. The
    /// guild's sessions get INVITE_DELETE.
    pub async fn delete_invite(
        &self,
        code: &str,
        reason: Option<&str>,
    ) -> Result<Invite, HttpError> {
        self.http().delete_invite(code, reason).await
    }

    /// A standard sticker or a guild's (Pycord's `fetch_sticker`); an unknown one is 10060.
    pub async fn fetch_sticker(&self, id: Id<StickerMarker>) -> Result<Sticker, HttpError> {
        self.http().sticker(id).await
    }

    /// Discord's packs of standard stickers (Pycord's `fetch_premium_sticker_packs`).
    pub async fn fetch_premium_sticker_packs(&self) -> Result<Vec<StickerPack>, HttpError> {
        self.http().sticker_packs().await
    }

    /// The live stage of a stage channel (Pycord's `fetch_stage_instance`); none is 10067.
    pub async fn fetch_stage_instance(
        &self,
        channel: Id<ChannelMarker>,
    ) -> Result<StageInstance, HttpError> {
        self.http().stage_instance(channel).await
    }

    /// Discord's default soundboard sounds (Pycord's `fetch_default_sounds`).
    pub async fn fetch_default_sounds(&self) -> Result<Vec<SoundboardSound>, HttpError> {
        self.http().default_soundboard_sounds().await
    }

    /// The bot's guilds as a lazy stream read 200 a page (Pycord's `fetch_guilds`), at most
    /// `limit` (`None`: all). With `after`, the guilds after it, oldest first, up to `before`
    /// if given; with `before` alone, the guilds before it, newest first; with neither, all
    /// from the oldest. `with_counts` adds each guild's approximate member and presence
    /// counts.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use futures_util::TryStreamExt;
    /// let mut guilds = ctx.fetch_guilds(Some(150), None, None, true);
    /// while let Some(guild) = guilds.try_next().await? {
    ///     println!("{} ({:?} members)", guild.name, guild.approximate_member_count);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn fetch_guilds(
        &self,
        limit: Option<usize>,
        before: Option<Id<GuildMarker>>,
        after: Option<Id<GuildMarker>>,
        with_counts: bool,
    ) -> Paginated<PartialGuild> {
        let from = match (before, after) {
            (_, Some(after)) => GuildsFrom::After(after),
            (Some(before), None) => GuildsFrom::Before(before),
            (None, None) => GuildsFrom::First,
        };
        let guilds = self.http().current_user_guilds(from, limit, with_counts);
        match (before, after) {
            // Forward from `after`: the stream ends at `before`.
            (Some(before), Some(_)) => Box::pin(guilds.take_while(move |guild| {
                std::future::ready(guild.as_ref().map_or(true, |g| g.id < before))
            })),
            _ => guilds,
        }
    }
}
