//! SKUs, entitlements and subscriptions: `GET /applications/{id}/skus`, the entitlement routes
//! (list with Discord's filters, get, create and delete test entitlements, consume) and
//! `GET /skus/{sku}/subscriptions[/{id}]`.

use super::application::form;
use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use crate::world::monetization::EntitlementFilter;
use axum::extract::{Path, Query, Request};
use axum::response::Response;
use serde_json::Value;
use std::collections::HashMap;

/// A query snowflake (`None` when absent; 50035 when not a number).
fn query_id(query: &HashMap<String, String>, field: &str) -> Result<Option<u64>, Response> {
    match query.get(field) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            super::form::field_error(
                field,
                "NUMBER_TYPE_COERCE",
                &format!("Value \"{text}\" is not snowflake."),
            )
        }),
    }
}

/// `limit`: 1 to 100, 100 when absent.
fn query_limit(query: &HashMap<String, String>) -> Result<usize, Response> {
    match query.get("limit") {
        None => Ok(100),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=100).contains(l))
            .ok_or_else(|| {
                super::form::field_error("limit", "NUMBER_TYPE_MAX", "Must be between 1 and 100.")
            }),
    }
}

/// A query boolean (`true`/`false`/`1`/`0`).
fn query_bool(query: &HashMap<String, String>, field: &str, default: bool) -> bool {
    query
        .get(field)
        .map_or(default, |v| matches!(v.as_str(), "true" | "True" | "1"))
}

/// `GET /applications/{id}/skus`.
pub(crate) async fn skus(state: AppState, Path(app): Path<String>) -> Reply {
    let world = state.world();
    world.own_application(&app).map_err(refused)?;
    Ok(ok(Value::Array(world.skus_json())))
}

/// `GET /applications/{id}/entitlements?user_id&sku_ids&guild_id&before&after&limit&
/// exclude_ended&exclude_deleted`.
pub(crate) async fn entitlements(
    state: AppState,
    Path(app): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let mut skus = Vec::new();
    for sku in query
        .get("sku_ids")
        .map(|s| s.split(',').filter(|s| !s.is_empty()).collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let one: HashMap<String, String> = [("sku_ids".to_owned(), sku.to_owned())].into();
        skus.extend(query_id(&one, "sku_ids")?);
    }
    let filter = EntitlementFilter {
        user: query_id(&query, "user_id")?,
        skus,
        guild: query_id(&query, "guild_id")?,
        before: query_id(&query, "before")?,
        after: query_id(&query, "after")?,
        limit: query_limit(&query)?,
        exclude_ended: query_bool(&query, "exclude_ended", false),
        exclude_deleted: query_bool(&query, "exclude_deleted", true),
    };
    Ok(ok(Value::Array(state.world().entitlements_json(&filter))))
}

/// `GET /applications/{id}/entitlements/{entitlement}`.
pub(crate) async fn entitlement(state: AppState, Path((app, id)): Path<(String, String)>) -> Reply {
    let world = state.world();
    world.own_application(&app).map_err(refused)?;
    let id = snowflake(&id, 10029, "Entitlement")?;
    world.entitlement_json(id).map(ok).map_err(refused)
}

/// `POST /applications/{id}/entitlements` `{sku_id, owner_id, owner_type}`: a test
/// entitlement, ENTITLEMENT_CREATE.
pub(crate) async fn create_test(
    state: AppState,
    Path(app): Path<String>,
    request: Request,
) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let body: Value = payload(request).await?;
    let required = |field: &str| {
        body.get(field)
            .and_then(super::form::snowflake_of)
            .ok_or_else(|| {
                super::form::field_error(field, "BASE_TYPE_REQUIRED", "This field is required")
            })
    };
    let (sku, owner, owner_type) = (
        required("sku_id")?,
        required("owner_id")?,
        required("owner_type")?,
    );
    state
        .change(|world| world.create_test_entitlement(sku, owner, owner_type))
        .map(ok)
        .map_err(form)
}

/// `DELETE /applications/{id}/entitlements/{entitlement}`: ENTITLEMENT_DELETE, 204.
pub(crate) async fn delete_test(state: AppState, Path((app, id)): Path<(String, String)>) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let id = snowflake(&id, 10029, "Entitlement")?;
    state
        .change(|world| world.delete_test_entitlement(id))
        .map(|()| no_content())
        .map_err(form)
}

/// `POST /applications/{id}/entitlements/{entitlement}/consume`: ENTITLEMENT_UPDATE, 204.
pub(crate) async fn consume(state: AppState, Path((app, id)): Path<(String, String)>) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let id = snowflake(&id, 10029, "Entitlement")?;
    state
        .change(|world| world.consume_entitlement(id))
        .map(|()| no_content())
        .map_err(form)
}

/// `GET /skus/{sku}/subscriptions?user_id&before&after&limit`.
pub(crate) async fn subscriptions(
    state: AppState,
    Path(sku): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Reply {
    let sku = snowflake(&sku, 10027, "SKU")?;
    let user = query_id(&query, "user_id")?;
    let before = query_id(&query, "before")?;
    let after = query_id(&query, "after")?;
    let limit = query_limit(&query)?;
    state
        .world()
        .subscriptions_json(sku, user, before, after, limit)
        .map(|list| ok(Value::Array(list)))
        .map_err(form)
}

/// `GET /skus/{sku}/subscriptions/{subscription}`.
pub(crate) async fn subscription(
    state: AppState,
    Path((sku, id)): Path<(String, String)>,
) -> Reply {
    let sku = snowflake(&sku, 10027, "SKU")?;
    let id = snowflake(&id, 0, "Subscription")?;
    state.world().subscription(sku, id).map(ok).map_err(refused)
}
