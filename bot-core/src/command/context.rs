//! The context a command handler receives.

use super::answer::{Answer, Claim, Stage, Turn};
use super::deferral::{AutoDefer, deferral_for};
use super::respond::Responder;
use super::{ArgumentError, ArgumentSource, Reply, ResponseError, SlashArgument};
use crate::context::Context;
use crate::http::Http;
use crate::model::{
    AllowedMentions, ApplicationMarker, ChannelMarker, CommandData, CreateMessage, DataOption,
    GuildMarker, Id, Interaction, InteractionData, InteractionDataError, InteractionResponse,
    Message, Modal, Resolved, User,
};
use bot_spec::OptionKind;
use std::sync::Arc;

/// A command invocation: the interaction, the invoked command path and its options.
///
/// `respond` answers the interaction the first time and sends follow-ups after; after `defer` it
/// edits the "thinking" message. A context built with [`ApplicationContext::new`] has no
/// connection: its response methods return [`ResponseError::NotConnected`].
///
/// The initial response is claimed before its request is sent, so clones of one context (and
/// the auto-defer, see [`AutoDefer`]) never send two: the one that loses waits for the other,
/// then edits the original response or follows up. Nothing can be sent once Discord's 3 s
/// window passed unanswered ([`ResponseError::Expired`], without a request).
///
/// ```
/// use bot_core::command::ApplicationContext;
/// use bot_core::model::Interaction;
/// let interaction: Interaction = serde_json::from_value(serde_json::json!({
///     "id": "1", "type": 2, "token": "t", "channel_id": "5",
///     "data": {"id": "2", "name": "perm", "type": 1, "options": [
///         {"name": "user", "type": 2, "options": [
///             {"name": "get", "type": 1, "options": [{"name": "id", "type": 4, "value": 7}]}
///         ]}
///     ]}
/// })).unwrap();
/// let ctx = ApplicationContext::new(interaction).unwrap();
/// assert_eq!(ctx.command_path(), ["perm", "user", "get"]);
/// assert_eq!(ctx.argument::<i64>("id").unwrap(), 7);
/// ```
#[derive(Clone, Debug)]
pub struct ApplicationContext {
    invocation: Arc<Invocation>,
    responder: Option<Responder>,
    bot: Option<Context>,
}

/// The interaction and where in its options the invoked subcommand is: shared, never copied, by
/// every clone of a context (the handler's, the hooks', the watchdog's).
#[derive(Debug)]
struct Invocation {
    /// Holds command data (checked when the context was made).
    interaction: Interaction,
    /// The command's name, then its group and subcommand names.
    path: Vec<String>,
    /// How many levels of `data.options` lead to the subcommand's own options.
    depth: usize,
}

impl ApplicationContext {
    /// Reads the command data of `interaction` and walks its subcommand path.
    pub fn new(interaction: Interaction) -> Result<Self, InteractionDataError> {
        let data = interaction.command_data()?;
        let mut path = vec![data.name.clone()];
        let mut options = data.options.as_slice();
        while let [only] = options {
            if !matches!(
                only.kind,
                OptionKind::SubCommand | OptionKind::SubCommandGroup
            ) {
                break;
            }
            path.push(only.name.clone());
            options = &only.options;
        }
        let depth = path.len() - 1;
        Ok(Self::of(Invocation {
            interaction,
            path,
            depth,
        }))
    }

    /// The context of `interaction` as the router resolved it
    /// ([`CommandRegistry::resolve`](super::CommandRegistry::resolve)): the subcommand path is
    /// the resolution's, not walked again.
    ///
    /// ```
    /// use bot_core::command::{ApplicationContext, CommandRegistry, SyncConfig};
    /// use bot_core::model::Interaction;
    /// use bot_core::spec::{CommandSpec, OptionKind, OptionSpec};
    /// let registry = CommandRegistry::from_specs([CommandSpec::chat_input("tag", "Tags")
    ///     .option(OptionSpec::new(OptionKind::SubCommand, "get", "Shows a tag")
    ///         .option(OptionSpec::new(OptionKind::String, "name", "The tag").required(true)))])
    /// .unwrap();
    /// let interaction: Interaction = serde_json::from_value(serde_json::json!({
    ///     "id": "1", "type": 2, "token": "t", "data": {"id": "2", "name": "tag", "type": 1,
    ///         "options": [{"name": "get", "type": 1, "options": [
    ///             {"name": "name", "type": 3, "value": "rules"}]}]}
    /// })).unwrap();
    /// let resolved = registry
    ///     .resolve(interaction.command_data().unwrap(), &SyncConfig::default())
    ///     .unwrap();
    /// let ctx = ApplicationContext::from_resolution(interaction, &resolved).unwrap();
    /// assert_eq!(ctx.command_path(), ["tag", "get"]);
    /// assert_eq!(ctx.argument::<String>("name").unwrap(), "rules");
    /// ```
    pub fn from_resolution(
        interaction: Interaction,
        resolution: &super::Resolution<'_>,
    ) -> Result<Self, InteractionDataError> {
        let data = interaction.command_data()?;
        let mut path = Vec::with_capacity(1 + resolution.depth());
        path.push(data.name.clone());
        path.extend(resolution.below().map(str::to_owned));
        let depth = path.len() - 1;
        Ok(Self::of(Invocation {
            interaction,
            path,
            depth,
        }))
    }

    fn of(invocation: Invocation) -> Self {
        ApplicationContext {
            invocation: Arc::new(invocation),
            responder: None,
            bot: None,
        }
    }

    /// The same context, answering through `http` as `application_id` (what
    /// [`connected`](Self::connected) makes).
    pub(crate) fn connect(
        mut self,
        http: Http,
        application_id: Id<ApplicationMarker>,
        allowed_mentions: Option<AllowedMentions>,
    ) -> Self {
        self.responder = Some(Responder {
            http,
            application_id,
            allowed_mentions,
            answer: Arc::new(Answer::new(tokio::time::Instant::now())),
        });
        self
    }

    /// A context that responds through `http` as `application_id`.
    pub fn connected(
        interaction: Interaction,
        http: Http,
        application_id: Id<ApplicationMarker>,
        allowed_mentions: Option<AllowedMentions>,
    ) -> Result<Self, InteractionDataError> {
        Ok(Self::new(interaction)?.connect(http, application_id, allowed_mentions))
    }

    /// The same context, its interaction received at `at` (when the router got it): the 3 s
    /// window counts from there.
    pub(crate) fn received_at(mut self, at: tokio::time::Instant) -> Self {
        if let Some(responder) = &mut self.responder {
            responder.answer = Arc::new(Answer::new(at));
        }
        self
    }

    /// The context of an invocation the bot received (what the router builds).
    pub(crate) fn with_bot(mut self, bot: Context) -> Self {
        self.bot = Some(bot);
        self
    }

    /// The bot that received the invocation (its [`Context`], on the shard that delivered it);
    /// [`ResponseError::NotConnected`] for a context built with [`new`](Self::new).
    pub fn bot(&self) -> Result<&Context, ResponseError> {
        self.bot.as_ref().ok_or(ResponseError::NotConnected)
    }

    /// The bot's REST client.
    pub fn http(&self) -> Result<&Http, ResponseError> {
        Ok(self.bot()?.http())
    }

    /// The bot's state of type `T` (given with [`BotBuilder::data`](crate::BotBuilder::data)).
    /// A `State<T>` parameter is the checked way: a bot without the type is refused when built.
    pub fn state<T: Send + Sync + 'static>(&self) -> Result<super::State<T>, super::MissingState> {
        self.bot
            .as_ref()
            .and_then(Context::data::<T>)
            .ok_or(super::MissingState {
                type_name: std::any::type_name::<T>(),
            })
    }

    fn responder(&self) -> Result<&Responder, ResponseError> {
        self.responder.as_ref().ok_or(ResponseError::NotConnected)
    }

    /// The answer's state, for a connected context.
    pub(crate) fn answer(&self) -> Option<&Answer> {
        self.responder.as_ref().map(|r| r.answer.as_ref())
    }

    /// When the first response (or deferral) was sent, if it was.
    pub(crate) fn first_response_at(&self) -> Option<std::time::Instant> {
        self.answer().and_then(Answer::first_response_at)
    }

    /// Whether the interaction has been answered or deferred.
    pub fn is_answered(&self) -> bool {
        self.answer()
            .is_some_and(|a| matches!(a.stage(), Stage::Deferred | Stage::Answered))
    }

    /// Whether a message answers the interaction: a response, or a reply that replaced a
    /// deferral's "thinking…" (a deferral alone is not one).
    pub fn has_replied(&self) -> bool {
        self.answer().is_some_and(|a| a.stage() == Stage::Answered)
    }

    /// Whether Discord's 3 s window passed with nothing sent: no response can be sent any more.
    pub fn is_expired(&self) -> bool {
        self.answer().is_some_and(|a| a.stage() == Stage::Expired)
    }

    /// Checks the files of `message` against the interaction's `attachment_size_limit` (the
    /// guild's per-file limit), when it carries one.
    fn check_files(&self, message: &CreateMessage) -> Result<(), ResponseError> {
        match self.invocation.interaction.attachment_size_limit {
            Some(limit) if !message.files.is_empty() => Ok(message.check_files(limit)?),
            _ => Ok(()),
        }
    }

    /// Replies: answers the interaction the first time, then sends follow-ups; after
    /// [`defer`](Self::defer) (or an auto-defer) the first reply replaces the "thinking"
    /// message, keeping its visibility.
    ///
    /// A reply over Discord's limits fails with [`ResponseError::Invalid`] before any request
    /// (so does a file larger than the interaction's `attachment_size_limit`); one after Discord's 3 s window passed unanswered with [`ResponseError::Expired`].
    pub async fn respond(&self, reply: impl Into<Reply>) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        let message = reply
            .into()
            .into_message(responder.allowed_mentions.as_ref());
        message.check()?;
        self.check_files(&message)?;
        let token = &self.invocation.interaction.token;
        match responder.answer.turn().await? {
            Turn::Initial(claim) => {
                let response = InteractionResponse::Message(message);
                self.initial(responder, claim, &response, Stage::Answered)
                    .await?;
            }
            Turn::Deferred => {
                responder
                    .http
                    .edit_original_response(responder.application_id, token, &message)
                    .await?;
                responder.answer.mark_answered();
            }
            Turn::Answered => {
                responder
                    .http
                    .create_followup(responder.application_id, token, &message)
                    .await?;
            }
        }
        Ok(())
    }

    /// Tells Discord an answer is coming (the user sees "thinking"); you then have 15 minutes.
    /// Already deferred (by an earlier call or the auto-defer): nothing to do. Already
    /// answered: [`ResponseError::AlreadyAnswered`].
    pub async fn defer(&self, ephemeral: bool) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        match responder.answer.turn().await? {
            Turn::Initial(claim) => {
                self.initial(
                    responder,
                    claim,
                    &InteractionResponse::deferred(ephemeral),
                    Stage::Deferred,
                )
                .await
            }
            Turn::Deferred => Ok(()),
            Turn::Answered => Err(ResponseError::AlreadyAnswered),
        }
    }

    /// Answers with a modal (a form the user fills in). It must be the first response: after a
    /// deferral [`ResponseError::ModalAfterDefer`] (give a command that may open a modal
    /// `auto_defer = false`), after a reply [`ResponseError::AlreadyAnswered`].
    ///
    /// ```no_run
    /// # use bot_core::command::{ApplicationContext, CommandResult};
    /// # async fn demo(ctx: &ApplicationContext) -> CommandResult {
    /// use bot_core::model::{Label, Modal, TextInput, TextInputStyle};
    /// let input = TextInput::new("good", TextInputStyle::Paragraph);
    /// let form = Modal::new("feedback", "Tell us").component(Label::new("What went well?", input));
    /// ctx.send_modal(form).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_modal(&self, modal: Modal) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        match responder.answer.turn().await? {
            Turn::Initial(claim) => {
                self.initial(
                    responder,
                    claim,
                    &InteractionResponse::Modal(modal),
                    Stage::Answered,
                )
                .await
            }
            Turn::Deferred => Err(ResponseError::ModalAfterDefer),
            Turn::Answered => Err(ResponseError::AlreadyAnswered),
        }
    }

    /// Sends the initial response `response` under `claim`, which it settles at `stage` (or
    /// releases, as the outcome says).
    async fn initial(
        &self,
        responder: &Responder,
        claim: Claim<'_>,
        response: &InteractionResponse,
        stage: Stage,
    ) -> Result<(), ResponseError> {
        let sent = responder
            .http
            .interaction_callback(
                self.invocation.interaction.id,
                &self.invocation.interaction.token,
                response,
            )
            .await;
        claim.settle(&sent, stage);
        Ok(sent?)
    }

    /// The auto-defer's deferral: only if nothing was sent or is being sent, and the window is
    /// open; never waits. The deferral fits the interaction (a component's is a deferred
    /// update). Failures are logged.
    pub(crate) async fn auto_defer(&self, setting: AutoDefer, why: &'static str) {
        let Ok(responder) = self.responder() else {
            return;
        };
        let Some(deferral) = deferral_for(self.invocation.interaction.kind, setting.is_ephemeral())
        else {
            return;
        };
        let Ok(claim) = responder.answer.try_claim() else {
            return;
        };
        let sent = responder
            .http
            .interaction_callback(
                self.invocation.interaction.id,
                &self.invocation.interaction.token,
                &deferral,
            )
            .await;
        claim.settle(&sent, Stage::Deferred);
        match sent {
            Ok(()) => tracing::debug!(why, "deferred for the handler"),
            Err(error) => tracing::warn!(why, %error, "the auto-defer failed"),
        }
    }

    /// Before waiting (for a concurrency slot): defers now, as the command's auto-defer would
    /// later, unless it is off.
    pub(crate) async fn defer_before_waiting(&self) {
        let setting = self
            .answer()
            .and_then(Answer::auto_defer)
            .unwrap_or_default();
        if setting.is_on() {
            self.auto_defer(setting, "waiting for a concurrency slot")
                .await;
        }
    }

    /// The stage once no initial response is in flight; [`ResponseError::Expired`] when the
    /// window passed unanswered.
    async fn settled(&self, responder: &Responder) -> Result<Stage, ResponseError> {
        match responder.answer.settled().await {
            Stage::Expired => Err(responder.answer.expired()),
            stage => Ok(stage),
        }
    }

    /// Sends a follow-up message; answers the message sent.
    pub async fn followup(&self, reply: impl Into<Reply>) -> Result<Message, ResponseError> {
        let responder = self.responder()?;
        self.settled(responder).await?;
        let message = reply
            .into()
            .into_message(responder.allowed_mentions.as_ref());
        self.check_files(&message)?;
        Ok(responder
            .http
            .create_followup(
                responder.application_id,
                &self.invocation.interaction.token,
                &message,
            )
            .await?)
    }

    /// Edits the original response (what the reply leaves out stays as it is); answers the
    /// message as edited.
    pub async fn edit_response(&self, reply: impl Into<Reply>) -> Result<Message, ResponseError> {
        let responder = self.responder()?;
        self.settled(responder).await?;
        let message = reply
            .into()
            .into_message(responder.allowed_mentions.as_ref());
        self.check_files(&message)?;
        let edited = responder
            .http
            .edit_original_response(
                responder.application_id,
                &self.invocation.interaction.token,
                &message,
            )
            .await?;
        responder.answer.mark_answered();
        Ok(edited)
    }

    /// Deletes the original response.
    pub async fn delete_response(&self) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        self.settled(responder).await?;
        Ok(responder
            .http
            .delete_original_response(responder.application_id, &self.invocation.interaction.token)
            .await?)
    }

    /// The interaction.
    pub fn interaction(&self) -> &Interaction {
        &self.invocation.interaction
    }

    /// The command data.
    pub fn data(&self) -> &CommandData {
        match &self.invocation.interaction.data {
            Some(InteractionData::ApplicationCommand(data)) => data,
            // Made only from an interaction with command data, which cannot change behind the
            // `Arc`.
            _ => unreachable!("an ApplicationContext holds command data"),
        }
    }

    /// The invoked command's name, then its group and subcommand names, if any.
    pub fn command_path(&self) -> &[String] {
        &self.invocation.path
    }

    /// The value options of the invoked command or subcommand.
    pub fn options(&self) -> &[DataOption] {
        let mut options = self.data().options.as_slice();
        for _ in 0..self.invocation.depth {
            options = options
                .first()
                .map_or(&[], |level| level.options.as_slice());
        }
        options
    }

    /// The option named `name`, if the user gave it.
    pub fn option(&self, name: &str) -> Option<&DataOption> {
        self.options().iter().find(|o| o.name == name)
    }

    /// The objects the options refer to.
    pub fn resolved(&self) -> &Resolved {
        &self.data().resolved
    }

    /// The invoking user.
    pub fn author(&self) -> Option<&User> {
        self.invocation.interaction.author()
    }

    /// The guild the command ran in, if any.
    pub fn guild_id(&self) -> Option<Id<GuildMarker>> {
        self.invocation.interaction.guild_id
    }

    /// The channel the command ran in.
    pub fn channel_id(&self) -> Option<Id<ChannelMarker>> {
        self.invocation.interaction.channel_id
    }

    /// The invoking user's locale.
    pub fn locale(&self) -> Option<&str> {
        self.invocation.interaction.locale.as_deref()
    }

    /// The option `name` as a `T`: missing, mistyped or unresolvable values are typed errors.
    pub fn argument<T: SlashArgument>(&self, name: &str) -> Result<T, ArgumentError> {
        T::extract(&self.argument_source(name))
    }

    /// Where the option `name` comes from, for [`SlashArgument::extract`].
    pub fn argument_source<'a>(&'a self, name: &'a str) -> ArgumentSource<'a> {
        ArgumentSource {
            name,
            option: self.option(name),
            resolved: self.resolved(),
            guild_id: self.guild_id(),
        }
    }
}
