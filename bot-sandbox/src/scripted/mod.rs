//! Scripted users: they invoke the commands the bot registered and send messages, as a person in
//! Discord's client would.

mod envelope;
mod interaction;
mod options;

use interaction::build;

use crate::Shared;
use crate::world::{Changed, Invocation, Sent};
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
    /// The command exists but Discord's client does not offer it here: its `contexts` (or, without
    /// them, `dm_permission: false`) exclude where the user is.
    ContextExcluded(String),
    /// The command is age-restricted (`nsfw`) and the guild channel is not.
    AgeRestricted(String),
    /// Discord refused the message: an auto-moderation rule blocked it (code 200000, "Message
    /// was blocked by automatic moderation").
    Blocked {
        /// Discord's JSON error code.
        code: u32,
        /// Discord's message.
        message: String,
    },
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
            InvokeError::ContextExcluded(name) => {
                write!(f, "the command `{name}` cannot be used in this context")
            }
            InvokeError::AgeRestricted(name) => write!(
                f,
                "the command `{name}` is age-restricted and the channel is not"
            ),
            InvokeError::Blocked { code, message } => write!(f, "{message} ({code})"),
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

/// Where a user invokes a command.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    /// A guild channel.
    Channel(u64),
    /// The user's DM channel with the bot.
    BotDm,
}

/// What an interaction is built from.
pub(crate) struct Invoke<'a> {
    pub(crate) place: Place,
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
    /// option name to value (ids for users, channels, roles and mentionables). A global command
    /// whose `contexts` lack GUILD (0) is refused with [`InvokeError::ContextExcluded`], an
    /// age-restricted (`nsfw`) command in a channel that is not with
    /// [`InvokeError::AgeRestricted`].
    pub async fn slash(
        &self,
        channel: u64,
        path: &str,
        options: Value,
    ) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            place: Place::Channel(channel),
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
            place: Place::Channel(channel),
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
            place: Place::Channel(channel),
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
            place: Place::Channel(channel),
            name: path,
            kind: CommandKind::ChatInput,
            options,
            target: None,
            focused: Some(focused),
        })
    }

    /// Invokes a global slash command in the user's DM with the bot (made on first use; see
    /// [`SandboxHandle::dm_channel`](crate::SandboxHandle::dm_channel)). The bot receives
    /// INTERACTION_CREATE as Discord sends it from there: no `guild_id`, `guild` or `member`, the
    /// invoker as a top-level `user`, `channel` the DM channel (type 1, with `recipients`),
    /// `context` 1 (BOT_DM), `authorizing_integration_owners` `{"0": "0"}` and the bot's DM
    /// `app_permissions`. Refused with [`InvokeError::UnknownCommand`] for a command registered in
    /// guilds only, and with [`InvokeError::ContextExcluded`] when its `contexts` lack BOT_DM (1),
    /// when it has no `contexts` and `dm_permission` is `false`, or when its `integration_types`
    /// lack GUILD_INSTALL (0). Replies land in the DM channel.
    pub async fn slash_in_dm(&self, path: &str, options: Value) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            place: Place::BotDm,
            name: path,
            kind: CommandKind::ChatInput,
            options,
            target: None,
            focused: None,
        })
    }

    /// [`ScriptedUser::autocomplete`] in the user's DM with the bot, with the DM's payload and
    /// refusals as [`ScriptedUser::slash_in_dm`].
    pub async fn autocomplete_in_dm(
        &self,
        path: &str,
        options: Value,
        focused: &str,
    ) -> Result<Invocation, InvokeError> {
        self.invoke(Invoke {
            place: Place::BotDm,
            name: path,
            kind: CommandKind::ChatInput,
            options,
            target: None,
            focused: Some(focused),
        })
    }

    /// Sends a message to the guild channel `channel`; the bot receives MESSAGE_CREATE (with the
    /// GUILD_MESSAGES intent; its `content`, `embeds`, `attachments` and `components` are empty
    /// without MESSAGE_CONTENT unless the message mentions the bot). Users mentioned in `content`
    /// as `<@ID>` or `<@!ID>` are its `mentions`, in MESSAGE_CREATE each with a partial `member`
    /// when they are members of the guild. The member counts as active again (a prune leaves
    /// them). The guild's auto-moderation rules judge it first: a rule that blocks it makes this
    /// [`InvokeError::Blocked`] (Discord's 200000) and no message is created; alerts, timeouts
    /// and AUTO_MODERATION_ACTION_EXECUTION follow either way. Returns the message as
    /// dispatched.
    pub async fn send_message(&self, channel: u64, content: &str) -> Result<Value, InvokeError> {
        let sent = self
            .shared
            .change(|world| Ok(self.guild_message(world, channel, content)));
        // The change itself never refuses: what went wrong is in its value.
        sent.unwrap_or_else(|refusal| {
            Err(InvokeError::Blocked {
                code: refusal.code,
                message: refusal.message,
            })
        })
    }

    /// The user's message in the guild channel `channel`, judged by the guild's
    /// auto-moderation rules first: MESSAGE_CREATE unless a rule blocks it, then the events of
    /// the rules' actions.
    fn guild_message(
        &self,
        world: &mut crate::world::World,
        channel: u64,
        content: &str,
    ) -> Changed<Result<Value, InvokeError>> {
        let Some(guild) = world.guild_of_channel(channel).map(|g| g.id) else {
            return Changed::quiet(Err(InvokeError::UnknownChannel(channel)));
        };
        if !world.users.contains_key(&self.id) {
            return Changed::quiet(Err(InvokeError::UnknownUser(self.id)));
        }
        let id = world.ids.next();
        let moderated = world.auto_moderate(&Sent {
            guild,
            channel,
            user: self.id,
            message: id,
            content,
        });
        if moderated.value.blocked {
            return moderated.map(|_| {
                Err(InvokeError::Blocked {
                    code: 200_000,
                    message: "Message was blocked by automatic moderation".to_owned(),
                })
            });
        }
        let mut message = self.user_message(world, channel, content, id);
        let guild_record = world.guilds.get(&guild);
        if let Some(member) = guild_record.and_then(|g| g.member(self.id)) {
            message["member"] = world.member_json(member, false);
        }
        let stored = message.clone();
        if let Some(mentions) = message["mentions"].as_array_mut() {
            for mention in mentions {
                let member = mention
                    .get("id")
                    .and_then(Value::as_str)
                    .and_then(|id| id.parse().ok())
                    .and_then(|id| guild_record.and_then(|g| g.member(id)));
                if let Some(member) = member {
                    mention["member"] = world.member_json(member, false);
                }
            }
        }
        world.messages.entry(channel).or_default().push(stored);
        // Speaking makes a member active again: a prune no longer counts them.
        world.set_last_active(guild, self.id, None);
        Changed::quiet(Ok(message.clone()))
            .emit("MESSAGE_CREATE", Some(guild), None, message)
            .then(moderated)
    }

    /// Sends a message to the bot in the user's DM channel with it
    /// ([`SandboxHandle::dm_channel`](crate::SandboxHandle::dm_channel)); the bot receives
    /// MESSAGE_CREATE on shard 0, without `guild_id` or `member`, with the DIRECT_MESSAGES intent
    /// and its content whatever MESSAGE_CONTENT says (a DM with the bot is an exception).
    /// Refused with [`InvokeError::UnknownUser`] for an unknown user or a bot. Returns the message.
    pub async fn send_message_in_dm(&self, content: &str) -> Result<Value, InvokeError> {
        let message = {
            let mut world = self.shared.world();
            let channel = world
                .dm_channel(self.id)
                .ok_or(InvokeError::UnknownUser(self.id))?;
            let id = world.ids.next();
            let message = self.user_message(&world, channel, content, id);
            world
                .messages
                .entry(channel)
                .or_default()
                .push(message.clone());
            message
        };
        self.shared.gateway.dispatch_to_guild(
            &self.shared,
            None,
            "MESSAGE_CREATE",
            message.clone(),
        );
        Ok(message)
    }

    /// The user's message in `channel`, with the users its content mentions as `mentions`.
    fn user_message(
        &self,
        world: &crate::world::World,
        channel: u64,
        content: &str,
        id: u64,
    ) -> Value {
        let body = json!({"content": content});
        let mut message = crate::rest::build_message(world, channel, self.id, &body, id, 0);
        let mentions: Vec<Value> = world
            .mentioned_users(content)
            .into_iter()
            .filter_map(|user| world.public_user_json_by_id(user))
            .collect();
        message["mentions"] = Value::Array(mentions);
        message
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
