//! Auto-moderation rules: `GET/POST /guilds/{guild}/auto-moderation/rules`,
//! `GET/PATCH/DELETE /guilds/{guild}/auto-moderation/rules/{rule}`.

use super::{AppState, Reply, no_content, ok, payload, refused, snowflake};
use axum::extract::{Path, Request};

/// A 50035 refusal as Discord's field-error body.
fn form(refusal: crate::world::Refusal) -> axum::response::Response {
    if refusal.code == 50035 {
        super::invalid_form("BASE_TYPE_BAD_VALUE", &refusal.message)
    } else {
        refused(refusal)
    }
}

/// `GET /guilds/{guild}/auto-moderation/rules`.
pub(crate) async fn list(state: AppState, Path(guild): Path<String>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    state
        .world()
        .auto_moderation_rules(guild)
        .map(ok)
        .map_err(refused)
}

/// `POST /guilds/{guild}/auto-moderation/rules`: AUTO_MODERATION_RULE_CREATE.
pub(crate) async fn create(state: AppState, Path(guild): Path<String>, request: Request) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let body = payload(request).await?;
    state
        .change(|world| world.create_auto_moderation_rule(guild, &body))
        .map(ok)
        .map_err(form)
}

/// `GET /guilds/{guild}/auto-moderation/rules/{rule}`.
pub(crate) async fn get(state: AppState, Path((guild, rule)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let rule = rule
        .parse()
        .map_err(|_| refused(crate::world::unknown_rule()))?;
    state
        .world()
        .auto_moderation_rule(guild, rule)
        .map(ok)
        .map_err(refused)
}

/// `PATCH /guilds/{guild}/auto-moderation/rules/{rule}`: AUTO_MODERATION_RULE_UPDATE.
pub(crate) async fn edit(
    state: AppState,
    Path((guild, rule)): Path<(String, String)>,
    request: Request,
) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let rule = rule
        .parse()
        .map_err(|_| refused(crate::world::unknown_rule()))?;
    let body = payload(request).await?;
    state
        .change(|world| world.edit_auto_moderation_rule(guild, rule, &body))
        .map(ok)
        .map_err(form)
}

/// `DELETE /guilds/{guild}/auto-moderation/rules/{rule}`: AUTO_MODERATION_RULE_DELETE.
pub(crate) async fn delete(state: AppState, Path((guild, rule)): Path<(String, String)>) -> Reply {
    let guild = snowflake(&guild, 10004, "Guild")?;
    let rule = rule
        .parse()
        .map_err(|_| refused(crate::world::unknown_rule()))?;
    state
        .change(|world| world.delete_auto_moderation_rule(guild, rule))
        .map(|()| no_content())
        .map_err(refused)
}
