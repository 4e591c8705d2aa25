//! The other channel routes: invites, webhooks, following an announcement channel, poll voters
//! and ending a poll, soundboard sounds, voice-channel status, group-DM recipients.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{
    Channel, ChannelMarker, CreateInvite, CreateWebhook, FollowedChannel, GuildMarker, Id, Invite,
    Message, MessageMarker, PollAnswerVoters, RequestProblem, SoundboardSoundMarker, User,
    UserMarker, Webhook,
};
use serde_json::json as object;

impl Http {
    /// `GET /channels/{channel}/invites`: the channel's invites.
    pub async fn channel_invites(
        &self,
        channel: Id<ChannelMarker>,
    ) -> Result<Vec<Invite>, HttpError> {
        let path = format!("/channels/{channel}/invites");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /channels/{channel}/invites`: a new invite (checked before sending).
    pub async fn create_channel_invite(
        &self,
        channel: Id<ChannelMarker>,
        invite: &CreateInvite,
        reason: Option<&str>,
    ) -> Result<Invite, HttpError> {
        invite.check()?;
        let path = format!("/channels/{channel}/invites");
        self.typed_with_reason(Method::POST, &path, json(invite)?, reason)
            .await
    }

    /// `GET /channels/{channel}/webhooks`: the channel's webhooks.
    pub async fn channel_webhooks(
        &self,
        channel: Id<ChannelMarker>,
    ) -> Result<Vec<Webhook>, HttpError> {
        let path = format!("/channels/{channel}/webhooks");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /channels/{channel}/webhooks`: a new webhook (checked before sending).
    pub async fn create_webhook(
        &self,
        channel: Id<ChannelMarker>,
        webhook: &CreateWebhook,
        reason: Option<&str>,
    ) -> Result<Webhook, HttpError> {
        webhook.check()?;
        let path = format!("/channels/{channel}/webhooks");
        self.typed_with_reason(Method::POST, &path, json(webhook)?, reason)
            .await
    }

    /// `POST /channels/{channel}/followers`: follows an announcement channel into `target`.
    pub async fn follow_announcement_channel(
        &self,
        channel: Id<ChannelMarker>,
        target: Id<ChannelMarker>,
        reason: Option<&str>,
    ) -> Result<FollowedChannel, HttpError> {
        let path = format!("/channels/{channel}/followers");
        let body = Body::Json(object!({ "webhook_channel_id": target.to_string() }));
        self.typed_with_reason(Method::POST, &path, body, reason)
            .await
    }

    /// `GET /channels/{channel}/polls/{message}/answers/{answer}` page by page (100 a page, by
    /// `after` the last user): who voted for an answer, at most `limit` (`None`: all).
    pub fn poll_answer_voters(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
        answer: u32,
        limit: Option<usize>,
    ) -> Paginated<User> {
        let http = self.clone();
        paginate(
            None,
            limit,
            100,
            move |after: Option<Id<UserMarker>>, size| {
                let http = http.clone();
                let after = after.map_or(String::new(), |id| format!("&after={id}"));
                let path = format!(
                    "/channels/{channel}/polls/{message}/answers/{answer}?limit={size}{after}"
                );
                async move {
                    let page: PollAnswerVoters =
                        http.typed(Method::GET, &path, Body::Empty).await?;
                    let next = page.users.last().map(|u| Some(u.id));
                    Ok((page.users, next))
                }
            },
        )
    }

    /// `POST /channels/{channel}/polls/{message}/expire`: ends a poll the bot made now.
    pub async fn end_poll(
        &self,
        channel: Id<ChannelMarker>,
        message: Id<MessageMarker>,
    ) -> Result<Message, HttpError> {
        let path = format!("/channels/{channel}/polls/{message}/expire");
        self.typed(Method::POST, &path, Body::Empty).await
    }

    /// `POST /channels/{channel}/send-soundboard-sound`: plays a sound in the voice channel
    /// the bot is in (`source_guild` for a sound of another guild).
    pub async fn send_soundboard_sound(
        &self,
        channel: Id<ChannelMarker>,
        sound: Id<SoundboardSoundMarker>,
        source_guild: Option<Id<GuildMarker>>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/send-soundboard-sound");
        let mut body = object!({ "sound_id": sound.to_string() });
        if let Some(guild) = source_guild {
            body["source_guild_id"] = object!(guild.to_string());
        }
        self.unit(Method::POST, &path, Body::Json(body), None).await
    }

    /// `PUT /channels/{channel}/voice-status`: the status of a voice channel (up to 500
    /// characters; `None` clears it).
    pub async fn set_voice_status(
        &self,
        channel: Id<ChannelMarker>,
        status: Option<&str>,
        reason: Option<&str>,
    ) -> Result<(), HttpError> {
        if let Some(status) = status {
            let length = status.chars().count();
            if length > 500 {
                return Err(RequestProblem::Length {
                    field: "status",
                    length,
                    min: 0,
                    max: 500,
                }
                .into());
            }
        }
        let path = format!("/channels/{channel}/voice-status");
        self.unit(
            Method::PUT,
            &path,
            Body::Json(object!({ "status": status })),
            reason,
        )
        .await
    }

    /// `PUT /channels/{channel}/recipients/{user}`: adds a user to a group DM with their
    /// OAuth2 access token (`gdm.join`).
    pub async fn add_group_dm_recipient(
        &self,
        channel: Id<ChannelMarker>,
        user: Id<UserMarker>,
        access_token: &str,
        nick: Option<&str>,
    ) -> Result<Option<Channel>, HttpError> {
        let path = format!("/channels/{channel}/recipients/{user}");
        let body = Body::Json(object!({ "access_token": access_token, "nick": nick }));
        match self.request(Method::PUT, &path, body).await? {
            None => Ok(None),
            Some(value) => serde_json::from_value(value)
                .map(Some)
                .map_err(|e| HttpError::Decode(e.to_string())),
        }
    }

    /// `DELETE /channels/{channel}/recipients/{user}`: removes a user from a group DM.
    pub async fn remove_group_dm_recipient(
        &self,
        channel: Id<ChannelMarker>,
        user: Id<UserMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/channels/{channel}/recipients/{user}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }
}
