//! Stage instances: start a stage in a stage channel, read, change and end it. The bot must be
//! a moderator of the stage (MANAGE_CHANNELS, MUTE_MEMBERS and MOVE_MEMBERS in the channel);
//! topics are checked before sending.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{ChannelMarker, CreateStageInstance, EditStageInstance, Id, StageInstance};

impl Http {
    /// `POST /stage-instances`: starts a stage (STAGE_INSTANCE_CREATE). A channel that is not
    /// a stage channel, or one already live, is refused by Discord.
    pub async fn create_stage_instance(
        &self,
        stage: &CreateStageInstance,
        reason: Option<&str>,
    ) -> Result<StageInstance, HttpError> {
        stage.check()?;
        self.typed_with_reason(Method::POST, "/stage-instances", json(stage)?, reason)
            .await
    }

    /// `GET /stage-instances/{channel}`: the live stage of a stage channel (10067 when none).
    pub async fn stage_instance(
        &self,
        channel: Id<ChannelMarker>,
    ) -> Result<StageInstance, HttpError> {
        let path = format!("/stage-instances/{channel}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /stage-instances/{channel}`: changes a live stage (STAGE_INSTANCE_UPDATE).
    pub async fn edit_stage_instance(
        &self,
        channel: Id<ChannelMarker>,
        edit: &EditStageInstance,
        reason: Option<&str>,
    ) -> Result<StageInstance, HttpError> {
        edit.check()?;
        let path = format!("/stage-instances/{channel}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `DELETE /stage-instances/{channel}`: ends a live stage (STAGE_INSTANCE_DELETE).
    pub async fn delete_stage_instance(
        &self,
        channel: Id<ChannelMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/stage-instances/{channel}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }
}
