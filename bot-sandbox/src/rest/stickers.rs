//! A guild's stickers (`/guilds/{guild}/stickers[/{sticker}]`, the upload multipart) and
//! soundboard sounds (`/guilds/{guild}/soundboard-sounds[/{sound}]`).

use super::emojis::{created, form};
use super::{AppState, Reply, error, no_content, ok, payload, refused, snowflake};
use crate::world::stickers::StickerUpload;
use axum::extract::{FromRequest, Multipart, Path, Request};
use axum::http::StatusCode;
use axum::response::Response;

/// The upload's fields: `name`, `tags`, `description` and the `file` part.
async fn upload(request: Request) -> Result<StickerUpload, Response> {
    let bad = || {
        super::invalid_form(
            "CONTENT_TYPE_INVALID",
            "Expected \"multipart/form-data\" with a file",
        )
    };
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| bad())?;
    let mut upload = StickerUpload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err(bad()),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let bytes = field.bytes().await.map_err(|_| {
                error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    40005,
                    "Request entity too large",
                )
            })?;
            upload.file = Some(bytes.to_vec());
        } else {
            let text = field.text().await.map_err(|_| bad())?;
            match name.as_str() {
                "name" => upload.name = Some(text),
                "tags" => upload.tags = Some(text),
                "description" => upload.description = Some(text),
                _ => {}
            }
        }
    }
    Ok(upload)
}

/// `GET /guilds/{guild}/stickers`.
pub(crate) async fn list(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let world = state.world();
    world.acting_guild(guild).map_err(refused)?;
    Ok(ok(serde_json::json!(world.guild_stickers_json(guild))))
}

/// `GET /guilds/{guild}/stickers/{sticker}`.
pub(crate) async fn get(state: AppState, Path((guild, sticker)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let sticker = snowflake(&sticker, 10060, "Sticker")?;
    state
        .world()
        .guild_sticker(guild, sticker)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/stickers` (multipart): 201, GUILD_STICKERS_UPDATE.
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let upload = upload(request).await?;
    state
        .change(|world| world.create_guild_sticker(guild, upload))
        .map(created)
        .map_err(form)
}

/// `PATCH /guilds/{guild}/stickers/{sticker}` `{name?, tags?, description?}`.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, sticker)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let sticker = snowflake(&sticker, 10060, "Sticker")?;
    let body = payload(request).await?;
    state
        .change(|world| world.edit_guild_sticker(guild, sticker, &body))
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/stickers/{sticker}`: 204.
pub(crate) async fn delete(
    state: AppState,
    Path((guild, sticker)): Path<(String, String)>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let sticker = snowflake(&sticker, 10060, "Sticker")?;
    state
        .change(|world| world.delete_guild_sticker(guild, sticker))
        .map(|()| no_content())
        .map_err(refused)
}

/// `GET /guilds/{guild}/soundboard-sounds`.
pub(crate) async fn sounds(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state.world().guild_sounds(guild).map(ok).map_err(refused)
}

/// `GET /guilds/{guild}/soundboard-sounds/{sound}`.
pub(crate) async fn sound(state: AppState, Path((guild, sound)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let sound = snowflake(&sound, 10097, "Sound")?;
    state
        .world()
        .guild_sound(guild, sound)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/soundboard-sounds`: 201, GUILD_SOUNDBOARD_SOUND_CREATE.
pub(crate) async fn create_sound(
    state: AppState,
    Path(guild): Path<String>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .change(|world| world.create_guild_sound(guild, &body))
        .map(created)
        .map_err(form)
}

/// `PATCH /guilds/{guild}/soundboard-sounds/{sound}`: GUILD_SOUNDBOARD_SOUND_UPDATE.
pub(crate) async fn edit_sound(
    state: AppState,
    Path((guild, sound)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let sound = snowflake(&sound, 10097, "Sound")?;
    let body = payload(request).await?;
    state
        .change(|world| world.edit_guild_sound(guild, sound, &body))
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/soundboard-sounds/{sound}`: 204, GUILD_SOUNDBOARD_SOUND_DELETE.
pub(crate) async fn delete_sound(
    state: AppState,
    Path((guild, sound)): Path<(String, String)>,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let sound = snowflake(&sound, 10097, "Sound")?;
    state
        .change(|world| world.delete_guild_sound(guild, sound))
        .map(|()| no_content())
        .map_err(refused)
}
