//! `State<T>` parameters anywhere after the context, between options, in a group's subcommands,
//! and after a listener's event.
#![deny(warnings, missing_docs)]

use bot_core::command::State;
use bot_core::prelude::*;

/// A counter.
pub struct Counter;

/// A setting.
pub struct Setting;

/// Adds.
#[slash_command]
pub async fn add(
    ctx: &ApplicationContext,
    counter: State<Counter>,
    /// How many
    n: i64,
    setting: bot_core::command::State<Setting>,
) -> CommandResult {
    let _ = (ctx, counter, n, setting);
    Ok(())
}

/// Tools.
#[slash_group]
pub mod tools {
    use super::*;

    /// Resets.
    #[slash_command]
    pub async fn reset(ctx: &ApplicationContext, counter: State<Counter>) -> CommandResult {
        let _ = (ctx, counter);
        Ok(())
    }
}

/// A listener with state.
#[listen]
pub async fn seen(message: &bot_core::event::MessageCreate, counter: State<Counter>, setting: State<Setting>) {
    let _ = (message, counter, setting);
}

fn main() {
    let registry = CommandRegistry::collect().unwrap();
    let add = registry
        .commands()
        .iter()
        .find(|c| c.spec().name == "add")
        .unwrap();
    assert_eq!(add.spec().options.len(), 1, "state is not an option");
    assert_eq!(add.state_requirements().count(), 2);
}
