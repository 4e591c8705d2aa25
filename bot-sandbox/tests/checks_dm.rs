//! Commands in a user's DM with the bot (RR "Interaction Object": no `guild_id` or `member`, a
//! top-level `user`, `context` 1, `authorizing_integration_owners` `{"0": "0"}`; AC "Interaction
//! Contexts"), and replies landing in the DM channel.

mod common;
mod schema;
mod support;

use bot_sandbox::{InvokeError, Sandbox};
use reqwest::Method;
use schema::Spec;
use serde_json::{Value, json};
use support::{Rest, next_interaction, session};

/// ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE | USE_EXTERNAL_EMOJIS (RR note ***).
const BOT_DM_APP_PERMISSIONS: u64 = (1 << 15) | (1 << 14) | (1 << 17) | (1 << 18);

#[tokio::test]
async fn a_global_command_runs_in_the_bots_dm_with_discords_dm_payload() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let rest = Rest::new(&sandbox);
    let spec = Spec::load();
    rest.register(
        None,
        json!([{"name": "whoami", "description": "Who am I", "options": [
            {"type": 6, "name": "who", "description": "Whom"}]}]),
    )
    .await;
    let (mut client, _) = session(&sandbox).await;
    let dm = sandbox.dm_channel(world.member).expect("bob has a DM");
    assert_eq!(sandbox.dm_channel(world.member), Some(dm), "the same DM");
    assert_ne!(sandbox.dm_channel(world.owner), Some(dm), "one DM per user");
    assert_eq!(
        sandbox.dm_channel(sandbox.bot_user_id()),
        None,
        "not with itself"
    );
    assert_eq!(sandbox.dm_channel(1), None, "an unknown user");

    let bob = sandbox.user(world.member);
    let mut invocation = bob
        .slash_in_dm("whoami", json!({"who": world.owner}))
        .await
        .expect("a global command without contexts is offered in the bot's DM");
    let interaction = next_interaction(&mut client).await;
    for absent in ["guild_id", "guild", "member", "guild_locale"] {
        assert!(
            interaction.get(absent).is_none(),
            "{absent} in {interaction}"
        );
    }
    assert_eq!(interaction["type"], 2);
    assert_eq!(interaction["version"], 1);
    assert_eq!(interaction["id"], invocation.id().to_string());
    assert_eq!(
        interaction["application_id"],
        sandbox.application_id().to_string()
    );
    assert!(interaction["token"].is_string());
    assert_eq!(interaction["locale"], "en-US");
    assert_eq!(interaction["entitlements"], json!([]));
    assert!(interaction["attachment_size_limit"].is_u64());
    assert_eq!(interaction["context"], 1, "BOT_DM");
    assert_eq!(
        interaction["authorizing_integration_owners"],
        json!({"0": "0"})
    );
    assert_eq!(
        interaction["app_permissions"],
        BOT_DM_APP_PERMISSIONS.to_string()
    );
    assert_eq!(interaction["user"]["id"], world.member.to_string());
    assert_eq!(interaction["user"]["username"], "bob");
    assert_eq!(interaction["channel_id"], dm.to_string());
    let channel = &interaction["channel"];
    spec.assert_valid("PrivateChannelResponse", channel);
    assert_eq!(channel["id"], dm.to_string());
    assert_eq!(channel["type"], 1, "DM");
    assert_eq!(channel["flags"], 0);
    let recipients = channel["recipients"].as_array().unwrap();
    assert_eq!(recipients.len(), 1, "the other user, not the bot");
    assert_eq!(recipients[0]["id"], world.member.to_string());
    let data = &interaction["data"];
    assert_eq!(data["name"], "whoami");
    assert!(data.get("guild_id").is_none(), "a global command");
    assert_eq!(data["options"][0]["value"], world.owner.to_string());
    let owner = world.owner.to_string();
    assert_eq!(data["resolved"]["users"][&owner]["username"], "alice");
    assert!(
        data["resolved"].get("members").is_none(),
        "no members in a DM"
    );

    let callback = rest.answer(&sandbox, invocation.id(), "you are bob").await;
    let reply = &callback["resource"]["message"];
    assert_eq!(reply["channel_id"], dm.to_string());
    assert!(reply.get("guild_id").is_none(), "{reply}");
    assert_eq!(
        reply["interaction_metadata"]["authorizing_integration_owners"],
        json!({"0": "0"})
    );
    assert_eq!(
        reply["interaction_metadata"]["user"]["id"],
        world.member.to_string()
    );
    spec.assert_valid("MessageResponse", reply);
    assert_eq!(
        invocation.response().await.unwrap().content(),
        Some("you are bob")
    );
    let token = sandbox.interaction_token(invocation.id()).unwrap();
    let webhook = format!("/webhooks/{}/{token}", sandbox.application_id());
    let (status, followup) = rest
        .send(Method::POST, &webhook, Some(json!({"content": "and more"})))
        .await;
    assert_eq!(status, 200, "{followup}");
    assert_eq!(followup["channel_id"], dm.to_string());
    let (status, edited) = rest
        .send(
            Method::PATCH,
            &format!("{webhook}/messages/@original"),
            Some(json!({"content": "edited"})),
        )
        .await;
    assert_eq!(status, 200, "{edited}");
    let contents = |messages: Vec<Value>| -> Vec<String> {
        messages
            .iter()
            .map(|m| m["content"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(contents(sandbox.messages(dm)), ["edited", "and more"]);
    assert!(
        sandbox.messages(world.channel).is_empty(),
        "not in #general"
    );

    let (status, fetched) = rest.get(&format!("/channels/{dm}")).await;
    assert_eq!(status, 200, "{fetched}");
    spec.assert_valid("PrivateChannelResponse", &fetched);
    assert_eq!(fetched["last_message_id"], followup["id"]);
    assert_eq!(fetched["recipients"][0]["id"], world.member.to_string());
    let (status, sent) = rest
        .send(
            Method::POST,
            &format!("/channels/{dm}/messages"),
            Some(json!({"content": "hi bob"})),
        )
        .await;
    assert_eq!(status, 200, "{sent}");
    assert!(sent.get("guild_id").is_none());
    let created = client.until(0, Some("MESSAGE_CREATE")).await["d"].clone();
    assert_eq!(created["channel_id"], dm.to_string());
    let (status, listed) = rest.get(&format!("/channels/{dm}/messages")).await;
    assert_eq!(status, 200);
    assert_eq!(
        contents(listed.as_array().unwrap().clone()),
        ["hi bob", "and more", "edited"],
        "newest first"
    );
    let (status, _) = rest.get("/channels/1/messages").await;
    assert_eq!(status, 404, "still no unknown channels");
}

#[tokio::test]
async fn dm_invocations_follow_contexts_dm_permission_and_scope() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let world = sandbox.default_guild().unwrap();
    let rest = Rest::new(&sandbox);
    rest.register(
        None,
        json!([
            {"name": "anywhere", "description": "No contexts"},
            {"name": "guildonly", "description": "Guilds only", "contexts": [0]},
            {"name": "dmonly", "description": "DMs only", "contexts": [1]},
            {"name": "nodm", "description": "Deprecated opt-out", "dm_permission": false},
            {"name": "modern", "description": "Contexts win", "dm_permission": false,
             "contexts": [0, 1]},
            {"name": "userapp", "description": "User installs only", "integration_types": [1],
             "contexts": [0, 1, 2]},
            {"name": "pick", "description": "Autocomplete", "options": [
                {"type": 3, "name": "q", "description": "Query", "autocomplete": true}]},
        ]),
    )
    .await;
    rest.register(
        Some(world.guild),
        json!([{"name": "local", "description": "A guild command"}]),
    )
    .await;
    let (mut client, _) = session(&sandbox).await;
    let bob = sandbox.user(world.member);
    for allowed in ["anywhere", "dmonly", "modern"] {
        bob.slash_in_dm(allowed, json!({}))
            .await
            .unwrap_or_else(|e| panic!("{allowed}: {e}"));
        let interaction = next_interaction(&mut client).await;
        assert_eq!(interaction["data"]["name"], allowed);
        assert_eq!(interaction["context"], 1);
    }
    for excluded in ["guildonly", "nodm", "userapp"] {
        assert_eq!(
            bob.slash_in_dm(excluded, json!({})).await.unwrap_err(),
            InvokeError::ContextExcluded(excluded.to_owned())
        );
    }
    assert_eq!(
        bob.slash_in_dm("local", json!({})).await.unwrap_err(),
        InvokeError::UnknownCommand("local".to_owned()),
        "guild commands are not offered in DMs"
    );
    assert_eq!(
        bob.slash(world.channel, "dmonly", json!({}))
            .await
            .unwrap_err(),
        InvokeError::ContextExcluded("dmonly".to_owned()),
        "contexts without GUILD"
    );
    for allowed_in_guild in ["anywhere", "nodm", "guildonly", "local"] {
        bob.slash(world.channel, allowed_in_guild, json!({}))
            .await
            .unwrap_or_else(|e| panic!("{allowed_in_guild}: {e}"));
        let interaction = next_interaction(&mut client).await;
        assert_eq!(interaction["context"], 0);
        assert_eq!(interaction["guild_id"], world.guild.to_string());
    }

    bob.autocomplete_in_dm("pick", json!({"q": "ab"}), "q")
        .await
        .unwrap();
    let typed = next_interaction(&mut client).await;
    assert_eq!(typed["type"], 4, "APPLICATION_COMMAND_AUTOCOMPLETE");
    assert_eq!(typed["context"], 1);
    assert!(typed.get("member").is_none() && typed.get("guild_id").is_none());
    assert_eq!(
        typed["data"]["options"],
        json!([{"name": "q", "type": 3, "value": "ab", "focused": true}])
    );
    assert_eq!(
        typed["channel_id"],
        sandbox.dm_channel(world.member).unwrap().to_string()
    );

    assert_eq!(
        sandbox
            .user(1)
            .slash_in_dm("anywhere", json!({}))
            .await
            .unwrap_err(),
        InvokeError::UnknownUser(1)
    );
    let bot = sandbox.bot_user_id();
    assert_eq!(
        sandbox
            .user(bot)
            .slash_in_dm("anywhere", json!({}))
            .await
            .unwrap_err(),
        InvokeError::UnknownUser(bot),
        "the bot has no DM with itself"
    );
    assert!(
        InvokeError::ContextExcluded("nodm".into())
            .to_string()
            .contains("nodm")
    );

    let listed = sandbox.commands(None);
    let by_name = |name: &str| listed.iter().find(|c| c["name"] == name).unwrap().clone();
    assert_eq!(by_name("nodm")["dm_permission"], false, "echoed as written");
    assert!(
        by_name("anywhere").get("dm_permission").is_none(),
        "absent when not written"
    );
    let before = sandbox.command_writes();
    rest.send(
        Method::POST,
        &format!("/applications/{}/commands", sandbox.application_id()),
        Some(json!({"name": "nodm", "description": "Deprecated opt-out"})),
    )
    .await;
    assert_eq!(sandbox.command_writes(), before + 1);
    bob.slash_in_dm("nodm", json!({}))
        .await
        .expect("without dm_permission: false the command is offered in DMs again");
}
