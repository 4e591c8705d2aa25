//! Routing gateway events: interactions to their handlers, everything to `Bot::events`.

use super::Bot;
use crate::command::{ApplicationContext, Reply};
use crate::gateway::Event;
use crate::model::{Interaction, InteractionResponse, InteractionType};
use futures_util::FutureExt;
use std::any::Any;
use std::panic::AssertUnwindSafe;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tracing::Instrument;

/// Forwards every event to the listeners and handles each interaction on its own task.
pub(super) async fn run(bot: Bot, mut events: mpsc::UnboundedReceiver<Event>) {
    while let Some(event) = events.recv().await {
        if let Event::InteractionCreate(interaction) = &event {
            tokio::spawn(handle(bot.clone(), interaction.0.clone()));
        }
        let _ = bot.inner.events.send(event);
    }
}

async fn handle(bot: Bot, interaction: Interaction) {
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
        bot.inner.allowed_mentions.clone(),
    ) {
        Ok(ctx) => ctx,
        Err(error) => {
            tracing::warn!(%error, "an interaction without readable command data");
            return;
        }
    };
    let span = tracing::info_span!("interaction", command = %ctx.command_path().join(" "));
    async move {
        let handler = bot
            .registry()
            .resolve_in(ctx.data(), &bot.inner.sync)
            .and_then(|r| r.command.handler());
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
        let outcome = AssertUnwindSafe(handler(ctx.clone())).catch_unwind().await;
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

/// The text a panic was raised with, if it was a string.
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}
