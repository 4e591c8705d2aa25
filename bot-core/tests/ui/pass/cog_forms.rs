//! A cog in every form: commands of each kind, a group and a subgroup, listeners with and
//! without the bot and with state, the special methods, cog-wide checks and limits; an
//! extension with a teardown.
#![deny(warnings, missing_docs)]

use bot_core::checks;
use bot_core::command::State;
use bot_core::event::MessageCreate;
use bot_core::extension::Extension;
use bot_core::prelude::*;

/// Some state.
pub struct Settings;

/// A cog.
#[derive(Default)]
pub struct Music {
    plays: std::sync::atomic::AtomicU64,
}

#[cog(name = "music", checks = [checks::guild_only()], cooldown(5, 10, Guild), max_concurrency(2, Channel))]
impl Music {
    /// Plays.
    #[slash_command(cooldown(1, 2.0, User))]
    pub async fn play(
        &self,
        ctx: &ApplicationContext,
        /// The song
        song: String,
        settings: State<Settings>,
    ) -> CommandResult {
        let _ = (ctx, song, settings);
        self.plays.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Shows the user's songs.
    #[user_command(name = "Songs")]
    pub async fn songs(&self, ctx: &ApplicationContext, user: User) -> CommandResult {
        let _ = (ctx, user);
        Ok(())
    }

    /// Quotes a message.
    #[message_command(name = "Quote")]
    pub async fn quote(&self, ctx: &ApplicationContext, message: Message) -> CommandResult {
        let _ = (ctx, message);
        Ok(())
    }

    /// The queue.
    #[slash_group]
    fn queue(&self) {}

    /// Shows the queue.
    #[slash_command(group = queue)]
    pub async fn show(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Edits the queue.
    #[slash_group(group = queue, checks = [checks::has_permissions(bot_core::model::Permissions::MANAGE_GUILD)])]
    fn edit(&self) {}

    /// Clears the queue.
    #[slash_command(group = edit)]
    pub async fn clear(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// Hears messages.
    #[listen]
    pub async fn heard(&self, message: &MessageCreate) {
        let _ = message;
    }

    /// Hears messages with the bot and state.
    #[listen("on_message", concurrent)]
    pub async fn heard_too(
        &self,
        ctx: &Context,
        message: &MessageCreate,
        settings: State<Settings>,
    ) -> Result<(), bot_core::Error> {
        let _ = (ctx, message, settings);
        Ok(())
    }

    async fn cog_check(&self, ctx: &ApplicationContext) -> Result<bool, CommandError> {
        Ok(ctx.guild_id().is_some())
    }

    async fn cog_before_invoke(&self, ctx: &ApplicationContext) {
        let _ = ctx;
    }

    async fn cog_after_invoke(&self, ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    async fn cog_command_error(&self, ctx: &ApplicationContext, error: &CommandError) {
        let _ = (ctx, error);
    }

    async fn cog_unload(&self) {}
}

/// An extension.
#[bot_core::extension(name = "music", teardown = stop_music)]
pub async fn music(ext: &mut Extension) -> Result<(), CommandError> {
    ext.add_cog(Music::default());
    Ok(())
}

/// Its teardown.
pub async fn stop_music(ctx: &Context) {
    let _ = ctx;
}

fn main() {}
