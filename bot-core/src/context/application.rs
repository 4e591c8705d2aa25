//! Pycord's members about the application on a context: `application_info` (asked of Discord
//! each time), `fetch_application`, the role-connection metadata records
//! (`fetch_role_connection_metadata_records`, `update_role_connection_metadata_records`), the
//! SKUs (`fetch_skus`), the entitlements as a stream (`entitlements`) and `store_url`.

use super::Context;
use crate::http::{HttpError, Paginated};
use crate::model::{
    Application, ApplicationMarker, Entitlement, EntitlementQuery, GuildMarker, Id,
    RoleConnectionMetadata, Sku, SkuMarker, UserMarker,
};
use futures_util::TryStreamExt;

impl Context {
    /// The application's id: learned at login, else asked of Discord (`GET /applications/@me`).
    async fn application_id_or_fetch(&self) -> Result<Id<ApplicationMarker>, HttpError> {
        match self.application_id() {
            Some(id) => Ok(id),
            None => Ok(self.http().application_info().await?.id),
        }
    }

    /// The bot's application as Discord has it now (Pycord's `application_info`):
    /// `GET /applications/@me` every time. [`application`](Self::application) is the copy
    /// taken at login.
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// let app = ctx.application_info().await?;
    /// println!("{} is in about {:?} guilds", app.name, app.approximate_guild_count);
    /// # Ok(()) }
    /// ```
    pub async fn application_info(&self) -> Result<Application, HttpError> {
        self.http().application_info().await
    }

    /// An application by id (Pycord's `fetch_application`). Discord answers a bot for its own
    /// application only (10002 Unknown Application otherwise).
    pub async fn fetch_application(
        &self,
        application: Id<ApplicationMarker>,
    ) -> Result<Application, HttpError> {
        self.http().application(application).await
    }

    /// The application's role-connection metadata records (Pycord's
    /// `fetch_role_connection_metadata_records`).
    pub async fn fetch_role_connection_metadata_records(
        &self,
    ) -> Result<Vec<RoleConnectionMetadata>, HttpError> {
        let application = self.application_id_or_fetch().await?;
        self.http().role_connection_metadata(application).await
    }

    /// Replaces the application's role-connection metadata records (Pycord's
    /// `update_role_connection_metadata_records`): at most 5, checked before sending. The
    /// records as Discord stored them.
    pub async fn update_role_connection_metadata_records(
        &self,
        records: &[RoleConnectionMetadata],
    ) -> Result<Vec<RoleConnectionMetadata>, HttpError> {
        let application = self.application_id_or_fetch().await?;
        self.http()
            .set_role_connection_metadata(application, records)
            .await
    }

    /// The application's SKUs (Pycord's `fetch_skus`).
    pub async fn fetch_skus(&self) -> Result<Vec<Sku>, HttpError> {
        let application = self.application_id_or_fetch().await?;
        self.http().skus(application).await
    }

    /// The application's entitlements as a stream (Pycord's `entitlements`): only `user`'s,
    /// only for `skus`, only those with ids `before` / `after` (an entitlement's id or a
    /// snowflake made from a time), at most `limit` (`None`: all; Pycord's default is 100),
    /// only `guild`'s, without those that ended when `exclude_ended`. Deleted ones are left
    /// out, as Discord does by default ([`Http::entitlements`](crate::http::Http::entitlements)
    /// takes an [`EntitlementQuery`] with every filter).
    ///
    /// ```no_run
    /// # async fn demo(ctx: &bot_core::Context) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::Id;
    /// use futures_util::TryStreamExt;
    /// let user = Id::new(80351110224678912);
    /// let owned: Vec<_> = ctx
    ///     .entitlements(Some(user), &[], None, None, Some(100), None, true)
    ///     .try_collect()
    ///     .await?;
    /// # let _ = owned; Ok(()) }
    /// ```
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
        let query = EntitlementQuery {
            user,
            skus: skus.to_vec(),
            before,
            after,
            guild,
            exclude_ended,
            exclude_deleted: true,
        };
        let http = self.http().clone();
        match self.application_id() {
            Some(application) => http.entitlements(application, query, limit),
            None => Box::pin(
                futures_util::stream::once(async move {
                    let application = http.application_info().await?.id;
                    Ok::<_, HttpError>(http.entitlements(application, query, limit))
                })
                .try_flatten(),
            ),
        }
    }

    /// The application's store page (Pycord's `store_url`), after login.
    pub fn store_url(&self) -> Option<String> {
        self.application_id()
            .map(|id| format!("https://discord.com/application-directory/{id}/store"))
    }
}
