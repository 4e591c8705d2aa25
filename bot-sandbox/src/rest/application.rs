//! The application: `GET/PATCH /applications/@me` and `/applications/{id}` (the bot's own
//! only), its activity instances, files uploaded for its activities, and its role-connection
//! metadata records.

use super::{AppState, Reply, ok, payload, refused};
use crate::world::app_records::role_metadata_of;
use axum::extract::{FromRequest, Path, Request};
use axum::http::StatusCode;
use serde_json::{Value, json};

/// A 50035 refusal as Discord's field-error body, else the refusal as it is.
pub(crate) fn form(refusal: crate::world::Refusal) -> axum::response::Response {
    if refusal.code == 50035 {
        super::invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
    } else {
        refused(refusal)
    }
}

/// `GET /applications/{id}`: the application (10002 for another one).
pub(crate) async fn get(state: AppState, Path(app): Path<String>) -> Reply {
    let world = state.world();
    world.own_application(&app).map_err(refused)?;
    Ok(ok(world.application_json()))
}

/// `PATCH /applications/@me` and `/applications/{id}`: changes the application, all fields
/// checked before any is kept.
pub(crate) async fn edit(state: AppState, Path(app): Path<String>, request: Request) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let body: Value = payload(request).await?;
    let mut world = state.world();
    world.app_settings.apply(&body).map_err(form)?;
    Ok(ok(world.application_json()))
}

/// `PATCH /applications/@me`.
pub(crate) async fn edit_me(state: AppState, request: Request) -> Reply {
    edit(state, Path("@me".to_owned()), request).await
}

/// `GET /applications/{id}/activity-instances/{instance}` (10002, or 404 for an instance not
/// running).
pub(crate) async fn activity_instance(
    state: AppState,
    Path((app, instance)): Path<(String, String)>,
) -> Reply {
    let world = state.world();
    world.own_application(&app).map_err(refused)?;
    world
        .app_settings
        .activity_instances
        .get(&instance)
        .cloned()
        .map(ok)
        .ok_or_else(|| super::error(axum::http::StatusCode::NOT_FOUND, 0, "404: Not Found"))
}

/// `POST /applications/{id}/attachment` (multipart, one `file`): the file kept, as an
/// attachment with its url.
pub(crate) async fn attachment(
    state: AppState,
    Path(app): Path<String>,
    request: Request,
) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let file = file_part(request).await?;
    let base = format!("http://{}", state.addr);
    let mut world = state.world();
    let id = world.ids.next();
    let url = format!(
        "{base}/attachments/{}/{id}/{}",
        world.application_id, file.filename
    );
    let attachment = json!({
        "id": id.to_string(), "filename": file.filename, "size": file.bytes.len(),
        "url": url, "proxy_url": url,
    });
    world.files.insert(id, file);
    Ok(ok(json!({"attachment": attachment})))
}

/// `GET /applications/{id}/role-connections/metadata`.
pub(crate) async fn role_metadata(state: AppState, Path(app): Path<String>) -> Reply {
    let world = state.world();
    world.own_application(&app).map_err(refused)?;
    Ok(ok(Value::Array(world.app_settings.role_metadata.clone())))
}

/// `PUT /applications/{id}/role-connections/metadata`: replaces the records (at most 5,
/// checked as Discord checks them).
pub(crate) async fn set_role_metadata(
    state: AppState,
    Path(app): Path<String>,
    request: Request,
) -> Reply {
    state.world().own_application(&app).map_err(refused)?;
    let body: Value = payload(request).await?;
    let records = role_metadata_of(&body).map_err(form)?;
    state.world().app_settings.role_metadata = records.clone();
    Ok(ok(Value::Array(records)))
}

/// The multipart body's `file` part (50035 without one, 40005 past the size limit).
async fn file_part(request: Request) -> Result<crate::world::StoredFile, axum::response::Response> {
    let missing = || super::invalid_form("BASE_TYPE_REQUIRED", "file: This field is required");
    let mut multipart = axum::extract::Multipart::from_request(request, &())
        .await
        .map_err(|_| missing())?;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let filename = field.file_name().unwrap_or("file").to_owned();
                let bytes = field.bytes().await.map_err(|_| {
                    super::error(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        40005,
                        "Request entity too large",
                    )
                })?;
                if bytes.is_empty() {
                    return Err(missing());
                }
                return Ok(crate::world::StoredFile {
                    filename,
                    bytes: bytes.to_vec(),
                });
            }
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => return Err(missing()),
        }
    }
}
