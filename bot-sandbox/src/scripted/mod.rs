//! Scripted users: they invoke the commands the bot registered and send messages, as a person in
//! Discord's client would.

mod interaction;
mod options;

use interaction::build;

use crate::Shared;
use crate::world::Invocation;
use bot_spec::CommandKind;
use serde_json::{Value, json};
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
pub(crate) struct Invoke<'a> {
    pub(crate) channel: u64,
    pub(crate) name: &'a str,
    pub(crate) kind: CommandKind,
    pub(crate) options: Value,
    pub(crate) target: Option<u64>,
    /// For an autocomplete interaction (type 4), the option being typed.
    pub(crate) focused: Option<&'a str>,
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
