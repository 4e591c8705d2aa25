//! The walk of the application's routes (issue 28): every typed call for the application
//! (edited by `@me` and by id, the OAuth2 route), its activity instances and uploads, its
//! role-connection metadata, SKUs, subscriptions and entitlements, once through the proxy — so
//! that the SDK's requests and the sandbox's answers are validated — with an error path each
//! where the path can be wrong.

use bot_core::http::{Http, HttpError};
use bot_core::model::{
    EditApplication, EntitlementOwner, EntitlementQuery, Id, InstallParams, OAuth2Scope,
    Permissions, RoleConnectionMetadata, RoleConnectionMetadataType,
};
use bot_sandbox::{DefaultGuild, SandboxHandle, SkuKind};
use futures_util::TryStreamExt;

fn status(error: HttpError) -> Option<u16> {
    match error {
        HttpError::Api { status, .. } => Some(status),
        _ => None,
    }
}

/// Calls every application route through `http` (the SDK, through the proxy).
pub async fn application(sandbox: &SandboxHandle, world: DefaultGuild, http: &Http) {
    let app = Id::new(sandbox.application_id());
    let edit = EditApplication::new()
        .description("Walks the routes")
        .tags(["walk"])
        .interactions_endpoint_url("https://walker.example/interactions")
        .install_params(InstallParams::new(
            [OAuth2Scope::Bot],
            Permissions::SEND_MESSAGES,
        ));
    http.edit_current_application(&edit).await.expect("edited");
    http.edit_application(
        app,
        &EditApplication::new().remove_interactions_endpoint_url(),
    )
    .await
    .expect("edited by id");
    http.application(app).await.expect("by id");
    assert_eq!(
        status(http.application(Id::new(1)).await.unwrap_err()),
        Some(404)
    );
    http.oauth2_application().await.expect("the OAuth2 route");

    let instance = sandbox
        .start_activity_instance(world.channel, &[world.member])
        .expect("an activity");
    http.activity_instance(app, &instance)
        .await
        .expect("the instance");
    http.upload_application_attachment(app, "walk.png", vec![1, 2, 3])
        .await
        .expect("uploaded");

    let record = RoleConnectionMetadata::new(
        RoleConnectionMetadataType::BooleanEqual,
        "walked",
        "Walked",
        "Has walked the routes",
    );
    http.set_role_connection_metadata(app, &[record])
        .await
        .expect("stored");
    http.role_connection_metadata(app).await.expect("read");

    let skus = http.skus(app).await.expect("the SKUs");
    let premium = skus[0].id;
    let coins = sandbox.add_sku("Walk coins", SkuKind::Consumable);
    let (subscription, _) = sandbox
        .subscribe(world.member, premium.get())
        .expect("subscribed");
    let listed: Vec<_> = http
        .sku_subscriptions(premium, Id::new(world.member), None)
        .try_collect()
        .await
        .expect("the subscriptions");
    assert_eq!(listed.len(), 1);
    http.sku_subscription(premium, Id::new(subscription))
        .await
        .expect("one subscription");

    let granted = http
        .create_test_entitlement(
            app,
            Id::new(coins),
            EntitlementOwner::User(Id::new(world.member)),
        )
        .await
        .expect("a test entitlement");
    let listed: Vec<_> = http
        .entitlements(
            app,
            EntitlementQuery::new().user(Id::new(world.member)),
            Some(10),
        )
        .try_collect()
        .await
        .expect("the entitlements");
    assert_eq!(listed.len(), 2, "the subscription's and the test one");
    http.entitlement(app, granted.id).await.expect("one");
    http.consume_entitlement(app, granted.id)
        .await
        .expect("consumed");
    assert_eq!(
        status(http.consume_entitlement(app, granted.id).await.unwrap_err()),
        Some(400)
    );
    http.delete_test_entitlement(app, granted.id)
        .await
        .expect("deleted");
    assert_eq!(
        status(http.entitlement(app, Id::new(1)).await.unwrap_err()),
        Some(404)
    );
}
