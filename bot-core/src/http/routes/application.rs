//! The application itself: reading and editing it (by `@me` or by id, as Discord and its older
//! OAuth2 route serve it), its activity instances, and files uploaded for its activities.

use super::super::{Body, Http, HttpError, Method, RequestProblem};
use super::{encode, json};
use crate::model::{
    ActivityInstance, Application, ApplicationMarker, Attachment, EditApplication, Id,
};
use serde::Deserialize;

/// The most characters of an activity instance's id (the spec's bound).
const INSTANCE_ID_LENGTH: usize = 152_133;

impl Http {
    /// `PATCH /applications/@me`: changes the bot's application (checked before sending).
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::EditApplication;
    /// let edit = EditApplication::new().interactions_endpoint_url("https://bot.example/i");
    /// let app = http.edit_current_application(&edit).await?;
    /// assert_eq!(app.interactions_endpoint_url.as_deref(), Some("https://bot.example/i"));
    /// # Ok(()) }
    /// ```
    pub async fn edit_current_application(
        &self,
        edit: &EditApplication,
    ) -> Result<Application, HttpError> {
        edit.check()?;
        self.typed(Method::PATCH, "/applications/@me", json(edit)?)
            .await
    }

    /// `GET /applications/{id}`: an application by id (a bot token reads its own only).
    pub async fn application(
        &self,
        application: Id<ApplicationMarker>,
    ) -> Result<Application, HttpError> {
        let path = format!("/applications/{application}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `PATCH /applications/{id}`: changes an application by id (a bot token changes its own
    /// only; checked before sending).
    pub async fn edit_application(
        &self,
        application: Id<ApplicationMarker>,
        edit: &EditApplication,
    ) -> Result<Application, HttpError> {
        edit.check()?;
        let path = format!("/applications/{application}");
        self.typed(Method::PATCH, &path, json(edit)?).await
    }

    /// `GET /oauth2/applications/@me`: the bot's application by Discord's older route (the one
    /// Pycord's `application_info` uses); the same object as
    /// [`application_info`](Self::application_info).
    pub async fn oauth2_application(&self) -> Result<Application, HttpError> {
        self.typed(Method::GET, "/oauth2/applications/@me", Body::Empty)
            .await
    }

    /// `GET /applications/{id}/activity-instances/{instance_id}`: a running instance of the
    /// application's activity.
    pub async fn activity_instance(
        &self,
        application: Id<ApplicationMarker>,
        instance: &str,
    ) -> Result<ActivityInstance, HttpError> {
        let length = instance.chars().count();
        if !(1..=INSTANCE_ID_LENGTH).contains(&length) {
            return Err(RequestProblem::Length {
                field: "instance_id",
                length,
                min: 1,
                max: INSTANCE_ID_LENGTH,
            }
            .into());
        }
        let path = format!(
            "/applications/{application}/activity-instances/{}",
            encode(instance)
        );
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /applications/{id}/attachment`: uploads a file for the application's activity
    /// (to share, say, a picture of a moment) and returns it as an attachment with its url.
    pub async fn upload_application_attachment(
        &self,
        application: Id<ApplicationMarker>,
        filename: &str,
        bytes: Vec<u8>,
    ) -> Result<Attachment, HttpError> {
        /// The answer: the attachment alone.
        #[derive(Deserialize)]
        struct Uploaded {
            attachment: Attachment,
        }
        if bytes.is_empty() {
            return Err(RequestProblem::NotAllowed {
                field: "file",
                why: "an empty file",
            }
            .into());
        }
        let body = Body::File {
            field: "file",
            filename: filename.to_owned(),
            content_type: "application/octet-stream",
            bytes,
        };
        let path = format!("/applications/{application}/attachment");
        let uploaded: Uploaded = self.typed(Method::POST, &path, body).await?;
        Ok(uploaded.attachment)
    }
}
