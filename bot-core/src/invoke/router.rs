//! The command router: each interaction, on its own task, resolved once against the registry
//! (the command, its subcommand path, its layers) — the context built from that resolution, the
//! invocation pipeline or the autocomplete callback run with it. Also the invocation API
//! Pycord's `Bot` has, for a [`Context`]. Each interaction is counted while it runs, so that
//! closing the bot waits for it; its receipt time starts Discord's 3 s window.

use super::layer::autocomplete_in;
use super::pipeline::{self, guarded};
use crate::command::{
    AUTOCOMPLETE_BUDGET, ApplicationContext, AutocompleteContext, CommandError, Reply, Resolution,
    fit_choices,
};
use crate::context::Context;
use crate::model::{Interaction, InteractionDataError, InteractionResponse, InteractionType};
use std::future::Future;
use tokio::time::Instant;
use tracing::Instrument;

/// Answers one interaction. Called when the interaction is received (the window and the
/// in-flight count start then); the future it returns does the work.
pub(crate) fn route(ctx: Context, interaction: Interaction) -> impl Future<Output = ()> + Send {
    let received = Instant::now();
    let running = ctx.services().commands.invocations.enter();
    async move {
        let Some(_running) = running else {
            tracing::debug!("closing: an interaction was left unanswered");
            return;
        };
        match interaction.kind {
            InteractionType::ApplicationCommand => command(&ctx, interaction, received).await,
            InteractionType::Autocomplete => answer_autocomplete(&ctx, interaction, received).await,
            // Components and modals have no handlers yet.
            _ => {}
        }
    }
}

/// An application command: resolved, its context made from the resolution, the pipeline (or
/// the unknown-command answer), then the latency log.
async fn command(ctx: &Context, interaction: Interaction, received: Instant) {
    let commands = &ctx.services().commands;
    let registry = commands.registry();
    let resolution = match interaction.command_data() {
        Ok(data) => registry.resolve(data, &commands.sync),
        Err(error) => {
            tracing::warn!(%error, "an interaction without readable command data");
            return;
        }
    };
    let invocation = match context_of(ctx, interaction, resolution.as_ref()) {
        Ok(invocation) => invocation.received_at(received),
        Err(error) => {
            tracing::warn!(%error, "an interaction without readable command data");
            return;
        }
    };
    let span = tracing::info_span!("interaction", command = %invocation.command_path().join(" "));
    async move {
        // Checks, limits, hooks, the handler and the error chain (which answers failures),
        // under the auto-defer watchdog.
        let _ = match &resolution {
            Some(resolution) => pipeline::invoke(commands, &invocation, resolution).await,
            None => unknown(&invocation).await,
        };
        // Latency to the first response (or deferral), and to the handler's end.
        let first_response_ms = invocation.first_response_at().map(|at| {
            at.saturating_duration_since(received.into_std())
                .as_millis() as u64
        });
        tracing::info!(
            first_response_ms,
            total_ms = received.elapsed().as_millis() as u64,
            "handled"
        );
    }
    .instrument(span)
    .await;
}

/// The context of `interaction`, from `resolution` when there is one, answering through
/// `ctx`'s bot.
fn context_of(
    ctx: &Context,
    interaction: Interaction,
    resolution: Option<&Resolution<'_>>,
) -> Result<ApplicationContext, InteractionDataError> {
    let application = ctx
        .application_id()
        .or(interaction.application_id)
        .unwrap_or_default();
    let invocation = match resolution {
        Some(resolution) => ApplicationContext::from_resolution(interaction, resolution)?,
        None => ApplicationContext::new(interaction)?,
    };
    Ok(invocation
        .connect(
            ctx.http().clone(),
            application,
            ctx.services().commands.allowed_mentions.clone(),
        )
        .with_bot(ctx.clone()))
}

/// The context of an application command interaction, answering through `ctx`'s bot.
pub(crate) fn application_context(
    ctx: &Context,
    interaction: Interaction,
) -> Result<ApplicationContext, InteractionDataError> {
    context_of(ctx, interaction, None)
}

/// The context of an autocomplete interaction.
pub(crate) fn autocomplete_context(
    ctx: &Context,
    interaction: Interaction,
) -> Result<AutocompleteContext, InteractionDataError> {
    if interaction.kind != InteractionType::Autocomplete {
        return Err(InteractionDataError::NotACommand(interaction.kind));
    }
    AutocompleteContext::from_context(application_context(ctx, interaction)?)
}

/// Handles an interaction as the router does with each it receives: an application command is
/// invoked, an autocomplete request answered with its callback's choices; others are left
/// alone.
pub(crate) async fn process(ctx: &Context, interaction: Interaction) {
    match interaction.kind {
        InteractionType::ApplicationCommand => command(ctx, interaction, Instant::now()).await,
        InteractionType::Autocomplete => {
            answer_autocomplete(ctx, interaction, Instant::now()).await
        }
        _ => {}
    }
}

/// Invokes the command `invocation` names, through checks, limits and hooks (see
/// [`crate::invoke`] for the order). A failure has been through the error chain when it is
/// returned. A command this program does not define is answered "This command is not
/// available." and never written to Discord.
pub(crate) async fn invoke(
    ctx: &Context,
    invocation: &ApplicationContext,
) -> Result<(), CommandError> {
    let commands = &ctx.services().commands;
    let registry = commands.registry();
    match registry.resolve(invocation.data(), &commands.sync) {
        Some(resolution) => pipeline::invoke(commands, invocation, &resolution).await,
        None => unknown(invocation).await,
    }
}

/// A command this program does not define: answered, never written to Discord.
async fn unknown(invocation: &ApplicationContext) -> Result<(), CommandError> {
    let path = invocation.command_path().join(" ");
    tracing::warn!(command = %path, "unknown command");
    let _ = invocation
        .respond(Reply::new("This command is not available.").ephemeral())
        .await;
    Err(CommandError::msg(format!(
        "no command `{path}` in this bot"
    )))
}

/// Answers an autocomplete request (received at `received`) with the focused option's
/// callback: at most 25 choices of the option's type; none (logged) when there is no
/// callback, it fails, or it has not finished [`AUTOCOMPLETE_BUDGET`] after receipt (its
/// late result is discarded: autocomplete cannot be deferred).
pub(crate) async fn answer_autocomplete(
    ctx: &Context,
    interaction: Interaction,
    received: Instant,
) {
    let (id, token) = (interaction.id, interaction.token.clone());
    let commands = &ctx.services().commands;
    let registry = commands.registry();
    let resolution = interaction
        .command_data()
        .ok()
        .and_then(|data| registry.resolve(data, &commands.sync));
    let request = context_of(ctx, interaction, resolution.as_ref())
        .and_then(AutocompleteContext::from_context);
    let choices = match request {
        Ok(request) => {
            let budget = received + AUTOCOMPLETE_BUDGET;
            let answer = choices(resolution.as_ref(), &request);
            match tokio::time::timeout_at(budget, answer).await {
                Ok(choices) => choices,
                Err(_) => {
                    tracing::warn!(
                        command = %request.command_path().join(" "),
                        option = request.focused(),
                        budget_ms = AUTOCOMPLETE_BUDGET.as_millis() as u64,
                        "the autocomplete callback was too slow for Discord's deadline; \
                         answered no choices"
                    );
                    Vec::new()
                }
            }
        }
        Err(error) => {
            tracing::warn!(%error, "an autocomplete request without a focused option");
            Vec::new()
        }
    };
    let answer = InteractionResponse::Autocomplete(choices);
    if let Err(error) = ctx.http().interaction_callback(id, &token, &answer).await {
        tracing::warn!(%error, "autocomplete answer failed");
    }
}

/// The choices of the focused option's callback, found in the resolved command's layers.
async fn choices(
    resolution: Option<&Resolution<'_>>,
    request: &AutocompleteContext,
) -> Vec<bot_spec::ChoiceSpec<'static>> {
    let handler =
        resolution.and_then(|resolved| autocomplete_in(&resolved.layers(), request.focused()));
    let Some(handler) = handler else {
        tracing::warn!(
            command = %request.command_path().join(" "),
            option = request.focused(),
            "no autocomplete callback for this option; answered no choices"
        );
        return Vec::new();
    };
    match guarded(handler.call(request)).await {
        Ok(choices) => fit_choices(choices, request.kind()),
        Err(error) => {
            tracing::error!(
                command = %request.command_path().join(" "),
                option = request.focused(),
                %error,
                "the autocomplete callback failed; answered no choices"
            );
            Vec::new()
        }
    }
}
