//! `auto_defer` in every form, on every kind of command, on groups, subcommands and cogs.
#![deny(warnings, missing_docs)]

use bot_core::prelude::*;

/// Deferred after the default delay.
#[slash_command(auto_defer)]
pub async fn plain(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// May open a modal: never deferred for it.
#[slash_command(auto_defer = false)]
pub async fn form(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// Deferred ephemerally, early.
#[slash_command(auto_defer(ephemeral, after = 0.5))]
pub async fn quiet(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// At once, whole seconds.
#[user_command(name = "Inspect", auto_defer(after = 0))]
pub async fn inspect(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

/// On.
#[message_command(name = "Quote", auto_defer = true)]
pub async fn quote(ctx: &ApplicationContext, message: Message) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

/// A group deferred ephemerally, one subcommand opting out.
#[slash_group(auto_defer(ephemeral))]
pub mod admin {
    use super::*;

    /// Resets.
    #[slash_command(auto_defer = false)]
    pub async fn reset(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Users.
    #[slash_group(auto_defer(after = 2.5))]
    pub mod user {
        use super::*;

        /// Picks.
        #[slash_command]
        pub async fn pick(ctx: &ApplicationContext) -> CommandResult {
            let _ = ctx;
            Ok(())
        }
    }
}

/// A cog whose commands are deferred ephemerally.
pub struct Notes;

#[cog(auto_defer(ephemeral, after = 1))]
impl Notes {
    /// Adds a note.
    #[slash_command]
    async fn note(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Edits a note in a form.
    #[slash_command(auto_defer = false)]
    async fn edit_note(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }
}

fn main() {
    let registry = CommandRegistry::collect().unwrap();
    let layers = |name: &str| {
        let command = registry
            .commands()
            .iter()
            .find(|c| c.spec().name == name)
            .unwrap();
        format!("{:?}", command.layers())
    };
    assert!(layers("form").contains("auto_defer: Some(AutoDefer { delay: None"));
    assert!(layers("quiet").contains("delay: Some(500ms), ephemeral: true"));
    assert!(layers("Inspect").contains("delay: Some(0ns), ephemeral: false"));
    assert!(layers("admin").contains("delay: Some(2.5s), ephemeral: false"));
    let _ = Notes;
}
