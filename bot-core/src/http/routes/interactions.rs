//! Answers to interactions: the callback, follow-ups, and the original response.

use super::super::{Body, Http, HttpError, Method};
use super::{json, message_body};
use crate::model::{
    ApplicationMarker, CreateMessage, Id, InteractionMarker, InteractionResponse, Message,
};

impl Http {
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
            None => json(response)?,
        };
        let path = format!("/interactions/{interaction}/{token}/callback");
        self.unit(Method::POST, &path, body, None).await
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
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }
}
