//! The endpoints the runtime uses, as typed calls.

use super::{Body, Http, HttpError};
use crate::model::{
    ApplicationMarker, ChannelMarker, CommandMarker, GuildMarker, Id, InteractionMarker,
};
use reqwest::Method;
use serde_json::Value;

fn commands_path(application: Id<ApplicationMarker>, guild: Option<Id<GuildMarker>>) -> String {
    match guild {
        Some(guild) => format!("/applications/{application}/guilds/{guild}/commands"),
        None => format!("/applications/{application}/commands"),
    }
}

impl Http {
    /// `GET /users/@me`: the bot user.
    pub async fn current_user(&self) -> Result<Value, HttpError> {
        self.json(Method::GET, "/users/@me", Body::Empty).await
    }

    /// `GET /applications/@me`: the application.
    pub async fn application_info(&self) -> Result<Value, HttpError> {
        self.json(Method::GET, "/applications/@me", Body::Empty)
            .await
    }

    /// `GET /gateway/bot`: the gateway URL, recommended shards and session start limit.
    pub async fn gateway_bot(&self) -> Result<Value, HttpError> {
        self.json(Method::GET, "/gateway/bot", Body::Empty).await
    }

    /// `GET .../commands?with_localizations=true` of a scope.
    pub async fn commands(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
    ) -> Result<Value, HttpError> {
        let path = format!(
            "{}?with_localizations=true",
            commands_path(application, guild)
        );
        self.json(Method::GET, &path, Body::Empty).await
    }

    /// `PUT .../commands`: replaces every command of a scope.
    pub async fn bulk_overwrite_commands(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        commands: Value,
    ) -> Result<Value, HttpError> {
        self.json(
            Method::PUT,
            &commands_path(application, guild),
            Body::Json(commands),
        )
        .await
    }

    /// `POST .../commands`: creates or updates one command by name and type.
    pub async fn upsert_command(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        command: Value,
    ) -> Result<Value, HttpError> {
        self.json(
            Method::POST,
            &commands_path(application, guild),
            Body::Json(command),
        )
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

    /// `POST /interactions/{id}/{token}/callback`.
    pub async fn interaction_callback(
        &self,
        interaction: Id<InteractionMarker>,
        token: &str,
        response: Value,
    ) -> Result<(), HttpError> {
        let path = format!("/interactions/{interaction}/{token}/callback");
        self.request(Method::POST, &path, Body::Json(response))
            .await
            .map(|_| ())
    }

    /// `POST /webhooks/{application}/{token}`: a follow-up message.
    pub async fn create_followup(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
        message: Value,
    ) -> Result<Value, HttpError> {
        let path = format!("/webhooks/{application}/{token}");
        self.json(Method::POST, &path, Body::Json(message)).await
    }

    /// `PATCH /webhooks/{application}/{token}/messages/@original`.
    pub async fn edit_original_response(
        &self,
        application: Id<ApplicationMarker>,
        token: &str,
        message: Value,
    ) -> Result<Value, HttpError> {
        let path = format!("/webhooks/{application}/{token}/messages/@original");
        self.json(Method::PATCH, &path, Body::Json(message)).await
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

    /// `POST /channels/{channel}/messages`.
    pub async fn create_message(
        &self,
        channel: Id<ChannelMarker>,
        message: Value,
    ) -> Result<Value, HttpError> {
        let path = format!("/channels/{channel}/messages");
        self.json(Method::POST, &path, Body::Json(message)).await
    }
}
