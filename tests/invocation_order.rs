//! The order of everything around an invocation, recorded step by step and compared with the
//! documented order (`bot_core::invoke`): global `check_once` and `check` functions, a group's
//! and a subcommand's checks, the cooldown, the subcommand's and the global before/after hooks,
//! the handler, and the error chain (`on_error`, then `on_application_command_error`) — on
//! success and on a failure at each step. Also: `check_once` runs once per invocation of a
//! subcommand, a panicking error handler caught, checks added and removed at run time, and the
//! invocation API (`get_application_context`, `invoke_application_command`).

mod common;

use bot_core::checks;
use bot_core::event::InteractionCreate;
use bot_core::prelude::*;
use common::trace::{fails_at, steps, trace};
use common::{commands_bot_builder, started, stop};
use serde_json::json;
use std::time::Duration;

fn kind(error: &CommandError) -> String {
    match error {
        CommandError::CheckFailed(failure) => format!("check {}", failure.check()),
        CommandError::OnCooldown(_) => "cooldown".to_owned(),
        CommandError::Panicked(_) => "panic".to_owned(),
        CommandError::Other(_) => format!("error {error}"),
        other => format!("{other:?}"),
    }
}

#[check_once]
async fn once(ctx: &ApplicationContext) -> bool {
    trace(ctx, "check_once");
    !fails_at(ctx, "check_once")
}

#[check]
async fn global_check(ctx: &ApplicationContext) -> bool {
    trace(ctx, "global_check");
    !fails_at(ctx, "global_check")
}

#[before_invoke]
async fn global_before(ctx: &ApplicationContext) -> Result<(), CommandError> {
    trace(ctx, "global_before");
    if fails_at(ctx, "global_before") {
        return Err(CommandError::msg("global_before failed"));
    }
    Ok(())
}

#[after_invoke]
async fn global_after(ctx: &ApplicationContext) {
    trace(ctx, "global_after");
}

#[event]
async fn on_application_command_error(ctx: &ApplicationContext, error: &CommandError) {
    trace(ctx, format!("global_error: {}", kind(error)));
    if !ctx.has_replied() {
        let _ = ctx
            .respond(Reply::new(format!("failed: {}", kind(error))).ephemeral())
            .await;
    }
}

async fn group_check(ctx: &ApplicationContext) -> bool {
    trace(ctx, "group_check");
    !fails_at(ctx, "group_check")
}

async fn sub_check(ctx: &ApplicationContext) -> Result<bool, CommandError> {
    trace(ctx, "sub_check");
    Ok(!fails_at(ctx, "sub_check"))
}

async fn sub_before(ctx: &ApplicationContext) -> CommandResult {
    trace(ctx, "sub_before");
    if fails_at(ctx, "sub_before") {
        return Err(CommandError::msg("sub_before failed"));
    }
    Ok(())
}

async fn sub_after(ctx: &ApplicationContext) {
    trace(ctx, "sub_after");
}

async fn sub_error(ctx: &ApplicationContext, error: &CommandError) {
    trace(ctx, format!("sub_error: {}", kind(error)));
}

/// Order.
#[slash_group(checks = [group_check])]
mod order {
    use super::*;

    /// Runs.
    #[slash_command(
        checks = [sub_check],
        before_invoke = sub_before,
        after_invoke = sub_after,
        on_error = sub_error
    )]
    async fn run(
        ctx: &ApplicationContext,
        /// Where to fail
        fail: Option<String>,
    ) -> CommandResult {
        trace(ctx, "handler");
        match fail.as_deref() {
            Some("handler") => Err(CommandError::msg("handler failed")),
            Some("panic") => panic!("the handler panicked"),
            _ => {
                ctx.respond("ran").await?;
                Ok(())
            }
        }
    }

    /// Once a minute.
    #[slash_command(cooldown(1, 60, User), checks = [checks::guild_only()])]
    async fn limited(ctx: &ApplicationContext) -> CommandResult {
        trace(ctx, "limited");
        ctx.respond("limited ran").await?;
        Ok(())
    }
}

async fn panicking_handler(ctx: &ApplicationContext, error: &CommandError) {
    trace(ctx, format!("panicking_handler: {}", kind(error)));
    panic!("the error handler panicked");
}

/// Fails, and its error handler panics.
#[slash_command(on_error = panicking_handler)]
async fn fragile(ctx: &ApplicationContext) -> CommandResult {
    trace(ctx, "fragile");
    Err(CommandError::msg("fragile failed"))
}

const BEFORE_HANDLER: [&str; 6] = [
    "check_once",
    "global_check",
    "group_check",
    "sub_check",
    "sub_before",
    "global_before",
];

/// The steps up to `at` (included), then `rest`.
fn expected(at: &str, rest: &[&str]) -> Vec<String> {
    let mut steps: Vec<String> = BEFORE_HANDLER
        .iter()
        .take_while(|step| **step != at)
        .map(|step| step.to_string())
        .collect();
    steps.push(at.to_owned());
    steps.extend(rest.iter().map(|step| step.to_string()));
    steps
}

#[tokio::test]
async fn every_step_runs_in_the_documented_order() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let run = |fail: Option<&str>| {
        let options = match fail {
            Some(at) => json!({ "fail": at }),
            None => json!({}),
        };
        let user = user.clone();
        async move {
            let mut invocation = user
                .slash(world.channel, "order run", options)
                .await
                .unwrap();
            let reply = invocation.response().await.unwrap();
            (invocation.id(), reply.content().map(str::to_owned))
        }
    };

    // Success: every check, then the hooks around the handler; check_once once.
    let (id, reply) = run(None).await;
    assert_eq!(reply.as_deref(), Some("ran"));
    let mut success: Vec<&str> = BEFORE_HANDLER.to_vec();
    success.extend(["handler", "sub_after", "global_after"]);
    assert_eq!(steps(id, "global_after").await, success);

    // A failure at each step before the handler: nothing after it runs but the error chain.
    for (at, error) in [
        ("check_once", "check once"),
        ("global_check", "check global_check"),
        ("group_check", "check group_check"),
        ("sub_check", "check sub_check"),
        ("sub_before", "error sub_before failed"),
        ("global_before", "error global_before failed"),
    ] {
        let (id, reply) = run(Some(at)).await;
        assert_eq!(reply, Some(format!("failed: {error}")), "failing at {at}");
        let sub = format!("sub_error: {error}");
        let global = format!("global_error: {error}");
        assert_eq!(
            steps(id, &global).await,
            expected(at, &[&sub, &global]),
            "failing at {at}"
        );
    }

    // The handler fails, or panics: the after-hooks still run, then the error chain.
    for (at, error) in [("handler", "error handler failed"), ("panic", "panic")] {
        let (id, reply) = run(Some(at)).await;
        assert_eq!(reply, Some(format!("failed: {error}")));
        let sub = format!("sub_error: {error}");
        let global = format!("global_error: {error}");
        let mut steps_expected: Vec<String> = BEFORE_HANDLER.map(String::from).to_vec();
        steps_expected
            .extend(["handler", "sub_after", "global_after", &sub, &global].map(String::from));
        assert_eq!(steps(id, &global).await, steps_expected, "failing at {at}");
    }

    // A cooldown trips after the checks; the command has no on_error of its own.
    let mut first = user
        .slash(world.channel, "order limited", json!({}))
        .await
        .unwrap();
    assert_eq!(
        first.response().await.unwrap().content(),
        Some("limited ran")
    );
    assert_eq!(
        steps(first.id(), "global_after").await,
        [
            "check_once",
            "global_check",
            "group_check",
            "global_before",
            "limited",
            "global_after"
        ]
    );
    let mut second = user
        .slash(world.channel, "order limited", json!({}))
        .await
        .unwrap();
    assert_eq!(
        second.response().await.unwrap().content(),
        Some("failed: cooldown")
    );
    assert_eq!(
        steps(second.id(), "global_error: cooldown").await,
        [
            "check_once",
            "global_check",
            "group_check",
            "global_error: cooldown"
        ]
    );

    // An error handler that panics: caught, and the chain goes on to the global handler.
    let mut fragile = user
        .slash(world.channel, "fragile", json!({}))
        .await
        .unwrap();
    assert_eq!(
        fragile.response().await.unwrap().content(),
        Some("failed: error fragile failed")
    );
    assert_eq!(
        steps(fragile.id(), "global_error: error fragile failed").await,
        [
            "check_once",
            "global_check",
            "global_before",
            "fragile",
            "global_after",
            "panicking_handler: error fragile failed",
            "global_error: error fragile failed"
        ]
    );

    // A check added at run time runs after the program's global checks; removed, it is gone.
    let added = bot.add_check(
        checks::from_fn("added", |ctx: ApplicationContext| async move {
            trace(&ctx, "added");
            !fails_at(&ctx, "added")
        }),
        false,
    );
    let (id, reply) = run(Some("added")).await;
    assert_eq!(reply.as_deref(), Some("failed: check added"));
    assert_eq!(
        steps(id, "global_error: check added").await,
        [
            "check_once",
            "global_check",
            "added",
            "sub_error: check added",
            "global_error: check added"
        ]
    );
    assert!(bot.remove_check(added));
    assert!(!bot.remove_check(added), "removed once");
    let (id, reply) = run(Some("added")).await;
    assert_eq!(reply.as_deref(), Some("ran"));
    assert!(
        !steps(id, "global_after")
            .await
            .contains(&"added".to_owned())
    );

    // The invocation API: the same interaction invoked again by hand goes through it all and
    // gives back the error the chain handled.
    let waiting = bot.wait_for::<InteractionCreate>(|_| true, Duration::from_secs(5));
    let (id, _) = run(Some("sub_check")).await;
    let interaction = waiting.await.unwrap();
    assert_eq!(interaction.id.get(), id);
    let ctx = bot.get_application_context(interaction.0.clone()).unwrap();
    assert_eq!(ctx.command_path(), ["order", "run"]);
    match bot.invoke_application_command(&ctx).await {
        Err(CommandError::CheckFailed(failure)) => assert_eq!(failure.check(), "sub_check"),
        other => panic!("expected the check's failure, got {other:?}"),
    }
    let twice = steps(id, "global_error: check sub_check").await;
    assert_eq!(
        twice.iter().filter(|step| *step == "check_once").count(),
        2,
        "{twice:?}"
    );
    stop(&bot, task).await;
}
