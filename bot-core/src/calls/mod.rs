//! The everyday calls, with Pycord's names and meaning, on the ids and objects they concern:
//!
//! - a channel, by id: [`send`](crate::model::Id::send), [`history`](crate::model::Id::history),
//!   [`create_thread`](crate::model::Id::create_thread), [`typing`](crate::model::Id::typing);
//! - a [`Message`](crate::model::Message): [`reply`](crate::model::Message::reply),
//!   [`edit`](crate::model::Message::edit), [`delete`](crate::model::Message::delete),
//!   [`add_reaction`](crate::model::Message::add_reaction),
//!   [`pin`](crate::model::Message::pin),
//!   [`create_thread`](crate::model::Message::create_thread);
//! - a [`User`](crate::model::User): [`send`](crate::model::User::send), through their DM;
//! - a cached member ([`MemberRef`](crate::cache::MemberRef)):
//!   [`edit`](crate::cache::MemberRef::edit), [`add_roles`](crate::cache::MemberRef::add_roles),
//!   [`remove_roles`](crate::cache::MemberRef::remove_roles),
//!   [`timeout`](crate::cache::MemberRef::timeout), [`kick`](crate::cache::MemberRef::kick),
//!   [`ban`](crate::cache::MemberRef::ban);
//! - a guild, by id: [`fetch_members`](crate::model::Id::fetch_members),
//!   [`bans`](crate::model::Id::bans), [`unban`](crate::model::Id::unban),
//!   [`audit_logs`](crate::model::Id::audit_logs),
//!   [`create_role`](crate::model::Id::create_role),
//!   [`edit_role`](crate::model::Id::edit_role),
//!   [`create_channel`](crate::model::Id::create_channel); its expressions and events:
//!   [`create_custom_emoji`](crate::model::Id::create_custom_emoji),
//!   [`fetch_emojis`](crate::model::Id::fetch_emojis),
//!   [`create_sticker`](crate::model::Id::create_sticker),
//!   [`create_sound`](crate::model::Id::create_sound),
//!   [`create_scheduled_event`](crate::model::Id::create_scheduled_event),
//!   [`scheduled_event_subscribers`](crate::model::Id::scheduled_event_subscribers) and their
//!   kin;
//! - a [`Webhook`](crate::model::Webhook): [`send`](crate::model::Webhook::send) (with a name,
//!   an avatar and a thread for one message), [`edit`](crate::model::Webhook::edit),
//!   [`delete`](crate::model::Webhook::delete),
//!   [`fetch_message`](crate::model::Webhook::fetch_message),
//!   [`edit_message`](crate::model::Webhook::edit_message),
//!   [`delete_message`](crate::model::Webhook::delete_message);
//! - the [`Context`](crate::Context) (and the [`Bot`](crate::Bot)):
//!   [`fetch_channel`](crate::Context::fetch_channel),
//!   [`fetch_user`](crate::Context::fetch_user), [`create_dm`](crate::Context::create_dm),
//!   [`fetch_guild`](crate::Context::fetch_guild),
//!   [`fetch_webhook`](crate::Context::fetch_webhook), and the application's emojis
//!   ([`fetch_emojis`](crate::Context::fetch_emojis),
//!   [`create_emoji`](crate::Context::create_emoji), …).
//!
//! Each takes what it goes through as its first argument: the handler's
//! [`Context`](crate::Context) (whose messages get the bot's default allowed mentions,
//! [`BotBuilder::allowed_mentions`](crate::BotBuilder::allowed_mentions)), the
//! [`Bot`](crate::Bot), or an [`Http`] — anything that is [`Rest`]. Messages are the same
//! [`CreateMessage`] interactions answer with (text, a
//! [`Reply`](crate::command::Reply), an embed, files, components, allowed mentions, a reply
//! reference, silent), checked against Discord's limits before sending. Each call is one typed
//! method of [`Http`], which has the rest (audit-log reasons, other pages).
//!
//! ```no_run
//! use bot_core::event::MessageCreate;
//! use bot_core::model::{AttachmentFile, CreateMessage};
//! use bot_core::{Context, listen};
//!
//! #[listen("on_message")]
//! async fn report(ctx: &Context, message: &MessageCreate) -> Result<(), bot_core::Error> {
//!     if message.content != "!report" {
//!         return Ok(());
//!     }
//!     let _typing = message.channel_id.typing(ctx).await?; // "typing…" until dropped
//!     let report = CreateMessage::new()
//!         .content("the report")
//!         .file(AttachmentFile::new("report.txt", b"all good".to_vec()))
//!         .silent();
//!     let sent = message.reply(ctx, report).await?;
//!     sent.add_reaction(ctx, "✅").await?;
//!     sent.pin(ctx).await?;
//!     sent.create_thread(ctx, "Discussion").await?;
//!     message.author.send(ctx, "your report is pinned").await?;
//!     Ok(())
//! }
//! ```

mod channel;
mod guild;
mod guild_admin;
mod guild_expressions;
mod guild_stickers;
mod member;
mod message;
mod typing;
mod user;
mod webhook;

pub use typing::{TYPING_INTERVAL, Typing};

use crate::http::Http;
use crate::model::{AllowedMentions, CreateMessage};

/// What the everyday calls go through: a [`Context`](crate::Context), the
/// [`Bot`](crate::Bot) or an [`Http`].
pub trait Rest: Send + Sync {
    /// The REST client.
    fn http(&self) -> &Http;

    /// Whom a message that says nothing about it may notify: the bot's default
    /// ([`BotBuilder::allowed_mentions`](crate::BotBuilder::allowed_mentions)) through a
    /// context or the bot, none through a bare [`Http`].
    fn default_allowed_mentions(&self) -> Option<&AllowedMentions> {
        None
    }
}

/// A bare client: messages keep the allowed mentions they set, if any.
impl Rest for Http {
    fn http(&self) -> &Http {
        self
    }
}

/// `message` with `rest`'s default allowed mentions where it sets none (as Pycord merges the
/// client's into each send).
pub(crate) fn with_defaults(rest: &impl Rest, mut message: CreateMessage) -> CreateMessage {
    if message.allowed_mentions.is_none() {
        message.allowed_mentions = rest.default_allowed_mentions().cloned();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, UserMarker};

    /// A client whose default lets nobody be mentioned.
    struct Quiet(Http, AllowedMentions);

    impl Rest for Quiet {
        fn http(&self) -> &Http {
            &self.0
        }

        fn default_allowed_mentions(&self) -> Option<&AllowedMentions> {
            Some(&self.1)
        }
    }

    #[test]
    fn the_default_mentions_apply_only_where_the_message_sets_none() {
        let http = Http::new(
            "http://127.0.0.1:9",
            crate::model::Token::new("MTIz.abc.def"),
        );
        let quiet = Quiet(http.clone(), AllowedMentions::none());
        let plain = with_defaults(&quiet, "hi".into());
        assert_eq!(plain.allowed_mentions, Some(AllowedMentions::none()));
        let bob: Id<UserMarker> = Id::new(7);
        let own = AllowedMentions::none().user(bob);
        let set = with_defaults(&quiet, CreateMessage::new().allowed_mentions(own.clone()));
        assert_eq!(set.allowed_mentions, Some(own));
        assert_eq!(with_defaults(&http, "hi".into()).allowed_mentions, None);
    }
}
