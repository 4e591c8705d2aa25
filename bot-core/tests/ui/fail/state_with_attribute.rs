// expect: is the bot's data, not an option

use bot_core::command::State;
use bot_core::prelude::*;

struct Counter;

/// A command.
#[slash_command]
async fn cmd(
    ctx: &ApplicationContext,
    #[min = 1]
    counter: State<Counter>,
) -> CommandResult {
    let _ = (ctx, counter);
    Ok(())
}

fn main() {}
