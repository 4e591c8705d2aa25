//! Both sides of every REST route the sandbox serves, against Discord's own OpenAPI description
//! (`spec/discord-openapi.json`): the SDK (and, for routes the SDK has no call for,
//! plain HTTP) talks to the sandbox through a recording proxy; every request body must match the
//! operation's request schema and every response body the schema of its status.

mod common;
mod openapi;

use bot_core::prelude::*;
use bot_sandbox::{RouteName, Sandbox, Timings};
use common::{started, stop};
use openapi::proxy::{Exchange, Proxy, Sender};
use openapi::routes::{SANDBOX_ROUTES, declared_in_source};
use openapi::spec::{Spec, best_template};
use openapi::walk::{Raw, by_hand, callback_by_hand, commands, interactions};
use std::collections::BTreeSet;
use std::time::Duration;

/// Answers, follows up, then edits its answer.
#[slash_command]
async fn reply(ctx: &ApplicationContext) -> CommandResult {
    ctx.respond("first").await?;
    ctx.followup("second").await?;
    ctx.edit_response("first, edited").await?;
    Ok(())
}

/// Thinks, answers, whispers, then takes the answer back.
#[slash_command]
async fn think(ctx: &ApplicationContext) -> CommandResult {
    ctx.defer(false).await?;
    ctx.respond("thought").await?;
    ctx.followup(Reply::new("psst").ephemeral()).await?;
    ctx.delete_response().await?;
    Ok(())
}

/// How loud.
#[derive(Choice)]
enum Volume {
    /// Whispered.
    #[choice(name = "Quiet", name_localized("fr", "Doux"))]
    Quiet,
    /// Shouted.
    #[choice(name = "Loud", value = "loud")]
    Loud,
}

/// Repeat something (a command with options of many kinds, for the request schemas).
#[slash_command(
    name_localized("fr", "repeter"),
    description_localized("fr", "Répéter quelque chose"),
    default_member_permissions = 1 << 11
)]
async fn echo(
    ctx: &ApplicationContext,
    /// What to say
    #[min_length = 1]
    #[max_length = 100]
    text: String,
    /// How often
    #[min = 1]
    #[max = 5]
    times: Option<i64>,
    /// How loud
    volume: Option<Volume>,
    /// Where
    channel: Option<TextChannel>,
    /// Who
    target: Option<User>,
    /// A ratio
    #[min = 0.5]
    ratio: Option<f64>,
) -> CommandResult {
    let _ = (ctx, text, times, volume, channel, target, ratio);
    Ok(())
}

/// Tools.
#[slash_group(contexts = [Guild], integration_types = [GuildInstall])]
mod tools {
    use super::*;

    /// Count members.
    #[slash_command]
    async fn count(
        ctx: &ApplicationContext,
        /** Whose */
        role: Option<Role>,
    ) -> CommandResult {
        let _ = (ctx, role);
        Ok(())
    }
}

#[user_command(name = "Wave at", name_localized("de", "Zuwinken"))]
async fn wave(ctx: &ApplicationContext, user: User) -> CommandResult {
    let _ = (ctx, user);
    Ok(())
}

#[message_command(name = "Pin it")]
async fn pin(ctx: &ApplicationContext, message: Message) -> CommandResult {
    let _ = (ctx, message);
    Ok(())
}

/// The routes the SDK has a call for: each must have been used by the SDK itself, so that its
/// own request bodies were validated.
const SDK_ROUTES: &[(&str, &str)] = &[
    ("GET", "/users/@me"),
    ("PATCH", "/users/@me"),
    ("POST", "/users/@me/channels"),
    ("GET", "/users/@me/guilds"),
    ("DELETE", "/users/@me/guilds/{guild}"),
    ("GET", "/users/@me/connections"),
    ("GET", "/users/{id}"),
    ("GET", "/channels/{channel}"),
    ("PATCH", "/channels/{channel}"),
    ("DELETE", "/channels/{channel}"),
    ("PUT", "/channels/{channel}/permissions/{id}"),
    ("DELETE", "/channels/{channel}/permissions/{id}"),
    ("POST", "/channels/{channel}/typing"),
    ("GET", "/channels/{channel}/invites"),
    ("POST", "/channels/{channel}/invites"),
    ("GET", "/channels/{channel}/webhooks"),
    ("POST", "/channels/{channel}/webhooks"),
    ("POST", "/channels/{channel}/followers"),
    ("PUT", "/channels/{channel}/recipients/{user}"),
    ("DELETE", "/channels/{channel}/recipients/{user}"),
    (
        "GET",
        "/channels/{channel}/polls/{message}/answers/{answer}",
    ),
    ("POST", "/channels/{channel}/polls/{message}/expire"),
    ("PUT", "/channels/{channel}/voice-status"),
    ("POST", "/channels/{channel}/send-soundboard-sound"),
    ("GET", "/channels/{channel}/messages"),
    ("POST", "/channels/{channel}/messages/bulk-delete"),
    ("GET", "/channels/{channel}/messages/pins"),
    ("PUT", "/channels/{channel}/messages/pins/{message}"),
    ("DELETE", "/channels/{channel}/messages/pins/{message}"),
    ("GET", "/channels/{channel}/messages/{message}"),
    ("PATCH", "/channels/{channel}/messages/{message}"),
    ("DELETE", "/channels/{channel}/messages/{message}"),
    ("POST", "/channels/{channel}/messages/{message}/crosspost"),
    ("DELETE", "/channels/{channel}/messages/{message}/reactions"),
    (
        "GET",
        "/channels/{channel}/messages/{message}/reactions/{emoji}",
    ),
    (
        "DELETE",
        "/channels/{channel}/messages/{message}/reactions/{emoji}",
    ),
    (
        "PUT",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
    ),
    (
        "DELETE",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/@me",
    ),
    (
        "DELETE",
        "/channels/{channel}/messages/{message}/reactions/{emoji}/{user}",
    ),
    ("POST", "/channels/{channel}/messages/{message}/threads"),
    ("POST", "/channels/{channel}/threads"),
    ("GET", "/channels/{channel}/thread-members"),
    ("PUT", "/channels/{channel}/thread-members/@me"),
    ("DELETE", "/channels/{channel}/thread-members/@me"),
    ("GET", "/channels/{channel}/thread-members/{user}"),
    ("PUT", "/channels/{channel}/thread-members/{user}"),
    ("DELETE", "/channels/{channel}/thread-members/{user}"),
    ("GET", "/channels/{channel}/threads/archived/public"),
    ("GET", "/channels/{channel}/threads/archived/private"),
    ("GET", "/applications/@me"),
    ("GET", "/gateway/bot"),
    ("GET", "/applications/{app}/commands"),
    ("PUT", "/applications/{app}/commands"),
    ("POST", "/applications/{app}/commands"),
    ("DELETE", "/applications/{app}/commands/{id}"),
    ("GET", "/applications/{app}/guilds/{guild}/commands"),
    ("PUT", "/applications/{app}/guilds/{guild}/commands"),
    ("POST", "/applications/{app}/guilds/{guild}/commands"),
    ("DELETE", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("POST", "/channels/{channel}/messages"),
    ("POST", "/interactions/{id}/{token}/callback"),
    ("POST", "/webhooks/{webhook}/{token}"),
    ("PATCH", "/webhooks/{webhook}/{token}/messages/{message}"),
    ("DELETE", "/webhooks/{webhook}/{token}/messages/{message}"),
    ("GET", "/applications/{app}/emojis"),
    ("GET", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("PATCH", "/applications/{app}/guilds/{guild}/commands/{id}"),
    ("GET", "/guilds/{guild}"),
    ("PATCH", "/guilds/{guild}"),
    ("GET", "/guilds/{guild}/members"),
    ("GET", "/guilds/{guild}/members/search"),
    ("GET", "/guilds/{guild}/members/{user}"),
    ("PATCH", "/guilds/{guild}/members/{user}"),
    ("PATCH", "/guilds/{guild}/members/@me"),
    ("PUT", "/guilds/{guild}/members/{user}/roles/{role}"),
    ("DELETE", "/guilds/{guild}/members/{user}/roles/{role}"),
    ("DELETE", "/guilds/{guild}/members/{user}"),
    ("GET", "/guilds/{guild}/bans"),
    ("GET", "/guilds/{guild}/bans/{user}"),
    ("PUT", "/guilds/{guild}/bans/{user}"),
    ("DELETE", "/guilds/{guild}/bans/{user}"),
    ("POST", "/guilds/{guild}/bulk-ban"),
    ("GET", "/guilds/{guild}/roles"),
    ("POST", "/guilds/{guild}/roles"),
    ("PATCH", "/guilds/{guild}/roles"),
    ("GET", "/guilds/{guild}/roles/{role}"),
    ("PATCH", "/guilds/{guild}/roles/{role}"),
    ("DELETE", "/guilds/{guild}/roles/{role}"),
    ("GET", "/guilds/{guild}/channels"),
    ("POST", "/guilds/{guild}/channels"),
    ("PATCH", "/guilds/{guild}/channels"),
    ("GET", "/guilds/{guild}/threads/active"),
    ("GET", "/guilds/{guild}/audit-logs"),
    ("GET", "/guilds/{guild}/preview"),
    ("GET", "/guilds/{guild}/roles/member-counts"),
    ("GET", "/guilds/{guild}/prune"),
    ("POST", "/guilds/{guild}/prune"),
    ("GET", "/guilds/{guild}/voice-states/{user}"),
    ("PATCH", "/guilds/{guild}/voice-states/{user}"),
    ("PUT", "/guilds/{guild}/members/{user}"),
    (
        "GET",
        "/applications/{app}/guilds/{guild}/commands/permissions",
    ),
    (
        "GET",
        "/applications/{app}/guilds/{guild}/commands/{id}/permissions",
    ),
    ("GET", "/guilds/{guild}/webhooks"),
    ("GET", "/webhooks/{webhook}"),
    ("PATCH", "/webhooks/{webhook}"),
    ("DELETE", "/webhooks/{webhook}"),
    ("GET", "/webhooks/{webhook}/{token}"),
    ("PATCH", "/webhooks/{webhook}/{token}"),
    ("DELETE", "/webhooks/{webhook}/{token}"),
    ("GET", "/webhooks/{webhook}/{token}/messages/{message}"),
    ("GET", "/gateway"),
    ("GET", "/soundboard-default-sounds"),
    ("GET", "/invites/{code}"),
    ("DELETE", "/invites/{code}"),
    ("GET", "/invites/{code}/target-users"),
    ("PUT", "/invites/{code}/target-users"),
    ("GET", "/invites/{code}/target-users/job-status"),
    ("POST", "/stage-instances"),
    ("GET", "/stage-instances/{channel}"),
    ("PATCH", "/stage-instances/{channel}"),
    ("DELETE", "/stage-instances/{channel}"),
    ("GET", "/stickers/{sticker}"),
    ("GET", "/sticker-packs"),
    ("GET", "/sticker-packs/{pack}"),
    // The application (issue 28).
    ("PATCH", "/applications/@me"),
    ("GET", "/applications/{app}"),
    ("PATCH", "/applications/{app}"),
    ("GET", "/oauth2/applications/@me"),
    ("GET", "/applications/{app}/activity-instances/{instance}"),
    ("POST", "/applications/{app}/attachment"),
    ("GET", "/applications/{app}/role-connections/metadata"),
    ("PUT", "/applications/{app}/role-connections/metadata"),
    ("GET", "/applications/{app}/skus"),
    ("GET", "/applications/{app}/entitlements"),
    ("POST", "/applications/{app}/entitlements"),
    ("GET", "/applications/{app}/entitlements/{id}"),
    ("DELETE", "/applications/{app}/entitlements/{id}"),
    ("POST", "/applications/{app}/entitlements/{id}/consume"),
    ("GET", "/skus/{sku}/subscriptions"),
    ("GET", "/skus/{sku}/subscriptions/{id}"),
    // Guild administration (issue 28).
    ("GET", "/guilds/{guild}/auto-moderation/rules"),
    ("POST", "/guilds/{guild}/auto-moderation/rules"),
    ("GET", "/guilds/{guild}/auto-moderation/rules/{rule}"),
    ("PATCH", "/guilds/{guild}/auto-moderation/rules/{rule}"),
    ("DELETE", "/guilds/{guild}/auto-moderation/rules/{rule}"),
    ("GET", "/guilds/{guild}/widget"),
    ("PATCH", "/guilds/{guild}/widget"),
    ("GET", "/guilds/{guild}/widget.json"),
    ("GET", "/guilds/{guild}/vanity-url"),
    ("GET", "/guilds/{guild}/regions"),
    ("GET", "/voice/regions"),
    ("GET", "/guilds/{guild}/invites"),
    ("PUT", "/guilds/{guild}/incident-actions"),
    ("GET", "/guilds/templates/{code}"),
    ("GET", "/guilds/{guild}/templates"),
    ("POST", "/guilds/{guild}/templates"),
    ("PUT", "/guilds/{guild}/templates/{code}"),
    ("PATCH", "/guilds/{guild}/templates/{code}"),
    ("DELETE", "/guilds/{guild}/templates/{code}"),
    // Issue 28: emojis, stickers, soundboard sounds and scheduled events.
    ("GET", "/guilds/{guild}/stickers"),
    ("POST", "/guilds/{guild}/stickers"),
    ("GET", "/guilds/{guild}/stickers/{sticker}"),
    ("PATCH", "/guilds/{guild}/stickers/{sticker}"),
    ("DELETE", "/guilds/{guild}/stickers/{sticker}"),
    ("GET", "/guilds/{guild}/soundboard-sounds"),
    ("POST", "/guilds/{guild}/soundboard-sounds"),
    ("GET", "/guilds/{guild}/soundboard-sounds/{sound}"),
    ("PATCH", "/guilds/{guild}/soundboard-sounds/{sound}"),
    ("DELETE", "/guilds/{guild}/soundboard-sounds/{sound}"),
    ("GET", "/guilds/{guild}/emojis"),
    ("POST", "/guilds/{guild}/emojis"),
    ("GET", "/guilds/{guild}/emojis/{emoji}"),
    ("PATCH", "/guilds/{guild}/emojis/{emoji}"),
    ("DELETE", "/guilds/{guild}/emojis/{emoji}"),
    ("POST", "/applications/{app}/emojis"),
    ("GET", "/applications/{app}/emojis/{emoji}"),
    ("PATCH", "/applications/{app}/emojis/{emoji}"),
    ("DELETE", "/applications/{app}/emojis/{emoji}"),
    ("GET", "/guilds/{guild}/scheduled-events"),
    ("POST", "/guilds/{guild}/scheduled-events"),
    ("GET", "/guilds/{guild}/scheduled-events/{event}"),
    ("PATCH", "/guilds/{guild}/scheduled-events/{event}"),
    ("DELETE", "/guilds/{guild}/scheduled-events/{event}"),
    ("GET", "/guilds/{guild}/scheduled-events/{event}/users"),
    (
        "GET",
        "/guilds/{guild}/scheduled-events/{event}/users/counts",
    ),
    (
        "GET",
        "/guilds/{guild}/scheduled-events/{event}/{exception}/users",
    ),
    (
        "POST",
        "/guilds/{guild}/scheduled-events/{event}/exceptions",
    ),
    (
        "PATCH",
        "/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}",
    ),
    (
        "DELETE",
        "/guilds/{guild}/scheduled-events/{event}/exceptions/{exception}",
    ),
];

/// The sandbox route (method, template) an exchange used.
fn sandbox_route(exchange: &Exchange) -> Option<(&'static str, &'static str)> {
    let templates = SANDBOX_ROUTES
        .iter()
        .filter(|(method, _)| *method == exchange.method)
        .map(|(_, template)| *template);
    let template = best_template(templates, &exchange.path)?;
    SANDBOX_ROUTES
        .iter()
        .copied()
        .find(|(method, t)| *method == exchange.method && *t == template)
}

#[test]
fn the_route_list_is_the_sandboxs_router() {
    let source = include_str!("../bot-sandbox/src/rest/mod.rs");
    let declared: BTreeSet<(String, String)> = declared_in_source(source).into_iter().collect();
    let listed: BTreeSet<(String, String)> = SANDBOX_ROUTES
        .iter()
        .map(|(m, t)| ((*m).to_owned(), (*t).to_owned()))
        .collect();
    assert!(!declared.is_empty(), "routes found in the router's source");
    assert_eq!(
        declared, listed,
        "SANDBOX_ROUTES (and the walk in this file) must list exactly the router's REST routes"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_matches_discords_openapi_description() {
    let spec = Spec::load();
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .rate_limit(RouteName::CreateMessage, 1, Duration::from_secs(60))
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    let proxy = Proxy::start(sandbox.addr()).await;
    let raw = Raw {
        client: reqwest::Client::new(),
        base: proxy.rest_url(),
        token: sandbox.token(),
    };
    let bot = Bot::builder()
        .token(sandbox.token())
        .api_base(proxy.rest_url())
        .registry(CommandRegistry::collect().expect("this binary's commands"))
        .build()
        .expect("a bot");
    let task = started(&bot).await;
    interactions(&sandbox, world, &raw, &bot).await;
    stop(&bot, task).await;
    callback_by_hand(&sandbox, world, &raw).await;
    commands(&sandbox, world, &raw, bot.http()).await;
    by_hand(&sandbox, world, &raw).await;
    let http = bot_core::http::Http::new(
        proxy.rest_url(),
        bot_core::http::Token::new(sandbox.token()),
    );
    openapi::walk_channels::channels(&sandbox, world, &http).await;
    openapi::walk_channel_extras::channel_extras(&sandbox, world, &http).await;
    sandbox.add_application_emoji("walker");
    let emojis = http
        .application_emojis(bot_core::model::Id::new(sandbox.application_id()))
        .await
        .expect("the application's emojis");
    assert_eq!(emojis.len(), 1);
    openapi::walk_guild::guild(&sandbox, world, &http).await;
    openapi::walk_guild_extras::guild_extras(&sandbox, world, &http).await;
    openapi::walk_webhooks::webhooks(&sandbox, world, &http).await;
    openapi::walk_misc::misc(&sandbox, world, &http).await;
    openapi::walk_application::application(&sandbox, world, &http).await;
    openapi::walk_guild_admin::guild_admin(&sandbox, world, &http).await;
    openapi::walk_expressions::expressions(&sandbox, world, &http).await;

    let exchanges = proxy.exchanges();
    let coverage = openapi::coverage::Coverage::of(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/discord-openapi.json"),
        &exchanges,
    );
    let readme = include_str!("../README.md");
    assert_eq!(
        coverage.operations.len(),
        242,
        "every operation of the spec is accounted for"
    );
    assert!(
        readme.contains(&coverage.readme_line()),
        "README.md must say, on a line of its own:\n{}",
        coverage.readme_line()
    );
    let findings = openapi::check(&spec, &exchanges);
    let seen: BTreeSet<(&str, &str)> = exchanges
        .iter()
        .filter(|e| (200..300).contains(&e.status))
        .filter_map(sandbox_route)
        .collect();
    let missing: Vec<String> = SANDBOX_ROUTES
        .iter()
        .filter(|route| !seen.contains(*route))
        .map(|(method, template)| format!("{method} {template}"))
        .collect();
    let by_sdk: BTreeSet<(&str, &str)> = exchanges
        .iter()
        .filter(|e| e.sender == Sender::Sdk)
        .filter_map(sandbox_route)
        .collect();
    let not_by_sdk: Vec<String> = SDK_ROUTES
        .iter()
        .filter(|route| !by_sdk.contains(*route))
        .map(|(method, template)| format!("{method} {template}"))
        .collect();
    let statuses: BTreeSet<u16> = exchanges.iter().map(|e| e.status).collect();
    let mut problems = Vec::new();
    if !findings.is_empty() {
        problems.push(format!(
            "{} violation(s) of Discord's OpenAPI description:\n  {}",
            findings.len(),
            findings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n  ")
        ));
    }
    if !missing.is_empty() {
        problems.push(format!(
            "routes never answered with a 2xx: {}",
            missing.join(", ")
        ));
    }
    if !not_by_sdk.is_empty() {
        problems.push(format!(
            "routes the SDK has a call for but never used: {}",
            not_by_sdk.join(", ")
        ));
    }
    for status in [400, 401, 404, 429] {
        if !statuses.contains(&status) {
            problems.push(format!("no {status} answer was validated"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} exchanges checked; the spec was amended at: {}\n{}",
        exchanges.len(),
        openapi::spec::amendments()
            .map(|(pointer, why)| format!("{pointer} ({why})"))
            .collect::<Vec<_>>()
            .join("; "),
        problems.join("\n")
    );
}
