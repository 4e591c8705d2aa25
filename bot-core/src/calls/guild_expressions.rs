//! A guild's emojis and scheduled events, by the guild's id, with Pycord's names:
//! `fetch_emojis`, `fetch_emoji`, `create_custom_emoji`, `edit_emoji`, `delete_emoji`,
//! `fetch_scheduled_events`, `fetch_scheduled_event`, `create_scheduled_event`,
//! `edit_scheduled_event`, `delete_scheduled_event`, `scheduled_event_subscribers`.

use super::Rest;
use crate::http::{HttpError, Paginated};
use crate::model::{
    CreateEmoji, CreateScheduledEvent, EditEmoji, EditScheduledEvent, Emoji, EmojiMarker,
    GuildMarker, Id, RoleMarker, ScheduledEvent, ScheduledEventMarker, ScheduledEventUser,
};

impl Id<GuildMarker> {
    /// The guild's custom emojis, from Discord (Pycord's `guild.fetch_emojis`).
    pub async fn fetch_emojis(self, rest: &impl Rest) -> Result<Vec<Emoji>, HttpError> {
        rest.http().guild_emojis(self).await
    }

    /// One of the guild's emojis (Pycord's `guild.fetch_emoji`); an unknown one is 10014.
    pub async fn fetch_emoji(
        self,
        rest: &impl Rest,
        emoji: Id<EmojiMarker>,
    ) -> Result<Emoji, HttpError> {
        rest.http().guild_emoji(self, emoji).await
    }

    /// A new custom emoji from an image's bytes (Pycord's `guild.create_custom_emoji`),
    /// usable by `roles` only when some are given. Needs CREATE_GUILD_EXPRESSIONS.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// let guild = Id::new(197038439483310086);
    /// let image = std::fs::read("wave.png").unwrap_or_default();
    /// let emoji = guild.create_custom_emoji(ctx, "wave", image, &[], None).await?;
    /// # let _ = emoji; Ok(()) }
    /// ```
    pub async fn create_custom_emoji(
        self,
        rest: &impl Rest,
        name: &str,
        image: Vec<u8>,
        roles: &[Id<RoleMarker>],
        reason: Option<&str>,
    ) -> Result<Emoji, HttpError> {
        let mut emoji = CreateEmoji::new(name, image);
        emoji.roles = roles.to_vec();
        rest.http().create_guild_emoji(self, &emoji, reason).await
    }

    /// Renames one of the guild's emojis or sets its roles (Pycord's `emoji.edit`).
    pub async fn edit_emoji(
        self,
        rest: &impl Rest,
        emoji: Id<EmojiMarker>,
        edit: EditEmoji,
        reason: Option<&str>,
    ) -> Result<Emoji, HttpError> {
        rest.http()
            .edit_guild_emoji(self, emoji, &edit, reason)
            .await
    }

    /// Deletes one of the guild's emojis (Pycord's `guild.delete_emoji`).
    pub async fn delete_emoji(
        self,
        rest: &impl Rest,
        emoji: Id<EmojiMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        rest.http().delete_guild_emoji(self, emoji, reason).await
    }

    /// The guild's scheduled events (Pycord's `guild.fetch_scheduled_events`), each with how
    /// many users are interested when `with_user_count`.
    pub async fn fetch_scheduled_events(
        self,
        rest: &impl Rest,
        with_user_count: bool,
    ) -> Result<Vec<ScheduledEvent>, HttpError> {
        rest.http()
            .guild_scheduled_events(self, with_user_count)
            .await
    }

    /// One scheduled event (Pycord's `guild.fetch_scheduled_event`); an unknown one is 10070.
    pub async fn fetch_scheduled_event(
        self,
        rest: &impl Rest,
        event: Id<ScheduledEventMarker>,
        with_user_count: bool,
    ) -> Result<ScheduledEvent, HttpError> {
        rest.http()
            .guild_scheduled_event(self, event, with_user_count)
            .await
    }

    /// A new scheduled event (Pycord's `guild.create_scheduled_event`). Needs CREATE_EVENTS.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{CreateScheduledEvent, Id, Timestamp};
    /// let guild = Id::new(197038439483310086);
    /// let start = Timestamp::parse("2030-06-01T18:00:00Z").expect("a date");
    /// let end = Timestamp::parse("2030-06-01T21:00:00Z").expect("a date");
    /// let event = CreateScheduledEvent::external("Picnic", "The park", start, end);
    /// let event = guild.create_scheduled_event(ctx, event, Some("summer")).await?;
    /// # let _ = event; Ok(()) }
    /// ```
    pub async fn create_scheduled_event(
        self,
        rest: &impl Rest,
        event: CreateScheduledEvent,
        reason: Option<&str>,
    ) -> Result<ScheduledEvent, HttpError> {
        rest.http()
            .create_guild_scheduled_event(self, &event, reason)
            .await
    }

    /// Changes, starts, ends or cancels a scheduled event (Pycord's `event.edit`, `start`,
    /// `complete`, `cancel`).
    pub async fn edit_scheduled_event(
        self,
        rest: &impl Rest,
        event: Id<ScheduledEventMarker>,
        edit: EditScheduledEvent,
        reason: Option<&str>,
    ) -> Result<ScheduledEvent, HttpError> {
        rest.http()
            .edit_guild_scheduled_event(self, event, &edit, reason)
            .await
    }

    /// Deletes a scheduled event (Pycord's `event.delete`).
    pub async fn delete_scheduled_event(
        self,
        rest: &impl Rest,
        event: Id<ScheduledEventMarker>,
    ) -> Result<(), HttpError> {
        rest.http().delete_guild_scheduled_event(self, event).await
    }

    /// The users interested in a scheduled event, read 100 at a time as the stream is used
    /// (Pycord's `event.subscribers`), with their members when `with_member`; at most `limit`
    /// (`None`: all).
    pub fn scheduled_event_subscribers(
        self,
        rest: &impl Rest,
        event: Id<ScheduledEventMarker>,
        with_member: bool,
        limit: Option<usize>,
    ) -> Paginated<ScheduledEventUser> {
        rest.http()
            .guild_scheduled_event_users(self, event, with_member, limit)
    }
}
