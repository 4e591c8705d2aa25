//! Discord's catalog: `GET /stickers/{id}`, `GET /sticker-packs`, `GET /sticker-packs/{pack}`
//! and `GET /soundboard-default-sounds`.

use super::{AppState, Reply, ok, snowflake, unknown};
use axum::extract::Path;

/// `GET /stickers/{sticker}`: a standard sticker, or a guild's.
pub(crate) async fn sticker(state: AppState, Path(id): Path<String>) -> Reply {
    let id = snowflake(&id, 10060, "Sticker")?;
    let world = state.world();
    world
        .catalog
        .sticker(id)
        .or_else(|| world.find_guild_sticker(id))
        .map(ok)
        .ok_or_else(|| unknown(10060, "Sticker"))
}

/// `GET /sticker-packs`.
pub(crate) async fn packs(state: AppState) -> Reply {
    Ok(ok(state.world().catalog.packs_json()))
}

/// `GET /sticker-packs/{pack}`.
pub(crate) async fn pack(state: AppState, Path(id): Path<String>) -> Reply {
    let id = snowflake(&id, 10061, "Sticker Pack")?;
    state
        .world()
        .catalog
        .pack(id)
        .map(ok)
        .ok_or_else(|| unknown(10061, "Sticker Pack"))
}

/// `GET /soundboard-default-sounds`: Discord's default sounds (py-cord waits for this list
/// before `on_ready`).
pub(crate) async fn default_sounds(state: AppState) -> Reply {
    Ok(ok(state.world().catalog.sounds_json()))
}
