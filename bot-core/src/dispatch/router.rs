//! The command router: each interaction, on its own task, to its handler.

use super::runner::panic_message;
use crate::Bot;
use crate::command::{ApplicationContext, Reply};
use crate::model::{Interaction, InteractionResponse, InteractionType};
use futures_util::FutureExt;
use std::panic::AssertUnwindSafe;
use tokio::time::Instant;
use tracing::Instrument;

/// Answers one interaction.
pub(crate) async fn handle(bot: Bot, interaction: Interaction) {
    match interaction.kind {
        InteractionType::ApplicationCommand => command(bot, interaction).await,
        InteractionType::Autocomplete => {
            // Suggestions come with the dispatch issue; until then, none.
            let answer = InteractionResponse::Autocomplete(Vec::new());
            if let Err(error) = bot
                .http()
                .interaction_callback(interaction.id, &interaction.token, &answer)
                .await
            {
                tracing::warn!(%error, "autocomplete answer failed");
            }
        }
        _ => {}
    }
}

async fn command(bot: Bot, interaction: Interaction) {
    let started = Instant::now();
    let application = bot
        .application_id()
        .or(interaction.application_id)
        .unwrap_or_default();
    let ctx = match ApplicationContext::connected(
        interaction,
        bot.http().clone(),
        application,
        bot.allowed_mentions_config(),
    ) {
        Ok(ctx) => ctx.with_bot(bot.clone()),
        Err(error) => {
            tracing::warn!(%error, "an interaction without readable command data");
            return;
        }
    };
    let span = tracing::info_span!("interaction", command = %ctx.command_path().join(" "));
    async move {
        let registry = bot.registry();
        // The context parsed the options and computed the subcommand path once; the handler
        // takes them from it.
        let handler = registry
            .find_in(ctx.data(), bot.sync_config())
            .filter(|command| command.has_path(ctx.command_path()))
            .and_then(|command| command.handler().cloned());
        let Some(handler) = handler else {
            // A command Discord still has but this program does not define: answer, never write.
            tracing::warn!("unknown command");
            let _ = ctx
                .respond(Reply::new("This command is not available.").ephemeral())
                .await;
            return;
        };
        // A handler that panics is caught here: logged with its command path (the span), and
        // the user gets the error reply like for an error.
        let outcome = AssertUnwindSafe(handler.invoke(ctx.clone()))
            .catch_unwind()
            .await;
        let failed = match outcome {
            Ok(Ok(())) => false,
            Ok(Err(error)) => {
                tracing::error!(%error, "command failed");
                true
            }
            Err(panic) => {
                tracing::error!(panic = panic_message(panic.as_ref()), "command panicked");
                true
            }
        };
        // Unanswered: answer with the error; deferred: the error replaces "thinking…".
        if failed
            && !ctx.has_replied()
            && let Err(error) = ctx
                .respond(Reply::new("Something went wrong.").ephemeral())
                .await
        {
            tracing::warn!(%error, "the error reply failed");
        }
        // Latency to the first response (or deferral), and to the handler's end.
        let first_response_ms = ctx
            .first_response_at()
            .map(|at| at.saturating_duration_since(started.into_std()).as_millis() as u64);
        tracing::info!(
            first_response_ms,
            total_ms = started.elapsed().as_millis() as u64,
            "handled"
        );
    }
    .instrument(span)
    .await;
}
