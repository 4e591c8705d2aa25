//! Checking a scripted user's options against the registered command, and resolving the users,
//! roles and channels they name.

use super::InvokeError;
use crate::world::World;
use bot_spec::{ChoiceValue, OptionKind, OptionSpec};
use serde_json::{Map, Value, json};

pub(super) fn invalid(why: impl Into<String>) -> InvokeError {
    InvokeError::InvalidOptions(why.into())
}

/// The options array for the subcommand `path` (empty: the command itself).
pub(super) fn nest(
    world: &World,
    guild: Option<&crate::world::GuildRecord>,
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

pub(super) fn insert(resolved: &mut Map<String, Value>, kind: &str, id: u64, object: Value) {
    let entry = resolved.entry(kind.to_owned()).or_insert_with(|| json!({}));
    entry[id.to_string()] = object;
}

pub(super) fn resolve_user(
    world: &World,
    guild: Option<&crate::world::GuildRecord>,
    id: u64,
    resolved: &mut Map<String, Value>,
) -> bool {
    let Some(user) = world.user_json_by_id(id) else {
        return false;
    };
    insert(resolved, "users", id, user);
    // Members only in a guild: a DM's interaction resolves users alone.
    if let Some((guild, member)) = guild.and_then(|g| g.member(id).map(|m| (g, m))) {
        let mut member = world.member_json(member, false);
        member["permissions"] = json!(guild.permissions_of(id).to_string());
        insert(resolved, "members", id, member);
    }
    true
}

/// Checks one value against its option and adds what it refers to to `resolved`.
fn check_value(
    world: &World,
    guild: Option<&crate::world::GuildRecord>,
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
                .and_then(|g| g.roles.iter().find(|r| r.id == id))
                .ok_or_else(|| invalid(format!("option `{name}`: no role {id}")))?;
            insert(resolved, "roles", id, crate::world::role_json(role));
            json!(id.to_string())
        }
        OptionKind::Mentionable => {
            let id = id_of(value).ok_or_else(wrong)?;
            if let Some(role) = guild.and_then(|g| g.roles.iter().find(|r| r.id == id)) {
                insert(resolved, "roles", id, crate::world::role_json(role));
            } else if !resolve_user(world, guild, id, resolved) {
                return Err(invalid(format!("option `{name}`: no user or role {id}")));
            }
            json!(id.to_string())
        }
        OptionKind::Channel => {
            let id = id_of(value).ok_or_else(wrong)?;
            let (guild, channel) = guild
                .and_then(|g| g.channel(id).map(|c| (g, c)))
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
