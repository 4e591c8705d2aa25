//! The invocation API, as Pycord's: turn an interaction into a context, invoke its command
//! through checks, limits, hooks and the error chain, answer autocomplete; global checks.

use super::Bot;
use crate::checks::Check;
use crate::command::{
    AUTOCOMPLETE_BUDGET, ApplicationContext, AutocompleteContext, CommandError, Reply, fit_choices,
};
use crate::invoke::global::Globals;
use crate::invoke::pipeline::guarded;
use crate::invoke::{CheckId, HookFuture};
use crate::model::{Interaction, InteractionDataError, InteractionResponse, InteractionType};
use std::sync::Arc;

/// How `on_application_command_error` is called.
pub(crate) type CommandErrorCall =
    for<'a> fn(&'a ApplicationContext, &'a CommandError) -> HookFuture<'a>;

impl Bot {
    pub(crate) fn globals(&self) -> &Globals {
        &self.inner.globals
    }

    /// The invocations under way.
    pub(crate) fn invocations(&self) -> &crate::invoke::inflight::InFlight {
        &self.inner.invocations
    }

    /// The default error handler's reply to `error`.
    pub(crate) fn error_reply(&self, error: &CommandError) -> Option<Reply> {
        (self.inner.globals.error_reply)(error)
    }

    /// The program's `#[event] on_application_command_error`, if any.
    pub(crate) fn command_error_handler(&self) -> Option<(&'static str, CommandErrorCall)> {
        self.inner.dispatch.command_error_handler()
    }

    /// Adds a global check (`call_once`: once per interaction, before every other check), as
    /// Pycord's `add_check`; answers its id for [`remove_check`](Self::remove_check).
    pub fn add_check(&self, check: impl Check, call_once: bool) -> CheckId {
        self.inner.globals.add(Arc::new(check), call_once)
    }

    /// Removes a check added with [`add_check`](Self::add_check); `false` when it is not there.
    pub fn remove_check(&self, id: CheckId) -> bool {
        self.inner.globals.remove(id)
    }

    /// The context of an application command interaction, answering through this bot.
    pub fn get_application_context(
        &self,
        interaction: Interaction,
    ) -> Result<ApplicationContext, InteractionDataError> {
        let application = self
            .application_id()
            .or(interaction.application_id)
            .unwrap_or_default();
        Ok(ApplicationContext::connected(
            interaction,
            self.http().clone(),
            application,
            self.allowed_mentions_config(),
        )?
        .with_bot(self.clone()))
    }

    /// The context of an autocomplete interaction.
    pub fn get_autocomplete_context(
        &self,
        interaction: Interaction,
    ) -> Result<AutocompleteContext, InteractionDataError> {
        if interaction.kind != InteractionType::Autocomplete {
            return Err(InteractionDataError::NotACommand(interaction.kind));
        }
        AutocompleteContext::from_context(self.get_application_context(interaction)?)
    }

    /// Handles an interaction as the bot does with each it receives: an application command is
    /// invoked ([`invoke_application_command`](Self::invoke_application_command)), an
    /// autocomplete request answered with its callback's choices; others are left alone.
    pub async fn process_application_commands(&self, interaction: Interaction) {
        match interaction.kind {
            InteractionType::ApplicationCommand => {
                match self.get_application_context(interaction) {
                    Ok(ctx) => {
                        let _ = self.invoke_application_command(&ctx).await;
                    }
                    Err(error) => {
                        tracing::warn!(%error, "an interaction without readable command data")
                    }
                }
            }
            InteractionType::Autocomplete => {
                self.answer_autocomplete(interaction, tokio::time::Instant::now())
                    .await
            }
            _ => {}
        }
    }

    /// Invokes the command `ctx` names, through checks, limits and hooks (see
    /// [`crate::invoke`] for the order). A failure has been through the error chain when it
    /// is returned. A command this program does not define is answered "This command is not
    /// available." and never written to Discord.
    pub async fn invoke_application_command(
        &self,
        ctx: &ApplicationContext,
    ) -> Result<(), CommandError> {
        let registry = self.registry();
        let Some(command) = registry
            .find_in(ctx.data(), self.sync_config())
            .filter(|command| command.has_path(ctx.command_path()))
        else {
            tracing::warn!(command = %ctx.command_path().join(" "), "unknown command");
            let _ = ctx
                .respond(Reply::new("This command is not available.").ephemeral())
                .await;
            return Err(CommandError::msg(format!(
                "no command `{}` in this bot",
                ctx.command_path().join(" ")
            )));
        };
        crate::invoke::pipeline::invoke(self, ctx, command).await
    }

    /// Answers an autocomplete request (received at `received`) with the focused option's
    /// callback: at most 25 choices of the option's type; none (logged) when there is no
    /// callback, it fails, or it has not finished [`AUTOCOMPLETE_BUDGET`] after receipt (its
    /// late result is discarded: autocomplete cannot be deferred).
    pub(crate) async fn answer_autocomplete(
        &self,
        interaction: Interaction,
        received: tokio::time::Instant,
    ) {
        let (id, token) = (interaction.id, interaction.token.clone());
        let choices = match self.get_autocomplete_context(interaction) {
            Ok(ctx) => {
                let budget = received + AUTOCOMPLETE_BUDGET;
                match tokio::time::timeout_at(budget, self.choices(&ctx)).await {
                    Ok(choices) => choices,
                    Err(_) => {
                        tracing::warn!(
                            command = %ctx.command_path().join(" "),
                            option = ctx.focused(),
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
        if let Err(error) = self.http().interaction_callback(id, &token, &answer).await {
            tracing::warn!(%error, "autocomplete answer failed");
        }
    }

    async fn choices(&self, ctx: &AutocompleteContext) -> Vec<bot_spec::ChoiceSpec<'static>> {
        let registry = self.registry();
        let handler = registry
            .find_in(ctx.data(), self.sync_config())
            .filter(|command| command.has_path(ctx.command_path()))
            .and_then(|command| {
                command
                    .layers()
                    .autocomplete(ctx.command_path(), ctx.focused())
            });
        let Some(handler) = handler else {
            tracing::warn!(
                command = %ctx.command_path().join(" "),
                option = ctx.focused(),
                "no autocomplete callback for this option; answered no choices"
            );
            return Vec::new();
        };
        match guarded(handler.call(ctx)).await {
            Ok(choices) => fit_choices(choices, ctx.kind()),
            Err(error) => {
                tracing::error!(
                    command = %ctx.command_path().join(" "),
                    option = ctx.focused(),
                    %error,
                    "the autocomplete callback failed; answered no choices"
                );
                Vec::new()
            }
        }
    }
}
