//! Each built-in check, passing and failing, through the sandbox's scripted users (in a guild,
//! in an age-restricted channel, in the bot's DM, with roles and permissions given and taken):
//! a failure is answered with the default error reply, ephemeral, naming what is missing.

mod common;

use bot_core::checks;
use bot_core::command::RegisteredCommand;
use bot_core::model::Permissions;
use bot_core::prelude::*;
use bot_core::spec::CommandSpec;
use bot_sandbox::{Invocation, ScriptedUser};
use common::{commands_bot_builder, started, stop};
use serde_json::json;

async fn ok(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("passed").await?;
    Ok(())
}

/// Owners only.
#[slash_command(checks = [checks::is_owner()])]
async fn owner(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// Guilds only.
#[slash_command(checks = [checks::guild_only()])]
async fn guildonly(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// DMs only.
#[slash_command(checks = [checks::dm_only()])]
async fn dmonly(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// Managers only.
#[slash_command(checks = [checks::has_permissions(Permissions::MANAGE_GUILD)])]
async fn manage(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// When the bot can ban.
#[slash_command(checks = [checks::bot_has_permissions(Permissions::BAN_MEMBERS)])]
async fn botban(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// Moderators only.
#[slash_command(checks = [checks::has_role("Moderator")])]
async fn moderators(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// Moderators or helpers.
#[slash_command(checks = [checks::has_any_role(["Moderator", "Helper"])])]
async fn staff(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// Age-restricted channels only.
#[slash_command(checks = [checks::is_nsfw()])]
async fn adults(ctx: &ApplicationContext) -> CommandResult {
    ok(ctx).await
}

/// The reply to an invocation: its text, and whether only the user sees it.
async fn reply(invocation: Result<Invocation, bot_sandbox::InvokeError>) -> (String, bool) {
    let mut invocation = invocation.unwrap();
    let response = invocation.response().await.unwrap();
    (
        response.content().unwrap_or_default().to_owned(),
        response.ephemeral(),
    )
}

fn passed() -> (String, bool) {
    ("passed".to_owned(), false)
}

fn refused(text: &str) -> (String, bool) {
    (text.to_owned(), true)
}

async fn slash(user: &ScriptedUser, channel: u64, name: &str) -> (String, bool) {
    reply(user.slash(channel, name, json!({})).await).await
}

#[tokio::test]
async fn each_built_in_check_passes_and_fails() {
    let sandbox = bot_sandbox::Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let (guild, channel) = (world.guild, world.channel);
    // A team owns the application: its members own the bot (learned at login).
    let lead = sandbox.add_user("lead");
    let dev = sandbox.add_user("dev");
    let stranger = sandbox.add_user("stranger");
    let viewer = sandbox.add_user("viewer");
    for user in [lead, dev, stranger, viewer] {
        assert!(sandbox.add_member(guild, user, &[]));
    }
    sandbox.set_team("Crew", lead, &[dev]).unwrap();
    assert!(sandbox.set_team_member(viewer, bot_sandbox::TeamRole::ReadOnly));
    let nsfw = sandbox.add_nsfw_channel(guild, "after-dark").unwrap();
    let manager = sandbox
        .add_role(guild, "Manager", Permissions::MANAGE_GUILD.bits())
        .unwrap();
    let admin = sandbox
        .add_role(guild, "Admin", Permissions::ADMINISTRATOR.bits())
        .unwrap();
    let moderator = sandbox.add_role(guild, "Moderator", 0).unwrap();
    let helper = sandbox.add_role(guild, "Helper", 0).unwrap();
    let banner = sandbox
        .add_role(guild, "Banner", Permissions::BAN_MEMBERS.bits())
        .unwrap();

    let bot = commands_bot_builder(&sandbox).build().unwrap();
    let task = started(&bot).await;
    let (lead_user, dev_user, stranger_user) = (
        sandbox.user(lead),
        sandbox.user(dev),
        sandbox.user(stranger),
    );

    // is_owner: the owning team's owner, admins and developers; not its read-only members
    // (as Discord and Pycord), nor anyone else.
    assert_eq!(slash(&lead_user, channel, "owner").await, passed());
    assert_eq!(slash(&dev_user, channel, "owner").await, passed());
    assert_eq!(
        slash(&sandbox.user(viewer), channel, "owner").await,
        refused("You do not own this bot.")
    );
    assert_eq!(
        slash(&stranger_user, channel, "owner").await,
        refused("You do not own this bot.")
    );
    let owners = bot.owner_ids();
    assert!(owners.iter().any(|id| id.get() == lead) && owners.iter().any(|id| id.get() == dev));
    assert!(!owners.iter().any(|id| id.get() == viewer));
    assert_eq!(bot.owner_id(), None, "a team owns the application");

    // guild_only / dm_only.
    assert_eq!(slash(&stranger_user, channel, "guildonly").await, passed());
    assert_eq!(
        reply(stranger_user.slash_in_dm("guildonly", json!({})).await).await,
        refused("This command cannot be used in private messages.")
    );
    assert_eq!(
        reply(stranger_user.slash_in_dm("dmonly", json!({})).await).await,
        passed()
    );
    assert_eq!(
        slash(&stranger_user, channel, "dmonly").await,
        refused("This command can only be used in private messages.")
    );

    // has_permissions: missing, given by a role, implied by ADMINISTRATOR.
    assert_eq!(
        slash(&stranger_user, channel, "manage").await,
        refused("You are missing Manage Guild permission(s) to run this command.")
    );
    assert!(sandbox.set_member_roles(guild, stranger, &[manager]));
    assert_eq!(slash(&stranger_user, channel, "manage").await, passed());
    assert!(sandbox.set_member_roles(guild, dev, &[admin]));
    assert_eq!(slash(&dev_user, channel, "manage").await, passed());

    // bot_has_permissions: the bot's own permissions, as the interaction carries them.
    assert_eq!(
        slash(&stranger_user, channel, "botban").await,
        refused("Bot requires Ban Members permission(s) to run this command.")
    );
    assert!(sandbox.set_member_roles(guild, sandbox.bot_user_id(), &[banner]));
    assert_eq!(slash(&stranger_user, channel, "botban").await, passed());

    // has_role / has_any_role, by name (the guild's roles are fetched to read names).
    assert_eq!(
        slash(&stranger_user, channel, "moderators").await,
        refused("Role 'Moderator' is required to run this command.")
    );
    assert_eq!(
        slash(&stranger_user, channel, "staff").await,
        refused("You are missing at least one of the required roles: 'Moderator', 'Helper'")
    );
    assert!(sandbox.set_member_roles(guild, stranger, &[helper]));
    assert_eq!(slash(&stranger_user, channel, "staff").await, passed());
    assert_eq!(
        slash(&stranger_user, channel, "moderators").await,
        refused("Role 'Moderator' is required to run this command.")
    );
    assert!(sandbox.set_member_roles(guild, stranger, &[moderator]));
    assert_eq!(slash(&stranger_user, channel, "moderators").await, passed());
    assert_eq!(
        reply(stranger_user.slash_in_dm("moderators", json!({})).await).await,
        refused("This command cannot be used in private messages."),
        "roles need a guild"
    );

    // has_role by id, on a command added at run time.
    bot.add_application_command(
        RegisteredCommand::new(
            CommandSpec::chat_input("helpers", "Helpers only"),
            |ctx| async move {
                ctx.respond("passed").await?;
                Ok(())
            },
        )
        .check(checks::has_role(helper)),
    )
    .await
    .unwrap();
    assert_eq!(
        slash(&stranger_user, channel, "helpers").await,
        refused(&format!(
            "Role <@&{helper}> is required to run this command."
        ))
    );
    assert!(sandbox.set_member_roles(guild, stranger, &[helper]));
    assert_eq!(slash(&stranger_user, channel, "helpers").await, passed());

    // is_nsfw: an age-restricted channel, or a DM.
    assert_eq!(
        slash(&stranger_user, channel, "adults").await,
        refused("This channel needs to be NSFW for this command to work.")
    );
    assert_eq!(slash(&stranger_user, nsfw, "adults").await, passed());
    assert_eq!(
        reply(stranger_user.slash_in_dm("adults", json!({})).await).await,
        passed()
    );
    stop(&bot, task).await;
}

#[test]
fn owner_id_and_owner_ids_together_are_refused_at_build() {
    let both = Bot::builder()
        .token("MTIz.abc.def")
        .registry(bot_core::command::CommandRegistry::default())
        .owner_id(1)
        .owner_ids([2, 3])
        .build();
    assert!(matches!(both, Err(bot_core::Error::Config(_))), "{both:?}");
    let one = Bot::builder()
        .token("MTIz.abc.def")
        .registry(bot_core::command::CommandRegistry::default())
        .owner_id(1)
        .build()
        .unwrap();
    assert_eq!(one.owner_id().map(|id| id.get()), Some(1));
    assert!(one.owner_ids().is_empty());
}
