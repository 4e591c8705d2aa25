//! Cogs end to end: state shared by a cog's commands and listener, the full order of global,
//! cog and command checks, hooks and error handlers, a cog added (one write), replaced with
//! `override_existing` or refused without it, and removed (its commands gone from Discord with
//! one write, its listener silent, `cog_unload` run).

mod common;

use bot_core::event::MessageCreate;
use bot_core::prelude::*;
use common::trace::{fails_at, steps, trace};
use common::{message_bot_builder, started, stop};
use serde_json::json;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

#[check]
async fn global_check(ctx: &ApplicationContext) -> bool {
    trace(ctx, "global_check");
    !fails_at(ctx, "global_check")
}

#[before_invoke]
async fn global_before(ctx: &ApplicationContext) {
    trace(ctx, "global_before");
}

#[after_invoke]
async fn global_after(ctx: &ApplicationContext) {
    trace(ctx, "global_after");
}

#[event]
async fn on_application_command_error(ctx: &ApplicationContext, error: &CommandError) {
    let _ = error;
    trace(ctx, "global_error");
}

async fn cog_layer_check(ctx: &ApplicationContext) -> bool {
    trace(ctx, "cog_layer_check");
    true
}

async fn command_check(ctx: &ApplicationContext) -> bool {
    trace(ctx, "command_check");
    !fails_at(ctx, "command_check")
}

async fn command_before(ctx: &ApplicationContext) {
    trace(ctx, "command_before");
}

async fn command_after(ctx: &ApplicationContext) {
    trace(ctx, "command_after");
}

async fn command_error(ctx: &ApplicationContext, error: &CommandError) {
    let _ = error;
    trace(ctx, "command_error");
}

/// A jukebox: a queue its commands and its listener share.
#[derive(Default)]
struct Jukebox {
    label: &'static str,
    queue: Mutex<Vec<String>>,
    unloaded: AtomicBool,
}

#[cog(name = "jukebox", checks = [cog_layer_check], cooldown(100, 60, User))]
impl Jukebox {
    /// Queues a song.
    #[slash_command(
        checks = [command_check],
        before_invoke = command_before,
        after_invoke = command_after,
        on_error = command_error
    )]
    async fn queue(
        &self,
        ctx: &ApplicationContext,
        /// The song
        song: String,
        /// Where to fail
        fail: Option<String>,
    ) -> CommandResult {
        trace(ctx, "handler");
        if fail.as_deref() == Some("handler") {
            return Err(CommandError::msg("the handler failed"));
        }
        self.queue.lock().unwrap().push(song);
        ctx.respond(format!("{} queued", self.label)).await?;
        Ok(())
    }

    /// Shows the queue.
    #[slash_command]
    async fn playlist(&self, ctx: &ApplicationContext) -> CommandResult {
        let queue = self.queue.lock().unwrap().join(", ");
        ctx.respond(format!("{}: {queue}", self.label)).await?;
        Ok(())
    }

    /// Manages the queue.
    #[slash_group]
    fn manage(&self) {}

    /// Empties the queue.
    #[slash_command(group = manage)]
    async fn clear(&self, ctx: &ApplicationContext) -> CommandResult {
        self.queue.lock().unwrap().clear();
        ctx.respond("cleared").await?;
        Ok(())
    }

    /// Edits the queue.
    #[slash_group(group = manage)]
    fn edit(&self) {}

    /// Drops the last song.
    #[slash_command(group = edit)]
    async fn pop(&self, ctx: &ApplicationContext) -> CommandResult {
        let song = self.queue.lock().unwrap().pop().unwrap_or_default();
        ctx.respond(format!("dropped {song}")).await?;
        Ok(())
    }

    /// "play ..." messages queue songs too.
    #[listen]
    async fn heard(&self, message: &MessageCreate) {
        if let Some(song) = message.content.strip_prefix("play ") {
            self.queue.lock().unwrap().push(song.to_owned());
        }
    }

    async fn cog_check(&self, ctx: &ApplicationContext) -> bool {
        trace(ctx, "cog_check");
        !fails_at(ctx, "cog_check")
    }

    async fn cog_before_invoke(&self, ctx: &ApplicationContext) {
        trace(ctx, "cog_before");
    }

    async fn cog_after_invoke(&self, ctx: &ApplicationContext) {
        trace(ctx, "cog_after");
    }

    async fn cog_command_error(&self, ctx: &ApplicationContext, error: &CommandError) {
        trace(ctx, "cog_error");
        let _ = ctx
            .respond(Reply::new(format!("jukebox says: {error}")).ephemeral())
            .await;
    }

    async fn cog_unload(&self) {
        self.unloaded.store(true, Ordering::SeqCst);
    }
}

fn names(commands: &[serde_json::Value]) -> Vec<String> {
    let mut names: Vec<String> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_cog_is_added_invoked_replaced_and_removed() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = message_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);

    // Added on a started bot: its commands written once.
    let writes = sandbox.command_writes();
    let first = Jukebox {
        label: "first",
        ..Jukebox::default()
    };
    bot.add_cog(first, false).await.unwrap();
    assert_eq!(sandbox.command_writes() - writes, 1);
    assert_eq!(
        names(&sandbox.commands(None)),
        ["manage", "playlist", "queue"]
    );
    assert_eq!(bot.cogs(), ["jukebox"]);

    // The state is the cog's, shared by its commands and its listener.
    let mut queued = user
        .slash(world.channel, "queue", json!({"song": "intro"}))
        .await
        .unwrap();
    assert_eq!(
        queued.response().await.unwrap().content(),
        Some("first queued")
    );
    assert_eq!(
        steps(queued.id(), "global_after").await,
        [
            "global_check",
            "cog_check",
            "cog_layer_check",
            "command_check",
            "command_before",
            "cog_before",
            "global_before",
            "handler",
            "command_after",
            "cog_after",
            "global_after"
        ]
    );
    user.send_message(world.channel, "play outro")
        .await
        .unwrap();
    let jukebox = bot.get_cog::<Jukebox>().unwrap();
    tokio::time::timeout(Duration::from_secs(5), async {
        while jukebox.queue.lock().unwrap().len() < 2 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the listener queued the song");
    let mut listed = user
        .slash(world.channel, "playlist", json!({}))
        .await
        .unwrap();
    assert_eq!(
        listed.response().await.unwrap().content(),
        Some("first: intro, outro")
    );
    // Subcommands in a group and a subgroup, on the same state.
    let mut popped = user
        .slash(world.channel, "manage edit pop", json!({}))
        .await
        .unwrap();
    assert_eq!(
        popped.response().await.unwrap().content(),
        Some("dropped outro")
    );
    let mut cleared = user
        .slash(world.channel, "manage clear", json!({}))
        .await
        .unwrap();
    assert_eq!(cleared.response().await.unwrap().content(), Some("cleared"));
    assert!(jukebox.queue.lock().unwrap().is_empty());

    // Failures: the cog's check between the global and the command's; the error chain
    // command → cog → global.
    let mut refused = user
        .slash(
            world.channel,
            "queue",
            json!({"song": "x", "fail": "cog_check"}),
        )
        .await
        .unwrap();
    let answer = refused.response().await.unwrap();
    assert_eq!(
        answer.content(),
        Some("jukebox says: The check `cog_check` failed.")
    );
    assert_eq!(
        steps(refused.id(), "global_error").await,
        [
            "global_check",
            "cog_check",
            "command_error",
            "cog_error",
            "global_error"
        ]
    );
    let mut failed = user
        .slash(
            world.channel,
            "queue",
            json!({"song": "x", "fail": "handler"}),
        )
        .await
        .unwrap();
    assert_eq!(
        failed.response().await.unwrap().content(),
        Some("jukebox says: the handler failed")
    );
    assert_eq!(
        steps(failed.id(), "global_error").await,
        [
            "global_check",
            "cog_check",
            "cog_layer_check",
            "command_check",
            "command_before",
            "cog_before",
            "global_before",
            "handler",
            "command_after",
            "cog_after",
            "global_after",
            "command_error",
            "cog_error",
            "global_error"
        ]
    );

    // The same name again: refused without override, nothing written.
    let writes = sandbox.command_writes();
    let second = Jukebox {
        label: "second",
        ..Jukebox::default()
    };
    match bot.add_cog(second, false).await {
        Err(bot_core::Error::Cog(bot_core::cog::CogError::Exists { name })) => {
            assert_eq!(name, "jukebox")
        }
        other => panic!("expected CogExists, got {other:?}"),
    }
    assert_eq!(sandbox.command_writes(), writes);
    assert_eq!(bot.get_cog::<Jukebox>().unwrap().label, "first");

    // With override: the old one unloads, the new one answers; same commands, nothing written.
    let replacement = Jukebox {
        label: "second",
        ..Jukebox::default()
    };
    bot.add_cog(replacement, true).await.unwrap();
    assert!(
        jukebox.unloaded.load(Ordering::SeqCst),
        "the replaced cog unloaded"
    );
    assert_eq!(
        sandbox.command_writes(),
        writes,
        "the same commands: nothing to write"
    );
    let mut listed = user
        .slash(world.channel, "playlist", json!({}))
        .await
        .unwrap();
    assert_eq!(listed.response().await.unwrap().content(), Some("second: "));

    // Removed: its commands gone from Discord with one write, its listener silent.
    let current = bot.get_cog::<Jukebox>().unwrap();
    assert!(bot.remove_cog("jukebox").await.unwrap());
    assert!(current.unloaded.load(Ordering::SeqCst));
    assert_eq!(sandbox.command_writes() - writes, 1);
    assert!(sandbox.commands(None).is_empty());
    assert!(bot.cogs().is_empty());
    assert!(bot.get_cog::<Jukebox>().is_none());
    assert!(!bot.remove_cog("jukebox").await.unwrap(), "removed once");
    user.send_message(world.channel, "play silence")
        .await
        .unwrap();
    // A listener still there would have queued it by the time a later message is seen.
    let waiting = bot.wait_for::<MessageCreate>(|m| m.content == "done", Duration::from_secs(5));
    user.send_message(world.channel, "done").await.unwrap();
    waiting.await.unwrap();
    assert!(
        current.queue.lock().unwrap().is_empty(),
        "the removed cog's listener is silent"
    );
    stop(&bot, task).await;
}

/// A cog that asks for state.
struct Needy;

/// What `Needy` needs.
struct Secret(&'static str);

#[cog]
impl Needy {
    /// Tells the secret.
    #[slash_command]
    async fn secret(
        &self,
        ctx: &ApplicationContext,
        secret: bot_core::command::State<Secret>,
    ) -> CommandResult {
        ctx.respond(secret.0).await?;
        Ok(())
    }
}

#[tokio::test]
async fn a_cog_given_to_the_builder_is_checked_at_build_and_synced_at_start() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    // Without the state its command asks for, the bot is refused when built.
    match message_bot_builder(&sandbox).add_cog(Needy).build() {
        Err(bot_core::Error::MissingData(missing)) => {
            assert!(
                missing[0].needed_by.contains("of cog `Needy`"),
                "{missing:?}"
            );
        }
        other => panic!("expected MissingData, got {:?}", other.err()),
    }
    // Two cogs with one name: refused too.
    assert!(matches!(
        message_bot_builder(&sandbox)
            .add_cog(Jukebox::default())
            .add_cog(Jukebox::default())
            .build(),
        Err(bot_core::Error::Cog(bot_core::cog::CogError::Exists { .. }))
    ));
    let bot = message_bot_builder(&sandbox)
        .data(Secret("swordfish"))
        .add_cog(Needy)
        .build()
        .unwrap();
    assert_eq!(bot.cogs(), ["Needy"]);
    let task = started(&bot).await;
    assert_eq!(names(&sandbox.commands(None)), ["secret"]);
    let mut told = sandbox
        .user(world.member)
        .slash(world.channel, "secret", json!({}))
        .await
        .unwrap();
    assert_eq!(told.response().await.unwrap().content(), Some("swordfish"));
    stop(&bot, task).await;
}
