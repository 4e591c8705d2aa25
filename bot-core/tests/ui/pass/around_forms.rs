//! Everything that runs around commands, in every form: checks as functions and as values,
//! cooldowns and concurrency limits of each bucket, hooks and error handlers on commands,
//! groups, subgroups and subcommands; global checks and hooks; autocomplete callbacks of each
//! output; `on_application_command_error`.
#![deny(warnings, missing_docs)]

use bot_core::checks;
use bot_core::command::AutocompleteContext;
use bot_core::model::Permissions;
use bot_core::prelude::*;
use bot_core::spec::ChoiceSpec;

/// Admins only.
pub async fn is_admin(ctx: &ApplicationContext) -> bool {
    ctx.guild_id().is_some()
}

/// Fails with an error of its own.
pub async fn checked(ctx: &ApplicationContext) -> Result<(), std::io::Error> {
    let _ = ctx;
    Ok(())
}

/// A hook.
pub async fn hook(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// An error handler.
pub async fn handle(ctx: &ApplicationContext, error: &CommandError) {
    let _ = (ctx, error);
}

/// Suggests words.
pub async fn words(ctx: &AutocompleteContext) -> Vec<String> {
    vec![ctx.value().to_owned()]
}

/// Suggests numbers.
pub async fn numbers(ctx: &AutocompleteContext) -> Result<Vec<i64>, CommandError> {
    let _ = ctx;
    Ok(vec![1, 2])
}

/// Suggests choices.
pub async fn picks(ctx: &AutocompleteContext) -> Vec<ChoiceSpec<'static>> {
    let _ = ctx;
    vec![ChoiceSpec::string("A", "a")]
}

/// Every form on one command.
#[slash_command(
    checks = [is_admin, checked, checks::guild_only(), checks::has_permissions(Permissions::MANAGE_GUILD)],
    cooldown(2, 10, Member),
    max_concurrency(1, Channel, wait),
    before_invoke = hook,
    after_invoke = hook,
    on_error = handle
)]
pub async fn everything(
    ctx: &ApplicationContext,
    /// A word
    #[autocomplete = words]
    word: String,
    /// A number
    #[autocomplete = numbers]
    n: Option<i64>,
) -> CommandResult {
    let _ = (ctx, word, n);
    Ok(())
}

/// A user command with a check.
#[user_command(checks = [checks::is_owner()], cooldown(1, 0.5))]
pub async fn inspect(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

/// A group with checks at each level.
#[slash_group(checks = [checks::guild_only()], cooldown(5, 60, Guild))]
pub mod admin {
    use super::*;

    /// Resets.
    #[slash_command(checks = [is_admin], on_error = handle)]
    pub async fn reset(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Users.
    #[slash_group(checks = [checks::has_any_role(["Mod", "Admin"])], before_invoke = hook)]
    pub mod user {
        use super::*;

        /// Picks.
        #[slash_command(max_concurrency(3, Role), after_invoke = hook)]
        pub async fn pick(
            ctx: &ApplicationContext,
            /// What
            #[autocomplete = picks]
            what: String,
        ) -> CommandResult {
            let _ = (ctx, what);
            Ok(())
        }
    }
}

/// Checked once per interaction.
#[check_once]
pub async fn not_a_bot(ctx: &ApplicationContext) -> bool {
    ctx.author().is_some_and(|user| !user.bot)
}

/// Checked for every command.
#[check]
pub async fn in_a_channel(ctx: &ApplicationContext) -> Result<bool, CommandError> {
    Ok(ctx.channel_id().is_some())
}

/// Before every command.
#[before_invoke]
pub async fn before(ctx: &ApplicationContext) {
    let _ = ctx;
}

/// After every command.
#[after_invoke]
pub async fn after(ctx: &ApplicationContext) -> Result<(), std::io::Error> {
    let _ = ctx;
    Ok(())
}

/// Every command's errors.
#[event]
pub async fn on_application_command_error(
    ctx: &ApplicationContext,
    error: &CommandError,
) -> CommandResult {
    let _ = (ctx, error);
    Ok(())
}

fn main() {}
