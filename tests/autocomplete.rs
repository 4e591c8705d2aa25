//! Autocomplete end to end: callbacks get an `AutocompleteContext` (the focused option and its
//! partial value, the other options, the user, the bot's state) and their choices go back; more
//! than 25 are cut; a callback that fails or panics answers no choices and the bot stays up.

mod common;

use bot_core::command::AutocompleteContext;
use bot_core::prelude::*;
use bot_core::spec::ChoiceSpec;
use common::{commands_bot_builder, started, stop};
use serde_json::{Value, json};

/// The fruits the bot knows.
struct Fruits(Vec<&'static str>);

/// Fruits starting with what was typed, each prefixed with the count given so far.
async fn fruits(ctx: &AutocompleteContext) -> Vec<ChoiceSpec<'static>> {
    let known = ctx.state::<Fruits>().expect("the bot has fruits");
    let count = ctx
        .argument::<Option<i64>>("count")
        .ok()
        .flatten()
        .unwrap_or(1);
    let by = ctx
        .author()
        .map(|user| user.username.to_string())
        .unwrap_or_default();
    known
        .0
        .iter()
        .filter(|fruit| fruit.starts_with(ctx.value()))
        .map(|fruit| ChoiceSpec {
            name: format!("{count} {fruit} for {by}").into(),
            name_localizations: Default::default(),
            value: bot_spec_value(fruit),
        })
        .collect()
}

fn bot_spec_value(text: &str) -> bot_core::spec::ChoiceValue<'static> {
    bot_core::spec::ChoiceValue::String(text.to_owned().into())
}

/// Orders fruit.
#[slash_command]
async fn fruit(
    ctx: &ApplicationContext,
    /// How many
    count: i64,
    /// Which
    #[autocomplete = fruits]
    name: String,
) -> CommandResult {
    ctx.respond(format!("{count} {name}")).await?;
    Ok(())
}

async fn numbers(ctx: &AutocompleteContext) -> Vec<i64> {
    let _ = ctx;
    (1..=40).collect()
}

async fn broken(ctx: &AutocompleteContext) -> Result<Vec<String>, CommandError> {
    if ctx.value() == "boom" {
        panic!("the callback panicked");
    }
    Err(CommandError::msg("no suggestions today"))
}

/// Picks.
#[slash_group]
mod pick {
    use super::*;

    /// A number.
    #[slash_command]
    async fn number(
        ctx: &ApplicationContext,
        /// The number
        #[autocomplete = numbers]
        n: i64,
        /// Something else
        #[autocomplete = broken]
        other: Option<String>,
    ) -> CommandResult {
        let _ = other;
        ctx.respond(format!("{n}")).await?;
        Ok(())
    }
}

async fn choices(
    user: &bot_sandbox::ScriptedUser,
    channel: Option<u64>,
    path: &str,
    options: Value,
    focused: &str,
) -> Value {
    let invocation = match channel {
        Some(channel) => user.autocomplete(channel, path, options, focused).await,
        None => user.autocomplete_in_dm(path, options, focused).await,
    };
    let answer = invocation.unwrap().response().await.unwrap();
    assert_eq!(answer.kind, 8, "an autocomplete result");
    answer.data["choices"].clone()
}

#[tokio::test]
async fn callbacks_answer_from_the_partial_value_and_the_context() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot = commands_bot_builder(&sandbox)
        .data(Fruits(vec!["apple", "apricot", "banana"]))
        .build()
        .unwrap();
    let task = started(&bot).await;
    let user = sandbox.user(world.member);
    let got = choices(
        &user,
        Some(world.channel),
        "fruit",
        json!({"count": 3, "name": "ap"}),
        "name",
    )
    .await;
    let names: Vec<&str> = got
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{got}");
    assert!(names[0].starts_with("3 apple for "), "{names:?}");
    assert!(names[1].starts_with("3 apricot for "), "{names:?}");
    assert_eq!(got[0]["value"], "apple");

    // In a DM too.
    let got = choices(&user, None, "fruit", json!({"name": "ban"}), "name").await;
    assert_eq!(got.as_array().unwrap().len(), 1);
    assert_eq!(got[0]["value"], "banana");

    // In a subcommand: 40 suggestions are cut to Discord's 25.
    let got = choices(
        &user,
        Some(world.channel),
        "pick number",
        json!({"n": 1}),
        "n",
    )
    .await;
    let values: Vec<i64> = got
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_i64().unwrap())
        .collect();
    assert_eq!(values, (1..=25).collect::<Vec<_>>());

    // A failing or panicking callback: no choices, and the bot still answers.
    for typed in ["x", "boom"] {
        let got = choices(
            &user,
            Some(world.channel),
            "pick number",
            json!({"n": 1, "other": typed}),
            "other",
        )
        .await;
        assert_eq!(got, json!([]), "typing {typed}");
    }
    let mut invoked = user
        .slash(world.channel, "fruit", json!({"count": 2, "name": "apple"}))
        .await
        .unwrap();
    assert_eq!(invoked.response().await.unwrap().content(), Some("2 apple"));
    stop(&bot, task).await;
}
