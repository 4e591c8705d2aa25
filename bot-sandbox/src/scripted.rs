//! Scripted users: they invoke the commands the bot registered and send messages, as a person in
//! Discord's client would.

use crate::Shared;
use crate::world::{InteractionRecord, Invocation, World};
use bot_spec::{ChoiceValue, CommandKind, OptionKind, OptionSpec};
use serde_json::{Map, Value, json};
use std::fmt;
use std::sync::Arc;

/// Why an invocation was refused before reaching the bot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvokeError {
    /// The channel is not in any guild of the world.
    UnknownChannel(u64),
    /// The user is unknown.
    UnknownUser(u64),
    /// The bot registered no such command where the user is.
    UnknownCommand(String),
    /// The options do not match the registered command (Discord's client would not send them).
    InvalidOptions(String),
}

impl fmt::Display for InvokeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvokeError::UnknownChannel(id) => write!(f, "no channel {id} in any guild"),
            InvokeError::UnknownUser(id) => write!(f, "no user {id}"),
            InvokeError::UnknownCommand(name) => {
                write!(f, "the bot registered no command `{name}` here")
            }
            InvokeError::InvalidOptions(why) => {
                write!(f, "options do not match the command: {why}")
            }
        }
    }
}

impl std::error::Error for InvokeError {}

/// A user of the world who acts through Discord's client.
#[derive(Clone, Debug)]
pub struct ScriptedUser {
    shared: Arc<Shared>,
    id: u64,
}

/// What an interaction is built from.
struct Invoke<'a> {
    channel: u64,
    name: &'a str,
    kind: CommandKind,
    options: Value,
    target: Option<u64>,
    /// For an autocomplete interaction (type 4), the option being typed.
    focused: Option<&'a str>,
}

impl ScriptedUser {
    pub(crate) fn new(shared: Arc<Shared>, id: u64) -> Self {
        ScriptedUser { shared, id }
    }

    /// Invokes a slash command in `channel`. `path` is the command name, then its group and
    /// subcommand names separated by spaces (`"perm user get"`); `options` is a JSON object of
    /// option name to value (ids for users, channels, roles and mentionables).
    pub async fn slash(
        &self,
        channel: u64,
        path: &str,
        options: Value,
    ) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            channel,
            name: path,
            kind: CommandKind::ChatInput,
            options,
            target: None,
            focused: None,
        })
    }

    /// Invokes a user command on `target` in `channel`.
    pub async fn user_command(
        &self,
        channel: u64,
        name: &str,
        target: u64,
    ) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            channel,
            name,
            kind: CommandKind::User,
            options: json!({}),
            target: Some(target),
            focused: None,
        })
    }

    /// Invokes a message command on the message `target` of `channel`.
    pub async fn message_command(
        &self,
        channel: u64,
        name: &str,
        target: u64,
    ) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            channel,
            name,
            kind: CommandKind::Message,
            options: json!({}),
            target: Some(target),
            focused: None,
        })
    }

    /// Types into the autocomplete option `focused` of a slash command: the bot receives an
    /// APPLICATION_COMMAND_AUTOCOMPLETE interaction (type 4) with the partial `options`, and
    /// answers with choices (callback type 8).
    pub async fn autocomplete(
        &self,
        channel: u64,
        path: &str,
        options: Value,
        focused: &str,
    ) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            channel,
            name: path,
            kind: CommandKind::ChatInput,
            options,
            target: None,
            focused: Some(focused),
        })
    }

    /// Sends a message to `channel`; the bot receives MESSAGE_CREATE. Returns the message.
    pub async fn send_message(&self, channel: u64, content: &str) -> Result<Value, InvokeError> {
        let (message, guild) = {
            let mut world = self.shared.world();
            let guild = world
                .guild_of_channel(channel)
                .map(|g| g.id)
                .ok_or(InvokeError::UnknownChannel(channel))?;
            if !world.users.contains_key(&self.id) {
                return Err(InvokeError::UnknownUser(self.id));
            }
            let id = world.ids.next();
            let mut message = crate::rest::build_message(
                &world,
                channel,
                self.id,
                &json!({"content": content}),
                id,
                0,
            );
            if let Some(member) = world.guilds.get(&guild).and_then(|g| g.member(self.id)) {
                message["member"] = world.member_json(member, false);
            }
            world
                .messages
                .entry(channel)
                .or_default()
                .push(message.clone());
            (message, guild)
        };
        self.shared.gateway.dispatch_to_guild(
            &self.shared,
            Some(guild),
            "MESSAGE_CREATE",
            message.clone(),
        );
        Ok(message)
    }

    fn invoke(&self, request: Invoke<'_>) -> Result<Invocation, InvokeError> {
        let (payload, record) = {
            let mut world = self.shared.world();
            build(&mut world, self.id, &request)?
        };
        let invocation = Invocation {
            id: record.id,
            created: record.created,
            deadline: self.shared.timings.interaction_deadline,
            state: record.state.subscribe(),
        };
        let guild = record.guild_id;
        self.shared.world().interactions.insert(record.id, record);
        self.shared
            .gateway
            .dispatch_to_guild(&self.shared, guild, "INTERACTION_CREATE", payload);
        Ok(invocation)
    }
}

/// Builds INTERACTION_CREATE as Discord does, from the command the bot registered.
fn build(
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
    let record = InteractionRecord::new(id, token, Some(request.channel), Some(guild.id));
    Ok((payload, record))
}

fn invalid(why: impl Into<String>) -> InvokeError {
    InvokeError::InvalidOptions(why.into())
}

/// The options array for the subcommand `path` (empty: the command itself).
fn nest(
    world: &World,
    guild: &crate::world::GuildRecord,
    specs: &[OptionSpec<'static>],
    path: &[&str],
    given: &Value,
    focused: Option<&str>,
    resolved: &mut Map<String, Value>,
) -> Result<Vec<Value>, InvokeError> {
    if let Some((first, rest)) = path.split_first() {
        let spec = specs
            .iter()
            .find(|s| s.name == *first && s.kind.is_subcommand_like())
            .ok_or_else(|| invalid(format!("no subcommand or group `{first}`")))?;
        let inner = nest(world, guild, &spec.options, rest, given, focused, resolved)?;
        let mut option = json!({"name": spec.name, "type": spec.kind.value()});
        option["options"] = Value::Array(inner);
        return Ok(vec![option]);
    }
    if specs.iter().any(|s| s.kind.is_subcommand_like()) {
        return Err(invalid("this command needs a subcommand path"));
    }
    let given = match given {
        Value::Object(map) => map.clone(),
        Value::Null => Map::new(),
        Value::Array(items) if items.is_empty() => Map::new(),
        _ => return Err(invalid("options must be a JSON object of name to value")),
    };
    if let Some(unknown) = given
        .keys()
        .find(|k| !specs.iter().any(|s| s.name == k.as_str()))
    {
        return Err(invalid(format!("no option `{unknown}`")));
    }
    if let Some(name) = focused
        && !specs.iter().any(|s| s.name == name && s.autocomplete)
    {
        return Err(invalid(format!("option `{name}` has no autocomplete")));
    }
    let mut out = Vec::new();
    for spec in specs {
        let is_focused = focused == Some(spec.name.as_ref());
        match given.get(spec.name.as_ref()) {
            // While typing, required options may still be missing (AC L1050-1078).
            None if spec.required && focused.is_none() => {
                return Err(invalid(format!(
                    "required option `{}` is missing",
                    spec.name
                )));
            }
            None => {}
            Some(value) if is_focused => {
                // The value being typed may be partial: sent as typed, not checked.
                out.push(json!({"name": spec.name, "type": spec.kind.value(), "value": value, "focused": true}));
            }
            Some(value) => {
                let value = check_value(world, guild, spec, value, resolved)?;
                out.push(json!({"name": spec.name, "type": spec.kind.value(), "value": value}));
            }
        }
    }
    Ok(out)
}

fn id_of(value: &Value) -> Option<u64> {
    value
        .as_u64()
        .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
}

fn insert(resolved: &mut Map<String, Value>, kind: &str, id: u64, object: Value) {
    let entry = resolved.entry(kind.to_owned()).or_insert_with(|| json!({}));
    entry[id.to_string()] = object;
}

fn resolve_user(
    world: &World,
    guild: &crate::world::GuildRecord,
    id: u64,
    resolved: &mut Map<String, Value>,
) -> bool {
    let Some(user) = world.user_json_by_id(id) else {
        return false;
    };
    insert(resolved, "users", id, user);
    if let Some(member) = guild.member(id) {
        let mut member = world.member_json(member, false);
        member["permissions"] = json!(guild.permissions_of(id).to_string());
        insert(resolved, "members", id, member);
    }
    true
}

/// Checks one value against its option and adds what it refers to to `resolved`.
fn check_value(
    world: &World,
    guild: &crate::world::GuildRecord,
    spec: &OptionSpec<'static>,
    value: &Value,
    resolved: &mut Map<String, Value>,
) -> Result<Value, InvokeError> {
    let name = &spec.name;
    let wrong = || invalid(format!("option `{name}` does not take {value}"));
    let checked = match spec.kind {
        OptionKind::String => {
            let text = value.as_str().ok_or_else(wrong)?;
            let length = text.chars().count() as i64;
            if spec.min_length.is_some_and(|m| length < m)
                || spec.max_length.is_some_and(|m| length > m)
            {
                return Err(invalid(format!(
                    "option `{name}` has a length outside its bounds"
                )));
            }
            json!(text)
        }
        OptionKind::Integer => json!(value.as_i64().ok_or_else(wrong)?),
        OptionKind::Number => json!(value.as_f64().ok_or_else(wrong)?),
        OptionKind::Boolean => json!(value.as_bool().ok_or_else(wrong)?),
        OptionKind::User => {
            let id = id_of(value).ok_or_else(wrong)?;
            if !resolve_user(world, guild, id, resolved) {
                return Err(invalid(format!("option `{name}`: no user {id}")));
            }
            json!(id.to_string())
        }
        OptionKind::Role => {
            let id = id_of(value).ok_or_else(wrong)?;
            let role = guild
                .roles
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| invalid(format!("option `{name}`: no role {id}")))?;
            insert(resolved, "roles", id, crate::world::role_json(role));
            json!(id.to_string())
        }
        OptionKind::Mentionable => {
            let id = id_of(value).ok_or_else(wrong)?;
            if let Some(role) = guild.roles.iter().find(|r| r.id == id) {
                insert(resolved, "roles", id, crate::world::role_json(role));
            } else if !resolve_user(world, guild, id, resolved) {
                return Err(invalid(format!("option `{name}`: no user or role {id}")));
            }
            json!(id.to_string())
        }
        OptionKind::Channel => {
            let id = id_of(value).ok_or_else(wrong)?;
            let channel = guild
                .channel(id)
                .ok_or_else(|| invalid(format!("option `{name}`: no channel {id}")))?;
            if !spec.channel_types.is_empty()
                && !spec.channel_types.iter().any(|t| t.value() == channel.kind)
            {
                return Err(invalid(format!(
                    "option `{name}`: channel {id} has a type the option excludes"
                )));
            }
            insert(
                resolved,
                "channels",
                id,
                world.partial_channel_json(guild, channel, 0),
            );
            json!(id.to_string())
        }
        _ => {
            return Err(invalid(format!(
                "option `{name}` has a type scripted users cannot send"
            )));
        }
    };
    if matches!(spec.kind, OptionKind::Integer | OptionKind::Number) {
        let x = checked.as_f64().unwrap_or_default();
        if spec.min_value.is_some_and(|m| x < m.as_f64())
            || spec.max_value.is_some_and(|m| x > m.as_f64())
        {
            return Err(invalid(format!(
                "option `{name}` = {x} is outside its bounds"
            )));
        }
    }
    if !spec.choices.is_empty() {
        let listed = spec.choices.iter().any(|c| match &c.value {
            ChoiceValue::String(s) => checked.as_str() == Some(s.as_ref()),
            ChoiceValue::Integer(n) => checked.as_i64() == Some(*n),
            ChoiceValue::Number(x) => checked.as_f64() == Some(*x),
        });
        if !listed {
            return Err(invalid(format!(
                "option `{name}` = {checked} is not one of its choices"
            )));
        }
    }
    Ok(checked)
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
