//! The error chain: the command's own handler, its cog's, then `on_application_command_error` (the
//! program's `#[event]` function, or the default, which logs and answers the user).

use super::layer::CommandLayer;
use super::pipeline::guarded;
use super::service::Commands;
use crate::command::{ApplicationContext, CommandError, Reply, ResponseError};

/// Hands `error` down the chain. Nothing here can bring the bot down: a failing or panicking
/// handler is logged.
pub(crate) async fn handle(
    commands: &Commands,
    ctx: &ApplicationContext,
    chain: &[&CommandLayer],
    cog: Option<&std::sync::Arc<dyn crate::cog::Cog>>,
    error: &CommandError,
) {
    let local = chain.iter().rev().find_map(|layer| layer.on_error.as_ref());
    if let Some(handler) = local
        && let Err(failure) = guarded(handler.call(ctx, error)).await
    {
        tracing::error!(%failure, handling = %error, "the command's error handler failed");
    }
    let cog = cog.filter(|cog| cog.has_error_handler());
    if let Some(cog) = cog
        && let Err(failure) = guarded(cog.cog_command_error(ctx, error)).await
    {
        tracing::error!(
            cog = %cog.name(),
            %failure,
            handling = %error,
            "the cog's error handler failed"
        );
    }
    match commands.error_handler() {
        Some((path, call)) => {
            if let Err(failure) = guarded(call(ctx, error)).await {
                tracing::error!(
                    handler = path,
                    %failure,
                    handling = %error,
                    "on_application_command_error failed"
                );
            }
        }
        // As Pycord's default: silent when the command or its cog handled the error.
        None if local.is_some() || cog.is_some() => {}
        None => default_handler(commands, ctx, error).await,
    }
}

/// The default `on_application_command_error`: logs, and answers the user (ephemeral) with
/// the bot's error reply unless a message already answers the interaction or Discord's window
/// to answer it passed (then nothing can be sent: no request is made, and the expiry, already
/// logged when it was met, is not logged again).
async fn default_handler(commands: &Commands, ctx: &ApplicationContext, error: &CommandError) {
    let expired = is_expiry(error);
    match error {
        _ if expired => {}
        CommandError::CheckFailed(_)
        | CommandError::OnCooldown(_)
        | CommandError::MaxConcurrency(_) => tracing::info!(%error, "command refused"),
        CommandError::Argument(_) => tracing::warn!(%error, "command arguments unreadable"),
        CommandError::Panicked(panic) => {
            tracing::error!(panic = panic.message(), "command panicked")
        }
        _ => tracing::error!(%error, "command failed"),
    }
    let Some(reply) = commands.error_reply(error) else {
        return;
    };
    if !ctx.has_replied()
        && !ctx.is_expired()
        && let Err(failure) = ctx.respond(reply).await
    {
        tracing::warn!(error = %failure, "the error reply failed");
    }
}

/// Whether `error` is a response refused because Discord's window had passed.
fn is_expiry(error: &CommandError) -> bool {
    error
        .source_error()
        .downcast_ref::<ResponseError>()
        .is_some_and(|e| matches!(e, ResponseError::Expired))
}

/// The default error reply: what went wrong for check, cooldown, concurrency and argument
/// failures (Pycord's messages), "Something went wrong." for the rest; always ephemeral.
///
/// ```
/// use bot_core::command::CommandError;
/// use bot_core::invoke::default_error_reply;
/// let reply = default_error_reply(&CommandError::msg("database down")).unwrap();
/// assert_eq!(reply.content(), Some("Something went wrong."));
/// ```
pub fn default_error_reply(error: &CommandError) -> Option<Reply> {
    let text = match error {
        CommandError::CheckFailed(failure) => failure.to_string(),
        CommandError::OnCooldown(cooldown) => cooldown.to_string(),
        CommandError::MaxConcurrency(limit) => limit.to_string(),
        CommandError::Argument(argument) => format!("Invalid option: {argument}."),
        _ => "Something went wrong.".to_owned(),
    };
    Some(Reply::new(text).ephemeral())
}
