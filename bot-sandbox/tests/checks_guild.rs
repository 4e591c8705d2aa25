//! What guild checks read: a channel's `nsfw` (GUILD_CREATE, CHANNEL_UPDATE, `GET
//! /channels/{id}`, the interaction's `channel`), age-restricted commands, and permissions as
//! Discord computes them (ADMINISTRATOR grants all; developers/topics/permissions.mdx) in
//! `member.permissions`, `member.roles` and the bot's `app_permissions`.

mod common;
mod schema;
mod support;

use bot_sandbox::{InvokeError, Sandbox};
use schema::Spec;
use serde_json::{Value, json};
use support::{Rest, next_interaction, session};

/// Every permission bit Discord defines (bits 0–50).
const ALL: u64 = (1 << 51) - 1;
const ADMINISTRATOR: u64 = 1 << 3;
const KICK_MEMBERS: u64 = 1 << 1;
const MANAGE_MESSAGES: u64 = 1 << 13;
/// @everyone in a new guild: Discord's defaults the sandbox checks (view, send, read history,
/// application commands, reactions, embeds, files, threads).
const EVERYONE: u64 = (1 << 6)
    | (1 << 10)
    | (1 << 11)
    | (1 << 14)
    | (1 << 15)
    | (1 << 16)
    | (1 << 31)
    | (1 << 35)
    | (1 << 36)
    | (1 << 38);

/// The snowflake a JSON string holds.
fn id_of(value: &Value) -> Option<u64> {
    value.as_str()?.parse().ok()
}

fn channel_in(guild: &Value, id: u64) -> &Value {
    guild["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| id_of(&c["id"]) == Some(id))
        .expect("the channel is in GUILD_CREATE")
}

#[tokio::test]
async fn nsfw_channels_are_marked_everywhere_and_gate_age_restricted_commands() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let rest = Rest::new(&sandbox);
    let spec = Spec::load();
    let lounge = sandbox
        .add_nsfw_channel(world.guild, "lounge")
        .expect("a known guild");
    assert_eq!(sandbox.add_nsfw_channel(1, "nowhere"), None);
    rest.register(
        None,
        json!([
            {"name": "spicy", "description": "Age-restricted", "nsfw": true},
            {"name": "where", "description": "Anywhere"},
        ]),
    )
    .await;
    let (mut client, guilds) = session(&sandbox).await;
    assert_eq!(channel_in(&guilds[0], lounge)["nsfw"], true);
    assert_eq!(channel_in(&guilds[0], world.channel)["nsfw"], false);
    for (id, nsfw) in [(lounge, true), (world.channel, false)] {
        let (status, channel) = rest.get(&format!("/channels/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(channel["nsfw"], nsfw);
        spec.assert_valid("GuildChannelResponse", &channel);
    }

    let bob = sandbox.user(world.member);
    bob.slash(lounge, "spicy", json!({})).await.unwrap();
    let interaction = next_interaction(&mut client).await;
    assert_eq!(interaction["channel"]["nsfw"], true);
    assert_eq!(interaction["channel_id"], lounge.to_string());
    assert_eq!(
        bob.slash(world.channel, "spicy", json!({}))
            .await
            .unwrap_err(),
        InvokeError::AgeRestricted("spicy".to_owned()),
        "Discord's client hides age-restricted commands outside age-restricted channels"
    );
    bob.slash(world.channel, "where", json!({})).await.unwrap();
    assert_eq!(
        next_interaction(&mut client).await["channel"]["nsfw"],
        false
    );
    bob.slash_in_dm("spicy", json!({}))
        .await
        .expect("in the bot's DM the user is taken to have opted in");
    next_interaction(&mut client).await;

    assert!(sandbox.set_channel_nsfw(world.channel, true));
    let update = client.until(0, Some("CHANNEL_UPDATE")).await["d"].clone();
    assert_eq!(update["id"], world.channel.to_string());
    assert_eq!(update["guild_id"], world.guild.to_string());
    assert_eq!(update["nsfw"], true);
    assert_eq!(update["name"], "general");
    bob.slash(world.channel, "spicy", json!({})).await.unwrap();
    assert_eq!(next_interaction(&mut client).await["channel"]["nsfw"], true);
    assert!(sandbox.set_channel_nsfw(lounge, false));
    let update = client.until(0, Some("CHANNEL_UPDATE")).await["d"].clone();
    assert_eq!(update["nsfw"], false);
    let (_, channel) = rest.get(&format!("/channels/{lounge}")).await;
    assert_eq!(channel["nsfw"], false);
    assert!(!sandbox.set_channel_nsfw(1, true), "an unknown channel");
    let dm = sandbox.dm_channel(world.member).unwrap();
    assert!(!sandbox.set_channel_nsfw(dm, true), "a DM is in no guild");
}

#[tokio::test]
async fn administrator_grants_every_permission_to_members_and_to_the_bot() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let rest = Rest::new(&sandbox);
    let admins = sandbox
        .add_role(world.guild, "admins", ADMINISTRATOR)
        .unwrap();
    let carol = sandbox.add_user("carol");
    assert!(sandbox.add_member(world.guild, carol, &[admins]));
    rest.register(None, json!([{"name": "check", "description": "Check"}]))
        .await;
    assert_eq!(sandbox.member_permissions(world.guild, carol), Some(ALL));
    assert_eq!(
        sandbox.member_permissions(world.guild, world.owner),
        Some(ALL)
    );
    assert_eq!(
        sandbox.member_permissions(world.guild, world.member),
        Some(EVERYONE)
    );
    let bot = sandbox.bot_user_id();
    assert_eq!(sandbox.member_permissions(world.guild, bot), Some(EVERYONE));
    assert_eq!(sandbox.member_permissions(1, carol), None);
    let dave = sandbox.add_user("dave");
    assert_eq!(
        sandbox.member_permissions(world.guild, dave),
        None,
        "not a member"
    );

    let (mut client, guilds) = session(&sandbox).await;
    let carol_member = guilds[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| id_of(&m["user"]["id"]) == Some(carol))
        .unwrap()
        .clone();
    assert_eq!(carol_member["roles"], json!([admins.to_string()]));

    sandbox
        .user(carol)
        .slash(world.channel, "check", json!({}))
        .await
        .unwrap();
    let interaction = next_interaction(&mut client).await;
    assert_eq!(interaction["guild_id"], world.guild.to_string());
    assert_eq!(interaction["context"], 0, "GUILD");
    assert!(interaction.get("user").is_none(), "`member` in a guild");
    let member = &interaction["member"];
    assert_eq!(member["user"]["id"], carol.to_string());
    assert_eq!(member["roles"], json!([admins.to_string()]));
    assert_eq!(member["permissions"], ALL.to_string());
    assert_eq!(interaction["channel"]["permissions"], ALL.to_string());
    assert_eq!(interaction["app_permissions"], EVERYONE.to_string());

    sandbox
        .user(world.member)
        .slash(world.channel, "check", json!({}))
        .await
        .unwrap();
    let interaction = next_interaction(&mut client).await;
    assert_eq!(interaction["member"]["roles"], json!([]));
    assert_eq!(interaction["member"]["permissions"], EVERYONE.to_string());
    let has =
        |value: &Value, bit: u64| value.as_str().unwrap().parse::<u64>().unwrap() & bit == bit;
    assert!(!has(&interaction["member"]["permissions"], KICK_MEMBERS));
}

#[tokio::test]
async fn the_bots_roles_set_its_app_permissions_and_are_announced() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let rest = Rest::new(&sandbox);
    let janitors = sandbox
        .add_role(world.guild, "janitors", MANAGE_MESSAGES)
        .unwrap();
    let admins = sandbox
        .add_role(world.guild, "admins", ADMINISTRATOR)
        .unwrap();
    rest.register(None, json!([{"name": "check", "description": "Check"}]))
        .await;
    let (mut client, _) = session(&sandbox).await;
    let bot = sandbox.bot_user_id();
    let bob = sandbox.user(world.member);
    let mut app_permissions = Vec::new();
    for roles in [vec![janitors], vec![janitors, admins], vec![]] {
        assert!(sandbox.set_member_roles(world.guild, bot, &roles));
        let update = client.until(0, Some("GUILD_MEMBER_UPDATE")).await["d"].clone();
        assert_eq!(update["guild_id"], world.guild.to_string());
        assert_eq!(update["user"]["id"], bot.to_string());
        let listed: Vec<String> = roles.iter().map(u64::to_string).collect();
        assert_eq!(update["roles"], json!(listed));
        assert!(update["joined_at"].is_string());
        bob.slash(world.channel, "check", json!({})).await.unwrap();
        let interaction = next_interaction(&mut client).await;
        app_permissions.push(interaction["app_permissions"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        app_permissions,
        [
            (EVERYONE | MANAGE_MESSAGES).to_string(),
            ALL.to_string(),
            EVERYONE.to_string()
        ]
    );
    assert!(sandbox.set_member_roles(world.guild, world.member, &[janitors]));
    bob.slash(world.channel, "check", json!({})).await.unwrap();
    let interaction = next_interaction(&mut client).await;
    assert_eq!(
        interaction["member"]["roles"],
        json!([janitors.to_string()])
    );
    assert_eq!(
        interaction["member"]["permissions"],
        (EVERYONE | MANAGE_MESSAGES).to_string()
    );
    assert!(
        !sandbox.set_member_roles(world.guild, world.member, &[1]),
        "an unknown role"
    );
    assert!(
        !sandbox.set_member_roles(world.guild, world.member, &[world.guild]),
        "@everyone is not given"
    );
    let stranger = sandbox.add_user("stranger");
    assert!(!sandbox.set_member_roles(world.guild, stranger, &[janitors]));
    assert!(!sandbox.set_member_roles(1, world.member, &[]));
    assert_eq!(
        sandbox.member_permissions(world.guild, world.member),
        Some(EVERYONE | MANAGE_MESSAGES),
        "refused changes change nothing"
    );
}
