//! Routing gateway events: interactions to their handlers, everything to `Bot::events`.

use super::Bot;
use crate::command::{ApplicationContext, Reply};
use crate::gateway::Event;
use crate::model::{Interaction, InteractionType};
use serde_json::json;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tracing::Instrument;

/// Forwards every event to the listeners and handles each interaction on its own task.
pub(super) async fn run(bot: Bot, mut events: mpsc::UnboundedReceiver<Event>) {
    while let Some(event) = events.recv().await {
        if let Event::InteractionCreate(interaction) = &event {
            tokio::spawn(handle(bot.clone(), (**interaction).clone()));
        }
        let _ = bot.inner.events.send(event);
    }
}

async fn handle(bot: Bot, interaction: Interaction) {
    match interaction.kind {
        InteractionType::ApplicationCommand => command(bot, interaction).await,
        InteractionType::Autocomplete => {
            // Suggestions come with the dispatch issue; until then, none.
            let answer = json!({"type": 8, "data": {"choices": []}});
            if let Err(error) = bot
                .http()
                .interaction_callback(interaction.id, &interaction.token, answer)
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
        if let Err(error) = handler(ctx.clone()).await {
            tracing::error!(%error, "command failed");
            if !ctx.is_answered() {
                let _ = ctx
                    .respond(Reply::new("Something went wrong.").ephemeral())
                    .await;
            }
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
