//! Building INTERACTION_CREATE from the command the bot registered.

use super::envelope;
use super::options::{insert, invalid, nest, resolve_user};
use super::{Invoke, InvokeError, Place};
use crate::world::{GuildRecord, InteractionRecord, Invoker, StoredCommand, World};
use bot_spec::{CommandKind, InteractionContextType};
use serde_json::{Map, Value, json};

/// Where an interaction happens, once resolved.
enum Location {
    /// A guild channel.
    Guild(GuildRecord, u64),
    /// The invoker's DM channel with the bot.
    BotDm(u64),
}

impl Location {
    fn channel(&self) -> u64 {
        match self {
            Location::Guild(_, channel) | Location::BotDm(channel) => *channel,
        }
    }

    fn guild(&self) -> Option<&GuildRecord> {
        match self {
            Location::Guild(guild, _) => Some(guild),
            Location::BotDm(_) => None,
        }
    }

    fn context(&self) -> InteractionContextType {
        match self {
            Location::Guild(..) => InteractionContextType::Guild,
            Location::BotDm(_) => InteractionContextType::BotDm,
        }
    }
}

fn locate(world: &mut World, user: u64, place: Place) -> Result<Location, InvokeError> {
    if !world.users.contains_key(&user) {
        return Err(InvokeError::UnknownUser(user));
    }
    match place {
        Place::Channel(channel) => world
            .guild_of_channel(channel)
            .cloned()
            .map(|guild| Location::Guild(guild, channel))
            .ok_or(InvokeError::UnknownChannel(channel)),
        // A bot has no DM with the bot.
        Place::BotDm => world
            .dm_channel(user)
            .map(Location::BotDm)
            .ok_or(InvokeError::UnknownUser(user)),
    }
}

/// The command a user picks where they are: guild commands first, then global ones; in the bot's
/// DM global ones only. Refused where its contexts exclude the place, and (age-restricted
/// commands) in a guild channel that is not age-restricted (AC "Age-Restricted Commands"); in
/// the bot's DM the user is taken to have allowed age-restricted commands.
fn pick(
    world: &World,
    location: &Location,
    name: &str,
    request: &Invoke<'_>,
) -> Result<(Option<u64>, StoredCommand), InvokeError> {
    let unknown = || InvokeError::UnknownCommand(request.name.to_owned());
    let (scope, command) = match location {
        Location::Guild(guild, _) => world.commands.lookup(Some(guild.id), name, request.kind),
        Location::BotDm(_) => world.commands.lookup(None, name, request.kind),
    }
    .map(|(scope, c)| (scope, c.clone()))
    .ok_or_else(unknown)?;
    if !command.allows(location.context(), scope.is_none()) {
        return Err(InvokeError::ContextExcluded(request.name.to_owned()));
    }
    if let Location::Guild(guild, channel) = location
        && command.spec.nsfw
        && !guild.channel(*channel).is_some_and(|c| c.nsfw)
    {
        return Err(InvokeError::AgeRestricted(request.name.to_owned()));
    }
    Ok((scope, command))
}

/// Builds INTERACTION_CREATE as Discord does, from the command the bot registered.
pub(super) fn build(
    world: &mut World,
    user: u64,
    request: &Invoke<'_>,
) -> Result<(Value, InteractionRecord), InvokeError> {
    let location = locate(world, user, request.place)?;
    let channel = location.channel();
    // Only slash commands have subcommand paths; user and message command names may hold spaces.
    let mut path = request.name.split_whitespace();
    let name = match request.kind {
        CommandKind::ChatInput => path.next().unwrap_or_default(),
        _ => request.name,
    };
    let (scope, command) = pick(world, &location, name, request)?;
    let mut resolved = Map::new();
    let mut options = Vec::new();
    if request.kind == CommandKind::ChatInput {
        let names: Vec<&str> = path.collect();
        options = nest(
            world,
            location.guild(),
            &command.spec.options,
            &names,
            &request.options,
            request.focused,
            &mut resolved,
        )?;
    }
    if let Some(target) = request.target {
        resolve_target(
            world,
            location.guild(),
            channel,
            request,
            target,
            &mut resolved,
        )?;
    }
    let id = world.ids.next();
    let token = crate::ids::interaction_token();
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
    let interaction_type = if request.focused.is_some() { 4 } else { 2 };
    let common = envelope::common(world, id, interaction_type, data, &token);
    let payload = match &location {
        Location::Guild(guild, _) => envelope::in_guild(world, common, guild, channel, user),
        Location::BotDm(_) => envelope::in_bot_dm(world, common, channel, user),
    };
    let invoker = Invoker {
        user,
        interaction_type,
        command: request.name.to_owned(),
        command_type: command.spec.kind.value(),
        target_user: request.target.filter(|_| request.kind == CommandKind::User),
        target_message: request
            .target
            .filter(|_| request.kind == CommandKind::Message),
    };
    let guild_id = location.guild().map(|g| g.id);
    let record = InteractionRecord::new(id, token, Some(channel), guild_id, invoker);
    Ok((payload, record))
}

fn resolve_target(
    world: &World,
    guild: Option<&GuildRecord>,
    channel: u64,
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
                .get(&channel)
                .and_then(|list| {
                    list.iter()
                        .find(|m| m.get("id").and_then(Value::as_str) == Some(&target.to_string()))
                })
                .cloned()
                .ok_or_else(|| invalid(format!("no message {target} in channel {channel}")))?;
            insert(resolved, "messages", target, message);
            Ok(())
        }
    }
}
