//! The fields of INTERACTION_CREATE around `data`: where the interaction comes from and who sent
//! it, as Discord sends them from a guild channel and from the bot's DM (RR "Interaction
//! Object").

use crate::world::{GuildRecord, World};
use serde_json::{Value, json};

/// ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE | USE_EXTERNAL_EMOJIS: `app_permissions` in the
/// bot's DM (RR "Interaction Structure", note \*\*\*; change-log "User-Installable Apps").
pub(crate) const BOT_DM_APP_PERMISSIONS: u64 = (1 << 15) | (1 << 14) | (1 << 17) | (1 << 18);

/// Interaction context GUILD (RR "Interaction Context Types").
const CONTEXT_GUILD: u8 = 0;
/// Interaction context BOT_DM.
const CONTEXT_BOT_DM: u8 = 1;

/// What every interaction carries, wherever it comes from.
pub(super) fn common(world: &World, id: u64, kind: u8, data: Value, token: &str) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": world.application_id.to_string(),
        "type": kind,
        "data": data,
        "token": token,
        "version": 1,
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10_485_760,
    })
}

/// From a guild channel: `guild_id`, `guild`, the channel with the invoker's `permissions`,
/// `member` with `roles` and `permissions`, the bot's `app_permissions`, `guild_locale`, the
/// guild installation as the authorizing owner and `context` 0. No top-level `user`.
pub(super) fn in_guild(
    world: &World,
    mut payload: Value,
    guild: &GuildRecord,
    channel: u64,
    user: u64,
) -> Value {
    let member = guild.member(user).map(|m| {
        let mut member = world.member_json(m, true);
        member["permissions"] = json!(guild.permissions_of(user).to_string());
        member
    });
    let channel_json = guild
        .channel(channel)
        .map(|c| world.partial_channel_json(guild, c, user));
    let fields = json!({
        "guild_id": guild.id.to_string(),
        "guild": {"id": guild.id.to_string(), "locale": "en-US", "features": []},
        "channel": channel_json,
        "channel_id": channel.to_string(),
        "member": member,
        "app_permissions": guild.permissions_of(world.bot_id).to_string(),
        "guild_locale": "en-US",
        "authorizing_integration_owners": {"0": guild.id.to_string()},
        "context": CONTEXT_GUILD,
    });
    merge(&mut payload, fields);
    payload
}

/// From the bot's DM: no `guild_id`, `guild`, `member` or `guild_locale`; the invoker as a
/// top-level `user`; the DM channel (type 1, `recipients`); `app_permissions` as Discord grants
/// in the bot's DM; the guild installation as the authorizing owner with the value `"0"` (RR
/// "Authorizing Integration Owners Object"); `context` 1.
pub(super) fn in_bot_dm(world: &World, mut payload: Value, channel: u64, user: u64) -> Value {
    let fields = json!({
        "channel": world.dm_channel_json(channel),
        "channel_id": channel.to_string(),
        "user": world.public_user_json_by_id(user),
        "app_permissions": BOT_DM_APP_PERMISSIONS.to_string(),
        "authorizing_integration_owners": {"0": "0"},
        "context": CONTEXT_BOT_DM,
    });
    merge(&mut payload, fields);
    payload
}

fn merge(payload: &mut Value, fields: Value) {
    if let (Some(target), Value::Object(fields)) = (payload.as_object_mut(), fields) {
        target.extend(fields);
    }
}
