//! Building INTERACTION_CREATE from the command the bot registered.

use super::options::{insert, invalid, nest, resolve_user};
use super::{Invoke, InvokeError};
use crate::world::{InteractionRecord, Invoker, World};
use bot_spec::CommandKind;
use serde_json::{Map, Value, json};

/// Builds INTERACTION_CREATE as Discord does, from the command the bot registered.
pub(super) fn build(
    world: &mut World,
    user: u64,
    request: &Invoke<'_>,
) -> Result<(Value, InteractionRecord), InvokeError> {
    let guild = world
        .guild_of_channel(request.channel)
        .cloned()
        .ok_or(InvokeError::UnknownChannel(request.channel))?;
    if !world.users.contains_key(&user) {
        return Err(InvokeError::UnknownUser(user));
    }
    // Only slash commands have subcommand paths; user and message command names may hold spaces.
    let mut path = request.name.split_whitespace();
    let name = match request.kind {
        CommandKind::ChatInput => path.next().unwrap_or_default(),
        _ => request.name,
    };
    let (scope, command) = world
        .commands
        .lookup(Some(guild.id), name, request.kind)
        .map(|(scope, c)| (scope, c.clone()))
        .ok_or_else(|| InvokeError::UnknownCommand(request.name.to_owned()))?;
    let mut resolved = Map::new();
    let mut options = Vec::new();
    if request.kind == CommandKind::ChatInput {
        let names: Vec<&str> = path.collect();
        options = nest(
            world,
            &guild,
            &command.spec.options,
            &names,
            &request.options,
            request.focused,
            &mut resolved,
        )?;
    }
    if let Some(target) = request.target {
        resolve_target(world, &guild, request, target, &mut resolved)?;
    }
    let id = world.ids.next();
    let token = crate::ids::interaction_token();
    let member = guild.member(user).map(|m| {
        let mut member = world.member_json(m, true);
        member["permissions"] = json!(guild.permissions_of(user).to_string());
        member
    });
    let channel = guild
        .channel(request.channel)
        .map(|c| world.partial_channel_json(&guild, c, user));
    let mut data = json!({
        "id": command.id.to_string(),
        "name": command.spec.name,
        "type": command.spec.kind.value(),
    });
    if !options.is_empty() {
        data["options"] = Value::Array(options);
    }
    if !resolved.is_empty() {
        data["resolved"] = Value::Object(resolved);
    }
    if let Some(scope) = scope {
        data["guild_id"] = json!(scope.to_string());
    }
    if let Some(target) = request.target {
        data["target_id"] = json!(target.to_string());
    }
    let payload = json!({
        "id": id.to_string(),
        "application_id": world.application_id.to_string(),
        "type": if request.focused.is_some() { 4 } else { 2 },
        "data": data,
        "guild_id": guild.id.to_string(),
        "guild": {"id": guild.id.to_string(), "locale": "en-US", "features": []},
        "channel": channel,
        "channel_id": request.channel.to_string(),
        "member": member,
        "token": token,
        "version": 1,
        "app_permissions": guild.permissions_of(world.bot_id).to_string(),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": guild.id.to_string()},
        "context": 0,
        "attachment_size_limit": 10_485_760,
    });
    let invoker = Invoker {
        user,
        interaction_type: if request.focused.is_some() { 4 } else { 2 },
        command: request.name.to_owned(),
        command_type: command.spec.kind.value(),
        target_user: request.target.filter(|_| request.kind == CommandKind::User),
        target_message: request
            .target
            .filter(|_| request.kind == CommandKind::Message),
    };
    let record = InteractionRecord::new(id, token, Some(request.channel), Some(guild.id), invoker);
    Ok((payload, record))
}

fn resolve_target(
    world: &World,
    guild: &crate::world::GuildRecord,
    request: &Invoke<'_>,
    target: u64,
    resolved: &mut Map<String, Value>,
) -> Result<(), InvokeError> {
    match request.kind {
        CommandKind::User => {
            if resolve_user(world, guild, target, resolved) {
                Ok(())
            } else {
                Err(InvokeError::UnknownUser(target))
            }
        }
        _ => {
            let message = world
                .messages
                .get(&request.channel)
                .and_then(|list| {
                    list.iter()
                        .find(|m| m.get("id").and_then(Value::as_str) == Some(&target.to_string()))
                })
                .cloned()
                .ok_or_else(|| {
                    invalid(format!(
                        "no message {target} in channel {}",
                        request.channel
                    ))
                })?;
            insert(resolved, "messages", target, message);
            Ok(())
        }
    }
}
