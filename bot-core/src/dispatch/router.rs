//! The command router: each interaction, on its own task, to the invocation pipeline
//! ([`Bot::invoke_application_command`]) or the autocomplete answer. Each is counted while it
//! runs, so that closing the bot waits for it; its receipt time starts Discord's 3 s window.

use crate::Bot;
use crate::model::{Interaction, InteractionType};
use std::future::Future;
use tokio::time::Instant;
use tracing::Instrument;

/// Answers one interaction. Called when the interaction is received (the window and the
/// in-flight count start then); the future it returns does the work.
pub(crate) fn handle(bot: Bot, interaction: Interaction) -> impl Future<Output = ()> + Send {
    let received = Instant::now();
    let running = bot.invocations().enter();
    async move {
        let Some(_running) = running else {
            tracing::debug!("closing: an interaction was left unanswered");
            return;
        };
        match interaction.kind {
            InteractionType::ApplicationCommand => command(bot, interaction, received).await,
            InteractionType::Autocomplete => bot.answer_autocomplete(interaction, received).await,
            // Components and modals have no handlers yet.
            _ => {}
        }
    }
}

/// An application command: the pipeline, then the latency log.
async fn command(bot: Bot, interaction: Interaction, received: Instant) {
    let ctx = match bot.get_application_context(interaction) {
        Ok(ctx) => ctx.received_at(received),
        Err(error) => {
            tracing::warn!(%error, "an interaction without readable command data");
            return;
        }
    };
    let span = tracing::info_span!("interaction", command = %ctx.command_path().join(" "));
    async move {
        // Checks, limits, hooks, the handler and the error chain (which answers failures),
        // under the auto-defer watchdog.
        let _ = bot.invoke_application_command(&ctx).await;
        // Latency to the first response (or deferral), and to the handler's end.
        let first_response_ms = ctx.first_response_at().map(|at| {
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
