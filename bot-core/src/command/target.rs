//! The targets of context-menu commands: the user or message a USER or MESSAGE command runs on.

use super::{ArgumentError, ArgumentSource, SlashArgument};
use crate::model::{CommandData, DataOption, GuildMarker, Id, Member, Message, User};
use bot_spec::OptionKind;

fn target_source<'a>(
    data: &'a CommandData,
    guild_id: Option<Id<GuildMarker>>,
    option: &'a Option<DataOption>,
) -> ArgumentSource<'a> {
    ArgumentSource {
        name: "target",
        option: option.as_ref(),
        resolved: &data.resolved,
        guild_id,
    }
}

/// The target id as an option of `kind`, so the argument extraction code serves targets too.
fn target_option(data: &CommandData, kind: OptionKind) -> Option<DataOption> {
    data.target_id
        .map(|id| DataOption::new("target", kind, id.to_string()))
}

/// A type a USER command's second parameter may have: [`User`], or [`Member`] (guild only).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the target of a user command",
    label = "not a user command target",
    note = "a #[user_command] takes `(ctx: &ApplicationContext, user: User)` or `Member`"
)]
pub trait UserCommandTarget: Sized {
    /// Reads the target from the interaction's `target_id` and `resolved` data.
    fn extract_target(
        data: &CommandData,
        guild_id: Option<Id<GuildMarker>>,
    ) -> Result<Self, ArgumentError>;
}

impl UserCommandTarget for User {
    fn extract_target(
        data: &CommandData,
        guild_id: Option<Id<GuildMarker>>,
    ) -> Result<Self, ArgumentError> {
        let option = target_option(data, OptionKind::User);
        User::extract(&target_source(data, guild_id, &option))
    }
}

impl UserCommandTarget for Member {
    fn extract_target(
        data: &CommandData,
        guild_id: Option<Id<GuildMarker>>,
    ) -> Result<Self, ArgumentError> {
        let option = target_option(data, OptionKind::User);
        Member::extract(&target_source(data, guild_id, &option))
    }
}

/// A type a MESSAGE command's second parameter may have: [`Message`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the target of a message command",
    label = "not a message command target",
    note = "a #[message_command] takes `(ctx: &ApplicationContext, message: Message)`"
)]
pub trait MessageCommandTarget: Sized {
    /// Reads the target from the interaction's `target_id` and `resolved` data.
    fn extract_target(
        data: &CommandData,
        guild_id: Option<Id<GuildMarker>>,
    ) -> Result<Self, ArgumentError>;
}

impl MessageCommandTarget for Message {
    fn extract_target(
        data: &CommandData,
        _guild_id: Option<Id<GuildMarker>>,
    ) -> Result<Self, ArgumentError> {
        let id = data.target_id.ok_or_else(|| ArgumentError::Missing {
            name: "target".to_owned(),
        })?;
        data.resolved
            .messages
            .get(&id.cast())
            .cloned()
            .ok_or(ArgumentError::Unresolved {
                name: "target".to_owned(),
                id,
                what: "message",
            })
    }
}
