//! The application, the gateway, and the guild reads the runtime needs.

use super::super::{Body, Http, HttpError, Method};
use crate::model::{Application, Gateway, GatewayBot, GuildMarker, Id, Role};

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

    /// `GET /gateway`: the gateway URL alone (Discord needs no token for it; the bot's is
    /// sent anyway). [`gateway_bot`](Self::gateway_bot) adds the shard count and the session
    /// start limit.
    pub async fn gateway(&self) -> Result<Gateway, HttpError> {
        self.typed(Method::GET, "/gateway", Body::Empty).await
    }

    /// `GET /gateway/bot`: the gateway URL, recommended shards and session start limit.
    pub async fn gateway_bot(&self) -> Result<GatewayBot, HttpError> {
        self.typed(Method::GET, "/gateway/bot", Body::Empty).await
    }
}
