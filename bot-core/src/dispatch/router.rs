//! The command router: each interaction, on its own task, to the invocation pipeline
//! ([`Bot::process_application_commands`]).

use crate::Bot;
use crate::model::{Interaction, InteractionType};
use tokio::time::Instant;
use tracing::Instrument;

/// Answers one interaction.
pub(crate) async fn handle(bot: Bot, interaction: Interaction) {
    if interaction.kind != InteractionType::ApplicationCommand {
        bot.process_application_commands(interaction).await;
        return;
    }
    let started = Instant::now();
    let ctx = match bot.get_application_context(interaction) {
        Ok(ctx) => ctx,
        Err(error) => {
            tracing::warn!(%error, "an interaction without readable command data");
            return;
        }
    };
    let span = tracing::info_span!("interaction", command = %ctx.command_path().join(" "));
    async move {
        // Checks, limits, hooks, the handler and the error chain (which answers failures).
        let _ = bot.invoke_application_command(&ctx).await;
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
