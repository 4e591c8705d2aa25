//! The endpoints the runtime uses, as typed calls.

use super::{Body, Http, HttpError};
use crate::model::{
    Application, ApplicationMarker, ChannelMarker, CommandMarker, CreateMessage, GatewayBot,
    GuildMarker, Id, InteractionMarker, InteractionResponse, Message, Role, User,
};
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A stored application command as Discord's JSON: the raw escape hatch of the command routes.
///
/// The SDK has no model of a stored command yet; the sync compares these with the registry's
/// bodies ([`CommandRegistry::payloads`](crate::command::CommandRegistry::payloads)).
pub type RawCommand = serde_json::Value;

fn commands_path(application: Id<ApplicationMarker>, guild: Option<Id<GuildMarker>>) -> String {
    match guild {
        Some(guild) => format!("/applications/{application}/guilds/{guild}/commands"),
        None => format!("/applications/{application}/commands"),
    }
}

/// The body of a message: JSON, or multipart with `payload_json` when it carries files.
fn message_body(payload: &impl Serialize, message: &CreateMessage) -> Result<Body, HttpError> {
    let payload = serde_json::to_value(payload)
        .map_err(|e| HttpError::Decode(format!("the body does not serialize: {e}")))?;
    if message.files.is_empty() {
        return Ok(Body::Json(payload));
    }
    let files = message
        .files
        .iter()
        .map(|file| (file.filename.clone(), file.bytes.clone()))
        .collect();
    Ok(Body::Multipart { payload, files })
}

impl Http {
    /// A request whose JSON answer is decoded as `T`.
    async fn typed<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Body,
    ) -> Result<T, HttpError> {
        let answer = self.json(method, path, body).await?;
        serde_json::from_value(answer).map_err(|e| HttpError::Decode(e.to_string()))
    }

    /// `GET /users/@me`: the bot user.
    pub async fn current_user(&self) -> Result<User, HttpError> {
        self.typed(Method::GET, "/users/@me", Body::Empty).await
    }

    /// `GET /applications/@me`: the application.
    pub async fn application_info(&self) -> Result<Application, HttpError> {
        self.typed(Method::GET, "/applications/@me", Body::Empty)
            .await
    }

    /// `GET /guilds/{guild}/roles`: the guild's roles.
    pub async fn guild_roles(&self, guild: Id<GuildMarker>) -> Result<Vec<Role>, HttpError> {
        self.typed(Method::GET, &format!("/guilds/{guild}/roles"), Body::Empty)
            .await
    }

    /// `GET /gateway/bot`: the gateway URL, recommended shards and session start limit.
    pub async fn gateway_bot(&self) -> Result<GatewayBot, HttpError> {
        self.typed(Method::GET, "/gateway/bot", Body::Empty).await
    }

    /// `GET .../commands?with_localizations=true` of a scope.
    pub async fn commands(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
    ) -> Result<Vec<RawCommand>, HttpError> {
        let path = format!(
            "{}?with_localizations=true",
            commands_path(application, guild)
        );
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PUT .../commands`: replaces every command of a scope; answers the stored commands.
    pub async fn bulk_overwrite_commands(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        commands: &[RawCommand],
    ) -> Result<Vec<RawCommand>, HttpError> {
        let body = Body::Json(RawCommand::Array(commands.to_vec()));
        self.typed(Method::PUT, &commands_path(application, guild), body)
            .await
    }

    /// `POST .../commands`: creates or updates one command by name and type.
    pub async fn upsert_command(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        command: &RawCommand,
    ) -> Result<RawCommand, HttpError> {
        let body = Body::Json(command.clone());
        self.json(Method::POST, &commands_path(application, guild), body)
            .await
    }

    /// `DELETE .../commands/{id}`.
    pub async fn delete_command(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        command: Id<CommandMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("{}/{command}", commands_path(application, guild));
        self.request(Method::DELETE, &path, Body::Empty)
            .await
            .map(|_| ())
    }

    /// `POST /interactions/{id}/{token}/callback`: answers an interaction. A message over
    /// Discord's limits is refused before sending ([`HttpError::Invalid`]).
    pub async fn interaction_callback(
        &self,
        interaction: Id<InteractionMarker>,
        token: &str,
        response: &InteractionResponse,
    ) -> Result<(), HttpError> {
        response.check().map_err(HttpError::Invalid)?;
        let body = match response.message() {
            Some(message) => message_body(response, message)?,
            None => Body::Json(
                serde_json::to_value(response).map_err(|e| HttpError::Decode(e.to_string()))?,
            ),
        };
        let path = format!("/interactions/{interaction}/{token}/callback");
        self.request(Method::POST, &path, body).await.map(|_| ())
    }

    /// `POST /webhooks/{application}/{token}`: a follow-up message. A message over Discord's
    /// limits is refused before sending ([`HttpError::Invalid`]).
    pub async fn create_followup(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
        message: &CreateMessage,
    ) -> Result<Message, HttpError> {
        message.check().map_err(HttpError::Invalid)?;
        let path = format!("/webhooks/{application}/{token}");
        self.typed(Method::POST, &path, message_body(message, message)?)
            .await
    }

    /// `PATCH /webhooks/{application}/{token}/messages/@original`: edits the original
    /// response; what `message` leaves out stays as it is. Checked as an edit
    /// ([`CreateMessage::check_edit`]) before sending.
    pub async fn edit_original_response(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
        message: &CreateMessage,
    ) -> Result<Message, HttpError> {
        message.check_edit().map_err(HttpError::Invalid)?;
        let path = format!("/webhooks/{application}/{token}/messages/@original");
        self.typed(Method::PATCH, &path, message_body(message, message)?)
            .await
    }

    /// `DELETE /webhooks/{application}/{token}/messages/@original`.
    pub async fn delete_original_response(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
    ) -> Result<(), HttpError> {
        let path = format!("/webhooks/{application}/{token}/messages/@original");
        self.request(Method::DELETE, &path, Body::Empty)
            .await
            .map(|_| ())
    }

    /// `POST /channels/{channel}/messages`: sends a message (multipart when it carries files).
    /// A message over Discord's limits is refused before sending ([`HttpError::Invalid`]).
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{CreateMessage, EmbedBuilder, Id};
    /// let report = EmbedBuilder::new().title("Nightly build").build().unwrap();
    /// let sent = http
    ///     .create_message(Id::new(381870553235193857), &CreateMessage::new().embed(report))
    ///     .await?;
    /// println!("sent {}", sent.id);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_message(
        &self,
        channel: Id<ChannelMarker>,
        message: &CreateMessage,
    ) -> Result<Message, HttpError> {
        message.check().map_err(HttpError::Invalid)?;
        let path = format!("/channels/{channel}/messages");
        self.typed(Method::POST, &path, message_body(message, message)?)
            .await
    }
}
