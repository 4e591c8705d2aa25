//! Moderation, offline against an embedded `bot-sandbox`:
//!
//! ```text
//! cargo run --example moderation
//! ```
//!
//! The README's `ban` command (the same code; `tests/moderation_example.rs` checks they match):
//! a moderator with BAN_MEMBERS bans a spammer with `/ban`. Then the bot, as its own moderator,
//! times a member out, gives and takes a role, kicks someone, and reads the audit log back, each
//! action with its reason. It prints what happened and exits.

use bot_core::checks;
use bot_core::command::AutocompleteContext;
use bot_core::http::AuditLogFilter;
use bot_core::model::{CreateRole, Id, Permissions, Timestamp};
use bot_core::prelude::*;
use futures_util::TryStreamExt;
use serde_json::json;
use std::time::Duration;

async fn explain(ctx: &ApplicationContext, error: &CommandError) -> CommandResult {
    ctx.respond(Reply::new(format!("cannot do that: {error}")).ephemeral())
        .await?;
    Ok(())
}

async fn reasons(ctx: &AutocompleteContext) -> Vec<String> {
    ["spam", "abuse"]
        .into_iter()
        .filter(|r| r.starts_with(ctx.value()))
        .map(String::from)
        .collect()
}

/// Bans a member.
#[slash_command(
    checks = [checks::guild_only(), checks::has_permissions(Permissions::BAN_MEMBERS)],
    cooldown(1, 5.0, User),
    on_error = explain
)]
async fn ban(
    ctx: &ApplicationContext,
    /// Who
    user: User,
    /// Why
    #[autocomplete = reasons]
    reason: String,
) -> CommandResult {
    let Some(guild) = ctx.guild_id() else {
        return Ok(()); // guild_only() refused it before
    };
    ctx.http()?
        .ban_member(guild, user.id, None, Some(&reason))
        .await?;
    ctx.respond(format!("banned {} for {reason}", user.username))
        .await?;
    Ok(())
}

/// What the bot may do as a moderator here.
fn moderator() -> Permissions {
    Permissions::BAN_MEMBERS
        | Permissions::KICK_MEMBERS
        | Permissions::MANAGE_ROLES
        | Permissions::MODERATE_MEMBERS
        | Permissions::VIEW_AUDIT_LOG
        | Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = bot_sandbox::Sandbox::builder().start().await?;
    let world = sandbox.default_guild().ok_or("the sandbox seeds a guild")?;
    let guild = Id::new(world.guild);
    let role = sandbox
        .add_role(world.guild, "bot", moderator().bits())
        .ok_or("the guild")?;
    sandbox.set_member_roles(world.guild, sandbox.bot_user_id(), &[role]);
    let mods = sandbox
        .add_role(world.guild, "mods", Permissions::BAN_MEMBERS.bits())
        .ok_or("the guild")?;
    let (carol, spammer, dave) = (
        sandbox.add_user("carol"),
        sandbox.add_user("spammer"),
        sandbox.add_user("dave"),
    );
    sandbox.add_member(world.guild, carol, &[mods]);
    sandbox.add_member(world.guild, spammer, &[]);
    sandbox.add_member(world.guild, dave, &[]);

    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(sandbox.rest_url())
        .intents(Intents::default() | Intents::GUILD_MEMBERS)
        .build()?;
    let runner = bot.clone();
    let running = tokio::spawn(async move { runner.start().await });
    tokio::time::timeout(Duration::from_secs(10), bot.wait_until_ready()).await??;

    // A moderator uses the README's /ban.
    let options = json!({"user": spammer.to_string(), "reason": "spam"});
    println!("carol > /ban user:spammer reason:spam");
    let mut call = sandbox
        .user(carol)
        .slash(world.channel, "ban", options)
        .await?;
    let answer = call.response().await?;
    println!("bot > {}", answer.content().unwrap_or_default());
    let ban = bot.http().guild_ban(guild, Id::new(spammer)).await?;
    println!(
        "ban: {} ({})",
        ban.user.username,
        ban.reason.as_deref().unwrap_or("-")
    );

    // The bot moderates: a timeout, a role given and taken, a kick.
    let ctx = bot.context();
    let member = bot
        .get_member(guild, Id::new(world.member))
        .ok_or("the member is cached")?;
    let in_an_hour = Timestamp::from_unix_seconds(Timestamp::now().unix_seconds() + 3_600);
    member
        .timeout(ctx, Some(in_an_hour), Some("cool down"))
        .await?;
    let helpers = guild
        .create_role(ctx, CreateRole::new("helpers"), Some("a helpers role"))
        .await?;
    member
        .add_roles(ctx, [helpers.id], Some("helping out"))
        .await?;
    member
        .remove_roles(ctx, [helpers.id], Some("done helping"))
        .await?;
    bot.get_member(guild, Id::new(dave))
        .ok_or("dave is cached")?
        .kick(ctx, Some("inactive"))
        .await?;

    // The audit log, oldest first.
    let mut entries: Vec<_> = guild
        .audit_logs(ctx, AuditLogFilter::new(), None)
        .try_collect()
        .await?;
    entries.reverse();
    for entry in entries {
        println!(
            "audit: {:?} ({})",
            entry.action_type,
            entry.reason.as_deref().unwrap_or("-")
        );
    }
    println!("Done: a ban by command, a timeout, roles, a kick and the audit log, offline.");
    bot.close();
    running.await??;
    Ok(())
}
