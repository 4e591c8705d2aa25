//! A 12-command bot (groups, choices, localizations, permissions, every option type) whose
//! registry yields exactly the JSON written below by hand.

use bot_core::command::{CommandScope, SyncConfig};
use bot_core::prelude::*;
use bot_core::spec::ChoiceSpec;
use serde_json::json;

#[derive(Choice, Debug, PartialEq)]
enum Unit {
    Celsius,
    #[choice(name = "Fahrenheit (US)")]
    Fahrenheit,
}

#[derive(Choice, Debug, PartialEq)]
enum Level {
    #[choice(name_localized("fr", "Bas"))]
    Low = 1,
    High = 10,
}

/// Replies with pong.
///
/// Everything after the first paragraph is help text, not the description.
#[slash_command]
async fn ping(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// Convert a temperature.
#[slash_command(guild_ids = [123456789012345678])]
async fn convert(
    ctx: &ApplicationContext,
    /// The value to convert
    #[min = -273.15]
    value: f64,
    /// Target unit
    unit: Unit,
    /// Decimal places
    #[min = 0]
    #[max = 6]
    places: Option<i64>,
) -> CommandResult {
    let _ = (ctx, value, unit, places);
    Ok(())
}

/// Roll dice.
#[slash_command]
async fn roll(
    ctx: &ApplicationContext,
    /// Sides per die
    #[min = 2]
    sides: u8,
    /// How many dice
    #[default = 1]
    count: i32,
) -> CommandResult {
    let _ = (ctx, sides, count);
    Ok(())
}

/// About someone.
#[slash_command]
async fn info(
    ctx: &ApplicationContext,
    /// Whom
    user: User,
    /// As a member
    member: Option<Member>,
    /// A role
    role: Option<Role>,
    /// Anyone or any role
    mention: Option<Mentionable>,
) -> CommandResult {
    let _ = (ctx, user, member, role, mention);
    Ok(())
}

/// Post somewhere.
#[slash_command]
async fn post(
    ctx: &ApplicationContext,
    /// Where
    channel: TextChannel,
    /// In a thread
    thread: Option<ThreadChannel>,
    /// Or a voice channel
    #[channel_types(GuildVoice, GuildStageVoice)]
    any: Option<Channel>,
) -> CommandResult {
    let _ = (ctx, channel, thread, any);
    Ok(())
}

/// Upload a file.
#[slash_command]
async fn upload(
    ctx: &ApplicationContext,
    /// The file
    #[file_types("image", ".pdf")]
    file: Attachment,
    /// A note
    #[min_length = 1]
    #[max_length = 200]
    note: Option<String>,
) -> CommandResult {
    let _ = (ctx, file, note);
    Ok(())
}

async fn suggest(ctx: &bot_core::command::AutocompleteContext) -> Vec<ChoiceSpec<'static>> {
    let partial = ctx.value().to_owned();
    vec![ChoiceSpec {
        name: partial.clone().into(),
        value: bot_core::spec::ChoiceValue::String(partial.into()),
        name_localizations: Default::default(),
    }]
}

/// Search the docs.
#[slash_command(
    name_localized("fr", "recherche"),
    description_localized("fr", "Chercher")
)]
async fn search(
    ctx: &ApplicationContext,
    /// What to look for
    #[autocomplete = suggest]
    #[name_localized("fr", "requete")]
    #[description_localized("fr", "Quoi chercher")]
    query: String,
) -> CommandResult {
    let _ = (ctx, query);
    Ok(())
}

/// Administer the bot.
#[slash_command(
    default_member_permissions = 8,
    nsfw,
    contexts = [Guild],
    integration_types = [GuildInstall]
)]
async fn admin(ctx: &ApplicationContext) -> CommandResult {
    let _ = ctx;
    Ok(())
}

/// Greet someone.
#[slash_command(name = "greet", name_localized("de", "gruessen"))]
async fn greet_command(
    ctx: &ApplicationContext,
    /// How loud
    #[rename = "level"]
    loudness: Level,
) -> CommandResult {
    let _ = (ctx, loudness);
    Ok(())
}

/// Manage permissions.
#[slash_group]
mod perm {
    use super::*;

    /// Reset every permission.
    #[slash_command]
    async fn reset(ctx: &ApplicationContext) -> CommandResult {
        let _ = ctx;
        Ok(())
    }

    /// A user's permissions.
    #[slash_group]
    mod user {
        use super::*;

        /// Show a user's level.
        #[slash_command]
        async fn get(
            ctx: &ApplicationContext,
            /** The user */
            user: User,
        ) -> CommandResult {
            let _ = (ctx, user);
            Ok(())
        }

        /// Set a user's level.
        #[slash_command]
        async fn set(
            ctx: &ApplicationContext,
            /// The user
            user: User,
            /// The level
            level: Level,
        ) -> CommandResult {
            let _ = (ctx, user, level);
            Ok(())
        }
    }
}

#[user_command(name = "Show avatar")]
async fn avatar(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

#[message_command(name = "Quote")]
async fn quote(ctx: &ApplicationContext, message: Message) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

fn expected_global() -> serde_json::Value {
    json!([
        {"name": "admin", "type": 1, "description": "Administer the bot.",
         "default_member_permissions": "8", "nsfw": true, "contexts": [0], "integration_types": [0]},
        {"name": "greet", "type": 1, "description": "Greet someone.",
         "name_localizations": {"de": "gruessen"},
         "options": [
            {"type": 4, "name": "level", "description": "How loud", "required": true,
             "choices": [
                {"name": "Low", "name_localizations": {"fr": "Bas"}, "value": 1},
                {"name": "High", "value": 10}
             ]}
         ]},
        {"name": "info", "type": 1, "description": "About someone.", "options": [
            {"type": 6, "name": "user", "description": "Whom", "required": true},
            {"type": 6, "name": "member", "description": "As a member", "required": false},
            {"type": 8, "name": "role", "description": "A role", "required": false},
            {"type": 9, "name": "mention", "description": "Anyone or any role", "required": false}
        ]},
        {"name": "perm", "type": 1, "description": "Manage permissions.", "options": [
            {"type": 1, "name": "reset", "description": "Reset every permission."},
            {"type": 2, "name": "user", "description": "A user's permissions.", "options": [
                {"type": 1, "name": "get", "description": "Show a user's level.", "options": [
                    {"type": 6, "name": "user", "description": "The user", "required": true}
                ]},
                {"type": 1, "name": "set", "description": "Set a user's level.", "options": [
                    {"type": 6, "name": "user", "description": "The user", "required": true},
                    {"type": 4, "name": "level", "description": "The level", "required": true,
                     "choices": [
                        {"name": "Low", "name_localizations": {"fr": "Bas"}, "value": 1},
                        {"name": "High", "value": 10}
                     ]}
                ]}
            ]}
        ]},
        {"name": "ping", "type": 1, "description": "Replies with pong."},
        {"name": "post", "type": 1, "description": "Post somewhere.", "options": [
            {"type": 7, "name": "channel", "description": "Where", "required": true,
             "channel_types": [0]},
            {"type": 7, "name": "thread", "description": "In a thread", "required": false,
             "channel_types": [10, 11, 12]},
            {"type": 7, "name": "any", "description": "Or a voice channel", "required": false,
             "channel_types": [2, 13]}
        ]},
        {"name": "roll", "type": 1, "description": "Roll dice.", "options": [
            {"type": 4, "name": "sides", "description": "Sides per die", "required": true,
             "min_value": 2, "max_value": 255},
            {"type": 4, "name": "count", "description": "How many dice", "required": false,
             "min_value": -2147483648i64, "max_value": 2147483647}
        ]},
        {"name": "search", "type": 1, "description": "Search the docs.",
         "name_localizations": {"fr": "recherche"},
         "description_localizations": {"fr": "Chercher"},
         "options": [
            {"type": 3, "name": "query", "description": "What to look for", "required": true,
             "name_localizations": {"fr": "requete"},
             "description_localizations": {"fr": "Quoi chercher"},
             "autocomplete": true}
         ]},
        {"name": "upload", "type": 1, "description": "Upload a file.", "options": [
            {"type": 11, "name": "file", "description": "The file", "required": true,
             "file_types": ["image", ".pdf"]},
            {"type": 3, "name": "note", "description": "A note", "required": false,
             "min_length": 1, "max_length": 200}
        ]},
        {"name": "Show avatar", "type": 2, "description": ""},
        {"name": "Quote", "type": 3, "description": ""}
    ])
}

fn expected_guild() -> serde_json::Value {
    json!([
        {"name": "convert", "type": 1, "description": "Convert a temperature.", "options": [
            {"type": 10, "name": "value", "description": "The value to convert", "required": true,
             "min_value": -273.15},
            {"type": 3, "name": "unit", "description": "Target unit", "required": true,
             "choices": [
                {"name": "Celsius", "value": "Celsius"},
                {"name": "Fahrenheit (US)", "value": "Fahrenheit"}
             ]},
            {"type": 4, "name": "places", "description": "Decimal places", "required": false,
             "min_value": 0, "max_value": 6}
        ]}
    ])
}

#[test]
fn twelve_commands_yield_the_hand_written_json() {
    let registry = CommandRegistry::collect().unwrap();
    assert_eq!(registry.commands().len(), 12);
    let payloads = registry.payloads(&SyncConfig::default()).unwrap();
    assert_eq!(payloads.len(), 2);
    assert_eq!(payloads[&CommandScope::Global], expected_global());
    assert_eq!(
        payloads[&CommandScope::Guild(123456789012345678.into())],
        expected_guild()
    );
}

#[test]
fn the_doc_comment_after_its_first_paragraph_is_help_text() {
    let registry = CommandRegistry::collect().unwrap();
    let ping = registry
        .commands()
        .iter()
        .find(|c| c.spec().name == "ping")
        .unwrap();
    assert_eq!(ping.spec().description, "Replies with pong.");
    assert_eq!(
        ping.help(),
        "Everything after the first paragraph is help text, not the description."
    );
}

#[test]
fn debug_guilds_move_every_command_and_drop_global_only_fields() {
    let registry = CommandRegistry::collect().unwrap();
    let config = SyncConfig {
        debug_guilds: vec![7.into()],
        ..SyncConfig::default()
    };
    let payloads = registry.payloads(&config).unwrap();
    assert_eq!(
        payloads.keys().collect::<Vec<_>>(),
        [&CommandScope::Guild(7.into())]
    );
    let commands = payloads[&CommandScope::Guild(7.into())].as_array().unwrap();
    assert_eq!(commands.len(), 12);
    let admin = commands.iter().find(|c| c["name"] == "admin").unwrap();
    assert!(admin.get("contexts").is_none());
    assert!(admin.get("integration_types").is_none());
    assert_eq!(admin["default_member_permissions"], "8");
}

#[test]
fn default_contexts_apply_to_global_commands_without_their_own() {
    use bot_core::spec::{IntegrationType, InteractionContextType};
    let registry = CommandRegistry::collect().unwrap();
    let config = SyncConfig {
        default_contexts: Some(vec![
            InteractionContextType::Guild,
            InteractionContextType::BotDm,
        ]),
        default_integration_types: Some(vec![IntegrationType::UserInstall]),
        ..SyncConfig::default()
    };
    let payloads = registry.payloads(&config).unwrap();
    let global = payloads[&CommandScope::Global].as_array().unwrap();
    let ping = global.iter().find(|c| c["name"] == "ping").unwrap();
    assert_eq!(ping["contexts"], json!([0, 1]));
    assert_eq!(ping["integration_types"], json!([1]));
    let admin = global.iter().find(|c| c["name"] == "admin").unwrap();
    assert_eq!(
        admin["contexts"],
        json!([0]),
        "a command's own contexts win"
    );
    let guild = payloads[&CommandScope::Guild(123456789012345678.into())]
        .as_array()
        .unwrap();
    assert!(
        guild[0].get("contexts").is_none(),
        "guild commands have no contexts"
    );
}
