//! Pycord's members about the application on the bot: one-line delegations to their
//! [`Context`](crate::Context) namesakes (`application_info`, `fetch_application`,
//! `fetch_role_connection_metadata_records`, `update_role_connection_metadata_records`,
//! `fetch_skus`, `entitlements`, `store_url`).

use super::Bot;
use crate::http::{HttpError, Paginated};
use crate::model::{
    Application, ApplicationMarker, Entitlement, GuildMarker, Id, RoleConnectionMetadata, Sku,
    SkuMarker, UserMarker,
};

/// The application, its SKUs, entitlements and linked-role metadata, from Discord.
impl Bot {
    /// The application as Discord has it now
    /// ([`Context::application_info`](crate::Context::application_info)).
    pub async fn application_info(&self) -> Result<Application, HttpError> {
        self.context.application_info().await
    }

    /// An application by id ([`Context::fetch_application`](crate::Context::fetch_application)).
    pub async fn fetch_application(
        &self,
        application: Id<ApplicationMarker>,
    ) -> Result<Application, HttpError> {
        self.context.fetch_application(application).await
    }

    /// The role-connection metadata records
    /// ([`Context::fetch_role_connection_metadata_records`](crate::Context::fetch_role_connection_metadata_records)).
    pub async fn fetch_role_connection_metadata_records(
        &self,
    ) -> Result<Vec<RoleConnectionMetadata>, HttpError> {
        self.context.fetch_role_connection_metadata_records().await
    }

    /// Replaces the role-connection metadata records
    /// ([`Context::update_role_connection_metadata_records`](crate::Context::update_role_connection_metadata_records)).
    pub async fn update_role_connection_metadata_records(
        &self,
        records: &[RoleConnectionMetadata],
    ) -> Result<Vec<RoleConnectionMetadata>, HttpError> {
        self.context
            .update_role_connection_metadata_records(records)
            .await
    }

    /// The application's SKUs ([`Context::fetch_skus`](crate::Context::fetch_skus)).
    pub async fn fetch_skus(&self) -> Result<Vec<Sku>, HttpError> {
        self.context.fetch_skus().await
    }

    /// The application's entitlements as a stream
    /// ([`Context::entitlements`](crate::Context::entitlements)).
    #[allow(clippy::too_many_arguments)] // Pycord's signature, one argument each.
    pub fn entitlements(
        &self,
        user: Option<Id<UserMarker>>,
        skus: &[Id<SkuMarker>],
        before: Option<u64>,
        after: Option<u64>,
        limit: Option<usize>,
        guild: Option<Id<GuildMarker>>,
        exclude_ended: bool,
    ) -> Paginated<Entitlement> {
        self.context
            .entitlements(user, skus, before, after, limit, guild, exclude_ended)
    }

    /// The application's store page ([`Context::store_url`](crate::Context::store_url)).
    pub fn store_url(&self) -> Option<String> {
        self.context.store_url()
    }
}
