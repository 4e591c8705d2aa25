//! A guild's administration: its widget settings and public widget, its vanity invite, the
//! voice regions (Discord's and the guild's), all of its invites, and its incident actions
//! (invites and DMs paused during a raid).

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    EditWidgetSettings, GuildMarker, Id, IncidentActions, IncidentsData, Invite, Timestamp,
    VanityUrl, VoiceRegion, Widget, WidgetSettings,
};

impl Http {
    /// `GET /guilds/{guild}/widget`: the widget's settings. Needs MANAGE_GUILD.
    pub async fn guild_widget_settings(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<WidgetSettings, HttpError> {
        let path = format!("/guilds/{guild}/widget");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /guilds/{guild}/widget`: changes the widget's settings. Needs MANAGE_GUILD.
    pub async fn edit_guild_widget(
        &self,
        guild: Id<GuildMarker>,
        edit: &EditWidgetSettings,
        reason: Option<&str>,
    ) -> Result<WidgetSettings, HttpError> {
        let path = format!("/guilds/{guild}/widget");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `GET /guilds/{guild}/widget.json`: the public widget (50004 when it is off).
    pub async fn guild_widget(&self, guild: Id<GuildMarker>) -> Result<Widget, HttpError> {
        let path = format!("/guilds/{guild}/widget.json");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/vanity-url`: the vanity invite (a `None` code when there is none).
    /// Needs MANAGE_GUILD.
    pub async fn guild_vanity_url(&self, guild: Id<GuildMarker>) -> Result<VanityUrl, HttpError> {
        let path = format!("/guilds/{guild}/vanity-url");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /voice/regions`: Discord's voice regions.
    pub async fn voice_regions(&self) -> Result<Vec<VoiceRegion>, HttpError> {
        self.typed(Method::GET, "/voice/regions", Body::Empty).await
    }

    /// `GET /guilds/{guild}/regions`: the voice regions of a guild, the closest marked
    /// `optimal`.
    pub async fn guild_voice_regions(
        &self,
        guild: Id<GuildMarker>,
    ) -> Result<Vec<VoiceRegion>, HttpError> {
        let path = format!("/guilds/{guild}/regions");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /guilds/{guild}/invites`: the invites of every channel of a guild, with their
    /// metadata. Needs MANAGE_GUILD (or VIEW_AUDIT_LOG).
    pub async fn guild_invites(&self, guild: Id<GuildMarker>) -> Result<Vec<Invite>, HttpError> {
        let path = format!("/guilds/{guild}/invites");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PUT /guilds/{guild}/incident-actions`: pauses (or resumes) invites and DMs between
    /// members, for at most 24 hours (checked before sending). Needs MANAGE_GUILD.
    pub async fn edit_incident_actions(
        &self,
        guild: Id<GuildMarker>,
        actions: &IncidentActions,
    ) -> Result<IncidentsData, HttpError> {
        actions.check(Timestamp::now())?;
        let path = format!("/guilds/{guild}/incident-actions");
        self.typed(Method::PUT, &path, json(actions)?).await
    }
}
