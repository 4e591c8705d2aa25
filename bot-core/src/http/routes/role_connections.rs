//! The application's role-connection metadata records (for linked roles).

use super::super::{Body, Http, HttpError, Method};
use super::json;
use crate::model::{ApplicationMarker, Id, RoleConnectionMetadata, check_role_connection_metadata};

impl Http {
    /// `GET /applications/{id}/role-connections/metadata`: the metadata records.
    pub async fn role_connection_metadata(
        &self,
        application: Id<ApplicationMarker>,
    ) -> Result<Vec<RoleConnectionMetadata>, HttpError> {
        let path = format!("/applications/{application}/role-connections/metadata");
        let records: Option<Vec<RoleConnectionMetadata>> =
            self.typed(Method::GET, &path, Body::Empty).await?;
        Ok(records.unwrap_or_default())
    }

    /// `PUT /applications/{id}/role-connections/metadata`: replaces the metadata records
    /// (at most 5; keys, names and descriptions checked before sending).
    pub async fn set_role_connection_metadata(
        &self,
        application: Id<ApplicationMarker>,
        records: &[RoleConnectionMetadata],
    ) -> Result<Vec<RoleConnectionMetadata>, HttpError> {
        check_role_connection_metadata(records)?;
        let path = format!("/applications/{application}/role-connections/metadata");
        let records: Option<Vec<RoleConnectionMetadata>> =
            self.typed(Method::PUT, &path, json(&records)?).await?;
        Ok(records.unwrap_or_default())
    }
}
