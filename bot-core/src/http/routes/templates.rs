//! Guild templates: one by code (anyone), and a guild's own — listed, created (one per guild),
//! synced with the guild, renamed and deleted (MANAGE_GUILD). Names (1–100 characters) and
//! descriptions (at most 120) are checked before sending.

use super::super::{Body, Http, HttpError, Method};
use super::encode;
use crate::model::{GuildMarker, Id, RequestProblem, Template};
use serde_json::{Map, Value};

fn check_name(name: &str) -> Result<(), HttpError> {
    Ok(RequestProblem::check_length("name", name, 1, 100)?)
}

fn check_description(description: &str) -> Result<(), HttpError> {
    Ok(RequestProblem::check_length(
        "description",
        description,
        0,
        120,
    )?)
}

impl Http {
    /// `GET /guilds/templates/{code}`: a template by its code (10057 when unknown).
    pub async fn template(&self, code: &str) -> Result<Template, HttpError> {
        let path = format!("/guilds/templates/{}", encode(code));
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/templates`: the guild's templates. Needs MANAGE_GUILD.
    pub async fn guild_templates(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<Vec<Template>, HttpError> {
        let path = format!("/guilds/{guild}/templates");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /guilds/{guild}/templates`: saves the guild as a template (a guild has at most
    /// one: 30031). Needs MANAGE_GUILD.
    pub async fn create_guild_template(
        &self,
        guild: Id<GuildMarker>,
        name: &str,
        description: Option<&str>,
    ) -> Result<Template, HttpError> {
        check_name(name)?;
        let mut body = Map::new();
        body.insert("name".to_owned(), name.into());
        if let Some(description) = description {
            check_description(description)?;
            body.insert("description".to_owned(), description.into());
        }
        let path = format!("/guilds/{guild}/templates");
        self.typed(Method::POST, &path, Body::Json(Value::Object(body)))
            .await
    }

    /// `PUT /guilds/{guild}/templates/{code}`: saves the guild again into its template.
    pub async fn sync_guild_template(
        &self,
        guild: Id<GuildMarker>,
        code: &str,
    ) -> Result<Template, HttpError> {
        let path = format!("/guilds/{guild}/templates/{}", encode(code));
        self.typed(Method::PUT, &path, Body::Empty).await
    }

    /// `PATCH /guilds/{guild}/templates/{code}`: a new name and/or description
    /// (`Some(None)` clears it).
    pub async fn edit_guild_template(
        &self,
        guild: Id<GuildMarker>,
        code: &str,
        name: Option<&str>,
        description: Option<Option<&str>>,
    ) -> Result<Template, HttpError> {
        let mut body = Map::new();
        if let Some(name) = name {
            check_name(name)?;
            body.insert("name".to_owned(), name.into());
        }
        if let Some(description) = description {
            if let Some(text) = description {
                check_description(text)?;
            }
            body.insert("description".to_owned(), description.into());
        }
        let path = format!("/guilds/{guild}/templates/{}", encode(code));
        self.typed(Method::PATCH, &path, Body::Json(Value::Object(body)))
            .await
    }

    /// `DELETE /guilds/{guild}/templates/{code}`: deletes the template; the template as it was.
    pub async fn delete_guild_template(
        &self,
        guild: Id<GuildMarker>,
        code: &str,
    ) -> Result<Template, HttpError> {
        let path = format!("/guilds/{guild}/templates/{}", encode(code));
        self.typed(Method::DELETE, &path, Body::Empty).await
    }
}
