//! TLS against the sandbox's TLS mode, with the back end of this build (`rustls-ring` by
//! default; CI runs this file again with `rustls-aws-lc` and with `native-tls`): REST and the
//! gateway accept a server whose root the bot was given, and refuse one whose root it was not.
//! This test crate enables both of rustls's providers, as an application's dependency graph
//! may: connecting does not panic, because the SDK hands rustls its provider explicitly.
#![cfg(any(
    feature = "rustls-ring",
    feature = "rustls-aws-lc",
    feature = "native-tls"
))]

use bot_core::http::{Http, Token};
use bot_core::tls::{Backend, Certificate, Tls};
use bot_core::{Bot, command::CommandRegistry};
use bot_sandbox::{GatewayUrlShape, Sandbox, SandboxHandle};
use std::time::Duration;

async fn tls_sandbox() -> SandboxHandle {
    Sandbox::builder().tls(true).start().await.unwrap()
}

fn root_of(sandbox: &SandboxHandle) -> Certificate {
    Certificate::from_pem(sandbox.tls_root_pem().unwrap().as_bytes()).unwrap()
}

fn bot(rest: &SandboxHandle, roots: &[&SandboxHandle]) -> Bot {
    let mut builder = Bot::builder()
        .token(rest.token())
        .api_base(rest.rest_url())
        .registry(CommandRegistry::default());
    for sandbox in roots {
        builder = builder.add_root_certificate(root_of(sandbox));
    }
    builder.build().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rest_and_gateway_accept_a_server_whose_root_was_added() {
    assert_ne!(Backend::ACTIVE, Backend::None);
    let sandbox = tls_sandbox().await;
    assert!(sandbox.rest_url().starts_with("https://"));
    assert!(sandbox.gateway_url().starts_with("wss://"));
    let bot = bot(&sandbox, &[&sandbox]);
    let runner = bot.clone();
    let task = tokio::spawn(async move { runner.start().await });
    let ready = tokio::time::timeout(Duration::from_secs(10), bot.wait_until_ready()).await;
    assert!(matches!(ready, Ok(Ok(()))), "READY over wss: {ready:?}");
    let me = bot.http().current_user().await.unwrap();
    assert_eq!(me.id.get(), sandbox.bot_user_id());
    assert_eq!(sandbox.gateway().identify_count(), 1);
    bot.close();
    task.await.unwrap().unwrap();
    #[cfg(not(feature = "native-tls"))]
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "the SDK installed no process-wide provider"
    );
}

#[tokio::test]
async fn rest_refuses_a_server_whose_root_was_not_added() {
    let sandbox = tls_sandbox().await;
    let other = tls_sandbox().await;
    // No root, and another sandbox's root: both refuse before any request is sent.
    for roots in [vec![], vec![root_of(&other)]] {
        let http = Http::builder(sandbox.rest_url(), Token::new(sandbox.token()))
            .tls(Tls::new(&roots).unwrap())
            .build()
            .unwrap();
        let refused = http.current_user().await;
        assert!(refused.is_err(), "{refused:?}");
    }
    assert_eq!(sandbox.tls_handshakes(), Some(0));
    assert_eq!(sandbox.request_counts().0, 0);
    // The same client with the root: accepted.
    let http = Http::builder(sandbox.rest_url(), Token::new(sandbox.token()))
        .tls(Tls::new(&[root_of(&sandbox)]).unwrap())
        .build()
        .unwrap();
    http.current_user().await.unwrap();
    assert_eq!(sandbox.tls_handshakes(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_refuses_a_server_whose_root_was_not_added() {
    // REST on `trusted`, whose `/gateway/bot` points at `gateway`, another TLS sandbox.
    let gateway = tls_sandbox().await;
    let trusted = Sandbox::builder()
        .tls(true)
        .gateway_url_shape(GatewayUrlShape::Custom(gateway.gateway_url()))
        .start()
        .await
        .unwrap();
    for (roots, handshakes) in [(vec![&trusted], 0), (vec![&trusted, &gateway], 1)] {
        let bot = bot(&trusted, &roots);
        let runner = bot.clone();
        let task = tokio::spawn(async move { runner.start().await });
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let reached = gateway.tls_handshakes().unwrap();
        if handshakes == 0 {
            assert_eq!(reached, 0, "the gateway's certificate was refused");
            assert!(!bot.is_ready());
        } else {
            assert!(reached >= 1, "with its root, the gateway was reached");
        }
        bot.close();
        let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
    }
    assert!(
        trusted.tls_handshakes().unwrap() >= 2,
        "REST was reached both times"
    );
}

/// The scenario is real: with both providers on and none installed, rustls cannot choose one
/// by itself (`ClientConfig::builder()` panics); the SDK never asks it to.
#[cfg(not(feature = "native-tls"))]
#[test]
fn this_graph_has_both_rustls_providers_and_no_default() {
    assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    let chose = std::panic::catch_unwind(rustls::ClientConfig::builder);
    assert!(chose.is_err(), "rustls would pick a provider by itself");
    assert!(Tls::new(&[]).is_ok());
}
