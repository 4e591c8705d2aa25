//! A sandbox whose bot moderates the default guild, raw gateway sessions with chosen intents,
//! and a fence: the tests of members, roles, channels and voice states read each session's
//! dispatches up to the fence, an INTERACTION_CREATE (listed under no intent) that every
//! session gets after what came before it.

use crate::common::{Client, identify};
use crate::support::Rest;
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle, Timings};
use serde_json::{Value, json};
use std::time::Duration;

pub const GUILDS: u64 = 1;
pub const GUILD_MEMBERS: u64 = 1 << 1;
pub const GUILD_VOICE_STATES: u64 = 1 << 7;

pub const KICK_MEMBERS: u64 = 1 << 1;
pub const ADMINISTRATOR: u64 = 1 << 3;
pub const MANAGE_CHANNELS: u64 = 1 << 4;
pub const VIEW_CHANNEL: u64 = 1 << 10;
pub const CONNECT: u64 = 1 << 20;
pub const MUTE_MEMBERS: u64 = 1 << 22;
pub const DEAFEN_MEMBERS: u64 = 1 << 23;
pub const MOVE_MEMBERS: u64 = 1 << 24;
pub const CHANGE_NICKNAME: u64 = 1 << 26;
pub const MANAGE_NICKNAMES: u64 = 1 << 27;
pub const MANAGE_ROLES: u64 = 1 << 28;
pub const MODERATE_MEMBERS: u64 = 1 << 40;

/// What the bot's role grants: every moderation permission, not ADMINISTRATOR.
pub const MODERATION: u64 = KICK_MEMBERS
    | MANAGE_CHANNELS
    | VIEW_CHANNEL
    | CONNECT
    | MUTE_MEMBERS
    | DEAFEN_MEMBERS
    | MOVE_MEMBERS
    | MANAGE_NICKNAMES
    | MANAGE_ROLES
    | MODERATE_MEMBERS;

/// A sandbox taking IDENTIFYs back to back, `/fence` registered, and the bot given a
/// `moderation` role above the default guild's others: the sandbox, REST, the world and that
/// role.
pub struct World {
    pub sandbox: SandboxHandle,
    pub rest: Rest,
    pub world: DefaultGuild,
    pub bot_role: u64,
}

pub async fn moderated() -> World {
    let sandbox = Sandbox::builder()
        .timings(Timings {
            identify_window: Duration::ZERO,
            ..Timings::default()
        })
        .start()
        .await
        .unwrap();
    let world = sandbox.default_guild().unwrap();
    let bot_role = sandbox
        .add_role(world.guild, "moderation", MODERATION)
        .unwrap();
    assert!(sandbox.add_member(world.guild, sandbox.bot_user_id(), &[bot_role]));
    let rest = Rest::new(&sandbox);
    rest.register(None, json!([{"name": "fence", "description": "Fence"}]))
        .await;
    World {
        sandbox,
        rest,
        world,
        bot_role,
    }
}

/// A session identified with `intents`, READY and its GUILD_CREATEs read: the client and the
/// GUILD_CREATEs' `d`.
pub async fn connect(sandbox: &SandboxHandle, intents: u64) -> (Client, Vec<Value>) {
    let url = format!("{}/?v=10&encoding=json", sandbox.gateway_url());
    let mut client = Client::connect(&url, false).await;
    assert_eq!(client.payload().await["op"], 10, "HELLO first");
    client.send(identify(&sandbox.token(), intents)).await;
    let ready = client.until(0, Some("READY")).await;
    let mut guilds = Vec::new();
    if intents & GUILDS != 0 {
        for _ in 0..ready["d"]["guilds"].as_array().map_or(0, Vec::len) {
            guilds.push(client.until(0, Some("GUILD_CREATE")).await["d"].clone());
        }
    }
    (client, guilds)
}

/// A scripted user runs `/fence`: an INTERACTION_CREATE every session gets.
pub async fn fence(sandbox: &SandboxHandle) {
    let world = sandbox.default_guild().unwrap();
    sandbox
        .user(world.member)
        .slash(world.channel, "fence", json!({}))
        .await
        .unwrap();
}

/// The dispatches a client reads before the next fence.
pub async fn until_fence(client: &mut Client) -> Vec<Value> {
    let mut seen = Vec::new();
    loop {
        let payload = client.payload().await;
        if payload["op"] != 0 {
            continue;
        }
        if payload["t"] == "INTERACTION_CREATE" {
            return seen;
        }
        seen.push(payload);
    }
}

/// The event names of dispatches.
pub fn names(dispatches: &[Value]) -> Vec<&str> {
    dispatches.iter().filter_map(|d| d["t"].as_str()).collect()
}

/// The `d` of the dispatches named `event`.
pub fn data_of(dispatches: &[Value], event: &str) -> Vec<Value> {
    dispatches
        .iter()
        .filter(|d| d["t"] == event)
        .map(|d| d["d"].clone())
        .collect()
}

/// The `code` of an error body.
pub fn code(body: &Value) -> u64 {
    body["code"].as_u64().unwrap_or(0)
}
