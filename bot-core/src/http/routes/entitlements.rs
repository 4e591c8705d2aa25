//! The application's entitlements: listed as a stream with Discord's filters, read one by one,
//! granted and taken back for tests, and consumed.

use super::super::paginate::{Paginated, paginate};
use super::super::{Body, Http, HttpError, Method};
use crate::model::{
    ApplicationMarker, Entitlement, EntitlementMarker, EntitlementOwner, EntitlementQuery, Id,
    SkuMarker,
};

/// The most entitlements of one page.
const PAGE: usize = 100;

/// Where the next page starts.
#[derive(Clone, Copy)]
enum Cursor {
    /// Newest first, before this id (`None`: from the newest).
    Before(Option<u64>),
    /// Oldest first, after this id.
    After(u64),
}

impl Http {
    /// `GET /applications/{id}/entitlements` page by page (100 a page): the entitlements
    /// `query` asks for, at most `limit` (`None`: all). Newest first, unless the query has an
    /// `after` and no `before` (then oldest first); with both, newest first down to `after`.
    /// The query is checked first: a stream whose only item is the problem otherwise.
    ///
    /// ```no_run
    /// # async fn demo(http: bot_core::http::Http) -> Result<(), bot_core::http::HttpError> {
    /// use bot_core::model::{EntitlementQuery, Id};
    /// use futures_util::TryStreamExt;
    /// let query = EntitlementQuery::new().user(Id::new(80351110224678912)).exclude_ended(true);
    /// let owned: Vec<_> = http.entitlements(Id::new(1), query, None).try_collect().await?;
    /// # let _ = owned; Ok(()) }
    /// ```
    pub fn entitlements(
        &self,
        application: Id<ApplicationMarker>,
        query: EntitlementQuery,
        limit: Option<usize>,
    ) -> Paginated<Entitlement> {
        if let Err(problem) = query.check() {
            let error = HttpError::from(problem);
            return Box::pin(futures_util::stream::once(async move { Err(error) }));
        }
        let first = match (query.before, query.after) {
            (None, Some(after)) => Cursor::After(after),
            (before, _) => Cursor::Before(before),
        };
        let floor = query.before.and(query.after);
        let filters = query.filters();
        let http = self.clone();
        paginate(first, limit, PAGE, move |cursor, size| {
            let http = http.clone();
            let at = match cursor {
                Cursor::Before(Some(id)) => format!("&before={id}"),
                Cursor::Before(None) => String::new(),
                Cursor::After(id) => format!("&after={id}"),
            };
            let path =
                format!("/applications/{application}/entitlements?limit={size}{at}{filters}");
            async move {
                let mut page: Vec<Entitlement> =
                    http.typed(Method::GET, &path, Body::Empty).await?;
                let next = match cursor {
                    Cursor::After(_) => {
                        page.sort_by_key(|e| e.id);
                        page.last().map(|e| Cursor::After(e.id.get()))
                    }
                    Cursor::Before(_) => {
                        page.sort_by_key(|e| std::cmp::Reverse(e.id));
                        let full = page.len();
                        if let Some(floor) = floor {
                            page.retain(|e| e.id.get() > floor);
                        }
                        // Past `after`: nothing further down is wanted.
                        page.last()
                            .filter(|_| page.len() == full)
                            .map(|e| Cursor::Before(Some(e.id.get())))
                    }
                };
                Ok((page, next))
            }
        })
    }

    /// `GET /applications/{id}/entitlements/{entitlement}`: one entitlement.
    pub async fn entitlement(
        &self,
        application: Id<ApplicationMarker>,
        entitlement: Id<EntitlementMarker>,
    ) -> Result<Entitlement, HttpError> {
        let path = format!("/applications/{application}/entitlements/{entitlement}");
        self.typed(Method::GET, &path, Body::Empty).await
    }

    /// `POST /applications/{id}/entitlements`: grants `sku` to a guild or user for testing
    /// (no payment; ENTITLEMENT_CREATE).
    pub async fn create_test_entitlement(
        &self,
        application: Id<ApplicationMarker>,
        sku: Id<SkuMarker>,
        owner: EntitlementOwner,
    ) -> Result<Entitlement, HttpError> {
        let path = format!("/applications/{application}/entitlements");
        self.typed(Method::POST, &path, Body::Json(owner.body(sku)))
            .await
    }

    /// `DELETE /applications/{id}/entitlements/{entitlement}`: takes back a test entitlement
    /// (ENTITLEMENT_DELETE; Discord refuses for a bought one).
    pub async fn delete_test_entitlement(
        &self,
        application: Id<ApplicationMarker>,
        entitlement: Id<EntitlementMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/applications/{application}/entitlements/{entitlement}");
        self.unit(Method::DELETE, &path, Body::Empty, None).await
    }

    /// `POST /applications/{id}/entitlements/{entitlement}/consume`: marks a one-time
    /// purchase consumed (ENTITLEMENT_UPDATE with `consumed: true`).
    pub async fn consume_entitlement(
        &self,
        application: Id<ApplicationMarker>,
        entitlement: Id<EntitlementMarker>,
    ) -> Result<(), HttpError> {
        let path = format!("/applications/{application}/entitlements/{entitlement}/consume");
        self.unit(Method::POST, &path, Body::Empty, None).await
    }
}
