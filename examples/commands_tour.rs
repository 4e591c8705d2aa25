//! A tour of the command macros: every kind of command, option type and attribute, collected
//! without a hand-written list and printed as the JSON a sync would send to Discord.
//!
//! ```text
//! cargo run --example commands_tour
//! ```

use bot_core::command::{CommandScope, SyncConfig};
use bot_core::prelude::*;
use bot_core::spec::ChoiceSpec;

/// Where a moderation action is logged.
#[derive(Choice)]
enum LogLevel {
    /// Only in the audit log.
    #[choice(name = "Audit log only", name_localized("fr", "Journal d'audit"))]
    Audit,
    /// Also in the moderation channel.
    #[choice(name = "Moderation channel", value = "channel")]
    Channel,
}

/// How long a timeout lasts, in minutes.
#[derive(Choice)]
enum Duration {
    Minute = 1,
    Hour = 60,
    Day = 1440,
}

/// Replies with pong.
///
/// Only the first paragraph of a doc comment is the description; the rest is help text.
#[slash_command]
async fn ping(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// Convert a temperature.
#[slash_command(
    name_localized("fr", "convertir"),
    description_localized("fr", "Convertir une température")
)]
async fn convert(
    ctx: &ApplicationContext,
    /// The value to convert
    #[min = -273.15]
    value: f64,
    /// Decimal places
    #[min = 0]
    #[max = 6]
    #[default = 2]
    places: u8,
) -> CommandResult {
    let _ = (ctx, value, places);
    Ok(())
}

async fn suggest_tags(ctx: &AutocompleteContext) -> Vec<ChoiceSpec<'static>> {
    ["rust", "discord", "bots"]
        .into_iter()
        .filter(|tag| tag.starts_with(ctx.value()))
        .map(|tag| ChoiceSpec::string(tag, tag))
        .collect()
}

/// Post an announcement.
#[slash_command(guild_ids = [123456789012345678], default_member_permissions = 1 << 5)]
async fn announce(
    ctx: &ApplicationContext,
    /// Where to post it
    channel: TextChannel,
    /// What to say
    #[min_length = 1]
    #[max_length = 2000]
    text: String,
    /// A tag, suggested as you type
    #[autocomplete = suggest_tags]
    tag: Option<String>,
    /// An image to attach
    #[file_types("image")]
    image: Option<Attachment>,
    /// Who to ping
    mention: Option<Mentionable>,
    /// Or a voice or stage channel instead
    #[channel_types(GuildVoice, GuildStageVoice)]
    voice: Option<Channel>,
) -> CommandResult {
    let _ = (ctx, channel, text, tag, image, mention, voice);
    Ok(())
}

/// Moderate the server.
#[slash_group(default_member_permissions = 1 << 2, contexts = [Guild], integration_types = [GuildInstall])]
mod moderate {
    use super::*;

    /// Time a member out.
    #[slash_command]
    async fn timeout(
        ctx: &ApplicationContext,
        /// Whom
        member: Member,
        /// For how long
        duration: Duration,
        /// Where to log it
        log: Option<LogLevel>,
    ) -> CommandResult {
        let _ = (ctx, member, duration, log);
        Ok(())
    }

    /// Roles.
    #[slash_group]
    mod role {
        use super::*;

        /// Give a role.
        #[slash_command]
        async fn give(
            ctx: &ApplicationContext,
            /// Whom
            user: User,
            /// Which role
            role: Role,
        ) -> CommandResult {
            let _ = (ctx, user, role);
            Ok(())
        }
    }
}

/// Roll dice (age-restricted, for the tour's sake).
#[slash_command(nsfw)]
async fn roll(
    ctx: &ApplicationContext,
    /// Sides per die
    #[min = 2]
    sides: u8,
    /// Whether to show each die
    verbose: Option<bool>,
    /// A forum thread to post in
    thread: Option<ThreadChannel>,
    /// A large count
    count: Option<i32>,
) -> CommandResult {
    let _ = (ctx, sides, verbose, thread, count);
    Ok(())
}

#[user_command(name = "Show avatar", name_localized("de", "Avatar zeigen"))]
async fn avatar(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

#[message_command(name = "Quote")]
async fn quote(ctx: &ApplicationContext, message: Message) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let registry = CommandRegistry::collect()?;
    println!("{} commands collected:", registry.commands().len());
    for command in registry.commands() {
        println!(
            "  {:<12} {}",
            command.spec().name,
            command.source().unwrap_or("(built at run time)")
        );
    }
    for (scope, body) in registry.payloads(&SyncConfig::default())? {
        let endpoint = match scope {
            CommandScope::Global => "PUT /applications/{app}/commands".to_owned(),
            CommandScope::Guild(id) => format!("PUT /applications/{{app}}/guilds/{id}/commands"),
        };
        println!("\n{endpoint}\n{}", serde_json::to_string_pretty(&body)?);
    }
    Ok(())
}
