//! Application commands, global and per guild, as JSON (the registry's sync compares them).

use super::super::{Body, Http, HttpError, Method};
use crate::model::{
    ApplicationCommandPermissions, ApplicationMarker, CommandMarker, GuildMarker, Id,
};

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

impl Http {
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

    /// `GET .../commands/{id}`: one command (10063 Unknown Application Command).
    pub async fn command(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        command: Id<CommandMarker>,
    ) -> Result<RawCommand, HttpError> {
        let path = format!("{}/{command}", commands_path(application, guild));
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH .../commands/{id}`: changes the fields of one command that `edit` sets; answers
    /// the stored command.
    pub async fn edit_command(
        &self,
        application: Id<ApplicationMarker>,
        guild: Option<Id<GuildMarker>>,
        command: Id<CommandMarker>,
        edit: &RawCommand,
    ) -> Result<RawCommand, HttpError> {
        let path = format!("{}/{command}", commands_path(application, guild));
        self.typed(Method::PATCH, &path, Body::Json(edit.clone()))
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
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `GET /applications/{app}/guilds/{guild}/commands/permissions`: the permissions set on
    /// the application's commands in a guild (by its admins; setting them needs a user's
    /// Bearer token, not the bot's).
    pub async fn command_permissions(
        &self,
        application: Id<ApplicationMarker>,
        guild: Id<GuildMarker>,
    ) -> Result<Vec<ApplicationCommandPermissions>, HttpError> {
        let path = format!("/applications/{application}/guilds/{guild}/commands/permissions");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET .../guilds/{guild}/commands/{id}/permissions`: the permissions of one command (the
    /// application's id for its defaults); 10066 Unknown application command permissions when
    /// none were set.
    pub async fn command_permissions_of(
        &self,
        application: Id<ApplicationMarker>,
        guild: Id<GuildMarker>,
        command: Id<CommandMarker>,
    ) -> Result<ApplicationCommandPermissions, HttpError> {
        let path =
            format!("/applications/{application}/guilds/{guild}/commands/{command}/permissions");
        self.typed(Method::GET, &path, Body::Empty).await
    }
}
