//! The application's SKUs and their subscriptions.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use crate::model::{
    ApplicationMarker, Id, Sku, SkuMarker, Subscription, SubscriptionMarker, UserMarker,
};

/// The most subscriptions of one page.
const PAGE: usize = 100;

impl Http {
    /// `GET /applications/{id}/skus`: the application's SKUs (Discord's docs, "List SKUs";
    /// the OpenAPI description leaves the route out).
    pub async fn skus(&self, application: Id<ApplicationMarker>) -> Result<Vec<Sku>, HttpError> {
        let path = format!("/applications/{application}/skus");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `GET /skus/{sku}/subscriptions` page by page (100 a page): `user`'s subscriptions to
    /// `sku` (a bot must name the user), newest first, at most `limit` (`None`: all).
    pub fn sku_subscriptions(
        &self,
        sku: Id<SkuMarker>,
        user: Id<UserMarker>,
        limit: Option<usize>,
    ) -> Paginated<Subscription> {
        let http = self.clone();
        paginate(
            None,
            limit,
            PAGE,
            move |before: Option<Id<SubscriptionMarker>>, size| {
                let http = http.clone();
                let before = before.map_or(String::new(), |id| format!("&before={id}"));
                let path = format!("/skus/{sku}/subscriptions?limit={size}&user_id={user}{before}");
                async move {
                    let mut page: Vec<Subscription> =
                        http.typed(Method::GET, &path, Body::Empty).await?;
                    page.sort_by_key(|s| std::cmp::Reverse(s.id));
                    let next = page.last().map(|s| Some(s.id));
                    Ok((page, next))
                }
            },
        )
    }

    /// `GET /skus/{sku}/subscriptions/{subscription}`: one subscription.
    pub async fn sku_subscription(
        &self,
        sku: Id<SkuMarker>,
        subscription: Id<SubscriptionMarker>,
    ) -> Result<Subscription, HttpError> {
        let path = format!("/skus/{sku}/subscriptions/{subscription}");
        self.typed(Method::GET, &path, Body::Empty).await
    }
}
