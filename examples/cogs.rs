//! Cogs and extensions, offline against an embedded `bot-sandbox`:
//!
//! ```text
//! cargo run --example cogs
//! ```
//!
//! A stateful cog with a group, a cog check, a cooldown, hooks and an error handler, added to a
//! running bot; then an extension loaded, reloaded with new configuration and unloaded.
//! Scripted users play along; the example prints the exchange and exits.

use bot_core::command::RegisteredCommand;
use bot_core::extension::Extension;
use bot_core::prelude::*;
use bot_core::spec::CommandSpec;
use std::sync::Mutex;

/// A shared to-do list.
#[derive(Default)]
struct Todo {
    items: Mutex<Vec<String>>,
    log: Mutex<Vec<String>>,
}

impl Todo {
    fn note(&self, line: String) {
        self.log
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(line);
    }
}

#[cog(name = "todo")]
impl Todo {
    /// Adds an item (once every 10 s per user).
    #[slash_command(cooldown(1, 10.0, User))]
    async fn add(
        &self,
        ctx: &ApplicationContext,
        /// What to do
        item: String,
    ) -> CommandResult {
        self.items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(item.clone());
        ctx.respond(format!("added {item}")).await?;
        Ok(())
    }

    /// The list.
    #[slash_group]
    fn list(&self) {}

    /// Shows the list.
    #[slash_command(group = list)]
    async fn show(&self, ctx: &ApplicationContext) -> CommandResult {
        let items = self
            .items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .join(", ");
        ctx.respond(format!("to do: {items}")).await?;
        Ok(())
    }

    /// Marks the first item done.
    #[slash_command(group = list)]
    async fn done(&self, ctx: &ApplicationContext) -> CommandResult {
        let item = {
            let mut items = self.items.lock().unwrap_or_else(|p| p.into_inner());
            if items.is_empty() {
                return Err(CommandError::msg("nothing to do"));
            }
            items.remove(0)
        };
        ctx.respond(format!("done: {item}")).await?;
        Ok(())
    }

    async fn cog_check(&self, ctx: &ApplicationContext) -> bool {
        ctx.guild_id().is_some()
    }

    async fn cog_before_invoke(&self, ctx: &ApplicationContext) {
        self.note(format!("before /{}", ctx.command_path().join(" ")));
    }

    async fn cog_after_invoke(&self, ctx: &ApplicationContext) {
        self.note(format!("after /{}", ctx.command_path().join(" ")));
    }

    async fn cog_command_error(&self, ctx: &ApplicationContext, error: &CommandError) {
        let _ = ctx
            .respond(Reply::new(format!("todo: {error}")).ephemeral())
            .await;
    }
}

/// What the `motd` extension reads when it is set up.
struct Motd(Mutex<String>);

/// The message of the day, read from the bot's configuration at setup.
#[bot_core::extension(name = "motd")]
async fn motd(ext: &mut Extension) -> Result<(), CommandError> {
    let text = ext
        .bot()
        .data::<Motd>()
        .map(|motd| motd.0.lock().unwrap_or_else(|p| p.into_inner()).clone())
        .ok_or_else(|| CommandError::msg("no message of the day configured"))?;
    ext.add_command(RegisteredCommand::new(
        CommandSpec::chat_input("motd", "The message of the day"),
        move |ctx| {
            let text = text.clone();
            async move {
                ctx.respond(text).await?;
                Ok(())
            }
        },
    ));
    Ok(())
}

async fn ask(
    user: &bot_sandbox::ScriptedUser,
    channel: u64,
    path: &str,
    options: serde_json::Value,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut call = user.slash(channel, path, options).await?;
    let reply = call.response().await?;
    let only_you = if reply.ephemeral() { " (only you)" } else { "" };
    println!(
        "/{path} > {}{only_you}",
        reply.content().unwrap_or_default()
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .data(Motd(Mutex::new("ship it".to_owned())))
        .build()?;
    let running = tokio::spawn({
        let bot = bot.clone();
        async move { bot.start().await }
    });
    bot.wait_until_ready().await?;
    let user = sandbox.user(world.member);
    let none = serde_json::json!({});

    let writes = sandbox.command_writes();
    bot.add_cog(Todo::default(), false).await?;
    println!(
        "added cog {:?} ({} write)",
        bot.cogs(),
        sandbox.command_writes() - writes
    );
    ask(
        &user,
        world.channel,
        "add",
        serde_json::json!({"item": "write docs"}),
    )
    .await?;
    ask(
        &user,
        world.channel,
        "add",
        serde_json::json!({"item": "test"}),
    )
    .await?;
    ask(&user, world.channel, "list show", none.clone()).await?;
    ask(&user, world.channel, "list done", none.clone()).await?;
    ask(&user, world.channel, "list done", none.clone()).await?;

    bot.load_extension("motd").await?;
    ask(&user, world.channel, "motd", none.clone()).await?;
    if let Some(motd) = bot.data::<Motd>() {
        *motd.0.lock().unwrap_or_else(|p| p.into_inner()) = "ship it twice".to_owned();
    }
    let writes = sandbox.command_writes();
    bot.reload_extension("motd").await?;
    println!(
        "reloaded motd ({} writes: the command did not change)",
        sandbox.command_writes() - writes
    );
    ask(&user, world.channel, "motd", none.clone()).await?;
    bot.unload_extension("motd").await?;
    println!("extensions after unload: {:?}", bot.extensions());

    let todo = bot.get_cog::<Todo>().ok_or("the todo cog")?;
    bot.remove_cog("todo").await?;
    println!("cogs after remove: {:?}", bot.cogs());
    for line in todo.log.lock().unwrap_or_else(|p| p.into_inner()).iter() {
        println!("hook > {line}");
    }
    bot.close();
    running.await??;
    Ok(())
}
