//! Channels: get, modify, delete, permission overwrites, typing.

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{Channel, ChannelMarker, EditChannel, GenericMarker, Id, PermissionOverwrite};
use serde_json::json as object;

impl Http {
    /// `GET /channels/{channel}`: a channel, thread or DM.
    pub async fn channel(&self, channel: Id<ChannelMarker>) -> Result<Channel, HttpError> {
        self.typed(Method::GET, &format!("/channels/{channel}"), Body::Empty)
            .await
    }

    /// `PATCH /channels/{channel}`: changes a channel or thread (checked before sending);
    /// `reason` goes to the guild's audit log.
    pub async fn edit_channel(
        &self,
        channel: Id<ChannelMarker>,
        edit: &EditChannel,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        edit.check()?;
        let path = format!("/channels/{channel}");
        self.typed_with_reason(Method::PATCH, &path, json(edit)?, reason)
            .await
    }

    /// `DELETE /channels/{channel}`: deletes a guild channel or thread (or closes a DM);
    /// answers what was deleted.
    pub async fn delete_channel(
        &self,
        channel: Id<ChannelMarker>,
        reason: Option<&str>,
    ) -> Result<Channel, HttpError> {
        let path = format!("/channels/{channel}");
        self.typed_with_reason(Method::DELETE, &path, Body::Empty, reason)
            .await
    }

    /// `PUT /channels/{channel}/permissions/{id}`: sets the overwrite of a role or member.
    pub async fn set_permission_overwrite(
        &self,
        channel: Id<ChannelMarker>,
        overwrite: &PermissionOverwrite,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/permissions/{}", overwrite.id);
        let body = Body::Json(object!({
            "type": overwrite.kind.value(),
            "allow": overwrite.allow.bits(),
            "deny": overwrite.deny.bits(),
        }));
        self.unit(Method::PUT, &path, body, reason).await
    }

    /// `DELETE /channels/{channel}/permissions/{id}`: removes the overwrite of a role or member.
    pub async fn delete_permission_overwrite(
        &self,
        channel: Id<ChannelMarker>,
        id: Id<GenericMarker>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/permissions/{id}");
        self.unit(Method::DELETE, &path, Body::Empty, reason).await
    }

    /// `POST /channels/{channel}/typing`: shows "the bot is typing" for about 10 seconds (or
    /// until it sends a message).
    pub async fn trigger_typing(&self, channel: Id<ChannelMarker>) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/typing");
        self.unit(Method::POST, &path, Body::Empty, None).await
    }
}
