//! One invocation, in the documented order (see the [module](super) docs): checks, limits,
//! hooks, the handler, then the error chain.

use super::chain;
use super::layer::CommandLayer;
use super::service::Commands;
use super::watchdog;
use crate::command::{ApplicationContext, CommandError, Panicked, RegisteredCommand, Resolution};
use std::future::Future;

/// Runs `future`, a panic in it becoming [`CommandError::Panicked`].
pub(crate) async fn guarded<F, T>(future: F) -> Result<T, CommandError>
where
    F: Future<Output = Result<T, CommandError>>,
{
    match crate::panic::catch(future).await {
        Ok(result) => result,
        Err(message) => Err(CommandError::Panicked(Panicked::new(message))),
    }
}

/// Invokes the resolved command for `ctx` under the auto-defer watchdog; a failure goes through
/// the error chain, then is returned.
pub(crate) async fn invoke(
    commands: &Commands,
    ctx: &ApplicationContext,
    resolution: &Resolution<'_>,
) -> Result<(), CommandError> {
    let command = resolution.command;
    // The cog's layer, then the command's levels, outermost first.
    let chain = resolution.layers();
    let auto_defer = watchdog::setting(&chain, commands.globals.auto_defer);
    watchdog::watched(ctx, auto_defer, async {
        let result = run(commands, ctx, command, &chain).await;
        if let Err(error) = &result {
            let cog = command.cog().map(|handle| &handle.cog);
            chain::handle(commands, ctx, &chain, cog, error).await;
        }
        result
    })
    .await
}

/// Everything up to the error chain.
async fn run(
    commands: &Commands,
    ctx: &ApplicationContext,
    command: &RegisteredCommand,
    chain: &[&CommandLayer],
) -> Result<(), CommandError> {
    let globals = &commands.globals;
    for check in globals.checks(true) {
        guarded(check.check(ctx)).await?;
    }
    for check in globals.checks(false) {
        guarded(check.check(ctx)).await?;
    }
    let cog = command.cog().map(|handle| &handle.cog);
    if let Some(cog) = cog {
        guarded(cog.cog_check(ctx)).await?;
    }
    for layer in chain {
        for check in &layer.checks {
            guarded(check.check(ctx)).await?;
        }
    }
    // Slots are held until the after-hooks ran, and given back on every way out.
    let mut slots = Vec::new();
    for layer in chain {
        if let Some(limit) = &layer.concurrency {
            slots.push(limit.acquire(ctx).await?);
        }
    }
    for layer in chain {
        if let Some(cooldown) = &layer.cooldown {
            cooldown.take(ctx).await?;
        }
    }
    if let Some(hook) = chain.iter().rev().find_map(|layer| layer.before.as_ref()) {
        guarded(hook.call(ctx)).await?;
    }
    if let Some(cog) = cog {
        guarded(cog.cog_before_invoke(ctx)).await?;
    }
    if let Some(hook) = &globals.before {
        guarded(hook.call(ctx)).await?;
    }
    let handler = command
        .handler()
        .ok_or_else(|| CommandError::msg("the command has no handler"))?;
    let outcome = guarded(handler.invoke(ctx.clone())).await;
    // After-hooks run whether the handler succeeded or not; a hook's own failure is the
    // result only when the handler succeeded (else it is logged, the handler's error kept).
    let mut after = Vec::new();
    if let Some(hook) = chain.iter().rev().find_map(|layer| layer.after.as_ref()) {
        after.push(guarded(hook.call(ctx)).await);
    }
    if let Some(cog) = cog {
        after.push(guarded(cog.cog_after_invoke(ctx)).await);
    }
    if let Some(hook) = &globals.after {
        after.push(guarded(hook.call(ctx)).await);
    }
    drop(slots);
    let mut outcome = outcome;
    for result in after {
        if let Err(error) = result {
            if outcome.is_ok() {
                outcome = Err(error);
            } else {
                tracing::error!(%error, "an after-invoke hook failed");
            }
        }
    }
    outcome
}
