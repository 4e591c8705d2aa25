//! Discord's REST surface, the application's part (issue 28): the application read and edited
//! (its interactions endpoint url, description, tags, install parameters, flags), refetched by
//! `application_info`; its role-connection metadata records; its SKUs, store page and
//! subscriptions; test entitlements created, listed, consumed (ENTITLEMENT_UPDATE reaching a
//! listener) and deleted; activity instances and uploaded attachments — through `Http` and
//! Pycord's names on `Bot` and `Context`, each on its success path and an error path.

mod common;

use bot_core::event::{EntitlementCreate, EntitlementDelete, EntitlementUpdate, Received};
use bot_core::http::{Http, HttpError, Token};
use bot_core::model::{
    ApplicationFlags, EditApplication, Entitlement, EntitlementOwner, EntitlementQuery, Id,
    InstallParams, Intents, OAuth2Scope, Permissions, RoleConnectionMetadata,
    RoleConnectionMetadataType, SkuType,
};
use bot_sandbox::{DefaultGuild, Sandbox, SandboxHandle, SkuKind};
use futures_util::TryStreamExt;
use std::time::Duration;

async fn start() -> (SandboxHandle, DefaultGuild) {
    let sandbox = Sandbox::builder()
        .start()
        .await
        .expect("the sandbox starts");
    let world = sandbox.default_guild().expect("seeded");
    (sandbox, world)
}

fn http_of(sandbox: &SandboxHandle) -> Http {
    Http::new(sandbox.rest_url(), Token::new(sandbox.token()))
}

fn code(result: Result<impl std::fmt::Debug, HttpError>) -> Option<u64> {
    result.expect_err("Discord refuses it").code()
}

fn refused_before_sending(result: Result<impl std::fmt::Debug, HttpError>) -> bool {
    matches!(result, Err(HttpError::Refused(_)))
}

#[tokio::test]
async fn the_application_is_edited_and_application_info_refetches_it() {
    let (sandbox, _) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    bot.login().await.expect("logged in");
    let id = bot.application_id().expect("the application id");
    assert_eq!(
        bot.store_url().as_deref(),
        Some(&*format!(
            "https://discord.com/application-directory/{id}/store"
        ))
    );
    let edit = EditApplication::new()
        .description("Plays music")
        .interactions_endpoint_url("https://bot.example/interactions")
        .tags(["music", "fun"])
        .flags(ApplicationFlags::GATEWAY_MESSAGE_CONTENT_LIMITED)
        .install_params(InstallParams::new(
            [OAuth2Scope::Bot, OAuth2Scope::ApplicationsCommands],
            Permissions::SEND_MESSAGES,
        ));
    let edited = bot
        .http()
        .edit_current_application(&edit)
        .await
        .expect("edited");
    assert_eq!(
        edited.interactions_endpoint_url.as_deref(),
        Some("https://bot.example/interactions")
    );
    // The login copy is kept; application_info asks Discord again.
    assert_eq!(
        bot.application().expect("logged in").description.as_ref(),
        "A bot running against bot-sandbox"
    );
    let fresh = bot.application_info().await.expect("refetched");
    assert_eq!(fresh.description.as_ref(), "Plays music");
    assert_eq!(fresh.tags, ["music".into(), "fun".into()] as [Box<str>; 2]);
    assert_eq!(
        fresh.flags,
        Some(ApplicationFlags::GATEWAY_MESSAGE_CONTENT_LIMITED)
    );
    let params = fresh.install_params.expect("install params");
    assert_eq!(params.permissions, Permissions::SEND_MESSAGES);
    assert_eq!(
        sandbox.application()["interactions_endpoint_url"],
        "https://bot.example/interactions"
    );

    // By id, and by the older OAuth2 route; another application is unknown.
    let by_id = bot.fetch_application(id).await.expect("by id");
    assert_eq!(by_id.id, id);
    let cleared = bot
        .http()
        .edit_application(
            id,
            &EditApplication::new().remove_interactions_endpoint_url(),
        )
        .await
        .expect("the endpoint removed");
    assert_eq!(cleared.interactions_endpoint_url, None);
    let oauth2 = bot.http().oauth2_application().await.expect("oauth2 route");
    assert_eq!(oauth2.id, id);
    assert_eq!(code(bot.fetch_application(Id::new(1)).await), Some(10002));
    assert_eq!(
        code(
            bot.http()
                .edit_application(Id::new(1), &EditApplication::new())
                .await
        ),
        Some(10002)
    );

    // Discord's rules, checked before sending.
    let privileged = EditApplication::new().flags(ApplicationFlags::GATEWAY_PRESENCE);
    assert!(refused_before_sending(
        bot.http().edit_current_application(&privileged).await
    ));
    let six_tags = EditApplication::new().tags(["a", "b", "c", "d", "e", "f"]);
    assert!(refused_before_sending(
        bot.http().edit_current_application(&six_tags).await
    ));
    let not_a_url = EditApplication::new().interactions_endpoint_url("bot.example");
    assert!(refused_before_sending(
        bot.http().edit_current_application(&not_a_url).await
    ));
}

#[tokio::test]
async fn role_connection_metadata_is_replaced_within_discords_limits() {
    let (sandbox, _) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    assert!(
        bot.fetch_role_connection_metadata_records()
            .await
            .expect("none yet (asked for the application id first)")
            .is_empty()
    );
    let won = RoleConnectionMetadata::new(
        RoleConnectionMetadataType::IntegerGreaterThanOrEqual,
        "matches_won",
        "Matches won",
        "At least this many matches won",
    );
    let stored = bot
        .update_role_connection_metadata_records(std::slice::from_ref(&won))
        .await
        .expect("stored");
    assert_eq!(stored, std::slice::from_ref(&won));
    assert_eq!(
        bot.fetch_role_connection_metadata_records()
            .await
            .expect("read"),
        std::slice::from_ref(&won)
    );
    let six: Vec<_> = (0..6)
        .map(|i| {
            let mut record = won.clone();
            record.key = format!("key_{i}").into();
            record
        })
        .collect();
    assert!(refused_before_sending(
        bot.update_role_connection_metadata_records(&six).await
    ));
    let mut bad_key = won.clone();
    bad_key.key = "Matches-Won".into();
    assert!(refused_before_sending(
        bot.update_role_connection_metadata_records(&[bad_key])
            .await
    ));
}

#[tokio::test]
async fn skus_and_subscriptions_are_read() {
    let (sandbox, world) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let sword = sandbox.add_sku("Sword", SkuKind::Durable);
    let skus = bot.fetch_skus().await.expect("the SKUs");
    let kinds: Vec<SkuType> = skus.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [SkuType::Subscription, SkuType::Consumable, SkuType::Durable]
    );
    assert_eq!(skus[2].id, Id::new(sword));
    let premium = skus[0].id;
    let (subscription, entitlement) = sandbox
        .subscribe(world.member, premium.get())
        .expect("subscribed");
    let http = http_of(&sandbox);
    let listed: Vec<_> = http
        .sku_subscriptions(premium, Id::new(world.member), None)
        .try_collect()
        .await
        .expect("the subscriptions");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].entitlement_ids, [Id::new(entitlement)]);
    let one = http
        .sku_subscription(premium, Id::new(subscription))
        .await
        .expect("one subscription");
    assert_eq!(one.user_id, Id::new(world.member));
    assert_eq!(
        code(
            http.sku_subscription(Id::new(1), Id::new(subscription))
                .await
        ),
        Some(10027)
    );
    let unknown: Result<Vec<_>, _> = http
        .sku_subscriptions(Id::new(1), Id::new(world.member), None)
        .try_collect()
        .await;
    assert_eq!(code(unknown), Some(10027));
}

#[tokio::test]
async fn a_test_entitlement_is_listed_consumed_and_deleted() {
    let (sandbox, world) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let (created_tx, mut created) = tokio::sync::mpsc::unbounded_channel();
    let (updated_tx, mut updated) = tokio::sync::mpsc::unbounded_channel();
    let (deleted_tx, mut deleted) = tokio::sync::mpsc::unbounded_channel();
    bot.add_listener(move |event: Received<EntitlementCreate>| {
        let tx = created_tx.clone();
        async move {
            let _ = tx.send(Entitlement::clone(&event));
        }
    });
    bot.add_listener(move |event: Received<EntitlementUpdate>| {
        let tx = updated_tx.clone();
        async move {
            let _ = tx.send(Entitlement::clone(&event));
        }
    });
    bot.add_listener(move |event: Received<EntitlementDelete>| {
        let tx = deleted_tx.clone();
        async move {
            let _ = tx.send(Entitlement::clone(&event));
        }
    });
    let task = common::started(&bot).await;
    let app = bot.application_id().expect("logged in");
    let skus = bot.fetch_skus().await.expect("the SKUs");
    let coins = skus
        .iter()
        .find(|s| s.kind == SkuType::Consumable)
        .expect("the seeded consumable")
        .id;
    let user = Id::new(world.member);
    let http = bot.http();
    let granted = http
        .create_test_entitlement(app, coins, EntitlementOwner::User(user))
        .await
        .expect("a test entitlement");
    assert_eq!(granted.user_id, Some(user));
    assert_eq!(granted.starts_at, None, "test entitlements have no dates");
    let heard = tokio::time::timeout(Duration::from_secs(2), created.recv()).await;
    assert_eq!(heard.ok().flatten().map(|e| e.id), Some(granted.id));

    // Listed through Pycord's stream, by user and SKU; another user's list is empty.
    let listed: Vec<Entitlement> = bot
        .entitlements(Some(user), &[coins], None, None, Some(100), None, false)
        .try_collect()
        .await
        .expect("the entitlements");
    assert_eq!(
        listed.iter().map(|e| e.id).collect::<Vec<_>>(),
        [granted.id]
    );
    let others: Vec<Entitlement> = bot
        .entitlements(
            Some(Id::new(world.owner)),
            &[],
            None,
            None,
            None,
            None,
            false,
        )
        .try_collect()
        .await
        .expect("none");
    assert!(others.is_empty());
    assert!(
        http.entitlement(app, granted.id)
            .await
            .expect("one")
            .consumed
            == Some(false)
    );

    // Consumed: ENTITLEMENT_UPDATE reaches the listener; a second time Discord refuses.
    http.consume_entitlement(app, granted.id)
        .await
        .expect("consumed");
    let heard = tokio::time::timeout(Duration::from_secs(2), updated.recv())
        .await
        .ok()
        .flatten()
        .expect("ENTITLEMENT_UPDATE");
    assert_eq!((heard.id, heard.consumed), (granted.id, Some(true)));
    assert_eq!(
        code(http.consume_entitlement(app, granted.id).await),
        Some(50035)
    );

    // Deleted: ENTITLEMENT_DELETE, gone from the list unless deleted ones are asked for.
    http.delete_test_entitlement(app, granted.id)
        .await
        .expect("deleted");
    let heard = tokio::time::timeout(Duration::from_secs(2), deleted.recv()).await;
    assert_eq!(heard.ok().flatten().map(|e| e.deleted), Some(true));
    let gone: Vec<Entitlement> = http
        .entitlements(app, EntitlementQuery::new().user(user), None)
        .try_collect()
        .await
        .expect("the list");
    assert!(gone.is_empty());
    let with_deleted: Vec<Entitlement> = http
        .entitlements(
            app,
            EntitlementQuery::new().user(user).exclude_deleted(false),
            None,
        )
        .try_collect()
        .await
        .expect("the list");
    assert_eq!(with_deleted.len(), 1);
    assert_eq!(
        code(http.delete_test_entitlement(app, granted.id).await),
        Some(10029)
    );
    assert_eq!(code(http.entitlement(app, Id::new(1)).await), Some(10029));
    assert_eq!(
        code(
            http.create_test_entitlement(app, Id::new(1), EntitlementOwner::User(user))
                .await
        ),
        Some(10027)
    );
    common::stop(&bot, task).await;
}

#[tokio::test]
async fn entitlements_page_both_ways_and_leave_out_ended_ones() {
    let (sandbox, world) = start().await;
    let bot = common::bot_with_intents(&sandbox, Intents::GUILDS);
    let http = http_of(&sandbox);
    let app = Id::new(sandbox.application_id());
    let sword = sandbox.add_sku("Sword", SkuKind::Durable);
    let premium = sandbox.add_sku("Premium+", SkuKind::UserSubscription);
    let ids: Vec<u64> = (0..5)
        .map(|_| sandbox.purchase(world.member, sword).expect("bought"))
        .collect();
    let newest_first: Vec<u64> = bot
        .entitlements(None, &[Id::new(sword)], None, None, None, None, false)
        .map_ok(|e| e.id.get())
        .try_collect()
        .await
        .expect("all");
    assert_eq!(newest_first, ids.iter().rev().copied().collect::<Vec<_>>());
    let after: Vec<u64> = bot
        .entitlements(None, &[], None, Some(ids[1]), Some(2), None, false)
        .map_ok(|e| e.id.get())
        .try_collect()
        .await
        .expect("after, oldest first");
    assert_eq!(after, [ids[2], ids[3]]);
    let between: Vec<u64> = bot
        .entitlements(None, &[], Some(ids[4]), Some(ids[1]), None, None, false)
        .map_ok(|e| e.id.get())
        .try_collect()
        .await
        .expect("between, newest first");
    assert_eq!(between, [ids[3], ids[2]]);

    let (_, lapsing) = sandbox
        .subscribe(world.member, premium)
        .expect("subscribed");
    assert!(sandbox.end_entitlement(lapsing));
    let active: Vec<u64> = bot
        .entitlements(None, &[Id::new(premium)], None, None, None, None, true)
        .map_ok(|e| e.id.get())
        .try_collect()
        .await
        .expect("active ones");
    assert!(active.is_empty(), "the ended subscription is left out");
    let twice: Result<Vec<_>, _> = http
        .entitlements(
            app,
            EntitlementQuery::new().skus([Id::new(sword), Id::new(sword)]),
            None,
        )
        .try_collect()
        .await;
    assert!(refused_before_sending(twice));
}

#[tokio::test]
async fn activity_instances_and_attachments_are_served() {
    let (sandbox, world) = start().await;
    let http = http_of(&sandbox);
    let app = Id::new(sandbox.application_id());
    let instance = sandbox
        .start_activity_instance(world.channel, &[world.member])
        .expect("started");
    let found = http.activity_instance(app, &instance).await.expect("found");
    assert_eq!(found.location.channel_id, Id::new(world.channel));
    assert_eq!(found.users, [Id::new(world.member)]);
    assert_eq!(
        http.activity_instance(app, "i-unknown")
            .await
            .expect_err("not running")
            .status(),
        Some(404)
    );
    assert!(refused_before_sending(
        http.activity_instance(app, "").await
    ));

    let uploaded = http
        .upload_application_attachment(app, "moment.png", vec![0x89, b'P', b'N', b'G'])
        .await
        .expect("uploaded");
    assert_eq!(uploaded.filename, "moment.png");
    assert_eq!(uploaded.size, 4);
    let bytes = reqwest::get(&uploaded.url)
        .await
        .expect("served")
        .bytes()
        .await
        .expect("the bytes");
    assert_eq!(&bytes[..], &[0x89, b'P', b'N', b'G']);
    assert!(refused_before_sending(
        http.upload_application_attachment(app, "empty.png", Vec::new())
            .await
    ));
}
