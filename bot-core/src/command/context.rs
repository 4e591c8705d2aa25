//! The context a command handler receives.

use super::respond::{Responder, Stage};
use super::{ArgumentError, ArgumentSource, Reply, ResponseError, SlashArgument};
use crate::http::Http;
use crate::model::{
    AllowedMentions, ApplicationMarker, ChannelMarker, CommandData, DataOption, GuildMarker, Id,
    Interaction, InteractionDataError, InteractionResponse, Message, Resolved, User,
};
use bot_spec::OptionKind;
use std::sync::Arc;

/// A command invocation: the interaction, the invoked command path and its options.
///
/// `respond` answers the interaction the first time and sends follow-ups after; after `defer` it
/// edits the "thinking" message. A context built with [`ApplicationContext::new`] has no
/// connection: its response methods return [`ResponseError::NotConnected`].
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
    interaction: Arc<Interaction>,
    data: Arc<CommandData>,
    path: Vec<String>,
    options: Vec<DataOption>,
    responder: Option<Responder>,
    bot: Option<crate::Bot>,
}

impl ApplicationContext {
    /// Reads the command data of `interaction` and walks its subcommand path.
    pub fn new(interaction: Interaction) -> Result<Self, InteractionDataError> {
        let data = interaction.command_data()?.clone();
        let mut path = vec![data.name.clone()];
        let mut options = data.options.clone();
        while let [only] = options.as_slice() {
            if !matches!(
                only.kind,
                OptionKind::SubCommand | OptionKind::SubCommandGroup
            ) {
                break;
            }
            path.push(only.name.clone());
            options = only.options.clone();
        }
        Ok(ApplicationContext {
            interaction: Arc::new(interaction),
            data: Arc::new(data),
            path,
            options,
            responder: None,
            bot: None,
        })
    }

    /// A context that responds through `http` as `application_id`.
    pub fn connected(
        interaction: Interaction,
        http: Http,
        application_id: Id<ApplicationMarker>,
        allowed_mentions: Option<AllowedMentions>,
    ) -> Result<Self, InteractionDataError> {
        let mut ctx = Self::new(interaction)?;
        ctx.responder = Some(Responder {
            http,
            application_id,
            allowed_mentions,
            stage: Default::default(),
            first_response: Default::default(),
        });
        Ok(ctx)
    }

    /// The context of an invocation the bot received (what the router builds).
    pub(crate) fn with_bot(mut self, bot: crate::Bot) -> Self {
        self.bot = Some(bot);
        self
    }

    /// The bot that received the invocation; [`ResponseError::NotConnected`] for a context built
    /// with [`new`](Self::new).
    pub fn bot(&self) -> Result<&crate::Bot, ResponseError> {
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
            .and_then(crate::Bot::data::<T>)
            .ok_or(super::MissingState {
                type_name: std::any::type_name::<T>(),
            })
    }

    fn responder(&self) -> Result<&Responder, ResponseError> {
        self.responder.as_ref().ok_or(ResponseError::NotConnected)
    }

    /// When the first response (or deferral) was sent, if it was.
    pub(crate) fn first_response_at(&self) -> Option<std::time::Instant> {
        self.responder
            .as_ref()
            .and_then(|r| *r.first_response.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Whether the interaction has been answered or deferred.
    pub fn is_answered(&self) -> bool {
        self.responder
            .as_ref()
            .is_some_and(|r| r.stage() != Stage::Unanswered)
    }

    /// Whether a message answers the interaction: a response, or a reply that replaced a
    /// deferral's "thinking…" (a deferral alone is not one).
    pub fn has_replied(&self) -> bool {
        self.responder
            .as_ref()
            .is_some_and(|r| r.stage() == Stage::Answered)
    }

    /// Replies: answers the interaction the first time, then sends follow-ups; after
    /// [`defer`](Self::defer) the first reply replaces the "thinking" message.
    ///
    /// A reply over Discord's limits fails with [`ResponseError::Invalid`] before any request.
    pub async fn respond(&self, reply: impl Into<Reply>) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        let message = reply
            .into()
            .into_message(responder.allowed_mentions.as_ref());
        let interaction = &self.interaction;
        match responder.stage() {
            Stage::Unanswered => {
                let response = InteractionResponse::Message(message);
                responder
                    .http
                    .interaction_callback(interaction.id, &interaction.token, &response)
                    .await?;
            }
            Stage::Deferred => {
                message.check()?;
                responder
                    .http
                    .edit_original_response(responder.application_id, &interaction.token, &message)
                    .await?;
            }
            Stage::Answered => {
                responder
                    .http
                    .create_followup(responder.application_id, &interaction.token, &message)
                    .await?;
            }
        }
        responder.set_stage(Stage::Answered);
        Ok(())
    }

    /// Tells Discord an answer is coming (the user sees "thinking"); you then have 15 minutes.
    pub async fn defer(&self, ephemeral: bool) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        if responder.stage() != Stage::Unanswered {
            return Err(ResponseError::AlreadyAnswered);
        }
        responder
            .http
            .interaction_callback(
                self.interaction.id,
                &self.interaction.token,
                &InteractionResponse::deferred(ephemeral),
            )
            .await?;
        responder.set_stage(Stage::Deferred);
        Ok(())
    }

    /// Sends a follow-up message; answers the message sent.
    pub async fn followup(&self, reply: impl Into<Reply>) -> Result<Message, ResponseError> {
        let responder = self.responder()?;
        let message = reply
            .into()
            .into_message(responder.allowed_mentions.as_ref());
        Ok(responder
            .http
            .create_followup(responder.application_id, &self.interaction.token, &message)
            .await?)
    }

    /// Edits the original response (what the reply leaves out stays as it is); answers the
    /// message as edited.
    pub async fn edit_response(&self, reply: impl Into<Reply>) -> Result<Message, ResponseError> {
        let responder = self.responder()?;
        let message = reply
            .into()
            .into_message(responder.allowed_mentions.as_ref());
        let edited = responder
            .http
            .edit_original_response(responder.application_id, &self.interaction.token, &message)
            .await?;
        responder.set_stage(Stage::Answered);
        Ok(edited)
    }

    /// Deletes the original response.
    pub async fn delete_response(&self) -> Result<(), ResponseError> {
        let responder = self.responder()?;
        Ok(responder
            .http
            .delete_original_response(responder.application_id, &self.interaction.token)
            .await?)
    }

    /// The interaction.
    pub fn interaction(&self) -> &Interaction {
        &self.interaction
    }

    /// The command data.
    pub fn data(&self) -> &CommandData {
        &self.data
    }

    /// The invoked command's name, then its group and subcommand names, if any.
    pub fn command_path(&self) -> &[String] {
        &self.path
    }

    /// The value options of the invoked command or subcommand.
    pub fn options(&self) -> &[DataOption] {
        &self.options
    }

    /// The option named `name`, if the user gave it.
    pub fn option(&self, name: &str) -> Option<&DataOption> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The objects the options refer to.
    pub fn resolved(&self) -> &Resolved {
        &self.data.resolved
    }

    /// The invoking user.
    pub fn author(&self) -> Option<&User> {
        self.interaction.author()
    }

    /// The guild the command ran in, if any.
    pub fn guild_id(&self) -> Option<Id<GuildMarker>> {
        self.interaction.guild_id
    }

    /// The channel the command ran in.
    pub fn channel_id(&self) -> Option<Id<ChannelMarker>> {
        self.interaction.channel_id
    }

    /// The invoking user's locale.
    pub fn locale(&self) -> Option<&str> {
        self.interaction.locale.as_deref()
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
