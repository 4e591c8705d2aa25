//! The application, the gateway, and the guild reads the runtime needs.

use super::super::{Body, Http, HttpError, Method};
use crate::model::{Application, GatewayBot, GuildMarker, Id, Role};

impl Http {
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
}
